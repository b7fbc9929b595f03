#pragma once
// Why a unit got its class: the criteria tree with each leaf's values, result and margin.
#include <string>
#include <vector>

#include "rules/evaluation.h"

namespace lotrinh::rules {

/// One line of an explanation: an item at a depth of the tree.
struct ExplainLine {
  int depth = 0;
  std::string item;    ///< "region", "all", "poverty_rate >= poverty_high", a criterion name...
  std::string result;  ///< A class, or true / false / unknown.
  std::string detail;  ///< Values, margin, clause, or what data would settle it.
};

/// Explains unit `i` for every classification of the rule set (or only `classification` when
/// not empty): each rule tried in order, its criteria tree expanded down to the leaves.
std::vector<ExplainLine> explain_unit(Workspace& ev, size_t i, const std::string& classification = {});

/// The margin text of a comparison leaf for unit i, e.g.
/// "poverty_rate 0.187, needs ≥ 0.2 (poverty_high): 1.3 points short"; "" for other leaves.
std::string leaf_detail(Workspace& ev, int node, size_t i);

/// Leaf_detail under `names` (words in the output's language: the value in its unit, the
/// margin, "18,7 %: thiếu 1,3 điểm phần trăm"; in English "18.7 %: 1.3 points short") or not
/// (the codes, as above). leaf_detail(ev, node, i) is this with names = diag::words().
std::string leaf_detail(Workspace& ev, int node, size_t i, bool names);

/// A criterion as a planner reads it under `names`: in Vietnamese "Điều 3 (b): <title.vi>"
/// (with '*' when the title is the project's translation, and *translated set), in English its
/// title.en; its id without `names` or without a title in that language.
std::string criterion_label(const RuleSet& rs, const Criterion& c, bool names, bool* translated = nullptr);

/// A comparison leaf as a planner reads it under `names`: the indicator's name in the output's
/// language, the operator and the threshold's value in its unit ("Tỷ lệ hộ nghèo (...) ≥ 20 %");
/// the expression as written without `names` or for other leaves.
std::string leaf_label(Workspace& ev, int node, size_t i, bool names);

/// Renders the lines as an indented tree.
std::string render_explanation(const std::vector<ExplainLine>& lines);

/// A value for display: fractions as "0.187 (18.7 %)", others in shortest form, NaN "missing".
std::string display_value(double v, const std::string& unit);

}  // namespace lotrinh::rules
