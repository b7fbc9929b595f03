#include "data/headed_csv.h"

#include "diag/messages.h"

namespace lotrinh::data {

using diag::msg;

std::string trim_cell(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::string HeadedCsv::cell(const CsvRecord& row, const std::string& name) const {
  return trim_cell(row.cells[columns.at(name)]);
}

diag::SourceLoc HeadedCsv::loc(const CsvRecord& row, const std::string& name) const {
  const size_t i = columns.at(name);
  return {file, row.line[i], row.column[i]};
}

HeadedCsv read_headed_csv(const std::string& path, std::string_view text, std::initializer_list<const char*> required,
                          HeaderMessages messages, diag::DiagnosticSink& sink) {
  HeadedCsv t;
  t.file = diag::SourceFile::from_text(path, text);
  auto records = parse_csv(path, text, CsvDialect::kRfc4180);
  std::string names;
  for (const char* c : required) names += (names.empty() ? "" : ",") + std::string(c);
  if (records.empty()) {
    sink.error({t.file, 0, 0}, msg("data.no_header"), msg(messages.columns_hint, names));
    return t;
  }
  std::map<std::string, size_t> all;
  for (size_t i = 0; i < records[0].cells.size(); ++i) all.emplace(trim_cell(records[0].cells[i]), i);
  bool complete = true;
  for (const char* c : required) {
    if (auto it = all.find(c); it != all.end()) {
      t.columns[c] = it->second;
    } else {
      sink.error({t.file, records[0].line[0], 0}, msg(messages.missing_column, c), msg(messages.columns_hint, names));
      complete = false;
    }
  }
  if (!complete) return t;
  const size_t width = records[0].cells.size();
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.cells.size() == 1 && trim_cell(rec.cells[0]).empty()) continue;
    if (rec.cells.size() != width) {
      sink.error({t.file, rec.line[0], 1},
                 msg(rec.cells.size() == 1 ? "data.ragged_row.one" : "data.ragged_row", rec.cells.size(), width),
                 msg("data.ragged_row.hint", ","));
      continue;
    }
    t.rows.push_back(rec);
  }
  return t;
}

}  // namespace lotrinh::data
