#pragma once
// What every command loads: the bundled files, the catalogue, the rule library, the table.
#include <memory>
#include <string>

#include "cli/options.h"
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

/// Loaded inputs of one command run.
class Context {
 public:
  explicit Context(const Options& o);

  const Options& options() const { return o_; }
  const data::Catalogue& catalogue() const { return *catalogue_; }
  rules::RuleLibrary& library() { return *library_; }

  /// The commune table (--data, else the bundled Kon Tum dataset, else the bundled example),
  /// loaded on first use.
  const data::CommuneTable& table();
  /// The provenance of the table's values (provenance.csv beside it; empty when absent).
  const data::ProvenanceTable& provenance();
  /// The official lists beside the table (official_lists.csv; none when absent).
  const data::OfficialLists& official_lists();
  /// The units registry beside the table (units.csv), or nullptr when there is none.
  const data::UnitRegistry* units();
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

 private:
  Options o_;
  std::unique_ptr<data::Catalogue> catalogue_;
  std::unique_ptr<rules::RuleLibrary> library_;
  std::string data_path() const;

  std::unique_ptr<data::CommuneTable> table_;
  std::unique_ptr<data::ProvenanceTable> provenance_;
  std::unique_ptr<data::OfficialLists> official_lists_;
  std::unique_ptr<data::UnitRegistry> units_;
  bool units_loaded_ = false;
  rules::Overrides overrides_;
  report::Format format_ = report::Format::kTable;
};

}  // namespace lotrinh::cli
