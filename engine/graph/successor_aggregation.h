#pragma once
// A commune table of one year summed up to the units its communes became part of (such as the
// communes and wards after a merger), by each indicator's rule in the catalogue.
#include <map>
#include <string>
#include <vector>

#include "data/catalogue.h"
#include "data/commune_table.h"
#include "data/unit_registry.h"

namespace lotrinh::graph {

/// One unit that old units became part of, with its aggregated values.
struct AggregatedUnit {
  const data::Unit* unit = nullptr;        ///< The successor; the unit itself when it never ended.
  std::vector<const data::Unit*> members;  ///< Its units that existed in the year, in registry order.
  std::vector<const data::Unit*> missing;  ///< Members that have no row in the table.
  std::map<std::string, double> values;    ///< Indicator id -> value; NaN when it cannot be computed.
};

/// A table aggregated to successor units.
struct SuccessorAggregation {
  int year = 0;                             ///< The year of the rows aggregated.
  std::vector<std::string> indicators;      ///< The table's indicator columns, in table order.
  std::vector<AggregatedUnit> units;        ///< One per successor, in registry order.
  std::vector<std::string> not_aggregated;  ///< Indicators whose catalogue rule is `none`.
  std::vector<std::string> no_weight;       ///< Weighted indicators whose weight column is absent.
};

/// Aggregates the rows of `year` (units named by slug, GSO code or name, resolved in `year`) to
/// the successor of each unit that existed in `year` (UnitRegistry::successor). Rules: sum;
/// household_weighted and population_weighted (weights: the `households` and `population`
/// columns); max; min; any (1 when a member is 1, 0 when all are 0); none gives NaN. A value is
/// NaN when a member lacks it or its weight (no partial sums); `any` is 1 as soon as one member
/// is 1. Throws InputError for rows whose unit is unknown in `year`, or two rows of one unit.
SuccessorAggregation aggregate_to_successors(const data::CommuneTable& table, int year,
                                             const data::Catalogue& catalogue, const data::UnitRegistry& registry);

}  // namespace lotrinh::graph
