#pragma once
// A table of results (rows of cells under named columns, plus notes), independent of how it is
// printed: render.h turns it into a terminal table, CSV or JSON.
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lotrinh::report {

/// Where text sits in a terminal-table column.
enum class Align { kLeft, kRight };

/// A column: `id` is the stable machine name (CSV header, JSON key); `header` the translated
/// label shown in a terminal table (the id is shown when it is empty).
struct Column {
  std::string id;
  std::string header;
  Align align = Align::kLeft;
};

/// One value: text, a number, or missing (no number and no text). A NaN or infinite number is
/// shown as missing.
struct Cell {
  std::string text;
  std::optional<double> number;
  int decimals = -1;     ///< Decimals shown in a terminal table; -1: the shortest exact form.
  bool percent = false;  ///< `number` is a fraction, shown ×100 with " %" in a terminal table.
  bool year = false;     ///< `number` is a year: never grouped by thousands ("2025", not "2.025").
  /// `number` is an amount in dong: a terminal table shows it in the unit a planner uses
  /// ("1,408.54 billion VND", "1.408,54 tỷ đồng"; see diag::money_text); CSV, JSON and xlsx carry
  /// the dong themselves, machine-readable.
  bool money = false;
  /// Words after the number in a terminal table and in an xlsx number format ("điểm %/năm",
  /// "pp/year"); with `percent`, in place of " %" (the number still shown ×100). CSV and JSON
  /// carry the number alone.
  std::string unit;

  /// True when the cell holds neither a finite number nor text.
  bool is_missing() const;
};

/// A text cell.
Cell text(std::string s);
/// A number cell shown with `decimals` decimals in a table (-1: shortest exact form).
Cell number(double v, int decimals = -1);
/// A number cell, or a missing one when `v` is empty.
Cell number(std::optional<double> v, int decimals = -1);
/// A fraction shown in a table as a percentage ("18.70 %" for 0.187 with 2 decimals); CSV and
/// JSON carry the fraction itself.
Cell percent(double fraction, int decimals = -1);
/// A percent cell, or a missing one when `fraction` is empty.
Cell percent(std::optional<double> fraction, int decimals = -1);
/// A year ("2025" in every language; a number in CSV, JSON and xlsx).
Cell year(int y);
/// An amount in dong (see Cell::money).
Cell money(double dong);
/// A money cell, or a missing one when `dong` is empty.
Cell money(std::optional<double> dong);
/// A missing value ("-" in a table, an empty CSV field, JSON null).
Cell missing();

/// A titled table plus notes (printed under a terminal table; "notes" in JSON; not in CSV).
struct ResultTable {
  std::string title;  ///< May be empty.
  /// A short stable name ("fan", "gaps-vn.qd-33-2020-region"): with several tables, the end of
  /// the CSV file name of each table after the first (see csv_files.h). May be empty.
  std::string name;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  ///< Each row has one cell per column.
  std::vector<std::string> notes;

  /// Rows made on demand after `rows`, for a table too big to hold as cells (classify of a
  /// million units): `made_rows` of them, the i-th written into its argument by `make_row(i,
  /// cells)`. The renderers read both; anything else reads `rows` (see materialize).
  size_t made_rows = 0;
  std::function<void(size_t, std::vector<Cell>&)> make_row;

  /// Appends a row. Requires: one cell per column (a short row is padded with missing cells).
  void add_row(std::vector<Cell> cells);
  /// Number of rows, stored and made.
  size_t row_count() const { return rows.size() + made_rows; }
  /// Calls f(row) for every row in order; a made row lives until f returns.
  void for_each_row(const std::function<void(const std::vector<Cell>&)>& f) const;
  /// Makes the made rows and stores them in `rows`.
  void materialize();
};

}  // namespace lotrinh::report
