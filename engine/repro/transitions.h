#pragma once
// Who left region III: the twinned communes classified under the old criteria with the old
// snapshot and under the new criteria with the new one, side by side.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/commune_table.h"
#include "rules/rule_set.h"

namespace lotrinh::repro {

/// What is classified and how a commune is picked.
struct TransitionSpec {
  std::string classification = "region";  ///< Classification name in both rule sets.
  std::string cls = "III";                ///< The class followed.
  std::string criterion = "region_iii";   ///< The criterion behind the class, in both rule sets.
  std::string member = "twinned";         ///< Flag indicator: units with 1 in either year are listed.
  std::optional<double> reported_left;    ///< What the report says left the class (38).
  std::optional<double> reported_of;      ///< Out of how many (51).
  std::string reported_where;             ///< Where the report says so ("III.1").
};

/// One commune.
struct TransitionRow {
  std::string unit, name, district;
  bool member_before = false, member_after = false;
  std::string class_before, class_after;  ///< A class, "unknown", or "" with no row that year.
  /// The classes as a planner reads them (rules::Classification::class_title); "" with no row.
  std::string class_before_title, class_after_title;
  /// left | stayed | entered | outside | iii-now | not-iii-now | unknown | ended (see the notes).
  std::string change;
  std::string why_before, why_after;  ///< The clauses that decide the criterion, with values.
};

/// The table of communes, counts by change, and notes comparing with the report.
struct Transitions {
  std::string before_id, after_id;  ///< The rule sets: their ids; under words, the laws they restate.
  int before_year = 0, after_year = 0;
  std::vector<TransitionRow> rows;
  std::map<std::string, int> counts;  ///< change word -> communes.
  std::vector<std::string> notes;
};

/// Classifies the member units of `table` with `before` on the rows of `before_year` and with
/// `after` on the rows of `after_year`. Throws InputError when a rule set lacks the
/// classification or the criterion, or does not apply to its year.
Transitions region_transitions(const data::CommuneTable& table, std::shared_ptr<const rules::RuleSet> before,
                               int before_year, std::shared_ptr<const rules::RuleSet> after, int after_year,
                               const TransitionSpec& spec = {});

}  // namespace lotrinh::repro
