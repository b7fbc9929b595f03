#pragma once
// A commune table: rows by (commune, year), one column of doubles per indicator.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "diag/source_file.h"

namespace lotrinh::data {

/// Rows are (unit, year) pairs in file order; columns are indicator ids. Missing = NaN.
/// Text columns (`name`, `district`) are kept as strings.
class CommuneTable {
 public:
  std::string path;
  /// The level of the rows, from the header's first column: "commune" or "village"; empty
  /// for a table keyed by `unit` (any level).
  std::string level;
  std::vector<std::string> unit;      ///< Unit key (slug) per row.
  std::vector<int> year;              ///< Year the row describes.
  std::vector<std::string> name;      ///< Display name per row ("" if no `name` column).
  std::vector<std::string> district;  ///< District per row ("" if no `district` column).
  std::vector<std::string> columns;   ///< Indicator ids in file order.
  std::map<std::string, std::vector<double>> values;  ///< Indicator id -> one value per row.

  size_t rows() const { return unit.size(); }
  /// The column, or nullptr when the table has no such indicator.
  const std::vector<double>* column(const std::string& id) const;
  /// Row indexes whose year is `y`, in file order.
  std::vector<size_t> rows_in_year(int y) const;
  /// Distinct years, ascending.
  std::vector<int> years() const;
  /// Row of (unit, year), or -1.
  long find_row(const std::string& unit_key, int y) const;
};

}  // namespace lotrinh::data
