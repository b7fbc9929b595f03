#pragma once
// Official classifications as reported data: the lists a government published of which class
// each named unit is in (or, where only that is known, how many units are in each class), each
// with the data years it stands for, so that a computed class can be shown beside the official
// one. Read from a CSV (the caller names the file; beside a commune table it is
// official_lists.csv) with the header
//   list,decision,date,data_from,data_to,classification,unit,class,count,source,note
// one row per unit named (unit and class) or per class counted (class and count).
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace lotrinh::data {

/// One published list.
struct OfficialList {
  std::string id;                  ///< Unique in the file, e.g. "qd-861-2021".
  std::string decision, date;      ///< The act that publishes it and its date, as written.
  int data_from = 0, data_to = 0;  ///< The data years whose classification the list stands for.
  std::string classification;      ///< The rule sets' classification it gives, e.g. "region".
  std::map<std::string, std::string> unit_class;     ///< Unit -> official class.
  std::map<std::string, diag::SourceLoc> unit_loc;   ///< Where each unit is named.
  std::map<std::string, long> class_count;           ///< Class -> units, where only counts are known.
  diag::SourceLoc loc;                               ///< The list's first row.
};

/// The lists of one file, in file order. No two lists stand for the same data year.
class OfficialLists {
 public:
  /// Parses the CSV; every problem is located and thrown together as InputError (a missing
  /// column, a year or count that is not a number, a row both or neither of unit and count, a
  /// unit or count given twice, rows of one list that disagree, lists whose years overlap).
  static OfficialLists parse(const std::string& path, std::string_view text);
  /// Reads `path`; an absent file gives no lists.
  static OfficialLists read_if_present(const std::string& path);

  /// The list standing for data year `year` (data_from <= year <= data_to), or nullptr.
  const OfficialList* for_year(int year) const;
  const std::vector<OfficialList>& lists() const { return lists_; }
  bool empty() const { return lists_.empty(); }

 private:
  std::vector<OfficialList> lists_;
};

}  // namespace lotrinh::data
