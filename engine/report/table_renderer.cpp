// The terminal table: columns padded to their widest cell, measured in display width so that
// Vietnamese names (precomposed or NFD) line up.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "report/cell_text.h"
#include "report/display_width.h"
#include "report/renderers.h"

namespace lotrinh::report {
namespace {

// A line break or tab inside a cell would break the grid; show it as a space.
std::string one_line(std::string s) {
  std::replace_if(s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return s;
}

void append_padded(std::string& line, const std::string& s, int width, Align align) {
  std::string pad(static_cast<size_t>(std::max(0, width - display_width(s))), ' ');
  line += align == Align::kRight ? pad + s : s + pad;
}

void append_line(std::string& out, std::string_view line) {
  out += line.substr(0, line.find_last_not_of(' ') + 1);
  out += '\n';
}

}  // namespace

std::string render_text_table(const ResultTable& table) {
  // Two passes over the rows (widths and alignment, then the lines): no copy of every cell's
  // text is kept, so a table of a million rows costs its output and little more.
  const size_t n = table.columns.size();
  std::vector<std::string> header(n);
  std::vector<int> width(n, 0);
  std::vector<bool> any_number(n, false), all_numbers(n, true);
  for (size_t c = 0; c < n; ++c) {
    const Column& col = table.columns[c];
    header[c] = one_line(col.header.empty() ? col.id : col.header);
    width[c] = display_width(header[c]);
  }
  size_t text_bytes = 0;  // of every cell, for sizing the output once
  table.for_each_row([&](const std::vector<Cell>& row) {
    for (size_t c = 0; c < n; ++c) {
      const std::string shown = c < row.size() ? one_line(table_text(row[c])) : "-";
      text_bytes += shown.size();
      width[c] = std::max(width[c], display_width(shown));
      // A column holding numbers only (missing cells aside) is right-aligned, header included.
      if (c >= row.size() || row[c].is_missing()) continue;
      if (!row[c].number) all_numbers[c] = false;
      else any_number[c] = true;
    }
  });

  std::string out;
  // At most each cell's bytes plus its padding and the gaps between columns, a line each.
  size_t line_bytes = 1;
  for (size_t c = 0; c < n; ++c) line_bytes += static_cast<size_t>(width[c]) + 2;
  out.reserve(text_bytes + table.row_count() * line_bytes + 4 * (table.title.size() + line_bytes) + 1024);
  if (!table.title.empty()) append_line(out, one_line(table.title));
  if (n > 0) {
    std::vector<Align> align(n);
    std::string head, rule;
    for (size_t c = 0; c < n; ++c) {
      align[c] = table.columns[c].align == Align::kRight || (all_numbers[c] && any_number[c]) ? Align::kRight
                                                                                              : Align::kLeft;
      if (c > 0) { head += "  "; rule += "  "; }
      append_padded(head, header[c], width[c], align[c]);
      rule += std::string(static_cast<size_t>(width[c]), '-');
    }
    append_line(out, head);
    append_line(out, rule);
    std::string line;
    table.for_each_row([&](const std::vector<Cell>& row) {
      line.clear();
      for (size_t c = 0; c < n; ++c) {
        if (c > 0) line += "  ";
        bool is_number = c < row.size() && row[c].number.has_value();
        append_padded(line, c < row.size() ? one_line(table_text(row[c])) : "-", width[c],
                      is_number ? Align::kRight : align[c]);
      }
      append_line(out, line);
    });
  }
  if (!table.notes.empty()) {
    out += '\n';
    for (const auto& note : table.notes) append_line(out, note);
  }
  return out;
}

}  // namespace lotrinh::report
