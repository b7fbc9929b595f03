#include "estimate/integer_fit.h"

#include <algorithm>
#include <numeric>

namespace lotrinh::estimate {
namespace {

using I = std::int64_t;

I clamp(I v, I lo, I hi) { return std::max(lo, std::min(hi, v)); }

I sum_clamped(const std::vector<I>& v, const std::vector<I>& lo, const std::vector<I>& hi, I shift) {
  I s = 0;
  for (size_t i = 0; i < v.size(); ++i) s += clamp(v[i] + shift, lo[i], hi[i]);
  return s;
}

std::uint64_t fnv1a(std::string_view s, std::uint64_t h) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

I div_round(I num, I den) {
  if (num >= 0) return (2 * num + den) / (2 * den);
  return -((-2 * num + den) / (2 * den));
}

I rate_bp(I part, I whole) { return whole == 0 ? 0 : div_round(part * kBp, whole); }

std::optional<std::vector<I>> allocate(I total, const std::vector<I>& weight, const std::vector<I>& lo,
                                       const std::vector<I>& hi) {
  const size_t n = weight.size();
  I lo_sum = 0, hi_sum = 0;
  for (size_t i = 0; i < n; ++i) {
    if (hi[i] < lo[i]) return std::nullopt;
    lo_sum += lo[i];
    hi_sum += hi[i];
  }
  if (total < lo_sum || total > hi_sum) return std::nullopt;
  std::vector<I> x(n, 0);
  std::vector<size_t> active(n);
  for (size_t i = 0; i < n; ++i) active[i] = i;
  I rem = total;
  // Proportional shares rem * w / W of the free units; units whose share falls outside their
  // bounds are fixed at the bound, the side with the larger total excess first, until none does.
  for (;;) {
    if (active.empty()) {
      if (rem != 0) return std::nullopt;
      return x;
    }
    I wsum = 0;
    for (size_t i : active) wsum += weight[i];
    const bool equal = wsum == 0;
    auto w = [&](size_t i) { return equal ? I{1} : weight[i]; };
    if (equal) wsum = static_cast<I>(active.size());
    I ex_low = 0, ex_high = 0;
    for (size_t i : active) {
      if (rem * w(i) < lo[i] * wsum) ex_low += lo[i] * wsum - rem * w(i);
      if (rem * w(i) > hi[i] * wsum) ex_high += rem * w(i) - hi[i] * wsum;
    }
    if (ex_low == 0 && ex_high == 0) {
      std::vector<std::pair<I, size_t>> remainders;
      I given = 0;
      for (size_t i : active) {
        x[i] = rem * w(i) / wsum;
        given += x[i];
        remainders.push_back({rem * w(i) % wsum, i});
      }
      std::stable_sort(remainders.begin(), remainders.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      for (I k = 0; k < rem - given; ++k) x[remainders[static_cast<size_t>(k)].second] += 1;
      return x;
    }
    const bool fix_low = ex_low >= ex_high;
    std::vector<size_t> keep;
    for (size_t i : active) {
      if (fix_low && rem * w(i) < lo[i] * wsum) {
        x[i] = lo[i];
      } else if (!fix_low && rem * w(i) > hi[i] * wsum) {
        x[i] = hi[i];
      } else {
        keep.push_back(i);
        continue;
      }
    }
    for (size_t i : active)
      if (std::find(keep.begin(), keep.end(), i) == keep.end()) rem -= x[i];
    active = keep;
  }
}

I scale_odds_bp(I r_bp, I factor_milli) {
  const I num = kBp * factor_milli * r_bp;
  const I den = 1000 * (kBp - r_bp) + factor_milli * r_bp;
  return den == 0 ? 0 : div_round(num, den);
}

bool fit_sum(std::vector<I>& v, const std::vector<I>& lo, const std::vector<I>& hi, I target_sum) {
  const I lo_sum = std::accumulate(lo.begin(), lo.end(), I{0});
  const I hi_sum = std::accumulate(hi.begin(), hi.end(), I{0});
  if (v.empty() || target_sum < lo_sum || target_sum > hi_sum) return false;
  I d_lo = lo[0] - v[0], d_hi = hi[0] - v[0];
  for (size_t i = 0; i < v.size(); ++i) {
    d_lo = std::min(d_lo, lo[i] - v[i]);
    d_hi = std::max(d_hi, hi[i] - v[i]);
  }
  // Largest shift d with sum(d) <= target: sum(d_lo) = lo_sum <= target.
  I a = d_lo, b = d_hi + 1;
  while (b - a > 1) {
    const I mid = a + (b - a) / 2;
    if (sum_clamped(v, lo, hi, mid) <= target_sum)
      a = mid;
    else
      b = mid;
  }
  I left = target_sum - sum_clamped(v, lo, hi, a);
  for (size_t i = 0; i < v.size(); ++i) {
    const I shifted = v[i] + a;
    const bool can_rise = shifted + 1 <= hi[i] && shifted + 1 > lo[i];
    v[i] = clamp(shifted, lo[i], hi[i]);
    if (left > 0 && can_rise) {
      v[i] += 1;
      --left;
    }
  }
  return left == 0;
}

std::optional<std::vector<I>> odds_allocate(I total, const std::vector<I>& households, const std::vector<I>& r_bp,
                                            const std::vector<I>& noise_milli, const std::vector<I>& lo,
                                            const std::vector<I>& hi) {
  const size_t n = households.size();
  auto weights = [&](I factor) {
    std::vector<I> w(n);
    for (size_t i = 0; i < n; ++i) {
      const I t = scale_odds_bp(r_bp[i], factor * noise_milli[i] / 1000);
      w[i] = std::min(households[i] * t, hi[i] * kBp);
    }
    return w;
  };
  auto expected = [&](I factor) {
    I s = 0;
    for (I w : weights(factor)) s += w / kBp;
    return s;
  };
  // The largest factor (in thousandths, 1 to 10^7) whose expected count stays within the total.
  I a = 1, b = 10000000;
  if (expected(b) <= total) {
    a = b;
  } else {
    while (b - a > 1) {
      const I mid = a + (b - a) / 2;
      if (expected(mid) <= total)
        a = mid;
      else
        b = mid;
    }
  }
  return allocate(total, weights(a), lo, hi);
}

RandomStream::RandomStream(std::uint64_t seed, std::string_view step, std::string_view key) {
  std::uint64_t h = fnv1a(step, 0xcbf29ce484222325ULL);
  h = fnv1a("/", h);
  h = fnv1a(key, h);
  state_ = seed ^ h;
}

std::uint64_t RandomStream::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

I RandomStream::uniform(I lo, I hi) {
  const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<I>(next() % span);
}

}  // namespace lotrinh::estimate
