#pragma once
// A muParser expression compiled once and bound to numbered slots. The only module that
// includes muParser; no mu:: type leaves it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace lotrinh::expr {

/// The names an expression may read, each with a slot index (0, 1, 2, ... in order added).
class SymbolTable {
 public:
  /// Adds `name` (if new) and returns its slot.
  int add(const std::string& name);
  std::optional<int> find(const std::string& name) const;
  const std::vector<std::string>& names() const { return names_; }
  int size() const { return static_cast<int>(names_.size()); }

 private:
  std::vector<std::string> names_;
};

enum class CompareOp { kLt, kLe, kGt, kGe, kEq, kNe };

/// The recognised fast-path form `slot OP slot` or `slot OP constant` (either side may be the
/// constant; it is normalised so the slot is on the left).
struct Comparison {
  int lhs_slot = -1;
  CompareOp op = CompareOp::kLt;
  int rhs_slot = -1;      ///< -1 when the right side is `rhs_constant`.
  double rhs_constant = 0;
};

/// A compiled expression. Evaluation semantics (the engine's, not raw muParser's):
/// - if any slot the expression reads is NaN (missing), the result is NaN;
/// - otherwise the muParser value; NaN from the arithmetic itself (0/0) stays NaN;
/// - `&&`, `||` treat any non-zero as true and give 0 or 1 (no constant-folding surprises).
class CompiledExpr {
 public:
  /// Compiles `text` against `symbols`. On failure appends located diagnostics to `out` and
  /// returns nullopt. Rejected: syntax errors, unknown names (hint: did you mean), `=`
  /// assignment (hint: use ==), string literals (hint: flags and classes are numbers).
  static std::optional<CompiledExpr> compile(const std::string& text, const SymbolTable& symbols,
                                             const diag::SourceLoc& loc, bool exact_loc,
                                             std::vector<diag::Diagnostic>& out);
  CompiledExpr(CompiledExpr&&) noexcept;
  CompiledExpr& operator=(CompiledExpr&&) noexcept;
  ~CompiledExpr();

  const std::string& text() const;
  /// Slots read by the expression, ascending, without duplicates.
  const std::vector<int>& slots() const;
  /// The fast-path form, when the whole expression is one comparison of a name with a name or
  /// a number.
  const std::optional<Comparison>& comparison() const;

  /// Evaluates with slot values `values[slot]` (values has symbols.size() entries).
  double eval(const double* values) const;
  /// Evaluates row by row: `columns[slot][row]` for the slots read (other entries may be null);
  /// writes n results to `out`.
  void eval_columns(const std::vector<const double*>& columns, size_t n, double* out) const;

 private:
  struct Impl;
  explicit CompiledExpr(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// The native evaluation of a Comparison on one pair of values: 1, 0, or NaN if either is NaN.
double compare(CompareOp op, double lhs, double rhs);

}  // namespace lotrinh::expr
