#include "cli/option_checks.h"

#include <algorithm>
#include <cctype>

#include "data/unit_registry.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "rules/value_checks.h"

namespace lotrinh::cli {

diag::InputError option_problem(const std::string& option, std::string message, std::string hint) {
  diag::Diagnostic d;
  d.subject = option;
  d.message = std::move(message);
  d.hint = std::move(hint);
  return diag::InputError(d);
}

void check_level(Context& ctx, const rules::RuleSet& rs, const std::string& option) {
  const data::CommuneTable& table = ctx.table();
  if (rs.level.empty() || table.level.empty() || rs.level == table.level) return;
  throw option_problem(option, diag::msg("cli.level_mismatch", rs.id, rs.level, table.path, table.level),
                       diag::msg("cli.level_mismatch.hint", table.level, rs.level));
}

namespace {

// A decimal number as a table cell holds it: [+-]digits[.digits][e[+-]digits] (no hex, inf, nan).
bool is_decimal(const std::string& s) {
  size_t i = 0, n = s.size();
  auto digits = [&] {
    size_t start = i;
    while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i > start;
  };
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  bool whole = digits();
  bool fraction = false;
  if (i < n && s[i] == '.') {
    ++i;
    fraction = digits();
  }
  if (!whole && !fraction) return false;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == n;
}

}  // namespace

void check_overrides(Context& ctx, const rules::RuleSet& rs) {
  for (const auto& s : ctx.options().set) {
    auto eq = s.find('=');
    if (eq != std::string::npos && !is_decimal(s.substr(eq + 1)))
      throw option_problem("--set", diag::msg("cli.set_not_decimal", s.substr(eq + 1), s.substr(0, eq)),
                           diag::msg("cli.bad_set.hint"));
  }
  for (const auto& [name, value] : ctx.overrides()) {
    const rules::Parameter* p = rs.find_parameter(name);
    if (!p) continue;  // the evaluation names the unknown parameter, with a suggestion
    if (auto problem = rules::check_value(diag::msg("rules.what.parameter", name), value, p->decl.unit))
      throw option_problem("--set", problem->message, problem->hint);
  }
}

void check_classification(const std::string& name, const rules::RuleSet& rs) {
  if (name.empty() || rs.find_classification(name)) return;
  std::vector<std::string> names;
  for (const auto& c : rs.classifications) names.push_back(c.name);
  std::string hint = diag::did_you_mean(name, names);
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  if (hint.empty()) hint = diag::msg("cli.no_classification.hint", rs.id, list);
  throw option_problem("--classification", diag::msg("cli.no_classification", name, rs.id), hint);
}

void check_sweep(Context& ctx, const rules::RuleSet& rs, double from, double to) {
  const Options& o = ctx.options();
  const rules::Parameter* p = rs.find_parameter(o.param);
  if (!p) {
    std::vector<std::string> names;
    for (const auto& x : rs.parameters) names.push_back(x.decl.name);
    std::string hint = diag::did_you_mean(o.param, names);
    if (hint.empty()) hint = diag::msg("cli.no_param.hint", rs.id);
    throw option_problem("--param", diag::msg("cli.no_param", o.param, rs.id), hint);
  }
  for (const auto& [option, value] : {std::pair{"--from", from}, std::pair{"--to", to}})
    if (auto problem = rules::check_value(diag::msg("rules.what.parameter", o.param), value, p->decl.unit))
      throw option_problem(option, problem->message, problem->hint);
}

std::string did_you_mean_name(const std::string& word, const std::vector<std::string>& names) {
  std::vector<std::string> folded;
  for (const auto& n : names) folded.push_back(data::fold_name(n));
  auto m = diag::closest_match(data::fold_name(word), folded);
  if (!m) return {};
  size_t k = static_cast<size_t>(std::find(folded.begin(), folded.end(), *m) - folded.begin());
  return diag::msg("diag.did_you_mean", names[k]);
}

}  // namespace lotrinh::cli
