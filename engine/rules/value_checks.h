#pragma once
// Whether a number fits its unit: the check shared by parameters, --set, sweep ranges and the
// values of embedded tests (the CSV reader makes the same check on data).
#include <limits>
#include <optional>
#include <string>

namespace lotrinh::rules {

/// What is wrong with a value, and how to write it.
struct ValueProblem {
  std::string message, hint;
};

/// The problem with `value`, named `what` in the message ("parameter 'poverty_high'"), for a
/// quantity of `unit` within [min, max], or nullopt when it fits. Units with a range of their
/// own: fraction [0, 1] (hint: 15 % is written 0.15), flag (0 or 1), count, households, people,
/// km and ratio (not negative). Any value must be finite.
std::optional<ValueProblem> check_value(const std::string& what, double value, const std::string& unit,
                                        double min = -std::numeric_limits<double>::infinity(),
                                        double max = std::numeric_limits<double>::infinity());

}  // namespace lotrinh::rules
