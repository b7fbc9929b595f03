#pragma once
// The findings of a gap search in a planner's words: one sentence per box of each group ("A
// commune with poverty rate under 10 % ... meets both region III (Điều 3 (a): ...) and region
// I (...); the order gives region III."), and the same ranges as intervals for machines.
#include <string>

#include "rules/gap_search.h"

namespace lotrinh::rules {

/// The sentence for box `b` of group `g`: the values that reach it (variables the box does not
/// constrain left out), the classes and clauses involved, and, when the box is not exact, that
/// its ranges bound more combinations than were found. Indicators are named by the catalogue
/// (ids with --codes), numbers in the language's style. `translated` is set when a clause title
/// shown is the project's translation of the law (explain.translation_note explains the '*').
std::string gap_sentence(const GapReport& rep, const GapGroup& g, const GapBox& b, bool* translated = nullptr);

/// Variable v's range in box b in words ("poverty rate under 10 %", "in the Mekong Delta: yes");
/// "" when the box takes every value examined (it does not constrain v).
std::string range_words(const GapReport& rep, const GapBox& b, size_t v);

/// The same range for machines: "[0.15,0.2)", "[0.2,)", "(,0.1)", "=1"; several runs joined by
/// " or "; "" when unconstrained.
std::string range_code(const GapReport& rep, const GapBox& b, size_t v);

/// Clause node n as a planner reads it: "Điều 3 (a): <its title>" for a titled criterion, the
/// expression of a plain leaf; the criterion's id with --codes.
std::string clause_label(const RuleSet& rs, int n, bool* translated = nullptr);

/// Rule r of the classification searched: "region III" (its title and class), "region III" with
/// --codes from the classification's name.
std::string class_label(const GapReport& rep, int r);

}  // namespace lotrinh::rules
