#include "sim/allocation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lotrinh::sim {

std::vector<std::int64_t> split_largest_remainder(std::int64_t amount, const std::vector<double>& weights) {
  std::vector<std::int64_t> parts(weights.size(), 0);
  long double total = 0;
  for (double w : weights) total += w;
  if (amount <= 0 || total <= 0) return parts;
  std::vector<long double> rem(weights.size());
  std::int64_t given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    long double exact = static_cast<long double>(amount) * weights[i] / total;
    long double fl = std::floor(exact);
    parts[i] = static_cast<std::int64_t>(fl);
    rem[i] = exact - fl;
    given += parts[i];
  }
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rem[a] > rem[b]; });
  std::int64_t left = amount - given;
  // Rounding in long double can leave the floors a dong above or below; settle exactly.
  for (size_t k = 0; left > 0; k = (k + 1) % order.size()) {
    if (weights[order[k]] > 0) { ++parts[order[k]]; --left; }
  }
  for (size_t k = order.size(); left < 0 && k-- > 0;) {
    if (parts[order[k]] > 0) { --parts[order[k]]; ++left; }
  }
  return parts;
}

}  // namespace lotrinh::sim
