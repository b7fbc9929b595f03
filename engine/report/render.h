#pragma once
// Turning result tables into text: an aligned terminal table, CSV, or JSON.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/result_table.h"

namespace lotrinh::report {

/// An output format, as named by --format.
enum class Format { kTable, kCsv, kJson, kXlsx, kCsvExcel };

/// Parses "table" | "csv" | "json" | "xlsx"; nullopt otherwise.
std::optional<Format> parse_format(std::string_view name);
/// The names parse_format accepts, for an error's hint.
const std::vector<std::string>& format_names();

/// One table as text ending in a newline.
/// kTable: title, headers, a rule of '-', rows (columns aligned by display width, numbers on
///   the right, missing as "-"), then the notes after a blank line.
/// kCsv: RFC 4180 with a header row of column ids, '.' decimal point, numbers in shortest
///   round-trip form, missing as an empty field, LF line ends; notes are left out (see
///   render_notes).
/// kJson: {"title", "columns": [ids], "rows": [{id: value}], "notes"}, 2-space indent, numbers
///   as numbers, missing as null; byte-identical for identical input.
std::string render(const ResultTable& table, Format format);
/// kCsvExcel (--excel; no --format name): CSV for Vietnamese Excel, the dialect lotrinh reads as
///   --csv-dialect excel-vi: a UTF-8 byte-order mark first (without it Excel misreads
///   diacritics), ';' between fields, ',' as decimal mark.
/// kXlsx: the bytes of an Excel workbook (see render_xlsx in renderers.h): the table, then a
///   notes sheet.
/// Several tables: in a terminal table or CSV, one after another with a blank line between;
/// in JSON, an array of table objects; in xlsx, one sheet each, then one notes sheet.
std::string render(const std::vector<ResultTable>& tables, Format format);

/// The notes of `table`, one "note: ..." line each, for stderr beside CSV output.
std::string render_notes(const ResultTable& table);

}  // namespace lotrinh::report
