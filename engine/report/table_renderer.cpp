// The terminal table: columns padded to their widest cell, measured in display width so that
// Vietnamese names (precomposed or NFD) line up.
#include <algorithm>
#include <cstddef>
#include <string>
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

// A column holding numbers only (missing cells aside) is right-aligned, header included.
Align column_align(const ResultTable& table, size_t col) {
  if (table.columns[col].align == Align::kRight) return Align::kRight;
  bool any_number = false;
  for (const auto& row : table.rows) {
    if (col >= row.size() || row[col].is_missing()) continue;
    if (!row[col].number) return Align::kLeft;
    any_number = true;
  }
  return any_number ? Align::kRight : Align::kLeft;
}

void append_padded(std::string& line, const std::string& s, int width, Align align) {
  std::string pad(static_cast<size_t>(std::max(0, width - display_width(s))), ' ');
  line += align == Align::kRight ? pad + s : s + pad;
}

void append_line(std::string& out, std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  out += line;
  out += '\n';
}

}  // namespace

std::string render_text_table(const ResultTable& table) {
  const size_t n = table.columns.size();
  std::vector<std::string> header(n);
  std::vector<std::vector<std::string>> cells(table.rows.size(), std::vector<std::string>(n));
  std::vector<int> width(n, 0);
  for (size_t c = 0; c < n; ++c) {
    const Column& col = table.columns[c];
    header[c] = one_line(col.header.empty() ? col.id : col.header);
    width[c] = display_width(header[c]);
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    for (size_t c = 0; c < n; ++c) {
      cells[r][c] = c < table.rows[r].size() ? one_line(table_text(table.rows[r][c])) : "-";
      width[c] = std::max(width[c], display_width(cells[r][c]));
    }
  }

  std::string out;
  if (!table.title.empty()) append_line(out, one_line(table.title));
  if (n > 0) {
    std::vector<Align> align(n);
    std::string head, rule;
    for (size_t c = 0; c < n; ++c) {
      align[c] = column_align(table, c);
      if (c > 0) { head += "  "; rule += "  "; }
      append_padded(head, header[c], width[c], align[c]);
      rule += std::string(static_cast<size_t>(width[c]), '-');
    }
    append_line(out, head);
    append_line(out, rule);
    for (size_t r = 0; r < cells.size(); ++r) {
      std::string line;
      for (size_t c = 0; c < n; ++c) {
        if (c > 0) line += "  ";
        bool is_number = c < table.rows[r].size() && table.rows[r][c].number.has_value();
        append_padded(line, cells[r][c], width[c], is_number ? Align::kRight : align[c]);
      }
      append_line(out, line);
    }
  }
  if (!table.notes.empty()) {
    out += '\n';
    for (const auto& note : table.notes) append_line(out, note);
  }
  return out;
}

}  // namespace lotrinh::report
