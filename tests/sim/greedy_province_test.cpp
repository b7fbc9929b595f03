// Greedy by marginal expected exits on the bundled province's scenario of the linear programme,
// its strategy switched to greedy: every year planned to the dong across the merger and the
// change of criteria, and the runs then buy more exits in its first planned year than the
// linear programme's (the year greedy optimises; docs/simulator.md, "Strategies").
#include <catch2/catch.hpp>

#include <filesystem>
#include <numeric>
#include <string>

#include "config/sim_file_reader.h"
#include "sim/simulation.h"

using namespace lotrinh;

#include "small_world.h"

namespace {

sim::Simulation province(const std::string& strategy) {
  config::ScenarioFile sc = config::read_scenario_file(kHome + "/scenarios/kontum/optimal-lp.toml");
  sc.allocation = strategy;
  const std::string dir = sc.dir;
  sim::World w = sim::load_world((std::filesystem::path(dir) / sc.data).string(), sc.start_year, sc.end_year, sc.events, catalogue());
  return sim::Simulation(sc, config::read_model_file((std::filesystem::path(dir) / sc.model).string()), std::move(w), catalogue(),
                         library());
}

}  // namespace

TEST_CASE("greedy plans every year of the province's scenario to the dong across the merger, and buys more first-year exits than the linear programme") {
  auto greedy = province("greedy");
  auto lp = province("lp");
  const auto& g = greedy.projection().spend;
  const auto& l = lp.projection().spend;
  REQUIRE(g.size() == l.size());
  for (size_t k = 1; k < g.size(); ++k) {
    INFO("year " << greedy.scenario().start_year + static_cast<int>(k));
    // The same budget lines: the same money each year, to the dong (units change in 2025).
    CHECK(std::accumulate(g[k].begin(), g[k].end(), std::int64_t{0}) == std::accumulate(l[k].begin(), l[k].end(), std::int64_t{0}));
    CHECK(g[k] != l[k]);
    for (auto v : g[k]) CHECK(v >= 0);
  }
  // 100 paired runs: region III communes in the first planned year (2022).
  const auto a = greedy.run(0, 100, 2), b = lp.run(0, 100, 2);
  CHECK(a.iii(0, 0) < b.iii(0, 0));
}
