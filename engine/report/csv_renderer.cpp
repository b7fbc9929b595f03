// CSV as RFC 4180 describes it, so that Excel, pandas and lotrinh's own reader take it back.
#include <string>
#include <string_view>

#include "diag/words.h"
#include "report/cell_text.h"
#include "report/renderers.h"

namespace lotrinh::report {
namespace {

// LF rather than RFC 4180's CRLF: the output also goes to terminals and Unix pipes, and every
// CSV reader we target (Excel, pandas, lotrinh's) accepts both.
constexpr std::string_view kLineEnd = "\n";

void append_field(std::string& out, std::string_view s, char sep = ',') {
  if (s.find_first_of(std::string{sep} + "\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// The header of a column: its id, or under Vietnamese words its translated header.
const std::string& header_text(const Column& col) { return diag::words() && !col.header.empty() ? col.header : col.id; }

std::string field_text(const Cell& cell) {
  if (cell.is_missing()) return {};
  if (cell.number) return shortest_number(*cell.number);
  return cell.text;
}

}  // namespace

std::string render_csv_excel(const ResultTable& table) {
  std::string out;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (c > 0) out += ';';
    append_field(out, header_text(table.columns[c]), ';');
  }
  out += kLineEnd;
  table.for_each_row([&](const std::vector<Cell>& row) {
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (c > 0) out += ';';
      if (c >= row.size()) continue;
      std::string f = field_text(row[c]);
      if (row[c].number && !row[c].is_missing())
        for (auto& ch : f) ch = ch == '.' ? ',' : ch;
      append_field(out, f, ';');
    }
    out += kLineEnd;
  });
  return out;
}

std::string render_csv(const ResultTable& table) {
  std::string out;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (c > 0) out += ',';
    append_field(out, header_text(table.columns[c]));
  }
  out += kLineEnd;
  table.for_each_row([&](const std::vector<Cell>& row) {
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (c > 0) out += ',';
      if (c < row.size()) append_field(out, field_text(row[c]));
    }
    out += kLineEnd;
  });
  return out;
}

}  // namespace lotrinh::report
