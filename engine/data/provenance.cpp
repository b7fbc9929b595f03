#include "data/provenance.h"

#include <filesystem>

#include "data/csv_table_reader.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/text_file.h"

namespace lotrinh::data {

ProvenanceTable ProvenanceTable::parse(const std::string& path, std::string_view text) {
  ProvenanceTable t;
  auto records = parse_csv(path, text, CsvDialect::kRfc4180);
  auto file = diag::SourceFile::from_text(path, text);
  diag::DiagnosticSink sink;
  const std::vector<std::string> header{"commune", "year", "indicator", "kind", "source"};
  if (records.empty() || records[0].cells != header) {
    sink.error({file, 1, 1}, diag::msg("provenance.bad_header"), diag::msg("provenance.bad_header.hint"));
    sink.throw_if_errors();
  }
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    auto at = [&](size_t c) { return diag::SourceLoc{file, rec.line[c], rec.column[c]}; };
    if (rec.cells.size() != header.size()) {
      sink.error(at(0), diag::msg("provenance.ragged", rec.cells.size()), diag::msg("provenance.bad_header.hint"));
      continue;
    }
    int year = 0;
    try {
      size_t used = 0;
      year = std::stoi(rec.cells[1], &used);
      if (used != rec.cells[1].size()) throw std::invalid_argument("year");
    } catch (const std::exception&) {
      sink.error(at(1), diag::msg("provenance.bad_year", rec.cells[1]), diag::msg("provenance.bad_year.hint"));
      continue;
    }
    const std::string& kind = rec.cells[3];
    if (kind != "reported" && kind != "derived" && kind != "estimated") {
      sink.error(at(3), diag::msg("provenance.bad_kind", kind), diag::msg("provenance.bad_kind.hint"));
      continue;
    }
    auto key = std::make_tuple(rec.cells[0], year, rec.cells[2]);
    if (!t.rows_.emplace(key, Provenance{kind, rec.cells[4]}).second)
      sink.error(at(0), diag::msg("provenance.duplicate", rec.cells[0], year, rec.cells[2]),
                 diag::msg("provenance.duplicate.hint"));
  }
  sink.throw_if_errors();
  return t;
}

ProvenanceTable ProvenanceTable::read_if_present(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  return parse(path, diag::read_file(path));
}

const Provenance* ProvenanceTable::find(const std::string& unit, int year, const std::string& indicator) const {
  auto it = rows_.find(std::make_tuple(unit, year, indicator));
  return it == rows_.end() ? nullptr : &it->second;
}

}  // namespace lotrinh::data
