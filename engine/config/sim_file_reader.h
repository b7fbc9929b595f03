#pragma once
// TOML text -> ModelFile and ScenarioFile (docs/simulator.md). Every problem is located and
// thrown together as diag::InputError. Expressions are compiled later (engine/sim).
#include <string>
#include <string_view>

#include "config/sim_files.h"

namespace lotrinh::config {

ModelFile parse_model_file(const std::string& path, std::string_view text);
ModelFile read_model_file(const std::string& path);

ScenarioFile parse_scenario_file(const std::string& path, std::string_view text);
ScenarioFile read_scenario_file(const std::string& path);

/// A fitted-parameters file: `[parameters]` with name = number entries.
std::vector<ParameterValue> read_parameter_values(const std::string& path);

}  // namespace lotrinh::config
