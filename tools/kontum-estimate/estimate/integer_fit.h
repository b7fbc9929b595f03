#pragma once
// Integer arithmetic for the estimator: rounding, rates in basis points, proportional splits
// with bounds, odds scaling and mean fitting. Everything is exact integer arithmetic, so the
// estimates are the same bytes on every machine (no libm, no floating-point contraction).
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace lotrinh::estimate {

/// One in ten thousand: rates are stored as basis points (5099 = 50.99 % = 0.5099).
inline constexpr std::int64_t kBp = 10000;

/// num / den rounded half away from zero; den > 0.
std::int64_t div_round(std::int64_t num, std::int64_t den);
/// part / whole in basis points, rounded half away from zero; 0 when whole is 0.
std::int64_t rate_bp(std::int64_t part, std::int64_t whole);

/// Splits `total` into integers x[i], lo[i] <= x[i] <= hi[i], as nearly proportional to
/// weight[i] as the bounds allow: a unit whose proportional share falls outside its bounds is held
/// at the bound and the others share the rest; whole units go to the largest remainders (ties to
/// the lower index). Weights are >= 0; free units whose weights are all 0 share equally. Empty
/// when the bounds cannot hold `total`.
std::optional<std::vector<std::int64_t>> allocate(std::int64_t total, const std::vector<std::int64_t>& weight,
                                                  const std::vector<std::int64_t>& lo,
                                                  const std::vector<std::int64_t>& hi);

/// The rate whose odds are `factor_milli` / 1000 times the odds of `r_bp` (basis points).
std::int64_t scale_odds_bp(std::int64_t r_bp, std::int64_t factor_milli);

/// Shifts every value by one common amount, clamped to [lo[i], hi[i]], then moves single units
/// (lowest index first) so that the values sum to `target_sum` exactly. False when the bounds
/// cannot reach the sum.
bool fit_sum(std::vector<std::int64_t>& v, const std::vector<std::int64_t>& lo, const std::vector<std::int64_t>& hi,
             std::int64_t target_sum);

/// Splits `total` households over units with `households[i]` and base rates `r_bp[i]`: the
/// rates' odds are scaled by one common factor (times a unit's `noise_milli`/1000) until their
/// expected counts reach the total, then the total is split exactly in proportion to them,
/// within [lo[i], hi[i]]. Empty when the bounds cannot hold the total.
std::optional<std::vector<std::int64_t>> odds_allocate(std::int64_t total, const std::vector<std::int64_t>& households,
                                                       const std::vector<std::int64_t>& r_bp,
                                                       const std::vector<std::int64_t>& noise_milli,
                                                       const std::vector<std::int64_t>& lo,
                                                       const std::vector<std::int64_t>& hi);

/// A reproducible stream of random numbers for one (seed, step, key): splitmix64 over a seed
/// mixed with the FNV-1a hash of the step and key, so a unit's draws do not depend on the order
/// in which units are visited.
class RandomStream {
 public:
  /// The stream of `key` (a unit slug) in estimator step `step`.
  RandomStream(std::uint64_t seed, std::string_view step, std::string_view key);
  /// The next raw 64-bit output.
  std::uint64_t next();
  /// An integer uniform on [lo, hi] (modulo reduction; its bias is below 1e-12 for our ranges).
  std::int64_t uniform(std::int64_t lo, std::int64_t hi);

 private:
  std::uint64_t state_;
};

}  // namespace lotrinh::estimate
