#include "data/csv_table_writer.h"

#include <fmt/format.h>

#include <cmath>

namespace lotrinh::data {

void append_csv_cell(std::string& out, std::string_view cell) {
  bool quote = cell.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t' || cell.back() == ' ' ||
                                  cell.back() == '\t'));
  if (!quote) {
    out += cell;
    return;
  }
  out += '"';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

namespace {

bool any_non_empty(const std::vector<std::string>& v) {
  for (const auto& s : v)
    if (!s.empty()) return true;
  return false;
}

}  // namespace

std::string write_commune_csv(const CommuneTable& table) {
  const bool names = any_non_empty(table.name);
  const bool districts = any_non_empty(table.district);
  std::string out = "commune,year";
  if (names) out += ",name";
  if (districts) out += ",district";
  for (const auto& id : table.columns) {
    out += ',';
    append_csv_cell(out, id);
  }
  out += '\n';
  std::vector<const std::vector<double>*> cols;
  for (const auto& id : table.columns) cols.push_back(table.column(id));
  for (size_t r = 0; r < table.rows(); ++r) {
    append_csv_cell(out, table.unit[r]);
    out += fmt::format(",{}", table.year[r]);
    if (names) {
      out += ',';
      append_csv_cell(out, r < table.name.size() ? table.name[r] : std::string());
    }
    if (districts) {
      out += ',';
      append_csv_cell(out, r < table.district.size() ? table.district[r] : std::string());
    }
    for (const auto* col : cols) {
      out += ',';
      if (col && r < col->size() && !std::isnan((*col)[r])) out += fmt::format("{}", (*col)[r]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace lotrinh::data
