#pragma once
// Reading commune tables from CSV (RFC 4180, or a Vietnamese Excel export).
#include <string>
#include <string_view>
#include <vector>

#include "data/catalogue.h"
#include "data/commune_table.h"

namespace lotrinh::data {

/// The CSV flavour. kRfc4180: ',' between fields, '.' decimal point. kExcelVi: ';' between
/// fields, ',' decimal point (what Excel writes on a Vietnamese-locale machine).
enum class CsvDialect { kRfc4180, kExcelVi };

/// One parsed CSV record: its cells and where each starts (1-based line and column).
struct CsvRecord {
  std::vector<std::string> cells;
  std::vector<int> line, column;
};

/// Splits CSV text into records (quotes, doubled quotes, newlines inside quotes, CRLF).
/// Throws InputError for an unterminated quote.
std::vector<CsvRecord> parse_csv(const std::string& path, std::string_view text, CsvDialect dialect);

/// Reads a commune table: header `commune` (or `unit`), `year`, optional `name` and
/// `district`, then indicator ids known to `catalogue`. Every problem (ragged rows, non-numeric
/// cells, a decimal comma in an RFC 4180 table, duplicated (commune, year), unknown columns,
/// values outside the catalogue's range) is collected and thrown together as InputError with
/// the row and column.
CommuneTable parse_commune_table(const std::string& path, std::string_view text,
                                 const Catalogue& catalogue, CsvDialect dialect);
/// Reads `path` (diag::read_file: size limit, UTF-8, NUL and UTF-16 checks) and parses it as
/// above. Records are split one at a time, cells read in place; the text the reader has passed
/// is given back to the system as it goes, so a big table is never held both as text and as
/// columns (a 1,000,000-row table of 25 indicators: about 2.7x the file's size at most).
CommuneTable read_commune_table(const std::string& path, const Catalogue& catalogue, CsvDialect dialect);

}  // namespace lotrinh::data
