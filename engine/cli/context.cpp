#include "cli/context.h"

#include <cstdlib>
#include <filesystem>

#include "config/catalogue_reader.h"
#include "data/csv_table_reader.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "report/output.h"

#ifndef LOTRINH_SOURCE_HOME
#define LOTRINH_SOURCE_HOME "."
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
  auto f = report::parse_format(o.format);
  if (!f) throw option_error("--format", diag::msg("cli.bad_format", o.format), diag::msg("cli.bad_format.hint"));
  format_ = *f;
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

const data::CommuneTable& Context::table() {
  if (!table_) {
    std::string path = o_.data.empty() ? home() + "/scenarios/example/communes.csv" : o_.data;
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
  if (fs::exists(path_or_id, ec)) {
    library_->load({path_or_id}, true);
    auto sel = library_->selected();
    for (const auto& id : sel) {
      const auto* f = library_->file(id);
      if (fs::equivalent(f->path, path_or_id, ec)) return library_->get(id);
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

}  // namespace lotrinh::cli
