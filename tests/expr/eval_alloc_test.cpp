// Counts heap allocations (this file replaces the global operator new for the whole test binary)
// to check that evaluation neither allocates nor reparses.
#include <catch2/catch.hpp>

#include "../common/counting_new.h"
#include "expr/compiled_expr.h"

using namespace lotrinh;
using namespace lotrinh::expr;
using lotrinh::testing::g_allocations;

TEST_CASE("an evaluator's eval and eval_columns do not allocate", "[expr]") {
  SymbolTable s;
  s.add("a");
  s.add("b");
  std::vector<diag::Diagnostic> out;
  for (const char* text : {"a < 0.5", "a * 2 + sqrt(b) > 3 && b != 1 || a == 0", "max(a, b, 3) > 2 ? a : b"}) {
    auto c = CompiledExpr::compile(text, s, {}, true, out);
    REQUIRE(c);
    std::vector<double> col_a(100), col_b(100), results(100);
    for (int i = 0; i < 100; ++i) {
      col_a[i] = i * 0.1;
      col_b[i] = 5 + i;  // sqrt(b) stays finite
    }
    const std::vector<const double*> columns{col_a.data(), col_b.data()};
    Evaluator ev(*c);
    const long before = g_allocations;
    double sum = 0;
    for (int i = 0; i < 100; ++i) {
      const double v[] = {col_a[i], col_b[i]};
      sum += ev.eval(v);
    }
    ev.eval_columns(columns, 100, results.data());
    const long allocations = g_allocations - before;
    INFO(text);
    CHECK(allocations == 0);
    CHECK(sum > 0);
  }
  CHECK(g_allocations > 0);  // the counter works: compiling allocated
}
