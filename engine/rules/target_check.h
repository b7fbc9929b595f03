#pragma once
// Checking province- and district-level targets against a table.
#include <cmath>
#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "data/catalogue.h"
#include "data/commune_table.h"
#include "rules/evaluation.h"

namespace lotrinh::rules {

/// One target evaluated for one group (the province, or one district).
struct TargetResult {
  size_t index = 0;           ///< The target's index in its rule set's `targets`.
  std::string id, title, group;
  std::string measure;        ///< What was computed, in words (measure_text): "mean of poverty rate (...), change per year 2016-2020".
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

/// What a target's measure is in, for showing its values: a fraction (a rate or a share), a
/// number of units (a count), or not known (shown as a plain number).
enum class MeasureUnit { kPlain, kFraction, kCount };

/// The unit of target `t`'s measure before any change: a share is a fraction, a count counts
/// units; a mean, minimum, maximum or sum of one indicator (or alias, resolved for `year`) is in
/// that indicator's unit, and a quotient of two indicators in the same unit ("a / b") is a
/// fraction. Anything else is kPlain.
MeasureUnit measure_unit(const config::TargetDecl& t, const data::Catalogue* catalogue, int year);

/// Target `t`'s measure as a planner reads it in the output's language: the aggregate and the
/// change in words, an indicator, alias or criterion named by its title, a class by its title in
/// `classes` (may be null: the class code), any other expression as written; e.g. "bình quân
/// theo số hộ dân cư của tỷ lệ hộ nghèo (...), mức thay đổi mỗi năm 2021-2025" or "communes in
/// Region III, 2025 over 2020". With diag::codes(), the code form ("weighted_mean poverty_rate,
/// per_year 2021-2025"). `years`: the target's one or two years.
std::string measure_text(const config::TargetDecl& t, const std::vector<int>& years, const RuleSet& targets,
                         const Classification* classes);

/// Gives the rule set of `kind` in force for `year` (for `class = "region:III"` references).
using RuleSetForYear = std::function<std::shared_ptr<const RuleSet>(int year)>;

/// Evaluates every target of `targets` on `table`. `data_year` is used when a target names no
/// year.
std::vector<TargetResult> check_targets(const std::shared_ptr<const RuleSet>& targets, const data::CommuneTable& table,
                                        int data_year, const RuleSetForYear& classifier, const Overrides& overrides);

}  // namespace lotrinh::rules
