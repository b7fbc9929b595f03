#pragma once
// Small graphs for the graph tests.
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "graph/commune_graph.h"
#include "graph/roads_csv.h"

namespace lotrinh::graph::testing {

/// District d1 (centre town; a, b, d) and d2 (centre town2; e, f), bordering each other.
/// Roads (hours at 40/15 km/h): town-a 30 km unpaved (2), a-b 20 km paved (0.5), b-town 40 km
/// paved (1), d-a 15 km unpaved (1), town-town2 60 km paved (1.5), e-town2 7.5 km paved
/// (0.1875), f-d 15 km unpaved (1).
inline std::vector<Unit> two_districts() {
  return {{"town", "d1", true, {}},  {"a", "d1", false, {}}, {"b", "d1", false, {}}, {"d", "d1", false, {}},
          {"town2", "d2", true, {}}, {"e", "d2", false, {}}, {"f", "d2", false, {}}};
}

inline const char* kTwoDistrictRoads =
    "from,to,length_km,paved_share,provenance\n"
    "town,a,30,0,estimated: map\n"
    "a,b,20,1,estimated: map\n"
    "b,town,40,1,estimated: map\n"
    "d,a,15,0,estimated: map\n"
    "town,town2,60,1,reported: road plan\n"
    "e,town2,7.5,1,estimated: map\n"
    "f,d,15,0,estimated: map\n";

inline const DistrictBorders kTwoBorders = {{"d2", "d1"}};

/// The text of the InputError that build() throws, or "no error".
inline std::string build_error(std::vector<Unit> units, std::vector<Road> roads,
                               const DistrictBorders& borders = kTwoBorders, Speeds speeds = {}) {
  try {
    CommuneGraph::build(std::move(units), std::move(roads), borders, speeds);
  } catch (const diag::InputError& e) {
    return e.what();
  }
  return "no error";
}

/// build_error() with roads read from CSV text named roads.csv.
inline std::string build_error(std::vector<Unit> units, const std::string& roads_csv,
                               const DistrictBorders& borders = kTwoBorders) {
  try {
    return build_error(std::move(units), parse_roads_csv("roads.csv", roads_csv), borders);
  } catch (const diag::InputError& e) {
    return std::string("roads table: ") + e.what();
  }
}

/// The two-district graph, built.
inline CommuneGraph two_district_graph() {
  return CommuneGraph::build(two_districts(), parse_roads_csv("roads.csv", kTwoDistrictRoads), kTwoBorders);
}

/// `text` with the first `from` replaced by `to`.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

}  // namespace lotrinh::graph::testing
