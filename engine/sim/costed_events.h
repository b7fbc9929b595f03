#pragma once
// The scenario's events that cost money (road_paved with a cost, housing, resettlement), checked
// against the world and the budget lines, and resolved to the units of their years. Each cost is
// taken from its budget line in its year before the strategy splits the rest (docs/simulator.md,
// "Events that cost money").
#include <cstdint>
#include <vector>

#include "config/sim_files.h"
#include "diag/diagnostic.h"
#include "sim/world.h"

namespace lotrinh::sim {

/// A costed event's money in one year.
struct EventCost {
  size_t event = 0;           ///< Index in the scenario's events.
  int year = 0;
  size_t purpose = 0;         ///< The paying line's purpose (index in spending_purposes()).
  std::int64_t cost_vnd = 0;  ///< Whole dong.
  /// Housing: placed on its communes as housing money (so it is in the plan's spending); the
  /// other kinds' money pays for the change itself and is counted beside the plan.
  bool placed = false;
  std::vector<int> units;     ///< Housing: its communes' units in that year (indexes, sorted).
};

/// A resettlement resolved to the units of its year (-1 in `to`: outside the province).
struct Resettlement {
  size_t event = 0;
  int year = 0;
  int from = -1, to = -1;
};

struct CostedEvents {
  std::vector<EventCost> costs;
  std::vector<Resettlement> moves;
  /// [year index][purpose]: the money the events take from the lines placed by the scenario's
  /// allocation, and from the twinning lines.
  std::vector<std::vector<std::int64_t>> from_allocation, from_twinning;
};

/// Checks the costed events of `scenario` (budget line known and running that year, the line's
/// purpose, costs within each line's amount per year, communes known, a resettlement's
/// households state) into `sink`, and resolves them. `households_state`: whether the model has a
/// `households` state (a resettlement moves it).
CostedEvents plan_costed_events(const config::ScenarioFile& scenario, const World& world, bool households_state,
                                diag::DiagnosticSink& sink);

}  // namespace lotrinh::sim
