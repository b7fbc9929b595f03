#pragma once
// The inner loops of column-wise evaluation, written so the compiler vectorises them (and
// compiled twice, for AVX2 and for plain x86-64, with the right one picked at run time).
// Truth values are bytes: 0 false, 1 unknown, 2 true.
#include <cstddef>

#include "expr/compiled_expr.h"

namespace lotrinh::rules::kernels {

/// out[i] = x[i] OP c as a truth byte; unknown where x[i] is NaN (all unknown if c is NaN).
void compare_constant(expr::CompareOp op, const double* x, double c, size_t n, unsigned char* out);
/// out[i] = x[i] OP y[i]; unknown where either is NaN.
void compare_columns(expr::CompareOp op, const double* x, const double* y, size_t n, unsigned char* out);
/// Three-valued AND into acc: acc[i] = min(acc[i], v[i]).
void and_into(unsigned char* acc, const unsigned char* v, size_t n);
/// Three-valued OR into acc: acc[i] = max(acc[i], v[i]).
void or_into(unsigned char* acc, const unsigned char* v, size_t n);
/// True when every v[i] == value.
bool all_equal(const unsigned char* v, size_t n, unsigned char value);
/// Three-valued NOT: out[i] = 2 - v[i].
void negate(const unsigned char* v, size_t n, unsigned char* out);
/// One classification rule applied to the still-pending units: where cls[i] == pending, take
/// `rule` if when[i] is true, `unknown_class` if it is unknown.
void classify_step(const unsigned char* when, int rule, int pending, int unknown_class, size_t n, int* cls);
/// Every pending unit takes `rule`.
void classify_rest(int rule, int pending, size_t n, int* cls);

}  // namespace lotrinh::rules::kernels
