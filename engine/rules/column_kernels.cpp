#include "rules/column_kernels.h"

#include <algorithm>

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define LOTRINH_HAVE_AVX2_PATH 1
#endif

namespace lotrinh::rules::kernels {
namespace {

// Ordered comparisons: false when either side is NaN (`!=` included).
struct Lt { static bool f(double a, double b) { return a < b; } };
struct Le { static bool f(double a, double b) { return a <= b; } };
struct Gt { static bool f(double a, double b) { return a > b; } };
struct Ge { static bool f(double a, double b) { return a >= b; } };
struct Eq { static bool f(double a, double b) { return a == b; } };
struct Ne { static bool f(double a, double b) { return (a < b) | (a > b); } };
struct Ord { static bool f(double a, double b) { return (a == a) & (b == b); } };

// Bits of x[i] OP y[i] for i < n (y[i] is c when `scalar`).
template <class Op, bool kScalarRhs>
void cmp_bits(const double* x, const double* y, double c, size_t n, Word* out) {
  size_t i = 0, w = 0;
  for (; i + 64 <= n; i += 64, ++w) {
    Word word = 0;
    for (size_t j = 0; j < 64; ++j) word |= static_cast<Word>(Op::f(x[i + j], kScalarRhs ? c : y[i + j])) << j;
    out[w] = word;
  }
  if (i < n) {
    Word word = 0;
    for (size_t j = 0; i + j < n; ++j) word |= static_cast<Word>(Op::f(x[i + j], kScalarRhs ? c : y[i + j])) << j;
    out[w] = word;
  }
}

#if LOTRINH_HAVE_AVX2_PATH
bool have_avx2() {
  static const bool yes = __builtin_cpu_supports("avx2");
  return yes;
}

// 64 comparisons a word: four doubles a compare, their four sign bits by movemask.
template <int kPred, class Op, bool kScalarRhs>
__attribute__((target("avx2"))) void cmp_bits_avx2(const double* x, const double* y, double c, size_t n, Word* out) {
  const __m256d cv = _mm256_set1_pd(c);
  size_t i = 0, w = 0;
  for (; i + 64 <= n; i += 64, ++w) {
    Word word = 0;
    for (int k = 0; k < 16; ++k) {
      __m256d v = _mm256_loadu_pd(x + i + 4 * k);
      __m256d r = kScalarRhs ? cv : _mm256_loadu_pd(y + i + 4 * k);
      word |= static_cast<Word>(_mm256_movemask_pd(_mm256_cmp_pd(v, r, kPred))) << (4 * k);
    }
    out[w] = word;
  }
  if (i < n) cmp_bits<Op, kScalarRhs>(x + i, kScalarRhs ? y : y + i, c, n - i, out + w);
}
#endif

template <bool kScalarRhs>
void compare(expr::CompareOp op, const double* x, const double* y, double c, size_t n, Word* out) {
  using expr::CompareOp;
#if LOTRINH_HAVE_AVX2_PATH
  if (have_avx2()) {
    switch (op) {
      case CompareOp::kLt: return cmp_bits_avx2<_CMP_LT_OQ, Lt, kScalarRhs>(x, y, c, n, out);
      case CompareOp::kLe: return cmp_bits_avx2<_CMP_LE_OQ, Le, kScalarRhs>(x, y, c, n, out);
      case CompareOp::kGt: return cmp_bits_avx2<_CMP_GT_OQ, Gt, kScalarRhs>(x, y, c, n, out);
      case CompareOp::kGe: return cmp_bits_avx2<_CMP_GE_OQ, Ge, kScalarRhs>(x, y, c, n, out);
      case CompareOp::kEq: return cmp_bits_avx2<_CMP_EQ_OQ, Eq, kScalarRhs>(x, y, c, n, out);
      case CompareOp::kNe: return cmp_bits_avx2<_CMP_NEQ_OQ, Ne, kScalarRhs>(x, y, c, n, out);
    }
  }
#endif
  switch (op) {
    case CompareOp::kLt: return cmp_bits<Lt, kScalarRhs>(x, y, c, n, out);
    case CompareOp::kLe: return cmp_bits<Le, kScalarRhs>(x, y, c, n, out);
    case CompareOp::kGt: return cmp_bits<Gt, kScalarRhs>(x, y, c, n, out);
    case CompareOp::kGe: return cmp_bits<Ge, kScalarRhs>(x, y, c, n, out);
    case CompareOp::kEq: return cmp_bits<Eq, kScalarRhs>(x, y, c, n, out);
    case CompareOp::kNe: return cmp_bits<Ne, kScalarRhs>(x, y, c, n, out);
  }
}

template <bool kScalarRhs>
void ordered(const double* x, const double* y, size_t n, Word* out) {
#if LOTRINH_HAVE_AVX2_PATH
  if (have_avx2()) return cmp_bits_avx2<_CMP_ORD_Q, Ord, kScalarRhs>(x, y, 0.0, n, out);
#endif
  cmp_bits<Ord, kScalarRhs>(x, y, 0.0, n, out);
}

#if LOTRINH_HAVE_AVX2_PATH
// Eight units at a time: each bit of `bits` becomes an all-ones or all-zero 32-bit lane.
__attribute__((target("avx2"))) inline __m256i lanes_of(Word bits, int shift) {
  const __m256i select = _mm256_setr_epi32(1, 2, 4, 8, 16, 32, 64, 128);
  __m256i v = _mm256_set1_epi32(static_cast<int>((bits >> shift) & 0xFF));
  return _mm256_cmpeq_epi32(_mm256_and_si256(v, select), select);
}

__attribute__((target("avx2"))) void classify_word_avx2(const Word* take, size_t m, Word unknown, int rest, int* out) {
  const __m256i unknown_class = _mm256_set1_epi32(-1);
  for (int b = 0; b < 64; b += 8) {
    __m256i o = _mm256_set1_epi32(rest);
    o = _mm256_blendv_epi8(o, unknown_class, lanes_of(unknown, b));
    for (size_t r = 0; r < m; ++r)
      o = _mm256_blendv_epi8(o, _mm256_set1_epi32(static_cast<int>(r)), lanes_of(take[r], b));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + b), o);
  }
}
#endif

void classify_word(const Word* take, size_t m, Word unknown, int rest, int* out, size_t count) {
  for (size_t j = 0; j < count; ++j) {
    int v = (unknown >> j) & 1 ? -1 : rest;
    for (size_t r = 0; r < m; ++r) v = (take[r] >> j) & 1 ? static_cast<int>(r) : v;
    out[j] = v;
  }
}

}  // namespace

void compare_constant(expr::CompareOp op, const double* x, double c, size_t n, Word* pass) {
  if (c != c) {
    std::fill(pass, pass + words(n), Word{0});
    return;
  }
  compare<true>(op, x, nullptr, c, n, pass);
}

void known_bits(const double* x, size_t n, Word* known) { ordered<false>(x, x, n, known); }

void compare_constants(const double* x, size_t n, size_t m, const expr::CompareOp* ops, const double* c, Word* known,
                       Word* const* pass) {
  constexpr size_t kBlock = 1024;  // 8 KB of doubles
  for (size_t b = 0; b < n; b += kBlock) {
    const size_t len = std::min(kBlock, n - b);
    known_bits(x + b, len, known + b / 64);
    for (size_t k = 0; k < m; ++k) compare_constant(ops[k], x + b, c[k], len, pass[k] + b / 64);
  }
}

void compare_columns(expr::CompareOp op, const double* x, const double* y, size_t n, Word* pass, Word* known) {
  compare<false>(op, x, y, 0.0, n, pass);
  ordered<false>(x, y, n, known);
}

void truth_of_values(const double* v, size_t n, Word* t, Word* f) {
  for (size_t w = 0; w < words(n); ++w) {
    Word tw = 0, fw = 0;
    const size_t end = std::min<size_t>(64, n - 64 * w);
    for (size_t j = 0; j < end; ++j) {
      double x = v[64 * w + j];
      tw |= static_cast<Word>((x == x) & (x != 0)) << j;
      fw |= static_cast<Word>(x == 0) << j;
    }
    t[w] = tw;
    f[w] = fw;
  }
}

void truth_bytes(const Word* t, const Word* f, size_t n, unsigned char* out) {
  for (size_t i = 0; i < n; ++i) {
    unsigned tb = (t[i / 64] >> (i % 64)) & 1, fb = (f[i / 64] >> (i % 64)) & 1;
    out[i] = static_cast<unsigned char>(1 + tb - fb);
  }
}

void classify(const Word* const* t, const Word* const* f, size_t m, int rest, size_t n, Word* take, int* cls) {
  const size_t rules = m;
  for (size_t w = 0; w < words(n); ++w) {
    Word pending = ~Word{0}, unknown = 0;
    for (size_t r = 0; r < rules; ++r) {
      take[r] = pending & t[r][w];
      unknown |= pending & ~t[r][w] & ~f[r][w];
      pending &= f[r][w];
    }
    const size_t count = std::min<size_t>(64, n - 64 * w);
#if LOTRINH_HAVE_AVX2_PATH
    if (count == 64 && have_avx2()) {
      classify_word_avx2(take, rules, unknown, rest, cls + 64 * w);
      continue;
    }
#endif
    classify_word(take, rules, unknown, rest, cls + 64 * w, count);
  }
}

}  // namespace lotrinh::rules::kernels
