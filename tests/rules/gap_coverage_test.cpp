// The gap search in a box larger than its cap: a covering sample (every value of each variable,
// every pair of values of two variables, then seeded random rows) in place of the even stride
// that could skip a variable's value entirely.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "diag/messages.h"
#include "rules/gap_search.h"
#include "rules/gap_words.h"
#include "rules_fixture.h"

using namespace lotrinh::rules;
using namespace lotrinh::rules::testing;

namespace {

const std::string kHead = "[ruleset]\nid = \"t.cover\"\nkind = \"k\"\neffective = { from = 2020-01-01 }\n";

// A gap at exactly one value of one variable: poverty at 50 % is claimed by neither A (under
// 50 %) nor B (above), nor by C unless x, y and road_km are all above their thresholds. 3 values
// for each of the 4 variables: 81 combinations.
const std::string kOneValueGap = kHead + R"(
[criteria]
wide = { all = ["x > 0.3", "road_km > 10", "y > 0.2"] }
[classification.c]
order = [ { class = "A", when = "poverty_rate < 0.5" }, { class = "B", when = "poverty_rate > 0.5" }, { class = "C", when = "wide" } ]
)";

}  // namespace

TEST_CASE("a gap at one value of one variable that an even stride skips is found by the covering sample", "[rules]") {
  auto rs = compile_text("c.toml", kOneValueGap);
  const Classification& c = *rs->find_classification("c");
  auto g = search_gaps(rs, c, 2021, 27);
  REQUIRE(g.variables == std::vector<std::string>{"road_km", "x", "y", "poverty_rate"});
  REQUIRE(g.combinations == 81);
  // The even stride the search used before: combination k * 3 of the 81 (ceil(81 / 27) = 3), the
  // last variable varying fastest. Its index is then always 0: poverty at 50 % (index 1) was
  // never examined, and the gap never found.
  const size_t stride = (81 + 27 - 1) / 27;
  std::set<size_t> poverty_seen_by_stride;
  for (size_t k = 0; k * stride < 81; ++k) poverty_seen_by_stride.insert((k * stride) % 3);
  CHECK(poverty_seen_by_stride == std::set<size_t>{0});
  REQUIRE(g.candidates[3] == std::vector<double>{0.4999, 0.5, 0.5001});
  // The covering sample examines every value, poverty at 50 % among them, and finds the gap.
  CHECK(g.examined == 27);
  CHECK(g.coverage == GapReport::Coverage::kPairs);
  for (size_t v = 0; v < 4; ++v) CHECK(g.seen[v] == std::vector<int>{0, 1, 2});
  CHECK(g.gaps > 0);
  REQUIRE_FALSE(g.groups.empty());
  const GapGroup& gap = g.groups[0];
  REQUIRE(gap.kind == GapFinding::Kind::kGap);
  REQUIRE(gap.boxes.size() == 1);
  CHECK(gap.boxes[0].values[3] == std::vector<int>{1});
  CHECK(gap_sentence(g, gap, gap.boxes[0]) ==
        "A unit with poverty_rate_new exactly 50 % gets no class of c: no rule claims it and there is no catch-all. "
        "(Not every such unit: " + std::to_string(gap.count) +
        " of the combinations examined are, and they do not fill these ranges.)");
}

TEST_CASE("a covering sample holds every value of each variable and every pair of values of two variables", "[rules]") {
  const std::vector<size_t> sizes{2, 3, 6, 3, 2, 9, 3, 3, 2, 4};
  BoxSample s = sample_box(sizes, 500);
  CHECK(s.coverage == GapReport::Coverage::kPairs);
  REQUIRE(s.rows.size() == 500);
  CHECK(s.covering >= 9 * 6);  // the two longest lists' pairs need a row each
  CHECK(s.covering < 100);
  std::set<std::vector<uint32_t>> distinct(s.rows.begin(), s.rows.end());
  CHECK(distinct.size() == s.rows.size());
  // Every pair of values of two variables, within the first `covering` rows already.
  size_t missing = 0;
  for (size_t i = 0; i < sizes.size(); ++i)
    for (size_t j = i + 1; j < sizes.size(); ++j)
      for (uint32_t a = 0; a < sizes[i]; ++a)
        for (uint32_t b = 0; b < sizes[j]; ++b) {
          bool found = false;
          for (size_t r = 0; r < s.covering && !found; ++r) found = s.rows[r][i] == a && s.rows[r][j] == b;
          missing += !found;
        }
  CHECK(missing == 0);
  for (const auto& row : s.rows)
    for (size_t v = 0; v < sizes.size(); ++v) CHECK(row[v] < sizes[v]);
}

TEST_CASE("a covering sample cut short by its cap says what it still covers", "[rules]") {
  const std::vector<size_t> sizes{2, 3, 6, 3, 2, 9, 3, 3, 2, 4};
  // 20 rows: every value (9 rows for the longest list), not every pair (54 for the two longest).
  BoxSample values = sample_box(sizes, 20);
  CHECK(values.coverage == GapReport::Coverage::kValues);
  CHECK(values.rows.size() == 20);
  for (size_t v = 0; v < sizes.size(); ++v) {
    std::set<uint32_t> seen;
    for (const auto& row : values.rows) seen.insert(row[v]);
    CHECK(seen.size() == sizes[v]);
  }
  // 5 rows: not even every value of the variable with 9.
  BoxSample some = sample_box(sizes, 5);
  CHECK(some.coverage == GapReport::Coverage::kSome);
  CHECK(some.rows.size() == 5);
}

TEST_CASE("the covering sample and the search of a sampled box are the same twice", "[rules]") {
  const std::vector<size_t> sizes{3, 3, 3, 2, 6, 3, 3, 3};
  CHECK(sample_box(sizes, 1000).rows == sample_box(sizes, 1000).rows);
  auto rs = compile_text("c.toml", kOneValueGap);
  const Classification& c = *rs->find_classification("c");
  auto text = [&] {
    auto g = search_gaps(rs, c, 2021, 40);
    std::ostringstream out;
    out << g.examined << " " << g.gaps << " " << g.overlaps << " " << g.accidents << " " << g.undecided << "\n";
    for (const auto& grp : g.groups)
      for (const auto& b : grp.boxes) {
        out << b.count << " " << gap_sentence(g, grp, b) << " |";
        for (double x : b.example) out << " " << x;
        out << "\n";
      }
    for (const auto& f : g.examples) {
      for (double x : f.values) out << x << " ";
      out << f.detail << "\n";
    }
    return out.str();
  };
  const std::string first = text();
  CHECK(first == text());
  CHECK(first.rfind("40 ", 0) == 0);
}
