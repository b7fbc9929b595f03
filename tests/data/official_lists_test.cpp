#include "data/official_lists.h"

#include <catch2/catch.hpp>

#include "diag/diagnostic.h"

using lotrinh::data::OfficialLists;

namespace {

const std::string kHeader = "list,decision,date,data_from,data_to,classification,unit,class,count,source,note\n";

// Two lists: one naming two units and counting a class, one with only counts.
const std::string kTwoLists = kHeader +
                              "a,QĐ 1,2017-04-28,2016,2019,region,xa-a,III,,src,\n"
                              "a,QĐ 1,2017-04-28,2016,2019,region,xa-b,I,,src,\n"
                              "a,QĐ 1,2017-04-28,2016,2019,region,,III,49,src,\n"
                              "b,QĐ 2,2021-06-04,2020,2024,region,,II,7,src,only counts\n";

// The error text of parsing `text`, or "".
std::string error_of(const std::string& text) {
  try {
    OfficialLists::parse("o.csv", text);
  } catch (const lotrinh::diag::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("an official list gives each named unit's class and each counted class's number", "[data]") {
  auto lists = OfficialLists::parse("o.csv", kTwoLists);
  REQUIRE(lists.lists().size() == 2);
  const auto& a = lists.lists()[0];
  CHECK(a.id == "a");
  CHECK(a.decision == "QĐ 1");
  CHECK(a.date == "2017-04-28");
  CHECK(a.classification == "region");
  CHECK(a.unit_class.at("xa-a") == "III");
  CHECK(a.unit_class.at("xa-b") == "I");
  CHECK(a.unit_class.size() == 2);
  CHECK(a.class_count.at("III") == 49);
  CHECK(a.unit_loc.at("xa-b").line == 3);
  CHECK(lists.lists()[1].unit_class.empty());
  CHECK(lists.lists()[1].class_count.at("II") == 7);
}

TEST_CASE("a data year is compared with the list whose data years hold it, and with none outside them", "[data]") {
  auto lists = OfficialLists::parse("o.csv", kTwoLists);
  REQUIRE(lists.for_year(2016));
  CHECK(lists.for_year(2016)->id == "a");
  CHECK(lists.for_year(2019)->id == "a");
  CHECK(lists.for_year(2020)->id == "b");
  CHECK(lists.for_year(2024)->id == "b");
  CHECK(lists.for_year(2015) == nullptr);
  CHECK(lists.for_year(2025) == nullptr);
}

TEST_CASE("an absent official lists file gives no lists", "[data]") {
  CHECK(OfficialLists::read_if_present("/nonexistent/official_lists.csv").empty());
}

TEST_CASE("an official lists table without a required column is refused, naming the columns", "[data]") {
  CHECK(error_of("list,decision,date,data_from,data_to,classification,unit,class,count,note\n") ==
        "o.csv:1: error: the official lists table has no 'source' column\n"
        "  list,decision,date,data_from,data_to,classification,unit,class,count,note\n"
        "  hint: the header must name the columns list,decision,date,data_from,data_to,classification,unit,class,"
        "count,source,note\n");
}

TEST_CASE("an official list entry without a source is refused at its cell", "[data]") {
  CHECK(error_of(kHeader + "a,QĐ 1,2017-04-28,2016,2019,region,xa-a,III,,,\n") ==
        "o.csv:2:46: error: the 'source' cell is empty\n"
        "  a,QĐ 1,2017-04-28,2016,2019,region,xa-a,III,,,\n"
        "                                               ^\n"
        "  hint: say where the entry is published (the document, or the page and its address): an entry without a "
        "source is not data\n");
}

TEST_CASE("an official list's data year that is not a year is refused", "[data]") {
  CHECK(error_of(kHeader + "a,QĐ 1,2017-04-28,2016,now,region,xa-a,III,,src,\n") ==
        "o.csv:2:24: error: 'now' is not a year (data_to)\n"
        "  a,QĐ 1,2017-04-28,2016,now,region,xa-a,III,,src,\n"
        "                         ^\n"
        "  hint: write the data years the list stands for, such as 2020 in data_from and 2024 in data_to\n");
}

TEST_CASE("an official list whose first data year is after its last is refused", "[data]") {
  CHECK(error_of(kHeader + "a,QĐ 1,2017-04-28,2019,2016,region,xa-a,III,,src,\n") ==
        "o.csv:2:24: error: data_from 2019 is after data_to 2016\n"
        "  a,QĐ 1,2017-04-28,2019,2016,region,xa-a,III,,src,\n"
        "                         ^\n"
        "  hint: write the earlier year in data_from\n");
}

TEST_CASE("an official list row must be either a unit or a count", "[data]") {
  const std::string hint =
      "  hint: a row is either one unit and its official class (count empty) or the number of units of a class "
      "(unit empty)\n";
  CHECK(error_of(kHeader + "a,QĐ 1,2017-04-28,2016,2019,region,,III,,src,\n") ==
        "o.csv:2:36: error: the row names no unit and gives no count\n"
        "  a,QĐ 1,2017-04-28,2016,2019,region,,III,,src,\n"
        "                                     ^\n" +
            hint);
  CHECK(error_of(kHeader + "a,QĐ 1,2017-04-28,2016,2019,region,xa-a,III,4,src,\n") ==
        "o.csv:2:36: error: the row names a unit and also gives a count\n"
        "  a,QĐ 1,2017-04-28,2016,2019,region,xa-a,III,4,src,\n"
        "                                     ^\n" +
            hint);
}

TEST_CASE("an official count that is not a whole number is refused", "[data]") {
  CHECK(error_of(kHeader + "a,QĐ 1,2017-04-28,2016,2019,region,,III,about 50,src,\n") ==
        "o.csv:2:41: error: 'about 50' is not a number of units\n"
        "  a,QĐ 1,2017-04-28,2016,2019,region,,III,about 50,src,\n"
        "                                          ^\n"
        "  hint: write a whole number, such as 49\n");
}

TEST_CASE("a unit or a class count given twice in one official list is refused", "[data]") {
  CHECK(error_of(kHeader + "a,QĐ 1,2017-04-28,2016,2019,region,xa-a,III,,src,\n"
                           "a,QĐ 1,2017-04-28,2016,2019,region,xa-a,II,,src,\n") ==
        "o.csv:3:36: error: xa-a is given twice in list a (first on line 2)\n"
        "  a,QĐ 1,2017-04-28,2016,2019,region,xa-a,II,,src,\n"
        "                                     ^\n"
        "  hint: keep one row per unit and one count per class\n");
  CHECK(error_of(kHeader + "a,QĐ 1,2017-04-28,2016,2019,region,,III,4,src,\n"
                           "a,QĐ 1,2017-04-28,2016,2019,region,,III,5,src,\n") ==
        "o.csv:3:41: error: III is given twice in list a (first on line 2)\n"
        "  a,QĐ 1,2017-04-28,2016,2019,region,,III,5,src,\n"
        "                                          ^\n"
        "  hint: keep one row per unit and one count per class\n");
}

TEST_CASE("rows of one official list that disagree on its decision or years are refused", "[data]") {
  CHECK(error_of(kHeader + "a,QĐ 1,2017-04-28,2016,2019,region,xa-a,III,,src,\n"
                           "a,QĐ 1,2017-04-28,2016,2020,region,xa-b,II,,src,\n") ==
        "o.csv:3:24: error: list a: data_to is '2020' here but '2019' on line 2\n"
        "  a,QĐ 1,2017-04-28,2016,2020,region,xa-b,II,,src,\n"
        "                         ^\n"
        "  hint: every row of one list gives the same decision, date, data years and classification\n");
}

TEST_CASE("two official lists standing for the same data year are refused", "[data]") {
  CHECK(error_of(kHeader + "a,QĐ 1,2017-04-28,2016,2020,region,xa-a,III,,src,\n"
                           "b,QĐ 2,2021-06-04,2020,2024,region,xa-a,II,,src,\n") ==
        "o.csv:3:19: error: list b stands for data of 2020-2024, which overlaps list a (2016-2020, line 2)\n"
        "  b,QĐ 2,2021-06-04,2020,2024,region,xa-a,II,,src,\n"
        "                    ^\n"
        "  hint: each data year is compared with one list: give the lists years that do not overlap\n");
}
