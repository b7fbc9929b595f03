// lotrinh diff, lotrinh sweep, lotrinh targets.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "cli/commands.h"
#include "cli/option_checks.h"
#include "cli/target_cells.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/words.h"
#include "report/render.h"
#include "rules/gap_search.h"
#include "rules/rule_diff.h"
#include "rules/sweep.h"
#include "rules/target_check.h"

namespace lotrinh::cli {

int cmd_diff(Context& ctx) {
  const auto& o = ctx.options();
  std::vector<std::string> sets = o.paths;
  if (sets.size() != 2) {
    diag::Diagnostic d;
    d.subject = "diff";
    d.message = diag::msg("diff.two_needed", sets.size());
    d.hint = diag::msg("diff.two_needed.hint");
    throw diag::InputError(d);
  }
  auto a = ctx.resolve_rules(sets[0]);
  auto b = ctx.resolve_rules(sets[1]);
  check_level(ctx, *a, "diff");
  check_level(ctx, *b, "diff");
  check_overrides(ctx, *b);
  auto names = [](const rules::RuleSet& rs) {
    std::string list;
    for (const auto& c : rs.classifications) list += (list.empty() ? "" : ", ") + c.name;
    return list.empty() ? std::string("-") : list;
  };
  bool common = false;
  for (const auto& c : a->classifications) common = common || b->find_classification(c.name);
  if (!common)
    throw option_problem("diff", diag::msg("cli.diff_nothing_common", a->id, b->id),
                         diag::msg("cli.diff_nothing_common.hint", names(*a), names(*b)));
  int year = ctx.year();
  std::vector<report::ResultTable> tables;

  report::ResultTable changes;
  changes.title = diag::msg("diff.rules_title", a->id, b->id);
  changes.name = "rules";  // CSV: each table in its own file (--out FILE.csv, FILE-units.csv, ...)
  changes.columns = {{"kind", diag::msg("col.kind")}, {"name", diag::msg("col.name")},
                     {"before", diag::msg("diff.col.before")}, {"after", diag::msg("diff.col.after")}};
  // A parameter's values in its unit ("20 %", "150 hộ") as numbers for a planner; the texts (plain
  // numbers) with --codes, in JSON and in English CSV.
  auto value_cell = [](const std::string& text, std::optional<double> v, const std::string& unit) {
    if (diag::codes() || !v) return report::text(text);
    if (unit == "fraction") return report::percent(*v);
    report::Cell c = report::number(*v);
    if (unit == "households" || unit == "people" || unit == "km" || (unit == "ratio" && diag::lang() == diag::Lang::kVi))
      c.unit = diag::msg("diff.unit." + unit);
    return c;
  };
  for (const auto& c : rules::diff_rules(*a, *b, year))
    changes.add_row({report::text(diag::word("diff", c.kind)), report::text(c.name), value_cell(c.before, c.before_value, c.unit),
                     value_cell(c.after, c.after_value, c.unit)});
  for (const auto& [name, value] : ctx.overrides())
  {
    const rules::Parameter* p = b->find_parameter(name);
    changes.add_row({report::text("--set"), report::text(name), report::text(""),
                     value_cell(fmt::format("{}", value), value, p ? p->decl.unit : "")});
  }
  if (changes.rows.empty()) changes.notes.push_back(diag::msg("diff.no_rule_change"));
  tables.push_back(std::move(changes));

  std::vector<size_t> rows;
  rules::Inputs in = ctx.inputs(year, &rows);
  // --set applies to the new rule set only: "the draft, with this threshold moved".
  rules::Evaluation ea(a, in, year), eb(b, in, year, ctx.overrides());
  const auto& table = ctx.table();
  report::ResultTable moved;
  moved.title = diag::msg("diff.units_title", year);
  moved.name = "units";
  moved.columns = {{"unit", diag::msg("col.unit")}, {"name", diag::msg("col.name")},
                   {"classification", diag::msg("diff.col.classification")},
                   {"before", diag::msg("diff.col.before")}, {"after", diag::msg("diff.col.after")},
                   {"deciding", diag::msg("diff.col.deciding")}};
  auto changed = rules::diff_classes(ea, eb);
  auto title = [](const rules::RuleSet& rs, const std::string& cname, const std::string& cls) {
    const rules::Classification* c = rs.find_classification(cname);
    return c ? c->class_title(cls) : diag::word("class", cls);
  };
  // A classification by its title ("Khu vực"); its name with --codes or without a title.
  auto class_name = [&](const std::string& cname) {
    const rules::Classification* c = b->find_classification(cname);
    if (!c) c = a->find_classification(cname);
    return !c || diag::codes() ? cname : diag::pick(c->title.vi, c->title.en, cname);
  };
  for (const auto& c : changed)
    moved.add_row({report::text(table.unit[rows[c.unit]]), report::text(table.name[rows[c.unit]]),
                   report::text(class_name(c.classification)), report::text(title(*a, c.classification, c.before)),
                   report::text(title(*b, c.classification, c.after)), report::text(c.deciding)});
  moved.notes.push_back(diag::msg("diff.units_count", changed.size(), rows.size()));
  if (std::string e = ctx.estimated_note(*b, rows, year); !e.empty()) moved.notes.push_back(e);
  tables.push_back(std::move(moved));
  for (const auto& c : b->classifications) {
    tables.push_back(gap_table(rules::search_gaps(b, c, year, o.cap), b->id, class_name(c.name),
                               ctx.format() != report::Format::kTable, o.codes));
    tables.back().name = "gaps-" + b->id + "-" + c.name;
  }
  ctx.emit(tables);
  return 0;
}

int cmd_sweep(Context& ctx) {
  const auto& o = ctx.options();
  // A scenario file makes it a sweep of a scenario value; without one it sweeps a rule threshold,
  // and a scenario sweep's options are refused rather than ignored.
  if (!o.paths.empty()) return cmd_sweep_scenario(ctx);
  for (const auto& [option, given] : {std::pair{"--value", !o.value.empty()}, std::pair{"--runs", o.runs.has_value()},
                                      std::pair{"--seed", o.seed.has_value()}, std::pair{"--threads", o.threads.has_value()}})
    if (given) throw option_problem(option, diag::msg("sweepval.scenario_option", option), diag::msg("sweepval.kinds.hint"));
  if (o.param.empty()) throw option_problem("sweep", diag::msg("sweepval.nothing"), diag::msg("sweepval.kinds.hint"));
  const double from = sweep_number("--from", o.from_text, o.from), to = sweep_number("--to", o.to_text, o.to),
               step = sweep_number("--step", o.step_text, o.step);
  int year = ctx.year();
  auto rs = ctx.rule_set();
  check_level(ctx, *rs);
  check_sweep(ctx, *rs, from, to);
  check_overrides(ctx, *rs);
  std::string cname = o.classification;
  if (cname.empty() && !rs->classifications.empty()) cname = rs->classifications.front().name;
  std::vector<size_t> rows;
  rules::Inputs in = ctx.inputs(year, &rows);
  auto steps = rules::sweep(rs, in, year, ctx.overrides(), cname, o.param, from, to, step, o.max_steps);
  const auto& table = ctx.table();
  report::ResultTable t;
  t.title = diag::msg("sweep.title", o.param, rs->id, year);
  t.columns = {{"value", o.param, report::Align::kRight}};
  std::vector<std::string> classes;
  if (!steps.empty())
    for (const auto& [cls, n] : steps.front().counts) classes.push_back(cls);
  for (const auto& s : steps)
    for (const auto& [cls, n] : s.counts)
      if (std::find(classes.begin(), classes.end(), cls) == classes.end()) classes.push_back(cls);
  const rules::Classification* swept = rs->find_classification(cname);
  std::string ctitle = swept && diag::words() && !swept->title.vi.empty() ? swept->title.vi : cname;
  for (const auto& cls : classes) {
    // A class with a title of its own ("Khu vực III") is named by it; else "<classification> <code>".
    std::string w = swept ? swept->class_title(cls) : diag::word("class", cls);
    t.columns.push_back({cname + "_" + cls, w != diag::word("class", cls) ? w : ctitle + " " + w, report::Align::kRight});
  }
  t.columns.push_back({"flipped", diag::msg("sweep.col.flipped")});
  // A rate parameter's values in percent ("15 %"); plain numbers with --codes.
  const rules::Parameter* swept_param = rs->find_parameter(o.param);
  const bool rate = swept_param && swept_param->decl.unit == "fraction" && !diag::codes();
  // A unit's change of class: "Xã A III -> II" with --codes, else "Xã A: Khu vực III → Khu vực II".
  auto flip_text = [&](const std::string& name, const std::string& flip) {
    const auto arrow = flip.find(" -> ");
    if (diag::codes() || arrow == std::string::npos) return name + " " + flip;
    auto title = [&](const std::string& cls) { return swept ? swept->class_title(cls) : diag::word("class", cls); };
    return name + ": " + title(flip.substr(0, arrow)) + " → " + title(flip.substr(arrow + 4));
  };
  for (const auto& s : steps) {
    std::vector<report::Cell> row{rate ? report::percent(s.value) : report::number(s.value)};
    for (const auto& cls : classes) {
      auto it = s.counts.find(cls);
      row.push_back(report::number(static_cast<double>(it == s.counts.end() ? 0 : it->second)));
    }
    std::string f;
    for (size_t k = 0; k < s.flipped.size(); ++k) {
      size_t r = rows[s.flipped[k]];
      f += (k ? "; " : "") + flip_text(table.name[r].empty() ? table.unit[r] : table.name[r], s.flips[k]);
    }
    row.push_back(report::text(f));
    t.add_row(std::move(row));
  }
  t.notes.push_back(diag::msg("sweep.note", rows.size()));
  if (std::string e = ctx.estimated_note(*rs, rows, year); !e.empty()) t.notes.push_back(e);
  ctx.emit(t);
  return 0;
}

namespace {
// A computed measure: in its unit (a rate in percent, a count whole), else with four decimals;
// with --codes, a count whole and any other figure with four decimals, as before.
report::Cell computed_cell(const config::TargetDecl& t, rules::MeasureUnit u, double v) {
  const bool counted = t.aggregate == "count" || t.aggregate == "sum";
  const bool whole = std::isfinite(v) && v == std::floor(v);
  if (diag::codes()) return report::number(v, counted && whole ? 0 : 4);
  if (u == rules::MeasureUnit::kFraction && !(t.years.size() == 2 && t.change == "ratio")) return target_value_cell(t, u, v, 2);
  return report::number(v, counted && whole ? 0 : 4);
}
}  // namespace

int cmd_targets(Context& ctx) {
  int year = ctx.year();
  std::vector<std::shared_ptr<const rules::RuleSet>> sets;
  if (!ctx.options().rules.empty()) {
    for (const auto& r : ctx.options().rules) {
      sets.push_back(ctx.resolve_rules(r));
      check_level(ctx, *sets.back());
    }
  } else if (const config::ProvinceFile* p = ctx.province()) {
    for (const auto& id : p->target_rule_sets) {  // the province's [rules] targets
      if (ctx.library().file(id)) sets.push_back(ctx.library().get(id));
    }
  }
  auto classifier = [&ctx](int y) -> std::shared_ptr<const rules::RuleSet> {
    try {
      return ctx.library().in_force("commune-region", y);
    } catch (const diag::InputError&) {
      return nullptr;
    }
  };
  report::ResultTable t;
  t.title = diag::msg("targets.title", year);
  t.columns = {{"rule_set", diag::msg("col.rule_set")}, {"target", diag::msg("targets.col.target")},
               {"group", diag::msg("targets.col.group")}, {"measure", diag::msg("targets.col.measure")},
               {"computed", diag::msg("targets.col.computed"), report::Align::kRight},
               {"compare", diag::msg("targets.col.compare")},
               {"value", diag::msg("targets.col.value"), report::Align::kRight},
               {"status", diag::msg("targets.col.status")}, {"detail", diag::msg("targets.col.detail")}};
  int not_met = 0, met = 0, unknown = 0;
  std::vector<std::pair<std::string, int>> reasons;  // why unknown, in order of first appearance
  for (const auto& rs : sets) {
    for (const auto& r : rules::check_targets(rs, ctx.table(), year, classifier, ctx.overrides())) {
      not_met += r.status == "not-met";
      met += r.status == "met";
      if (r.status == "unknown" || r.status == "no-value") {
        ++unknown;
        auto it = std::find_if(reasons.begin(), reasons.end(), [&](const auto& x) { return x.first == r.reason; });
        if (it == reasons.end()) reasons.push_back({r.reason, 1});
        else ++it->second;
      }
      const config::TargetDecl& d = rs->targets[r.index];
      const rules::MeasureUnit u = rules::measure_unit(d, rs->catalogue, d.years.empty() ? year : d.years.back());
      t.add_row({report::text(rule_set_name(*rs)), report::text(r.title.empty() ? r.id : r.title), report::text(r.group),
                 report::text(r.measure), computed_cell(d, u, r.computed), report::text(r.compare),
                 r.target_value ? target_value_cell(d, u, *r.target_value) : report::missing(), report::text(diag::word("target", r.status)),
                 report::text(r.detail)});
    }
  }
  std::string why;
  for (const auto& [reason, n] : reasons) why += (why.empty() ? "" : "; ") + diag::msg("targets.reason", n, reason);
  t.notes.push_back(diag::msg(unknown ? "targets.summary_unknown" : "targets.summary", met + not_met + unknown, met, not_met, unknown, why));
  t.notes.push_back(diag::msg("targets.no_value_means"));
  // The values the targets read: the catalogue ids their expressions name, in the years they use.
  std::vector<std::string> ids;
  std::set<int> years;
  for (const auto& rs : sets)
    for (const auto& target : rs->targets) {
      std::string text;
      for (const auto* e : {&target.of, &target.weight, &target.where})
        if (*e) text += " " + (*e)->text + " ";
      for (const auto& id : ctx.catalogue().ids())
        if (rules::mentions_name(text, id) && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      if (target.years.empty()) years.insert(year);
      years.insert(target.years.begin(), target.years.end());
    }
  std::vector<size_t> rows;
  for (int y : years)
    for (size_t r : ctx.table().rows_in_year(y)) rows.push_back(r);
  if (std::string e = ctx.estimated_note(ids, rows); !e.empty()) t.notes.push_back(e);
  ctx.emit(t);
  return not_met > 0 ? 1 : 0;
}

}  // namespace lotrinh::cli
