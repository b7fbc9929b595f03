#include "report/csv_files.h"

#include <set>

#include "diag/text_file.h"

namespace lotrinh::report {
namespace {

bool safe_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

bool ends_with_csv(const std::string& s) {
  if (s.size() < 4) return false;
  std::string end = s.substr(s.size() - 4);
  for (char& c : end) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return end == ".csv";
}

void add_notes(std::string& out, const std::vector<std::string>& notes) {
  for (const auto& note : notes) out += "# " + note + "\n";
}

}  // namespace

std::vector<std::string> table_file_names(const std::vector<ResultTable>& tables) {
  std::vector<std::string> names;
  std::set<std::string> used;
  for (size_t i = 0; i < tables.size(); ++i) {
    std::string n;
    bool unsafe_run = false;  // a run of other bytes (a space, a UTF-8 letter) becomes one '-'
    for (char c : tables[i].name) {
      if (safe_char(c)) n += c;
      else if (!unsafe_run) n += '-';
      unsafe_run = !safe_char(c);
    }
    if (n.empty()) n = "table-" + std::to_string(i + 1);
    const std::string base = n;
    for (size_t k = i + 1; used.count(n); ++k) n = base + "-" + std::to_string(k);
    used.insert(n);
    names.push_back(n);
  }
  return names;
}

std::string sibling_csv_path(const std::string& out, const std::string& name) {
  std::string base = ends_with_csv(out) ? out.substr(0, out.size() - 4) : out;
  return base + "-" + name + ".csv";
}

std::vector<CsvFile> csv_files(const std::vector<ResultTable>& tables, const std::string& out, Format format) {
  std::vector<CsvFile> files;
  const std::vector<std::string> names = table_file_names(tables);
  for (size_t i = 0; i < tables.size(); ++i) {
    CsvFile f;
    f.path = i == 0 ? out : sibling_csv_path(out, names[i]);
    f.table = names[i];
    f.content = render(tables[i], format);
    if (tables.size() > 1 && !tables[i].title.empty()) f.content += "# " + tables[i].title + "\n";
    add_notes(f.content, tables[i].notes);
    if (i > 0 && !tables.front().title.empty()) f.content += "# " + tables.front().title + "\n";
    if (i > 0) add_notes(f.content, tables.front().notes);
    files.push_back(std::move(f));
  }
  return files;
}

void write_files(const std::vector<CsvFile>& files, const std::string& option) {
  for (const auto& f : files) diag::check_output_target(f.path, option);
  for (size_t i = files.size(); i-- > 1;) diag::write_file_atomic(files[i].path, files[i].content, option);
  if (!files.empty()) diag::write_file_atomic(files.front().path, files.front().content, option);
}

}  // namespace lotrinh::report
