#pragma once
// Internal to expr: the column-wise evaluator. muParser's own bytecode of an expression (after
// its optimiser: folded constants, `a*x+b` and `x^2..4` forms) is translated once, instruction
// for instruction, into a program that runs each instruction over a block of rows at a time.
// Every arithmetic step is the one muParser's interpreter makes (the same operations on the same
// doubles in the same order, the same function pointers for the built-in functions), so the
// results are bit-identical to muParser's row-by-row Eval; tests/expr compares them on every
// construct, with missing values, infinities and boundaries. What the translation does not cover
// (string or bulk functions, assignment, more than 3 fixed arguments, `?:` nested deeper than
// kMaxLevels) leaves the expression to muParser, row by row.
//
// `?:` is evaluated on both sides for every row and the side the condition picks is kept (muParser
// jumps over the other); the finiteness checks of a side count only on the rows that take it,
// as muParser's jumps make them.
#include <cstddef>
#include <memory>
#include <vector>

namespace mu {
class ParserBase;
}

namespace lotrinh::expr {

class ColumnProgram {
 public:
  /// Rows evaluated together.
  static constexpr std::size_t kBlock = 256;
  /// Deepest `?:` nesting translated (deeper expressions are left to muParser).
  static constexpr int kMaxLevels = 64;

  /// Translates the parsed bytecode of `parser`, whose variables are bound to `buffer[0..vars)`
  /// (variable k at &buffer[k]); `check` is the finiteness-check function (its address, type erased).
  /// `negate` is muParser's unary minus (run inline instead of called). Returns null when some
  /// instruction is not covered.
  static std::shared_ptr<const ColumnProgram> translate(const mu::ParserBase& parser, const double* buffer, std::size_t vars,
                                                        void (*check)(), void (*negate)());

  /// One thread's buffers for evaluating a program (sized once; evaluating allocates nothing).
  struct Scratch {
    std::vector<double> stack;       ///< depth blocks
    std::vector<double> saved;       ///< one block per `?:` level: the value of the `?` side
    std::vector<double> masks;    ///< per `?:` level: 1 on rows taking the `?` side, then the `:` side
    std::vector<double> pick;     ///< per `?:` level: 1 where the condition is true (not 0)
    std::vector<double> bad;      ///< per row: NaN once a check saw a non-finite value (sums of v * 0)
    std::vector<double> missing;  ///< per row: 1 when a variable read is NaN
    std::vector<const double*> ptr;     ///< per stack entry: where its values are
    std::vector<double> args;           ///< arguments of a call with a variable argument count
  };
  Scratch scratch() const;

  /// Evaluates rows [0, n): `cols[k]` holds variable k's values (`scalar[k]`: one value for all
  /// rows). out[row] is NaN when a variable read is NaN (missing) or a check saw a non-finite
  /// value (counted in the result), else muParser's value.
  std::size_t run(const double* const* cols, const unsigned char* scalar, std::size_t n, double* out, Scratch& s) const;

  enum class Code : unsigned char {
    kVar, kVal, kVarMul, kVarPow2, kVarPow3, kVarPow4,
    kLe, kGe, kNe, kEq, kLt, kGt, kAdd, kSub, kMul, kDiv, kPow, kAnd, kOr,
    kIf, kElse, kEndIf, kCheck, kNeg, kFun, kFunMulti
  };
  struct Op {
    Code code = Code::kVal;
    int dst = 0;    ///< stack entry written (binary operators: the left operand's entry)
    int var = -1;   ///< kVar...: the variable
    int argc = 0;   ///< kFun, kFunMulti: argument count
    int level = 0;  ///< kIf, kElse, kEndIf: the `?:` nesting level (1 = outermost)
    double a = 0, b = 0;  ///< kVal: a; kVarMul: x * a + b
    int constant = -1;    ///< kVal: its block of kBlock copies in constants_
    void (*fun)() = nullptr;
    void* user = nullptr;
  };

 private:
  void run_block(const double* const* cols, const unsigned char* scalar, std::size_t row0, std::size_t m, Scratch& s) const;

  std::vector<Op> ops_;
  std::vector<double> constants_;  ///< a block per kVal, filled once
  std::vector<int> vars_read_;  ///< distinct variables read
  int depth_ = 0;               ///< stack entries needed
  int levels_ = 0;              ///< deepest `?:` nesting
  int max_args_ = 0;
};

}  // namespace lotrinh::expr
