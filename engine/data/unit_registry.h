#pragma once
// Administrative units with dates (communes, wards, towns), their look-up by slug, GSO code or
// name in a given year, and their lineage through mergers (the units and lineage tables of a province folder; scenarios/README.md).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source_file.h"

namespace lotrinh::data {

/// A calendar day, as written in a units table (YYYY-MM-DD).
struct UnitDate {
  int year = 0, month = 0, day = 0;  ///< As written; checked to be a real day.
  /// Chronological order.
  auto operator<=>(const UnitDate&) const = default;
  /// "2025-07-01".
  std::string str() const;
  /// Parses YYYY-MM-DD (a real day); nullopt otherwise.
  static std::optional<UnitDate> parse(std::string_view text);
};

/// One unit over its lifetime. It exists on the days `from` <= d < `until`.
struct Unit {
  std::string slug;           ///< Unique over all time (dak-long-dak-glei).
  std::string gso_code;       ///< Empty when not known; codes are reused across a merger.
  std::string name;           ///< Vietnamese, NFC, without the kind word.
  std::string kind;           ///< ward, town or commune.
  std::string district;       ///< District slug; empty for units of a time without districts.
  std::string district_name;  ///< District name for messages (the slug when the table has none).
  std::optional<UnitDate> from;   ///< First day; empty = before the table's start.
  std::optional<UnitDate> until;  ///< First day it no longer exists; empty = still exists.
  std::string successor;          ///< The `successor` cell (slug of the unit it became part of), may be empty.
  std::vector<std::string> aliases;  ///< Other spellings.
  diag::SourceLoc loc;            ///< The slug cell.
  diag::SourceLoc successor_loc;  ///< The successor cell.

  /// True when the unit existed on 31 December of `year` (the year a data row describes).
  bool exists_in(int year) const;
};

/// One row of a lineage table: `old_slug` became (part of) `new_slug` on `date`.
struct LineageStep {
  std::string old_slug, new_slug, event, source;  ///< event: merged, unchanged or renamed.
  UnitDate date;
  diag::SourceLoc loc;  ///< The old_slug cell.
};

/// The units of a province over time. Tables are read with every problem located and reported
/// together (diag::InputError).
class UnitRegistry {
 public:
  /// Reads a units table: columns slug, name, kind (required); gso_code (or code), district,
  /// district_name, from, until, successor, aliases (optional); other columns are ignored.
  static UnitRegistry parse(const std::string& path, std::string_view units_csv_text);
  /// Reads the units tables in order (e.g. the units before and after a merger), then the lineage
  /// table unless `lineage_path` is empty.
  static UnitRegistry load(const std::vector<std::string>& units_paths, const std::string& lineage_path);
  /// Reads `dir`/units.csv, then every `dir`/units_*.csv in name order, then `dir`/lineage.csv
  /// when present.
  static UnitRegistry load_dir(const std::string& dir);

  /// Adds the units of another table (e.g. the units after a merger); slugs stay unique.
  void add_units(const std::string& path, std::string_view units_csv_text);
  /// Reads a lineage table (old_slug, new_slug, date, event, source) and checks it: every unit
  /// ending on a step's date appears exactly once in that step, every unit beginning on it has a
  /// predecessor, and the units table's successor column agrees.
  void set_lineage(const std::string& path, std::string_view lineage_csv_text);

  /// Finds a unit by slug, GSO code, name or alias (with or without diacritics, NFC or NFD, any
  /// case, optionally after a kind word) among units that existed in `year`. Throws InputError
  /// when nothing matches (with did-you-mean, or the dates of a unit of another year) or when
  /// several units match (listing each with its district and slug).
  const Unit& find(std::string_view query, int year) const;

  /// The unit with this slug, or nullptr.
  const Unit* by_slug(std::string_view slug) const;
  /// Units that existed in `year`, in table order.
  std::vector<const Unit*> units_in(int year) const;
  /// All units, in table order.
  const std::vector<Unit>& units() const { return units_; }
  /// The last unit of the lineage chain from `slug` (the latest unit an old unit is part of);
  /// nullptr when the unit never ended or no lineage is known. Without a lineage table the
  /// units table's successor column is used.
  const Unit* successor(std::string_view slug) const;
  /// The unit `slug` was part of on `day`: the lineage chain followed through every step whose
  /// unit had ended by `day` (a unit exists on from <= d < until); nullptr when `slug` itself
  /// still existed on `day` (or is unknown).
  const Unit* successor_on(std::string_view slug, const UnitDate& day) const;
  /// The units that became (part of) `new_slug`, in lineage order.
  std::vector<const Unit*> predecessors(std::string_view new_slug) const;
  /// The lineage rows, in file order.
  const std::vector<LineageStep>& lineage() const { return lineage_; }

 private:
  void add_table(const std::string& path, std::string_view text);
  /// The unit `slug` became (part of) when it ended, or nullptr.
  const Unit* next_unit(std::string_view slug) const;

  std::vector<Unit> units_;
  std::vector<std::vector<std::string>> keys_;  ///< Folded name and aliases per unit.
  std::map<std::string, size_t, std::less<>> by_slug_;
  std::vector<LineageStep> lineage_;
};

/// Folds a name for matching: NFC, combining marks removed (NFD, then strip Mn), đ/Đ mapped to
/// d/D, lowercase (ICU). "Đắk Long", "Đăk Long" and "Dak Long" all fold to "dak long".
std::string fold_name(std::string_view s);

}  // namespace lotrinh::data
