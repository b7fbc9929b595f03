#pragma once
// A CSV table whose columns are looked up by header name: the shared first step of the
// loaders of units-side tables (twinning, agencies, districts, borders, centres).
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "data/csv_table_reader.h"
#include "diag/diagnostic.h"

namespace lotrinh::data {

/// Rows of a headed CSV (blank rows dropped, ragged rows reported and dropped) and the index of
/// each required column.
struct HeadedCsv {
  std::shared_ptr<const diag::SourceFile> file;
  std::vector<CsvRecord> rows;
  std::map<std::string, size_t> columns;

  /// The cell of column `name` in `row`, without surrounding spaces and tabs.
  std::string cell(const CsvRecord& row, const std::string& name) const;
  /// Where that cell starts.
  diag::SourceLoc loc(const CsvRecord& row, const std::string& name) const;
};

/// The caller's message ids: a missing column ({0}: its name) and the hint listing the
/// required columns ({0}: "a,b,c").
struct HeaderMessages {
  const char* missing_column;
  const char* columns_hint;
};

/// Parses `text` (RFC 4180) and checks that the header names every column of `required`.
/// Problems go to `sink`; when a column is missing, no rows are returned.
HeadedCsv read_headed_csv(const std::string& path, std::string_view text, std::initializer_list<const char*> required,
                          HeaderMessages messages, diag::DiagnosticSink& sink);

/// `s` without leading and trailing spaces and tabs.
std::string trim_cell(std::string_view s);

}  // namespace lotrinh::data
