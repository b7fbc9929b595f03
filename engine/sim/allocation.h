#pragma once
// Splitting whole-dong amounts by weights with the largest-remainder method, so that the parts
// add up to the amount exactly.
#include <cstdint>
#include <vector>

namespace lotrinh::sim {

/// Splits `amount` (>= 0) in proportion to `weights` (each >= 0, finite; not all zero unless
/// amount is 0). Each part is the floor of its exact share; the dong left over go one each to the
/// largest remainders (ties to the lower index). The parts sum to `amount`.
std::vector<std::int64_t> split_largest_remainder(std::int64_t amount, const std::vector<double>& weights);

}  // namespace lotrinh::sim
