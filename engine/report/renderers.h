#pragma once
// The three renderers behind render() (internal to report/; call render() instead).
#include <string>
#include <vector>

#include "report/result_table.h"

namespace lotrinh::report {

/// An aligned terminal table, as render(table, Format::kTable).
std::string render_text_table(const ResultTable& table);
/// RFC 4180 CSV without the notes, as render(table, Format::kCsv).
std::string render_csv(const ResultTable& table);
/// CSV in the excel-vi dialect (';' between fields, ',' decimals), without a byte-order mark.
std::string render_csv_excel(const ResultTable& table);
/// One JSON object, as render(table, Format::kJson).
std::string render_json(const ResultTable& table);
/// A JSON array of table objects, as render(tables, Format::kJson).
std::string render_json(const std::vector<ResultTable>& tables);

/// An Excel workbook (the bytes of an .xlsx file), as render(tables, Format::kXlsx): one sheet
/// per table in order, its header in row 1 (frozen; the translated headers, or the column ids
/// under diag::codes(), as --codes asks), numbers stored as numbers with their
/// formats (thousands grouping, decimals, percent), columns sized to their text; a last sheet
/// holds every table's title and notes. Throws diag::InputError when the workbook cannot be
/// written.
std::string render_xlsx(const std::vector<ResultTable>& tables);
/// The sheet names render_xlsx gives `tables`, in order: Excel's limits (31 characters, none of
/// []:*?/\, unique ignoring case, the notes sheet's name taken) kept by shortening a long title
/// to its head before ':' or ',' or to whole words, " (2)" for a name already taken.
std::vector<std::string> xlsx_sheet_names(const std::vector<ResultTable>& tables);

}  // namespace lotrinh::report
