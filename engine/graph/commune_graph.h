#pragma once
// The commune road graph: units (communes, wards, towns) joined by roads, with travel times to
// each district's centre. Boost.Graph does the work inside; none of its types leave this module.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/source_file.h"

namespace lotrinh::graph {

/// A node of the graph: one commune, ward or town of a district.
struct Unit {
  std::string slug;              ///< Key, such as "xa-a".
  std::string district;          ///< District key; units of a district share it exactly.
  bool district_centre = false;  ///< The district's town; exactly one per district.
  diag::SourceLoc where;         ///< The row it came from; empty when not read from a file.
};

/// An undirected road between two units.
struct Road {
  /// Where each field came from; empty locations when the road was not read from a file.
  struct Cells {
    diag::SourceLoc from, to, length_km, paved_share;  ///< One per field, named after it.
  };
  std::string from, to;    ///< Unit slugs.
  double length_km = 0;    ///< Greater than 0.
  double paved_share = 0;  ///< Share of the length that is asphalt or concrete, in [0, 1].
  std::string provenance;  ///< Free text such as "estimated: map distance".
  Cells where;             ///< Where the fields came from.
};

/// Speeds that turn roads into travel time. ESTIMATED: assumptions for mountain roads, not taken
/// from a source. A road takes length * paved / paved_kmh + length * (1 - paved) / unpaved_kmh hours.
struct Speeds {
  double paved_kmh = 40;    ///< Speed on asphalt or concrete.
  double unpaved_kmh = 15;  ///< Speed on earth or gravel.
};

/// Pairs of district keys that share a border (order within a pair does not matter).
using DistrictBorders = std::vector<std::pair<std::string, std::string>>;

/// Units and roads, checked once at build: every road joins two known units of the same or
/// bordering districts, every district has one centre, and every unit can reach its centre.
/// Travel times follow the roads' current paved shares. Copies are independent.
class CommuneGraph {
 public:
  /// Builds the graph; throws diag::InputError listing every problem found (unknown units with a
  /// did-you-mean hint, bad lengths or paved shares, repeated units or roads, roads between
  /// districts that do not border, districts without exactly one centre, cut-off units).
  static CommuneGraph build(std::vector<Unit> units, std::vector<Road> roads, const DistrictBorders& borders,
                            Speeds speeds = {});

  /// Deep copy: paving roads on the copy leaves the original alone.
  CommuneGraph(const CommuneGraph& other);
  /// Deep copy.
  CommuneGraph& operator=(const CommuneGraph& other);
  /// Moves; the moved-from graph may only be assigned to or destroyed.
  CommuneGraph(CommuneGraph&&) noexcept;
  /// Moves.
  CommuneGraph& operator=(CommuneGraph&&) noexcept;
  ~CommuneGraph();

  /// Number of units.
  std::size_t unit_count() const;
  /// Number of roads.
  std::size_t road_count() const;
  /// The units, in the order given to build().
  const std::vector<Unit>& units() const;
  /// The roads, in the order given to build(), with their current paved shares.
  const std::vector<Road>& roads() const;

  /// Hours from the unit to its district centre by the fastest path (0 for the centre itself).
  /// The path may pass through other districts. Throws InputError for an unknown slug.
  double hours_to_centre(std::string_view slug) const;
  /// Every unit's hours to its centre, in unit order (one shortest-path search per district).
  std::vector<double> hours_to_centres() const;

  /// Changes the paved share of the road between `a` and `b` (either order); later queries
  /// reflect it. Throws InputError when there is no such road or `share` is outside [0, 1].
  void set_paved_share(std::string_view a, std::string_view b, double share);

  /// Slugs of the units one road away, sorted. Throws InputError for an unknown slug.
  std::vector<std::string> neighbours(std::string_view slug) const;

  /// Graphviz DOT text `graph <name> { ... }`: one cluster per district (in order of first
  /// appearance), one node line per unit (centres boxed; label from `label`, else the slug), one
  /// edge line per road labelled with its length and paved share. Same graph, same bytes.
  std::string to_dot(const std::function<std::string(const std::string&)>& label = nullptr,
                     std::string_view name = "province") const;

 private:
  struct Impl;
  explicit CommuneGraph(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace lotrinh::graph
