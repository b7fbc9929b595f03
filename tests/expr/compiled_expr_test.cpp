#include "expr/compiled_expr.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace lotrinh;
using namespace lotrinh::expr;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

SymbolTable xyz() {
  SymbolTable s;
  s.add("x");
  s.add("y");
  s.add("z");
  return s;
}

CompiledExpr compiled(const std::string& text, const SymbolTable& symbols = xyz()) {
  std::vector<diag::Diagnostic> out;
  auto c = CompiledExpr::compile(text, symbols, {}, true, out);
  INFO(diag::format(out));
  REQUIRE(c);
  REQUIRE(out.empty());
  return std::move(*c);
}

double eval(const std::string& text, double x = 0, double y = 0, double z = 0) {
  const double v[] = {x, y, z};
  auto c = compiled(text);
  return Evaluator(c).eval(v);
}

}  // namespace

TEST_CASE("a symbol table gives each new name the next slot and keeps old ones", "[expr]") {
  SymbolTable s;
  CHECK(s.add("a") == 0);
  CHECK(s.add("b") == 1);
  CHECK(s.add("a") == 0);
  CHECK(s.size() == 2);
  CHECK(s.find("b") == std::optional<int>(1));
  CHECK_FALSE(s.find("c"));
  CHECK(s.names() == std::vector<std::string>{"a", "b"});
}

TEST_CASE("an expression evaluates with the values of the slots it reads", "[expr]") {
  CHECK(eval("x * 2 + y", 3, 4) == 10);
  CHECK(eval("x > 1 ? y : z", 2, 5, 7) == 5);
  CHECK(eval("max(x, y, z) - min(x, y)", 1, 2, 9) == 8);
  CHECK(eval("_pi") == Approx(3.14159265358979));
}

TEST_CASE("slots lists the slots read in ascending order without duplicates", "[expr]") {
  CHECK(compiled("z + x * z - x").slots() == std::vector<int>{0, 2});
  CHECK(compiled("1 + 2").slots().empty());
  CHECK(compiled("  y < 3 ").text() == "  y < 3 ");
}

TEST_CASE("a NaN slot makes the result NaN even where muParser would take it as true", "[expr]") {
  CHECK(std::isnan(eval("x && 1", kNaN)));
  CHECK(std::isnan(eval("x || 0", kNaN)));
  CHECK(std::isnan(eval("x ? 2 : 3", kNaN)));
  CHECK(std::isnan(eval("y > 0 || x > 0", kNaN, 1)));
  CHECK(std::isnan(eval("x < 1", kNaN)));
  CHECK(eval("x < 1", 0.5, kNaN) == 1);  // y is not read
}

TEST_CASE("NaN from the arithmetic stays NaN through comparisons and logical operators", "[expr]") {
  CHECK(std::isnan(eval("x / x", 0)));
  CHECK(std::isnan(eval("x / x > 1", 0)));
  CHECK(std::isnan(eval("x / x && 1", 0)));
}

TEST_CASE("logical operators give 1 for any non-zero operand even with constants", "[expr]") {
  CHECK(eval("0.5 || 0") == 1);
  CHECK(eval("(0.5 + 0) || 0") == 1);
  CHECK(eval("0.25 && 0.5") == 1);
  CHECK(eval("x || 0", 0.5) == 1);
  CHECK(eval("x && 0.5", 0.5) == 1);
  CHECK(eval("0 && 1") == 0);
  CHECK(eval("0 || 0") == 0);
  CHECK(eval("x && y", 2, 0) == 0);
}

TEST_CASE("a constant condition of the conditional operator is true when non-zero", "[expr]") {
  CHECK(eval("0.5 ? 1 : 2") == 1);
  CHECK(eval("0 ? 1 : 2") == 2);
}

TEST_CASE("logical operators do not short-circuit, so a division by zero on either side is unknown", "[expr]") {
  CHECK(std::isnan(eval("x != 0 && 1 / x > 2", 0)));
  CHECK(eval("x != 0 && 1 / x > 2", 0.25) == 1);
  CHECK(std::isnan(eval("x == 0 || 1 / x > 2", 0)));
  CHECK(std::isnan(eval("1 / x", 0)));
}

TEST_CASE("the conditional operator evaluates only the branch taken, so it guards a divisor", "[expr]") {
  CHECK(eval("x != 0 ? 1 / x > 2 : 0", 0) == 0);
  CHECK(eval("x != 0 ? 1 / x > 2 : 0", 0.25) == 1);
}

TEST_CASE("a non-finite value made anywhere in the arithmetic makes the result NaN and is counted", "[expr]") {
  const double v[] = {0.3, 0, 2};
  for (const char* text : {"x / y >= 0.2", "x / 0 >= 0.2", "sqrt(-1) < 0.2", "sqrt(x - 1) < 0.2", "log(y) < 5",
                           "1 / (x / y) < 2", "1 / exp(1000) < 2", "min(x / y, 2) > 0", "x > 0.1 && z / y > 1",
                           "(x / y) * 0 == 0", "y / y == 1", "x / y", "x < 1 ? 1 / y : 0"}) {
    INFO(text);
    auto c = compiled(text);
    Evaluator ev(c);
    CHECK(std::isnan(ev.eval(v)));
    CHECK(ev.nonfinite() == 1);
  }
  // Finite arithmetic is unchanged, and a missing input is not counted as non-finite.
  auto c = compiled("x / z >= 0.15 && sqrt(z) > 1");
  Evaluator ev(c);
  CHECK(ev.eval(v) == 1);
  CHECK(ev.nonfinite() == 0);
  const double missing[] = {kNaN, 0, 2};
  CHECK(std::isnan(ev.eval(missing)));
  CHECK(ev.nonfinite() == 0);
}

TEST_CASE("eval_columns counts the rows whose arithmetic made a non-finite value", "[expr]") {
  auto c = compiled("x / y >= 0.2");
  Evaluator ev(c);
  const double x[] = {1, 1, kNaN, 0};
  const double y[] = {2, 0, 1, 0};
  const double* cols[] = {x, y, nullptr};
  double out[4];
  ev.eval_columns(cols, 4, out);
  CHECK(out[0] == 1);
  CHECK(std::isnan(out[1]));
  CHECK(std::isnan(out[2]));
  CHECK(std::isnan(out[3]));
  CHECK(ev.nonfinite() == 2);  // 1/0 and 0/0; row 2 is missing, not non-finite
}

TEST_CASE("comparisons are exact", "[expr]") {
  CHECK(eval("x == 0.1", 0.1) == 1);
  CHECK(eval("x == 0.1", 0.1 + 1e-12) == 0);
  CHECK(eval("x <= 0.1", 0.1) == 1);
  CHECK(eval("x < 0.1", std::nextafter(0.1, 0.0)) == 1);
}

TEST_CASE("eval_columns evaluates row by row and gives NaN for rows with a missing value", "[expr]") {
  auto c = compiled("x > 0.5 && z < 10");
  const double x[] = {0.6, 0.4, kNaN, 0.9, 0.7};
  const double z[] = {1, 1, 1, 20, kNaN};
  std::vector<const double*> columns{x, nullptr, z};
  double out[5];
  Evaluator(c).eval_columns(columns, 5, out);
  CHECK(out[0] == 1);
  CHECK(out[1] == 0);
  CHECK(std::isnan(out[2]));
  CHECK(out[3] == 0);
  CHECK(std::isnan(out[4]));
}

TEST_CASE("eval_columns agrees with eval row by row", "[expr]") {
  auto c = compiled("x * y - z / 2");
  std::vector<double> x, y, z;
  for (int i = 0; i < 50; ++i) {
    x.push_back(i * 0.3 - 4);
    y.push_back(std::sin(i));
    z.push_back(i % 7);
  }
  std::vector<double> out(50);
  Evaluator ev(c);
  ev.eval_columns({x.data(), y.data(), z.data()}, 50, out.data());
  for (int i = 0; i < 50; ++i) {
    const double v[] = {x[i], y[i], z[i]};
    CHECK(out[i] == ev.eval(v));
  }
}

TEST_CASE("a moved evaluator still evaluates with its bound slots", "[expr]") {
  std::vector<CompiledExpr> exprs;
  for (int i = 0; i < 20; ++i) exprs.push_back(compiled("x + " + std::to_string(i)));
  std::vector<Evaluator> list;
  for (const auto& e : exprs) list.emplace_back(e);
  const double v[] = {100, 0, 0};
  for (int i = 0; i < 20; ++i) CHECK(list[i].eval(v) == 100 + i);
  Evaluator moved = std::move(list[3]);
  list[3] = std::move(list[4]);
  CHECK(moved.eval(v) == 103);
  CHECK(list[3].eval(v) == 104);
}

TEST_CASE("two evaluators of one expression keep their own values", "[expr]") {
  auto c = compiled("x * 10 + y");
  Evaluator a(c), b(c);
  const double va[] = {1, 2, 0}, vb[] = {3, 4, 0};
  CHECK(a.eval(va) == 12);
  CHECK(b.eval(vb) == 34);
  CHECK(a.eval(va) == 12);
}

TEST_CASE("a name that is a function name can still be a symbol", "[expr]") {
  SymbolTable s;
  s.add("min");
  std::vector<diag::Diagnostic> out;
  auto c = CompiledExpr::compile("min + min(2, 3)", s, {}, true, out);
  REQUIRE(c);
  const double v[] = {10};
  CHECK(Evaluator(*c).eval(v) == 12);
}
