#pragma once
// The estimator's working state (internal to the estimate module): the units with the flags the
// estimate reads, and a grid of cells (snapshot x column x unit), each an integer with a number
// of decimals and its provenance.
#include <array>
#include <map>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "data/unit_registry.h"
#include "estimate/integer_fit.h"
#include "estimate/kontum_inputs.h"
#include "estimate/kontum_roads.h"

namespace lotrinh::estimate {

/// The snapshots: end-2016 and end-2020 reviews (2016-2020 standard), end-2021 review (new).
enum Snap { k2016 = 0, k2020 = 1, k2021 = 2 };
inline constexpr int kSnaps = 3;
inline constexpr std::array<int, kSnaps> kYears = {2016, 2020, 2021};

/// The columns of communes.csv after commune, year, name and district, in file order.
enum Col {
  kPovertyRate2016, kNearPoorRate2016, kPovertyRate2022, kNearPoorRate2022,
  kHouseholds, kPoorHouseholds, kEmHouseholds, kEmPoorHouseholds, kEmHouseholdShare, kEmPoorShare,
  kPopulation, kUrban, kTwinned, kPoorDistrict, kNewRural,
  kVillages, kSdVillages, kSdVillageShare, kEmIlliterateShare, kUntrainedLabourShare,
  kRoadToCentreKm, kRoadUnpavedShare, kMainRoadNotHardened,
  kRoadsHardenedShare, kGridPowerShare, kHygienicWaterShare,
  kKindergartenSolidShare, kPrimarySolidShare, kLowerSecondarySolidShare,
  kPrimarySchoolStandard, kLowerSecondarySchoolStandard, kHealthStationStandard,
  kChildMalnutritionRate, kNaturalGrowthRate, kMekongDelta, kSoutheast,
  kColCount
};

/// Indicator id of a column.
std::string_view col_id(Col c);
/// Decimals a column's integers carry (4 for rates in basis points, 1 for km, 0 for counts).
int col_decimals(Col c);

/// How a value is known.
enum class Kind { kReported, kDerived, kEstimated };
/// "reported", "derived" or "estimated".
std::string_view kind_name(Kind k);

/// One value of communes.csv and its provenance.
struct Cell {
  bool set = false;
  std::int64_t v = 0;  ///< The value times 10^col_decimals.
  Kind kind = Kind::kEstimated;
  std::string source;
  std::string from;  ///< The values it is computed from (provenance.csv `from`), `;`-separated.
};

/// A cell of the grid: snapshot, unit, column.
struct Ref {
  int s;
  size_t u;
  Col c;
};

/// A unit with the columns of units.csv and districts.csv the estimator reads.
struct UnitInfo {
  const data::Unit* unit = nullptr;
  std::array<bool, kSnaps> exists{};
  bool twinned_2016 = false, twinned_2021 = false, p135 = false, new_rural_2019 = false;
  std::string twinned_basis, twinned_rule;
  bool district_centre = false;          ///< Seats its district (districts.csv `centre`).
  std::array<int, kSnaps> poor_district{};  ///< 1, 0, or -1 when no list covers the year.
};

/// Everything the steps read and write.
struct Model {
  std::uint64_t seed = 0;
  Inputs inputs;  ///< The figures the estimate is fitted to.
  std::vector<UnitInfo> units;                              ///< units.csv order.
  std::array<std::vector<size_t>, kSnaps> in;               ///< Units existing in each snapshot.
  std::vector<long> next;        ///< Per unit: itself, or the unit it became by 2020 (-1 if none).
  std::vector<long> previous;    ///< Per unit: itself, or the 2016 unit it continues (-1 if none).
  std::array<std::vector<std::array<Cell, kColCount>>, kSnaps> cells;  ///< [snap][unit][col].
  std::array<std::vector<std::int64_t>, kSnaps> near_poor;  ///< Near-poor households (no column).
  std::vector<std::int64_t> em_target;  ///< Per unit: drawn EM share of households (bp).
  std::array<std::map<std::string, CentreRoute>, kSnaps> routes;  ///< Per snapshot: road to the centre, by slug.

  bool twinned(size_t u, int s) const { return s == k2016 ? units[u].twinned_2016 : units[u].twinned_2021; }
  const std::string& slug(size_t u) const { return units[u].unit->slug; }
  const std::string& kind(size_t u) const { return units[u].unit->kind; }
  bool urban(size_t u) const { return kind(u) != "commune"; }
  /// A commune of the Programme 135 list of 2016 or twinned in the snapshot: the hard cases.
  bool hard(size_t u, int s) const { return kind(u) == "commune" && (units[u].p135 || twinned(u, s)); }
  /// Units of `s` that are twinned in `s`.
  std::vector<size_t> twinned_in(int s) const;

  Cell& at(int s, size_t u, Col c) { return cells[s][u][c]; }
  const Cell& at(int s, size_t u, Col c) const { return cells[s][u][c]; }
  std::int64_t val(int s, size_t u, Col c) const { return cells[s][u][c].v; }
  /// poor_households / households of unit u in snapshot s, in basis points as printed.
  std::int64_t poverty_bp(int s, size_t u) const { return rate_bp(val(s, u, kPoorHouseholds), val(s, u, kHouseholds)); }
  /// Sets a cell.
  void put(int s, size_t u, Col c, std::int64_t v, Kind kind, std::string source);
  /// Sets a cell computed by `rule` from the cells `inputs` (already set): derived when every
  /// input is reported or derived, else estimated (the rule then says so); `from` names them.
  void derive(int s, size_t u, Col c, std::int64_t v, const std::string& rule, const std::vector<Ref>& inputs);
  /// A random stream for (step, unit).
  RandomStream rng(std::string_view step, size_t u) const { return RandomStream(seed, step, slug(u)); }
};

/// Throws InputError (estimate.infeasible) when a split has no solution.
std::vector<std::int64_t> checked(std::optional<std::vector<std::int64_t>> x, std::string_view what,
                                  std::string_view where);

// The steps, in the order they run (DATA.md describes each).
void estimate_households(Model& m);         ///< steps 1, 2, 8
void estimate_poverty(Model& m);            ///< steps 3, 4, 5, 9
void estimate_ethnic_minority(Model& m);    ///< steps 6, 7, 10
void estimate_near_poor_population(Model& m);  ///< steps 11, 12
void estimate_villages_roads_labour(Model& m);  ///< steps 13, 14, 15
void estimate_report_aggregates(Model& m);  ///< steps 16, 17
void fill_status_columns(Model& m);         ///< urban, twinned, poor_district, new_rural
void derive_shares(Model& m);               ///< rates and shares from the counts

}  // namespace lotrinh::estimate
