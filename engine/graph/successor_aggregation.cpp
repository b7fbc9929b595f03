#include "graph/successor_aggregation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "diag/diagnostic.h"
#include "diag/messages.h"

namespace lotrinh::graph {
namespace {

using diag::msg;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr size_t kUnknownShown = 5;  // rows of unknown units reported one by one

// The indicator a column holds in `year` (an alias resolves by year); nullptr when unknown.
const data::Indicator* indicator_of(const data::Catalogue& catalogue, const std::string& id, int year) {
  auto resolved = catalogue.resolve(id, year);
  return resolved ? catalogue.find(*resolved) : nullptr;
}

// One aggregate over the members' rows; NaN where the rule cannot be applied.
double combine(data::Aggregation rule, const std::vector<double>& v, const std::vector<double>* weight) {
  if (rule == data::Aggregation::kAny) {
    bool unknown = false;
    for (double x : v) {
      if (std::isnan(x)) unknown = true;
      else if (x != 0) return 1;
    }
    return unknown ? kNaN : 0;
  }
  if (v.empty()) return kNaN;
  for (double x : v)
    if (std::isnan(x)) return kNaN;
  switch (rule) {
    case data::Aggregation::kSum: {
      double s = 0;
      for (double x : v) s += x;
      return s;
    }
    case data::Aggregation::kHouseholdWeighted:
    case data::Aggregation::kPopulationWeighted: {
      if (!weight) return kNaN;
      double s = 0, w = 0;
      for (size_t i = 0; i < v.size(); ++i) {
        if (std::isnan((*weight)[i])) return kNaN;
        s += v[i] * (*weight)[i];
        w += (*weight)[i];
      }
      return w > 0 ? s / w : kNaN;
    }
    case data::Aggregation::kMax: {
      double m = v[0];
      for (double x : v) m = std::max(m, x);
      return m;
    }
    case data::Aggregation::kMin: {
      double m = v[0];
      for (double x : v) m = std::min(m, x);
      return m;
    }
    default:
      return kNaN;
  }
}

}  // namespace

SuccessorAggregation aggregate_to_successors(const data::CommuneTable& table, int year,
                                             const data::Catalogue& catalogue, const data::UnitRegistry& registry) {
  SuccessorAggregation out;
  out.year = year;
  out.indicators = table.columns;

  // The table's rows of `year`, by unit slug.
  diag::DiagnosticSink sink;
  std::map<std::string, size_t> row_of;
  size_t unknown = 0;
  for (size_t r : table.rows_in_year(year)) {
    const data::Unit* unit = registry.by_slug(table.unit[r]);
    if (!unit || !unit->exists_in(year)) {
      try {
        unit = &registry.find(table.unit[r], year);
      } catch (const diag::InputError& e) {
        // A table of another province would give one error per row: the first few say enough.
        if (++unknown <= kUnknownShown) {
          for (const auto& d : e.diagnostics())
            sink.add(diag::error_about(table.path, msg("graph.aggregate.row_unit", table.unit[r], year, d.message), d.hint));
        }
        continue;
      }
    }
    auto [it, added] = row_of.emplace(unit->slug, r);
    if (!added) {
      sink.add(diag::error_about(table.path,
                                 msg("graph.aggregate.duplicate_unit", table.unit[it->second], table.unit[r], unit->slug, year),
                                 msg("graph.aggregate.duplicate_unit.hint")));
    }
  }
  if (unknown > kUnknownShown) {
    sink.add(diag::error_about(table.path, msg("graph.aggregate.more_unknown", unknown - kUnknownShown, year),
                               msg("graph.aggregate.more_unknown.hint")));
  }
  sink.throw_if_errors();

  // Successors and their members.
  std::map<std::string, std::vector<const data::Unit*>> members;
  for (const data::Unit* u : registry.units_in(year)) {
    const data::Unit* s = registry.successor(u->slug);
    members[(s ? s : u)->slug].push_back(u);
  }

  const std::vector<double>* households = table.column("households");
  const std::vector<double>* population = table.column("population");
  for (const std::string& id : table.columns) {
    const data::Indicator* ind = indicator_of(catalogue, id, year);
    const auto rule = ind ? ind->aggregation : data::Aggregation::kNone;
    if (rule == data::Aggregation::kNone) out.not_aggregated.push_back(id);
    if ((rule == data::Aggregation::kHouseholdWeighted && !households) ||
        (rule == data::Aggregation::kPopulationWeighted && !population))
      out.no_weight.push_back(id);
  }

  for (const data::Unit& candidate : registry.units()) {
    auto m = members.find(candidate.slug);
    if (m == members.end()) continue;
    AggregatedUnit agg;
    agg.unit = &candidate;
    agg.members = m->second;
    std::vector<size_t> rows;
    for (const data::Unit* u : agg.members) {
      auto r = row_of.find(u->slug);
      if (r == row_of.end()) agg.missing.push_back(u);
      else rows.push_back(r->second);
    }
    for (const std::string& id : table.columns) {
      const data::Indicator* ind = indicator_of(catalogue, id, year);
      const auto rule = ind ? ind->aggregation : data::Aggregation::kNone;
      const std::vector<double>& column = *table.column(id);
      const std::vector<double>* weight_column =
          rule == data::Aggregation::kHouseholdWeighted    ? households
          : rule == data::Aggregation::kPopulationWeighted ? population
                                                           : nullptr;
      std::vector<double> v, w;
      for (size_t r : rows) {
        v.push_back(column[r]);
        if (weight_column) w.push_back((*weight_column)[r]);
      }
      // A member without a row is a member whose value is unknown.
      for (size_t k = 0; k < agg.missing.size(); ++k) {
        v.push_back(kNaN);
        w.push_back(kNaN);
      }
      agg.values[id] = combine(rule, v, weight_column ? &w : nullptr);
    }
    out.units.push_back(std::move(agg));
  }
  return out;
}

}  // namespace lotrinh::graph
