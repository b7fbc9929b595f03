#include "report/result_table.h"

#include <cassert>
#include <cmath>
#include <utility>

namespace lotrinh::report {

bool Cell::is_missing() const {
  if (number) return !std::isfinite(*number);
  return text.empty();
}

Cell text(std::string s) {
  Cell c;
  c.text = std::move(s);
  return c;
}

Cell number(double v, int decimals) {
  Cell c;
  c.number = v;
  c.decimals = decimals;
  return c;
}

Cell number(std::optional<double> v, int decimals) { return v ? number(*v, decimals) : missing(); }

Cell percent(double fraction, int decimals) {
  Cell c = number(fraction, decimals);
  c.percent = true;
  return c;
}

Cell percent(std::optional<double> fraction, int decimals) {
  return fraction ? percent(*fraction, decimals) : missing();
}

Cell year(int y) {
  Cell c = number(static_cast<double>(y), 0);
  c.year = true;
  return c;
}

Cell money(double dong) {
  Cell c = number(dong);
  c.money = true;
  return c;
}

Cell money(std::optional<double> dong) { return dong ? money(*dong) : missing(); }

Cell missing() { return Cell{}; }

void ResultTable::add_row(std::vector<Cell> cells) {
  assert(cells.size() == columns.size());
  cells.resize(columns.size());
  rows.push_back(std::move(cells));
}

void ResultTable::for_each_row(const std::function<void(const std::vector<Cell>&)>& f) const {
  for (const auto& row : rows) f(row);
  std::vector<Cell> made;
  for (size_t i = 0; i < made_rows; ++i) {
    made.assign(columns.size(), Cell{});
    make_row(i, made);
    f(made);
  }
}

void ResultTable::materialize() {
  rows.reserve(rows.size() + made_rows);
  for (size_t i = 0; i < made_rows; ++i) {
    std::vector<Cell> made(columns.size());
    make_row(i, made);
    rows.push_back(std::move(made));
  }
  made_rows = 0;
  make_row = nullptr;
}

}  // namespace lotrinh::report
