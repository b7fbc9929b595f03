#include "rules/rule_tests.h"

#include <fmt/format.h>

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

}  // namespace

int default_test_year(const RuleSet& rules) {
  int y = rules.effective_from ? rules.effective_from->year : 2020;
  if (!rules.applies_to_year(y)) ++y;
  return y;
}

std::vector<TestOutcome> run_tests(const std::shared_ptr<const RuleSet>& rules) {
  const RuleSet& rs = *rules;
  std::vector<TestOutcome> out;
  diag::DiagnosticSink sink;
  for (const auto& t : rs.tests) {
    int year = t.year.value_or(default_test_year(rs));
    if (!rs.applies_to_year(year)) {
      sink.error(t.loc, diag::msg("rules.test_year", t.name, year, rs.period_text()), diag::msg("rules.test_year.hint"));
      continue;
    }
    auto values = std::make_shared<std::map<std::string, std::vector<double>>>();
    bool bad = false;
    for (const auto& g : t.given) {
      auto slot = rs.symbols.find(g.name);
      if (!slot || rs.slots[*slot].kind == SlotKind::kParameter) {
        std::vector<std::string> names;
        for (const auto& s : rs.slots)
          if (s.kind != SlotKind::kParameter) names.push_back(s.name);
        std::string hint = diag::did_you_mean(g.name, names);
        sink.error(g.loc, diag::msg(slot ? "rules.test_given_param" : "rules.test_given_unknown", g.name),
                   hint.empty() ? diag::msg("rules.test_given.hint") : hint);
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
      for (auto d : e.diagnostics()) {
        if (!d.where.file) d.where = t.loc;
        sink.add(d);
      }
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
