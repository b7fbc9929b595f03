#pragma once
// Box search for gaps and overlaps in a classification: every combination of values just
// below, at and just above each threshold its leaves compare with (a flag: 0 and 1), or, in a
// box larger than the cap, a sample covering every pair of values of two variables. The
// findings are grouped by kind, classes and the clauses that hold, and each group is cut into
// boxes (a range of values per variable) that gap_words.h puts into sentences.
#include <cstdint>
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

/// Findings of one group that fill a box: per variable, the candidate values taken.
struct GapBox {
  std::vector<std::vector<int>> values;  ///< Per variable, ascending indexes into GapReport::candidates.
  size_t count = 0;                      ///< Combinations of the group in the box.
  /// False when the box was not cut further: `values` bound `count` combinations that do not
  /// fill their product (count < the product of the lists' sizes).
  bool exact = true;
  std::vector<double> example;  ///< One combination of the box, per variable.
};

/// Findings of one kind with the same classes and the same clauses holding.
struct GapGroup {
  GapFinding::Kind kind;
  /// Indexes into the classification's order: the rules that claim the combination (overlap),
  /// the catch-all that caught it (fallthrough), the rule left unknown (undecided); none for a gap.
  std::vector<int> rules;
  int decided = -1;  ///< Overlap: the rule the order gives (the first of `rules`); else -1.
  /// Per entry of `rules`, the nodes that say why: for an overlap the clauses that hold (the
  /// titled alternatives chosen, else the rule's own condition), for a fallthrough its
  /// condition, for undecided the clauses that are unknown.
  std::vector<std::vector<int>> clauses;
  size_t count = 0;           ///< Combinations in the group.
  std::vector<GapBox> boxes;  ///< Together they hold the group's combinations.
};

struct GapReport {
  std::shared_ptr<const RuleSet> rules;       ///< The rule set searched.
  std::string classification;                 ///< The classification searched.
  int year = 0;                               ///< The data year (its parameters and aliases).
  std::vector<std::string> variables;         ///< Indicators (or derived values) varied.
  std::vector<int> slots;                     ///< Their slots in rules->slots.
  std::vector<std::vector<double>> candidates;///< Values tried for each variable, ascending.
  std::vector<std::vector<double>> thresholds;///< The thresholds each variable is compared with.
  /// Per variable, the indexes of the candidates that some examined combination has (all of
  /// them unless a cap below the longest list stopped the sample: Coverage::kSome). A box
  /// taking all of them does not constrain it.
  std::vector<std::vector<int>> seen;
  /// The full box: the product of the candidates' counts, in double (3 values for each of 36
  /// variables is 3^36, beyond what a product of size_t holds without overflow; exact to 2^53).
  double combinations = 0;
  size_t examined = 0;                        ///< Combinations evaluated (<= cap).
  /// What the combinations examined are sure to hold: all of the box; every pair of values of
  /// two variables (and so every value); every value of each variable but not every pair; not
  /// even every value (a cap below the longest list of values).
  enum class Coverage { kAll, kPairs, kValues, kSome };
  Coverage coverage = Coverage::kAll;
  /// A sampled search: how many of the first combinations examined cover the values and pairs
  /// (the rest are drawn at random with a fixed seed).
  size_t covering = 0;
  size_t gaps = 0, overlaps = 0, accidents = 0, undecided = 0;
  std::vector<GapFinding> examples;           ///< Up to 10 of each kind.
  std::vector<GapGroup> groups;               ///< Every finding, grouped; by kind, then rules.
};

/// The combinations a search examines in a box larger than its cap.
struct BoxSample {
  std::vector<std::vector<uint32_t>> rows;  ///< Distinct; per variable, an index into its values.
  GapReport::Coverage coverage = GapReport::Coverage::kSome;
  size_t covering = 0;  ///< The first rows that cover every value and pair (as far as `coverage` says).
};

/// Up to `cap` distinct combinations of a box with sizes[v] values for variable v: first one row
/// per value of the longest list (every value of each variable), then rows that complete every
/// pair of values of two variables (a covering array of strength 2, built greedily), then rows
/// drawn at random with a fixed seed. The same sizes and cap give the same rows.
BoxSample sample_box(const std::vector<size_t>& sizes, size_t cap);

/// A box size for display: the integer when exact (below 2^53), else "≈ 1.5e+17".
std::string box_size_text(double combinations);

/// Searches `classification` of `rules` in data year `year`. When the box has more than `cap`
/// combinations, `cap` of them are examined: first a covering set in which every value of each
/// variable and every pair of values of two variables appear, then distinct combinations drawn
/// at random with a fixed seed (the same combinations every run); `coverage` says what was
/// covered when the cap stopped it earlier.
GapReport search_gaps(const std::shared_ptr<const RuleSet>& rules, const Classification& classification, int year,
                      size_t cap = 200000);

}  // namespace lotrinh::rules
