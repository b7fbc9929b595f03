#include "report/render.h"

#include "diag/messages.h"
#include "report/renderers.h"

namespace lotrinh::report {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "csv") return Format::kCsv;
  if (name == "json") return Format::kJson;
  if (name == "xlsx") return Format::kXlsx;
  return std::nullopt;
}

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names{"table", "csv", "json", "xlsx"};
  return names;
}

std::string render(const ResultTable& table, Format format) {
  switch (format) {
    case Format::kTable: return render_text_table(table);
    case Format::kCsv: return render_csv(table);
    case Format::kJson: return render_json(table);
    case Format::kXlsx: return render_xlsx({table});
    case Format::kCsvExcel: return "\xEF\xBB\xBF" + render_csv_excel(table);
  }
  return {};
}

std::string render(const std::vector<ResultTable>& tables, Format format) {
  if (format == Format::kJson) return render_json(tables);
  if (format == Format::kXlsx) return render_xlsx(tables);
  if (format == Format::kCsvExcel) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& table : tables) out += (out.size() > 3 ? "\n" : "") + render_csv_excel(table);
    return out;
  }
  std::string out;
  for (const auto& table : tables) {
    if (!out.empty()) out += '\n';
    out += render(table, format);
  }
  return out;
}

std::string render_notes(const ResultTable& table) {
  std::string out;
  for (const auto& note : table.notes) out += diag::msg("report.note", note) + '\n';
  return out;
}

}  // namespace lotrinh::report
