// The column-wise path (eval_columns over blocks of rows, from muParser's translated bytecode)
// against muParser's own row-by-row Eval (Evaluator::eval) on the same inputs: every operator,
// `?:`, each numeric function, constants, missing values (NaN), infinities, signed zeros,
// denormals and the boundaries of comparisons, bit for bit, with the same count of results made
// non-finite.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "expr/compiled_expr.h"

using namespace lotrinh;
using namespace lotrinh::expr;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

SymbolTable xyz() {
  SymbolTable s;
  s.add("x");
  s.add("y");
  s.add("z");
  return s;
}

CompiledExpr compiled(const std::string& text) {
  std::vector<diag::Diagnostic> out;
  auto c = CompiledExpr::compile(text, xyz(), {}, true, out);
  INFO(text);
  REQUIRE(c);
  return std::move(*c);
}

// Every value each of x, y, z takes: 17 values, so 4913 rows (not a whole number of blocks).
const std::vector<double>& values() {
  static const std::vector<double> v = {kNaN, -kInf, kInf, 0.0, -0.0, 1.0, -1.0, 0.35, 0.5, 2.0, 3.7, -2.5,
                                        1000.0, 1e-310, 1e308, -1e308, 0.1};
  return v;
}

// eval() leaves nonfinite() as it was when a value read is missing (it returns NaN at once).
size_t made_nonfinite(const Evaluator& ev, const CompiledExpr& c, const double* v) {
  for (int s : c.slots())
    if (std::isnan(v[s])) return 0;
  return ev.nonfinite();
}

bool same(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::memcmp(&a, &b, sizeof a) == 0;  // -0 and +0 differ
}

struct Grid {
  std::vector<double> x, y, z;
};

Grid grid() {
  Grid g;
  for (double a : values())
    for (double b : values())
      for (double c : values()) {
        g.x.push_back(a);
        g.y.push_back(b);
        g.z.push_back(c);
      }
  return g;
}

// Compares eval_columns with eval() row by row; `y_scalar` passes y as one value for all rows.
void check_against_muparser(const std::string& text, bool require_column_wise = true) {
  INFO(text);
  CompiledExpr c = compiled(text);
  Evaluator fast(c), reference(c);
  if (require_column_wise) REQUIRE(fast.column_wise());
  const Grid g = grid();
  const size_t n = g.x.size();
  std::vector<double> out(n);
  const double* cols[] = {g.x.data(), g.y.data(), g.z.data()};
  fast.eval_columns(cols, n, out.data());
  size_t ref_nonfinite = 0;
  size_t mismatches = 0;
  for (size_t r = 0; r < n; ++r) {
    const double v[] = {g.x[r], g.y[r], g.z[r]};
    const double want = reference.eval(v);
    ref_nonfinite += made_nonfinite(reference, c, v);
    if (!same(out[r], want) && mismatches++ < 5) {
      INFO("x = " << g.x[r] << ", y = " << g.y[r] << ", z = " << g.z[r] << ": column-wise " << out[r] << ", muParser " << want);
      CHECK(same(out[r], want));
    }
  }
  CHECK(mismatches == 0);
  CHECK(fast.nonfinite() == ref_nonfinite);
  // y as a scalar (a parameter): every value of y over the same x, z.
  for (double yv : values()) {
    std::vector<double> xs, zs;
    for (double a : values())
      for (double b : values()) {
        xs.push_back(a);
        zs.push_back(b);
      }
    const size_t m = xs.size();
    const double* scols[] = {xs.data(), &yv, zs.data()};
    const unsigned char scalar[] = {0, 1, 0};
    std::vector<double> sout(m);
    fast.eval_columns(scols, scalar, m, sout.data());
    size_t bad = 0, nf = 0;
    for (size_t r = 0; r < m; ++r) {
      const double v[] = {xs[r], yv, zs[r]};
      const double want = reference.eval(v);
      nf += made_nonfinite(reference, c, v);
      bad += !same(sout[r], want);
    }
    INFO("y = " << yv << " as a scalar");
    CHECK(bad == 0);
    CHECK(fast.nonfinite() == nf);
  }
}

}  // namespace

TEST_CASE("column-wise arithmetic gives muParser's results bit for bit, signed zeros, infinities and NaN included", "[expr]") {
  for (const char* text : {"x + y", "x - y", "x * y", "x / y", "x ^ y", "x^2", "x^3", "x^4", "-x", "-x * y", "2 * x",
                           "x * 2 + 3", "3 - x * 2", "x + 1 - y", "(x + 1) * (y - 2)", "x / 0", "0 / x", "x * 1e308",
                           "x * y + x * z - y / z", "((x))", "(x + y) / (x - y)", "x * 0.5 + y * 0.5 + z", "2 ^ x",
                           "-(x - y) ^ 2", "x - -y", "1 + 2 * 3 + x", "x * (2 * 3)", "x + y * 2 + y * 3"})
    check_against_muparser(text);
}

TEST_CASE("column-wise comparisons and logical operators give muParser's 1 and 0, at the boundaries too", "[expr]") {
  for (const char* text : {"x < y", "x <= y", "x > y", "x >= y", "x == y", "x != y", "x < 0.35", "x >= 0.35",
                           "0.5 > x", "x == 0", "x && y", "x || y", "x > 0 && y > 0", "x < 0 || y < 0 || z < 0",
                           "x != 0 && 1 / x > 2", "(x < y) + (y < z)", "x > 0 && y > 0 || z > 0", "0.5 || x"})
    check_against_muparser(text);
}

TEST_CASE("column-wise if-then-else counts non-finite values only on the side each row takes", "[expr]") {
  for (const char* text : {"x > 0 ? y : z", "x ? 1 / y : z", "x > 0 ? 1 / x : -1 / x", "x > 0 ? (y > 0 ? 1 / y : z) : (z < 0 ? sqrt(z) : log(z))",
                           "(x > 0 ? y : z) * 2", "x > 0 ? y : z > 0 ? z : 0", "1 + (x < 1 ? 0 : x / y) + (y < 1 ? 0 : y / z)",
                           "x ? y : z ? 1 : 0", "(x ? log(y) : sqrt(z)) > 1 ? 2 : 3", "x < 0.35 ? 0 : 1"})
    check_against_muparser(text);
}

TEST_CASE("column-wise functions call muParser's own, with muParser's results for every input", "[expr]") {
  for (const char* text : {"exp(x)", "log(x)", "ln(x)", "log10(x)", "log2(x)", "sqrt(x)", "abs(x)", "sign(x)", "rint(x)",
                           "sin(x)", "cos(x)", "tan(x)", "asin(x)", "acos(x)", "atan(x)", "sinh(x)", "cosh(x)", "tanh(x)",
                           "asinh(x)", "acosh(x)", "atanh(x)", "min(x, y)", "max(x, y, z)", "sum(x, y, z)", "avg(x, y)",
                           "min(0.9, x * y)", "max(0, x - y)", "1 - exp(-x / y)", "_pi * x", "_e + x", "exp(1) + x",
                           "min(x, max(y, z), 1)", "sqrt(abs(x)) * y"})
    check_against_muparser(text);
}

TEST_CASE("the default model's expressions evaluate column-wise as muParser evaluates them", "[expr]") {
  for (const char* text : {"x * (1 - y) + z * x + 0.05 * (y - x)", "min(0.9, (0.06 + 0.06 * x + 0.04 * y) * (1 - 0.3 * z) * exp(y))",
                           "max(0, 0.05 - 0.02 * x + 0.15 * y + 0.08 * z)", "x / (x + 1)", "x + (1 - x) * 0.3 * y"})
    check_against_muparser(text);
}

TEST_CASE("an expression the column-wise path does not cover is evaluated by muParser with the same results", "[expr]") {
  // `?:` nested deeper than the column-wise path translates.
  std::string text = "0";
  for (int i = 0; i < 70; ++i) text = "x > " + std::to_string(i) + " ? (" + text + ") : y";
  CompiledExpr c = compiled(text);
  CHECK_FALSE(Evaluator(c).column_wise());
  check_against_muparser(text, false);
  CHECK(Evaluator(compiled("x > 0 ? y : z")).column_wise());
}
