#pragma once
// Twinning (kết nghĩa): provincial agencies paired with communes over time, with the
// reassignments between communes (the agencies and twinning tables of a province folder).
#include <optional>
#include <string>
#include <vector>

#include "data/unit_registry.h"

namespace lotrinh::data {

/// The period a twinning history covers: from `start` (the day the units tables begin) to
/// `until` (the date of the report that closes it; a province's manifest gives both).
struct TwinningSpan {
  UnitDate start;
  UnitDate until;
};

/// An agency (a provincial body, an enterprise or an armed-forces unit).
struct Agency {
  std::string id;      ///< Key, such as bhxh-tinh or unnamed-07.
  std::string name;    ///< As the source writes it; empty when unnamed.
  bool named = false;  ///< False: the source counts the agency but does not name it.
  std::string source;  ///< Where it is named or counted.
  diag::SourceLoc loc;  ///< The id cell.
};

/// One agency twinned with one commune over [from, until).
struct Twinning {
  std::string agency;              ///< Agency id.
  std::string commune;             ///< Unit slug (resolved from what the row wrote).
  std::optional<UnitDate> from;    ///< Empty: before the span's start.
  std::optional<UnitDate> until;   ///< Empty: still at the report's date.
  std::string moved_from;          ///< For a reassignment, the commune the agency left on `from`.
  std::string basis;               ///< reported, derived or inferred (the pair).
  std::string source;              ///< The report's footnotes and sections.
  diag::SourceLoc loc;             ///< The agency cell.

  /// True when the twinning holds on `day`.
  bool active_on(const UnitDate& day) const;
};

/// A reassignment: the agency left `from_commune` for `to_commune` on `date`.
struct Reassignment {
  std::string agency, from_commune, to_commune;  ///< Agency id and unit slugs.
  UnitDate date;                                 ///< The day of the move.
};

/// Agencies and their twinnings, checked against the units registry: every agency and commune
/// known (did-you-mean hints), dates valid and within the commune's life, an agency twinned with
/// one commune at a time, and a reassignment following a twinning that ended that day.
class TwinningHistory {
 public:
  /// Parses agencies.csv (id, name, status named|unnamed, source) and twinning.csv (agency,
  /// commune, from, until, moved_from, basis, source). A commune may be written as anything
  /// UnitRegistry::find accepts in the year of `from` (the span's start when empty); an open
  /// `until` means "still on span.until". Throws InputError.
  static TwinningHistory parse(const std::string& agencies_path, std::string_view agencies_text,
                               const std::string& twinning_path, std::string_view twinning_text,
                               const UnitRegistry& registry, const TwinningSpan& span);
  /// Reads `dir`/agencies.csv and `dir`/twinning.csv.
  static TwinningHistory load_dir(const std::string& dir, const UnitRegistry& registry, const TwinningSpan& span);

  /// The agencies, in file order.
  const std::vector<Agency>& agencies() const { return agencies_; }
  /// The twinnings, in file order.
  const std::vector<Twinning>& twinnings() const { return twinnings_; }
  /// Slugs of the communes twinned on `day`, sorted.
  std::vector<std::string> communes_on(const UnitDate& day) const;
  /// Ids of the agencies twinned with a commune on `day`, sorted.
  std::vector<std::string> agencies_on(const UnitDate& day) const;
  /// The reassignments, in file order.
  std::vector<Reassignment> reassignments() const;
  /// Twinnings that began after the span's start and are not reassignments (new twinnings).
  std::vector<const Twinning*> new_twinnings() const;

 private:
  std::vector<Agency> agencies_;
  std::vector<Twinning> twinnings_;
  TwinningSpan span_;
};

}  // namespace lotrinh::data
