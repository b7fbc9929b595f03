// Reading the [[test]] form of a targets file: a table of rows in `given`, outcomes in `expect`.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "config/rule_file_reader.h"
#include "diag/diagnostic.h"

using namespace lotrinh;

namespace {

const std::string kHead = "[ruleset]\nid = \"t\"\n[[test]]\nname = \"n\"\n";

// The error text of parsing `text` as a rule file r.toml, or "" if it parses.
std::string error_of(const std::string& text) {
  try {
    config::parse_rule_file("r.toml", text);
  } catch (const diag::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a test whose given is a list of rows is a targets test, read row by row with its outcomes", "[config]") {
  config::RuleFile f = config::parse_rule_file(
      "r.toml", kHead +
                    "given = [ { unit = \"a\", district = \"D\", year = 2021, x = 0.5 },\n"
                    "          { unit = \"a\", year = 2022, x = 0.25, y = 3 } ]\n"
                    "expect = { p = \"met\", q = { outcome = \"not-met\", value = -0.03 }, r = { outcome = \"unknown\", value = \"unknown\" }, "
                    "d = { D = \"met\", E = { outcome = \"unknown\" } } }\n");
  REQUIRE(f.tests.size() == 1);
  const config::TestCase& t = f.tests[0];
  CHECK(t.targets);
  CHECK(t.given.empty());
  CHECK(t.expect.empty());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].unit == "a");
  CHECK(t.rows[0].district == "D");
  CHECK(t.rows[0].year == 2021);
  REQUIRE(t.rows[0].values.size() == 1);
  CHECK(t.rows[0].values[0].name == "x");
  CHECK(t.rows[0].values[0].value == 0.5);
  CHECK(t.rows[1].district.empty());
  CHECK(t.rows[1].year == 2022);
  CHECK(t.rows[1].values.size() == 2);
  CHECK(t.rows[1].loc.line == 6);
  REQUIRE(t.expect_targets.size() == 5);
  CHECK(t.expect_targets[0].target == "p");
  CHECK(t.expect_targets[0].outcome == "met");
  CHECK_FALSE(t.expect_targets[0].district);
  CHECK_FALSE(t.expect_targets[0].value);
  CHECK(t.expect_targets[1].outcome == "not-met");
  CHECK(t.expect_targets[1].value == -0.03);
  REQUIRE(t.expect_targets[2].value);
  CHECK(std::isnan(*t.expect_targets[2].value));
  CHECK(t.expect_targets[3].target == "d");
  CHECK(t.expect_targets[3].district == "D");
  CHECK(t.expect_targets[3].outcome == "met");
  CHECK(t.expect_targets[4].district == "E");
  CHECK(t.expect_targets[4].outcome == "unknown");
  CHECK(t.expect_targets[4].loc.line == 7);
  CHECK(t.expect_targets[4].loc.column == 132);
}

TEST_CASE("a row of a targets test that is not a table, lacks its unit or year, or repeats a unit and year is refused", "[config]") {
  CHECK(error_of(kHead + "given = [ 3, { year = 2021 }, { unit = \"a\" }, { unit = \"b\", year = 2021 }, { unit = \"b\", year = 2021 } ]\n"
                         "expect = { p = \"met\" }\n") ==
        "r.toml:5:11: error: test 'n': an entry of 'given' must be a table, not a whole number\n"
        "  given = [ 3, { year = 2021 }, { unit = \"a\" }, { unit = \"b\", year = 2021 }, { unit = \"b\", year = 2021 } ]\n"
        "            ^\n"
        "  hint: write each row of the table as { unit = \"a\", district = \"D\", year = 2021, indicator = value, ... }\n"
        "r.toml:5:14: error: test 'n': a row of 'given' has no 'unit'\n"
        "  given = [ 3, { year = 2021 }, { unit = \"a\" }, { unit = \"b\", year = 2021 }, { unit = \"b\", year = 2021 } ]\n"
        "               ^\n"
        "  hint: write each row of the table as { unit = \"a\", district = \"D\", year = 2021, indicator = value, ... }\n"
        "r.toml:5:31: error: test 'n': a row of 'given' has no 'year'\n"
        "  given = [ 3, { year = 2021 }, { unit = \"a\" }, { unit = \"b\", year = 2021 }, { unit = \"b\", year = 2021 } ]\n"
        "                                ^\n"
        "  hint: write each row of the table as { unit = \"a\", district = \"D\", year = 2021, indicator = value, ... }\n"
        "r.toml:5:76: error: test 'n': unit 'b' is given twice for 2021 (first on line 5)\n"
        "  given = [ 3, { year = 2021 }, { unit = \"a\" }, { unit = \"b\", year = 2021 }, { unit = \"b\", year = 2021 } ]\n"
        "                                                                             ^\n"
        "  hint: give each unit one row per year\n");
}

TEST_CASE("a row's values must be numbers, its year a whole number and its unit a string", "[config]") {
  CHECK(error_of(kHead + "given = [ { unit = 1, year = 2021.5, x = \"0.2\" } ]\nexpect = { p = \"met\" }\n") ==
        "r.toml:5:20: error: test 'n': 'unit' must be a string, not a whole number\n"
        "  given = [ { unit = 1, year = 2021.5, x = \"0.2\" } ]\n"
        "                     ^\n"
        "  hint: put the text in double quotes: \"...\"\n"
        "r.toml:5:30: error: test 'n': 'year' must be a whole number, not a decimal number\n"
        "  given = [ { unit = 1, year = 2021.5, x = \"0.2\" } ]\n"
        "                               ^\n"
        "  hint: write a whole number without quotes, such as 2020\n"
        "r.toml:5:42: error: test 'n': 'x' must be a number, not a string\n"
        "  given = [ { unit = 1, year = 2021.5, x = \"0.2\" } ]\n"
        "                                           ^\n"
        "  hint: write a number without quotes, with a dot for decimals: 0.2, 1500000\n");
}

TEST_CASE("an empty table of rows is refused", "[config]") {
  CHECK(error_of(kHead + "given = []\nexpect = { p = \"met\" }\n") ==
        "r.toml:5:9: error: test 'n': 'given' is empty\n"
        "  given = []\n"
        "          ^\n"
        "  hint: write each row of the table as { unit = \"a\", district = \"D\", year = 2021, indicator = value, ... }\n");
}

TEST_CASE("an outcome other than met, not-met or unknown, a value that is not a number, or no outcome is refused", "[config]") {
  const std::string line =
      "  expect = { p = \"meet\", q = { outcome = \"no-value\" }, r = { outcome = \"met\", value = true }, s = { value = 1 } }\n";
  CHECK(error_of(kHead + "given = [ { unit = \"a\", year = 2021 } ]\n"
                         "expect = { p = \"meet\", q = { outcome = \"no-value\" }, r = { outcome = \"met\", value = true }, s = { value = 1 } }\n") ==
        "r.toml:6:16: error: test 'n': 'meet' is not an outcome of target 'p'\n" + line +
        "                 ^\n"
        "  hint: did you mean 'met'?\n"
        "r.toml:6:41: error: test 'n': unknown outcome 'no-value'\n" + line +
        "                                          ^\n"
        "  hint: use one of: met, not-met, unknown\n"
        "r.toml:6:85: error: test 'n': the expected value of target 'r' must be a number or \"unknown\", not true or false\n" + line +
        "                                                                                      ^\n"
        "  hint: write the value the target's measure computes to, such as value = -0.035, or value = \"unknown\" when the data cannot give it\n"
        "r.toml:6:97: error: test 'n': 'outcome' is missing\n" + line +
        "                                                                                                  ^\n"
        "  hint: use one of: met, not-met, unknown\n");
}

TEST_CASE("a test whose expect is empty is refused: it would check nothing", "[config]") {
  CHECK(error_of(kHead + "given = [ { unit = \"a\", year = 2021 } ]\nexpect = {}\n") ==
        "r.toml:6:10: error: test 'n': 'expect' is empty, so the test checks nothing\n"
        "  expect = {}\n"
        "           ^\n"
        "  hint: name at least one result the test checks, such as expect = { region = \"III\" }\n");
  CHECK(error_of(kHead + "given = { x = 1 }\nexpect = {}\n").find("r.toml:6:10: error: test 'n': 'expect' is empty") == 0);
}
