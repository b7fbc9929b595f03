#include "report/result_table.h"

#include <cassert>
#include <cmath>
#include <utility>

namespace lotrinh::report {

bool Cell::is_missing() const {
  if (number) return !std::isfinite(*number);
  return text.empty();
}

Cell text(std::string s) { return Cell{std::move(s), std::nullopt, -1, false}; }

Cell number(double v, int decimals) { return Cell{{}, v, decimals, false}; }

Cell number(std::optional<double> v, int decimals) { return v ? number(*v, decimals) : missing(); }

Cell percent(double fraction, int decimals) { return Cell{{}, fraction, decimals, true}; }

Cell percent(std::optional<double> fraction, int decimals) {
  return fraction ? percent(*fraction, decimals) : missing();
}

Cell year(int y) { return Cell{{}, static_cast<double>(y), 0, false, true}; }

Cell missing() { return Cell{}; }

void ResultTable::add_row(std::vector<Cell> cells) {
  assert(cells.size() == columns.size());
  cells.resize(columns.size());
  rows.push_back(std::move(cells));
}

}  // namespace lotrinh::report
