#pragma once
// The indicator catalogue: every indicator id a rule file or table may use.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/source_file.h"

namespace lotrinh::data {

/// How a commune indicator is combined when communes are merged or aggregated: not at all, summed,
/// a mean weighted by another indicator (Indicator::weight), the largest, the smallest, or 1 when
/// any unit has 1.
enum class Aggregation { kNone, kSum, kWeighted, kMax, kMin, kAny };

struct Indicator {
  std::string id;
  std::string name_vi, name_en;
  std::string unit;        ///< fraction | count | households | people | km | flag | VND | ...
  double min = -1e300, max = 1e300;  ///< Valid range, inclusive.
  std::string csv_unit;    ///< "percent": the CSV column holds percent, converted to a fraction.
  std::string standard;    ///< Poverty standard it is measured under ("59/2015", "07/2021"), if any.
  Aggregation aggregation = Aggregation::kNone;
  std::string weight;      ///< kWeighted: the indicator whose values weight the mean (e.g. households).
  std::string note;
  diag::SourceLoc loc;
};

/// A name that resolves to a different indicator depending on the data year.
struct Alias {
  struct Period {
    int from_year = 0, until_year = 0;  ///< Inclusive; 0 = open.
    std::string indicator;
  };
  std::string id;
  std::string name_vi, name_en;
  std::vector<Period> periods;
  diag::SourceLoc loc;
};

/// All indicators and aliases. Lookups are by id.
class Catalogue {
 public:
  void add(Indicator ind);
  void add(Alias alias);
  const Indicator* find(const std::string& id) const;
  const Alias* find_alias(const std::string& id) const;
  /// True for an indicator or an alias id.
  bool knows(const std::string& id) const { return find(id) || find_alias(id); }
  /// For an alias, the indicator in force in `year` (nullopt when no period covers it); for an
  /// indicator, itself; nullopt for an unknown id.
  std::optional<std::string> resolve(const std::string& id, int year) const;
  /// Every indicator and alias id, sorted (for did-you-mean hints).
  std::vector<std::string> ids() const;
  const std::map<std::string, Indicator>& indicators() const { return indicators_; }
  const std::map<std::string, Alias>& aliases() const { return aliases_; }

 private:
  std::map<std::string, Indicator> indicators_;
  std::map<std::string, Alias> aliases_;
};

}  // namespace lotrinh::data
