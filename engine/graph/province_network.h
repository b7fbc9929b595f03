#pragma once
// A province's commune network of one year: the units of the units registry, their districts and
// district centres, the district borders and the roads, read from the tables a province folder's
// manifest names (scenarios/README.md).
#include <map>
#include <string>

#include "data/unit_registry.h"
#include "graph/commune_graph.h"

namespace lotrinh::graph {

/// The tables a network is read from, and the years it covers.
struct NetworkSources {
  std::string districts;         ///< Districts: slug, centre (other columns ignored).
  std::string district_centres;  ///< Centres over time (district, centre, from, until, basis); "" = none.
  std::string district_borders;  ///< district_a, district_b.
  std::string roads;             ///< The roads table (graph/roads_csv.h).
  int first_year = 0;            ///< The first year the network covers.
  int last_year = 0;             ///< The last year (e.g. before districts were abolished).
  std::string years_from;        ///< Where the years are set (a manifest), named in the year error.
  Speeds speeds;                 ///< Speeds that turn roads into hours.

  /// The tables of `dir` under their usual names (districts.csv, district_centres.csv,
  /// district_borders.csv, roads.csv).
  static NetworkSources in_dir(const std::string& dir, int first_year, int last_year);
};

/// Reads a district borders table (columns district_a, district_b; others ignored).
DistrictBorders read_district_borders(const std::string& path);

/// The centre unit of each district in `year` (district slug -> unit slug): the `centre` of the
/// districts table, replaced by a row of the district centres table (district, centre, from,
/// until, basis, source) whose dates cover 31 December of `year`. Every problem is located.
std::map<std::string, std::string> read_district_centres(const NetworkSources& sources,
                                                         const data::UnitRegistry& registry, int year);

/// The network of `year`. A road end that did not exist in `year` is replaced by the unit it was
/// renamed from or to (same territory). Throws InputError, naming --year when `year` is outside
/// the sources' years.
CommuneGraph load_province_network(const data::UnitRegistry& registry, const NetworkSources& sources, int year);
/// The same from the tables of `dir` under their usual names (NetworkSources::in_dir), with the
/// units of UnitRegistry::load_dir(dir).
CommuneGraph load_province_network(const std::string& dir, int year, int first_year, int last_year);

}  // namespace lotrinh::graph
