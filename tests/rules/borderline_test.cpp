#include <catch2/catch.hpp>

#include "rules/borderline.h"
#include "rules_fixture.h"

using namespace lotrinh::rules;
using namespace lotrinh::rules::testing;

namespace {

const char* kBands = R"(
[ruleset]
id = "t.bands"
kind = "commune-region"
level = "commune"
effective = { from = 2020-12-31 }

[parameters]
high = { value = 0.20, unit = "fraction", source = "Art. 1" }

[criteria]
poor = "poverty_rate >= high"
far = "road_km > 20"
flagged = "flag == 1"
poor_or_far = { any = ["poor", "far"] }

[classification.region]
order = [ { class = "III", when = "poor_or_far" }, { class = "II", when = "flagged" }, { class = "I" } ]
)";

std::vector<std::string> texts(const std::vector<NearThreshold>& v) {
  std::vector<std::string> out;
  for (const auto& n : v) out.push_back(n.criterion + ": " + n.detail);
  return out;
}

}  // namespace

TEST_CASE("a unit within 2 points of a rate threshold that decides its class is borderline, with explain's margin", "[rules]") {
  auto rs = compile_text("b.toml", kBands);
  //                                            0      1     2      3      4
  Evaluation ev(rs, columns({{"poverty_rate", {0.187, 0.17, 0.215, 0.25, 0.05}},
                             {"road_km", {5, 5, 5, 20.3, 21}},
                             {"flag", {0, 0, 0, 0, 1}}}),
                2021);
  const Classification& c = *rs->find_classification("region");
  CHECK(texts(near_thresholds(ev, 0, c)) ==
        std::vector<std::string>{"poor: poverty_rate[poverty_rate_new] 0.187 (18.7 %), needs ≥ 0.2 (high): 1.3 points short"});
  CHECK(near_thresholds(ev, 1, c).empty());  // 3 points short
  CHECK(texts(near_thresholds(ev, 2, c)) ==
        std::vector<std::string>{"poor: poverty_rate[poverty_rate_new] 0.215 (21.5 %), needs ≥ 0.2 (high): 1.5 points to spare"});
  // A non-rate threshold: 2 % of 20 km is 0.4 km; 20.3 is 0.3 km short.
  auto three = near_thresholds(ev, 3, c);
  REQUIRE(three.size() == 1);
  CHECK(three[0].criterion == "far");
  CHECK(!three[0].rate);
  CHECK(three[0].gap == Approx(0.3));
  // 21 km is 1 km (5 %) from 20: not near; the flag's = comparison never is.
  CHECK(near_thresholds(ev, 4, c).empty());
}

TEST_CASE("a wider margin finds more borderline units, and a missing value is never near", "[rules]") {
  auto rs = compile_text("b.toml", kBands);
  Evaluation ev(rs, columns({{"poverty_rate", {0.17, std::nan("")}}, {"road_km", {5, 19.9}}, {"flag", {0, 0}}}), 2021);
  const Classification& c = *rs->find_classification("region");
  CHECK(near_thresholds(ev, 0, c, 0.02).empty());
  CHECK(near_thresholds(ev, 0, c, 0.03).size() == 1);
  auto missing = near_thresholds(ev, 1, c);
  REQUIRE(missing.size() == 1);  // the road, not the missing rate
  CHECK(missing[0].criterion == "far");
}
