#include "sim/exit_gain.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace lotrinh::sim {
namespace {

constexpr double kSqrt1_2 = 0.70710678118654752440;

// Φ(z) and 1 - Φ(z), each from erfc so that its own tail keeps its precision.
double lower_tail(double z) { return 0.5 * std::erfc(-z * kSqrt1_2); }
double upper_tail(double z) { return 0.5 * std::erfc(z * kSqrt1_2); }

}  // namespace

double below_probability(double x, double t, double sd) {
  if (std::isnan(x) || std::isnan(t)) return 0;
  if (t == std::numeric_limits<double>::infinity()) return 1;
  if (!(sd > 0)) return x < t ? 1 : 0;
  return lower_tail((t - x) / sd);
}

double probability_gain(double x0, double x1, double t, double sd) {
  if (std::isnan(x0) || std::isnan(x1) || std::isnan(t) || std::isinf(t)) return 0;
  if (!(sd > 0)) return below_probability(x1, t, sd) - below_probability(x0, t, sd);
  const double z0 = (t - x0) / sd, z1 = (t - x1) / sd;
  if (z0 <= 0 && z1 <= 0) return lower_tail(z1) - lower_tail(z0);
  if (z0 >= 0 && z1 >= 0) return upper_tail(z0) - upper_tail(z1);
  return lower_tail(z1) - lower_tail(z0);  // across the threshold: neither tail is small
}

std::vector<double> exit_thresholds(const std::vector<double>& projected, double lo, double hi, int steps,
                                    const LeaveTest& leaves) {
  const size_t n = projected.size();
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> t(n, kNaN), out(n, kNaN), in(n, kNaN), trial(n);
  std::vector<unsigned char> left(n, 0), searching(n, 0);
  // At the projection: where does each commune stand?
  for (size_t c = 0; c < n; ++c) trial[c] = std::isnan(projected[c]) ? lo : std::clamp(projected[c], lo, hi);
  leaves(trial, left);
  // Then at the far end on its side: lo for a commune that stays, hi for one that leaves.
  std::vector<unsigned char> at_projection = left;
  for (size_t c = 0; c < n; ++c) trial[c] = at_projection[c] ? hi : lo;
  leaves(trial, left);
  for (size_t c = 0; c < n; ++c) {
    if (std::isnan(projected[c])) continue;
    const double p = std::clamp(projected[c], lo, hi);
    if (at_projection[c]) {
      if (left[c]) t[c] = std::numeric_limits<double>::infinity();  // leaves even at hi
      else out[c] = p, in[c] = hi, searching[c] = 1;
    } else if (left[c]) {
      out[c] = lo, in[c] = p, searching[c] = 1;
    }  // else stays even at lo: NaN
  }
  for (int s = 0; s < steps; ++s) {
    for (size_t c = 0; c < n; ++c) trial[c] = searching[c] ? 0.5 * (out[c] + in[c]) : lo;
    leaves(trial, left);
    for (size_t c = 0; c < n; ++c)
      if (searching[c]) (left[c] ? out[c] : in[c]) = trial[c];
  }
  for (size_t c = 0; c < n; ++c)
    if (searching[c]) t[c] = 0.5 * (out[c] + in[c]);
  return t;
}

double expected_exits(const ExitProblem& pr, const std::vector<std::int64_t>& x, const PovertyOf& poverty) {
  const size_t n = pr.plan.communes, P = pr.plan.purposes;
  std::vector<std::int64_t> spend(P);
  double e = 0;
  for (size_t c = 0; c < n; ++c) {
    if (!(pr.weight[c] > 0)) continue;
    for (size_t p = 0; p < P; ++p) spend[p] = x[p * n + c];
    e += pr.weight[c] * below_probability(poverty(c, spend.data()), pr.threshold[c], pr.sd[c]);
  }
  return e;
}

std::vector<std::int64_t> plan_greedy_exits(const ExitProblem& pr, std::int64_t increment, const PovertyOf& poverty,
                                            PlanFailure& failure) {
  const PlanProblem& b = pr.plan;
  const size_t n = b.communes, P = b.purposes;
  std::vector<std::int64_t> x(n * P, 0);
  failure = check_bounds(b);
  if (failure.kind != PlanFailure::Kind::kNone) return x;
  increment = std::max<std::int64_t>(1, increment);
  std::vector<std::int64_t> spend(n * P, 0), total(n, 0), left = b.budget;  // spend[c * P + p]
  std::vector<double> now(n);               // next-year poverty with the money placed so far
  std::vector<std::uint32_t> version(n, 0);  // a commune's entries are stale once it gets money
  for (size_t c = 0; c < n; ++c) now[c] = poverty(c, &spend[c * P]);
  // The next increment of purpose p to commune c (0: none).
  auto step = [&](size_t c, size_t p) -> std::int64_t {
    std::int64_t d = std::min(increment, left[p]);
    if (total[c] < b.floor[c]) d = std::min(d, b.floor[c] - total[c]);
    if (b.cap[c] >= 0) d = std::min(d, b.cap[c] - total[c]);
    return d;
  };
  struct Entry {
    int under_floor;
    double exits, fall;
    std::uint32_t c, p, version;
    std::int64_t d;  // the increment its gains are for
    double after;    // the commune's poverty with it
    // The heap's top is the largest: floors first, then exits, then the fall, then lower indexes.
    bool operator<(const Entry& o) const {
      if (under_floor != o.under_floor) return under_floor < o.under_floor;
      if (exits != o.exits) return exits < o.exits;
      if (fall != o.fall) return fall < o.fall;
      if (c != o.c) return c > o.c;
      return p > o.p;
    }
  };
  std::priority_queue<Entry> heap;
  // The entry of (c, p) for its next increment, if it has one.
  auto push_one = [&](size_t c, size_t p) {
    const std::int64_t d = step(c, p);
    if (d <= 0) return;
    std::int64_t* s = &spend[c * P];
    s[p] += d;
    const double after = poverty(c, s);
    s[p] -= d;
    double exits = pr.weight[c] > 0 ? pr.weight[c] * probability_gain(now[c], after, pr.threshold[c], pr.sd[c]) : 0.0;
    double fall = pr.people[c] * (now[c] - after);
    if (!std::isfinite(exits)) exits = 0;
    if (!std::isfinite(fall)) fall = 0;
    heap.push({total[c] < b.floor[c] ? 1 : 0, exits, fall, static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(p), version[c], d, after});
  };
  auto push = [&](size_t c) {
    for (size_t p = 0; p < P; ++p) push_one(c, p);
  };
  for (size_t c = 0; c < n; ++c) push(c);
  std::int64_t unplaced = 0;
  for (auto v : left) unplaced += v;
  while (unplaced > 0 && !heap.empty()) {
    const Entry e = heap.top();
    heap.pop();
    if (e.version != version[e.c]) continue;  // the commune got money since: pushed again then
    const std::int64_t d = step(e.c, e.p);
    if (d <= 0) continue;
    if (d != e.d) {  // the purpose's last dong made the increment smaller: its gains again
      push_one(e.c, e.p);
      continue;
    }
    spend[e.c * P + e.p] += d;
    x[e.p * n + e.c] += d;
    total[e.c] += d;
    left[e.p] -= d;
    unplaced -= d;
    ++version[e.c];
    now[e.c] = e.after;  // the same money as when the entry was made
    push(e.c);
  }
  if (unplaced > 0) {
    // Not reached once check_bounds passes (any commune with room takes any purpose's money);
    // kept so that a broken invariant is reported, not hidden.
    std::int64_t all = 0;
    for (auto v : b.budget) all += v;
    failure = {PlanFailure::Kind::kCaps, all - unplaced, all, ""};
  }
  return x;
}

}  // namespace lotrinh::sim
