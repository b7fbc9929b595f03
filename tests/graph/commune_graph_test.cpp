#include <catch2/catch.hpp>

#include "diag/diagnostic.h"
#include "graph/commune_graph.h"
#include "graph/roads_csv.h"
#include "graph_fixture.h"

using namespace lotrinh::graph;
using namespace lotrinh::graph::testing;
using lotrinh::diag::InputError;

namespace {

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

Road road(std::string from, std::string to, double km, double paved) {
  return Road{std::move(from), std::move(to), km, paved, "estimated: test", {}};
}

}  // namespace

TEST_CASE("the fastest path takes a longer paved detour over a short unpaved road", "[graph]") {
  CommuneGraph g = two_district_graph();
  CHECK(g.unit_count() == 7);
  CHECK(g.road_count() == 7);
  CHECK(g.hours_to_centre("town") == 0.0);
  CHECK(g.hours_to_centre("b") == 1.0);  // b-town, 40 km paved
  CHECK(g.hours_to_centre("a") == 1.5);  // a-b-town beats the unpaved a-town (2 h)
  CHECK(g.hours_to_centre("d") == 2.5);
  CHECK(g.hours_to_centre("e") == 0.1875);
}

TEST_CASE("each unit is timed to its own district centre even through another district", "[graph]") {
  CommuneGraph g = two_district_graph();
  // f (district d2) reaches town2 only through d, a, b and town of d1: 1 + 2.5 + 1.5 hours.
  CHECK(g.hours_to_centres() == std::vector<double>{0, 1.5, 1, 2.5, 0, 0.1875, 5});
  CHECK(g.hours_to_centre("f") == 5.0);
}

TEST_CASE("paving a road changes later travel times and leaves copies alone", "[graph]") {
  CommuneGraph g = two_district_graph();
  CommuneGraph before = g;
  g.set_paved_share("a", "town", 1);  // either order of the ends names the road
  CHECK(g.hours_to_centres() == std::vector<double>{0, 0.75, 1, 1.75, 0, 0.1875, 4.25});
  g.set_paved_share("town", "a", 0.5);  // 15 km at 40 plus 15 km at 15
  CHECK(g.hours_to_centre("a") == 1.375);
  CHECK(g.hours_to_centre("f") == 4.875);
  CHECK(g.roads()[0].paved_share == 0.5);
  CHECK(before.hours_to_centre("a") == 1.5);
  CHECK(before.roads()[0].paved_share == 0.0);
}

TEST_CASE("slower speeds give longer travel times", "[graph]") {
  CommuneGraph g = CommuneGraph::build(two_districts(), parse_roads_csv("roads.csv", kTwoDistrictRoads), kTwoBorders,
                                       Speeds{20, 10});
  CHECK(g.hours_to_centre("b") == 2.0);
  CHECK(g.hours_to_centre("a") == 3.0);  // a-town unpaved and a-b-town paved now tie at 3 h
}

TEST_CASE("neighbours are listed sorted by slug", "[graph]") {
  CommuneGraph g = two_district_graph();
  CHECK(g.neighbours("a") == std::vector<std::string>{"b", "d", "town"});
  CHECK(g.neighbours("town") == std::vector<std::string>{"a", "b", "town2"});
  CHECK(g.neighbours("e") == std::vector<std::string>{"town2"});
}

TEST_CASE("a road to a misspelt unit is reported at its cell with a suggestion", "[graph]") {
  CHECK(build_error(two_districts(), replaced(kTwoDistrictRoads, "b,town,40", "b,towm,40")) ==
        "roads.csv:4:3: error: unknown unit 'towm' in the road b -- towm\n"
        "  b,towm,40,1,estimated: map\n"
        "    ^\n"
        "  hint: did you mean 'town'?\n");
}

TEST_CASE("a unit whose only road has an unknown end is not also reported as cut off", "[graph]") {
  CHECK(build_error(two_districts(), replaced(kTwoDistrictRoads, "f,d,15", "f,zzz-village,15")) ==
        "roads.csv:8:3: error: unknown unit 'zzz-village' in the road f -- zzz-village\n"
        "  f,zzz-village,15,0,estimated: map\n"
        "    ^\n"
        "  hint: name a unit of the units table by its slug, such as xa-a\n");
}

TEST_CASE("a road of zero or negative length is an error", "[graph]") {
  std::vector<Road> roads = {road("town", "a", 0, 0), road("a", "b", -2, 1),        road("b", "town", 40, 1),
                             road("d", "a", 15, 0),   road("town", "town2", 60, 1), road("e", "town2", 7, 1),
                             road("f", "d", 15, 0)};
  CHECK(build_error(two_districts(), roads) ==
        "lotrinh: error: the road town -- a has length 0 km, but a length must be greater than 0\n"
        "  hint: write the road's length in kilometres, such as 12.5\n"
        "lotrinh: error: the road a -- b has length -2 km, but a length must be greater than 0\n"
        "  hint: write the road's length in kilometres, such as 12.5\n");
}

TEST_CASE("a paved share outside 0 to 1 is an error with a hint for percentages", "[graph]") {
  std::vector<Road> roads = {road("town", "a", 30, 40), road("a", "b", 20, -0.2),     road("b", "town", 40, 1),
                             road("d", "a", 15, 0),     road("town", "town2", 60, 1), road("e", "town2", 7, 1),
                             road("f", "d", 15, 0)};
  CHECK(build_error(two_districts(), roads) ==
        "lotrinh: error: the road town -- a has paved share 40, outside 0 to 1\n"
        "  hint: write the paved share as a fraction between 0 and 1 (0.4 if 40 is a percentage)\n"
        "lotrinh: error: the road a -- b has paved share -0.2, outside 0 to 1\n"
        "  hint: write the paved share as a fraction between 0 and 1, such as 0.4 for 40 %\n");
}

TEST_CASE("a road between districts that do not border each other is an error", "[graph]") {
  CHECK(build_error(two_districts(), kTwoDistrictRoads, DistrictBorders{}) ==
        "roads.csv:6:1: error: the road town -- town2 joins districts 'd1' and 'd2', which do not border each other\n"
        "  town,town2,60,1,reported: road plan\n"
        "  ^\n"
        "  hint: correct the road's ends, or add d1 -- d2 to the district borders if the two districts touch\n"
        "roads.csv:8:1: error: the road f -- d joins districts 'd2' and 'd1', which do not border each other\n"
        "  f,d,15,0,estimated: map\n"
        "  ^\n"
        "  hint: correct the road's ends, or add d2 -- d1 to the district borders if the two districts touch\n");
}

TEST_CASE("every unit cut off from its district centre is named at its row", "[graph]") {
  auto units_csv = lotrinh::diag::SourceFile::from_text("units.csv",
                                                        "slug,district,centre\ntown,d1,yes\na,d1,no\n"
                                                        "b,d1,no\nc,d1,no\n");
  std::vector<Unit> units = {{"town", "d1", true, {units_csv, 2, 1}},
                             {"a", "d1", false, {units_csv, 3, 1}},
                             {"b", "d1", false, {units_csv, 4, 1}},
                             {"c", "d1", false, {units_csv, 5, 1}}};
  CHECK(build_error(units, {road("town", "a", 5, 1), road("b", "c", 5, 1)}, {}) ==
        "units.csv:4:1: error: unit 'b' has no road to its district centre 'town'\n"
        "  b,d1,no\n"
        "  ^\n"
        "  hint: add the roads that link it to the rest of the network, or correct its district\n"
        "units.csv:5:1: error: unit 'c' has no road to its district centre 'town'\n"
        "  c,d1,no\n"
        "  ^\n"
        "  hint: add the roads that link it to the rest of the network, or correct its district\n");
}

TEST_CASE("a district without a centre is an error", "[graph]") {
  auto units = two_districts();
  units[0].district_centre = false;
  CHECK(build_error(units, kTwoDistrictRoads) ==
        "lotrinh: error: district 'd1' has no centre unit\n"
        "  hint: mark the district's town as its centre\n");
}

TEST_CASE("a district with two centres is an error naming both", "[graph]") {
  auto units = two_districts();
  units[1].district_centre = true;
  CHECK(build_error(units, kTwoDistrictRoads) ==
        "lotrinh: error: district 'd1' has 2 centre units: town, a\n"
        "  hint: mark exactly one unit of the district, its town, as the centre\n");
}

TEST_CASE("a unit given twice or without a district is an error", "[graph]") {
  auto units = two_districts();
  units.push_back({"e", "d2", false, {}});
  units.push_back({"g", "", false, {}});
  CHECK(build_error(units, replaced(kTwoDistrictRoads, "f,d,", "g,d,5,1,estimated: map\nf,d,")) ==
        "lotrinh: error: unit 'e' is given twice\n"
        "  hint: keep one entry per unit: delete or merge the other\n"
        "lotrinh: error: unit 'g' has no district\n"
        "  hint: write the key of the district the unit belongs to\n");
}

TEST_CASE("a road from a unit to itself is an error", "[graph]") {
  CHECK(build_error(two_districts(), std::string(kTwoDistrictRoads) + "a,a,3,1,estimated: map\n") ==
        "roads.csv:9:1: error: the road a -- a joins a unit to itself\n"
        "  a,a,3,1,estimated: map\n"
        "  ^\n"
        "  hint: correct one of the two ends, or delete the road\n");
}

TEST_CASE("a road given twice is an error naming the first one's line", "[graph]") {
  CHECK(build_error(two_districts(), std::string(kTwoDistrictRoads) + "a,town,12,1,estimated: map\n") ==
        "roads.csv:9:1: error: the road a -- town is given twice (first on line 2)\n"
        "  a,town,12,1,estimated: map\n"
        "  ^\n"
        "  hint: keep one road per pair of units: delete or merge the other\n");
  std::vector<Road> roads = {road("town", "a", 1, 1), road("a", "town", 1, 1)};
  CHECK(build_error({{"town", "d1", true, {}}, {"a", "d1", false, {}}}, roads, {}) ==
        "lotrinh: error: the road a -- town is given twice\n"
        "  hint: keep one road per pair of units: delete or merge the other\n");
}

TEST_CASE("a misspelt district in the district borders is an error with a suggestion", "[graph]") {
  CHECK(build_error(two_districts(), kTwoDistrictRoads, DistrictBorders{{"d1", "d2"}, {"d1", "dd2"}}) ==
        "lotrinh: error: the district borders name unknown district 'dd2'\n"
        "  hint: did you mean 'd2'?\n");
}

TEST_CASE("speeds must be above zero", "[graph]") {
  CHECK(build_error(two_districts(), parse_roads_csv("roads.csv", kTwoDistrictRoads), kTwoBorders, Speeds{0, -1}) ==
        "lotrinh: error: the speed on paved roads must be greater than 0 km/h, not 0\n"
        "lotrinh: error: the speed on unpaved roads must be greater than 0 km/h, not -1\n");
}

TEST_CASE("all problems of a graph are reported together", "[graph]") {
  auto units = two_districts();
  units[4].district_centre = false;  // d2 without a centre
  std::string roads = replaced(kTwoDistrictRoads, "a,b,20", "a,bee,20");
  roads += "a,a,1,1,estimated: map\n";
  try {
    CommuneGraph::build(units, parse_roads_csv("roads.csv", roads), {});
    FAIL("no error");
  } catch (const InputError& e) {
    std::vector<std::string> messages;
    for (const auto& d : e.diagnostics()) messages.push_back(d.message);
    CHECK(messages == std::vector<std::string>{
                          "district 'd2' has no centre unit",
                          "unknown unit 'bee' in the road a -- bee",
                          "the road town -- town2 joins districts 'd1' and 'd2', which do not border each other",
                          "the road f -- d joins districts 'd2' and 'd1', which do not border each other",
                          "the road a -- a joins a unit to itself",
                      });
  }
}

TEST_CASE("asking for an unknown unit is an error with a suggestion", "[graph]") {
  CommuneGraph g = two_district_graph();
  const std::string expected = "lotrinh: error: unknown unit 'tonw'\n  hint: did you mean 'town'?\n";
  CHECK(error_of([&] { g.hours_to_centre("tonw"); }) == expected);
  CHECK(error_of([&] { g.neighbours("tonw"); }) == expected);
  CHECK(error_of([&] { g.set_paved_share("tonw", "a", 1); }) == expected);
}

TEST_CASE("paving a road that does not exist or to a share above 1 is an error", "[graph]") {
  CommuneGraph g = two_district_graph();
  CHECK(error_of([&] { g.set_paved_share("b", "d", 1); }) ==
        "lotrinh: error: there is no road b -- d\n"
        "  hint: name the two units at the ends of a road of the roads table\n");
  CHECK(error_of([&] { g.set_paved_share("b", "a", 1.5); }) ==
        "lotrinh: error: the road b -- a has paved share 1.5, outside 0 to 1\n"
        "  hint: write the paved share as a fraction between 0 and 1 (0.015 if 1.5 is a percentage)\n");
  CHECK(g.roads()[1].paved_share == 1.0);
}
