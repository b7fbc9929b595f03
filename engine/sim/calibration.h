#pragma once
// Fitting a scenario's uncertain parameters to reported figures with NLopt (the only file that
// includes it): the central projection's targets against the reported values.
#include <string>
#include <vector>

#include "config/sim_files.h"
#include "data/catalogue.h"
#include "rules/rule_library.h"
#include "sim/world.h"

namespace lotrinh::sim {

struct TargetResult {
  const config::ScenarioTarget* target = nullptr;
  double simulated = 0;  ///< The central projection's value with the fitted parameters.
};

struct CalibrationResult {
  std::vector<std::pair<std::string, double>> fitted;  ///< Parameter -> fitted central value.
  std::vector<TargetResult> targets;                    ///< Every target, fitted or check.
  double rms_points = 0;      ///< Root mean square error of the fitted targets, in points.
  int evaluations = 0;        ///< Projections run.
  std::string algorithm;      ///< NLopt's name of the algorithm.
};

/// The value of `target` on a central projection (its states per year).
double target_value(const config::ScenarioTarget& target, const std::vector<std::vector<std::vector<double>>>& states,
                    const std::vector<std::string>& state_ids, const World& world, int start_year);

/// Fits the scenario's [calibration] fit parameters within their model ranges (BOBYQA, a
/// derivative-free bounded optimiser) so that the central projection meets the fit targets in
/// the least-squares sense. Throws InputError for unknown parameters or target states, a target
/// year outside the run, or a bad `where`.
CalibrationResult calibrate(const config::ScenarioFile& scenario, const config::ModelFile& model, const World& world,
                            const data::Catalogue& catalogue, const rules::RuleLibrary& library);

/// The targets on the central projection of the scenario as it stands (no fitting).
CalibrationResult evaluate_targets(const config::ScenarioFile& scenario, const config::ModelFile& model, const World& world,
                                   const data::Catalogue& catalogue, const rules::RuleLibrary& library);

}  // namespace lotrinh::sim
