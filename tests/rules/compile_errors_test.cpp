#include <catch2/catch.hpp>

#include "rules_fixture.h"

using namespace lotrinh::rules;
using namespace lotrinh::rules::testing;

namespace {
const std::string kHead = "[ruleset]\nid = \"t.e\"\nkind = \"k\"\neffective = { from = 2020-01-01 }\n";
}

TEST_CASE("a reference to a criterion that does not exist is located, with a suggestion", "[rules]") {
  CHECK(compile_error("e.toml", kHead + "[criteria]\nregion_iii = \"x > 0.2\"\nr = { any = [\"region_ii\"] }\n") ==
        "e.toml:7:15: error: no criterion, indicator or parameter is named 'region_ii'\n"
        "  r = { any = [\"region_ii\"] }\n"
        "                ^\n"
        "  hint: did you mean 'region_iii'?\n");
}

TEST_CASE("criteria that refer to each other in a cycle are refused", "[rules]") {
  CHECK(compile_error("e.toml", kHead + "[criteria]\na = { all = [\"b\", \"x > 0\"] }\nb = { any = [\"a\"] }\n") ==
        "e.toml:6:1: error: criteria refer to each other in a cycle: a -> b -> a\n"
        "  a = { all = [\"b\", \"x > 0\"] }\n"
        "  ^\n"
        "  hint: break the cycle: one of them must be defined without the other\n");
}

TEST_CASE("derived indicators that depend on each other in a cycle are refused", "[rules]") {
  CHECK(compile_error("e.toml", kHead + "[derived]\nd1 = { expr = \"d2 + 1\" }\nd2 = { expr = \"d1 * 2\" }\n") ==
        "e.toml:6:1: error: derived indicators depend on each other in a cycle: d1 -> d2 -> d1\n"
        "  d1 = { expr = \"d2 + 1\" }\n"
        "  ^\n"
        "  hint: break the cycle: one of them must be defined without the other\n");
}

TEST_CASE("a parameter named like an indicator is refused", "[rules]") {
  CHECK(compile_error("e.toml", kHead + "[parameters]\nx = { value = 1 }\n") ==
        "e.toml:6:1: error: the name 'x' is already used by an indicator, parameter, derived indicator or criterion\n"
        "  x = { value = 1 }\n"
        "  ^\n"
        "  hint: give it a name of its own; names are shared by indicators, parameters, derived indicators and criteria\n");
}

TEST_CASE("extends naming a missing rule set is refused with a suggestion", "[rules]") {
  RuleLibrary lib(test_catalogue());
  lib.add(lotrinh::config::parse_rule_file("base.toml", "[ruleset]\nid = \"vn.base\"\nkind = \"k\"\n"));
  lib.add(lotrinh::config::parse_rule_file("d.toml", "[ruleset]\nid = \"vn.draft\"\nextends = \"vn.bsae\"\n"));
  try {
    lib.get("vn.draft");
    FAIL("no error");
  } catch (const lotrinh::diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "d.toml:3:11: error: 'extends' names rule set 'vn.bsae', which is not loaded\n"
          "  extends = \"vn.bsae\"\n"
          "            ^\n"
          "  hint: did you mean 'vn.base'?\n");
  }
}

TEST_CASE("rule sets that extend each other in a cycle are refused", "[rules]") {
  RuleLibrary lib(test_catalogue());
  lib.add(lotrinh::config::parse_rule_file("a.toml", "[ruleset]\nid = \"a\"\nextends = \"b\"\n"));
  lib.add(lotrinh::config::parse_rule_file("b.toml", "[ruleset]\nid = \"b\"\nextends = \"a\"\n"));
  try {
    lib.get("a");
    FAIL("no error");
  } catch (const lotrinh::diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "b.toml:3:11: error: rule sets extend each other in a cycle: a -> b -> a\n"
          "  extends = \"a\"\n"
          "            ^\n"
          "  hint: a rule set cannot extend itself, directly or through others: remove one 'extends'\n");
  }
}

TEST_CASE("two rule sets of one kind in force on the same day are an error", "[rules]") {
  RuleLibrary lib(test_catalogue());
  lib.add(lotrinh::config::parse_rule_file("a.toml", "[ruleset]\nid = \"a\"\nkind = \"k\"\neffective = { from = 2020-01-01 }\n"));
  lib.add(lotrinh::config::parse_rule_file("b.toml", "[ruleset]\nid = \"b\"\nkind = \"k\"\neffective = { from = 2021-01-01 }\n"));
  CHECK(lib.in_force("k", 2020)->id == "a");
  try {
    lib.in_force("k", 2021);
    FAIL("no error");
  } catch (const lotrinh::diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "--year: error: two rule sets of kind 'k' are in force on 31 December 2021: a.toml and b.toml\n"
          "  hint: make their effective periods not overlap, or mark one status = \"draft\"\n");
  }
}

TEST_CASE("a draft that extends a rule set overrides its parameters and keeps the rest", "[rules]") {
  RuleLibrary lib(test_catalogue());
  lib.add(lotrinh::config::parse_rule_file("base.toml", "[ruleset]\nid = \"base\"\nkind = \"k\"\neffective = { from = 2020-01-01 }\n"
                                                        "[parameters]\nt = { value = 0.2 }\nu = { value = 1 }\n[criteria]\nc = \"x >= t\"\n"));
  lib.add(lotrinh::config::parse_rule_file("draft.toml", "[ruleset]\nid = \"draft\"\nextends = \"base\"\nstatus = \"draft\"\n"
                                                         "[parameters]\nt = { value = 0.15 }\n"));
  auto d = lib.get("draft");
  CHECK(d->kind == "k");
  CHECK(d->status == "draft");
  CHECK(d->find_parameter("t")->decl.values.at(0).value == 0.15);
  CHECK(d->find_parameter("u")->decl.values.at(0).value == 1);
  CHECK(lib.in_force("k", 2021)->id == "base");  // drafts are never "in force"
}

TEST_CASE("a cycle closing a chain of 3,000 criteria is found once and named from its start", "[rules]") {
  // c0 refers to the last criterion, each other to the one before it: one cycle of 3,000.
  std::string text = "[ruleset]\nid = \"t\"\nkind = \"k\"\neffective = { from = 2020-01-01 }\n[criteria]\n"
                     "c0 = { any = [\"c2999\", \"x > 0.5\"] }\n";
  for (int i = 1; i < 3000; ++i) {
    text += 'c';
    text += std::to_string(i);
    text += " = { any = [\"c";
    text += std::to_string(i - 1);
    text += "\", \"x > 0.5\"] }\n";
  }
  const std::string err = compile_error("e.toml", text);
  CHECK(err.rfind("e.toml:6:1: error: criteria refer to each other in a cycle: ", 0) == 0);
  CHECK(err.find("cycle: c0 -> c2999 -> c2998 -> ") != std::string::npos);
  CHECK(err.find("error:", 20) == std::string::npos);  // reported once (the long message is cut short)
}
