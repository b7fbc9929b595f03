#pragma once
// What every command loads: the bundled files, the catalogue, the rule library, the table.
#include <memory>
#include <string>

#include "cli/options.h"
#include "config/province_file.h"
#include "data/catalogue.h"
#include "data/commune_table.h"
#include "data/official_lists.h"
#include "data/provenance.h"
#include "data/unit_registry.h"
#include "report/render.h"
#include "rules/evaluation.h"
#include "rules/rule_library.h"

namespace lotrinh::cli {

/// The folder holding the bundled rules/ and scenarios/: $LOTRINH_HOME, else the source tree
/// the binary was built from.
std::string home();
/// The default province folder (home() joined with the build's LOTRINH_DEFAULT_PROVINCE), or ""
/// when the build names none.
std::string default_province_dir();

/// Loaded inputs of one command run.
class Context {
 public:
  explicit Context(const Options& o);

  const Options& options() const { return o_; }
  const data::Catalogue& catalogue() const { return *catalogue_; }
  rules::RuleLibrary& library() { return *library_; }

  /// The commune table: --data FILE, the communes table of --data DIR's manifest, else that of
  /// the default province (else the bundled example); loaded on first use.
  const data::CommuneTable& table();
  /// The province folder's manifest: --data DIR, the folder of --data FILE when it holds a
  /// province.toml, else the default province (a bare table is read against it, as it always
  /// was); nullptr when there is none. Read on first use.
  const config::ProvinceFile* province();
  /// The province, or an InputError naming --data that says `command` needs one.
  const config::ProvinceFile& need_province(const std::string& command);
  /// The path of the province's table `key` (districts, district_borders, district_centres,
  /// roads, figures, lineage); an InputError when there is no province or it names no such table.
  std::string province_table(const std::string& command, const std::string& key);
  /// The provenance of the table's values (the province's, else provenance.csv beside the table;
  /// empty when absent).
  const data::ProvenanceTable& provenance();
  /// The official lists beside the table (official_lists.csv; none when absent).
  const data::OfficialLists& official_lists();
  /// The units registry: the province's units and lineage tables (the table's own province), else
  /// units.csv beside a bare table; nullptr when there is none.
  const data::UnitRegistry* units();
  /// The units registry of province(), even for a bare table read against the default province;
  /// nullptr when there is none.
  const data::UnitRegistry* province_units();
  /// The table row of the unit `query` (slug, code or name, with or without diacritics) in
  /// `year`; throws InputError naming --commune when it is unknown or ambiguous.
  size_t find_unit_row(const std::string& query, int year);
  /// "N of M values ... are estimated" for the inputs `rs` reads in `rows`, or "" when the
  /// table has no provenance.
  std::string estimated_note(const rules::RuleSet& rs, const std::vector<size_t>& rows, int year);
  /// The same for the indicator or alias ids `ids`, read in `rows` (each row in its own year).
  std::string estimated_note(const std::vector<std::string>& ids, const std::vector<size_t>& rows);
  /// (estimated, total) non-missing values of `ids` in `rows`; (0, 0) without provenance.
  std::pair<size_t, size_t> estimated_count(const std::vector<std::string>& ids, const std::vector<size_t>& rows);
  /// --year, else the latest year in the table; checked against the table's years.
  int year();
  /// --set values, parsed.
  const rules::Overrides& overrides() const { return overrides_; }
  /// The rule set: the one --rules names (a file or an id), else the one of `kind` in force.
  std::shared_ptr<const rules::RuleSet> rule_set(const std::string& kind = "commune-region");
  /// Resolves one --rules value (a path or an id) to a rule set.
  std::shared_ptr<const rules::RuleSet> resolve_rules(const std::string& path_or_id);
  /// Inputs for the table's rows of `year`, and those row indexes.
  rules::Inputs inputs(int year, std::vector<size_t>* rows);
  report::Format format() const { return format_; }
  /// Writes to --out (or stdout).
  void emit(const std::string& text) const;
  /// Renders `tables` in --format and writes them to --out (or stdout). CSV holds one table per
  /// file: with --out, the first table goes to --out and each other one to a file beside it
  /// (report::csv_files), each ending with its caveats (rule set, data year, draft banner,
  /// estimated share) as '#' lines, which lotrinh's CSV reader skips; see print() for stdout.
  void emit(const std::vector<report::ResultTable>& tables) const;
  void emit(const report::ResultTable& table) const;
  /// Renders `tables` in --format to standard output, whatever --out says. In CSV, only the
  /// first table, as a plain table, and a note on stderr naming the files --out would add.
  void print(const std::vector<report::ResultTable>& tables) const;
  /// Before a long run: in CSV with --out, checks the files emit() will write beside --out for
  /// tables named `names` (the first at --out, checked already), as report::write_files does.
  void check_csv_files(const std::vector<std::string>& names) const;

 private:
  Options o_;
  std::unique_ptr<data::Catalogue> catalogue_;
  std::unique_ptr<rules::RuleLibrary> library_;
  std::string data_path();
  void resolve_data();
  bool resolved_ = false;
  bool own_province_ = true;  ///< False: a bare table read against the default province.
  std::unique_ptr<data::UnitRegistry> province_units_;
  std::string table_path_;
  std::unique_ptr<config::ProvinceFile> province_;

  std::unique_ptr<data::CommuneTable> table_;
  std::unique_ptr<data::ProvenanceTable> provenance_;
  std::unique_ptr<data::OfficialLists> official_lists_;
  std::unique_ptr<data::UnitRegistry> units_;
  bool units_loaded_ = false;
  rules::Overrides overrides_;
  report::Format format_ = report::Format::kTable;
};

}  // namespace lotrinh::cli
