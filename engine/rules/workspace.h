#pragma once
// The state of evaluating one compiled rule set over n units in one data year, owned by its
// caller. The RuleSet stays immutable and may be shared by threads; each thread evaluates in a
// Workspace of its own, which holds that thread's muParser parsers (made on first use, kept for
// every later year) and the buffers of its results. reset() gives it the next year's columns:
// once a year of as many units has been evaluated, later years allocate nothing (as long as the
// Inputs' callable is small enough for std::function to hold in place, e.g. one pointer).
//
// Results are lazy: a column, node or classification is computed the first time it is asked
// for in a year, then kept until the next reset(). A node's results are kept as two bit sets
// (true, false); plain comparisons of one column with constants are evaluated together, in
// one pass over the column.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rules/inputs.h"
#include "rules/rule_set.h"

namespace lotrinh::expr {
class Evaluator;
}

namespace lotrinh::rules {

class Workspace {
 public:
  /// A workspace for `rules`, with no year yet (size() is 0 until reset()).
  explicit Workspace(std::shared_ptr<const RuleSet> rules);
  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

  /// Starts evaluating data year `year` over `inputs`, forgetting the previous year's results.
  /// Throws InputError when the rule set does not apply to `year` (unless !check_year), for an
  /// override naming no parameter, and for a dated parameter with no value in `year`.
  void reset(Inputs inputs, int year, const Overrides& overrides = {}, bool check_year = true);

  size_t size() const { return n_; }
  int year() const { return year_; }
  const RuleSet& rules() const { return *rules_; }
  const std::shared_ptr<const RuleSet>& shared_rules() const { return rules_; }

  /// The n values of slot `s` (indicator, alias, parameter, or derived).
  const double* column(int slot);
  double value(int slot, size_t i) { return column(slot)[i]; }
  /// Value of parameter slot `s` in this year (NaN when not known).
  double parameter(int slot) const { return param_[slot]; }
  /// For an alias slot, the indicator it resolved to in this year; else the slot's name.
  const std::string& resolved_name(int slot) const { return *resolved_[slot]; }

  /// Evaluates `e` (compiled against rules().symbols) for every unit, over this workspace's
  /// columns, into out[0..size()): NaN where a value it reads is missing. The one way to
  /// evaluate an expression over an evaluation's columns (targets, figures, reproduce).
  void evaluate(const expr::CompiledExpr& e, double* out);
  std::vector<double> evaluate(const expr::CompiledExpr& e);

  /// An expression whose arithmetic made a non-finite value (a division by zero, sqrt(-1)...)
  /// in this year: the leaf or derived value is unknown for those units, never true or false.
  struct NonFinite {
    std::string text;  ///< The expression as written.
    size_t units;             ///< How many units.
    size_t first;             ///< The first such unit.
  };
  /// The expressions evaluated so far this year that made non-finite values, in the order found.
  const std::vector<NonFinite>& nonfinite() const { return nonfinite_; }
  /// Whether `e` makes a non-finite value for unit i (its inputs being present). Allocates: for
  /// explanations, not for bulk work.
  bool nonfinite_at(const expr::CompiledExpr& e, size_t i);

  /// Three-valued result of node `n` for each unit (size() bytes, valid until the next reset).
  const unsigned char* node(int n);
  Truth node(int n, size_t i);
  Truth criterion(const std::string& name, size_t i);

  /// Index into the classification's order for each unit; -1 when an earlier rule is unknown,
  /// -2 when no rule matches (no fallback). `c` is one of rules().classifications.
  const std::vector<int>& classes(const Classification& c);
  /// The class name of unit i, "unknown" or "none".
  std::string class_name(const Classification& c, size_t i);

 private:
  using Word = std::uint64_t;
  // Plain comparisons of one column with constants (or parameters), evaluated in one pass.
  struct LeafGroup {
    int slot = -1;
    std::vector<int> leaves;
    std::vector<expr::CompareOp> ops;
    std::vector<double> constants;  // this year's, parameters folded in
    std::vector<Word*> pass;
    uint64_t epoch = 0;
  };

  const Word* bits(int n);  // true bits; the false bits follow at + words
  Word* bits_of(int n) { return bits_.data() + 2 * static_cast<size_t>(n) * words_; }
  void eval_node(int n);
  void eval_leaf(int n, Word* t, Word* f);
  void eval_group(LeafGroup& g);
  expr::Evaluator& evaluator(std::unique_ptr<expr::Evaluator>& slot, const expr::CompiledExpr& e);
  void eval_into(expr::Evaluator& ev, const expr::CompiledExpr& e, double* out);

  std::shared_ptr<const RuleSet> rules_;
  Inputs inputs_;
  int year_ = 0;
  size_t n_ = 0;
  size_t words_ = 0;
  uint64_t epoch_ = 0;  // results stamped with an older epoch are stale

  // Per slot.
  std::vector<const double*> col_;
  std::vector<uint64_t> col_epoch_;
  std::vector<std::vector<double>> owned_;
  std::vector<double> param_;
  std::vector<const std::string*> resolved_;
  std::vector<int> derived_of_slot_;
  // Per node.
  std::vector<int> canon_;        // the node whose results stand for it (refs, repeated leaves)
  std::vector<int> group_of_;     // leaf group, or -1
  std::vector<Word> bits_;        // per node: true bits, then false bits, words_ each
  std::vector<uint64_t> node_epoch_;
  std::vector<unsigned char> bytes_;  // per node: size() truth bytes, made on request
  std::vector<uint64_t> byte_epoch_;
  std::vector<LeafGroup> groups_;
  // Per classification.
  std::vector<std::vector<int>> classes_;
  std::vector<uint64_t> class_epoch_;
  std::vector<const Word*> when_t_, when_f_;
  std::vector<Word> take_;
  // This thread's parsers: per leaf, per derived indicator, and by text for other expressions.
  std::vector<std::unique_ptr<expr::Evaluator>> leaf_eval_, derived_eval_;
  std::map<std::string, std::unique_ptr<expr::Evaluator>, std::less<>> other_eval_;
  std::vector<const double*> cols_;  // scratch: column pointers by slot for an Evaluator
  std::vector<double> scratch_;
  std::vector<NonFinite> nonfinite_;
};

/// `v` rounded to 12 significant digits (NaN, infinities and 0 unchanged): derived values and
/// the measures of targets are, so that decimal data meet the thresholds they equal.
double round_to_12_digits(double v);

}  // namespace lotrinh::rules
