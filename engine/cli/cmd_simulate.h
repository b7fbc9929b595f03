#pragma once
// lotrinh simulate SCENARIO, lotrinh merge PARTIAL...
#include <string>
#include <vector>

#include "cli/context.h"
#include "config/sim_files.h"

namespace lotrinh::sim {
class Simulation;
}

namespace lotrinh::cli {

int cmd_simulate(Context& ctx);  ///< Run a scenario's Monte Carlo forecast (or a shard of it).
int cmd_merge(Context& ctx);
int cmd_compare(Context& ctx);   ///< Scenarios side by side, with paired runs (cmd_compare.cpp).     ///< Merge shards written by simulate --partial.
/// compare's tables of the scenarios of the command line (cmd_compare.cpp), for the HTML report.
std::vector<report::ResultTable> compare_tables(Context& ctx);
int cmd_calibrate(Context& ctx); ///< Fit a scenario's parameters to its targets (NLopt).
/// The bundled baseline scenario (for lotrinh with no command), or "" when there is none.
std::string baseline_scenario();
/// The notes every output of a scenario carries about the twinning workdays: each [[workdays]]
/// line (its basis and note) and whether the model reads them, or that there are none.
std::vector<std::string> workdays_notes(const config::ScenarioFile& scenario, const config::ModelFile& model);
/// The notes about the events that cost money: one per event and year (its cost, the line that
/// pays it, its effect), and their total, or none without such events.
std::vector<std::string> event_notes(const sim::Simulation& simulation);

}  // namespace lotrinh::cli
