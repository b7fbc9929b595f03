#pragma once
// Greedy by marginal expected exits (docs/simulator.md, "Strategies"): each commune's exit
// probability next year as a function of the money it gets, from the poverty rate at which the
// rule set would let it leave the region III class (found by bisection through the classifier)
// and a normal uncertainty around the deterministic projection; then the greedy plan that gives
// each increment of money to the commune and purpose where it buys the most expected exits.
// Generic: the model and the rule set come in as functions; nothing here knows a threshold.
#include <cstdint>
#include <functional>
#include <vector>

#include "sim/strategy.h"

namespace lotrinh::sim {

/// P(x + e < threshold) for e ~ normal(0, sd). With sd 0: 1 when x < threshold, else 0. A NaN x
/// or threshold gives 0; a threshold of +inf gives 1.
double below_probability(double x, double threshold, double sd);

/// below_probability(x1, ...) - below_probability(x0, ...), computed from the nearer tail so
/// that far from the threshold a small gain is not lost to rounding (exact 0 only beyond about
/// 37 standard deviations, where the normal tail is below the smallest double).
double probability_gain(double x0, double x1, double threshold, double sd);

/// Classifies every commune with its poverty value `values[c]`: `leaves[c]` = 1 when it is then
/// out of the class (and its class is known), else 0.
using LeaveTest = std::function<void(const std::vector<double>& values, std::vector<unsigned char>& leaves)>;

/// Per commune, the poverty value below which it leaves the class, by bisection between a value
/// where it leaves and one where it stays: starting from its projected value `projected[c]`,
/// downwards to `lo` when it stays there, upwards to `hi` when it leaves there. NaN: it stays at
/// every value in [lo, hi] (another criterion holds it) or its projection is missing; +inf: it
/// leaves at every value. `steps` halvings (all communes at once: steps + 2 calls of `leaves`).
std::vector<double> exit_thresholds(const std::vector<double>& projected, double lo, double hi, int steps,
                                    const LeaveTest& leaves);

/// One year's greedy problem: the budget per purpose (earmarks), floors and caps (`plan`, whose
/// `gain` is unused), and per commune what an exit of it is worth and how it exits.
struct ExitProblem {
  PlanProblem plan;
  std::vector<double> weight;     ///< exits its leaving counts (0: none)
  std::vector<double> threshold;  ///< exit_thresholds()
  std::vector<double> sd;         ///< standard deviation of next year's poverty around the projection
  std::vector<double> people;     ///< weight of its poverty fall, for money that buys no exits
};

/// Commune c's next-year poverty on the projection when it gets spend[p] dong of purpose p.
using PovertyOf = std::function<double(size_t c, const std::int64_t* spend)>;

/// Expected exits of an allocation x[p * n + c]: the sum of weight × below_probability.
double expected_exits(const ExitProblem& problem, const std::vector<std::int64_t>& x, const PovertyOf& poverty);

/// The greedy plan: increments of `increment` dong (smaller where a floor, a cap or a purpose's
/// last dong makes them so), each to the (commune, purpose) whose increment raises the expected
/// exits the most; communes under their floor first; ties broken by the larger fall of
/// people × poverty (which alone places money that buys no exits anywhere), then by the lower
/// commune, then the lower purpose. Places every purpose's budget to the dong, or says why not.
std::vector<std::int64_t> plan_greedy_exits(const ExitProblem& problem, std::int64_t increment, const PovertyOf& poverty,
                                            PlanFailure& failure);

}  // namespace lotrinh::sim
