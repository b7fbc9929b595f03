#pragma once
// Allocation strategies that optimise: one year's budget, per purpose, over communes whose gain
// from money is given as concave pieces (sampled from the model on the deterministic projection;
// docs/simulator.md, "Strategies"). Whole dong in, whole dong out.
#include <cstdint>
#include <string>
#include <vector>

namespace lotrinh::sim {

/// One piece of a commune's gain curve for one purpose: the next `width` dong each gain `slope`
/// (objective units per dong). Pieces come in order; slopes should not increase (concave).
struct GainPiece {
  double width = 0, slope = 0;
};

/// One year's problem. Money x[p * n + c] (dong) of purpose p to commune c.
struct PlanProblem {
  size_t communes = 0, purposes = 0;
  std::vector<std::int64_t> budget;           ///< Per purpose: exactly this is placed.
  std::vector<std::int64_t> floor, cap;       ///< Per commune, all purposes together; cap < 0: none.
  std::vector<std::vector<GainPiece>> gain;   ///< [p * n + c]; beyond the last piece the slope is 0.
  /// The LP: the most cutting planes spent on the purposes' prices (fewer: a rougher start for the
  /// working set, more rounds, the same optimum).
  int max_cuts = 400;
};

/// What planning one year cost (for the benches and `--verbose`-style reports): the size of the
/// programme GLPK solved (0 for the strategies without one), GLPK's own time, and the whole
/// year's planning time (sampling the gain curves included).
struct PlanStats {
  size_t rows = 0, columns = 0, nonzeros = 0;  ///< the largest programme GLPK solved
  size_t whole_rows = 0, whole_columns = 0;    ///< the whole programme (the LP)
  int solves = 0;              ///< GLPK calls (the LP: the prices' master programme, then the working set's)
  int cuts = 0;                ///< the LP: cutting planes (passes over the communes) for the prices
  int rounds = 0;              ///< the LP: programmes of the working set
  double solver_seconds = 0;   ///< inside glp_simplex
  double plan_seconds = 0;     ///< the whole year's plan
};

/// The gain of an allocation: the sum over communes and purposes of their piecewise gains.
double plan_gain(const PlanProblem& problem, const std::vector<std::int64_t>& x);

/// What a strategy could not do, for the caller to word and locate.
struct PlanFailure {
  enum class Kind { kNone, kFloors, kCaps, kSolver } kind = Kind::kNone;
  std::int64_t sum = 0, budget = 0;  ///< floors' or caps' sum against the whole year's budget
  std::string detail;                 ///< solver status
};

/// Checks that the floors fit under the budget and the caps over it.
PlanFailure check_bounds(const PlanProblem& problem);

/// The optimal allocation: the linear programme max sum(slope * y) over the pieces y (0 <= y <=
/// width; a last piece of slope 0 takes any surplus), sum of a purpose's pieces = its budget,
/// floor <= a commune's total <= cap; solved with GLPK in million dong, then rounded to dong per
/// purpose by the largest remainder (a commune the rounding pushes over its cap or under its
/// floor then trades those dong, within a purpose, with one that has room).
/// Solved in two steps (docs/simulator.md, "How the programme is solved"): the purposes' prices
/// by cutting planes on the Lagrangian dual (a small master programme), then the working-set
/// method from those prices: smaller programmes over the columns that can move, the others fixed
/// at 0 or full and priced by the smaller programme's duals, until none prices out. `stats`, when
/// given, receives the largest smaller programme's size, the cuts, rounds and GLPK's time.
std::vector<std::int64_t> plan_lp(const PlanProblem& problem, PlanFailure& failure, PlanStats* stats = nullptr);

/// The same programme solved whole by one GLPK call (the reference the tests compare plan_lp with;
/// far slower on thousands of communes).
std::vector<std::int64_t> plan_lp_full(const PlanProblem& problem, PlanFailure& failure, PlanStats* stats = nullptr);

}  // namespace lotrinh::sim
