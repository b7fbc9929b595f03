// One compiled rule set shared by several threads, each evaluating in a workspace of its own.
// Built on its own under ThreadSanitizer (`cmake --workflow --preset tsan`), which fails the
// test on any data race.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <thread>

#include "rules/workspace.h"
#include "rules_fixture.h"

using namespace lotrinh::rules;
using namespace lotrinh::rules::testing;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Every kind of evaluation: plain comparisons (fused on one column), a comparison of two
// columns, muParser leaves, a derived indicator, an alias, a dated parameter, all, any, not,
// at least, and a classification.
const char* kRules = R"(
[ruleset]
id = "t.threads"
kind = "k"
level = "commune"
effective = { from = 2016-01-01, until = 2030-12-31 }

[parameters]
high = { unit = "fraction", values = [ { from = 2016, until = 2020, value = 0.20 }, { from = 2021, until = 2030, value = 0.18 } ] }
mid = { value = 0.15, unit = "fraction" }

[derived]
share = { expr = "x * 0.5 + y * 0.5", unit = "fraction" }

[criteria]
poor = "poverty_rate >= high"
middling = { all = ["poverty_rate >= mid", "poverty_rate < high", { any = ["x > 0.6", "road_km > 20", "x > y"] }] }
mixed = "sqrt(x) + y > 1 && road_km != 0"
two_of_three = { at_least = 2, of = ["share > 0.5", "y > 0.5", "road_km > 10"] }
not_flagged = { not = "flag == 1" }
region_iii = { all = ["not_flagged", { any = ["poor", "middling", "mixed"] }] }

[classification.region]
order = [ { class = "III", when = "region_iii" }, { class = "I", when = "two_of_three" }, { class = "II" } ]
)";

// Columns of `n` units for data year `year`, some values missing.
std::map<std::string, std::vector<double>> year_columns(int year, size_t n) {
  std::mt19937_64 rng(static_cast<unsigned>(year));
  std::uniform_real_distribution<double> u(0, 1);
  std::map<std::string, std::vector<double>> cols;
  for (const char* name : {"x", "y", "poverty_rate_old", "poverty_rate_new", "road_km", "flag"}) {
    auto& c = cols[name];
    for (size_t i = 0; i < n; ++i) {
      double v = std::string(name) == "road_km" ? std::floor(u(rng) * 40) : u(rng) * (name[0] == 'p' ? 0.4 : 1.0);
      if (std::string(name) == "flag") v = v < 0.2;
      c.push_back(u(rng) < 0.03 ? kNaN : v);
    }
  }
  return cols;
}

// What a thread computes for one year: the classes, every node's truths and a target-style
// expression over the workspace's columns.
struct YearResult {
  std::vector<int> classes;
  std::vector<unsigned char> truths;
  std::vector<double> values;
  bool operator==(const YearResult& o) const {
    if (classes != o.classes || truths != o.truths || values.size() != o.values.size()) return false;
    for (size_t i = 0; i < values.size(); ++i)
      if (!(values[i] == o.values[i] || (std::isnan(values[i]) && std::isnan(o.values[i])))) return false;
    return true;
  }
};

YearResult evaluate_year(Workspace& ws, const lotrinh::expr::CompiledExpr& e,
                         const std::map<std::string, std::vector<double>>& cols, int year) {
  Inputs in;
  in.n = cols.begin()->second.size();
  in.column = [&cols](const std::string& name) -> const double* {
    auto it = cols.find(name);
    return it == cols.end() ? nullptr : it->second.data();
  };
  ws.reset(in, year);
  YearResult r;
  r.classes = ws.classes(*ws.rules().find_classification("region"));
  for (size_t n = 0; n < ws.rules().nodes.size(); ++n) {
    const unsigned char* t = ws.node(static_cast<int>(n));
    r.truths.insert(r.truths.end(), t, t + ws.size());
  }
  r.values = ws.evaluate(e);
  return r;
}

}  // namespace

TEST_CASE("threads with a workspace each evaluate one shared rule set as one thread does", "[rules][threads]") {
  auto rs = compile_text("threads.toml", kRules);
  std::vector<lotrinh::diag::Diagnostic> problems;
  auto target = lotrinh::expr::CompiledExpr::compile("share * 100 + (poverty_rate > 0.1)", rs->symbols, {}, true, problems);
  REQUIRE(target);
  const std::vector<int> years{2019, 2020, 2021, 2022};
  std::vector<std::map<std::string, std::vector<double>>> data;
  for (int y : years) data.push_back(year_columns(y, 1000 + 37 * (y - 2019)));

  // The reference: one workspace per year, on this thread.
  std::vector<YearResult> expected;
  for (size_t k = 0; k < years.size(); ++k) {
    Workspace ws(rs);
    expected.push_back(evaluate_year(ws, *target, data[k], years[k]));
  }
  // Some units of each class, so that the comparison means something.
  for (int cls : {0, 1, 2, -1}) CHECK(std::count(expected[2].classes.begin(), expected[2].classes.end(), cls) > 0);

  constexpr int kThreads = 4;
  std::vector<std::vector<YearResult>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      Workspace ws(rs);  // one per thread, kept through every year (in a different order each)
      got[t].resize(years.size());
      for (size_t j = 0; j < 3 * years.size(); ++j) {
        size_t k = (j + static_cast<size_t>(t)) % years.size();
        got[t][k] = evaluate_year(ws, *target, data[k], years[k]);
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t)
    for (size_t k = 0; k < years.size(); ++k) {
      INFO("thread " << t << ", year " << years[k]);
      CHECK(got[t][k] == expected[k]);
    }
}
