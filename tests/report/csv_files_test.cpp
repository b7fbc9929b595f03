// The files of a CSV output with several tables: their names, and the caveats each one ends with.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "report/csv_files.h"

using namespace lotrinh::report;

namespace {

ResultTable table(std::string title, std::string name, std::vector<std::string> notes) {
  ResultTable t;
  t.title = std::move(title);
  t.name = std::move(name);
  t.columns = {{"unit", "Unit"}, {"rate", "Rate"}};
  t.add_row({text("xa-a"), number(0.25)});
  t.notes = std::move(notes);
  return t;
}

}  // namespace

TEST_CASE("a table's file name keeps ASCII letters, digits, dots, underscores and dashes, one dash for any other run, and is unique", "[report]") {
  std::vector<ResultTable> tables{table("", "communes", {}), table("", "gaps vn/qd:33 Đắk", {}), table("", "", {}),
                                  table("", "communes", {}), table("", "communes-6", {}), table("", "communes", {})};
  CHECK(table_file_names(tables) ==
        std::vector<std::string>{"communes", "gaps-vn-qd-33-k", "table-3", "communes-4", "communes-6", "communes-7"});
}

TEST_CASE("the file of a table beside --out drops a final .csv of any case and adds -NAME.csv", "[report]") {
  CHECK(sibling_csv_path("out/plan.csv", "fan") == "out/plan-fan.csv");
  CHECK(sibling_csv_path("plan.CSV", "fan") == "plan-fan.csv");
  CHECK(sibling_csv_path("plan", "fan") == "plan-fan.csv");
  CHECK(sibling_csv_path("plan.txt", "fan") == "plan.txt-fan.csv");
  CHECK(sibling_csv_path(".csv", "fan") == "-fan.csv");
}

TEST_CASE("one table's file ends with its notes; with several, each ends with its title and notes, then the first table's", "[report]") {
  auto one = csv_files({table("Main", "main", {"rule set x, data of 2020"})}, "r.csv", Format::kCsv);
  REQUIRE(one.size() == 1);
  CHECK(one[0].path == "r.csv");
  CHECK(one[0].content == "unit,rate\nxa-a,0.25\n# rule set x, data of 2020\n");
  auto two = csv_files({table("Main", "main", {"rule set x, data of 2020"}), table("Fan", "fan", {"p5 to p95"})}, "r.csv",
                       Format::kCsvExcel);
  REQUIRE(two.size() == 2);
  CHECK(two[0].path == "r.csv");
  CHECK(two[0].table == "main");
  CHECK(two[0].content == "\xEF\xBB\xBFunit;rate\nxa-a;0,25\n# Main\n# rule set x, data of 2020\n");
  CHECK(two[1].path == "r-fan.csv");
  CHECK(two[1].table == "fan");
  CHECK(two[1].content == "\xEF\xBB\xBFunit;rate\nxa-a;0,25\n# Fan\n# p5 to p95\n# Main\n# rule set x, data of 2020\n");
}
