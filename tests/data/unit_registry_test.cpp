#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <set>

#include "data/csv_table_reader.h"
#include "data/unit_registry.h"
#include "diag/diagnostic.h"
#include "diag/text_file.h"

using namespace lotrinh::data;
using lotrinh::diag::InputError;

namespace {

// A few units of Kon Tum, before and after the 2025 merger.
const char* const kUnits =
    "slug,gso_code,name,kind,district,district_name,from,until,successor,aliases\n"
    "muong-hoong,23362,Mường Hoong,commune,dak-glei,Đăk Glei,,2025-07-01,xa-ngoc-linh-2025,\n"
    "ngoc-linh,23365,Ngọc Linh,commune,dak-glei,Đăk Glei,,2025-07-01,xa-ngoc-linh-2025,\n"
    "dak-long-dak-glei,23368,Đăk Long,commune,dak-glei,Đăk Glei,,2025-07-01,xa-dak-long-2025,\n"
    "dak-long-dak-ha,23504,Đăk Long,commune,dak-ha,Đăk Hà,,2025-07-01,xa-dak-pxi-2025,\n"
    "dak-pxi,23503,Đắk PXi,commune,dak-ha,Đăk Hà,,2025-07-01,xa-dak-pxi-2025,\n"
    "dak-long-kon-plong,,Đăk Long,commune,kon-plong,Kon Plông,,2019-09-01,xa-mang-den-2025,\n"
    "tt-mang-den,23473,Măng Đen,town,kon-plong,Kon Plông,2019-09-01,2025-07-01,xa-mang-den-2025,\n"
    "dak-blo,23344,Đắk Blô,commune,dak-glei,Đăk Glei,,2025-07-01,xa-dak-plo-2025,Đăk Plô\n";

const char* const kUnits2025 =
    "code,slug,name,kind,from\n"
    "23365,xa-ngoc-linh-2025,Ngọc Linh,commune,2025-07-01\n"
    "23368,xa-dak-long-2025,Đăk Long,commune,2025-07-01\n"
    "23504,xa-dak-pxi-2025,Đăk Pxi,commune,2025-07-01\n"
    "23473,xa-mang-den-2025,Măng Đen,commune,2025-07-01\n"
    "23344,xa-dak-plo-2025,Đăk Plô,commune,2025-07-01\n";

const char* const kLineageHeader = "old_slug,new_slug,date,event,source\n";
const char* const kLineageRows =
    "dak-long-kon-plong,tt-mang-den,2019-09-01,renamed,\n"
    "muong-hoong,xa-ngoc-linh-2025,2025-07-01,merged,\n"
    "ngoc-linh,xa-ngoc-linh-2025,2025-07-01,merged,\n"
    "dak-long-dak-glei,xa-dak-long-2025,2025-07-01,unchanged,\n"
    "dak-long-dak-ha,xa-dak-pxi-2025,2025-07-01,merged,\n"
    "dak-pxi,xa-dak-pxi-2025,2025-07-01,merged,\n"
    "tt-mang-den,xa-mang-den-2025,2025-07-01,unchanged,\n"
    "dak-blo,xa-dak-plo-2025,2025-07-01,unchanged,\n";

UnitRegistry registry(const std::string& lineage_rows = kLineageRows) {
  UnitRegistry r = UnitRegistry::parse("units.csv", kUnits);
  r.add_units("units_2025.csv", kUnits2025);
  r.set_lineage("lineage.csv", std::string(kLineageHeader) + lineage_rows);
  return r;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string find_error(std::string_view query, int year) {
  const UnitRegistry r = registry();
  return error_of([&] { r.find(query, year); });
}

std::string units_error(const std::string& text) {
  return error_of([&] { UnitRegistry::parse("u.csv", text); });
}

std::string lineage_error(const std::string& lineage_rows, const std::string& header = kLineageHeader) {
  UnitRegistry r = UnitRegistry::parse("units.csv", kUnits);
  r.add_units("units_2025.csv", kUnits2025);
  return error_of([&] { r.set_lineage("lineage.csv", header + lineage_rows); });
}

// kLineageRows with one row replaced (or deleted when `by` is empty).
std::string rows_with(const std::string& row, const std::string& by) {
  std::string rows = kLineageRows;
  size_t at = rows.find(row);
  REQUIRE(at != std::string::npos);
  rows.replace(at, row.size() + 1, by.empty() ? "" : by + "\n");
  return rows;
}

}  // namespace

TEST_CASE("fold_name removes tone and vowel marks and maps đ to d in NFC or NFD", "[data]") {
  CHECK(fold_name("Đắk Long") == "dak long");
  CHECK(fold_name("Đăk Long") == "dak long");
  CHECK(fold_name("ĐẮK LONG") == "dak long");
  CHECK(fold_name("Dak Long") == "dak long");
  CHECK(fold_name("Mu\xCC\x9Bo\xCC\x9B\xCC\x80ng Hoong") == "muong hoong");  // NFD
  CHECK(fold_name("Ngọk Tụ") == "ngok tu");
  CHECK(fold_name("Ngọc Tụ") != fold_name("Ngọk Tụ"));
}

TEST_CASE("a name written in NFD finds the unit", "[data]") {
  const UnitRegistry r = registry();
  CHECK(r.find("Mu\xCC\x9Bo\xCC\x9B\xCC\x80ng Hoong", 2020).slug == "muong-hoong");
}

TEST_CASE("a name without diacritics or in another case finds the unit", "[data]") {
  const UnitRegistry r = registry();
  CHECK(r.find("Muong Hoong", 2020).slug == "muong-hoong");
  CHECK(r.find("  MUONG   hoong ", 2020).slug == "muong-hoong");
  CHECK(r.find("Đăk Pxi", 2020).slug == "dak-pxi");
  CHECK(r.find("Dak Plo", 2020).slug == "dak-blo");  // an alias
  CHECK(r.find("Muong-Hoong", 2020).slug == "muong-hoong");  // a slug in capitals
}

TEST_CASE("a kind word before the name is accepted and narrows the kind", "[data]") {
  const UnitRegistry r = registry();
  CHECK(r.find("xã Đăk Long", 2025).slug == "xa-dak-long-2025");
  CHECK(r.find("thị trấn Măng Đen", 2020).slug == "tt-mang-den");
  CHECK(r.find("TT.Măng Đen", 2020).slug == "tt-mang-den");
  CHECK(find_error("phường Măng Đen", 2020).rfind("lotrinh: error: no unit 'phường Măng Đen' existed in 2020\n", 0) == 0);
}

TEST_CASE("a look-up by GSO code finds the unit that had the code that year", "[data]") {
  const UnitRegistry r = registry();
  CHECK(r.find("23365", 2020).slug == "ngoc-linh");
  CHECK(r.find("23365", 2025).slug == "xa-ngoc-linh-2025");
  CHECK(find_error("99999", 2020) ==
        "lotrinh: error: no unit '99999' existed in 2020\n"
        "  hint: give a unit's slug, GSO code or name as in the units table\n");
}

TEST_CASE("a name shared by two units of the year is an error listing both with district and slug", "[data]") {
  CHECK(find_error("Đăk Long", 2020) ==
        "lotrinh: error: 'Đăk Long' matches 2 units that existed in 2020: Đăk Long (Đăk Glei, dak-long-dak-glei); "
        "Đăk Long (Đăk Hà, dak-long-dak-ha)\n"
        "  hint: name the unit by its slug, such as 'dak-long-dak-glei'\n");
  CHECK(find_error("Dak Long", 2018).find("matches 3 units that existed in 2018") != std::string::npos);
  const UnitRegistry r = registry();
  CHECK(r.find("dak-long-dak-ha", 2020).gso_code == "23504");
  CHECK(r.find("Đăk Long", 2025).slug == "xa-dak-long-2025");
}

TEST_CASE("a unit is found only in the years it existed on 31 December", "[data]") {
  const UnitRegistry r = registry();
  CHECK(r.find("dak-long-kon-plong", 2018).name == "Đăk Long");
  CHECK(find_error("dak-long-kon-plong", 2020) ==
        "lotrinh: error: 'dak-long-kon-plong' did not exist in 2020: Đăk Long (Kon Plông, dak-long-kon-plong) "
        "ended on 2019-09-01\n"
        "  hint: from 2019-09-01 it is part of 'tt-mang-den' (Măng Đen): ask for that unit, or for 2018 or earlier\n");
  CHECK(find_error("Măng Đen", 2018) ==
        "lotrinh: error: 'Măng Đen' did not exist in 2018: Măng Đen (Kon Plông, tt-mang-den) began on 2019-09-01 "
        "and ended on 2025-07-01; Măng Đen (xa-mang-den-2025) began on 2025-07-01\n"
        "  hint: ask for a year in which the unit existed on 31 December\n");
  CHECK(find_error("Muong Hoong", 2025) ==
        "lotrinh: error: 'Muong Hoong' did not exist in 2025: Mường Hoong (Đăk Glei, muong-hoong) ended on 2025-07-01\n"
        "  hint: from 2025-07-01 it is part of 'xa-ngoc-linh-2025' (Ngọc Linh): ask for that unit, or for 2024 or "
        "earlier\n");
  CHECK(r.units_in(2018).size() == 7);
  CHECK(r.units_in(2020).size() == 7);
  CHECK(r.units_in(2025).size() == 5);
}

TEST_CASE("a unit with no start date that ended before the year reads as ended only", "[data]") {
  UnitRegistry r = UnitRegistry::parse("units.csv", kUnits);
  CHECK(error_of([&] { r.find("ngoc-linh", 2026); }) ==
        "lotrinh: error: 'ngoc-linh' did not exist in 2026: Ngọc Linh (Đăk Glei, ngoc-linh) ended on 2025-07-01\n"
        "  hint: ask for a year in which the unit existed on 31 December\n");  // no 2025 units loaded
}

TEST_CASE("an unknown name suggests the closest name of the year", "[data]") {
  CHECK(find_error("Muong Hong", 2020) ==
        "lotrinh: error: no unit 'Muong Hong' existed in 2020\n"
        "  hint: did you mean 'Mường Hoong'?\n");
}

TEST_CASE("the lineage leads every old unit to its 2025 unit", "[data]") {
  const UnitRegistry r = registry();
  REQUIRE(r.successor("muong-hoong") != nullptr);
  CHECK(r.successor("muong-hoong")->slug == "xa-ngoc-linh-2025");
  CHECK(r.successor("dak-long-kon-plong")->slug == "xa-mang-den-2025");
  CHECK(r.successor("xa-ngoc-linh-2025") == nullptr);
  auto before = r.predecessors("xa-dak-pxi-2025");
  REQUIRE(before.size() == 2);
  CHECK(before[0]->slug == "dak-long-dak-ha");
  CHECK(before[1]->slug == "dak-pxi");
}

TEST_CASE("a lineage that loses a unit is an error naming it", "[data]") {
  CHECK(lineage_error(rows_with("dak-pxi,xa-dak-pxi-2025,2025-07-01,merged,", "")) ==
        "lineage.csv: error: 'dak-pxi' (Đắk PXi) ends on 2025-07-01 but the lineage has no row for it\n"
        "  hint: add a row 'dak-pxi,<slug of the unit it became part of>,2025-07-01,merged'\n");
}

TEST_CASE("a lineage that gives a unit two rows is an error at the second", "[data]") {
  CHECK(lineage_error(std::string(kLineageRows) + "ngoc-linh,xa-ngoc-linh-2025,2025-07-01,merged,\n") ==
        "lineage.csv:10:1: error: 'ngoc-linh' already has a row in the lineage step of 2025-07-01 (line 4)\n"
        "  ngoc-linh,xa-ngoc-linh-2025,2025-07-01,merged,\n"
        "  ^\n"
        "  hint: a unit becomes (part of) exactly one unit: delete one of the two rows\n");
}

TEST_CASE("a new unit that nothing becomes part of is an error", "[data]") {
  CHECK(lineage_error(rows_with("dak-blo,xa-dak-plo-2025,2025-07-01,unchanged,",
                                "dak-blo,xa-dak-long-2025,2025-07-01,merged,")) ==
        "lineage.csv:5:47: error: the event is 'unchanged', but 2 units become part of 'xa-dak-long-2025'\n"
        "  dak-long-dak-glei,xa-dak-long-2025,2025-07-01,unchanged,\n"
        "                                                ^\n"
        "  hint: 'unchanged' and 'renamed' are for a unit that becomes a new unit on its own: write merged\n"
        "lineage.csv: error: 'xa-dak-plo-2025' (Đăk Plô) begins on 2025-07-01 but no unit becomes part of it\n"
        "  hint: add the rows of the units that became part of 'xa-dak-plo-2025'\n");
}

TEST_CASE("a successor column that disagrees with the lineage is an error at the cell", "[data]") {
  std::string units = kUnits;
  units.replace(units.find("xa-dak-plo-2025,Đăk Plô"), 15, "xa-dak-long-2025");
  UnitRegistry r = UnitRegistry::parse("units.csv", units);
  r.add_units("units_2025.csv", kUnits2025);
  CHECK(error_of([&] { r.set_lineage("lineage.csv", std::string(kLineageHeader) + kLineageRows); }) ==
        "units.csv:9:61: error: the units table gives 'xa-dak-long-2025' as the successor of 'dak-blo', but the "
        "lineage leads to 'xa-dak-plo-2025'\n"
        "  dak-blo,23344,Đắk Blô,commune,dak-glei,Đăk Glei,,2025-07-01,xa-dak-long-2025,Đăk Plô\n"
        "                                                              ^\n"
        "  hint: correct the successor cell, or the lineage rows of 'dak-blo'\n");
}

TEST_CASE("lineage rows must match the dates of the units", "[data]") {
  CHECK(lineage_error(rows_with("dak-long-kon-plong,tt-mang-den,2019-09-01,renamed,",
                                "dak-long-kon-plong,tt-mang-den,2019-01-01,renamed,")) ==
        "lineage.csv:2:32: error: 'dak-long-kon-plong' ends on 2019-09-01 in the units table, but this row ends it "
        "on 2019-01-01\n"
        "  dak-long-kon-plong,tt-mang-den,2019-01-01,renamed,\n"
        "                                 ^\n"
        "  hint: correct the date of this row, or the unit's 'until' in the units table\n"
        "lineage.csv:2:20: error: 'tt-mang-den' begins on 2019-09-01 in the units table, but this row creates it on "
        "2019-01-01\n"
        "  dak-long-kon-plong,tt-mang-den,2019-01-01,renamed,\n"
        "                     ^\n"
        "  hint: correct the date of this row, or the unit's 'from' in the units table\n");
  CHECK(lineage_error(std::string(kLineageRows) + "xa-dak-long-2025,dak-pxi,2025-07-01,renamed,\n") ==
        "lineage.csv:10:26: error: 'xa-dak-long-2025' has no end date in the units table, but this row ends it on "
        "2025-07-01\n"
        "  xa-dak-long-2025,dak-pxi,2025-07-01,renamed,\n"
        "                           ^\n"
        "  hint: correct the date of this row, or the unit's 'until' in the units table\n"
        "lineage.csv:10:18: error: 'dak-pxi' has no start date in the units table, but this row creates it on "
        "2025-07-01\n"
        "  xa-dak-long-2025,dak-pxi,2025-07-01,renamed,\n"
        "                   ^\n"
        "  hint: correct the date of this row, or the unit's 'from' in the units table\n");
}

TEST_CASE("lineage rows with unknown units dates or events are errors", "[data]") {
  CHECK(lineage_error("muong-hong,xa-ngoc-linh-2025,2025-07-01,merged,\nngoc-linh,nowhere,1 July 2025,split,\n") ==
        "lineage.csv:2:1: error: unknown unit 'muong-hong'\n"
        "  muong-hong,xa-ngoc-linh-2025,2025-07-01,merged,\n"
        "  ^\n"
        "  hint: did you mean 'muong-hoong'?\n"
        "lineage.csv:3:11: error: unknown unit 'nowhere'\n"
        "  ngoc-linh,nowhere,1 July 2025,split,\n"
        "            ^\n"
        "  hint: use the slug of a unit of the units tables\n"
        "lineage.csv:3:19: error: '1 July 2025' in column 'date' is not a date\n"
        "  ngoc-linh,nowhere,1 July 2025,split,\n"
        "                    ^\n"
        "  hint: write the day of the change as YYYY-MM-DD, such as 2025-07-01\n"
        "lineage.csv:3:31: error: unknown event 'split'\n"
        "  ngoc-linh,nowhere,1 July 2025,split,\n"
        "                                ^\n"
        "  hint: write merged, unchanged or renamed\n");
  CHECK(lineage_error("a,b\n", "old_slug,new_slug,event\n") ==
        "lineage.csv:1:1: error: the lineage table has no 'date' column\n"
        "  old_slug,new_slug,event\n"
        "  ^\n"
        "  hint: add the column to the header: a lineage table needs old_slug, new_slug, date and event\n");
}

TEST_CASE("a successor column naming a unit that never ends or does not exist is an error", "[data]") {
  UnitRegistry r = UnitRegistry::parse("units.csv",
                                       "slug,name,kind,from,until,successor\n"
                                       "a,A,commune,,2025-07-01,c\n"
                                       "b,B,commune,,,c\n"
                                       "c,C,commune,2025-07-01,,zz\n");
  CHECK(error_of([&] { r.set_lineage("l.csv", "old_slug,new_slug,date,event\na,c,2025-07-01,unchanged\n"); }) ==
        "units.csv:3:15: error: the units table gives 'c' as the successor of 'b', but the lineage never ends 'b'\n"
        "  b,B,commune,,,c\n"
        "                ^\n"
        "  hint: correct the successor cell, or the lineage rows of 'b'\n"
        "units.csv:4:25: error: unknown unit 'zz'\n"
        "  c,C,commune,2025-07-01,,zz\n"
        "                          ^\n"
        "  hint: use the slug of a unit of the units tables\n");
  CHECK(r.lineage().empty());  // a rejected lineage is not kept
  CHECK(r.successor("b") == &r.find("c", 2025));  // without one, the successor column stands in
}

TEST_CASE("a units table reports every bad cell with its place", "[data]") {
  CHECK(units_error("slug,name,kind,gso_code,from,until\n"
                    ",Xốp,commune,,,\n"
                    "Ngoc_Linh,Ngọc Linh,commune,,,\n"
                    "xop,Xốp,village,2335x,2025-13-01,\n"
                    "xop,,commune,,2025-07-01,2025-07-01\n"
                    "a,A,commune\n") ==
        "u.csv:2:1: error: the 'slug' cell is empty\n"
        "  ,Xốp,commune,,,\n"
        "  ^\n"
        "  hint: every unit needs a slug, such as xa-a\n"
        "u.csv:3:1: error: 'Ngoc_Linh' is not a slug\n"
        "  Ngoc_Linh,Ngọc Linh,commune,,,\n"
        "  ^\n"
        "  hint: write lowercase ASCII letters and digits joined by '-', as in dak-long-dak-glei\n"
        "u.csv:4:9: error: unknown kind 'village'\n"
        "  xop,Xốp,village,2335x,2025-13-01,\n"
        "          ^\n"
        "  hint: write ward, town or commune\n"
        "u.csv:4:17: error: '2335x' is not a GSO code\n"
        "  xop,Xốp,village,2335x,2025-13-01,\n"
        "                  ^\n"
        "  hint: write the code's digits, such as 23365, or leave the cell empty when the code is not known\n"
        "u.csv:4:23: error: '2025-13-01' in column 'from' is not a date\n"
        "  xop,Xốp,village,2335x,2025-13-01,\n"
        "                        ^\n"
        "  hint: write the date as YYYY-MM-DD, such as 2025-07-01, or leave the cell empty\n"
        "u.csv:5:1: error: slug 'xop' is used twice (first on line 4)\n"
        "  xop,,commune,,2025-07-01,2025-07-01\n"
        "  ^\n"
        "  hint: a slug names one unit over all time: give this unit its own slug, such as the name followed by "
        "the district (dak-long-dak-ha)\n"
        "u.csv:5:5: error: the 'name' cell is empty\n"
        "  xop,,commune,,2025-07-01,2025-07-01\n"
        "      ^\n"
        "  hint: write the unit's name as it is spelled in Vietnamese, such as Mường Hoong\n"
        "u.csv:5:26: error: the unit ends on 2025-07-01, which is not after it begins (2025-07-01)\n"
        "  xop,,commune,,2025-07-01,2025-07-01\n"
        "                           ^\n"
        "  hint: 'until' is the first day the unit no longer exists: it must come after 'from'\n"
        "u.csv:6:1: error: this row has 3 fields but the header has 6\n"
        "  a,A,commune\n"
        "  ^\n"
        "  hint: look for a missing or extra ',' in this row; a value that contains ',' must be in double quotes\n");
}

TEST_CASE("a units table needs its key columns and unique codes at any one time", "[data]") {
  CHECK(units_error("slug,name\na,A\n") ==
        "u.csv:1:1: error: the units table has no 'kind' column\n"
        "  slug,name\n"
        "  ^\n"
        "  hint: add the column to the header: a units table needs slug, name and kind\n");
  CHECK(units_error("slug,gso_code,name,kind,from,until\n"
                    "a,100,A,commune,,2020-01-01\n"
                    "b,100,B,commune,2019-06-01,\n") ==
        "u.csv:3:1: error: GSO code 100 is also used by 'a' (line 2) at the same time\n"
        "  b,100,B,commune,2019-06-01,\n"
        "  ^\n"
        "  hint: a code names one unit at a time: correct the code, or the dates of one of the two units\n");
  CHECK(units_error("slug,gso_code,name,kind,from,until\n"
                    "a,100,A,commune,,2020-01-01\n"
                    "b,100,B,commune,2020-01-01,\n") == "no error");
  UnitRegistry r = UnitRegistry::parse("units.csv", kUnits);
  CHECK(error_of([&] { r.add_units("more.csv", "slug,name,kind\nngoc-linh,Ngọc Linh,commune\n"); }) ==
        "more.csv:2:1: error: slug 'ngoc-linh' is already used in units.csv, line 3\n"
        "  ngoc-linh,Ngọc Linh,commune\n"
        "  ^\n"
        "  hint: a slug names one unit over all time: give this unit its own slug, such as the name followed by "
        "the district (dak-long-dak-ha)\n");
}

// ---- The shipped Kon Tum data ------------------------------------------------------------------

namespace {

const std::string kKontum = std::string(LOTRINH_SOURCE_HOME) + "/scenarios/kontum";

struct NewUnit {
  const char* code;
  const char* name;
  const char* old_codes;
};

// domain-facts.md, Pass 2: Resolution 1677/NQ-UBTVQH15, new unit <- old units, by GSO code.
const NewUnit kMerger2025[] = {
    {"23293", "Kon Tum", "23281 23287 23290 23293 23299"}, {"23284", "Đăk Cấm", "23284 23296 23311"},
    {"23302", "Đăk Bla", "23302 23305 23308"},              {"23317", "Ngọk Bay", "23314 23317 23320"},
    {"23326", "Ia Chim", "23326 23327 23329"},              {"23332", "Đăk Rơ Wa", "23323 23332 23335 23338"},
    {"23341", "Đăk Pék", "23341 23353"},                    {"23344", "Đăk Plô", "23344 23347 23350"},
    {"23356", "Xốp", "23356 23359"},                        {"23365", "Ngọc Linh", "23362 23365"},
    {"23368", "Đăk Long", "23368"},                         {"23374", "Đăk Môn", "23371 23374"},
    {"23377", "Bờ Y", "23377 23389 23395"},                 {"23383", "Dục Nông", "23380 23383 23386"},
    {"23392", "Sa Loong", "23392 23398"},                   {"23401", "Đăk Tô", "23401 23437 23440 23443"},
    {"23428", "Ngọk Tụ", "23427 23428"},                    {"23430", "Kon Đào", "23430 23431 23434"},
    {"23416", "Đăk Sao", "23407 23416"},                    {"23419", "Đăk Tờ Kan", "23417 23419"},
    {"23425", "Tu Mơ Rông", "23422 23425"},                 {"23446", "Măng Ri", "23404 23410 23413 23446 23449"},
    {"23473", "Măng Đen", "23461 23470 23473"},             {"23455", "Măng Bút", "23452 23455 23458"},
    {"23476", "Kon Plông", "23464 23467 23476"},            {"23479", "Đăk Rve", "23479 23491"},
    {"23485", "Đăk Kôi", "23482 23485"},                    {"23497", "Kon Braih", "23488 23494 23497"},
    {"23500", "Đăk Hà", "23500 23521 23524"},               {"23504", "Đăk Pxi", "23503 23504"},
    {"23512", "Đăk Mar", "23506 23512"},                    {"23510", "Đăk Ui", "23509 23510"},
    {"23515", "Ngọk Réo", "23515 23518"},                   {"23527", "Sa Thầy", "23527 23533 23539"},
    {"23534", "Sa Bình", "23534 23542 23545"},              {"23548", "Ya Ly", "23548 23551 23554"},
    {"23530", "Rờ Kơi", "23530"},                           {"23536", "Mô Rai", "23536"},
    {"23535", "Ia Đal", "23535"},                           {"23538", "Ia Tơi", "23537 23538"},
};

std::set<std::string> split_codes(const std::string& s) {
  std::set<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    out.insert(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("the shipped Kon Tum units number 102 in every year from 2016 to 2024", "[data]") {
  const UnitRegistry r = UnitRegistry::load_dir(kKontum);
  for (int year = 2016; year <= 2024; ++year) CHECK(r.units_in(year).size() == 102);
  std::map<std::string, int> kinds_2024, kinds_2018;
  for (const Unit* u : r.units_in(2024)) ++kinds_2024[u->kind];
  for (const Unit* u : r.units_in(2018)) ++kinds_2018[u->kind];
  CHECK(kinds_2024 == std::map<std::string, int>{{"commune", 85}, {"town", 7}, {"ward", 10}});
  CHECK(kinds_2018 == std::map<std::string, int>{{"commune", 86}, {"town", 6}, {"ward", 10}});
  CHECK(r.find("Mường Hoong", 2020).gso_code == "23362");
  CHECK_THROWS_AS(r.find("dak long", 2018), InputError);  // Đăk Glei's, Đăk Hà's and Kon Plông's
}

TEST_CASE("the shipped 2025 units are the 40 of Resolution 1677 with their codes and old units", "[data]") {
  const UnitRegistry r = UnitRegistry::load_dir(kKontum);
  REQUIRE(r.units_in(2025).size() == 40);
  for (const NewUnit& n : kMerger2025) {
    INFO(n.code);
    const Unit& u = r.find(n.code, 2025);
    CHECK(u.name == n.name);
    CHECK(u.from == UnitDate{2025, 7, 1});
    std::set<std::string> old_codes;
    for (const Unit* p : r.predecessors(u.slug)) old_codes.insert(p->gso_code);
    CHECK(old_codes == split_codes(n.old_codes));
  }
}

TEST_CASE("every shipped old unit has a 2025 successor", "[data]") {
  const UnitRegistry r = UnitRegistry::load_dir(kKontum);
  int ended = 0;
  for (const Unit& u : r.units()) {
    if (!u.until) continue;
    ++ended;
    INFO(u.slug);
    const Unit* s = r.successor(u.slug);
    REQUIRE(s != nullptr);
    CHECK(s->from == UnitDate{2025, 7, 1});
    CHECK(s->slug == u.successor);
  }
  CHECK(ended == 103);
  CHECK(r.successor("dak-long-kon-plong")->slug == "xa-mang-den-2025");
}

TEST_CASE("the shipped units flag 51 twinned communes in 2016 and in 2021", "[data]") {
  const std::string path = kKontum + "/units.csv";
  auto records = parse_csv(path, lotrinh::diag::read_file(path), CsvDialect::kRfc4180);
  REQUIRE(!records.empty());
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < records[0].cells.size(); ++i) col[records[0].cells[i]] = i;
  int t2016 = 0, t2021 = 0, p135 = 0;
  for (size_t r = 1; r < records.size(); ++r) {
    t2016 += records[r].cells.at(col.at("twinned_2016")) == "1";
    t2021 += records[r].cells.at(col.at("twinned_2021")) == "1";
    p135 += records[r].cells.at(col.at("p135_2016")) == "1";
  }
  CHECK(t2016 == 51);
  CHECK(t2021 == 51);
  CHECK(p135 == 60);
}
