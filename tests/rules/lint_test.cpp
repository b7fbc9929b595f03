// Checks on load: what a rule draft gets wrong that would otherwise pass silently.
#include <catch2/catch.hpp>

#include "config/rule_file_reader.h"
#include "rules_fixture.h"

using namespace lotrinh::rules;
using namespace lotrinh::rules::testing;

namespace {
const std::string kHead = "[ruleset]\nid = \"t.l\"\nkind = \"k\"\neffective = { from = 2020-01-01 }\n";

// The warnings of compiling `text`, as the CLI prints them.
std::string compile_warnings(const std::string& text) {
  return lotrinh::diag::format(compile_text("l.toml", text)->warnings);
}
}  // namespace

TEST_CASE("a fraction parameter written as a percentage is refused with how to write it", "[rules][lint]") {
  CHECK(compile_error("l.toml", kHead + "[parameters]\nhigh = { value = 15, unit = \"fraction\", source = \"Art. 1\" }\n") ==
        "l.toml:6:18: error: parameter 'high' is 15, but a value in 'fraction' must be in [0, 1]\n"
        "  high = { value = 15, unit = \"fraction\", source = \"Art. 1\" }\n"
        "                   ^\n"
        "  hint: a fraction is written as a decimal: 15 % is written 0.15\n");
}

TEST_CASE("a parameter value that is not finite is refused", "[rules][lint]") {
  CHECK(compile_error("l.toml", kHead + "[parameters]\nhigh = { value = nan, unit = \"fraction\", source = \"Art. 1\" }\n") ==
        "l.toml:6:18: error: parameter 'high' is nan, not a finite number\n"
        "  high = { value = nan, unit = \"fraction\", source = \"Art. 1\" }\n"
        "                   ^\n"
        "  hint: write a number such as 0.25; leave the value out when it is not known\n");
}

TEST_CASE("negative counts, flags other than 0 or 1 and dated values out of range are refused", "[rules][lint]") {
  CHECK(compile_error("l.toml", kHead + "[parameters]\nn = { value = -5, unit = \"households\", source = \"a\" }\n") ==
        "l.toml:6:15: error: parameter 'n' is -5, but a value in 'households' must be 0 or more\n"
        "  n = { value = -5, unit = \"households\", source = \"a\" }\n"
        "                ^\n"
        "  hint: correct the value, or the unit if that is wrong\n");
  CHECK(compile_error("l.toml", kHead + "[parameters]\nf = { value = 0.5, unit = \"flag\", source = \"a\" }\n") ==
        "l.toml:6:15: error: parameter 'f' is 0.5, but a flag is 0 or 1\n"
        "  f = { value = 0.5, unit = \"flag\", source = \"a\" }\n"
        "                ^\n"
        "  hint: write 1 for yes and 0 for no\n");
  CHECK(compile_error("l.toml", kHead + "[parameters]\nr = { unit = \"fraction\", source = \"a\", values = [ "
                                        "{ from = 2020, until = 2021, value = 0.2 }, { from = 2022, value = 1.5 } ] }\n") ==
        "l.toml:6:95: error: parameter 'r' is 1.5, but a value in 'fraction' must be in [0, 1]\n"
        "  r = { unit = \"fraction\", source = \"a\", values = [ { from = 2020, until = 2021, value = 0.2 }, { from = 2022, value = 1.5 } ] }\n"
        "  " + std::string(94, ' ') + "^\n"
        "  hint: a fraction is written as a decimal: 1.5 % is written 0.015\n");
  // A unit with no range of its own takes any finite value.
  CHECK(compile_error("l.toml", kHead + "[parameters]\nline = { value = -3, unit = \"VND/person/month\", source = \"a\" }\n")
            .empty());
}

TEST_CASE("a parameter without source is a warning at its name", "[rules][lint]") {
  CHECK(compile_warnings(kHead + "[parameters]\nhigh = { value = 0.2, unit = \"fraction\" }\n"
                                 "[criteria]\nc = \"x > high\"\n[classification.k]\norder = [ { class = \"A\", when = \"c\" }, { class = \"B\" } ]\n"
                                 "[[test]]\nname = \"a\"\ngiven = { x = 0.3 }\nexpect = { k = \"A\" }\n"
                                 "[[test]]\nname = \"b\"\ngiven = { x = 0.1 }\nexpect = { k = \"B\" }\n") ==
        "l.toml:6:1: warning: parameter 'high' has no source\n"
        "  high = { value = 0.2, unit = \"fraction\" }\n"
        "  ^\n"
        "  hint: add source = \"...\" naming the clause the value comes from; when the value is not known, say so in note = \"...\"\n");
}

TEST_CASE("names muParser reserves are refused, with the reason", "[rules][lint]") {
  CHECK(compile_error("l.toml", kHead + "[parameters]\n_pi = { value = 0.2, source = \"a\" }\n") ==
        "l.toml:6:1: error: '_pi' is a constant built into the expression language: it would hide a value of that name in every expression\n"
        "  _pi = { value = 0.2, source = \"a\" }\n"
        "  ^\n"
        "  hint: choose another name (names starting with '_' and the names of functions such as min, max, abs, sqrt are taken)\n");
  CHECK(compile_error("l.toml", kHead + "[derived]\nsqrt = { expr = \"x * 2\" }\n") ==
        "l.toml:6:1: error: 'sqrt' is a function built into the expression language: a value of that name could not be read in an expression\n"
        "  sqrt = { expr = \"x * 2\" }\n"
        "  ^\n"
        "  hint: choose another name (names starting with '_' and the names of functions such as min, max, abs, sqrt are taken)\n");
  CHECK(compile_error("l.toml", kHead + "[criteria]\n_e = \"x > 0.1\"\n").find("l.toml:6:1: error: '_e' is a constant") == 0);
}

TEST_CASE("a leaf that is not a comparison is refused, and a flag may stand alone", "[rules][lint]") {
  CHECK(compile_error("l.toml", kHead + "[criteria]\npoor = \"x * 3\"\n") ==
        "l.toml:6:9: error: 'x * 3' is not a comparison: any value other than 0 would count as true\n"
        "  poor = \"x * 3\"\n"
        "          ^\n"
        "  hint: compare it with a threshold, e.g. 'x * 3 >= a_parameter'; only a flag (0 or 1) may stand alone\n");
  CHECK(compile_error("l.toml", kHead + "[criteria]\npoor = \"x\"\n") ==
        "l.toml:6:9: error: 'x' is not a flag: read alone, any value other than 0 would count as true\n"
        "  poor = \"x\"\n"
        "          ^\n"
        "  hint: compare it with a threshold, e.g. 'x >= a_parameter'; only a flag (0 or 1) may stand alone\n");
  CHECK(compile_error("l.toml", kHead + "[criteria]\nflagged = \"(flag)\"\nboth = \"(x > 0.1) * (y > 0.1)\"\n"
                                        "either = \"x > 0.1 || y > 0.1\"\n[classification.c]\norder = [ { class = \"A\", when = \"flagged\" }, "
                                        "{ class = \"B\", when = \"both\" }, { class = \"C\", when = \"either\" }, { class = \"D\" } ]\n") == "");
  // The `when` of a classification is a leaf too.
  CHECK(compile_error("l.toml", kHead + "[classification.c]\norder = [ { class = \"A\", when = \"households\" }, { class = \"B\" } ]\n") ==
        "l.toml:6:34: error: 'households' is not a flag: read alone, any value other than 0 would count as true\n"
        "  order = [ { class = \"A\", when = \"households\" }, { class = \"B\" } ]\n"
        "                                   ^\n"
        "  hint: compare it with a threshold, e.g. 'households >= a_parameter'; only a flag (0 or 1) may stand alone\n");
}

TEST_CASE("a criterion used by nothing is a warning", "[rules][lint]") {
  CHECK(compile_warnings(kHead + "[criteria]\nused = \"x > 0.1\"\nleft_over = \"y > 0.1\"\n"
                                 "[classification.c]\norder = [ { class = \"A\", when = \"used\" }, { class = \"B\" } ]\n"
                                 "[[test]]\nname = \"a\"\ngiven = { x = 0.2 }\nexpect = { c = \"A\" }\n"
                                 "[[test]]\nname = \"b\"\ngiven = { x = 0 }\nexpect = { c = \"B\" }\n") ==
        "l.toml:7:1: warning: criterion 'left_over' is used by no classification, target or other criterion\n"
        "  left_over = \"y > 0.1\"\n"
        "  ^\n"
        "  hint: name it in a classification's 'when' or in another criterion, or remove it if it is left over\n");
}

TEST_CASE("a parameter nothing reads is a warning, with the name meant when it looks misspelt", "[rules][lint]") {
  const std::string body = "[criteria]\nc = \"x > poverty_high\"\n[classification.k]\norder = [ { class = \"A\", when = \"c\" }, { class = \"B\" } ]\n"
                           "[[test]]\nname = \"a\"\ngiven = { x = 0.3 }\nexpect = { k = \"A\" }\n"
                           "[[test]]\nname = \"b\"\ngiven = { x = 0.1 }\nexpect = { k = \"B\" }\n";
  CHECK(compile_warnings(kHead + "[parameters]\npoverty_high = { value = 0.2, source = \"a\" }\n"
                                 "poverty_hihg = { value = 0.15, source = \"draft\" }\nspare = { value = 1, source = \"b\" }\n" + body) ==
        "l.toml:7:1: warning: parameter 'poverty_hihg' is read by no criterion, derived indicator or target\n"
        "  poverty_hihg = { value = 0.15, source = \"draft\" }\n"
        "  ^\n"
        "  hint: did you mean 'poverty_high'?\n"
        "l.toml:8:1: warning: parameter 'spare' is read by no criterion, derived indicator or target\n"
        "  spare = { value = 1, source = \"b\" }\n"
        "  ^\n"
        "  hint: name it in an expression, or remove it if it is left over; in a draft, an override must use the exact name of the act's parameter\n");
}

TEST_CASE("a draft whose override misspells the act's parameter is warned at the override", "[rules][lint]") {
  RuleLibrary lib(test_catalogue());
  lib.add(lotrinh::config::parse_rule_file("rules/vn/law.toml", kHead + "[parameters]\nhigh = { value = 0.2, source = \"a\" }\n"
                                           "[criteria]\nc = \"x > high\"\n[classification.k]\norder = [ { class = \"A\", when = \"c\" }, { class = \"B\" } ]\n"), false);
  lib.add(lotrinh::config::parse_rule_file("draft.toml", "[ruleset]\nid = \"d\"\nextends = \"t.l\"\nstatus = \"draft\"\n"
                                           "[parameters]\nhihg = { value = 0.15, source = \"draft\" }\n"));
  CHECK(lotrinh::diag::format(lib.get("d")->warnings) ==
        "draft.toml:6:1: warning: parameter 'hihg' is read by no criterion, derived indicator or target\n"
        "  hihg = { value = 0.15, source = \"draft\" }\n"
        "  ^\n"
        "  hint: did you mean 'high'?\n");
}

TEST_CASE("a class no test expects is a warning at its entry", "[rules][lint]") {
  CHECK(compile_warnings(kHead + "[criteria]\nhigh = \"x > 0.1\"\n"
                                 "[classification.c]\norder = [ { class = \"A\", when = \"high\" },\n          { class = \"B\" } ]\n"
                                 "[[test]]\nname = \"a\"\ngiven = { x = 0.2 }\nexpect = { c = \"A\" }\n") ==
        "l.toml:9:11: warning: no test expects class 'B' of 'c'\n"
        "            { class = \"B\" } ]\n"
        "            ^\n"
        "  hint: add a [[test]] whose expect has c = \"B\", so that a change that makes the class unreachable is caught\n");
}

TEST_CASE("a test expecting a class that does not exist, or a truth value that cannot be, is a load error",
          "[rules][lint]") {
  const std::string rules = kHead + "[criteria]\nhigh = \"x > 0.1\"\n"
                                    "[classification.c]\norder = [ { class = \"A\", when = \"high\" }, { class = \"B\" } ]\n";
  CHECK(compile_error("l.toml", rules + "[[test]]\nname = \"a\"\ngiven = { x = 0.2 }\nexpect = { c = \"AA\" }\n") ==
        "l.toml:12:12: error: the test expects class 'AA' of 'c', which has no such class\n"
        "  expect = { c = \"AA\" }\n"
        "             ^\n"
        "  hint: did you mean 'A'?\n");
  CHECK(compile_error("l.toml", rules + "[[test]]\nname = \"a\"\ngiven = { x = 0.2 }\nexpect = { c = 1 }\n") ==
        "l.toml:12:12: error: the test expects a value for classification 'c' that is not a class name\n"
        "  expect = { c = 1 }\n"
        "             ^\n"
        "  hint: write one of the classes in the 'order' of 'c', or \"unknown\", as a string\n");
  CHECK(compile_error("l.toml", rules + "[[test]]\nname = \"a\"\ngiven = { x = 0.2 }\nexpect = { high = \"yes\" }\n") ==
        "l.toml:12:12: error: the test expects a value for criterion 'high' that is not a truth value\n"
        "  expect = { high = \"yes\" }\n"
        "             ^\n"
        "  hint: a criterion is true, false or \"unknown\"\n");
}

TEST_CASE("a test's given and set values are checked against their units and the catalogue's range", "[rules][lint]") {
  const std::string rules = kHead + "[parameters]\nt = { value = 0.2, unit = \"fraction\", source = \"a\" }\n"
                                    "[criteria]\nhigh = \"x > t\"\n";
  CHECK(compile_error("l.toml", rules + "[[test]]\nname = \"a\"\ngiven = { x = 1.5 }\nexpect = { high = true }\n") ==
        "l.toml:11:11: error: the given value of 'x' is 1.5, but a value in 'fraction' must be in [0, 1]\n"
        "  given = { x = 1.5 }\n"
        "            ^\n"
        "  hint: a fraction is written as a decimal: 1.5 % is written 0.015\n");
  CHECK(compile_error("l.toml", rules + "[[test]]\nname = \"a\"\ngiven = { x = 0.5 }\nset = { t = 20 }\nexpect = { high = true }\n") ==
        "l.toml:12:9: error: the set value of 't' is 20, but a value in 'fraction' must be in [0, 1]\n"
        "  set = { t = 20 }\n"
        "          ^\n"
        "  hint: a fraction is written as a decimal: 20 % is written 0.2\n");
}

TEST_CASE("an empty id or class is refused", "[rules][lint]") {
  CHECK(compile_error("l.toml", "[ruleset]\nid = \"\"\nkind = \"k\"\n") ==
        "l.toml:2:6: error: [ruleset]: 'id' is an empty string\n"
        "  id = \"\"\n"
        "       ^\n"
        "  hint: add id = \"...\", a name unique over all rule files, such as \"vn.qd-33-2020\"\n");
  CHECK(compile_error("l.toml", kHead + "[classification.c]\norder = [ { class = \"\" } ]\n") ==
        "l.toml:6:21: error: classification 'c': 'class' is an empty string\n"
        "  order = [ { class = \"\" } ]\n"
        "                      ^\n"
        "  hint: add class = \"...\", the name of the class\n");
}

TEST_CASE("a rule set's level is commune or village", "[rules][lint]") {
  CHECK(compile_error("l.toml", "[ruleset]\nid = \"t\"\nlevel = \"comune\"\n") ==
        "l.toml:3:10: error: [ruleset]: unknown level 'comune'\n"
        "  level = \"comune\"\n"
        "           ^\n"
        "  hint: did you mean 'commune'?\n");
}

TEST_CASE("a file that takes the id of a bundled rule set is a warning at its id", "[rules][lint]") {
  RuleLibrary lib(test_catalogue());
  lib.add(lotrinh::config::parse_rule_file("rules/vn/law.toml", "[ruleset]\nid = \"vn.law\"\nkind = \"k\"\n"), false);
  lib.add(lotrinh::config::parse_rule_file("my-draft.toml", "[ruleset]\nid = \"vn.law\"\nkind = \"k\"\n"));
  CHECK(lotrinh::diag::format(lib.warnings()) ==
        "my-draft.toml:2:7: warning: rule set id 'vn.law' is also the id of rules/vn/law.toml: this file's results would be labelled as that rule set\n"
        "  id = \"vn.law\"\n"
        "        ^\n"
        "  hint: give a draft an id of its own and status = \"draft\"; to change a few values, write extends = \"vn.law\" and only what differs\n");
  CHECK(lib.get("vn.law")->path == "my-draft.toml");
}

TEST_CASE("the warnings of rule sets the run did not name are not reported", "[rules][lint]") {
  RuleLibrary lib(test_catalogue());
  lib.add(lotrinh::config::parse_rule_file("b.toml", kHead + "[parameters]\nt = { value = 0.2 }\n"), false);
  CHECK(lib.get("t.l")->warnings.size() == 2);  // no source, and read by nothing
  CHECK(lib.warnings().empty());
}

TEST_CASE("a rule file with a 100,000-character name gives an error of a few lines, not the whole line",
          "[rules][lint]") {
  std::string text = compile_error("l.toml", kHead + "[criteria]\nc = \"" + std::string(100000, 'z') + " > 0.1\"\n");
  CHECK(text.find("l.toml:6:6: error: ") == 0);
  CHECK(text.size() < 2500);
}

TEST_CASE("a given value outside the catalogue's range of an indicator without a unit is refused", "[rules][lint]") {
  lotrinh::data::Catalogue cat;
  lotrinh::data::Indicator z;
  z.id = "score";
  z.min = 0;
  z.max = 10;
  cat.add(z);
  RuleLibrary lib(cat);
  lib.add(lotrinh::config::parse_rule_file(
      "s.toml", kHead + "[criteria]\nhigh = \"score > 5\"\n[[test]]\nname = \"a\"\ngiven = { score = 11 }\nexpect = { high = true }\n"));
  try {
    lib.get("t.l");
    FAIL("no error");
  } catch (const lotrinh::diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "s.toml:9:11: error: the given value of 'score' is 11, but it must be in [0, 10]\n"
          "  given = { score = 11 }\n"
          "            ^\n"
          "  hint: correct the value, or the unit if that is wrong\n");
  }
}

TEST_CASE("a class that clauses of unknown text keep from being decided is not asked of the tests", "[rules][lint]") {
  // B needs the unknown clause to be true; D needs C's `when` false, which the unknown clause
  // inside its `any` prevents. A and C are asked (each `when` is judged on its own, so C counts
  // as reachable), and only C is not expected.
  CHECK(compile_warnings(kHead + "[criteria]\nclause = { unknown = \"text not found\" }\nhigh = \"x > 0.1\"\n"
                                 "b = { all = [\"high\", \"clause\"] }\nc = { any = [\"high\", \"clause\"] }\n"
                                 "[classification.k]\norder = [ { class = \"A\", when = \"high\" }, { class = \"B\", when = \"b\" },\n"
                                 "  { class = \"C\", when = \"c\" }, { class = \"D\" } ]\n"
                                 "[[test]]\nname = \"a\"\ngiven = { x = 0.2 }\nexpect = { k = \"A\" }\n") ==
        "l.toml:12:3: warning: no test expects class 'C' of 'k'\n"
        "    { class = \"C\", when = \"c\" }, { class = \"D\" } ]\n"
        "    ^\n"
        "  hint: add a [[test]] whose expect has k = \"C\", so that a change that makes the class unreachable is caught\n");
}

TEST_CASE("a chain of criteria deeper than the engine walks is a located error, not a crash", "[rules][lint]") {
  std::string text = kHead + "[criteria]\nc0 = \"x > 0.5\"\n";
  for (int i = 1; i <= kMaxCriteriaChain + 1; ++i) text += "c" + std::to_string(i) + " = \"c" + std::to_string(i - 1) + "\"\n";
  text += "[classification.k]\norder = [ { class = \"A\", when = \"c" + std::to_string(kMaxCriteriaChain + 1) + "\" }, { class = \"B\" } ]\n";
  const std::string last = std::to_string(kMaxCriteriaChain + 1), line = std::to_string(kMaxCriteriaChain + 7);
  CHECK(compile_error("l.toml", text) ==
        "l.toml:" + line + ":1: error: criterion 'c" + last + "' refers through a chain of more than 50,000 criteria, deeper than lotrinh evaluates\n"
        "  c" + last + " = \"c" + std::to_string(kMaxCriteriaChain) + "\"\n"
        "  ^\n"
        "  hint: no act nests its criteria this deep: if the file is generated, have each criterion name the leaves it needs, or a few levels of criteria\n");
}
