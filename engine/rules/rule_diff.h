#pragma once
// What changed between two rule sets, clause by clause, and which units change class.
#include <string>
#include <vector>

#include "rules/evaluation.h"

namespace lotrinh::rules {

/// One changed element: a parameter, derived indicator, criterion or classification.
struct RuleChange {
  std::string kind;    ///< parameter | derived | criterion | classification
  std::string name;
  std::string before;  ///< "" when added.
  std::string after;   ///< "" when removed.
};

/// A parameter's value `v` in its unit, in the output's language and number style: a fraction
/// in percent ("20 %"), households, people and km with their word ("150 hộ"), anything else as a
/// plain number ("0,2").
std::string value_in_unit(double v, const std::string& unit);

/// The elements of `b` that differ from `a` (parameters compared by their value in `year`,
/// shown in their unit, see value_in_unit; as plain numbers with diag::codes()).
std::vector<RuleChange> diff_rules(const RuleSet& a, const RuleSet& b, int year);

/// A unit whose class differs between two evaluations of the same inputs.
struct ClassChange {
  size_t unit = 0;  ///< Index into the evaluations.
  std::string classification, before, after;
  std::string deciding;  ///< The leaf that decides the change, with its values.
};

/// Units whose class differs, for each classification name present in both rule sets.
std::vector<ClassChange> diff_classes(Workspace& a, Workspace& b);

}  // namespace lotrinh::rules
