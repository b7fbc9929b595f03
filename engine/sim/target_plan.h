#pragma once
// The targets of the targets files in force (the scenario's `targets`, else the province
// manifest's), as the simulation checks them in every run: for each target, its years, its
// groups (the province, or each district), the values fixed before the runs (years up to the
// start year, from the data) and any reason it is unknown in every run.
#include <memory>
#include <string>
#include <vector>

#include "config/sim_files.h"
#include "data/catalogue.h"
#include "rules/rule_library.h"
#include "sim/aggregates.h"
#include "sim/world.h"

namespace lotrinh::sim {

/// How one run ends for one target and group (the aggregates count each per target and group).
enum TargetOutcome : size_t {
  kTargetMet,
  kTargetNotMet,
  kTargetFixed,      ///< Unknown in every run, for the check's `fixed_reason`.
  kTargetMissing0,   ///< Unknown: a value is missing in the first year (a class unknown).
  kTargetMissing1,   ///< ... in the second year.
  kTargetEmpty0,     ///< Unknown: no unit of the group passes the target's `where` in the first year.
  kTargetEmpty1,     ///< ... in the second year.
  kTargetUndefined,  ///< Unknown: the measure is not a number (a ratio over 0).
  kTargetOutcomes
};
static_assert(kTargetOutcomes == Aggregates::kTargetOutcomes);

/// One target of a targets file, checked per group.
struct TargetCheck {
  std::shared_ptr<const rules::RuleSet> rules;  ///< The targets rule set (shared, immutable).
  size_t index = 0;                             ///< Into rules->targets.
  const config::TargetDecl& decl() const { return rules->targets[index]; }
  std::vector<int> years;           ///< One year, or the two years of a change.
  bool district = false;            ///< Per district (else the province only).
  size_t groups = 1;                ///< 1, or the number of districts.
  size_t first_pair = 0;            ///< Its first (target, group) index in the aggregates.
  std::string fixed_reason;         ///< Non-empty: unknown in every run, for this reason.
  std::string detail;               ///< The source, the reported outcome, held values read.
  /// Per year slot: true when the year is simulated (after the start year); else the value is
  /// fixed before the runs: `fixed[slot][group]` (NaN: unknown, `fixed_why[slot][group]` saying
  /// why, as a TargetOutcome).
  std::vector<bool> simulated;
  std::vector<std::vector<double>> fixed;
  std::vector<std::vector<size_t>> fixed_why;
  /// A class reference ("classification:class"): whether it is the scenario's region III class
  /// (read from the run's classification), else the class's index per year slot.
  bool counts_class = false, region_iii = false;
  std::vector<int> class_index;
  /// The classifying rule set of the last year that has the referenced classification (for the
  /// class's title); null when none has it or the target references no class.
  std::shared_ptr<const rules::RuleSet> class_rules;
};

/// The targets to check: those of the rule sets the scenario names (`targets` in [scenario]),
/// else the province manifest's. `simulated_names` are the ids the model updates (states and the
/// indicators they resolve to): a target measure that reads none of them in a simulated year is
/// unknown in every run (the runs cannot move it). Throws InputError for a named rule set that
/// is missing or has no targets (located at the scenario's `targets`).
std::vector<TargetCheck> plan_targets(const config::ScenarioFile& scenario, const World& world,
                                      const std::vector<std::string>& simulated_names, const data::Catalogue& catalogue,
                                      const rules::RuleLibrary& library);

/// The number of (target, group) pairs of `checks`.
size_t target_pairs(const std::vector<TargetCheck>& checks);

}  // namespace lotrinh::sim
