#pragma once
// Checking the targets in one run (one per thread): the simulated years' values of each target
// are aggregated per group as the run passes through the years it names, and at the end of the
// run each (target, group) is counted met, not met or unknown (with why) into the aggregates.
// Buffers are sized once, so a run allocates nothing here after the first.
#include <memory>
#include <vector>

#include "rules/workspace.h"
#include "sim/aggregates.h"
#include "sim/classifier.h"
#include "sim/target_plan.h"

namespace lotrinh::sim {

/// Scratch buffers for evaluate_target_year (kept by the caller, reused).
struct TargetBuffers {
  std::vector<double> x, w, keep;
  std::vector<std::vector<size_t>> members;  ///< Per group.
};

/// Evaluates check `c`'s year slot `slot` over n units whose columns `ws` has been reset to:
/// per group, the aggregate into value[g] (NaN when unknown, why[g] then a TargetOutcome).
/// `district[u]` is unit u's district index (-1: none); `class_x` (class references) holds 1,
/// 0 or NaN (class unknown) per unit.
void evaluate_target_year(const TargetCheck& c, size_t slot, rules::Workspace& ws, size_t n, const int* district,
                          const double* class_x, TargetBuffers& buf, double* value, size_t* why);

class TargetTracker {
 public:
  /// `checks` must outlive the tracker. `start_year`, `years`: the simulated data years are
  /// start_year + 1 .. start_year + years.
  TargetTracker(const std::vector<TargetCheck>& checks, int start_year, int years);

  /// Whether simulated year index k (1..years) is read by a target, and whether its classes
  /// (beyond region III) are.
  bool needs(int k) const { return needs_[static_cast<size_t>(k)] != 0; }
  bool needs_classes(int k) const { return classes_[static_cast<size_t>(k)] != 0; }

  /// Year index k of the run: n units, their columns, district and classification (`iii`: 1
  /// region III, 2 unknown, 0 not; `classes` when needs_classes(k)).
  void observe(int k, size_t n, const ColumnLookup& columns, const int* district, const unsigned char* iii,
               const std::vector<int>* classes);
  /// Counts the run's outcome of every (target, group) into `agg`; met(pair) then tells whether
  /// it was met in this run.
  void finish(Aggregates& agg);
  bool met(size_t pair) const { return outcome_[pair] == kTargetMet; }

 private:
  const std::vector<TargetCheck>& checks_;
  int start_year_;
  std::vector<unsigned char> needs_, classes_;
  std::vector<std::unique_ptr<rules::Workspace>> ws_;  ///< Per distinct targets rule set.
  std::vector<size_t> ws_of_;                          ///< Per check.
  std::vector<std::vector<std::vector<double>>> value_;  ///< [check][slot][group], this run.
  std::vector<std::vector<std::vector<size_t>>> why_;
  std::vector<size_t> outcome_;  ///< Per pair, the last finished run's.
  std::vector<double> class_x_;
  std::vector<unsigned char> reset_;  ///< Per workspace: reset to this year's columns yet.
  TargetBuffers buf_;
};

}  // namespace lotrinh::sim
