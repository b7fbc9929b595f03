#pragma once
// The funding ledger of a programme: amounts in whole dong by item, source and purpose, with
// parts under their totals (the funding table of a province folder).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source_file.h"

namespace lotrinh::data {

/// What an amount says: exactly this, or more than this ("trên 14 tỷ đồng").
enum class AmountBound { kExact, kMoreThan };
/// How a row's parts (the rows naming it as parent) relate to it.
enum class PartsRelation {
  kNone,      ///< The row has no parts.
  kComplete,  ///< The parts make up the amount, less the row's stated difference.
  kPartial,   ///< The parts are items "of which": they add up to no more than the amount.
};

/// One row of the ledger.
struct FundingEntry {
  std::string id;       ///< Unique key, such as econ-infra.ntp.
  std::string parent;   ///< The row this is a part of; empty for a top-level row.
  std::string item;     ///< What the money went to, in English.
  std::string purpose;  ///< Purpose group, such as "rural power".
  std::string source;   ///< Who paid, such as "provincial budget".
  std::int64_t amount_vnd = 0;             ///< Whole dong (billion VND x 1e9).
  AmountBound bound = AmountBound::kExact;  ///< Exact, or a lower bound.
  PartsRelation parts = PartsRelation::kNone;  ///< How the parts relate to the amount.
  std::int64_t parts_differ_vnd = 0;  ///< Complete parts: amount minus the sum of the parts, as the source has it.
  std::string section;  ///< The report's section (and footnote).
  std::string kind;     ///< reported or derived.
  std::string commune;  ///< Unit slug when the money went to one commune; may be empty.
  std::string note;     ///< Remarks.
  diag::SourceLoc loc;  ///< The id cell.
};

/// A checked funding ledger: unique ids, parents listed before their parts, whole-dong amounts,
/// and parts that add up (complete: sum + stated difference = amount, a lower-bound part making
/// the total a lower bound; partial: sum <= amount). Every problem is located (InputError).
class FundingLedger {
 public:
  /// Parses the ledger CSV (header: id, parent, item, purpose, source, amount_vnd, bound, parts,
  /// parts_differ_vnd, section, kind; optional commune, note).
  static FundingLedger parse(const std::string& path, std::string_view text);
  /// Reads and parses the ledger at `path`.
  static FundingLedger read(const std::string& path);

  /// The rows, in file order.
  const std::vector<FundingEntry>& entries() const { return entries_; }
  /// The row with this id, or nullptr.
  const FundingEntry* find(std::string_view id) const;
  /// The rows whose parent is `id`, in file order.
  std::vector<const FundingEntry*> parts_of(std::string_view id) const;
  /// The sum of the amounts of the parts of `id` (0 when it has none).
  std::int64_t sum_of_parts(std::string_view id) const;
  /// The rows that count once when the ledger is summed: rows without complete parts that are
  /// not items of a partial row. A stated difference of a complete row is not in them.
  std::vector<const FundingEntry*> base_entries() const;
  /// Sums of base_entries() by source.
  std::map<std::string, std::int64_t> totals_by_source() const;
  /// Sums of base_entries() by purpose.
  std::map<std::string, std::int64_t> totals_by_purpose() const;

 private:
  std::vector<FundingEntry> entries_;
};

}  // namespace lotrinh::data
