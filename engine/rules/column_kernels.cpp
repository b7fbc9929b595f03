#include "rules/column_kernels.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define LOTRINH_HAVE_AVX2_PATH 1
#endif

// Two versions of each loop: AVX2 and the x86-64 baseline, chosen at load time (GCC's
// target_clones). Only where the compiler supports it; elsewhere, one plain version.
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__) && !defined(__SANITIZE_ADDRESS__)
#define LOTRINH_KERNEL __attribute__((target_clones("avx2", "default")))
#else
#define LOTRINH_KERNEL
#endif

namespace lotrinh::rules::kernels {
namespace {

// Branch-free so that it vectorises: 1 + known * (2 * pass - 1) gives 0, 1 or 2.
template <class Cmp>
inline void cmp_const(const double* __restrict x, double c, size_t n, unsigned char* __restrict out, Cmp cmp) {
  for (size_t i = 0; i < n; ++i) {
    double v = x[i];
    out[i] = static_cast<unsigned char>(1 + (v == v) * (cmp(v, c) * 2 - 1));
  }
}

template <class Cmp>
inline void cmp_cols(const double* __restrict x, const double* __restrict y, size_t n, unsigned char* __restrict out,
                     Cmp cmp) {
  for (size_t i = 0; i < n; ++i) {
    double a = x[i], b = y[i];
    out[i] = static_cast<unsigned char>(1 + ((a == a) & (b == b)) * (cmp(a, b) * 2 - 1));
  }
}

#if LOTRINH_HAVE_AVX2_PATH
// Four truth bytes for each (known, pass) pair of 4-bit masks: known ? (pass ? 2 : 0) : 1.
constexpr std::array<std::uint32_t, 256> make_truth_table() {
  std::array<std::uint32_t, 256> t{};
  for (unsigned k = 0; k < 16; ++k)
    for (unsigned p = 0; p < 16; ++p) {
      std::uint32_t word = 0;
      for (unsigned j = 0; j < 4; ++j) {
        unsigned byte = ((k >> j) & 1) ? (((p >> j) & 1) ? 2 : 0) : 1;
        word |= byte << (8 * j);
      }
      t[(k << 4) | p] = word;
    }
  return t;
}
constexpr std::array<std::uint32_t, 256> kTruth = make_truth_table();

// x OP c, four doubles at a time: two compares and two movemasks index the table above.
// The ordered predicates (_OQ) are false on NaN; NaN is then marked unknown by `ordered`.
template <int kPredicate, class Cmp>
__attribute__((target("avx2"))) void cmp_const_avx2(const double* x, double c, size_t n, unsigned char* out,
                                                    Cmp cmp) {
  const __m256d cv = _mm256_set1_pd(c);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    __m256d v = _mm256_loadu_pd(x + i);
    int pass = _mm256_movemask_pd(_mm256_cmp_pd(v, cv, kPredicate));
    int ordered = _mm256_movemask_pd(_mm256_cmp_pd(v, v, _CMP_ORD_Q));
    std::uint32_t word = kTruth[static_cast<unsigned>((ordered << 4) | pass)];
    std::memcpy(out + i, &word, 4);
  }
  cmp_const(x + i, c, n - i, out + i, cmp);
}

bool have_avx2() {
  static const bool yes = __builtin_cpu_supports("avx2");
  return yes;
}
#endif

}  // namespace

void compare_constant(expr::CompareOp op, const double* x, double c, size_t n, unsigned char* out) {
  if (c != c) {
    std::fill(out, out + n, static_cast<unsigned char>(1));
    return;
  }
#if LOTRINH_HAVE_AVX2_PATH
  if (have_avx2()) {
    switch (op) {
      case expr::CompareOp::kLt: cmp_const_avx2<_CMP_LT_OQ>(x, c, n, out, std::less<double>()); return;
      case expr::CompareOp::kLe: cmp_const_avx2<_CMP_LE_OQ>(x, c, n, out, std::less_equal<double>()); return;
      case expr::CompareOp::kGt: cmp_const_avx2<_CMP_GT_OQ>(x, c, n, out, std::greater<double>()); return;
      case expr::CompareOp::kGe: cmp_const_avx2<_CMP_GE_OQ>(x, c, n, out, std::greater_equal<double>()); return;
      case expr::CompareOp::kEq: cmp_const_avx2<_CMP_EQ_OQ>(x, c, n, out, std::equal_to<double>()); return;
      case expr::CompareOp::kNe: cmp_const_avx2<_CMP_NEQ_OQ>(x, c, n, out, std::not_equal_to<double>()); return;
    }
  }
#endif
  switch (op) {
    case expr::CompareOp::kLt: cmp_const(x, c, n, out, std::less<double>()); break;
    case expr::CompareOp::kLe: cmp_const(x, c, n, out, std::less_equal<double>()); break;
    case expr::CompareOp::kGt: cmp_const(x, c, n, out, std::greater<double>()); break;
    case expr::CompareOp::kGe: cmp_const(x, c, n, out, std::greater_equal<double>()); break;
    case expr::CompareOp::kEq: cmp_const(x, c, n, out, std::equal_to<double>()); break;
    case expr::CompareOp::kNe: cmp_const(x, c, n, out, std::not_equal_to<double>()); break;
  }
}

LOTRINH_KERNEL
void compare_columns(expr::CompareOp op, const double* x, const double* y, size_t n, unsigned char* out) {
  switch (op) {
    case expr::CompareOp::kLt: cmp_cols(x, y, n, out, std::less<double>()); break;
    case expr::CompareOp::kLe: cmp_cols(x, y, n, out, std::less_equal<double>()); break;
    case expr::CompareOp::kGt: cmp_cols(x, y, n, out, std::greater<double>()); break;
    case expr::CompareOp::kGe: cmp_cols(x, y, n, out, std::greater_equal<double>()); break;
    case expr::CompareOp::kEq: cmp_cols(x, y, n, out, std::equal_to<double>()); break;
    case expr::CompareOp::kNe: cmp_cols(x, y, n, out, std::not_equal_to<double>()); break;
  }
}

LOTRINH_KERNEL
void and_into(unsigned char* __restrict acc, const unsigned char* __restrict v, size_t n) {
  for (size_t i = 0; i < n; ++i) acc[i] = acc[i] < v[i] ? acc[i] : v[i];
}

LOTRINH_KERNEL
void or_into(unsigned char* __restrict acc, const unsigned char* __restrict v, size_t n) {
  for (size_t i = 0; i < n; ++i) acc[i] = acc[i] > v[i] ? acc[i] : v[i];
}

LOTRINH_KERNEL
bool all_equal(const unsigned char* __restrict v, size_t n, unsigned char value) {
  unsigned char differ = 0;
  for (size_t i = 0; i < n; ++i) differ |= static_cast<unsigned char>(v[i] ^ value);
  return differ == 0;
}

LOTRINH_KERNEL
void negate(const unsigned char* __restrict v, size_t n, unsigned char* __restrict out) {
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<unsigned char>(2 - v[i]);
}

LOTRINH_KERNEL
void classify_step(const unsigned char* __restrict when, int rule, int pending, int unknown_class, size_t n,
                   int* __restrict cls) {
  for (size_t i = 0; i < n; ++i) {
    int w = when[i];
    int take = w == 2 ? rule : (w == 1 ? unknown_class : pending);
    cls[i] = cls[i] == pending ? take : cls[i];
  }
}

LOTRINH_KERNEL
void classify_rest(int rule, int pending, size_t n, int* __restrict cls) {
  for (size_t i = 0; i < n; ++i) cls[i] = cls[i] == pending ? rule : cls[i];
}

}  // namespace lotrinh::rules::kernels
