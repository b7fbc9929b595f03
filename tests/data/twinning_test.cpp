// The twinning history of the Kon Tum agencies and communes (scenarios/kontum/agencies.csv and
// twinning.csv) against units.csv, and the checks of the history's loader.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "data/csv_table_reader.h"
#include "data/twinning.h"
#include "data/unit_registry.h"
#include "diag/diagnostic.h"
#include "diag/text_file.h"

using namespace lotrinh::data;
using lotrinh::diag::InputError;

namespace {

const std::string kKontum = std::string(LOTRINH_SOURCE_HOME) + "/scenarios/kontum";

// The span of the Kon Tum history: the units tables begin on 2016-01-01; report 141-BC/TU
// (8 Nov 2021) closes it (scenarios/kontum/province.toml, [years]).
const TwinningSpan kSpan{{2016, 1, 1}, {2021, 11, 8}};

const UnitRegistry& kontum() {
  static const UnitRegistry r = UnitRegistry::load_dir(kKontum);
  return r;
}

// The slugs flagged 1 in a column of units.csv.
std::vector<std::string> flagged(const std::string& column) {
  const std::string path = kKontum + "/units.csv";
  const auto records = parse_csv(path, lotrinh::diag::read_file(path), CsvDialect::kRfc4180);
  size_t slug = 0, flag = 0;
  for (size_t i = 0; i < records[0].cells.size(); ++i) {
    if (records[0].cells[i] == "slug") slug = i;
    if (records[0].cells[i] == column) flag = i;
  }
  std::set<std::string> out;
  for (size_t r = 1; r < records.size(); ++r)
    if (records[r].cells.size() > flag && records[r].cells[flag] == "1") out.insert(records[r].cells[slug]);
  return {out.begin(), out.end()};
}

const char* const kUnits =
    "slug,gso_code,name,kind,district,district_name,from,until\n"
    "sa-son,23539,Sa Sơn,commune,sa-thay,Sa Thầy,,\n"
    "dak-long-dak-ha,23504,Đăk Long,commune,dak-ha,Đăk Hà,,\n"
    "dak-long-dak-glei,23368,Đăk Long,commune,dak-glei,Đăk Glei,,\n"
    "dak-long-kon-plong,,Đăk Long,commune,kon-plong,Kon Plông,,2019-09-01\n";
const char* const kAgencies =
    "id,name,status,source\n"
    "bhxh-tinh,Bảo hiểm xã hội tỉnh,named,fn5\n"
    "unnamed-01,,unnamed,fn10\n";
const char* const kTwinningHeader = "agency,commune,from,until,moved_from,basis,source\n";

const UnitRegistry& tiny() {
  static const UnitRegistry r = UnitRegistry::parse("units.csv", kUnits);
  return r;
}

TwinningHistory history(const std::string& twinning, const std::string& agencies = kAgencies) {
  return TwinningHistory::parse("agencies.csv", agencies, "twinning.csv", twinning, tiny(), kSpan);
}

std::string error_of(const std::string& twinning, const std::string& agencies = kAgencies) {
  try {
    history(twinning, agencies);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("51 communes are twinned at the start of 2016 and 51 at the report's date, as units.csv flags them", "[data]") {
  const TwinningHistory h = TwinningHistory::load_dir(kKontum, kontum(), kSpan);
  const auto start = h.communes_on({2016, 1, 1});
  const auto end = h.communes_on(kSpan.until);
  CHECK(start.size() == 51);
  CHECK(end.size() == 51);
  CHECK(start == flagged("twinned_2016"));
  CHECK(end == flagged("twinned_2021"));
}

TEST_CASE("73 agencies are listed, the ones the report names among them", "[data]") {
  const TwinningHistory h = TwinningHistory::load_dir(kKontum, kontum(), kSpan);
  CHECK(h.agencies().size() == 73);
  size_t named = 0;
  for (const auto& a : h.agencies()) named += a.named;
  CHECK(named == 21);
  // The agencies placed in a commune at the report's date; the others' communes are not known.
  CHECK(h.agencies_on(kSpan.until).size() == 59);
}

TEST_CASE("the 8 reassignments and 5 new twinnings of 2018-2019 are in the history", "[data]") {
  const TwinningHistory h = TwinningHistory::load_dir(kKontum, kontum(), kSpan);
  const auto moves = h.reassignments();
  REQUIRE(moves.size() == 8);
  CHECK(moves[0].agency == "bhxh-tinh");
  CHECK(moves[0].from_commune == "sa-son");
  CHECK(moves[0].to_commune == "dak-long-dak-ha");
  std::set<std::string> to;
  for (const auto& m : moves) to.insert(m.to_commune);
  CHECK(to == std::set<std::string>{"dak-long-dak-ha", "dak-to-re", "hieu", "mang-canh", "dak-ui", "dak-kroong",
                                    "dak-to-lung", "ngoc-tu"});
  std::set<std::string> fresh;
  for (const auto* t : h.new_twinnings()) fresh.insert(t->agency + "@" + t->commune);
  CHECK(fresh == std::set<std::string>{"cong-ty-732@sa-loong", "viettel-kon-tum@dak-ro-ong", "quy-bv-ptr@van-lem",
                                       "xang-dau-kon-tum@dak-long-dak-glei", "dang-uy-khoi-cq-dn@muong-hoong"});
}

TEST_CASE("a commune may be written by name, and a move follows the twinning it ends", "[data]") {
  const TwinningHistory h = history(std::string(kTwinningHeader) +
                                    "bhxh-tinh,Sa Son,,2019-05-21,,reported,fn5\n"
                                    "bhxh-tinh,dak-long-dak-ha,2019-05-21,,sa-son,reported,fn5\n"
                                    "unnamed-01,dak-long-kon-plong,,2019-09-01,,inferred,fn9\n");
  CHECK(h.twinnings()[0].commune == "sa-son");
  CHECK(h.communes_on({2016, 1, 1}) == std::vector<std::string>{"dak-long-kon-plong", "sa-son"});
  CHECK(h.communes_on({2019, 5, 21}) == std::vector<std::string>{"dak-long-dak-ha", "dak-long-kon-plong"});
  CHECK(h.communes_on({2020, 1, 1}) == std::vector<std::string>{"dak-long-dak-ha"});
  REQUIRE(h.reassignments().size() == 1);
  CHECK(h.reassignments()[0].date == UnitDate{2019, 5, 21});
}

TEST_CASE("unknown agencies and communes are reported at their cells with suggestions", "[data]") {
  CHECK(error_of(std::string(kTwinningHeader) +
                 "bhxh-tinhh,sa-son,,,,reported,fn5\n"
                 "zzz,sa-son,,,,reported,fn5\n"
                 "unnamed-01,Đăk Long,,,,inferred,fn9\n"
                 "unnamed-01,sa-sonn,,,,inferred,fn9\n"
                 "unnamed-01,,,,,inferred,fn9\n") ==
        "twinning.csv:2:1: error: unknown agency 'bhxh-tinhh'\n"
        "  bhxh-tinhh,sa-son,,,,reported,fn5\n"
        "  ^\n"
        "  hint: did you mean 'bhxh-tinh'?\n"
        "twinning.csv:3:1: error: unknown agency 'zzz'\n"
        "  zzz,sa-son,,,,reported,fn5\n"
        "  ^\n"
        "  hint: use the id of an agency of agencies.csv\n"
        "twinning.csv:4:12: error: 'Đăk Long' matches 3 units that existed in 2016: Đăk Long (Đăk Hà, dak-long-dak-ha); "
        "Đăk Long (Đăk Glei, dak-long-dak-glei); Đăk Long (Kon Plông, dak-long-kon-plong)\n"
        "  unnamed-01,Đăk Long,,,,inferred,fn9\n"
        "             ^\n"
        "  hint: name the unit by its slug, such as 'dak-long-dak-ha'\n"
        "twinning.csv:5:12: error: no unit 'sa-sonn' existed in 2016\n"
        "  unnamed-01,sa-sonn,,,,inferred,fn9\n"
        "             ^\n"
        "  hint: did you mean 'Sa Sơn'?\n"
        "twinning.csv:6:12: error: the 'commune' cell is empty\n"
        "  unnamed-01,,,,,inferred,fn9\n"
        "             ^\n"
        "  hint: write the slug of the twinned commune, such as sa-loong\n");
}

TEST_CASE("bad dates and bases, and twinnings outside the commune's life are errors", "[data]") {
  CHECK(error_of(std::string(kTwinningHeader) +
                 "unnamed-01,sa-son,2019-13-01,,,guess,fn9\n"
                 "unnamed-01,sa-son,2020-01-01,2019-01-01,,inferred,fn9\n"
                 "unnamed-01,sa-son,,,dak-long-dak-ha,inferred,fn9\n"
                 "unnamed-01,dak-long-kon-plong,,,,inferred,fn9\n") ==
        "twinning.csv:2:19: error: '2019-13-01' in column 'from' is not a date\n"
        "  unnamed-01,sa-son,2019-13-01,,,guess,fn9\n"
        "                    ^\n"
        "  hint: write the date as YYYY-MM-DD, such as 2019-05-21, or leave the cell empty (from: before the history's start; "
        "until: still at the report's date)\n"
        "twinning.csv:2:32: error: unknown basis 'guess'\n"
        "  unnamed-01,sa-son,2019-13-01,,,guess,fn9\n"
        "                                 ^\n"
        "  hint: write reported, derived or inferred\n"
        "twinning.csv:3:30: error: the twinning ends on 2019-01-01, which is not after it begins (2020-01-01)\n"
        "  unnamed-01,sa-son,2020-01-01,2019-01-01,,inferred,fn9\n"
        "                               ^\n"
        "  hint: 'until' is the first day the agency is no longer twinned with the commune: it must come after "
        "'from'\n"
        "twinning.csv:4:21: error: a reassignment needs the day it took place\n"
        "  unnamed-01,sa-son,,,dak-long-dak-ha,inferred,fn9\n"
        "                      ^\n"
        "  hint: write the day of the move in the 'from' cell\n"
        "twinning.csv:5:12: error: the twinning with 'dak-long-kon-plong' (before 2016-01-01 to the report's date) is not "
        "within the life of Đăk Long (before 2016-01-01 to 2019-09-01)\n"
        "  unnamed-01,dak-long-kon-plong,,,,inferred,fn9\n"
        "             ^\n"
        "  hint: correct the dates of the twinning, or twin the unit that existed at the time\n");
}

TEST_CASE("an agency twinned twice at once and a move from a twinning that goes on are errors", "[data]") {
  CHECK(error_of(std::string(kTwinningHeader) +
                 "bhxh-tinh,sa-son,,,,reported,fn5\n"
                 "bhxh-tinh,dak-long-dak-ha,2019-05-21,,sa-son,reported,fn5\n") ==
        "twinning.csv:3:1: error: agency 'bhxh-tinh' is twinned with 'sa-son' (line 2) and 'dak-long-dak-ha' at the "
        "same time\n"
        "  bhxh-tinh,dak-long-dak-ha,2019-05-21,,sa-son,reported,fn5\n"
        "  ^\n"
        "  hint: an agency helps one commune at a time: end one twinning before the other begins\n"
        "twinning.csv:3:39: error: agency 'bhxh-tinh' moves from 'sa-son' on 2019-05-21, but no twinning of "
        "'bhxh-tinh' with 'sa-son' ends that day\n"
        "  bhxh-tinh,dak-long-dak-ha,2019-05-21,,sa-son,reported,fn5\n"
        "                                        ^\n"
        "  hint: add the row 'bhxh-tinh,sa-son,,2019-05-21' for the twinning the agency left, or correct the date\n");
}

TEST_CASE("the agencies table is checked row by row", "[data]") {
  CHECK(error_of(kTwinningHeader, "id,name,status,source\n"
                                  "bhxh-tinh,Bảo hiểm xã hội tỉnh,named,fn5\n"
                                  ",x,named,fn5\n"
                                  "bhxh-tinh,Again,named,fn5\n"
                                  "toa-an,,named,fn5\n"
                                  "unnamed-02,Ban X,unnamed,fn10\n"
                                  "x,Y,maybe,fn10\n") ==
        "agencies.csv:3:1: error: the 'id' cell is empty\n"
        "  ,x,named,fn5\n"
        "  ^\n"
        "  hint: give every agency an id, such as bhxh-tinh, or unnamed-01 for an agency the source does not name\n"
        "agencies.csv:4:1: error: agency 'bhxh-tinh' is listed twice (first on line 2)\n"
        "  bhxh-tinh,Again,named,fn5\n"
        "  ^\n"
        "  hint: list each agency once\n"
        "agencies.csv:5:8: error: agency 'toa-an' is marked named but has no name\n"
        "  toa-an,,named,fn5\n"
        "         ^\n"
        "  hint: write the agency's name as the source writes it, or mark it unnamed\n"
        "agencies.csv:6:12: error: agency 'unnamed-02' is marked unnamed but has the name 'Ban X'\n"
        "  unnamed-02,Ban X,unnamed,fn10\n"
        "             ^\n"
        "  hint: mark it named, or leave the name empty\n"
        "agencies.csv:7:5: error: unknown status 'maybe'\n"
        "  x,Y,maybe,fn10\n"
        "      ^\n"
        "  hint: write named (the source names the agency) or unnamed (it only counts it)\n");
}

TEST_CASE("a twinning table without one of its columns names the header it needs", "[data]") {
  CHECK(error_of("agency,commune,from,until,moved_from,source\n") ==
        "twinning.csv:1: error: the table has no 'basis' column\n"
        "  agency,commune,from,until,moved_from,source\n"
        "  hint: the header must name the columns agency,commune,from,until,moved_from,basis,source\n");
}
