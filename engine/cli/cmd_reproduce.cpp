// lotrinh reproduce.
#include "cli/cmd_reproduce.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "config/figures_reader.h"
#include "diag/messages.h"
#include "diag/words.h"
#include "report/render.h"
#include "config/rule_file.h"
#include "expr/compiled_expr.h"
#include "rules/evaluation.h"
#include "rules/target_check.h"
#include "repro/figures.h"
#include "repro/transitions.h"

namespace lotrinh::cli {
namespace {

// "12 of 51" values behind a figure computed from the table; empty for the others.
report::Cell estimated_cell(const std::map<std::string, std::pair<size_t, size_t>>& estimated, const repro::FigureRow& r) {
  auto it = estimated.find(r.id);
  if (it == estimated.end() || r.basis != repro::Basis::kData || it->second.second == 0) return report::missing();
  return report::text(diag::msg("repro.estimated_of", it->second.first, it->second.second));
}

// A computed value without the last bits of binary noise (264.33099999999996 -> 264.331).
double tidy(double v) { return std::round(v * 1e9) / 1e9; }

// For each figure computed from the table: (estimated, total) of the values it read, i.e. the
// catalogue ids its expressions name, in the rows of its year that its `where` keeps.
std::map<std::string, std::pair<size_t, size_t>> estimated_by_figure(Context& ctx, const config::FiguresFile& file) {
  std::map<std::string, std::pair<size_t, size_t>> out;
  if (ctx.provenance().empty()) return out;
  config::RuleFile scratch;  // an empty rule set: its symbol table is the catalogue
  scratch.id = "figures";
  scratch.path = file.path;
  auto rs = rules::RuleSet::compile({&scratch}, ctx.catalogue());
  rules::Workspace ws(rs);
  const data::CommuneTable& table = ctx.table();
  for (const auto& f : file.figures) {
    if (f.kind != config::FigureKind::kAggregate) continue;
    std::vector<size_t> rows;
    for (size_t r : table.rows_in_year(f.year))
      if (f.aggregate != "value" || table.unit[r] == f.commune) rows.push_back(r);
    if (f.where && !rows.empty()) {
      std::vector<diag::Diagnostic> ignored;  // the figures reader has reported bad expressions
      auto where = expr::CompiledExpr::compile(f.where->text, rs->symbols, f.where->loc, f.where->exact, ignored);
      if (!where) continue;
      ws.reset(rules::table_inputs(table, rows, std::make_shared<std::map<std::string, std::vector<double>>>()), f.year,
               {}, /*check_year=*/false);
      std::vector<double> keep = ws.evaluate(*where);
      std::vector<size_t> kept;
      for (size_t i = 0; i < rows.size(); ++i)
        if (keep[i] == keep[i] && keep[i] != 0) kept.push_back(rows[i]);
      rows = std::move(kept);
    }
    std::string text;
    for (const auto* e : {&f.of, &f.where, &f.weight})
      if (*e) text += " " + (*e)->text + " ";
    std::vector<std::string> ids;
    for (const auto& id : ctx.catalogue().ids())
      if (rules::mentions_name(text, id)) ids.push_back(id);
    out[f.id] = ctx.estimated_count(ids, rows);
  }
  for (const auto& f : file.figures) {  // a change rests on the values of both its figures
    if (f.kind != config::FigureKind::kChange) continue;
    auto a = out[f.from], b = out[f.to];
    out[f.id] = {a.first + b.first, a.second + b.second};
  }
  return out;
}

report::ResultTable figure_table(const config::FiguresFile& file, const std::vector<repro::FigureRow>& rows,
                                 const std::string& data_path, int* mismatches,
                                 const std::map<std::string, std::pair<size_t, size_t>>& estimated) {
  report::ResultTable t;
  t.title = diag::msg("repro.title", file.report_id, data_path);
  t.name = "figures";
  t.columns = {{"id", diag::msg("repro.col.id")},
               {"section", diag::msg("repro.col.section")},
               {"figure", diag::msg("repro.col.figure")},
               {"reported", diag::msg("repro.col.reported"), report::Align::kRight},
               {"computed", diag::msg("repro.col.computed"), report::Align::kRight},
               {"unit", diag::msg("repro.col.unit")},
               {"from", diag::msg("repro.col.from")},
               {"check", diag::msg("repro.col.check")},
               {"measure", diag::msg("repro.col.measure")},
               {"status", diag::msg("repro.col.status")},
               {"estimated", diag::msg("repro.col.estimated")},
               {"note", diag::msg("repro.col.note")}};
  std::map<repro::Status, int> by_status;
  int from_data = 0, from_report = 0, fitted = 0, independent = 0;
  for (const auto& r : rows) {
    report::Cell reported = r.reported ? report::number(*r.reported)
                                       : (r.printed.empty() ? report::missing() : report::text(r.printed));
    t.add_row({report::text(r.id), report::text(r.section), report::text(r.label), reported,
               report::number(tidy(r.computed), r.decimals), report::text(diag::word("unit", r.unit)),
               report::text(diag::word("source", repro::basis_word(r.basis))),
               r.check == config::FigureCheck::kNone ? report::missing() : report::text(diag::word("check", repro::check_word(r.check))),
               report::text(r.measure), report::text(diag::word("repro", repro::status_word(r.status))), estimated_cell(estimated, r),
               report::text(r.note)});
    by_status[r.status]++;
    bool computed = r.status == repro::Status::kMatch || r.status == repro::Status::kMatchRounding ||
                    r.status == repro::Status::kMismatch;
    from_data += computed && r.basis == repro::Basis::kData;
    from_report += computed && r.basis == repro::Basis::kReport;
    fitted += computed && r.basis == repro::Basis::kData && r.check == config::FigureCheck::kFitted;
    independent += computed && r.basis == repro::Basis::kData && r.check == config::FigureCheck::kIndependent;
  }
  using S = repro::Status;
  t.notes.push_back(diag::msg("repro.summary", rows.size(), by_status[S::kMatch], by_status[S::kMatchRounding],
                              by_status[S::kSourceInconsistent], by_status[S::kNotReproducible], by_status[S::kMismatch],
                              from_data, from_report, fitted, independent));
  t.notes.push_back(diag::msg("repro.summary.words"));
  t.notes.push_back(diag::msg("repro.summary.checks"));
  if (from_data > 0 && independent == 0) t.notes.push_back(diag::msg("repro.summary.no_independent", from_data));
  if (by_status[S::kMismatch] > 0) t.notes.push_back(diag::msg("repro.summary.mismatch", by_status[S::kMismatch]));
  *mismatches = by_status[S::kMismatch];
  return t;
}

report::ResultTable transition_table(const repro::Transitions& tr) {
  report::ResultTable t;
  t.title = diag::msg("repro.tr.title", tr.before_id, tr.before_year, tr.after_id, tr.after_year);
  t.name = "transitions";  // CSV: FILE-transitions.csv beside the figures' FILE.csv
  auto year_col = [](const char* id, int y) { return diag::msg(id, y); };
  t.columns = {{"unit", diag::msg("col.unit")},
               {"name", diag::msg("col.name")},
               {"district", diag::msg("col.district")},
               {"twinned_before", year_col("repro.tr.col.twinned", tr.before_year)},
               {"twinned_after", year_col("repro.tr.col.twinned", tr.after_year)},
               {"class_before", year_col("repro.tr.col.class", tr.before_year)},
               {"class_after", year_col("repro.tr.col.class", tr.after_year)},
               {"change", diag::msg("repro.tr.col.change")},
               {"why_before", year_col("repro.tr.col.why", tr.before_year)},
               {"why_after", year_col("repro.tr.col.why", tr.after_year)}};
  // An empty class means no row that year: the flag is missing too.
  auto cls = [](const std::string& c) { return c.empty() ? report::missing() : report::text(c); };
  auto flag = [](const std::string& c, bool on) { return c.empty() ? report::missing() : report::number(on ? 1.0 : 0.0); };
  for (const auto& r : tr.rows)
    t.add_row({report::text(r.unit), report::text(r.name), report::text(r.district), flag(r.class_before, r.member_before),
               flag(r.class_after, r.member_after), cls(r.class_before_title), cls(r.class_after_title), report::text(diag::word("transition", r.change)),
               report::text(r.why_before), report::text(r.why_after)});
  t.notes = tr.notes;
  return t;
}

const repro::FigureRow* find_row(const std::vector<repro::FigureRow>& rows, const std::string& id) {
  for (const auto& r : rows)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace

int cmd_reproduce(Context& ctx) {
  const auto& o = ctx.options();
  std::string path = o.paths.empty() ? ctx.province_table("reproduce", "figures") : o.paths.front();
  config::FiguresFile file = config::read_figures_file(path);
  const data::CommuneTable& table = ctx.table();
  std::vector<repro::FigureRow> rows = repro::reproduce_figures(file, table, ctx.catalogue());
  int mismatches = 0;
  std::vector<report::ResultTable> tables;
  tables.push_back(figure_table(file, rows, table.path, &mismatches, estimated_by_figure(ctx, file)));

  // The transitions the province's manifest names ([rules] transitions).
  const config::ProvinceFile* province = ctx.province();
  const config::TransitionsDecl* tr = province && province->transitions ? &*province->transitions : nullptr;
  auto years = table.years();
  auto has_year = [&](int y) { return std::count(years.begin(), years.end(), y) > 0; };
  if (tr && has_year(tr->before_year) && has_year(tr->after_year) && ctx.library().file(tr->before_rules) &&
      ctx.library().file(tr->after_rules)) {
    repro::TransitionSpec spec;
    if (const auto* exits = find_row(rows, tr->exits_figure)) {
      spec.reported_left = exits->reported;
      spec.reported_where = exits->section;
    }
    if (const auto* all = find_row(rows, tr->of_figure)) spec.reported_of = all->reported;
    tables.push_back(transition_table(repro::region_transitions(table, ctx.library().get(tr->before_rules),
                                                                tr->before_year, ctx.library().get(tr->after_rules),
                                                                tr->after_year, spec)));
  } else if (tr) {
    tables.front().notes.push_back(
        diag::msg("repro.tr.skipped", tr->before_rules, tr->before_year, tr->after_rules, tr->after_year));
  }
  // --transitions shows the transitions alone. JSON carries one table, so that a program reads
  // one shape: the figures, or with --transitions the transitions. The terminal and a workbook
  // show both; CSV writes each to its own file (the figures alone on standard output).
  if (o.transitions && tables.size() > 1) tables.erase(tables.begin());
  else if (ctx.format() == report::Format::kJson && tables.size() > 1) {
    tables.resize(1);
    tables.front().notes.push_back(diag::msg("repro.transitions_option", tr->before_year, tr->after_year));
  }
  ctx.emit(tables);
  return mismatches > 0 ? 1 : 0;
}

}  // namespace lotrinh::cli
