#pragma once
// A commune table of one year summed up to the units its communes became part of (such as the
// communes and wards after a merger), column by column, by each indicator's rule and weight in
// the catalogue (rules/README.md). Used by `lotrinh aggregate` and by the simulator.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/catalogue.h"
#include "data/commune_table.h"
#include "data/unit_registry.h"

namespace lotrinh::data {

/// One unit that old units became part of.
struct AggregatedUnit {
  const Unit* unit = nullptr;        ///< The successor; the unit itself when it had not ended.
  std::vector<const Unit*> members;  ///< Its units that existed in the year, in registry order.
  std::vector<const Unit*> missing;  ///< Members that have no row in the table.
};

/// A table aggregated to successor units, column-wise.
struct SuccessorAggregation {
  int year = 0;                             ///< The year of the rows aggregated.
  std::vector<std::string> indicators;      ///< The table's indicator columns, in table order.
  std::vector<AggregatedUnit> units;        ///< One per successor, in registry order.
  /// Indicator id -> one value per unit (in `units` order); NaN when it cannot be computed.
  std::map<std::string, std::vector<double>> columns;
  std::vector<std::string> not_aggregated;  ///< Indicators whose catalogue rule is `none`.
  std::vector<std::string> no_weight;       ///< Weighted indicators whose weight column is absent.

  /// The value of indicator `id` for units[i].
  double value(const std::string& id, size_t i) const { return columns.at(id).at(i); }
};

/// One column combined over successor units by `rule` (weighted by `weight`, which may be null
/// for other rules): the value `column[rows[k]]` belongs to successor `unit_of[k]`, and
/// `absent[s]` members of successor s have no value at all. One value per successor (absent.size()),
/// by the rules of aggregate_to_successors below; the simulator combines its states with it.
std::vector<double> combine_column(Aggregation rule, const double* column, const double* weight,
                                   const std::vector<size_t>& rows, const std::vector<size_t>& unit_of,
                                   const std::vector<size_t>& absent);

/// Aggregates the rows of `year` (units named by slug, GSO code or name, resolved in `year`) to
/// the unit each unit that existed in `year` was part of on `on` (UnitRegistry::successor_on),
/// or at the end of its lineage chain when `on` is not given (UnitRegistry::successor). Each
/// column is combined by its indicator's catalogue rule: sum, weighted (by the column of the
/// indicator's `weight`), max, min, any (1 when a member is 1, 0 when all are 0); none gives NaN.
/// A value is NaN when a member lacks it or its weight (no partial sums); `any` is 1 as soon as
/// one member is 1. Throws InputError for rows whose unit is unknown in `year`, or two rows of
/// one unit.
SuccessorAggregation aggregate_to_successors(const CommuneTable& table, int year, const Catalogue& catalogue,
                                             const UnitRegistry& registry,
                                             const std::optional<UnitDate>& on = std::nullopt);

}  // namespace lotrinh::data
