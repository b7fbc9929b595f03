#include "rules/value_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "diag/messages.h"

namespace lotrinh::rules {

std::optional<ValueProblem> check_value(const std::string& what, double value, const std::string& unit, double min,
                                        double max) {
  using diag::msg;
  if (!std::isfinite(value)) return ValueProblem{msg("rules.value_not_finite", what, value), msg("rules.value_not_finite.hint")};
  if (unit == "flag") {
    if (value == 0 || value == 1) return std::nullopt;
    return ValueProblem{msg("rules.value_not_flag", what, value), msg("rules.value_not_flag.hint")};
  }
  if (unit == "fraction") {
    min = std::max(min, 0.0);
    max = std::min(max, 1.0);
  } else if (unit == "count" || unit == "households" || unit == "people" || unit == "km" || unit == "ratio") {
    min = std::max(min, 0.0);
  }
  if (value >= min && value <= max) return std::nullopt;
  std::string range = std::isinf(max) ? msg("rules.range_min", min) : msg("rules.range_between", min, max);
  std::string hint = unit == "fraction" && value > 1 && value <= 100 ? msg("rules.value_percent.hint", value, value / 100)
                                                                     : msg("rules.value_range.hint");
  if (unit.empty()) return ValueProblem{msg("rules.value_out_of_range_nounit", what, value, range), hint};
  return ValueProblem{msg("rules.value_out_of_range", what, value, range, unit), hint};
}

}  // namespace lotrinh::rules
