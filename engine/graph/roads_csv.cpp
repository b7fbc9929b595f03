#include "graph/roads_csv.h"

#include <array>
#include <charconv>
#include <cmath>

#include "data/csv_table_reader.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/text_file.h"
#include "graph/road_checks.h"

namespace lotrinh::graph {
namespace {

using diag::msg;
using diag::SourceLoc;

constexpr std::array<std::string_view, 5> kColumns = {"from", "to", "length_km", "paved_share", "provenance"};
enum Column { kFrom, kTo, kLength, kPaved, kProvenance };

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A finite number written as from_chars reads it ("12.5", "-3", "1e2"); false otherwise.
bool to_double(std::string_view s, double& out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(out);
}

// What to suggest for a cell that is not a number: the same number with a decimal point, or
// (for the paved share) a percent turned into a fraction, else the column's usual hint.
std::string not_number_hint(std::string_view cell, Column column) {
  std::string dotted(cell);
  for (char& c : dotted)
    if (c == ',') c = '.';
  double value = 0;
  if (dotted != cell && to_double(dotted, value)) return msg("graph.csv.decimal_comma.hint", dotted);
  if (column == kPaved && cell.size() > 1 && cell.back() == '%' &&
      to_double(trim(cell.substr(0, cell.size() - 1)), value))
    return msg("graph.csv.percent.hint", value / 100, cell);
  return msg(column == kLength ? "graph.bad_length.hint" : "graph.bad_paved_share.hint");
}

bool is_blank(const data::CsvRecord& r) { return r.cells.size() == 1 && trim(r.cells[0]).empty(); }

// Checks the header row; false when it does not name the five columns in order.
bool check_header(const data::CsvRecord& header, const std::shared_ptr<const diag::SourceFile>& file,
                  diag::DiagnosticSink& sink) {
  bool ok = true;
  for (size_t k = 0; k < kColumns.size(); ++k) {
    if (k >= header.cells.size()) {
      sink.error({file, header.line[0], 0}, msg("graph.csv.header_missing", kColumns[k]), msg("graph.csv.header.hint"));
      ok = false;
    } else if (trim(header.cells[k]) != kColumns[k]) {
      sink.error({file, header.line[k], header.column[k]},
                 msg("graph.csv.header_column", k + 1, kColumns[k], trim(header.cells[k])),
                 msg("graph.csv.header.hint"));
      ok = false;
    }
  }
  for (size_t k = kColumns.size(); k < header.cells.size(); ++k) {
    sink.error({file, header.line[k], header.column[k]}, msg("graph.csv.header_extra", trim(header.cells[k])),
               msg("graph.csv.header_extra.hint"));
    ok = false;
  }
  return ok;
}

}  // namespace

std::vector<Road> parse_roads_csv(const std::string& path, std::string_view text) {
  const auto records = data::parse_csv(path, text, data::CsvDialect::kRfc4180);
  const auto file = diag::SourceFile::from_text(path, text);
  diag::DiagnosticSink sink;
  if (records.empty()) {
    sink.error({file, 0, 0}, msg("graph.csv.no_header"), msg("graph.csv.header.hint"));
    sink.throw_if_errors();
  }
  if (!check_header(records[0], file, sink)) sink.throw_if_errors();

  std::vector<Road> roads;
  for (size_t r = 1; r < records.size(); ++r) {
    const data::CsvRecord& rec = records[r];
    if (is_blank(rec)) continue;
    if (rec.cells.size() != kColumns.size()) {
      sink.error({file, rec.line[0], 1},
                 msg(rec.cells.size() == 1 ? "graph.csv.ragged_row.one" : "graph.csv.ragged_row", rec.cells.size(),
                     kColumns.size()),
                 msg("graph.csv.ragged_row.hint"));
      continue;
    }
    auto loc = [&](Column c) { return SourceLoc{file, rec.line[c], rec.column[c]}; };
    auto cell = [&](Column c) { return trim(rec.cells[c]); };
    Road road;
    road.from = cell(kFrom);
    road.to = cell(kTo);
    road.provenance = cell(kProvenance);
    road.where = {loc(kFrom), loc(kTo), loc(kLength), loc(kPaved)};
    // Cells are checked in column order, so that a row's problems are reported left to right.
    for (Column c : {kFrom, kTo, kLength, kPaved, kProvenance}) {
      if (cell(c).empty()) {
        const char* hint = c == kLength       ? "graph.bad_length.hint"
                           : c == kPaved      ? "graph.bad_paved_share.hint"
                           : c == kProvenance ? "graph.csv.empty_provenance.hint"
                                              : "graph.csv.empty_unit.hint";
        sink.error(loc(c), msg("graph.csv.empty_cell", kColumns[c]), msg(hint));
      } else if (c == kLength || c == kPaved) {
        double& value = c == kLength ? road.length_km : road.paved_share;
        if (!to_double(cell(c), value)) {
          sink.error(loc(c), msg("graph.csv.not_number", cell(c), kColumns[c]), not_number_hint(cell(c), c));
        } else if (c == kLength) {
          check_length(road, sink);
        } else {
          check_paved_share(road, sink);
        }
      }
    }
    roads.push_back(std::move(road));
  }
  sink.throw_if_errors();
  return roads;
}

std::vector<Road> read_roads_csv(const std::string& path) { return parse_roads_csv(path, diag::read_file(path)); }

}  // namespace lotrinh::graph
