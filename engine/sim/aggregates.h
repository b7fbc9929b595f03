#pragma once
// What the runs leave behind, streamed: integer counts only (histograms with a fixed
// resolution, counts per year), so memory does not depend on the number of runs, and adding
// shards in any order gives the same numbers (integer sums are exact and commutative).
#include <cstdint>
#include <string>
#include <vector>

namespace lotrinh::sim {

/// The sizes that fix an Aggregates layout.
struct AggregateShape {
  size_t communes = 0, groups = 0, years = 0, criteria = 0, states = 0;  ///< groups: province + districts.
  size_t lists = 0;  ///< Official lists made during the run.
  size_t targets = 0;  ///< (target, group) pairs checked (sim/target_plan.h).
  bool operator==(const AggregateShape&) const = default;
};

class Aggregates {
 public:
  /// Poverty histograms: bins of 0.1 point from 0 % to 100 % (a value is rounded to the
  /// nearest 0.1 point).
  static constexpr size_t kBins = 1001;
  static size_t bin(double fraction);

  explicit Aggregates(const AggregateShape& shape);
  const AggregateShape& shape() const { return shape_; }

  std::int64_t& runs() { return v_[0]; }
  std::int64_t runs() const { return v_[0]; }
  /// Runs in which commune c left region III in year index k (0-based after the start), or
  /// k == years: did not leave (or was not region III at the start).
  std::int64_t& exit(size_t c, size_t k) { return v_[exit_ + c * (shape_.years + 1) + k]; }
  std::int64_t exit(size_t c, size_t k) const { return v_[exit_ + c * (shape_.years + 1) + k]; }
  /// Sum over runs of the number of region III communes of group g in year index k.
  std::int64_t& iii(size_t g, size_t k) { return v_[iii_ + g * shape_.years + k]; }
  std::int64_t iii(size_t g, size_t k) const { return v_[iii_ + g * shape_.years + k]; }
  /// Histogram of group g's household-weighted poverty in year index k.
  std::int64_t* fan(size_t g, size_t k) { return &v_[fan_ + (g * shape_.years + k) * kBins]; }
  const std::int64_t* fan(size_t g, size_t k) const { return &v_[fan_ + (g * shape_.years + k) * kBins]; }
  /// Histogram of commune c's poverty in the last year.
  std::int64_t* last(size_t c) { return &v_[last_ + c * kBins]; }
  const std::int64_t* last(size_t c) const { return &v_[last_ + c * kBins]; }
  /// Runs in which commune c is above the left-behind line in the last year.
  std::int64_t& behind(size_t c) { return v_[behind_ + c]; }
  std::int64_t behind(size_t c) const { return v_[behind_ + c]; }
  /// Runs in which criterion k held commune c in region III in the last year.
  std::int64_t& holding(size_t c, size_t k) { return v_[hold_ + c * shape_.criteria + k]; }
  std::int64_t holding(size_t c, size_t k) const { return v_[hold_ + c * shape_.criteria + k]; }
  /// Sum over runs of the number of communes whose class is unknown in year index k (an
  /// unknown class is not counted as leaving region III).
  std::int64_t& unknown(size_t k) { return v_[unknown_ + k]; }
  std::int64_t unknown(size_t k) const { return v_[unknown_ + k]; }
  /// Runs in which commune c (through its unit) is region III on list l.
  std::int64_t& listed(size_t l, size_t c) { return v_[listed_ + l * shape_.communes + c]; }
  std::int64_t listed(size_t l, size_t c) const { return v_[listed_ + l * shape_.communes + c]; }
  /// Times state s was clamped to its catalogue range, and left missing by missing inputs.
  std::int64_t& clamps(size_t s) { return v_[clamp_ + s]; }
  std::int64_t clamps(size_t s) const { return v_[clamp_ + s]; }
  std::int64_t& missing(size_t s) { return v_[missing_ + s]; }
  std::int64_t missing(size_t s) const { return v_[missing_ + s]; }

  /// Runs in which (target, group) pair p ended with outcome o (a sim::TargetOutcome).
  static constexpr size_t kTargetOutcomes = 8;
  std::int64_t& target(size_t p, size_t o) { return v_[target_ + p * kTargetOutcomes + o]; }
  std::int64_t target(size_t p, size_t o) const { return v_[target_ + p * kTargetOutcomes + o]; }

  /// Adds another shard's counts (same shape).
  void add(const Aggregates& other);
  /// Bytes held (independent of the number of runs).
  size_t memory_bytes() const { return v_.size() * sizeof(std::int64_t); }
  /// The counts as text (one line of integers) and back.
  std::string counts_text() const;
  /// Throws std::invalid_argument when `text` does not hold exactly the counts of this shape.
  void set_counts(const std::string& text);

  /// The smallest value (a fraction, at the histogram's resolution) with at least q percent
  /// of `total` at or below it; NaN when total is 0.
  static double percentile(const std::int64_t* hist, std::int64_t total, int q);

 private:
  AggregateShape shape_;
  size_t exit_, iii_, unknown_, listed_, fan_, last_, behind_, hold_, clamp_, missing_, target_;
  std::vector<std::int64_t> v_;
};

}  // namespace lotrinh::sim
