#pragma once
// The HTML reports of classify and simulate (built from their result tables and, for a
// forecast, from the simulation itself).
#include <string>
#include <vector>

#include "cli/context.h"
#include "report/result_table.h"
#include "sim/simulation.h"

namespace lotrinh::cli {

/// classify --report: the classification table (searchable), a chart of units per class, what
/// was run. Written to `path` atomically.
void write_classify_report(const Context& ctx, const report::ResultTable& table, const std::string& path);

/// A simulated scenario as its report reads it.
struct SimulatedRun {
  const sim::Simulation* simulation = nullptr;
  const sim::Aggregates* aggregates = nullptr;
  /// Each run's figures (Simulation::run_paired), for the headline's intervals; may be empty.
  const std::vector<sim::Simulation::RunFigures>* runs = nullptr;
  std::vector<report::ResultTable> tables;  ///< simulate's tables: per commune, then the fan.
  std::string scenario;                     ///< The scenario file.
};

/// simulate --report / lotrinh report: on the first screen the headline (expected exits by 2025
/// and the last year with their intervals, cost per exit, the estimated share of the data); the
/// poverty fan, expected region III count and exits per year; the commune graph coloured by
/// exit probability before and after a merger; the per-unit tables (the units of the last year,
/// each with the communes it holds, then the communes of the start); borderline communes;
/// communes left behind; `comparison` (lotrinh compare's tables, when several scenarios were
/// given); the fan per district; what was run. Written to `path` atomically.
void write_simulate_report(Context& ctx, const SimulatedRun& run, const std::vector<report::ResultTable>& comparison,
                           const std::string& path);

}  // namespace lotrinh::cli
