// lotrinh classify, lotrinh explain.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cli/commands.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "report/render.h"
#include "rules/explanation.h"

namespace lotrinh::cli {
namespace {

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string rule_note(const rules::RuleSet& rs, int year) {
  return diag::msg("classify.rules_note", rs.id, rs.display_title(), rs.source, year);
}

}  // namespace

int cmd_classify(Context& ctx) {
  int year = ctx.year();
  auto rs = ctx.rule_set();
  std::vector<size_t> rows;
  rules::Evaluation ev(rs, ctx.inputs(year, &rows), year, ctx.overrides());
  const auto& table = ctx.table();
  report::ResultTable t;
  t.title = diag::msg("classify.title", rs->display_title(), year);
  t.columns = {{"unit", diag::msg("col.unit")}, {"name", diag::msg("col.name")}, {"district", diag::msg("col.district")}};
  for (const auto& c : rs->classifications) t.columns.push_back({c.name, c.name});
  std::map<std::string, std::map<std::string, int>> counts;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::vector<report::Cell> row{report::text(table.unit[rows[i]]), report::text(table.name[rows[i]]),
                                  report::text(table.district[rows[i]])};
    for (const auto& c : rs->classifications) {
      std::string cls = ev.class_name(c, i);
      ++counts[c.name][cls];
      row.push_back(report::text(cls));
    }
    t.add_row(std::move(row));
  }
  t.notes.push_back(rule_note(*rs, year));
  for (const auto& [cname, by_class] : counts) {
    std::string s;
    for (const auto& [cls, n] : by_class) s += (s.empty() ? "" : ", ") + fmt::format("{} {}", cls, n);
    t.notes.push_back(diag::msg("classify.counts", cname, s, rows.size()));
  }
  if (counts.size() && rs->status == "draft") t.notes.push_back(diag::msg("classify.draft", rs->id));
  ctx.emit(report::render(t, ctx.format()));
  if (ctx.format() == report::Format::kCsv) std::fputs(report::render_notes(t).c_str(), stderr);
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
  std::vector<size_t> rows;
  rules::Inputs in = ctx.inputs(year, &rows);
  const auto& table = ctx.table();
  long found = -1;
  std::vector<std::string> names;
  for (size_t i = 0; i < rows.size(); ++i) {
    size_t r = rows[i];
    names.push_back(table.name[r].empty() ? table.unit[r] : table.name[r]);
    if (table.unit[r] == o.commune || table.name[r] == o.commune ||
        lower_ascii(table.name[r]) == lower_ascii(o.commune))
      found = static_cast<long>(i);
  }
  if (found < 0) {
    diag::Diagnostic d;
    d.subject = "--commune";
    d.message = diag::msg("explain.unknown_commune", o.commune, year);
    d.hint = diag::did_you_mean(o.commune, names);
    if (d.hint.empty()) d.hint = diag::msg("explain.unknown_commune.hint");
    throw diag::InputError(d);
  }
  rules::Evaluation ev(rs, in, year, ctx.overrides());
  auto lines = rules::explain_unit(ev, static_cast<size_t>(found), o.classification);
  size_t r = rows[static_cast<size_t>(found)];
  std::string head = diag::msg("explain.head", table.name[r].empty() ? table.unit[r] : table.name[r], table.unit[r],
                               table.district[r], year) + "\n" + rule_note(*rs, year) + "\n";
  if (ctx.format() == report::Format::kTable) {
    ctx.emit(head + rules::render_explanation(lines));
    return 0;
  }
  report::ResultTable t;
  t.title = head;
  t.columns = {{"depth", "depth", report::Align::kRight}, {"item", "item"}, {"result", "result"}, {"detail", "detail"}};
  for (const auto& l : lines)
    t.add_row({report::number(static_cast<double>(l.depth)), report::text(l.item), report::text(l.result), report::text(l.detail)});
  ctx.emit(report::render(t, ctx.format()));
  return 0;
}

}  // namespace lotrinh::cli
