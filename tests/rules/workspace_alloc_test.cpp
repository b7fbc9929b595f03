// Counts heap allocations (this file replaces the global operator new for the rules test binary)
// to check that a workspace given the next year's columns allocates nothing.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "../common/counting_new.h"
#include "rules/workspace.h"
#include "rules_fixture.h"

using namespace lotrinh::rules;
using namespace lotrinh::rules::testing;
using lotrinh::testing::g_allocations;

TEST_CASE("a workspace allocates nothing after its first year", "[rules]") {
  const char* text = R"(
[ruleset]
id = "t.alloc"
kind = "k"
level = "commune"
effective = { from = 2016-01-01, until = 2030-12-31 }
[parameters]
high = { unit = "fraction", values = [ { from = 2016, until = 2022, value = 0.20 }, { from = 2023, until = 2030, value = 0.18 } ] }
[derived]
share = { expr = "x * 0.5 + y * 0.5", unit = "fraction" }
[criteria]
poor = "poverty_rate >= high"
mixed = { any = ["sqrt(x) + y > 1", "x > y", { at_least = 2, of = ["share > 0.5", "y > 0.5", "road_km > 10"] }] }
hard = { all = [{ not = "flag == 1" }, { any = ["poor", "mixed"] }] }
[classification.region]
order = [ { class = "III", when = "hard" }, { class = "II" } ]
)";
  auto rs = compile_text("alloc.toml", text);
  std::vector<lotrinh::diag::Diagnostic> problems;
  auto target = lotrinh::expr::CompiledExpr::compile("share * 100 + road_km", rs->symbols, {}, true, problems);
  REQUIRE(target);
  // Ten years of 500 units (poverty falling, the alias switching indicator in 2021).
  std::vector<std::map<std::string, std::vector<double>>> years(10);
  for (int y = 0; y < 10; ++y)
    for (size_t i = 0; i < 500; ++i) {
      double u = static_cast<double>((i * 7919 + static_cast<size_t>(y) * 104729) % 1000) / 1000.0;
      years[y]["x"].push_back(u);
      years[y]["y"].push_back(1 - u);
      years[y]["poverty_rate_old"].push_back(std::max(0.0, u * 0.4 - 0.01 * y));
      years[y]["poverty_rate_new"].push_back(std::max(0.0, u * 0.5 - 0.01 * y));
      years[y]["road_km"].push_back(i % 7 ? 40 * u : std::numeric_limits<double>::quiet_NaN());
      years[y]["flag"].push_back(i % 5 == 0);
    }
  const std::map<std::string, std::vector<double>>* current = nullptr;
  Inputs in;
  in.n = 500;
  in.column = [&current](const std::string& name) -> const double* {
    auto it = current->find(name);
    return it == current->end() ? nullptr : it->second.data();
  };
  Workspace ws(rs);
  const Classification& c = *rs->find_classification("region");
  std::vector<double> values(500);
  long after_first_year = 0, classified = 0;
  for (int run = 0; run < 3; ++run)
    for (int y = 0; y < 10; ++y) {
      current = &years[y];
      const long before = g_allocations;
      ws.reset(in, 2019 + y);
      for (int k : ws.classes(c)) classified += k == 0;
      ws.evaluate(*target, values.data());
      for (size_t n = 0; n < rs->nodes.size(); ++n) ws.node(static_cast<int>(n));
      if (run > 0 || y > 0) after_first_year += g_allocations - before;
    }
  CHECK(after_first_year == 0);
  CHECK(classified > 0);
  CHECK(g_allocations > 0);  // the counter works: the first year allocated
}
