#pragma once
// The starting point of a simulation: the communes of one data year with their values, the
// road graph's terms (neighbours, travel time to the district centre, year by year after paving
// events) and districts with their borders. Plain data, so tests can build one by hand.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/sim_files.h"
#include "data/catalogue.h"
#include "data/commune_table.h"

namespace lotrinh::sim {

struct World {
  int start_year = 0;
  std::vector<std::string> slugs, names;  ///< Per commune.
  std::vector<int> district;              ///< Per commune: index into district_ids.
  std::vector<std::string> district_ids, district_names;
  std::vector<std::vector<int>> district_borders;  ///< Per district: the districts bordering it.
  std::vector<std::vector<int>> neighbours;        ///< Per commune: communes one road away.
  std::map<std::string, std::vector<double>> columns;  ///< Indicator id -> value per commune (NaN: missing).
  /// travel_hours[k][c]: hours from commune c to its district centre in year start_year + k
  /// (k = 0 .. end_year - start_year).
  std::vector<std::vector<double>> travel_hours;
  /// Per commune: values of the start year that are estimated, and all values (provenance).
  std::vector<int> estimated, values;
  /// twinning[k]: for year start_year + k, the commune index each active twinning agency is
  /// twinned with on 31 December (agencies in id order; reassignment events applied). Twinnings
  /// open at the end of the province's history are assumed to continue.
  std::vector<std::vector<int>> twinning;
  bool has_provenance = false;
  /// The province manifest's targets rule sets ([rules] targets), and the whole data table
  /// (targets that read years before the start year take them from it; may be null).
  std::vector<std::string> target_sets;
  std::shared_ptr<const data::CommuneTable> table;

  /// The merger (0: none): from data year merger_year on, the units of `merged` replace these;
  /// successor[c] is the index in `merged` of commune c. In `merged`, a unit's district is that of
  /// its first member (districts end with the merger; shocks and the fan keep using them), its
  /// travel_hours the household-weighted mean of its members', its neighbours the units one road
  /// away from any member, its columns the start values combined by the catalogue's rules.
  int merger_year = 0;
  std::shared_ptr<const World> merged;
  std::vector<int> successor;

  size_t size() const { return slugs.size(); }
};

/// Loads the world of `start_year` from the province folder `dir` (communes.csv, units.csv,
/// roads.csv, districts, district_borders.csv, provenance.csv), with the road events of the
/// scenario applied from their years, up to `end_year`. The single place the simulator reads
/// province data. Throws InputError.
World load_world(const std::string& dir, int start_year, int end_year, const std::vector<config::ScenarioEvent>& events,
                 const data::Catalogue& catalogue);

}  // namespace lotrinh::sim
