// Greedy by marginal expected exits (sim/exit_gain.h): the exit probabilities and their tails,
// the thresholds found by bisection through a classifier, the greedy plan on a three-commune
// example computed by hand, a case where greedy differs from the linear programme's optimum,
// and money in equals money allocated to the last dong.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "sim/exit_gain.h"
#include "sim/strategy.h"

using namespace lotrinh;

namespace {

constexpr double kM = 1e6;  // a million dong

// A problem of n communes and P purposes without floors or caps.
sim::ExitProblem problem(size_t n, std::vector<std::int64_t> budget) {
  sim::ExitProblem ep;
  ep.plan.communes = n;
  ep.plan.purposes = budget.size();
  ep.plan.budget = std::move(budget);
  ep.plan.floor.assign(n, 0);
  ep.plan.cap.assign(n, -1);
  ep.weight.assign(n, 1.0);
  ep.threshold.assign(n, 0.0);
  ep.sd.assign(n, 1.0);
  ep.people.assign(n, 1.0);
  return ep;
}

}  // namespace

TEST_CASE("an exit probability is the normal probability of being below the threshold, and its gain keeps both tails") {
  CHECK(sim::below_probability(0.0, 1.0, 1.0) == Approx(0.8413447461));
  CHECK(sim::below_probability(0.3, 0.2, 0.05) == Approx(0.0227501319));
  CHECK(sim::below_probability(0.1, 0.2, 0.0) == 1.0);
  CHECK(sim::below_probability(0.2, 0.2, 0.0) == 0.0);
  CHECK(sim::below_probability(0.9, std::numeric_limits<double>::infinity(), 0.1) == 1.0);
  CHECK(sim::below_probability(0.1, std::numeric_limits<double>::quiet_NaN(), 0.1) == 0.0);
  CHECK(sim::probability_gain(0.0, -1.0, 0.0, 1.0) == Approx(0.3413447461));
  // 30 standard deviations above the threshold and 30 below: tiny, but not lost to rounding
  // (1 - Φ(30) computed as a difference of numbers near 1 would be exactly 0).
  CHECK(sim::probability_gain(31.0, 30.0, 0.0, 1.0) > 0.0);
  CHECK(sim::probability_gain(-30.0, -31.0, 0.0, 1.0) > 0.0);
  CHECK(sim::probability_gain(-30.0, -31.0, 0.0, 1.0) < 1e-190);
  // Without uncertainty, only the step that crosses the threshold gains (a whole exit).
  CHECK(sim::probability_gain(0.25, 0.21, 0.2, 0.0) == 0.0);
  CHECK(sim::probability_gain(0.21, 0.19, 0.2, 0.0) == 1.0);
}

TEST_CASE("exit thresholds are found by bisection through the classification, and none where another criterion holds") {
  // A rule set written as a function: region III at poverty >= 0.20, or >= 0.15 for a commune
  // with a hardship condition; commune 3 is held by another criterion; commune 4 is never region
  // III; commune 5's projection is missing.
  const std::vector<unsigned char> hard{0, 1, 0, 0, 0, 0}, held{0, 0, 0, 1, 0, 0}, never{0, 0, 0, 0, 1, 0};
  int calls = 0;
  const sim::LeaveTest leaves = [&](const std::vector<double>& v, std::vector<unsigned char>& out) {
    ++calls;
    for (size_t c = 0; c < v.size(); ++c) {
      const bool iii = !never[c] && (held[c] || v[c] >= 0.20 || (hard[c] && v[c] >= 0.15));
      out[c] = iii ? 0 : 1;
    }
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // Commune 2 would already leave at its projection (0.12): its threshold is found upwards.
  const auto t = sim::exit_thresholds({0.40, 0.18, 0.12, 0.30, 0.50, nan}, 0.0, 1.0, 40, leaves);
  CHECK(calls == 42);
  CHECK(t[0] == Approx(0.20).margin(1e-9));
  CHECK(t[1] == Approx(0.15).margin(1e-9));
  CHECK(t[2] == Approx(0.20).margin(1e-9));
  CHECK(std::isnan(t[3]));
  CHECK(t[4] == std::numeric_limits<double>::infinity());
  CHECK(std::isnan(t[5]));
}

TEST_CASE("greedy gives each increment where it buys the most expected exits, on three communes computed by hand") {
  // Two purposes (earmarks): 4.5 million dong of purpose 0 (the last increment half a million),
  // 1 million of purpose 1, in increments of 1 million. Thresholds 0, standard deviations 0.1.
  // Next-year poverty, m0 and m1 the millions of each purpose:
  //   c0 (region III): 0.10 - 0.05 m0, so z = (0 - poverty) / 0.1 = -1 + 0.5 m0;
  //   c1 (region III, capped at 2 million): 0.05 - 0.04 m0, so z = -0.5 + 0.4 m0;
  //   c2 (not region III: weight 0, 1000 people): 0.30 - 0.1 (m0 + m1): no exits to buy.
  // Purpose 1 moves no region III commune: it buys no exits anywhere.
  // By hand, with Φ from a table, the gain of each increment:
  //   1st: c0 Φ(-0.5) - Φ(-1) = 0.1499, c1 Φ(-0.1) - Φ(-0.5) = 0.1516: c1;
  //   2nd: c1 Φ(0.3) - Φ(-0.1) = 0.1577 against c0's 0.1499: c1, now at its cap;
  //   3rd and 4th: c0 (0.1499, then Φ(0) - Φ(-0.5) = 0.1915);
  //   5th, the last half million: c0 (Φ(0.25) - Φ(0) = 0.0987 > 0).
  //   Purpose 1's million buys no exits: by the fall of people x poverty, c2 (1000 x 0.1) over c0
  //   (whose poverty it does not move); c1 is at its cap.
  auto ep = problem(3, {4500000, 1000000});
  ep.sd.assign(3, 0.1);
  ep.weight = {1, 1, 0};
  ep.people = {1, 1, 1000};
  ep.plan.cap = {-1, 2000000, -1};
  const sim::PovertyOf poverty = [](size_t c, const std::int64_t* s) {
    const double m0 = static_cast<double>(s[0]) / kM, m1 = static_cast<double>(s[1]) / kM;
    return c == 0 ? 0.10 - 0.05 * m0 : c == 1 ? 0.05 - 0.04 * m0 : 0.30 - 0.1 * (m0 + m1);
  };
  sim::PlanFailure f;
  const auto x = sim::plan_greedy_exits(ep, 1000000, poverty, f);
  REQUIRE(f.kind == sim::PlanFailure::Kind::kNone);
  CHECK(x == std::vector<std::int64_t>{2500000, 2000000, 0, 0, 0, 1000000});
  // Φ(0.25) + Φ(0.3) expected exits.
  CHECK(sim::expected_exits(ep, x, poverty) == Approx(0.5987063257 + 0.6179114222));
}

TEST_CASE("greedy is myopic: it can differ from the linear programme's optimum and buy fewer exits (documented)") {
  // docs/simulator.md, "Strategies": greedy looks one increment ahead. Threshold 0.2, standard
  // deviation 0.1, 6 million dong in increments of 1 million, one purpose.
  //   c0: poverty 0.40 - 0.01 m (z = -2 + 0.1 m): close to its threshold but slow to move;
  //   c1: poverty 0.70 - 0.10 m (z = -5 + m): far, but each million moves it a standard deviation.
  // Each increment to c0 buys more than one to c1 (Φ(-1.9) - Φ(-2) = 0.0060 against
  // Φ(-4) - Φ(-5) = 0.00003, and c0's gains grow as it nears its threshold), so greedy gives c0
  // all 6 million: Φ(-1.4) + Φ(-5) = 0.081 expected exits. The linear programme on the fall of
  // people x poverty (equal people) gives c1 all of it (0.1 a million against 0.01):
  // Φ(-2) + Φ(1) = 0.864 expected exits, which is also the best split of whole millions.
  auto ep = problem(2, {6000000});
  ep.threshold.assign(2, 0.2);
  ep.sd.assign(2, 0.1);
  const sim::PovertyOf poverty = [](size_t c, const std::int64_t* s) {
    const double m = static_cast<double>(s[0]) / kM;
    return c == 0 ? 0.40 - 0.01 * m : 0.70 - 0.10 * m;
  };
  sim::PlanFailure f;
  const auto greedy = sim::plan_greedy_exits(ep, 1000000, poverty, f);
  REQUIRE(f.kind == sim::PlanFailure::Kind::kNone);
  CHECK(greedy == std::vector<std::int64_t>{6000000, 0});
  sim::PlanProblem pr = ep.plan;
  pr.gain = {{{10e6, 0.01 / kM}}, {{10e6, 0.10 / kM}}};
  const auto lp = sim::plan_lp(pr, f);
  REQUIRE(f.kind == sim::PlanFailure::Kind::kNone);
  CHECK(lp == std::vector<std::int64_t>{0, 6000000});
  const double eg = sim::expected_exits(ep, greedy, poverty), el = sim::expected_exits(ep, lp, poverty);
  CHECK(eg == Approx(0.0807566592 + 2.866515719e-7));
  CHECK(el == Approx(0.0227501319 + 0.8413447461));
  // The best split of whole millions, by enumeration, is the linear programme's here.
  double best = 0;
  for (std::int64_t a = 0; a <= 6; ++a) best = std::max(best, sim::expected_exits(ep, {a * 1000000, (6 - a) * 1000000}, poverty));
  CHECK(best == Approx(el));
  CHECK(eg < el);
}

TEST_CASE("greedy by expected exits places every purpose's budget to the last dong, within floors and caps") {
  // Seven communes, two purposes whose budgets do not divide by the increment, floors and caps
  // that bind, some communes with no exit to buy.
  auto ep = problem(7, {1000003, 777777});
  ep.plan.floor.assign(7, 1001);
  ep.plan.cap.assign(7, 400001);
  ep.weight = {1, 0, 2, 1, 0, 1, 1};
  ep.threshold = {0.2, 0.2, 0.15, std::numeric_limits<double>::quiet_NaN(), 0.2, std::numeric_limits<double>::infinity(), 0.2};
  ep.sd = {0.02, 0.02, 0.03, 0.02, 0.0, 0.02, 0.0};
  const sim::PovertyOf poverty = [](size_t c, const std::int64_t* s) {
    const double m = static_cast<double>(s[0] + 2 * s[1]) / kM;
    return (0.15 + 0.03 * static_cast<double>(c)) * std::exp(-m);
  };
  for (std::int64_t inc : {9999, 777, 1000003}) {
    INFO("increment " << inc);
    sim::PlanFailure f;
    const auto x = sim::plan_greedy_exits(ep, inc, poverty, f);
    REQUIRE(f.kind == sim::PlanFailure::Kind::kNone);
    CHECK(std::accumulate(x.begin(), x.begin() + 7, std::int64_t{0}) == 1000003);
    CHECK(std::accumulate(x.begin() + 7, x.end(), std::int64_t{0}) == 777777);
    for (size_t c = 0; c < 7; ++c) {
      CHECK(x[c] >= 0);
      CHECK(x[7 + c] >= 0);
      CHECK(x[c] + x[7 + c] >= 1001);
      CHECK(x[c] + x[7 + c] <= 400001);
    }
  }
  // Caps under the budget: said, not placed elsewhere.
  ep.plan.cap.assign(7, 200000);
  sim::PlanFailure f;
  sim::plan_greedy_exits(ep, 9999, poverty, f);
  CHECK(f.kind == sim::PlanFailure::Kind::kCaps);
  CHECK(f.sum == 1400000);
}
