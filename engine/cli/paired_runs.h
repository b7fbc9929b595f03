#pragma once
// Paired runs, shared by lotrinh compare and the scenario sweep: several simulations run on the
// same run numbers in blocks, the per-run figures summed exactly in 64-bit integers, and the
// 90 % interval of a mean paired difference.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "report/render.h"
#include "sim/simulation.h"

namespace lotrinh::cli {

/// Runs are kept in blocks of this many: each simulation's per-run figures are held for one
/// block only, so memory does not grow with the runs (docs/simulator.md, "Comparing scenarios").
constexpr std::uint64_t kPairedBlock = 1024;

/// Exact integer sums of one figure over the runs, and of its paired differences against a
/// reference (this minus the reference).
struct PairedSums {
  std::int64_t n = 0, sum = 0, d = 0, dd = 0;
  bool value = false, paired = false;
  /// Adds one run: `mine` is this figure's value in the run, `ref` the reference's (nothing
  /// when the scenario lacks the figure).
  void add(std::optional<std::int64_t> ref, std::optional<std::int64_t> mine);
};

/// The mean paired difference over `runs` runs and its 90 % interval: mean ± 1.645 × the
/// standard deviation of the differences / √runs.
struct PairedInterval {
  long double mean = 0, half = 0;
  bool contains_zero() const { return mean - half <= 0 && 0 <= mean + half; }
};
PairedInterval paired_interval(const PairedSums& s, std::uint64_t runs);

/// The incremental cost (money difference over the mean difference in exits), or nothing when
/// the interval of the difference in exits contains zero (undefined).
std::optional<long double> incremental_cost(long double money_difference, const PairedInterval& exits);

/// Runs [0, runs) of every simulation on the same run numbers, `block` runs at a time on
/// `threads` threads; after each block calls `add(from, figures)`, figures[i] holding simulation
/// i's per-run figures of runs [from, from + figures[i].size()) (`add` may take them: the next
/// block overwrites them). Returns each simulation's aggregates over all the runs. The result does not depend on `block` or `threads`.
std::vector<sim::Aggregates> run_in_blocks(
    const std::vector<const sim::Simulation*>& sims, std::uint64_t runs, int threads,
    const std::function<void(std::uint64_t from, std::vector<std::vector<sim::Simulation::RunFigures>>& figures)>& add,
    std::uint64_t block = kPairedBlock);

/// The q-th percentile by rank of a figure over the runs, from the count of runs at each value
/// 0, 1, ...: the smallest value v with at least ceil(q % of the runs) runs at v or below.
std::int64_t rank_percentile(const std::vector<std::int64_t>& counts, int q);

/// Whether `format` is one people read (a terminal table, xlsx): its figures then take the
/// reader's number style ("14,64" under --lang vi, "1,081.72" in English); CSV and JSON keep the
/// plain form ("14.64") that programs read.
bool local_style(report::Format format);
/// `v` with `decimals` decimals, in the reader's number style when `local` (diag::local_number),
/// else plain.
std::string figure_number(long double v, int decimals, bool local);
/// An interval "[lo, hi]" of two figure_number()s; "[lo; hi]" where the number style's decimal
/// mark is a comma (Vietnamese, when `local`).
std::string figure_interval(long double lo, long double hi, int decimals, bool local);

}  // namespace lotrinh::cli
