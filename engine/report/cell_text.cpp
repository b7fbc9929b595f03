#include "report/cell_text.h"

#include <fmt/format.h>

#include "diag/number_style.h"

#include <cmath>

namespace lotrinh::report {
namespace {

// "-0.00" and "-0" (a tiny negative rounded away) read as a sign error; print them unsigned.
std::string drop_negative_zero(std::string s) {
  if (!s.empty() && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

// v as a percentage with shortest digits: 0.07 * 100 is 7.000000000000001 in binary, so round
// to 10 decimals first (exact while |v| < 9e5 %, far beyond any rate).
std::string shortest_percent(double fraction) {
  double v = fraction * 100;
  if (std::fabs(v) < 9e5) v = std::round(v * 1e10) / 1e10;
  return shortest_number(v);
}

}  // namespace

std::string shortest_number(double v) {
  if (v == 0) v = 0;  // turns -0 into +0
  return fmt::format("{}", v);
}

std::string table_text(const Cell& cell) {
  if (cell.is_missing()) return "-";
  if (!cell.number) return cell.text;
  double v = *cell.number;
  if (cell.percent) {
    std::string digits = cell.decimals >= 0 ? fmt::format("{:.{}f}", v * 100, cell.decimals)
                                            : shortest_percent(v);
    return diag::local_number(drop_negative_zero(digits)) + " " + (cell.unit.empty() ? "%" : cell.unit);
  }
  if (cell.money) return diag::money_text(v);
  if (cell.year) return diag::local_number(fmt::format("{:.0f}", v), diag::NumberKind::kYear);
  const std::string unit = cell.unit.empty() ? "" : " " + cell.unit;
  if (cell.decimals >= 0) return diag::local_number(drop_negative_zero(fmt::format("{:.{}f}", v, cell.decimals))) + unit;
  return diag::local_number(shortest_number(v)) + unit;
}

}  // namespace lotrinh::report
