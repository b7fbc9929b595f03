#pragma once
// Checking province- and district-level targets against a table.
#include <cmath>
#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "data/commune_table.h"
#include "rules/evaluation.h"

namespace lotrinh::rules {

/// One target evaluated for one group (the province, or one district).
struct TargetResult {
  std::string id, title, group;
  std::string measure;        ///< What was computed, e.g. "weighted_mean of poverty_rate, per_year 2016-2020".
  double computed = NAN;      ///< NaN when the data cannot give it.
  std::optional<double> target_value;
  std::string compare;
  std::string status;         ///< met | not-met | unknown | no-value
  std::string detail;         ///< Why unknown, the reported outcome, the source.
  std::string reason;         ///< unknown, no-value: why, in one phrase (for the summary line).
  int units = 0;              ///< Units the aggregate rests on (the last year's).
};

/// True when `text` contains `name` as a whole identifier (not inside a longer name).
bool mentions_name(const std::string& text, const std::string& name);

/// One group's aggregate of a target's values `x` (weights `w`, may be null) over the units
/// `members`: NaN when a member's value or weight is missing (`missing` counts them) or when
/// nothing can be aggregated; an empty group counts and sums to 0.
struct GroupAggregate {
  double value = NAN;
  int missing = 0;
};
GroupAggregate aggregate_group(const std::string& aggregate, const double* x, const double* w, const size_t* members,
                               size_t count);

/// A target's measure from its yearly aggregates: the one year's value (`second` unused), or the
/// change (per_year, difference, ratio) from `first` (years[0]) to `second` (years[1]).
double target_measure(const config::TargetDecl& t, double first, double second);

/// Whether `computed` meets `value` under the target's comparison (< <= > >= ==).
bool target_met(const std::string& compare, double computed, double value);

/// Gives the rule set of `kind` in force for `year` (for `class = "region:III"` references).
using RuleSetForYear = std::function<std::shared_ptr<const RuleSet>(int year)>;

/// Evaluates every target of `targets` on `table`. `data_year` is used when a target names no
/// year.
std::vector<TargetResult> check_targets(const std::shared_ptr<const RuleSet>& targets, const data::CommuneTable& table,
                                        int data_year, const RuleSetForYear& classifier, const Overrides& overrides);

}  // namespace lotrinh::rules
