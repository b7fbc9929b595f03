#include "rules/column_kernels.h"

#include <algorithm>
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
// x OP c for 16 doubles at a time. `pass` and `fail` are the ordered predicates of OP and of its
// complement, so both are false only for NaN; each lane's fail - pass is then -1, 0 or 1 (pass,
// NaN, fail), and 1 - (fail - pass)... written as 1 + (pass? 1 : fail? -1 : 0) gives the truth
// byte 2, 1 or 0. The 64-bit lanes are narrowed to bytes with two saturating packs (which keep
// -1, 0 and 1) and put back in order with two byte shuffles and a lane permute.
template <int kPass, int kFail, class Cmp>
__attribute__((target("avx2"))) void cmp_const_avx2(const double* x, double c, size_t n, unsigned char* out,
                                                    Cmp cmp) {
  const __m256d cv = _mm256_set1_pd(c);
  const __m256i even_bytes = _mm256_setr_epi8(0, 2, 4, 6, 8, 10, 12, 14, -1, -1, -1, -1, -1, -1, -1, -1,  //
                                              0, 2, 4, 6, 8, 10, 12, 14, -1, -1, -1, -1, -1, -1, -1, -1);
  const __m128i order = _mm_setr_epi8(0, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6, 7, 14, 15);
  const __m128i one = _mm_set1_epi8(1);
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    __m256i d[4];
    for (int k = 0; k < 4; ++k) {
      __m256d v = _mm256_loadu_pd(x + i + 4 * k);
      __m256i pass = _mm256_castpd_si256(_mm256_cmp_pd(v, cv, kPass));
      __m256i fail = _mm256_castpd_si256(_mm256_cmp_pd(v, cv, kFail));
      d[k] = _mm256_sub_epi64(fail, pass);  // +1 pass, 0 NaN, -1 fail (two's complement masks)
    }
    __m256i bytes = _mm256_packs_epi16(_mm256_packs_epi32(d[0], d[1]), _mm256_packs_epi32(d[2], d[3]));
    bytes = _mm256_shuffle_epi8(bytes, even_bytes);
    __m128i low = _mm256_castsi256_si128(_mm256_permute4x64_epi64(bytes, 0x08));
    low = _mm_add_epi8(_mm_shuffle_epi8(low, order), one);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), low);
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
      case expr::CompareOp::kLt: cmp_const_avx2<_CMP_LT_OQ, _CMP_GE_OQ>(x, c, n, out, std::less<double>()); return;
      case expr::CompareOp::kLe: cmp_const_avx2<_CMP_LE_OQ, _CMP_GT_OQ>(x, c, n, out, std::less_equal<double>()); return;
      case expr::CompareOp::kGt: cmp_const_avx2<_CMP_GT_OQ, _CMP_LE_OQ>(x, c, n, out, std::greater<double>()); return;
      case expr::CompareOp::kGe: cmp_const_avx2<_CMP_GE_OQ, _CMP_LT_OQ>(x, c, n, out, std::greater_equal<double>()); return;
      case expr::CompareOp::kEq: cmp_const_avx2<_CMP_EQ_OQ, _CMP_NEQ_OQ>(x, c, n, out, std::equal_to<double>()); return;
      case expr::CompareOp::kNe: cmp_const_avx2<_CMP_NEQ_OQ, _CMP_EQ_OQ>(x, c, n, out, std::not_equal_to<double>()); return;
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
