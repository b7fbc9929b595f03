#include "rules/rule_tests.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "rules/evaluation.h"

namespace lotrinh::rules {
namespace {

const char* truth_word(Truth t) { return t == kTrue ? "true" : t == kFalse ? "false" : "unknown"; }

std::string expected_text(const std::variant<std::string, bool, double>& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return fmt::format("{}", std::get<double>(v));
}

// Reports a `given` name that is not an indicator or derived indicator; true when it is one.
bool check_given(const RuleSet& rs, const config::NamedValue& g, diag::DiagnosticSink& sink) {
  auto slot = rs.symbols.find(g.name);
  if (slot && rs.slots[*slot].kind != SlotKind::kParameter) return true;
  std::vector<std::string> names;
  for (const auto& s : rs.slots)
    if (s.kind != SlotKind::kParameter) names.push_back(s.name);
  std::string hint = diag::did_you_mean(g.name, names);
  sink.error(g.loc, diag::msg(slot ? "rules.test_given_param" : "rules.test_given_unknown", g.name),
             hint.empty() ? diag::msg("rules.test_given.hint") : hint);
  return false;
}

// Moves the problems of an evaluation that name no place to the test.
void relocate(const diag::InputError& e, const diag::SourceLoc& loc, diag::DiagnosticSink& sink) {
  for (auto d : e.diagnostics()) {
    if (!d.where.file) d.where = loc;
    sink.add(d);
  }
}

std::string value_text(double v) { return std::isnan(v) ? std::string("unknown") : fmt::format("{}", v); }

// A targets test: its rows make a small table, on which every target it names is checked.
std::optional<TestOutcome> run_targets_test(const std::shared_ptr<const RuleSet>& rules, const config::TestCase& t, int year,
                                            const RuleSetForYear& classifier, diag::DiagnosticSink& sink) {
  const RuleSet& rs = *rules;
  bool bad = false;
  data::CommuneTable table;
  table.path = rs.path;
  auto column = [&](const std::string& id) -> std::vector<double>& {
    auto [it, added] = table.values.try_emplace(id, std::vector<double>(t.rows.size(), NAN));
    if (added) table.columns.push_back(id);
    return it->second;
  };
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const config::GivenRow& row = t.rows[i];
    table.unit.push_back(row.unit);
    table.name.push_back(row.unit);
    table.district.push_back(row.district);
    table.year.push_back(row.year);
    for (const auto& g : row.values) {
      if (!check_given(rs, g, sink)) {
        bad = true;
        continue;
      }
      column(g.name)[i] = g.value;
      // An alias given in a row also stands for the indicator it resolves to in the row's year.
      if (auto r = rs.catalogue->resolve(g.name, row.year); r && *r != g.name) column(*r)[i] = g.value;
    }
  }
  std::vector<std::string> ids, districts;
  for (const auto& target : rs.targets) ids.push_back(target.id);
  for (const auto& d : table.district)
    if (std::find(districts.begin(), districts.end(), d) == districts.end()) districts.push_back(d);
  for (const auto& x : t.expect_targets) {
    auto target = std::find_if(rs.targets.begin(), rs.targets.end(), [&](const auto& d) { return d.id == x.target; });
    if (target == rs.targets.end()) {
      std::string hint = diag::did_you_mean(x.target, ids);
      sink.error(x.loc, diag::msg("rules.test_target_unknown", x.target), hint.empty() ? diag::msg("rules.test_target_unknown.hint") : hint);
      bad = true;
    } else if (target->level == "district" && !x.district) {
      sink.error(x.loc, diag::msg("rules.test_target_per_district", x.target), diag::msg("rules.test_target_per_district.hint", x.target));
      bad = true;
    } else if (target->level != "district" && x.district) {
      sink.error(x.loc, diag::msg("rules.test_target_province", x.target), diag::msg("rules.test_target_province.hint", x.target));
      bad = true;
    } else if (x.district && std::find(districts.begin(), districts.end(), *x.district) == districts.end()) {
      std::string hint = diag::did_you_mean(*x.district, districts);
      sink.error(x.loc, diag::msg("rules.test_target_no_district", x.target, *x.district),
                 hint.empty() ? diag::msg("rules.test_target_no_district.hint", *x.district) : hint);
      bad = true;
    }
  }
  if (bad) return std::nullopt;
  Overrides overrides;
  for (const auto& s : t.set) overrides[s.name] = s.value;
  std::vector<TargetResult> results;
  try {
    results = check_targets(rules, table, year, classifier ? classifier : RuleSetForYear([](int) { return nullptr; }), overrides);
  } catch (const diag::InputError& e) {
    relocate(e, t.loc, sink);
    return std::nullopt;
  }
  TestOutcome o{t.name, true, {}, t.loc};
  for (const auto& x : t.expect_targets) {
    const TargetResult* r = nullptr;
    for (const auto& c : results)
      if (c.id == x.target && (!x.district || c.group == *x.district)) r = &c;
    std::string got = !r ? "unknown" : r->status == "met" || r->status == "not-met" ? r->status : "unknown";
    std::string key = x.district ? fmt::format("{} ({})", x.target, *x.district) : x.target;
    if (got != x.outcome) {
      o.passed = false;
      o.failures.push_back(diag::msg("rules.test_mismatch", key, x.outcome, got));
    }
    if (x.value) {
      double v = r ? r->computed : NAN;
      bool same = std::isnan(*x.value) ? std::isnan(v) : !std::isnan(v) && std::fabs(v - *x.value) <= 1e-9;
      if (!same) {
        o.passed = false;
        o.failures.push_back(diag::msg("rules.test_value_mismatch", key, value_text(*x.value), value_text(v)));
      }
    }
  }
  return o;
}

}  // namespace

int default_test_year(const RuleSet& rules) {
  int y = rules.effective_from ? rules.effective_from->year : 2020;
  if (!rules.applies_to_year(y)) ++y;
  return y;
}

std::vector<TestOutcome> run_tests(const std::shared_ptr<const RuleSet>& rules, const RuleSetForYear& classifier) {
  const RuleSet& rs = *rules;
  std::vector<TestOutcome> out;
  diag::DiagnosticSink sink;
  for (const auto& t : rs.tests) {
    int year = t.year.value_or(default_test_year(rs));
    if (!rs.applies_to_year(year)) {
      sink.error(t.loc, diag::msg("rules.test_year", t.name, year, rs.period_text()), diag::msg("rules.test_year.hint"));
      continue;
    }
    if (t.targets) {
      if (auto o = run_targets_test(rules, t, year, classifier, sink)) out.push_back(std::move(*o));
      continue;
    }
    auto values = std::make_shared<std::map<std::string, std::vector<double>>>();
    bool bad = false;
    for (const auto& g : t.given) {
      if (!check_given(rs, g, sink)) {
        bad = true;
        continue;
      }
      (*values)[g.name] = {g.value};
      // An alias given in a test also stands for the indicator it resolves to in that year.
      if (auto r = rs.catalogue->resolve(g.name, year); r && *r != g.name) (*values)[*r] = {g.value};
    }
    Overrides overrides;
    for (const auto& s : t.set) overrides[s.name] = s.value;
    if (bad) continue;
    Inputs in;
    in.n = 1;
    in.column = [values](const std::string& name) -> const double* {
      auto it = values->find(name);
      return it == values->end() ? nullptr : it->second.data();
    };
    std::optional<Evaluation> ev;
    try {
      ev.emplace(rules, in, year, overrides);
    } catch (const diag::InputError& e) {
      relocate(e, t.loc, sink);
      continue;
    }
    TestOutcome o{t.name, true, {}, t.loc};
    for (const auto& x : t.expect) {
      std::string want = expected_text(x.value);
      std::string got;
      if (const Classification* c = rs.find_classification(x.key)) {
        got = ev->class_name(*c, 0);
      } else if (rs.find_criterion(x.key)) {
        got = truth_word(ev->criterion(x.key, 0));
      } else if (auto slot = rs.symbols.find(x.key); slot && rs.slots[*slot].kind == SlotKind::kDerived) {
        double v = ev->value(*slot, 0);
        auto* num = std::get_if<double>(&x.value);
        got = std::isnan(v) ? std::string("unknown") : fmt::format("{}", v);
        if (num && !std::isnan(v) && std::fabs(v - *num) <= 1e-9) got = want;
      } else {
        std::vector<std::string> names;
        for (const auto& c : rs.classifications) names.push_back(c.name);
        for (const auto& c : rs.criteria) names.push_back(c.name);
        for (const auto& d : rs.derived) names.push_back(d.decl.name);
        std::string hint = diag::did_you_mean(x.key, names);
        sink.error(x.loc, diag::msg("rules.test_expect_unknown", x.key),
                   hint.empty() ? diag::msg("rules.test_expect_unknown.hint") : hint);
        continue;
      }
      if (got != want) {
        o.passed = false;
        o.failures.push_back(diag::msg("rules.test_mismatch", x.key, want, got));
      }
    }
    out.push_back(std::move(o));
  }
  sink.throw_if_errors();
  return out;
}

}  // namespace lotrinh::rules
