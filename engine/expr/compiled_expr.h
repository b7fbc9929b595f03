#pragma once
// A muParser expression compiled once and bound to numbered slots. The only module that
// includes muParser; no mu:: type leaves it.
//
// muParser (Debian 2.3.3) behaviours this module handles, each with a test in tests/expr:
// - `x = 5` is valid muParser and stores into x: a lone `=` is rejected (hint: `==`).
// - NaN counts as true in `&&`, `||` and `?:`: eval() returns NaN when a slot read is NaN,
//   without calling muParser; a NaN or infinity made inside is caught by checks (see below).
// - Constant folding truncates `&&`/`||` operands to int (`0.5 || 0` gives 0): the optimizer is
//   off for expressions using `&&` or `||`, so they always give 0 or 1, non-zero being true.
// - `&&` and `||` do not short-circuit: both sides are evaluated (`x != 0 && 1/x > 2` with
//   x = 0 computes 1/0 = inf, and gives 0). Division by zero gives inf, not an error: the
//   engine's checks make such results unknown.
// - String literals are only function arguments: any quote is rejected (flags are numbers).
// - A top-level comma makes several results and Eval gives the last (`x < 0,5` is 5): rejected.
// - Errors surface at the first Eval: compile() evaluates once (with a parser of its own that
//   is then dropped). Unknown names are found before
//   muParser (for "did you mean"); its error codes become catalogue messages at a column.
// - A function name must touch its '(' (`min (a, b)` is an error in muParser).
// - The bulk Eval(results, n) overload is never used (slower here; it changes OpenMP threads).
//   Column-wise evaluation instead runs muParser's own bytecode, translated once
//   (expr/column_program.h), over blocks of rows: the same results bit for bit, without a call
//   per row.
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
/// - a non-finite value made by the arithmetic (a division by zero, sqrt(-1), log(0), an
///   overflow) makes the result NaN (unknown), never true or false, and nonfinite() counts it.
///   It is caught at each operand of a comparison, `&&`, `||`, `?:`, each bracketed group, each
///   function argument and each function result, and in the final value (the evaluated text
///   wraps those in a checking function; the fast comparison path, which reads columns and a
///   constant only, is not affected);
/// - `&&`, `||` treat any non-zero as true and give 0 or 1 (no constant-folding surprises);
///   they do not short-circuit (`x != 0 && 1/x > 2` with x = 0 is unknown);
/// - `==` and the other comparisons are exact (no tolerance).
/// A CompiledExpr is immutable and may be shared by threads: it holds no parser. An Evaluator
/// (one per thread) evaluates it.
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

 private:
  friend class Evaluator;
  struct Impl;
  explicit CompiledExpr(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// One thread's means of evaluating one CompiledExpr: a muParser parser bound to this object's
/// own slot buffer (muParser's Eval writes into the parser, and a copied parser would keep the
/// original's variable bindings, so each thread parses the text once into its own). Making one
/// allocates and parses; eval() and eval_columns() then neither allocate nor parse. It keeps
/// what it needs: the CompiledExpr may be destroyed first.
class Evaluator {
 public:
  explicit Evaluator(const CompiledExpr& expr);
  Evaluator(Evaluator&&) noexcept;
  Evaluator& operator=(Evaluator&&) noexcept;
  ~Evaluator();

  /// The slots read, as CompiledExpr::slots() of the expression it was made from.
  const std::vector<int>& slots() const;
  /// Evaluates with slot values `values[slot]` (values has symbols.size() entries).
  double eval(const double* values);
  /// Evaluates n rows: `columns[slot][row]` for the slots read (other entries may be null);
  /// writes n results to `out`, each as eval() would give it for that row (bit for bit). Runs
  /// column-wise, a block of rows per instruction, when column_wise(); else row by row.
  void eval_columns(const double* const* columns, size_t n, double* out);
  void eval_columns(const std::vector<const double*>& columns, size_t n, double* out) {
    eval_columns(columns.data(), n, out);
  }
  /// The same where `scalar[slot]` (when not null) marks a slot whose column holds one value
  /// for every row (`columns[slot][0]`): a parameter, the year.
  void eval_columns(const double* const* columns, const unsigned char* scalar, size_t n, double* out);
  /// The same, always row by row through muParser (the reference the column-wise path matches).
  void eval_rows(const double* const* columns, const unsigned char* scalar, size_t n, double* out);
  /// Whether eval_columns runs column-wise: muParser's bytecode of the expression was translated
  /// (every operator, `?:` and numeric function is; otherwise muParser evaluates row by row).
  bool column_wise() const;
  /// How many results of the last eval() (0 or 1) or eval_columns() were made NaN because the
  /// arithmetic made a non-finite value (not counting missing inputs).
  size_t nonfinite() const;

 private:
  friend class CompiledExpr;
  struct State;
  static std::unique_ptr<State> bind(const CompiledExpr::Impl& e);
  std::unique_ptr<State> state_;
};

/// The native evaluation of a Comparison on one pair of values: 1, 0, or NaN if either is NaN.
double compare(CompareOp op, double lhs, double rhs);

}  // namespace lotrinh::expr
