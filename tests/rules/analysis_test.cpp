#include <catch2/catch.hpp>

#include <cmath>

#include "data/commune_table.h"
#include "diag/messages.h"
#include "rules/gap_search.h"
#include "rules/gap_words.h"
#include "rules/rule_diff.h"
#include "rules/sweep.h"
#include "rules/target_check.h"
#include "rules_fixture.h"

using namespace lotrinh::rules;
using namespace lotrinh::rules::testing;

namespace {
const std::string kHead = "[ruleset]\nid = \"t.g\"\nkind = \"k\"\neffective = { from = 2020-01-01 }\n";
}

TEST_CASE("the box search finds a gap, an overlap and a fall through the catch-all", "[rules]") {
  auto rs = compile_text("g.toml", kHead + R"(
[parameters]
high = { value = 0.2 }
[criteria]
in_scope = "y >= 0.15"
hi = { all = ["in_scope", "x >= high"] }
lo = { all = ["in_scope", "x <= 0.25"] }
[classification.band]
order = [ { class = "H", when = "hi" }, { class = "L", when = "lo" }, { class = "M", when = "in_scope", fallback = true } ]
[classification.strict]
order = [ { class = "H", when = "x >= high" }, { class = "L", when = "x < 0.1" } ]
)");
  auto band = search_gaps(rs, *rs->find_classification("band"), 2021);
  CHECK(band.variables == std::vector<std::string>{"x", "y"});
  CHECK(band.combinations == band.examined);
  CHECK(band.overlaps > 0);   // x in [0.2, 0.25] is claimed by H and L
  CHECK(band.accidents > 0);  // y < 0.15 reaches M without meeting in_scope
  CHECK(band.gaps == 0);
  auto strict = search_gaps(rs, *rs->find_classification("strict"), 2021);
  CHECK(strict.gaps > 0);     // 0.1 <= x < 0.2: no class, no fallback
  CHECK(strict.overlaps == 0);
  bool found_gap_at_threshold = false;
  for (const auto& f : strict.examples)
    if (f.kind == GapFinding::Kind::kGap && f.values.at(0) == 0.1) found_gap_at_threshold = true;
  CHECK(found_gap_at_threshold);
}

TEST_CASE("a box search capped below a variable's count of values examines the cap and says not every value was", "[rules]") {
  auto rs = compile_text("g.toml", kHead + R"(
[classification.c]
order = [ { class = "A", when = "x > 0.1" }, { class = "B" } ]
)");
  auto g = search_gaps(rs, *rs->find_classification("c"), 2021, 2);
  CHECK(g.combinations == 3);
  CHECK(g.examined == 2);
  CHECK(g.coverage == GapReport::Coverage::kSome);
  CHECK(g.seen == std::vector<std::vector<int>>{{0, 1}});
  auto all = search_gaps(rs, *rs->find_classification("c"), 2021, 3);
  CHECK(all.examined == 3);
  CHECK(all.coverage == GapReport::Coverage::kAll);
}

TEST_CASE("diff lists the changed parameter and the deciding clause of each commune that moves", "[rules]") {
  RuleLibrary lib(test_catalogue());
  lib.add(lotrinh::config::parse_rule_file("a.toml", kHead + R"(
[parameters]
high = { value = 0.2 }
[criteria]
poor = "x >= high"
[classification.c]
order = [ { class = "III", when = "poor" }, { class = "II" } ]
)"));
  lib.add(lotrinh::config::parse_rule_file("b.toml", "[ruleset]\nid = \"t.b\"\nextends = \"t.g\"\n[parameters]\nhigh = { value = 0.15 }\n"));
  auto a = lib.get("t.g"), b = lib.get("t.b");
  auto changes = diff_rules(*a, *b, 2021);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].kind == "parameter");
  CHECK(changes[0].before == "0.2");
  CHECK(changes[0].after == "0.15");
  auto in = columns({{"x", {0.1, 0.17, 0.3}}});
  Evaluation ea(a, in, 2021), eb(b, in, 2021);
  auto moved = diff_classes(ea, eb);
  REQUIRE(moved.size() == 1);
  CHECK(moved[0].unit == 1);
  CHECK(moved[0].before == "II");
  CHECK(moved[0].after == "III");
  CHECK(moved[0].deciding == "x >= high: false -> true (x 0.17 (17 %), needs ≥ 0.15 (high): 2.0 points to spare)");
}

TEST_CASE("a sweep counts the classes at each value and names who flips", "[rules]") {
  auto rs = compile_text("s.toml", kHead + R"(
[parameters]
high = { value = 0.2 }
[classification.c]
order = [ { class = "III", when = "x >= high" }, { class = "II" } ]
)");
  auto steps = sweep(rs, columns({{"x", {0.12, 0.18, 0.3}}}), 2021, {}, "c", "high", 0.10, 0.20, 0.05);
  REQUIRE(steps.size() == 3);
  CHECK(steps[0].counts.at("III") == 3);
  CHECK(steps[1].counts.at("III") == 2);
  CHECK(steps[1].flipped == std::vector<size_t>{0});
  CHECK(steps[1].flips == std::vector<std::string>{"III -> II"});
  CHECK(steps[2].counts.at("III") == 1);
  CHECK(steps[2].flipped == std::vector<size_t>{1});
}

TEST_CASE("targets compute weighted means, counts and changes per year by district", "[rules]") {
  auto rs = compile_text("t.toml", R"(
[ruleset]
id = "t.targets"
kind = "targets"
effective = { from = 2016-01-01 }
[[target]]
id = "down"
level = "district"
aggregate = "weighted_mean"
of = "x"
weight = "households"
change = "per_year"
years = [2016, 2020]
compare = "<="
value = -0.03
[[target]]
id = "unknown-value"
aggregate = "count"
of = "x >= 0.35"
year = 2020
reported = { outcome = "met", source = "report II.2" }
)");
  lotrinh::data::CommuneTable t;
  t.unit = {"a", "b", "a", "b"};
  t.year = {2016, 2016, 2020, 2020};
  t.name = {"A", "B", "A", "B"};
  t.district = {"D1", "D2", "D1", "D2"};
  t.columns = {"x", "households"};
  t.values["x"] = {0.5, 0.4, 0.3, 0.38};
  t.values["households"] = {100, 300, 100, 300};
  auto results = check_targets(rs, t, 2020, [](int) { return nullptr; }, {});
  REQUIRE(results.size() == 3);
  CHECK(results[0].group == "D1");
  CHECK(results[0].computed == Approx(-0.05));
  CHECK(results[0].status == "met");
  CHECK(results[1].group == "D2");
  CHECK(results[1].computed == Approx(-0.005));
  CHECK(results[1].status == "not-met");
  CHECK(results[2].computed == 1);
  CHECK(results[2].status == "no-value");
  CHECK(results[2].detail == "the target's value is not known; reported: met (report II.2)");
}

TEST_CASE("a target whose change crosses the poverty-standard break says so", "[rules]") {
  auto rs = compile_text("t.toml", R"(
[ruleset]
id = "t.break"
kind = "targets"
effective = { from = 2016-01-01 }
[[target]]
id = "down"
aggregate = "mean"
of = "poverty_rate"
change = "per_year"
years = [2020, 2021]
compare = "<="
value = -0.03
)");
  lotrinh::data::CommuneTable t;
  t.unit = {"a", "a"};
  t.year = {2020, 2021};
  t.name = {"A", "A"};
  t.district = {"D", "D"};
  t.columns = {"poverty_rate_old", "poverty_rate_new"};
  t.values["poverty_rate_old"] = {0.3, NAN};
  t.values["poverty_rate_new"] = {NAN, 0.4};
  auto results = check_targets(rs, t, 2021, [](int) { return nullptr; }, {});
  REQUIRE(results.size() == 1);
  CHECK(results[0].computed == Approx(0.1));
  CHECK(results[0].detail ==
        "compares across a break in the series: poverty_rate is poverty_rate_old in 2020 but poverty_rate_new in 2021");
}

TEST_CASE("a box size is printed exactly, or approximately when beyond a double's integers", "[rules]") {
  CHECK(box_size_text(472392) == "472392");
  CHECK(box_size_text(std::pow(3.0, 36)) == "≈ 1.5e+17");  // not a capped product such as 332,150,625
  CHECK(box_size_text(std::pow(2.0, 53) - 1) == "9007199254740991");
}

TEST_CASE("the box search groups its findings by kind, classes and clause, in boxes of value ranges", "[rules]") {
  auto rs = compile_text("g.toml", kHead + R"(
[criteria]
in_scope = "y >= 0.15"
hi = { all = ["in_scope", "x >= 0.2"] }
lo = { all = ["in_scope", "x <= 0.25"] }
[classification.band]
order = [ { class = "H", when = "hi" }, { class = "L", when = "lo" }, { class = "M", when = "in_scope", fallback = true } ]
)");
  auto g = search_gaps(rs, *rs->find_classification("band"), 2021);
  // x: 0.1999 0.2 0.2001 0.2499 0.25 0.2501; y: 0.1499 0.15 0.1501.
  REQUIRE(g.groups.size() == 2);
  const GapGroup& over = g.groups[0];
  CHECK(over.kind == GapFinding::Kind::kOverlap);
  CHECK(over.rules == std::vector<int>{0, 1});
  CHECK(over.decided == 0);
  CHECK(over.count == 8);  // x from 0.2 to 0.25 (4 values) and y at least 0.15 (2)
  REQUIRE(over.boxes.size() == 1);
  CHECK(over.boxes[0].exact);
  CHECK(over.boxes[0].values == std::vector<std::vector<int>>{{1, 2, 3, 4}, {1, 2}});
  CHECK(range_code(g, over.boxes[0], 0) == "[0.2,0.25]");
  CHECK(range_code(g, over.boxes[0], 1) == "[0.15,)");
  CHECK(gap_sentence(g, over, over.boxes[0]) ==
        "A unit with x from 20 % to 25 % and y at least 15 % meets both band H (hi) and band L (lo); the order gives band H.");
  const GapGroup& fall = g.groups[1];
  CHECK(fall.kind == GapFinding::Kind::kAccident);
  CHECK(fall.count == 6);  // y under 0.15, any x
  REQUIRE(fall.boxes.size() == 1);
  CHECK(range_words(g, fall.boxes[0], 0).empty());  // x takes every value: not mentioned
  CHECK(gap_sentence(g, fall, fall.boxes[0]) ==
        "A unit with y under 15 % does not meet the condition of band M (in_scope) but gets band M as the catch-all.");
}

TEST_CASE("a group of a sampled search that does not fill its ranges says so instead of claiming the box", "[rules]") {
  auto rs = compile_text("g.toml", kHead + R"(
[classification.c]
order = [ { class = "A", when = "x > 0.1" }, { class = "B", when = "y > 0.1" } ]
)");
  // 3 x 3 = 9 combinations (x, y each 0.0999, 0.1, 0.1001), 5 examined: each value once, (0.0999,
  // 0.0999), (0.1, 0.1), (0.1001, 0.1001), then the first pairs not yet seen, (0.0999, 0.1) and
  // (0.0999, 0.1001). The gap (both at most 0.1) is seen at three of them, which do not fill x
  // and y at most 0.1 (0.1, 0.0999 was not examined); (0.1001, 0.1001) overlaps.
  auto g = search_gaps(rs, *rs->find_classification("c"), 2021, 5);
  CHECK(g.examined == 5);
  CHECK(g.coverage == GapReport::Coverage::kValues);
  REQUIRE(g.groups.size() == 2);
  const GapGroup& gap = g.groups[0];
  CHECK(gap.kind == GapFinding::Kind::kGap);
  CHECK(gap.count == 3);
  REQUIRE(gap.boxes.size() == 1);
  CHECK_FALSE(gap.boxes[0].exact);
  CHECK(gap_sentence(g, gap, gap.boxes[0]) ==
        "A unit with x at most 10 % and y at most 10 % gets no class of c: no rule claims it and there is no catch-all. "
        "(Not every such unit: 3 of the combinations examined are, and they do not fill these ranges.)");
  CHECK(g.groups[1].kind == GapFinding::Kind::kOverlap);
  CHECK(g.groups[1].count == 1);
}

TEST_CASE("the ranges of a gap sentence are in the number style of the language", "[rules]") {
  auto rs = compile_text("g.toml", kHead + R"(
[classification.c]
order = [ { class = "A", when = "x >= 0.125" }, { class = "B", when = "road_km > 1500" } ]
)");
  auto g = search_gaps(rs, *rs->find_classification("c"), 2021);
  REQUIRE(g.groups.size() == 2);
  const GapGroup& over = g.groups[1];  // x at least 12.5 % and a road over 1500 km
  REQUIRE(over.kind == GapFinding::Kind::kOverlap);
  REQUIRE(over.boxes.size() == 1);
  REQUIRE(g.variables == std::vector<std::string>{"road_km", "x"});
  const size_t R = 0, X = 1;
  CHECK(range_words(g, over.boxes[0], X) == "x at least 12.5 %");
  CHECK(range_words(g, over.boxes[0], R) == "road_km above 1,500 km");
  struct Restore {
    ~Restore() { lotrinh::diag::set_lang(lotrinh::diag::Lang::kEn); }
  } restore;
  lotrinh::diag::set_lang(lotrinh::diag::Lang::kVi);
  CHECK(range_words(g, over.boxes[0], X) == "x từ 12,5 % trở lên");
  CHECK(range_words(g, over.boxes[0], R) == "road_km trên 1.500 km");
}
