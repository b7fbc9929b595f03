#pragma once
// The cells of a target's values in the targets tables of `targets` and `simulate`: a value in its
// measure's unit (a rate as "25 %", a change of a rate as "-3 điểm %/năm" / "-3 pp/year"), a
// count as a whole number, anything else as a plain number; the rule set by its title.
#include <string>

#include "config/rule_file.h"
#include "report/result_table.h"
#include "rules/rule_set.h"
#include "rules/target_check.h"

namespace lotrinh::cli {

/// `v`, a value of target `t`'s measure (its target value or a computed one) in unit `u`: with a
/// change per year or a difference, a fraction is shown in percentage points (per year);
/// a ratio, and any value under --codes, as a plain number. `decimals` as report::number's (-1:
/// the shortest exact form). CSV and JSON carry `v` itself.
report::Cell target_value_cell(const config::TargetDecl& t, rules::MeasureUnit u, double v, int decimals = -1);

/// A rule set as a planner reads it: its title in the output's language, its id with --codes
/// (and in JSON or English CSV) or without a title.
std::string rule_set_name(const rules::RuleSet& rs);

}  // namespace lotrinh::cli
