#pragma once
// The Kon Tum commune network of one year: the units of the units registry, their districts and
// district centres, the district borders and the roads (scenarios/kontum/NETWORK.md).
#include <map>
#include <string>

#include "data/unit_registry.h"
#include "graph/commune_graph.h"

namespace lotrinh::graph {

/// The first year the Kon Tum network covers.
inline constexpr int kKontumFirstYear = 2016;
/// The last year it covers: districts were abolished on 2025-07-01.
inline constexpr int kKontumLastYear = 2024;

/// Reads a district borders table (columns district_a, district_b; others ignored).
DistrictBorders read_district_borders(const std::string& path);

/// The centre unit of each district in `year` (district slug -> unit slug): the `centre` of
/// `dir`/districts.csv, replaced by a row of `dir`/district_centres.csv (district, centre, from,
/// until, basis, source) whose dates cover 31 December of `year`. Every problem is located.
std::map<std::string, std::string> read_district_centres(const std::string& dir, const data::UnitRegistry& registry,
                                                         int year);

/// The network of `year` from `dir`: units.csv (with units_2025.csv and lineage.csv), districts.csv,
/// district_centres.csv, district_borders.csv and roads.csv. A road end that did not exist in
/// `year` is replaced by the unit it was renamed from or to (same territory). Throws InputError.
CommuneGraph load_kontum_network(const std::string& dir, int year);
/// The same, with the units already read.
CommuneGraph load_kontum_network(const data::UnitRegistry& registry, const std::string& dir, int year);

}  // namespace lotrinh::graph
