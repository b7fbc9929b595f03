#pragma once
// Where each value of a commune table came from: reported (with its source), derived (from
// what) or estimated (by which step of which method).
#include <map>
#include <string>
#include <string_view>
#include <tuple>

namespace lotrinh::data {

/// The provenance of one value.
struct Provenance {
  std::string kind;    ///< reported | derived | estimated
  std::string source;  ///< Document and section, what it is derived from, or the method step.
};

/// Provenance rows keyed by (unit, year, indicator). Read from a CSV with the header
/// `commune,year,indicator,kind,source` (the file `provenance.csv` beside a commune table).
class ProvenanceTable {
 public:
  /// Parses the CSV; every problem is located and thrown together as InputError (an unknown
  /// kind, a year that is not a number, a value given twice).
  static ProvenanceTable parse(const std::string& path, std::string_view text);
  /// Reads `path`; an absent file gives an empty table (nothing recorded).
  static ProvenanceTable read_if_present(const std::string& path);

  /// The provenance of a value, or nullptr when none is recorded.
  const Provenance* find(const std::string& unit, int year, const std::string& indicator) const;
  bool empty() const { return rows_.empty(); }
  size_t size() const { return rows_.size(); }

 private:
  std::map<std::tuple<std::string, int, std::string>, Provenance> rows_;
};

}  // namespace lotrinh::data
