#pragma once
// Where each value of a commune table came from: reported (with its source), derived (from
// what) or estimated (by which step of which method). A value computed from other values of the
// table names them in `from`; the table follows those chains, so that a value computed from an
// estimated value counts as estimated, whatever its own row says (rules/README.md, "Provenance").
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace lotrinh::data {

/// The provenance of one value.
struct Provenance {
  std::string kind;    ///< reported | derived | estimated, after following `from` (see below)
  std::string stated;  ///< The kind as the row writes it.
  std::string source;  ///< Document and section, what it is derived from, or the method step.
  /// The values it is computed from, as written: `indicator` (same unit and year),
  /// `year/indicator` (same unit) or `unit/year/indicator`.
  std::vector<std::string> from;
};

/// Provenance rows keyed by (unit, year, indicator). Read from a CSV with the header
/// `commune,year,indicator,kind,source` and an optional sixth column `from` (the file
/// `provenance.csv` beside a commune table). A value whose `from` reaches, directly or through
/// other values, an estimated value has kind "estimated"; `stated` keeps what its row says.
class ProvenanceTable {
 public:
  /// Parses the CSV; every problem is located and thrown together as InputError (an unknown
  /// kind, a year that is not a number, a value given twice, a `from` naming no value of the
  /// table, a value computed, through its `from`, from itself).
  static ProvenanceTable parse(const std::string& path, std::string_view text);
  /// Reads `path`; an absent file gives an empty table (nothing recorded). The Vietnamese of its
  /// sources is read from translations_path(path) when that file is present.
  static ProvenanceTable read_if_present(const std::string& path);
  /// "provenance-vi.csv" beside "provenance.csv": the file of the sources' Vietnamese.
  static std::string translations_path(const std::string& path);
  /// Reads the sources' Vietnamese: a CSV with the header `source,source_vi`, one row per source
  /// text (every one the project's translation). A row of the wrong width, a source given
  /// twice or an empty source_vi is an error located at its cell.
  void parse_translations(const std::string& path, std::string_view text);

  /// The source of `p` as the reader reads it: its Vietnamese under words (Vietnamese without
  /// --codes) where the translations give one, else the source as written.
  const std::string& source_text(const Provenance& p) const;
  /// The sources (as written) that have no Vietnamese, sorted.
  std::vector<std::string> untranslated() const;

  /// The provenance of a value, or nullptr when none is recorded.
  const Provenance* find(const std::string& unit, int year, const std::string& indicator) const;
  bool empty() const { return rows_.empty(); }
  size_t size() const { return rows_.size(); }
  /// Number of values of each kind after following the chains: reported, derived, estimated.
  std::tuple<size_t, size_t, size_t> counts() const;

 private:
  std::map<std::tuple<std::string, int, std::string>, Provenance> rows_;
  std::map<std::string, std::string> source_vi_;  ///< source as written -> its Vietnamese
};

}  // namespace lotrinh::data
