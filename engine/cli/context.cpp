#include "cli/context.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "config/catalogue_reader.h"
#include "cli/option_checks.h"
#include "config/province_reader.h"
#include "data/csv_table_reader.h"
#include "diag/diagnostic.h"
#include "diag/input_files.h"
#include "diag/messages.h"
#include "diag/number_style.h"
#include "diag/spelling.h"
#include "diag/text_file.h"
#include "diag/words.h"
#include "report/csv_files.h"
#include "report/output.h"

#ifndef LOTRINH_SOURCE_HOME
#define LOTRINH_SOURCE_HOME "."
#endif
// The default province folder, relative to home(); set by the top-level CMakeLists.txt.
#ifndef LOTRINH_DEFAULT_PROVINCE
#define LOTRINH_DEFAULT_PROVINCE ""
#endif

namespace lotrinh::cli {
namespace fs = std::filesystem;

namespace {
diag::InputError option_error(const std::string& option, std::string message, std::string hint) {
  diag::Diagnostic d;
  d.subject = option;
  d.message = std::move(message);
  d.hint = std::move(hint);
  return diag::InputError(d);
}
// The format of a file's extension, for the formats whose files have one ("" otherwise).
std::string format_of_extension(const std::string& out) {
  std::string ext = fs::path(out).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".csv") return "csv";
  if (ext == ".xlsx") return "xlsx";
  if (ext == ".json") return "json";
  return "";
}

// --format when given; else the format --out's extension names (`--out result.xlsx` writes a
// workbook, not a text table under an .xlsx name), else CSV under --excel, else the plain table.
// A given format that contradicts a workbook's extension is refused: a text file named .xlsx
// does not open in Excel, and a workbook named .csv or .json is not what the name promises.
std::string chosen_format(const Options& o) {
  const bool to_file = o.command != "report" && !o.out.empty() && o.out != "-";
  const std::string by_name = to_file ? format_of_extension(o.out) : "";
  if (o.format.empty()) {
    if (!by_name.empty()) return by_name;
    return o.excel ? "csv" : "table";
  }
  if (!by_name.empty() && (by_name == "xlsx") != (o.format == "xlsx"))
    throw option_error("--format", diag::msg("cli.format_extension", o.format, o.out, by_name),
                       diag::msg("cli.format_extension.hint", by_name));
  return o.format;
}
}  // namespace

std::string home() {
  std::string h = LOTRINH_SOURCE_HOME;
  if (const char* env = std::getenv("LOTRINH_HOME"); env && *env) h = env;
  // Shown in outputs and messages: relative to the working folder when inside it.
  std::error_code ec;
  fs::path rel = fs::relative(h, ec);
  if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) return rel == "." ? "." : rel.string();
  return h;
}

Context::Context(const Options& o) : o_(o) {
  // A new run: the inputs it reads are recorded afresh, and no output may replace one of them.
  diag::InputFiles::clear();
  // Inputs named on the command line are inputs even for a command that does not read them.
  if (!o.data.empty()) diag::InputFiles::record(o.data);
  for (const auto& r : o.rules) diag::InputFiles::record(r);
  for (const auto& p : o.paths) diag::InputFiles::record(p);
  // "-" is standard input: it too is never an output (when it is a file, `< x.csv --out x.csv`),
  // and it can be read only once.
  std::vector<std::pair<std::string, std::string>> named;  // (option, value)
  named.emplace_back("--data", o.data);
  for (const auto& r : o.rules) named.emplace_back("--rules", r);
  for (const auto& p : o.paths) named.emplace_back(p, p);
  bool stdin_named = false;
  for (const auto& [option, value] : named) {
    if (!diag::is_stdin(value)) continue;
    if (stdin_named) throw option_error(option, diag::msg("io.stdin_twice"), diag::msg("io.stdin_twice.hint"));
    stdin_named = true;
    diag::InputFiles::record(0, diag::input_name(value));
  }
  // A target that can never be written (a folder, device, symlink, read-only file, missing
  // folder) is refused before any work; the check against inputs is repeated when writing.
  if (o.command != "estimate" && !o.out.empty() && o.out != "-") diag::check_output_target(o.out, "--out");
  if (!o.report.empty()) diag::check_output_target(o.report, "--report");
  // Graphviz DOT is a format of `lotrinh graph` only; the table renderers never see it.
  const std::string format_name = chosen_format(o);
  auto f = o.command == "graph" && format_name == "dot" ? std::optional<report::Format>(report::Format::kTable)
                                                        : report::parse_format(format_name);
  if (!f) throw option_error("--format", diag::msg("cli.bad_format", format_name), diag::msg("cli.bad_format.hint"));
  format_ = *f;
  // --excel: CSV that Vietnamese Excel opens with its diacritics and numbers intact.
  if (o.excel && format_ != report::Format::kCsv)
    throw option_error("--excel", diag::msg("cli.excel_needs_csv", format_name), diag::msg("cli.excel_needs_csv.hint"));
  if (o.excel) format_ = report::Format::kCsvExcel;
  // Words for people, codes for programs: JSON, English CSV and --codes keep ids and codes
  // (class codes "III", not the class titles "Region III" a terminal table shows).
  diag::set_codes(o.codes || format_ == report::Format::kJson ||
                  (format_ == report::Format::kCsv && diag::lang() == diag::Lang::kEn));
  // A workbook is binary: it goes to a file, never to a terminal or a pipe by accident.
  // Commands that print plain text (not tables) have no workbook to write.
  if (format_ == report::Format::kXlsx && (o.command == "test" || o.command == "report"))
    throw option_error("--format", diag::msg("cli.xlsx_plain_text", o.command), diag::msg("cli.xlsx_plain_text.hint"));
  if (format_ == report::Format::kXlsx && (o.out.empty() || o.out == "-"))
    throw option_error("--format", diag::msg("cli.xlsx_needs_out"), diag::msg("cli.xlsx_needs_out.hint"));
  if (o.csv_dialect != "rfc4180" && o.csv_dialect != "excel-vi")
    throw option_error("--csv-dialect", diag::msg("cli.bad_dialect", o.csv_dialect), diag::msg("cli.bad_dialect.hint"));
  for (const auto& s : o.set) {
    auto eq = s.find('=');
    double v = 0;
    bool ok = eq != std::string::npos && eq > 0;
    if (ok) {
      try {
        size_t used = 0;
        v = std::stod(s.substr(eq + 1), &used);
        ok = used == s.size() - eq - 1;
      } catch (const std::exception&) {
        ok = false;
      }
    }
    if (!ok) throw option_error("--set", diag::msg("cli.bad_set", s), diag::msg("cli.bad_set.hint"));
    overrides_[s.substr(0, eq)] = v;
  }
  catalogue_ = std::make_unique<data::Catalogue>(config::read_catalogue(home() + "/rules/indicators.toml"));
  library_ = std::make_unique<rules::RuleLibrary>(*catalogue_);
  library_->load({home() + "/rules"}, /*selected=*/false);
}

std::string default_province_dir() {
  const std::string p = LOTRINH_DEFAULT_PROVINCE;
  return p.empty() ? std::string() : p.front() == '/' ? p : home() + "/" + p;
}

void Context::resolve_data() {
  if (resolved_) return;
  resolved_ = true;
  std::error_code ec;
  auto has_manifest = [&](const fs::path& dir) { return fs::is_regular_file(dir / config::kProvinceManifest, ec); };
  std::string dir;
  if (o_.data.empty()) {
    const std::string def = default_province_dir();
    if (!def.empty() && has_manifest(def)) dir = def;
    else table_path_ = home() + "/scenarios/example/communes.csv";
  } else if (diag::is_stdin(o_.data)) {
    // A table on standard input has no folder: no manifest, provenance or units beside it; it
    // is read against the default province.
    table_path_ = o_.data;
    own_province_ = false;
    const std::string def = default_province_dir();
    if (!def.empty() && has_manifest(def)) dir = def;
  } else if (fs::is_directory(o_.data, ec)) {
    if (!has_manifest(o_.data))
      throw option_error("--data", diag::msg("cli.data_no_manifest", o_.data, config::kProvinceManifest),
                         diag::msg("cli.data_no_manifest.hint", config::kProvinceManifest));
    dir = o_.data;
  } else {
    // A bare table: the manifest of its folder, if any, gives its units and provenance; else it
    // is read against the default province (its rule sets, figures, units and network).
    table_path_ = o_.data;
    const fs::path parent = fs::path(o_.data).parent_path();
    if (has_manifest(parent.empty() ? fs::path(".") : parent)) {
      dir = parent.empty() ? "." : parent.string();
    } else {
      own_province_ = false;
      const std::string def = default_province_dir();
      if (!def.empty() && has_manifest(def)) dir = def;
    }
  }
  if (!dir.empty()) {
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    province_ = std::make_unique<config::ProvinceFile>(config::read_province_dir(dir));
    if (table_path_.empty()) table_path_ = province_->path_of(province_->communes);
  }
}

std::string Context::data_path() {
  resolve_data();
  return table_path_;
}

const config::ProvinceFile* Context::province() {
  resolve_data();
  return province_.get();
}

const config::ProvinceFile& Context::need_province(const std::string& command) {
  if (const config::ProvinceFile* p = province()) return *p;
  throw option_error("--data", diag::msg("cli.needs_province", command, data_path(), config::kProvinceManifest),
                     diag::msg("cli.needs_province.hint", config::kProvinceManifest));
}

std::string Context::province_table(const std::string& command, const std::string& key) {
  const config::ProvinceFile& p = need_province(command);
  const std::map<std::string, const std::string*> tables = {
      {"districts", &p.districts}, {"district_borders", &p.district_borders}, {"roads", &p.roads},
      {"figures", &p.figures},     {"lineage", &p.lineage},                   {"district_centres", &p.district_centres}};
  const std::string* path = tables.at(key);
  if (path->empty())
    throw option_error("--data", diag::msg("cli.province_lacks_table", command, p.path, key),
                       diag::msg("cli.province_lacks_table.hint", key, p.path));
  return p.path_of(*path);
}

const data::ProvenanceTable& Context::provenance() {
  if (!provenance_) {
    const config::ProvinceFile* p = province();
    if (!own_province_) p = nullptr;
    fs::path dir = fs::path(data_path()).parent_path();
    const std::string path = p && !p->provenance.empty() ? p->path_of(p->provenance)
                             : diag::is_stdin(data_path()) ? std::string()
                                                           : (dir / "provenance.csv").string();
    provenance_ = std::make_unique<data::ProvenanceTable>(data::ProvenanceTable::read_if_present(path));
  }
  return *provenance_;
}

const data::OfficialLists& Context::official_lists() {
  if (!official_lists_) {
    // The province's (its manifest's `official_lists`), else official_lists.csv beside a bare table.
    const config::ProvinceFile* p = own_province_ ? province() : nullptr;
    fs::path dir = fs::path(data_path()).parent_path();
    const std::string path = p && !p->official_lists.empty() ? p->path_of(p->official_lists)
                             : diag::is_stdin(data_path()) ? std::string()
                                                           : (dir / "official_lists.csv").string();
    official_lists_ = std::make_unique<data::OfficialLists>(data::OfficialLists::read_if_present(path));
  }
  return *official_lists_;
}

const data::UnitRegistry* Context::units() {
  if (!units_loaded_) {
    units_loaded_ = true;
    if (const config::ProvinceFile* p = province(); p && own_province_) {
      if (!p->units.empty()) {
        std::vector<std::string> paths;
        for (const auto& u : p->units) paths.push_back(p->path_of(u));
        units_ = std::make_unique<data::UnitRegistry>(data::UnitRegistry::load(paths, p->path_of(p->lineage)));
      }
      return units_.get();
    }
    fs::path dir = fs::path(data_path()).parent_path();
    std::error_code ec;
    if (!diag::is_stdin(data_path()) && fs::exists(dir / "units.csv", ec))
      units_ = std::make_unique<data::UnitRegistry>(data::UnitRegistry::load_dir(dir.string()));
  }
  return units_.get();
}

const data::UnitRegistry* Context::province_units() {
  const config::ProvinceFile* p = province();
  if (!p || own_province_) return units();
  if (!province_units_ && !p->units.empty()) {
    std::vector<std::string> paths;
    for (const auto& u : p->units) paths.push_back(p->path_of(u));
    province_units_ = std::make_unique<data::UnitRegistry>(data::UnitRegistry::load(paths, p->path_of(p->lineage)));
  }
  return province_units_.get();
}

size_t Context::find_unit_row(const std::string& query, int year) {
  const auto& t = table();
  // "NAME, DISTRICT": the unit of that name in that district (names repeat across districts).
  if (auto comma = query.rfind(','); comma != std::string::npos) {
    auto trim = [](std::string x) {
      x.erase(0, x.find_first_not_of(" \t"));
      x.erase(x.find_last_not_of(" \t") + 1);
      return x;
    };
    std::string name = data::fold_name(trim(query.substr(0, comma))), district = trim(query.substr(comma + 1));
    std::string fd = data::fold_name(district);
    std::vector<std::string> districts;
    bool district_known = false;
    std::vector<size_t> found;
    for (size_t r : t.rows_in_year(year)) {
      if (std::find(districts.begin(), districts.end(), t.district[r]) == districts.end()) districts.push_back(t.district[r]);
      if (data::fold_name(t.district[r]) != fd) continue;
      district_known = true;
      if (data::fold_name(t.unit[r]) == name || (!t.name[r].empty() && data::fold_name(t.name[r]) == name)) found.push_back(r);
    }
    if (!district_known)
      throw option_error("--commune", diag::msg("cli.unknown_district", district, year),
                         did_you_mean_name(district, districts).empty() ? diag::msg("cli.unknown_district.hint")
                                                                          : did_you_mean_name(district, districts));
    if (found.size() == 1) return found.front();
    if (found.empty()) {
      std::vector<std::string> names;
      for (size_t r : t.rows_in_year(year))
        if (data::fold_name(t.district[r]) == fd) names.push_back(t.name[r].empty() ? t.unit[r] : t.name[r]);
      std::string hint = did_you_mean_name(trim(query.substr(0, comma)), names);
      throw option_error("--commune", diag::msg("cli.unknown_commune_in_district", trim(query.substr(0, comma)), district, year),
                         hint.empty() ? diag::msg("explain.unknown_commune.hint") : hint);
    }
    std::string list;
    for (size_t r : found) list += (list.empty() ? "" : ", ") + t.unit[r];
    throw option_error("--commune", diag::msg("units.ambiguous", query, found.size(), year, list),
                       diag::msg("units.ambiguous.hint", t.unit[found.front()]));
  }
  std::string slug;
  if (const data::UnitRegistry* reg = units()) {
    try {
      slug = reg->find(query, year).slug;
    } catch (const diag::InputError& e) {
      std::vector<diag::Diagnostic> ds = e.diagnostics();
      // Names repeat across districts: say that "NAME, DISTRICT" picks one.
      for (auto& d : ds)
        if (!d.where.file && d.subject.empty()) {
          d.subject = "--commune";
          std::string ambiguous = diag::msg("units.ambiguous.hint", "");
          ambiguous = ambiguous.substr(0, ambiguous.find('\''));
          if (d.hint.rfind(ambiguous, 0) == 0) d.hint += diag::msg("cli.or_district");
        }
      throw diag::InputError(ds);
    }
  } else {
    std::string folded = data::fold_name(query);
    for (size_t r : t.rows_in_year(year))
      if (t.unit[r] == query || (!t.name[r].empty() && data::fold_name(t.name[r]) == folded)) slug = t.unit[r];
  }
  long row = slug.empty() ? -1 : t.find_row(slug, year);
  if (row < 0) {
    std::vector<std::string> names;
    for (size_t r : t.rows_in_year(year)) names.push_back(t.name[r].empty() ? t.unit[r] : t.name[r]);
    std::string hint = diag::did_you_mean(query, names);
    throw option_error("--commune", diag::msg("explain.unknown_commune", query, year),
                       hint.empty() ? diag::msg("explain.unknown_commune.hint") : hint);
  }
  return static_cast<size_t>(row);
}

std::string Context::estimated_note(const rules::RuleSet& rs, const std::vector<size_t>& rows, int) {
  std::vector<std::string> ids;
  for (int s : rs.input_slots()) ids.push_back(rs.slots[s].name);
  return estimated_note(ids, rows);
}

std::string Context::estimated_note(const std::vector<std::string>& ids, const std::vector<size_t>& rows) {
  if (provenance().empty()) return {};
  auto [estimated, total] = estimated_count(ids, rows);
  return diag::msg("cli.estimated_note", diag::local_number(std::to_string(estimated)), diag::local_number(std::to_string(total)));
}

std::pair<size_t, size_t> Context::estimated_count(const std::vector<std::string>& ids, const std::vector<size_t>& rows) {
  const auto& prov = provenance();
  const auto& t = table();
  size_t total = 0, estimated = 0;
  for (const auto& given : ids) {
    for (size_t r : rows) {
      std::string id = given;  // an alias reads the indicator of the row's year
      if (auto resolved = catalogue_->resolve(given, t.year[r])) id = *resolved;
      const auto* col = t.column(id);
      if (!col) col = t.column(given);
      if (!col || std::isnan((*col)[r])) continue;
      ++total;
      const data::Provenance* p = prov.find(t.unit[r], t.year[r], id);
      estimated += p && p->kind == "estimated";
    }
  }
  return {estimated, total};
}

const data::CommuneTable& Context::table() {
  if (!table_) {
    std::string path = data_path();
    auto dialect = o_.csv_dialect == "excel-vi" ? data::CsvDialect::kExcelVi : data::CsvDialect::kRfc4180;
    table_ = std::make_unique<data::CommuneTable>(data::read_commune_table(path, *catalogue_, dialect));
  }
  return *table_;
}

int Context::year() {
  auto years = table().years();
  if (!o_.year) {
    if (years.empty()) throw option_error("--data", diag::msg("cli.no_rows"), diag::msg("cli.no_rows.hint"));
    return years.back();
  }
  if (std::find(years.begin(), years.end(), *o_.year) == years.end()) {
    std::string list;
    for (int y : years) list += (list.empty() ? "" : ", ") + std::to_string(y);
    throw option_error("--year", diag::msg("cli.year_not_in_data", *o_.year, table().path, list),
                       diag::msg("cli.year_not_in_data.hint"));
  }
  return *o_.year;
}

std::shared_ptr<const rules::RuleSet> Context::resolve_rules(const std::string& path_or_id) {
  std::error_code ec;
  if (fs::exists(path_or_id, ec) || diag::is_stdin(path_or_id)) {
    library_->load({path_or_id}, true);
    auto sel = library_->selected();
    for (const auto& id : sel) {
      const auto* f = library_->file(id);
      if (diag::is_stdin(path_or_id) ? f->path == diag::input_name(path_or_id) : fs::equivalent(f->path, path_or_id, ec))
        return library_->get(id);
    }
    if (sel.size() == 1) return library_->get(sel.front());
    throw option_error("--rules", diag::msg("cli.rules_folder", path_or_id), diag::msg("cli.rules_folder.hint"));
  }
  return library_->get(path_or_id);
}

std::shared_ptr<const rules::RuleSet> Context::rule_set(const std::string& kind) {
  if (!o_.rules.empty()) return resolve_rules(o_.rules.front());
  return library_->in_force(kind, year());
}

rules::Inputs Context::inputs(int y, std::vector<size_t>* rows) {
  *rows = table().rows_in_year(y);
  return rules::table_inputs(table(), *rows, std::make_shared<std::map<std::string, std::vector<double>>>());
}

void Context::emit(const std::string& text) const { report::write_output(o_.out, text); }

namespace {
bool is_csv(report::Format f) { return f == report::Format::kCsv || f == report::Format::kCsvExcel; }
bool to_stdout(const std::string& out) { return out.empty() || out == "-"; }
}  // namespace

void Context::emit(const std::vector<report::ResultTable>& tables) const {
  if (!is_csv(format_)) {
    emit(report::render(tables, format_));
    return;
  }
  if (to_stdout(o_.out)) {
    print(tables);
    return;
  }
  // A CSV file holds one table: the first goes to --out, each other one to a file beside it.
  report::write_files(report::csv_files(tables, o_.out, format_), "--out");
}

void Context::print(const std::vector<report::ResultTable>& tables) const {
  if (!is_csv(format_) || tables.size() < 2) {
    report::write_output("-", report::render(tables, format_));
    return;
  }
  // Standard output keeps one table, so that it reads as one CSV; stderr says how to get the others.
  report::write_output("-", report::render(tables.front(), format_));
  const std::vector<std::string> names = report::table_file_names(tables);
  std::string others;
  for (size_t i = 1; i < names.size(); ++i) others += (i > 1 ? ", " : "") + report::sibling_csv_path(diag::msg("csvsplit.file"), names[i]);
  std::fputs(diag::msg("report.note", diag::msg("csvsplit.stdout_first", names.front(), others)).c_str(), stderr);
  std::fputs("\n", stderr);
}

void Context::check_csv_files(const std::vector<std::string>& names) const {
  if (!is_csv(format_) || to_stdout(o_.out)) return;
  for (size_t i = 1; i < names.size(); ++i) diag::check_output_target(report::sibling_csv_path(o_.out, names[i]), "--out");
}

void Context::emit(const report::ResultTable& table) const {
  if (is_csv(format_) && !to_stdout(o_.out)) report::write_files(report::csv_files({table}, o_.out, format_), "--out");
  else emit(report::render(table, format_));
}

}  // namespace lotrinh::cli
