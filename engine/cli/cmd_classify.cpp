// lotrinh classify, lotrinh explain.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "cli/html_reports.h"
#include "cli/commands.h"
#include "cli/option_checks.h"
#include "data/unit_registry.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "report/render.h"
#include "rules/explanation.h"

namespace lotrinh::cli {
namespace {

std::string rule_note(const rules::RuleSet& rs, int year) {
  return diag::msg("classify.rules_note", rs.id, rs.display_title(), rs.source, year);
}

// The official list standing for `year` when the rule set computes its classification;
// refuses a list naming a unit the table does not have.
const data::OfficialList* official_list(Context& ctx, const rules::RuleSet& rs, int year) {
  const data::OfficialList* l = ctx.official_lists().for_year(year);
  if (!l) return nullptr;
  bool computed = false;
  for (const auto& c : rs.classifications) computed = computed || c.name == l->classification;
  if (!computed) return nullptr;
  const auto& table = ctx.table();
  std::set<std::string> units(table.unit.begin(), table.unit.end());
  diag::DiagnosticSink sink;
  for (const auto& [unit, loc] : l->unit_loc)
    if (!units.count(unit))
      sink.error(loc, diag::msg("official.unknown_unit", l->id, unit, table.path), diag::msg("official.unknown_unit.hint"));
  sink.throw_if_errors();
  return l;
}

}  // namespace

int cmd_classify(Context& ctx) {
  int year = ctx.year();
  auto rs = ctx.rule_set();
  check_level(ctx, *rs);
  check_overrides(ctx, *rs);
  std::vector<size_t> rows;
  rules::Evaluation ev(rs, ctx.inputs(year, &rows), year, ctx.overrides());
  const auto& table = ctx.table();
  report::ResultTable t;
  t.title = diag::msg("classify.title", rs->display_title(), year);
  t.columns = {{"unit", diag::msg("col.unit")}, {"name", diag::msg("col.name")}, {"district", diag::msg("col.district")}};
  // Beside the classification an official list gives: the official class, where it is known.
  const data::OfficialList* official = official_list(ctx, *rs, year);
  for (const auto& c : rs->classifications) {
    // Under Vietnamese the header is the classification's title in the rule file ("Khu vực").
    bool vi = diag::lang() == diag::Lang::kVi && !c.title.vi.empty();
    t.columns.push_back({c.name, vi ? c.title.vi : c.name});
    if (official && c.name == official->classification) t.columns.push_back({"official", diag::msg("col.official")});
  }
  std::map<std::string, std::map<std::string, int>> counts;
  size_t known = 0, agree = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    for (const auto& c : rs->classifications) {
      std::string cls = ev.class_name(c, i);
      ++counts[c.name][cls];
      if (!official || c.name != official->classification) continue;
      auto it = official->unit_class.find(table.unit[rows[i]]);
      known += it != official->unit_class.end();
      agree += it != official->unit_class.end() && it->second == cls;
    }
  }
  // The rows are made as they are written, not held as cells (a table may have a million).
  t.made_rows = rows.size();
  t.make_row = [&](size_t i, std::vector<report::Cell>& row) {
    size_t k = 0;
    row[k++] = report::text(table.unit[rows[i]]);
    row[k++] = report::text(table.name[rows[i]]);
    row[k++] = report::text(table.district[rows[i]]);
    for (const auto& c : rs->classifications) {
      row[k++] = report::text(ev.class_name(c, i));
      if (!official || c.name != official->classification) continue;
      auto it = official->unit_class.find(table.unit[rows[i]]);
      row[k++] = it == official->unit_class.end() ? report::missing() : report::text(it->second);
    }
  };
  t.notes.push_back(rule_note(*rs, year));
  if (official) {
    t.notes.push_back(diag::msg("classify.official", official->decision, official->date, official->data_from,
                                official->data_to, known, agree));
    std::string s;
    for (const auto& [cls, n] : official->class_count) s += (s.empty() ? "" : ", ") + fmt::format("{} {}", cls, n);
    if (!s.empty()) t.notes.push_back(diag::msg("classify.official_counts", official->decision, s));
  }
  if (std::string e = ctx.estimated_note(*rs, rows, year); !e.empty()) t.notes.push_back(e);
  for (const auto& [cname, by_class] : counts) {
    std::string s;
    for (const auto& [cls, n] : by_class) s += (s.empty() ? "" : ", ") + fmt::format("{} {}", cls, n);
    t.notes.push_back(diag::msg("classify.counts", cname, s, rows.size()));
  }
  for (const auto& nf : ev.nonfinite())
    t.notes.push_back(diag::msg("classify.nonfinite", nf.text, nf.units, table.name[rows[nf.first]]));
  if (counts.size() && rs->status == "draft") t.notes.push_back(diag::msg("classify.draft", rs->id));
  ctx.emit(report::render(t, ctx.format()));
  if (ctx.format() == report::Format::kCsv) std::fputs(report::render_notes(t).c_str(), stderr);
  if (!ctx.options().report.empty()) {
    t.materialize();
    write_classify_report(ctx, t, ctx.options().report);
  }
  return 0;
}

int cmd_explain(Context& ctx) {
  const auto& o = ctx.options();
  if (o.commune.empty()) {
    diag::Diagnostic d;
    d.subject = "--commune";
    d.message = diag::msg("explain.no_commune");
    d.hint = diag::msg("explain.no_commune.hint");
    throw diag::InputError(d);
  }
  int year = ctx.year();
  auto rs = ctx.rule_set();
  check_level(ctx, *rs);
  check_overrides(ctx, *rs);
  check_classification(o.classification, *rs);
  std::vector<size_t> rows;
  rules::Inputs in = ctx.inputs(year, &rows);
  const auto& table = ctx.table();
  if (!ctx.units()) {
    // Without a units registry the table's names are all there is: two units of one name in
    // the year are refused, naming both, rather than one taken silently.
    std::string folded = data::fold_name(o.commune);
    std::vector<std::string> same;
    for (size_t r : table.rows_in_year(year))
      if (table.unit[r] != o.commune && !table.name[r].empty() && data::fold_name(table.name[r]) == folded)
        same.push_back(table.unit[r]);
    if (same.size() > 1) {
      std::string list;
      for (const auto& u : same) list += (list.empty() ? "" : ", ") + u;
      throw option_problem("--commune", diag::msg("units.ambiguous", o.commune, same.size(), year, list),
                           diag::msg("units.ambiguous.hint", same.front()));
    }
  }
  size_t row = ctx.find_unit_row(o.commune, year);
  long found = static_cast<long>(std::find(rows.begin(), rows.end(), row) - rows.begin());
  rules::Evaluation ev(rs, in, year, ctx.overrides());
  auto lines = rules::explain_unit(ev, static_cast<size_t>(found), o.classification);
  size_t r = rows[static_cast<size_t>(found)];
  std::string head = diag::msg("explain.head", table.name[r].empty() ? table.unit[r] : table.name[r], table.unit[r],
                               table.district[r], year) + "\n" + rule_note(*rs, year) + "\n";
  // The values behind the verdict, each with where it came from.
  std::vector<rules::ExplainLine> values;
  const auto& prov = ctx.provenance();
  for (int s : rs->input_slots()) {
    double v = ev.value(s, static_cast<size_t>(found));
    const std::string& id = ev.resolved_name(s);
    const data::Provenance* p = prov.find(table.unit[r], year, id);
    std::string where = p ? p->kind + ": " + p->source : diag::msg("explain.no_provenance");
    values.push_back({1, rs->slots[s].name + (id != rs->slots[s].name ? "[" + id + "]" : ""),
                      rules::display_value(v, rs->slots[s].unit), std::isnan(v) ? "" : where});
  }
  std::string estimated = ctx.estimated_note(*rs, {r}, year);
  if (ctx.format() == report::Format::kTable) {
    std::string text = head + rules::render_explanation(lines) + "\n" + diag::msg("explain.values_title") + "\n" +
                       rules::render_explanation(values);
    if (!estimated.empty()) text += estimated + "\n";
    ctx.emit(text);
    return 0;
  }
  lines.push_back({0, diag::msg("explain.values_title"), "", estimated});
  lines.insert(lines.end(), values.begin(), values.end());
  report::ResultTable t;
  t.title = head;
  t.columns = {{"depth", "depth", report::Align::kRight}, {"item", "item"}, {"result", "result"}, {"detail", "detail"}};
  for (const auto& l : lines)
    t.add_row({report::number(static_cast<double>(l.depth)), report::text(l.item), report::text(l.result), report::text(l.detail)});
  ctx.emit(report::render(t, ctx.format()));
  return 0;
}

}  // namespace lotrinh::cli
