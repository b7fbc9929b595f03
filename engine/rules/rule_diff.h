#pragma once
// What changed between two rule sets, clause by clause, and which units change class.
#include <optional>
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
  /// A parameter's values in the year, when known (for showing them in `unit`); the texts
  /// above are their plain numbers.
  std::optional<double> before_value, after_value;
  std::string unit;
};

/// The elements of `b` that differ from `a` (parameters compared by their value in `year`).
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
