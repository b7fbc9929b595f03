#pragma once
// The inner loops of column-wise evaluation. A node's three-valued results over n units are two
// bit sets: bit i of `t` set when unit i is true, of `f` when it is false (neither: unknown).
// AND is (t1 & t2, f1 | f2), OR is (t1 | t2, f1 & f2), NOT swaps t and f: 64 units a word.
// Comparisons are written with AVX2 (chosen at run time when the processor has it) and in plain
// C++. Every bit set has words(n) words, and its bits from n on are 0.
#include <cstddef>
#include <cstdint>

#include "expr/compiled_expr.h"

namespace lotrinh::rules::kernels {

using Word = std::uint64_t;

/// The number of words that hold n bits.
constexpr size_t words(size_t n) { return (n + 63) / 64; }

/// Bits of x[i] OP c (0 where x[i] is NaN, all 0 when c is NaN).
void compare_constant(expr::CompareOp op, const double* x, double c, size_t n, Word* pass);
/// Bits of "x[i] is not NaN".
void known_bits(const double* x, size_t n, Word* known);
/// One pass over x (in blocks that stay in the L1 cache) for m comparisons of it with constants:
/// `known` as known_bits, and pass[k] as compare_constant(ops[k], x, c[k], ...).
void compare_constants(const double* x, size_t n, size_t m, const expr::CompareOp* ops, const double* c, Word* known,
                       Word* const* pass);
/// Bits of x[i] OP y[i] (0 where either is NaN), and `known`: neither is NaN.
void compare_columns(expr::CompareOp op, const double* x, const double* y, size_t n, Word* pass, Word* known);
/// The truth of values as muParser gives them: non-zero true, zero false, NaN unknown.
void truth_of_values(const double* v, size_t n, Word* t, Word* f);
/// t and f as truth bytes (0 false, 1 unknown, 2 true).
void truth_bytes(const Word* t, const Word* f, size_t n, unsigned char* out);
/// The class of each unit under rules tried in order: cls[i] is the first r < m with t[r] set;
/// -1 when a rule before that is unknown (neither t[r] nor f[r]); `rest` when every rule is false.
/// `take` is scratch space of m words.
void classify(const Word* const* t, const Word* const* f, size_t m, int rest, size_t n, Word* take, int* cls);

}  // namespace lotrinh::rules::kernels
