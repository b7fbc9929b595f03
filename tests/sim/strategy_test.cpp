// The allocation strategies (sim/strategy.h and the strategies of [allocation]): money in equals
// money allocated, the simple splits by hand, the linear programme against a known optimum, its
// bounds and its objective against the equal split, and the errors, on a small world built by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <string>

#include "config/catalogue_reader.h"
#include "config/sim_file_reader.h"
#include "diag/diagnostic.h"
#include "rules/rule_library.h"
#include "sim/simulation.h"
#include "sim/strategy.h"
#include "sim/world.h"

using namespace lotrinh;

#include "small_world.h"

namespace {


// The scenario with `allocation` as its [allocation] table.
std::string with_allocation(std::int64_t budget, const std::string& allocation) {
  std::string sc = scenario_text(budget);
  sc.replace(sc.find("[allocation]\nformula = \"1\"\n"), std::string("[allocation]\nformula = \"1\"\n").size(), "[allocation]\n" + allocation);
  return sc;
}

sim::Simulation make(const std::string& allocation, std::int64_t budget) {
  return sim::Simulation(config::parse_scenario_file("s.toml", with_allocation(budget, allocation)), config::parse_model_file("m.toml", model_text()),
                         small_world(), catalogue(), library());
}

std::vector<std::int64_t> year_spend(const sim::Simulation& s, int k) {
  const auto& v = s.projection().spend[static_cast<size_t>(k)];
  return {v.begin(), v.begin() + 4};  // infrastructure, the four communes
}

std::string error_of(const std::string& allocation, std::int64_t budget) {
  try {
    make(allocation, budget);
  } catch (const diag::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("every strategy allocates exactly the budget, to the last dong, when it does not divide evenly") {
  for (const std::string a : {"strategy = \"equal\"\n", "strategy = \"per-capita\"\n", "strategy = \"per-poor-household\"\n",
                              "strategy = \"greedy\"\n", "strategy = \"lp\"\nobjective = \"population-weighted-poverty\"\n",
                              "strategy = \"greedy\"\nincrement_vnd = 777\nfloor_vnd = 1000\ncap_vnd = 600000\n",
                              "strategy = \"lp\"\nobjective = \"population-weighted-poverty\"\nfloor_vnd = 1001\ncap_vnd = 500001\n"}) {
    INFO(a);
    auto s = make(a, 1000003);
    for (int k = 1; k <= 9; ++k) {
      const auto& all = s.projection().spend[static_cast<size_t>(k)];
      CHECK(std::accumulate(all.begin(), all.end(), std::int64_t{0}) == 1000003);
      for (auto v : all) CHECK(v >= 0);
    }
  }
}

TEST_CASE("equal gives every commune the same share within one dong") {
  auto s = make("strategy = \"equal\"\n", 1000003);
  auto x = year_spend(s, 1);
  CHECK(x == std::vector<std::int64_t>{250001, 250001, 250001, 250000});
}

TEST_CASE("per-capita splits in proportion to population, per-poor-household to households times last year's poverty") {
  // Populations 5000, 3000, 6000, 2000 (16,000): 1,000 dong a person.
  CHECK(year_spend(make("strategy = \"per-capita\"\n", 16000000), 1) == std::vector<std::int64_t>{5000000, 3000000, 6000000, 2000000});
  // Poor households at the start: 1000 x 0.40, 800 x 0.25, 1200 x 0.18, 900 x 0.05 = 400, 200, 216, 45 (861).
  CHECK(year_spend(make("strategy = \"per-poor-household\"\n", 861000), 1) == std::vector<std::int64_t>{400000, 200000, 216000, 45000});
}

TEST_CASE("the linear programme finds the known optimum within floors and caps, and beats the equal split on its objective") {
  // One purpose, 100 million dong, three communes. Gains per dong: c0 3 for its first 30 million
  // then 1; c1 2 for 50 million; c2 0.5. Floors 10 million each, c0 capped at 40 million. By hand:
  // the floors (30), then c0 to 30 at 3 (20 more), c1 to 50 at 2 (40 more), the last 10 to c0 at 1
  // (its cap): 40, 50, 10 million.
  sim::PlanProblem pr;
  pr.communes = 3;
  pr.purposes = 1;
  pr.budget = {100000000};
  pr.floor = {10000000, 10000000, 10000000};
  pr.cap = {40000000, -1, -1};
  pr.gain = {{{30e6, 3e-6}, {100e6, 1e-6}}, {{50e6, 2e-6}}, {{100e6, 0.5e-6}}};
  sim::PlanFailure f;
  sim::PlanStats stats;
  auto x = sim::plan_lp(pr, f, &stats);
  REQUIRE(f.kind == sim::PlanFailure::Kind::kNone);
  CHECK(x == std::vector<std::int64_t>{40000000, 50000000, 10000000});
  CHECK(stats.solves >= 1);
  CHECK(stats.rows <= 4);
  const std::vector<std::int64_t> equal{33333334, 33333333, 33333333};
  CHECK(sim::plan_gain(pr, x) == Approx(3 * 30 + 10 + 2 * 50 + 0.5 * 10));
  CHECK(sim::plan_gain(pr, x) > sim::plan_gain(pr, equal));
  // Two purposes (earmarks): each purpose's money stays its own, and the cap binds on the total.
  pr.purposes = 2;
  pr.budget = {60000000, 40000000};
  pr.gain = {{{30e6, 3e-6}}, {{50e6, 2e-6}}, {{100e6, 0.5e-6}}, {{100e6, 4e-6}}, {}, {}};
  x = sim::plan_lp(pr, f);
  REQUIRE(f.kind == sim::PlanFailure::Kind::kNone);
  CHECK(x[0] + x[1] + x[2] == 60000000);
  CHECK(x[3] + x[4] + x[5] == 40000000);
  for (size_t c = 0; c < 3; ++c) {
    CHECK(x[c] + x[3 + c] >= 10000000);
    if (c == 0) CHECK(x[c] + x[3 + c] <= 40000000);
  }
  // Purpose 2 is worth most at c0 (4 a dong), which its cap then closes to purpose 1.
  CHECK(x == std::vector<std::int64_t>{0, 50000000, 10000000, 40000000, 0, 0});
  CHECK(sim::plan_gain(pr, x) >= sim::plan_gain(pr, {20000000, 20000000, 20000000, 13333334, 13333333, 13333333}));
}

TEST_CASE("on the small world, the linear programme's allocation gains at least as much as the equal split, within its floor and cap") {
  auto lp = make("strategy = \"lp\"\nobjective = \"population-weighted-poverty\"\nfloor_vnd = 100000\ncap_vnd = 2000000\n", 4000000);
  auto x = year_spend(lp, 1);
  for (auto v : x) {
    CHECK(v >= 100000);
    CHECK(v <= 2000000);
  }
  // The planned year lowers the population-weighted poverty at least as much as the equal split.
  auto eq = make("strategy = \"equal\"\n", 4000000);
  const std::vector<double> pop{5000, 3000, 6000, 2000};
  double a = 0, b = 0;
  for (size_t c = 0; c < 4; ++c) {
    a += pop[c] * lp.projection().poverty[1][c];
    b += pop[c] * eq.projection().poverty[1][c];
  }
  CHECK(a <= b + 1e-9);
}

TEST_CASE("an unknown strategy, floors over the budget, caps under it and a floor above its cap are located errors") {
  CHECK(error_of("strategy = \"gredy\"\n", 1000) ==
        "s.toml:21:13: error: [allocation]: unknown strategy 'gredy'\n  strategy = \"gredy\"\n              ^\n  hint: did you mean 'greedy'?\n");
  CHECK(error_of("strategy = \"lp\"\nobjective = \"population-weighted-poverty\"\nfloor_vnd = 300\n", 1000) ==
        "s.toml:20:1: error: in 2022, the floors of the 4 communes add up to 1,200 dong, over the year's budget of 1,000 dong: "
        "floor_vnd and the budget lines conflict\n  [allocation]\n  ^\n  hint: lower floor_vnd to at most the budget divided by the number of communes, or raise the budget\n");
  CHECK(error_of("strategy = \"greedy\"\ncap_vnd = 200\n", 1000) ==
        "s.toml:20:1: error: in 2022, the caps of the 4 communes add up to 800 dong, under the year's budget of 1,000 dong: "
        "cap_vnd and the budget lines conflict, and 200 dong could not be placed\n  [allocation]\n  ^\n  hint: raise cap_vnd or lower the budget lines\n");
  CHECK(error_of("strategy = \"lp\"\nobjective = \"population-weighted-poverty\"\nfloor_vnd = 30\ncap_vnd = 20\n", 1000) ==
        "s.toml:20:1: error: [allocation]: floor_vnd 30 is above cap_vnd 20\n  [allocation]\n  ^\n  hint: lower floor_vnd or raise cap_vnd\n");
  CHECK(error_of("strategy = \"lp\"\n", 1000).find("error: [allocation]: 'objective' is missing") != std::string::npos);
  CHECK(error_of("strategy = \"equal\"\ncommunes = [\"c9\"]\n", 1000).find("error: [allocation] communes: 'c9' is not a commune of the 2021 data") !=
        std::string::npos);
}

TEST_CASE("a targeted allocation gives money only to the named communes") {
  auto s = make("strategy = \"equal\"\ncommunes = [\"c1\", \"c3\"]\n", 1001);
  CHECK(year_spend(s, 1) == std::vector<std::int64_t>{0, 501, 0, 500});
}

TEST_CASE("the working-set linear programme reaches the optimum of the whole programme solved at once, on random problems") {
  // Random concave gain curves (falling slopes, some curves empty), floors and caps that bind,
  // one to four purposes: plan_lp (the purposes' prices by cutting planes, then smaller
  // programmes priced by their duals) against plan_lp_full (one GLPK call on every column).
  // Equal gains, to rounding. Trials 40 to 79 draw slopes from three values (ties everywhere:
  // degenerate prices), with floors at 90 % of an equal share in every other one; trials 80 to
  // 119 have curves that are not concave and one purpose too small for the floors it would
  // take at the first prices.
  std::uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  int solved_in_rounds = 0, several_rounds = 0;
  for (int trial = 0; trial < 120; ++trial) {
    const int kind = trial / 40;  // 0 concave, 1 tied slopes, 2 not concave with a small purpose
    sim::PlanProblem pr;
    pr.communes = 20 + static_cast<size_t>(next() * 60);
    pr.purposes = 1 + static_cast<size_t>(next() * 4);
    const size_t n = pr.communes, P = pr.purposes;
    std::int64_t total = 0;
    for (size_t p = 0; p < P; ++p) {
      pr.budget.push_back(kind == 2 && p == 1 ? 1000003 : static_cast<std::int64_t>(1e8 + next() * 1e9));
      total += pr.budget.back();
    }
    const std::int64_t share = total / static_cast<std::int64_t>(n);
    const bool floors = trial % 3 != 0, caps = trial % 2 == 0;
    const double floor_part = kind == 1 && trial % 2 == 1 ? 0.9 : 0.3;
    pr.floor.assign(n, floors ? static_cast<std::int64_t>(static_cast<double>(share) * floor_part) : 0);
    pr.cap.assign(n, caps ? static_cast<std::int64_t>(static_cast<double>(share) * 2.5) : -1);
    for (size_t i = 0; i < n * P; ++i) {
      std::vector<sim::GainPiece> g;
      if (next() > 0.1) {
        double slope = kind == 1 ? 1e-7 * (1 + std::floor(next() * 3)) : next() * 1e-6;
        for (int k = 0; k < 8; ++k) {
          g.push_back({4.0 * static_cast<double>(pr.budget[i / n]) / static_cast<double>(n) / 8, slope});
          if (kind == 0) slope *= 0.3 + 0.7 * next();
          if (kind == 1 && next() < 0.3) slope = std::max(1e-7, slope - 1e-7);
          if (kind == 2) slope *= 0.5 + next();
        }
      }
      pr.gain.push_back(g);
    }
    // Every third trial stops the prices' cutting planes early (none, one, three cuts): the
    // working set then starts farther from the optimum and needs its rounds.
    if (trial % 3 == 1) pr.max_cuts = (trial / 3) % 3 == 0 ? 0 : ((trial / 3) % 3 == 1 ? 1 : 3);
    INFO("trial " << trial << ", " << n << " communes, " << P << " purposes, at most " << pr.max_cuts << " cuts");
    sim::PlanFailure f1, f2;
    sim::PlanStats stats;
    const auto x = sim::plan_lp(pr, f1, &stats);
    const auto y = sim::plan_lp_full(pr, f2);
    REQUIRE(f1.kind == sim::PlanFailure::Kind::kNone);
    REQUIRE(f2.kind == sim::PlanFailure::Kind::kNone);
    CHECK(stats.cuts <= pr.max_cuts);
    if (stats.rounds > 1) ++several_rounds;
    CHECK(sim::plan_gain(pr, x) == Approx(sim::plan_gain(pr, y)).epsilon(1e-7));
    for (size_t p = 0; p < P; ++p)
      CHECK(std::accumulate(x.begin() + static_cast<long>(p * n), x.begin() + static_cast<long>((p + 1) * n), std::int64_t{0}) == pr.budget[p]);
    for (size_t c = 0; c < n; ++c) {
      std::int64_t t = 0;
      for (size_t p = 0; p < P; ++p) t += x[p * n + c];
      CHECK(t >= pr.floor[c]);
      if (pr.cap[c] >= 0) CHECK(t <= pr.cap[c]);
    }
    if (stats.columns < n * P * 9) ++solved_in_rounds;
  }
  // The smaller programmes are smaller than the whole one in most trials.
  CHECK(solved_in_rounds > 100);
  // The early-stopped prices make the working set take several rounds (its pricing is tested).
  CHECK(several_rounds > 10);
}
