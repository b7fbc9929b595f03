// libFuzzer target: an expression is compiled against a small symbol table and, when it
// compiles, evaluated on ordinary, zero, missing (NaN) and extreme values, one by one and by
// columns.
#include <cmath>
#include <limits>
#include <vector>

#include "expr/compiled_expr.h"
#include "expr/lint.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lotrinh;
  if (size > 4096) return 0;  // rule expressions are one line; longer inputs only slow the search
  static const expr::SymbolTable symbols = [] {
    expr::SymbolTable s;
    for (const char* name : {"a", "b", "x", "poverty_rate", "households", "flag", "year", "_x1"}) s.add(name);
    return s;
  }();
  std::string text(fuzz::as_text(data, size));
  (void)expr::shape_of(text);
  (void)expr::reserved_name(text);
  auto file = diag::SourceFile::from_text("fuzz.toml", "when = \"" + text + "\"");
  std::vector<diag::Diagnostic> problems;
  auto compiled = expr::CompiledExpr::compile(text, symbols, diag::SourceLoc{file, 1, 9}, true, problems);
  if (!compiled) {
    if (problems.empty()) __builtin_trap();  // a refusal must say why
    (void)diag::format(problems);
    return 0;
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double big = std::numeric_limits<double>::max();
  const size_t n = static_cast<size_t>(symbols.size());
  std::vector<std::vector<double>> rows = {std::vector<double>(n, 0.0), std::vector<double>(n, 1.5),
                                           std::vector<double>(n, -3.0), std::vector<double>(n, nan),
                                           std::vector<double>(n, big), std::vector<double>(n, 1e-310)};
  expr::Evaluator evaluator(*compiled);
  for (const auto& row : rows) (void)evaluator.eval(row.data());
  // By columns: slot s holds rows[r][s] in row r.
  std::vector<std::vector<double>> columns(n, std::vector<double>(rows.size()));
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t s = 0; s < n; ++s) columns[s][r] = rows[r][s];
  std::vector<const double*> column_ptrs(n);
  for (size_t s = 0; s < n; ++s) column_ptrs[s] = columns[s].data();
  std::vector<double> out(rows.size());
  evaluator.eval_columns(column_ptrs, rows.size(), out.data());
  (void)evaluator.nonfinite();
  return 0;
}
