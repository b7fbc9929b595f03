#include <catch2/catch.hpp>

#include <limits>

#include "rules/rule_tests.h"
#include "rules/sweep.h"
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
}  // namespace

TEST_CASE("no rule set in force in a year is an error that says so", "[rules]") {
  RuleLibrary lib(test_catalogue());
  lib.add(lotrinh::config::parse_rule_file("a.toml", "[ruleset]\nid = \"a\"\nkind = \"k\"\neffective = { from = 2020-01-01, until = 2021-06-30 }\n"));
  CHECK(what([&] { lib.in_force("k", 2021); }) ==
        "--year: error: no rule set of kind 'k' is in force on 31 December 2021\n"
        "  hint: choose a year covered by a rule file, or name one with --rules\n");
}

TEST_CASE("two rule files with one id are an error naming the first", "[rules]") {
  RuleLibrary lib(test_catalogue());
  lib.add(lotrinh::config::parse_rule_file("a.toml", "[ruleset]\nid = \"same\"\n"));
  CHECK(what([&] { lib.add(lotrinh::config::parse_rule_file("b.toml", "[ruleset]\nid = \"same\"\n")); }) ==
        "b.toml:1:1: error: rule set id 'same' is already used by a.toml\n"
        "  [ruleset]\n"
        "  ^\n"
        "  hint: every rule file needs an id of its own; rename one of them\n");
}

TEST_CASE("a rule set id that is not loaded gets a suggestion", "[rules]") {
  RuleLibrary lib(test_catalogue());
  lib.add(lotrinh::config::parse_rule_file("a.toml", "[ruleset]\nid = \"vn.qd-33-2020\"\n"));
  CHECK(what([&] { lib.get("vn.qd-33-202"); }) ==
        "--rules: error: no rule set has the id 'vn.qd-33-202'\n  hint: did you mean 'vn.qd-33-2020'?\n");
}

TEST_CASE("a path that does not exist is refused", "[rules]") {
  CHECK(what([] { rule_file_paths("no/such/rules"); }) ==
        "no/such/rules: error: no such file or folder\n"
        "  hint: name a rule file (.toml) or a folder of rule files, such as rules/\n");
}

TEST_CASE("a test that gives a value for an unknown indicator is an error in the file", "[rules]") {
  auto rs = compile_text("t.toml", "[ruleset]\nid = \"t\"\nkind = \"k\"\neffective = { from = 2020-01-01 }\n"
                                   "[criteria]\nc = \"x > 0\"\n[[test]]\nname = \"n\"\ngiven = { xx = 1 }\nexpect = { c = true }\n");
  CHECK(what([&] { run_tests(rs); }) ==
        "t.toml:9:11: error: test gives a value for 'xx', which is not an indicator or derived indicator\n"
        "  given = { xx = 1 }\n"
        "            ^\n"
        "  hint: did you mean 'x'?\n");
}

TEST_CASE("a test that expects a result for an unknown name is an error in the file", "[rules]") {
  auto rs = compile_text("t.toml", "[ruleset]\nid = \"t\"\nkind = \"k\"\neffective = { from = 2020-01-01 }\n"
                                   "[criteria]\nc = \"x > 0\"\n[[test]]\nname = \"n\"\ngiven = { x = 1 }\nexpect = { region = true }\n");
  CHECK(what([&] { run_tests(rs); }) ==
        "t.toml:10:12: error: test expects a result for 'region', which is not a classification, criterion or derived indicator\n"
        "  expect = { region = true }\n"
        "             ^\n"
        "  hint: 'expect' takes classification, criterion or derived indicator names of this rule set\n");
}

TEST_CASE("a sweep with a step that never advances is refused", "[rules]") {
  auto rs = compile_text("s.toml", "[ruleset]\nid = \"t\"\nkind = \"k\"\neffective = { from = 2020-01-01 }\n"
                                   "[parameters]\np = { value = 1 }\n[classification.c]\norder = [ { class = \"A\" } ]\n");
  CHECK(what([&] { sweep(rs, columns({{"x", {1}}}), 2021, {}, "c", "p", 0.1, 0.3, 0); }) ==
        "--step: error: cannot sweep from 0.1 to 0.3 in steps of 0\n"
        "  hint: give --from <= --to and a positive --step, e.g. --from 0.10 --to 0.30 --step 0.01\n");
}

TEST_CASE("a sweep of more steps than the limit is refused, counted without overflow", "[rules]") {
  auto rs = compile_text("s.toml", "[ruleset]\nid = \"t\"\nkind = \"k\"\neffective = { from = 2020-01-01 }\n"
                                   "[parameters]\np = { value = 1 }\n[classification.c]\norder = [ { class = \"A\" } ]\n");
  const auto in = columns({{"x", {1}}});
  CHECK(what([&] { sweep(rs, in, 2021, {}, "c", "p", 0, 1e10, 1); }) ==
        "--step: error: sweeping from 0 to 10000000000 in steps of 1 takes 1e+10 steps, more than the limit of 10,000\n"
        "  hint: use a larger --step or a narrower range, or raise the limit with --max-steps\n");
  CHECK(what([&] { sweep(rs, in, 2021, {}, "c", "p", 0.1, 0.3, 1e-9); }) ==
        "--step: error: sweeping from 0.1 to 0.3 in steps of 1e-09 takes 2e+08 steps, more than the limit of 10,000\n"
        "  hint: use a larger --step or a narrower range, or raise the limit with --max-steps\n");
  CHECK(what([&] { sweep(rs, in, 2021, {}, "c", "p", 0, std::numeric_limits<double>::infinity(), 1); }) ==
        "--step: error: sweeping from 0 to inf in steps of 1 never ends (the limit is 10,000 steps)\n"
        "  hint: use a larger --step or a narrower range, or raise the limit with --max-steps\n");
  // The limit is the number of values: 0, 1, ..., 4 is 5 values; a raised limit lets it run.
  CHECK(what([&] { sweep(rs, in, 2021, {}, "c", "p", 0, 4, 1, 4); }).find("takes 5 steps, more than the limit of 4") !=
        std::string::npos);
  CHECK(sweep(rs, in, 2021, {}, "c", "p", 0, 4, 1, 5).size() == 5);
}
