#include "data/successor_aggregation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "diag/diagnostic.h"
#include "diag/messages.h"

namespace lotrinh::data {
namespace {

using diag::msg;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr size_t kUnknownShown = 5;  // rows of unknown units reported one by one

// The indicator a column holds in `year` (an alias resolves by year); nullptr when unknown.
const Indicator* indicator_of(const Catalogue& catalogue, const std::string& id, int year) {
  auto resolved = catalogue.resolve(id, year);
  return resolved ? catalogue.find(*resolved) : nullptr;
}

}  // namespace

std::vector<double> combine_column(Aggregation rule, const double* column, const double* weight,
                                   const std::vector<size_t>& rows, const std::vector<size_t>& unit_of,
                                   const std::vector<size_t>& absent) {
  const size_t n = absent.size();
  std::vector<double> out(n, kNaN);
  if (rule == Aggregation::kNone || (rule == Aggregation::kWeighted && !weight)) return out;
  std::vector<double> acc(n, 0), wacc(n, 0);
  std::vector<size_t> seen(n, 0);
  std::vector<char> unknown(n, 0), one(n, 0);
  for (size_t k = 0; k < rows.size(); ++k) {
    const size_t s = unit_of[k];
    const double x = column[rows[k]];
    if (rule == Aggregation::kAny) {
      if (std::isnan(x)) unknown[s] = 1;
      else if (x != 0) one[s] = 1;
      continue;
    }
    if (std::isnan(x)) {
      unknown[s] = 1;
      continue;
    }
    switch (rule) {
      case Aggregation::kSum:
        acc[s] += x;
        break;
      case Aggregation::kWeighted: {
        const double w = weight[rows[k]];
        if (std::isnan(w)) unknown[s] = 1;
        acc[s] += x * w;
        wacc[s] += w;
        break;
      }
      case Aggregation::kMax:
        acc[s] = seen[s] ? std::max(acc[s], x) : x;
        break;
      case Aggregation::kMin:
        acc[s] = seen[s] ? std::min(acc[s], x) : x;
        break;
      default:
        break;
    }
    ++seen[s];
  }
  for (size_t s = 0; s < n; ++s) {
    if (rule == Aggregation::kAny) {
      out[s] = one[s] ? 1 : (unknown[s] || absent[s] ? kNaN : 0);
    } else if (!unknown[s] && !absent[s] && seen[s] > 0) {
      out[s] = rule != Aggregation::kWeighted ? acc[s] : wacc[s] > 0 ? acc[s] / wacc[s] : kNaN;
    }
  }
  return out;
}

SuccessorAggregation aggregate_to_successors(const CommuneTable& table, int year, const Catalogue& catalogue,
                                             const UnitRegistry& registry, const std::optional<UnitDate>& on) {
  SuccessorAggregation out;
  out.year = year;
  out.indicators = table.columns;

  // The table's rows of `year`, by unit slug.
  diag::DiagnosticSink sink;
  std::map<std::string, size_t> row_of;
  size_t unknown = 0;
  for (size_t r : table.rows_in_year(year)) {
    const Unit* unit = registry.by_slug(table.unit[r]);
    if (!unit || !unit->exists_in(year)) {
      try {
        unit = &registry.find(table.unit[r], year);
      } catch (const diag::InputError& e) {
        // A table of another province would give one error per row: the first few say enough.
        if (++unknown <= kUnknownShown) {
          for (const auto& d : e.diagnostics())
            sink.add(diag::error_about(table.path, msg("successors.row_unit", table.unit[r], year, d.message), d.hint));
        }
        continue;
      }
    }
    auto [it, added] = row_of.emplace(unit->slug, r);
    if (!added) {
      sink.add(diag::error_about(table.path,
                                 msg("successors.duplicate_unit", table.unit[it->second], table.unit[r], unit->slug, year),
                                 msg("successors.duplicate_unit.hint")));
    }
  }
  if (unknown > kUnknownShown) {
    sink.add(diag::error_about(table.path, msg("successors.more_unknown", unknown - kUnknownShown, year),
                               msg("successors.more_unknown.hint")));
  }
  sink.throw_if_errors();

  // Successors (in registry order) and their members.
  std::map<std::string, std::vector<const Unit*>> members;
  for (const Unit* u : registry.units_in(year)) {
    const Unit* s = on ? registry.successor_on(u->slug, *on) : registry.successor(u->slug);
    members[(s ? s : u)->slug].push_back(u);
  }
  std::vector<size_t> rows, unit_of;  // the rows aggregated, and the successor of each
  std::vector<size_t> absent;         // per successor: members without a row
  for (const Unit& candidate : registry.units()) {
    auto m = members.find(candidate.slug);
    if (m == members.end()) continue;
    AggregatedUnit agg;
    agg.unit = &candidate;
    agg.members = m->second;
    for (const Unit* u : agg.members) {
      auto r = row_of.find(u->slug);
      if (r == row_of.end()) {
        agg.missing.push_back(u);
      } else {
        rows.push_back(r->second);
        unit_of.push_back(out.units.size());
      }
    }
    absent.push_back(agg.missing.size());
    out.units.push_back(std::move(agg));
  }

  // Column by column, each by its catalogue rule and weight.
  for (const std::string& id : table.columns) {
    const Indicator* ind = indicator_of(catalogue, id, year);
    const Aggregation rule = ind ? ind->aggregation : Aggregation::kNone;
    const std::vector<double>* weight = nullptr;
    if (rule == Aggregation::kNone) out.not_aggregated.push_back(id);
    if (rule == Aggregation::kWeighted) {
      weight = ind->weight.empty() ? nullptr : table.column(ind->weight);
      if (!weight) out.no_weight.push_back(id);
    }
    out.columns[id] = combine_column(rule, table.column(id)->data(), weight ? weight->data() : nullptr, rows, unit_of, absent);
  }
  return out;
}

}  // namespace lotrinh::data
