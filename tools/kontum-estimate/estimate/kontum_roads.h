#pragma once
// The road from each unit's district centre, read off the road network (roads.csv, with the
// centres of districts.csv and district_centres.csv) rather than drawn: the commune table's
// road_to_centre_km and road_unpaved_share agree with the network by construction.
#include <cstdint>
#include <map>
#include <string>

#include "data/unit_registry.h"

namespace lotrinh::estimate {

/// The shortest road (by length) from a unit to its district's centre.
struct CentreRoute {
  std::string centre;            ///< Slug of the district centre.
  std::int64_t length_dm = 0;    ///< Length in tenths of a km (0 for the centre itself).
  std::int64_t unpaved_m = 0;    ///< Metres of it that are neither asphalt nor concrete.
  /// The unpaved share of the route in basis points (0 for the centre itself).
  std::int64_t unpaved_bp() const;
};

/// Every unit's route in the network of `year` (graph::load_province_network over the tables of `dir`), by slug.
/// Lengths and paved shares are taken to 0.1 km and 0.01 % and added as integers; among paths of
/// equal length the one with the least unpaved road is taken, so the route is unique in its
/// numbers. Throws InputError when the network cannot be read.
std::map<std::string, CentreRoute> routes_to_centres(const data::UnitRegistry& registry, const std::string& dir,
                                                     int year);

}  // namespace lotrinh::estimate
