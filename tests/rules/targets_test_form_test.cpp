// The [[test]] form of a targets file: a small table of units and years in `given`, and for
// each target the outcome expected (met, not-met, unknown) and, optionally, the computed value.
#include <catch2/catch.hpp>

#include "rules/rule_tests.h"
#include "rules_fixture.h"

using namespace lotrinh::rules;
using namespace lotrinh::rules::testing;

namespace {

std::string what(const std::function<void()>& f) {
  try {
    f();
  } catch (const lotrinh::diag::InputError& e) {
    return e.what();
  }
  return "";
}

// A province target (the mean of x falls 5 points a year, 2020 to 2022) and a district one (the
// mean of y in 2021 is at most 0.2), then `tests`.
std::shared_ptr<const RuleSet> targets_with(const std::string& tests) {
  return compile_text("t.toml",
                      "[ruleset]\nid = \"t\"\nkind = \"targets\"\neffective = { from = 2020-01-01 }\n"
                      "[[target]]\nid = \"x-down\"\naggregate = \"mean\"\nof = \"x\"\nchange = \"per_year\"\n"
                      "years = [2020, 2022]\ncompare = \"<=\"\nvalue = -0.05\n"
                      "[[target]]\nid = \"y-low\"\nlevel = \"district\"\naggregate = \"mean\"\nof = \"y\"\nyear = 2021\n"
                      "compare = \"<=\"\nvalue = 0.2\n" +
                          tests);
}

}  // namespace

TEST_CASE("a targets test computes its table's measures: a fall of 5 points a year is met, of 3.75 not", "[rules]") {
  // 2020: (0.5 + 0.3) / 2 = 0.4; 2022: 0.3, a fall of 0.05 a year; 0.325, 0.0375 a year.
  auto rs = targets_with(
      "[[test]]\nname = \"at\"\ngiven = [ { unit = \"a\", year = 2020, x = 0.5 }, { unit = \"b\", year = 2020, x = 0.3 },\n"
      "  { unit = \"a\", year = 2022, x = 0.3 }, { unit = \"b\", year = 2022, x = 0.3 } ]\n"
      "expect = { x-down = { outcome = \"met\", value = -0.05 } }\n"
      "[[test]]\nname = \"above\"\ngiven = [ { unit = \"a\", year = 2020, x = 0.5 }, { unit = \"b\", year = 2020, x = 0.3 },\n"
      "  { unit = \"a\", year = 2022, x = 0.35 }, { unit = \"b\", year = 2022, x = 0.3 } ]\n"
      "expect = { x-down = { outcome = \"not-met\", value = -0.0375 } }\n");
  auto results = run_tests(rs);
  REQUIRE(results.size() == 2);
  CHECK(results[0].passed);
  CHECK(results[1].passed);
}

TEST_CASE("a targets test that expects the wrong outcome or value fails with both differences", "[rules]") {
  auto rs = targets_with(
      "[[test]]\nname = \"wrong\"\ngiven = [ { unit = \"a\", year = 2020, x = 0.4 }, { unit = \"a\", year = 2022, x = 0.35 } ]\n"
      "expect = { x-down = { outcome = \"met\", value = -0.05 } }\n");
  auto results = run_tests(rs);
  REQUIRE(results.size() == 1);
  CHECK_FALSE(results[0].passed);
  CHECK(results[0].failures == std::vector<std::string>{"x-down: expected met, got not-met",
                                                        "x-down: expected the computed value -0.05, got -0.025"});
}

TEST_CASE("a targets test with a unit missing a year expects unknown, and its value unknown", "[rules]") {
  auto rs = targets_with(
      "[[test]]\nname = \"missing\"\ngiven = [ { unit = \"a\", year = 2020, x = 0.4 }, { unit = \"a\", year = 2022 } ]\n"
      "expect = { x-down = { outcome = \"unknown\", value = \"unknown\" } }\n"
      "[[test]]\nname = \"missing, expected met\"\ngiven = [ { unit = \"a\", year = 2020, x = 0.4 }, { unit = \"a\", year = 2022 } ]\n"
      "expect = { x-down = { outcome = \"met\", value = -0.05 } }\n");
  auto results = run_tests(rs);
  REQUIRE(results.size() == 2);
  CHECK(results[0].passed);
  CHECK(results[1].failures == std::vector<std::string>{"x-down: expected met, got unknown",
                                                        "x-down: expected the computed value -0.05, got unknown"});
}

TEST_CASE("a district target is expected district by district", "[rules]") {
  auto rs = targets_with(
      "[[test]]\nname = \"districts\"\n"
      "given = [ { unit = \"a\", district = \"D1\", year = 2021, y = 0.1 }, { unit = \"b\", district = \"D1\", year = 2021, y = 0.3 },\n"
      "  { unit = \"c\", district = \"D2\", year = 2021, y = 0.25 } ]\n"
      "expect = { y-low = { D1 = { outcome = \"met\", value = 0.2 }, D2 = \"not-met\" } }\n"
      "[[test]]\nname = \"districts swapped\"\n"
      "given = [ { unit = \"a\", district = \"D1\", year = 2021, y = 0.1 }, { unit = \"c\", district = \"D2\", year = 2021, y = 0.25 } ]\n"
      "expect = { y-low = { D1 = \"not-met\", D2 = \"met\" } }\n");
  auto results = run_tests(rs);
  REQUIRE(results.size() == 2);
  CHECK(results[0].passed);
  CHECK(results[1].failures ==
        std::vector<std::string>{"y-low (D1): expected not-met, got met", "y-low (D2): expected met, got not-met"});
}

TEST_CASE("an alias given in a row stands for the indicator of the row's year", "[rules]") {
  // poverty_rate is poverty_rate_old up to 2020 and poverty_rate_new from 2021.
  auto rs = compile_text("t.toml",
                         "[ruleset]\nid = \"t\"\nkind = \"targets\"\neffective = { from = 2020-01-01 }\n"
                         "[[target]]\nid = \"new\"\naggregate = \"mean\"\nof = \"poverty_rate_new\"\nyear = 2021\n"
                         "compare = \"<=\"\nvalue = 0.2\n"
                         "[[test]]\nname = \"alias\"\ngiven = [ { unit = \"a\", year = 2021, poverty_rate = 0.15 } ]\n"
                         "expect = { new = { outcome = \"met\", value = 0.15 } }\n");
  auto results = run_tests(rs);
  REQUIRE(results.size() == 1);
  CHECK(results[0].passed);
}

TEST_CASE("a targets test naming no target of the rule set, or a district wrongly, is an error in the file", "[rules]") {
  auto rs = targets_with(
      "[[test]]\nname = \"n\"\ngiven = [ { unit = \"a\", district = \"D\", year = 2021, yy = 0.2 } ]\n"
      "expect = { x-dwn = \"met\", y-low = \"met\", x-down = { D = \"met\" } }\n");
  CHECK(what([&] { run_tests(rs); }) ==
        "t.toml:23:54: error: test gives a value for 'yy', which is not an indicator or derived indicator\n"
        "  given = [ { unit = \"a\", district = \"D\", year = 2021, yy = 0.2 } ]\n"
        "                                                       ^\n"
        "  hint: did you mean 'y'?\n"
        "t.toml:24:12: error: test expects an outcome of 'x-dwn', which is not a target of this rule set\n"
        "  expect = { x-dwn = \"met\", y-low = \"met\", x-down = { D = \"met\" } }\n"
        "             ^\n"
        "  hint: did you mean 'x-down'?\n"
        "t.toml:24:27: error: target 'y-low' is checked per district: the test must name the district\n"
        "  expect = { x-dwn = \"met\", y-low = \"met\", x-down = { D = \"met\" } }\n"
        "                            ^\n"
        "  hint: write \"y-low\" = { \"District\" = \"met\" }, with the district of the test's rows\n"
        "t.toml:24:53: error: target 'x-down' is checked for the whole province, not per district\n"
        "  expect = { x-dwn = \"met\", y-low = \"met\", x-down = { D = \"met\" } }\n"
        "                                                      ^\n"
        "  hint: write its outcome directly: \"x-down\" = \"met\"\n");
}

TEST_CASE("a targets test expecting a district its rows do not have is an error in the file", "[rules]") {
  auto rs = targets_with(
      "[[test]]\nname = \"n\"\ngiven = [ { unit = \"a\", district = \"Dak Ha\", year = 2021, y = 0.2 } ]\n"
      "expect = { y-low = { \"Dak Hа\" = \"met\", Other = \"met\" } }\n");
  CHECK(what([&] { run_tests(rs); }) ==
        "t.toml:24:22: error: test expects an outcome of 'y-low' in district 'Dak Hа', but no row of 'given' is in that district\n"
        "  expect = { y-low = { \"Dak Hа\" = \"met\", Other = \"met\" } }\n"
        "                       ^\n"
        "  hint: did you mean 'Dak Ha'?\n"
        "t.toml:24:40: error: test expects an outcome of 'y-low' in district 'Other', but no row of 'given' is in that district\n"
        "  expect = { y-low = { \"Dak Hа\" = \"met\", Other = \"met\" } }\n"
        "                                         ^\n"
        "  hint: give the rows district = \"Other\", or name a district of the rows\n");
}

TEST_CASE("a value given in a row is checked against the indicator's unit", "[rules]") {
  CHECK(compile_error("t.toml", "[ruleset]\nid = \"t\"\nkind = \"targets\"\neffective = { from = 2020-01-01 }\n"
                                "[[target]]\nid = \"x\"\naggregate = \"mean\"\nof = \"x\"\nyear = 2021\ncompare = \"<=\"\nvalue = 0.2\n"
                                "[[test]]\nname = \"n\"\ngiven = [ { unit = \"a\", year = 2021, x = 15 } ]\nexpect = { x = \"met\" }\n")
        == "t.toml:14:38: error: the given value of 'x' is 15, but a value in 'fraction' must be in [0, 1]\n"
           "  given = [ { unit = \"a\", year = 2021, x = 15 } ]\n"
           "                                       ^\n"
           "  hint: a fraction is written as a decimal: 15 % is written 0.15\n");
}
