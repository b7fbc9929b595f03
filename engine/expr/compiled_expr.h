#pragma once
// A muParser expression compiled once and bound to numbered slots. The only module that
// includes muParser; no mu:: type leaves it.
//
// muParser (Debian 2.3.3) behaviours this module handles, each with a test in tests/expr:
// - `x = 5` is valid muParser and stores into x: a lone `=` is rejected (hint: `==`).
// - NaN counts as true in `&&`, `||` and `?:`: eval() returns NaN when a slot read is NaN,
//   without calling muParser.
// - Constant folding truncates `&&`/`||` operands to int (`0.5 || 0` gives 0): the optimizer is
//   off for expressions using `&&` or `||`, so they always give 0 or 1, non-zero being true.
// - `&&` and `||` do not short-circuit: both sides are evaluated (`x != 0 && 1/x > 2` with
//   x = 0 computes 1/0 = inf, and gives 0). Division by zero gives inf, not an error.
// - String literals are only function arguments: any quote is rejected (flags are numbers).
// - A top-level comma makes several results and Eval gives the last (`x < 0,5` is 5): rejected.
// - Errors surface at the first Eval: compile() evaluates once. Unknown names are found before
//   muParser (for "did you mean"); its error codes become catalogue messages at a column.
// - A function name must touch its '(' (`min (a, b)` is an error in muParser).
// - The bulk Eval(results, n) overload is never used (slower here; it changes OpenMP threads).
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
  /// The slot of `name`, if added.
  std::optional<int> find(const std::string& name) const;
  /// All names, indexed by slot.
  const std::vector<std::string>& names() const { return names_; }
  /// The number of slots.
  int size() const { return static_cast<int>(names_.size()); }

 private:
  std::vector<std::string> names_;
};

/// A comparison operator of the fast path.
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
/// - `&&`, `||` treat any non-zero as true and give 0 or 1 (no constant-folding surprises);
///   they do not short-circuit, and a NaN made by the arithmetic (0/0) counts as true there;
/// - `==` and the other comparisons are exact (no tolerance).
/// eval() and eval_columns() neither allocate nor parse, but write into the object's buffer:
/// one CompiledExpr must not be evaluated by two threads at once.
class CompiledExpr {
 public:
  /// Compiles `text` against `symbols`. On failure appends located diagnostics to `out` and
  /// returns nullopt. Rejected: syntax errors, unknown names and functions (hint: did you mean),
  /// `=` assignment (hint: use ==), string literals (hint: flags and classes are numbers), a
  /// comma outside function arguments (hint: decimal point). `loc` is the expression's first
  /// character when `exact_loc`, else errors point at `loc` and give the offset in the message.
  static std::optional<CompiledExpr> compile(const std::string& text, const SymbolTable& symbols,
                                             const diag::SourceLoc& loc, bool exact_loc,
                                             std::vector<diag::Diagnostic>& out);
  CompiledExpr(CompiledExpr&&) noexcept;
  CompiledExpr& operator=(CompiledExpr&&) noexcept;
  ~CompiledExpr();

  /// The expression as written.
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
