#pragma once
// Box search for gaps and overlaps in a classification: every combination of values just
// below, at and just above each threshold its leaves compare with.
#include <memory>
#include <string>
#include <vector>

#include "rules/rule_set.h"

namespace lotrinh::rules {

struct GapFinding {
  enum class Kind { kGap, kOverlap, kAccident, kUndecided };
  Kind kind;
  std::vector<double> values;  ///< One per GapReport::variables.
  std::string detail;          ///< Which classes claim it, or which fallback caught it.
};

struct GapReport {
  std::vector<std::string> variables;         ///< Indicators (or derived values) varied.
  std::vector<std::vector<double>> candidates;///< Values tried for each variable.
  /// The full box: the product of the candidates' counts, in double (3 values for each of 36
  /// variables is 3^36, beyond what a product of size_t holds without overflow; exact to 2^53).
  double combinations = 0;
  size_t examined = 0;                        ///< Combinations evaluated (<= cap).
  size_t gaps = 0, overlaps = 0, accidents = 0, undecided = 0;
  std::vector<GapFinding> examples;           ///< Up to 10 of each kind.
};

/// A box size for display: the integer when exact (below 2^53), else "≈ 1.5e+17".
std::string box_size_text(double combinations);

/// Searches `classification` of `rules` in data year `year`. When the box has more than `cap`
/// combinations, an evenly spaced subset of `cap` of them is examined (and the report says so).
GapReport search_gaps(const std::shared_ptr<const RuleSet>& rules, const Classification& classification, int year,
                      size_t cap = 200000);

}  // namespace lotrinh::rules
