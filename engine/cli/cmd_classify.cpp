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
#include "diag/number_style.h"
#include "diag/spelling.h"
#include "diag/words.h"
#include "report/render.h"
#include "rules/explanation.h"

namespace lotrinh::cli {
namespace {

// Under words (Vietnamese without --codes), the rule set by its title and the law, without its id.
std::string rule_note(const rules::RuleSet& rs, int year) {
  if (diag::words()) return diag::msg("classify.rules_note.named", rs.display_title(), rs.source, year);
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

// A poverty standard that changes between `year` and the data years next to it: the aliases the
// rule set reads (poverty_rate...) resolve to another indicator there (the catalogue's periods),
// so a class that changes between those years may change with the standard, not the commune.
std::vector<std::string> standard_notes(Context& ctx, const rules::RuleSet& rs, int year) {
  std::vector<std::string> out;
  std::vector<int> changed_with;  // the neighbouring years read under another standard
  std::vector<int> years = ctx.table().years();
  auto at = std::find(years.begin(), years.end(), year);
  std::vector<int> near;
  if (at != years.begin() && at != years.end()) near.push_back(*(at - 1));
  if (at != years.end() && at + 1 != years.end()) near.push_back(*(at + 1));
  const data::Catalogue& cat = ctx.catalogue();
  for (int s : rs.input_slots()) {
    const rules::Slot& slot = rs.slots[static_cast<size_t>(s)];
    if (slot.kind != rules::SlotKind::kAlias) continue;
    auto here = cat.resolve(slot.name, year);
    for (int other : near) {
      auto there = cat.resolve(slot.name, other);
      if (!here || !there || *here == *there) continue;
      auto standard = [&](const std::string& id) {
        const data::Indicator* ind = cat.find(id);
        return ind && !ind->standard.empty() ? ind->standard : id;
      };
      // By the catalogue's names (name.vi / name.en); the ids with --codes.
      auto name = [&](const std::string& id) {
        if (const data::Indicator* ind = cat.find(id)) return diag::pick(ind->name_vi, ind->name_en, id);
        if (const data::Alias* a = cat.find_alias(id)) return diag::pick(a->name_vi, a->name_en, id);
        return id;
      };
      if (diag::codes())
        out.push_back(diag::msg("classify.standard_changes", slot.name, year, standard(*here), *here, other, standard(*there), *there));
      else
        out.push_back(diag::msg("classify.standard_changes.named", name(slot.name), year, standard(*here), name(*here), other,
                                standard(*there), name(*there)));
      changed_with.push_back(other);
    }
  }
  // How many units the change of standard may concern: those whose class differs between the two
  // data years under this rule set (the first classification), among the units both years hold.
  std::sort(changed_with.begin(), changed_with.end());
  changed_with.erase(std::unique(changed_with.begin(), changed_with.end()), changed_with.end());
  if (rs.classifications.empty()) return out;
  const rules::Classification& c = rs.classifications.front();
  auto classes = [&](int y) {
    std::map<std::string, std::string> by_unit;
    std::vector<size_t> rows;
    rules::Evaluation ev(ctx.rule_set(), ctx.inputs(y, &rows), y, ctx.overrides());
    for (size_t i = 0; i < rows.size(); ++i) by_unit[ctx.table().unit[rows[i]]] = ev.class_name(c, i);
    return by_unit;
  };
  std::map<std::string, std::string> a;  // this year's classes, made once for every other year
  for (int other : changed_with) {
    std::map<std::string, std::string> b;
    try {
      if (a.empty()) a = classes(year);
      b = classes(other);
    } catch (const diag::InputError&) {
      continue;  // the other year cannot be classified (a column missing): no count to give
    }
    size_t both = 0, moved = 0;
    for (const auto& [unit, cls] : a) {
      auto it = b.find(unit);
      if (it == b.end() || cls == "unknown" || cls == "none" || it->second == "unknown" || it->second == "none") continue;
      ++both;
      moved += it->second != cls;
    }
    out.push_back(diag::msg("classify.standard_moved", moved, both, std::min(year, other), std::max(year, other),
                            diag::codes() ? c.name : diag::pick(c.title.vi, c.title.en, c.name)));
  }
  return out;
}

// --district as the table writes it (matched with or without diacritics), or "" when not given;
// an unknown district is refused at --district with the closest names.
std::string filter_district(Context& ctx, const std::vector<size_t>& rows) {
  const std::string& want = ctx.options().district;
  if (want.empty()) return {};
  const auto& table = ctx.table();
  std::vector<std::string> districts;
  for (size_t r : rows)
    if (std::find(districts.begin(), districts.end(), table.district[r]) == districts.end()) districts.push_back(table.district[r]);
  for (const auto& d : districts)
    if (data::fold_name(d) == data::fold_name(want)) return d;
  std::string hint = did_you_mean_name(want, districts);
  throw option_problem("--district", diag::msg("cli.unknown_district", want, ctx.year()),
                       hint.empty() ? diag::msg("cli.unknown_district.hint") : hint);
}

// --class as the first classification's code ("III", "out-of-scope"), given as the code or as
// the word shown ("ngoài phạm vi"), with or without diacritics; "" when not given. A class the
// classification does not have is refused at --class with the closest.
std::string filter_class(Context& ctx, const rules::Classification* c) {
  const std::string& want = ctx.options().class_filter;
  if (want.empty()) return {};
  std::vector<std::string> codes;
  if (c) {
    for (const auto& r : c->order) codes.push_back(r.cls);
    codes.push_back("unknown");
  }
  std::vector<std::string> shown;
  for (const auto& code : codes) {
    std::string w = c->class_title(code);
    if (data::fold_name(code) == data::fold_name(want) || data::fold_name(w) == data::fold_name(want)) return code;
    shown.push_back(w);
  }
  std::string list;
  for (const auto& w : shown) list += (list.empty() ? "" : ", ") + w;
  // The closest of the titles shown and the codes ("IV": did you mean 'I'?).
  std::vector<std::string> names = shown;
  for (const auto& code : codes)
    if (std::find(names.begin(), names.end(), code) == names.end()) names.push_back(code);
  std::string hint = did_you_mean_name(want, names);
  throw option_problem("--class", diag::msg("cli.unknown_class", want, c ? c->name : "-", list),
                       hint.empty() ? diag::msg("cli.unknown_class.hint", list) : hint);
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
    t.columns.push_back({c.name, diag::words() && !c.title.vi.empty() ? c.title.vi : c.name});
    if (official && c.name == official->classification) t.columns.push_back({"official", diag::msg("col.official")});
  }
  std::map<std::string, std::map<std::string, int>> counts;
  size_t known = 0, agree = 0;
  // --class and --district: which rows are shown (the counts stay those of every unit).
  const rules::Classification* first = rs->classifications.empty() ? nullptr : &rs->classifications.front();
  const std::string district = filter_district(ctx, rows);
  const std::string cls_filter = filter_class(ctx, first);
  const bool filtering = !district.empty() || !cls_filter.empty();
  std::vector<size_t> keep;  // with a filter: the rows shown
  for (size_t i = 0; i < rows.size(); ++i) {
    for (const auto& c : rs->classifications) {
      std::string cls = ev.class_name(c, i);
      ++counts[c.name][cls];
      if (!official || c.name != official->classification) continue;
      auto it = official->unit_class.find(table.unit[rows[i]]);
      known += it != official->unit_class.end();
      agree += it != official->unit_class.end() && it->second == cls;
    }
    if (filtering && (district.empty() || table.district[rows[i]] == district) &&
        (cls_filter.empty() || (first && ev.class_name(*first, i) == cls_filter)))
      keep.push_back(i);
  }
  // The rows are made as they are written, not held as cells (a table may have a million).
  const size_t shown = filtering ? keep.size() : rows.size();
  t.made_rows = shown;
  t.make_row = [&](size_t j, std::vector<report::Cell>& row) {
    const size_t i = filtering ? keep[j] : j;
    size_t k = 0;
    row[k++] = report::text(table.unit[rows[i]]);
    row[k++] = report::text(table.name[rows[i]]);
    row[k++] = report::text(table.district[rows[i]]);
    for (const auto& c : rs->classifications) {
      row[k++] = report::text(c.class_title(ev.class_name(c, i)));
      if (!official || c.name != official->classification) continue;
      auto it = official->unit_class.find(table.unit[rows[i]]);
      row[k++] = it == official->unit_class.end() ? report::missing() : report::text(c.class_title(it->second));
    }
  };
  t.notes.push_back(rule_note(*rs, year));
  for (auto& n : standard_notes(ctx, *rs, year)) t.notes.push_back(std::move(n));
  if (!district.empty() || !cls_filter.empty())
    t.notes.push_back(diag::msg("classify.filtered", shown, rows.size(),
                                (cls_filter.empty() ? "" : "--class " + first->class_title(cls_filter)) +
                                    (cls_filter.empty() || district.empty() ? "" : ", ") +
                                    (district.empty() ? "" : "--district " + district)));
  if (official) {
    t.notes.push_back(diag::msg("classify.official", official->decision, official->date, official->data_from,
                                official->data_to, known, agree));
    std::string s;
    const rules::Classification* oc = rs->find_classification(official->classification);
    for (const auto& [cls, n] : official->class_count)
      s += (s.empty() ? "" : ", ") + fmt::format("{} {}", oc ? oc->class_title(cls) : diag::word("class", cls), diag::local_number(fmt::format("{}", n)));
    if (!s.empty()) t.notes.push_back(diag::msg("classify.official_counts", official->decision, s));
  }
  if (std::string e = ctx.estimated_note(*rs, rows, year); !e.empty()) t.notes.push_back(e);
  for (const auto& [cname, by_class] : counts) {
    std::string s;
    const rules::Classification* c = rs->find_classification(cname);
    for (const auto& [cls, n] : by_class)
      s += (s.empty() ? "" : ", ") + fmt::format("{} {}", c ? c->class_title(cls) : diag::word("class", cls), diag::local_number(fmt::format("{}", n)));
    t.notes.push_back(diag::msg("classify.counts", c && diag::words() && !c->title.vi.empty() ? c->title.vi : cname, s, rows.size()));
  }
  for (const auto& nf : ev.nonfinite())
    t.notes.push_back(diag::msg("classify.nonfinite", nf.text, nf.units, table.name[rows[nf.first]]));
  if (counts.size() && rs->status == "draft") t.notes.push_back(diag::msg("classify.draft", rs->id));
  ctx.emit(t);
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
  if (!ctx.units() && o.commune.find(',') == std::string::npos) {
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
  // Under words, the commune by its name and district (its id with --codes).
  std::string head = (diag::words() && !table.name[r].empty()
                          ? diag::msg("explain.head.named", table.name[r], table.district[r], year)
                          : diag::msg("explain.head", table.name[r].empty() ? table.unit[r] : table.name[r], table.unit[r],
                                      table.district[r], year)) +
                     "\n" + rule_note(*rs, year) + "\n";
  for (const auto& n : standard_notes(ctx, *rs, year)) head += n + "\n";
  // The values behind the verdict, each with where it came from.
  std::vector<rules::ExplainLine> values;
  const auto& prov = ctx.provenance();
  for (int s : rs->input_slots()) {
    double v = ev.value(s, static_cast<size_t>(found));
    const std::string& id = ev.resolved_name(s);
    const data::Provenance* p = prov.find(table.unit[r], year, id);
    std::string where = p ? diag::word("provenance", p->kind) + ": " + prov.source_text(*p) : diag::msg("explain.no_provenance");
    std::string name = rs->slots[s].name + (id != rs->slots[s].name ? "[" + id + "]" : "");
    if (diag::words())  // the catalogue's Vietnamese name of the indicator read
      if (const data::Indicator* ind = ctx.catalogue().find(id)) name = diag::pick(ind->name_vi, ind->name_en, name);
    values.push_back({1, name, rules::display_value(v, rs->slots[s].unit), std::isnan(v) ? "" : where});
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
  ctx.emit(t);
  return 0;
}

}  // namespace lotrinh::cli
