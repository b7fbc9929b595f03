#pragma once
// Sweeping one parameter over a range: how many units fall in each class at each value, and
// which units flip first.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rules/evaluation.h"

namespace lotrinh::rules {

struct SweepStep {
  double value = 0;
  std::map<std::string, int> counts;  ///< Class -> number of units.
  std::vector<size_t> flipped;        ///< Units whose class differs from the previous step.
  std::vector<std::string> flips;     ///< "before -> after" for each flipped unit.
};

/// Evaluates `classification` with parameter `param` set to from, from+step, ... <= to (+1e-9).
/// Throws InputError for an unknown parameter, a non-positive step, and for more than
/// `max_steps` values (counted without overflow: `--to inf` or `--step 1e-9` are refused).
constexpr double kDefaultMaxSweepSteps = 10000;

/// The values from, from+step, ... <= to (+1e-9), each below 1e6 rounded to 12 decimals. Throws
/// InputError naming --step for a non-positive step or to < from, and for more than `max_steps`
/// values (counted without overflow). Shared by the rule sweep and the scenario sweep.
std::vector<double> sweep_values(double from, double to, double step, double max_steps = kDefaultMaxSweepSteps);

std::vector<SweepStep> sweep(const std::shared_ptr<const RuleSet>& rules, const Inputs& inputs, int year,
                             const Overrides& overrides, const std::string& classification,
                             const std::string& param, double from, double to, double step,
                             double max_steps = kDefaultMaxSweepSteps);

}  // namespace lotrinh::rules
