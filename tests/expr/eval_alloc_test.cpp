// Counts heap allocations (this file replaces the global operator new for the whole test binary)
// to check that evaluation neither allocates nor reparses.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <new>

#include "expr/compiled_expr.h"

namespace {
long g_allocations = 0;
}  // namespace

void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
// Every form of new and delete is replaced together, so that memory from one is always freed
// by its pair (AddressSanitizer checks that).
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  ++g_allocations;
  return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return operator new(n, std::nothrow); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

using namespace lotrinh;
using namespace lotrinh::expr;

TEST_CASE("eval and eval_columns do not allocate", "[expr]") {
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
      col_b[i] = 5 - i;
    }
    const std::vector<const double*> columns{col_a.data(), col_b.data()};
    const long before = g_allocations;
    double sum = 0;
    for (int i = 0; i < 100; ++i) {
      const double v[] = {col_a[i], col_b[i]};
      sum += c->eval(v);
    }
    c->eval_columns(columns, 100, results.data());
    const long allocations = g_allocations - before;
    INFO(text);
    CHECK(allocations == 0);
    CHECK(sum > 0);
  }
  CHECK(g_allocations > 0);  // the counter works: compiling allocated
}
