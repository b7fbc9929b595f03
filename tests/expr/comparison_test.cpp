#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "expr/compiled_expr.h"

using namespace lotrinh;
using namespace lotrinh::expr;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

SymbolTable symbols() {
  SymbolTable s;
  s.add("x");
  s.add("y");
  return s;
}

CompiledExpr compiled(const std::string& text) {
  std::vector<diag::Diagnostic> out;
  auto c = CompiledExpr::compile(text, symbols(), {}, true, out);
  INFO(diag::format(out));
  REQUIRE(c);
  return std::move(*c);
}

std::optional<Comparison> comparison_of(const std::string& text) { return compiled(text).comparison(); }

// The native value of the fast path for slot values x, y.
double native(const Comparison& c, double x, double y) {
  const double v[] = {x, y};
  return compare(c.op, v[c.lhs_slot], c.rhs_slot < 0 ? c.rhs_constant : v[c.rhs_slot]);
}

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

}  // namespace

TEST_CASE("compare gives 1 or 0 and NaN when either side is NaN", "[expr]") {
  CHECK(compare(CompareOp::kLt, 1, 2) == 1);
  CHECK(compare(CompareOp::kLe, 2, 2) == 1);
  CHECK(compare(CompareOp::kGt, 1, 2) == 0);
  CHECK(compare(CompareOp::kGe, 2, 2) == 1);
  CHECK(compare(CompareOp::kEq, 2, 2) == 1);
  CHECK(compare(CompareOp::kNe, 2, 2) == 0);
  CHECK(std::isnan(compare(CompareOp::kNe, kNaN, 2)));
  CHECK(std::isnan(compare(CompareOp::kEq, 2, kNaN)));
}

TEST_CASE("a name compared with a number is recognised with the number on the right", "[expr]") {
  auto c = comparison_of("x < 0.5");
  REQUIRE(c);
  CHECK(c->lhs_slot == 0);
  CHECK(c->op == CompareOp::kLt);
  CHECK(c->rhs_slot == -1);
  CHECK(c->rhs_constant == 0.5);

  c = comparison_of(" ( -2.5e-1 <= y ) ");
  REQUIRE(c);
  CHECK(c->lhs_slot == 1);
  CHECK(c->op == CompareOp::kGe);
  CHECK(c->rhs_constant == -0.25);

  c = comparison_of("3 > x");
  REQUIRE(c);
  CHECK(c->op == CompareOp::kLt);
  CHECK(c->rhs_constant == 3);
  CHECK(comparison_of("1 == x")->op == CompareOp::kEq);
  CHECK(comparison_of("1 != x")->op == CompareOp::kNe);
  CHECK(comparison_of("1 >= x")->op == CompareOp::kLe);
  CHECK(comparison_of("x > .5")->rhs_constant == 0.5);
  CHECK(comparison_of("x > 5.")->rhs_constant == 5);
}

TEST_CASE("a name compared with a name is recognised", "[expr]") {
  auto c = comparison_of("y >= x");
  REQUIRE(c);
  CHECK(c->lhs_slot == 1);
  CHECK(c->op == CompareOp::kGe);
  CHECK(c->rhs_slot == 0);
}

TEST_CASE("anything but one comparison of a name has no fast path", "[expr]") {
  CHECK_FALSE(comparison_of("x"));
  CHECK_FALSE(comparison_of("1 < 2"));
  CHECK_FALSE(comparison_of("x + 1 < 2"));
  CHECK_FALSE(comparison_of("-x < 2"));
  CHECK_FALSE(comparison_of("x < 2 && y > 1"));
  CHECK_FALSE(comparison_of("(x < 2) && (y > 1)"));
  CHECK_FALSE(comparison_of("((x < 2))"));
  CHECK_FALSE(comparison_of("x < _pi"));
  CHECK_FALSE(comparison_of("x < 2 ? 1 : 0"));
}

TEST_CASE("the fast path agrees with muParser at and around every threshold", "[expr]") {
  const std::vector<std::string> texts = {
      "x < 0.1", "x <= 0.1", "x > 0.1", "x >= 0.1", "x == 0.1", "x != 0.1", "0.1 < x", "0.1 >= x",
      "x < -2.5", "(x >= 3e-2)", "-0.7 == x", "x > .3", "x <= 5.", "x == 0", "x < 1", "1e3 <= x"};
  for (const auto& text : texts) {
    auto c = compiled(text);
    REQUIRE(c.comparison());
    Evaluator ev(c);
    const double t = c.comparison()->rhs_constant;
    for (double x : {t, t - 1e-12, t + 1e-12, std::nextafter(t, -1e9), std::nextafter(t, 1e9), 0.0, -0.0, 1.0,
                     -1.0, -t, 1e300, -1e300, kNaN}) {
      const double v[] = {x, 0};
      INFO(text << " with x = " << x);
      CHECK(same(native(*c.comparison(), x, 0), ev.eval(v)));
    }
  }
}

TEST_CASE("the fast path of two names agrees with muParser on a grid", "[expr]") {
  const std::vector<double> grid = {0.3, 0.3 + 1e-12, 0.3 - 1e-12, 0, -0.0, 1, -1, 1e-300, kNaN};
  for (const std::string text : {"x < y", "x <= y", "x > y", "x >= y", "x == y", "x != y", "(y < x)"}) {
    auto c = compiled(text);
    REQUIRE(c.comparison());
    Evaluator ev(c);
    for (double x : grid)
      for (double y : grid) {
        const double v[] = {x, y};
        INFO(text << " with x = " << x << ", y = " << y);
        CHECK(same(native(*c.comparison(), x, y), ev.eval(v)));
      }
  }
}
