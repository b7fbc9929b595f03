// Every problem a rule file or the indicator catalogue can have, with its exact text.
#include <catch2/catch.hpp>

#include <string>

#include "config/catalogue_reader.h"
#include "config/rule_file_reader.h"
#include "diag/diagnostic.h"

using namespace lotrinh;

namespace {

const std::string kHead = "[ruleset]\nid = \"t\"\n";

// The error text of parsing `text` as a rule file r.toml, or "" if it parses.
std::string error_of(const std::string& text) {
  try {
    config::parse_rule_file("r.toml", text);
  } catch (const diag::InputError& e) {
    return e.what();
  }
  return "";
}

// The error text of parsing `text` as a catalogue i.toml, or "" if it parses.
std::string catalogue_error(const std::string& text) {
  try {
    config::parse_catalogue("i.toml", text);
  } catch (const diag::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("an empty rule file is refused with a hint", "[config]") {
  CHECK(error_of(" \n\n") ==
        "r.toml: error: the file is empty\n"
        "  hint: give a file with content, or check that the right path was named\n");
}

TEST_CASE("a rule file that is not UTF-8 is refused at the bad byte", "[config]") {
  CHECK(error_of("[ruleset]\nid = \"Vi\xeat\"\n") ==
        "r.toml:2:9: error: the file is not valid UTF-8 (byte 0xEA at this column)\n"
        "  id = \"Vi?t\"\n"
        "          ^\n"
        "  hint: save the file as UTF-8 (in Excel: Save As > CSV UTF-8; in an editor: encoding UTF-8)\n");
}

TEST_CASE("an empty catalogue is refused with a hint", "[config]") {
  CHECK(catalogue_error("") ==
        "i.toml: error: the file is empty\n"
        "  hint: give a file with content, or check that the right path was named\n");
}

TEST_CASE("a TOML syntax error is located at its line and character column with a caret", "[config]") {
  CHECK(error_of(kHead + "title.en = \"Vùng\" x\n") ==
        "r.toml:3:19: error: invalid TOML in key-value pair: expected a comment or whitespace, saw 'x'\n"
        "  title.en = \"Vùng\" x\n"
        "                    ^\n"
        "  hint: check the TOML syntax here: text in double quotes, one key = value per line, a key only once per table (see rules/README.md)\n");
}

TEST_CASE("a key given twice in one table is a TOML syntax error", "[config]") {
  CHECK(error_of("[ruleset]\nid = \"t\"\nid = \"u\"\n") ==
        "r.toml:3:6: error: invalid TOML in key-value pair: cannot redefine existing string 'id'\n"
        "  id = \"u\"\n"
        "       ^\n"
        "  hint: check the TOML syntax here: text in double quotes, one key = value per line, a key only once per table (see rules/README.md)\n");
}

TEST_CASE("a parameter value of the wrong type is reported with the expected type", "[config]") {
  CHECK(error_of(kHead + "[parameters]\npoverty_high = { value = \"0.20\", unit = \"fraction\" }\n") ==
        "r.toml:4:26: error: parameter 'poverty_high': 'value' must be a number, not a string\n"
        "  poverty_high = { value = \"0.20\", unit = \"fraction\" }\n"
        "                           ^\n"
        "  hint: write a number without quotes, with a dot for decimals: 0.2, 1500000\n");
}

TEST_CASE("a name used in two sections is reported at its second use with the first line", "[config]") {
  CHECK(error_of(kHead + "[parameters]\nhigh = { value = 0.2 }\n[criteria]\nhigh = \"x > 1\"\n") ==
        "r.toml:6:1: error: the name 'high' is already used by a parameter on line 4\n"
        "  high = \"x > 1\"\n"
        "  ^\n"
        "  hint: parameters, derived indicators, criteria and classifications share one set of names: rename one of them\n");
}

TEST_CASE("a classification named like a criterion defined later is reported at the criterion", "[config]") {
  CHECK(error_of(kHead + "[classification.r]\norder = [ { class = \"a\" } ]\n[criteria]\nr = \"x > 1\"\n") ==
        "r.toml:6:1: error: the name 'r' is already used by a classification on line 3\n"
        "  r = \"x > 1\"\n"
        "  ^\n"
        "  hint: parameters, derived indicators, criteria and classifications share one set of names: rename one of them\n");
}

TEST_CASE("several problems in one file are reported together in file order", "[config]") {
  CHECK(error_of("[ruleset]\nkind = 5\nstatus = \"in-froce\"\n[parameters]\na = { valeu = 1 }\n[criterion]\n") ==
        "r.toml:1:1: error: [ruleset]: 'id' is missing\n"
        "  [ruleset]\n"
        "  ^\n"
        "  hint: add id = \"...\", a name unique over all rule files, such as \"vn.qd-33-2020\"\n"
        "r.toml:2:8: error: [ruleset]: 'kind' must be a string, not a whole number\n"
        "  kind = 5\n"
        "         ^\n"
        "  hint: put the text in double quotes: \"...\"\n"
        "r.toml:3:11: error: [ruleset]: unknown status 'in-froce'\n"
        "  status = \"in-froce\"\n"
        "            ^\n"
        "  hint: did you mean 'in-force'?\n"
        "r.toml:5:7: error: parameter 'a': unknown key 'valeu'\n"
        "  a = { valeu = 1 }\n"
        "        ^\n"
        "  hint: did you mean 'value'?\n"
        "r.toml:6:2: error: top level: unknown key 'criterion'\n"
        "  [criterion]\n"
        "   ^\n"
        "  hint: did you mean 'criteria'?\n");
}

TEST_CASE("a misspelt top-level table is reported with a suggestion", "[config]") {
  CHECK(error_of(kHead + "[tests]\n") ==
        "r.toml:3:2: error: top level: unknown key 'tests'\n"
        "  [tests]\n"
        "   ^\n"
        "  hint: did you mean 'test'?\n");
}

TEST_CASE("a misspelt key inside a criterion node is reported with a suggestion", "[config]") {
  CHECK(error_of(kHead + "[criteria]\nc = { all = [\"x\"], sorce = \"a\" }\n") ==
        "r.toml:4:20: error: criterion 'c': unknown key 'sorce'\n"
        "  c = { all = [\"x\"], sorce = \"a\" }\n"
        "                     ^\n"
        "  hint: did you mean 'source'?\n");
}

TEST_CASE("an unknown key with no close match lists the keys allowed", "[config]") {
  CHECK(error_of(kHead + "[derived]\nd = { expr = \"x\", zzz = 1 }\n") ==
        "r.toml:4:19: error: derived indicator 'd': unknown key 'zzz'\n"
        "  d = { expr = \"x\", zzz = 1 }\n"
        "                    ^\n"
        "  hint: use one of: expr, unit, note\n");
}

TEST_CASE("a ruleset without an id is refused", "[config]") {
  CHECK(error_of("[ruleset]\nkind = \"k\"\n") ==
        "r.toml:1:1: error: [ruleset]: 'id' is missing\n"
        "  [ruleset]\n"
        "  ^\n"
        "  hint: add id = \"...\", a name unique over all rule files, such as \"vn.qd-33-2020\"\n");
}

TEST_CASE("a file without a ruleset table is refused", "[config]") {
  CHECK(error_of("[parameters]\na = { value = 1 }\n") ==
        "r.toml: error: the file has no [ruleset] table\n"
        "  hint: start the file with [ruleset] and id = \"...\", a name unique over all rule files\n");
}

TEST_CASE("a section that is not a table is refused", "[config]") {
  CHECK(error_of("parameters = 5\n" + kHead) ==
        "r.toml:1:14: error: 'parameters' must be a table, not a whole number\n"
        "  parameters = 5\n"
        "               ^\n"
        "  hint: write it as a table: [parameters] on a line of its own, its keys below\n");
}

TEST_CASE("a title that is neither text nor a table is refused", "[config]") {
  CHECK(error_of("[ruleset]\nid = \"t\"\ntitle = 5\n") ==
        "r.toml:3:9: error: [ruleset]: 'title' must be a table, not a whole number\n"
        "  title = 5\n"
        "          ^\n"
        "  hint: write a table: { key = value, ... }\n");
}

TEST_CASE("an effective date written as a string is refused", "[config]") {
  CHECK(error_of("[ruleset]\nid = \"t\"\neffective = { from = \"2020-12-31\" }\n") ==
        "r.toml:3:22: error: [ruleset]: 'from' must be a date, not a string\n"
        "  effective = { from = \"2020-12-31\" }\n"
        "                       ^\n"
        "  hint: write a date without quotes, as year-month-day: 2020-12-31\n");
}

TEST_CASE("an effective date with a time of day is refused", "[config]") {
  CHECK(error_of("[ruleset]\nid = \"t\"\neffective = { from = 2020-12-31T00:00:00 }\n") ==
        "r.toml:3:22: error: [ruleset]: 'from' must be a date, not a date with a time\n"
        "  effective = { from = 2020-12-31T00:00:00 }\n"
        "                       ^\n"
        "  hint: write a date without quotes, as year-month-day: 2020-12-31\n");
}

TEST_CASE("an effective time without a date is refused", "[config]") {
  CHECK(error_of("[ruleset]\nid = \"t\"\neffective = { from = 10:00:00 }\n") ==
        "r.toml:3:22: error: [ruleset]: 'from' must be a date, not a time of day\n"
        "  effective = { from = 10:00:00 }\n"
        "                       ^\n"
        "  hint: write a date without quotes, as year-month-day: 2020-12-31\n");
}

TEST_CASE("an effective period that ends before it starts is refused", "[config]") {
  CHECK(error_of("[ruleset]\nid = \"t\"\neffective = { from = 2020-12-31, until = 2019-01-01 }\n") ==
        "r.toml:3:42: error: [ruleset]: the period ends (2019-01-01) before it starts (2020-12-31)\n"
        "  effective = { from = 2020-12-31, until = 2019-01-01 }\n"
        "                                           ^\n"
        "  hint: write from = the start and until = the end of the period\n");
}

TEST_CASE("an effective period without a start is refused", "[config]") {
  CHECK(error_of("[ruleset]\nid = \"t\"\neffective = { until = 2019-01-01 }\n") ==
        "r.toml:3:13: error: [ruleset]: 'from' is missing\n"
        "  effective = { until = 2019-01-01 }\n"
        "              ^\n"
        "  hint: give the first day the rule applies: effective = { from = 2020-12-31 }\n");
}

TEST_CASE("a parameter that is a bare number is refused with the table form", "[config]") {
  CHECK(error_of(kHead + "[parameters]\np = 0.2\n") ==
        "r.toml:4:5: error: parameter 'p' must be a table, not a decimal number\n"
        "  p = 0.2\n"
        "      ^\n"
        "  hint: write p = { value = 0.2, unit = \"fraction\", source = \"...\" }\n");
}

TEST_CASE("a parameter with both value and values is refused", "[config]") {
  CHECK(error_of(kHead + "[parameters]\np = { value = 1, values = [ { from = 2025, value = 1 } ] }\n") ==
        "r.toml:4:18: error: parameter 'p': 'value' and 'values' cannot both be given\n"
        "  p = { value = 1, values = [ { from = 2025, value = 1 } ] }\n"
        "                   ^\n"
        "  hint: give one number (value = ...) or dated numbers (values = [...]), not both\n");
}

TEST_CASE("overlapping dated values of a parameter are refused", "[config]") {
  CHECK(error_of(kHead + "[parameters]\np = { values = [ { from = 2020, until = 2025, value = 1 }, { from = 2025, value = 2 } ] }\n") ==
        "r.toml:4:60: error: parameter 'p': the period 2025-... overlaps the period 2020-2025 on line 4\n"
        "  p = { values = [ { from = 2020, until = 2025, value = 1 }, { from = 2025, value = 2 } ] }\n"
        "                                                             ^\n"
        "  hint: years are inclusive and periods must not overlap: end one the year before the next starts\n");
}

TEST_CASE("a dated value whose period ends before it starts is refused", "[config]") {
  CHECK(error_of(kHead + "[parameters]\np = { values = [ { from = 2025, until = 2020, value = 1 } ] }\n") ==
        "r.toml:4:18: error: parameter 'p': the period ends (2020) before it starts (2025)\n"
        "  p = { values = [ { from = 2025, until = 2020, value = 1 } ] }\n"
        "                   ^\n"
        "  hint: write from = the start and until = the end of the period\n");
}

TEST_CASE("a dated value without a value or not written as a table is refused", "[config]") {
  CHECK(error_of(kHead + "[parameters]\np = { values = [ { from = 2020 }, 5 ] }\n") ==
        "r.toml:4:18: error: parameter 'p': 'value' is missing\n"
        "  p = { values = [ { from = 2020 }, 5 ] }\n"
        "                   ^\n"
        "  hint: add value = ... for this period\n"
        "r.toml:4:35: error: parameter 'p': an entry of 'values' must be a table, not a whole number\n"
        "  p = { values = [ { from = 2020 }, 5 ] }\n"
        "                                    ^\n"
        "  hint: write each entry as { from = 2022, until = 2025, value = 1500000 }\n");
}

TEST_CASE("an empty list of dated values is refused", "[config]") {
  CHECK(error_of(kHead + "[parameters]\np = { values = [] }\n") ==
        "r.toml:4:16: error: parameter 'p': 'values' is empty\n"
        "  p = { values = [] }\n"
        "                 ^\n"
        "  hint: give dated values, such as values = [ { from = 2022, until = 2025, value = 1500000 } ], or leave 'values' out when the value is not known\n");
}

TEST_CASE("a dated value with a year written as text is refused", "[config]") {
  CHECK(error_of(kHead + "[parameters]\np = { values = [ { from = \"2020\", value = 1 } ] }\n") ==
        "r.toml:4:27: error: parameter 'p': 'from' must be a whole number, not a string\n"
        "  p = { values = [ { from = \"2020\", value = 1 } ] }\n"
        "                            ^\n"
        "  hint: write a whole number without quotes, such as 2020\n");
}

TEST_CASE("a derived indicator that is not a table or has no expression is refused", "[config]") {
  CHECK(error_of(kHead + "[derived]\nd = \"x + 1\"\ne = { unit = \"count\" }\n") ==
        "r.toml:4:5: error: derived indicator 'd' must be a table, not a string\n"
        "  d = \"x + 1\"\n"
        "      ^\n"
        "  hint: write d = { expr = \"...\", unit = \"...\" }\n"
        "r.toml:5:5: error: derived indicator 'e': 'expr' is missing\n"
        "  e = { unit = \"count\" }\n"
        "      ^\n"
        "  hint: add expr = \"...\", the formula over indicators and parameters\n");
}

TEST_CASE("a criterion node with no kind is refused", "[config]") {
  CHECK(error_of(kHead + "[criteria]\nc = { source = \"a\" }\n") ==
        "r.toml:4:5: error: criterion 'c': the node has none of all, any, at_least, not, expr or unknown\n"
        "  c = { source = \"a\" }\n"
        "      ^\n"
        "  hint: write a node as \"expression\", a criterion name, { all = [...] }, { any = [...] }, { at_least = 2, of = [...] }, { not = ... }, { expr = \"...\" } or { unknown = \"...\" }\n");
}

TEST_CASE("a criterion node with two kinds is refused at the second", "[config]") {
  CHECK(error_of(kHead + "[criteria]\nc = { all = [\"x\"], any = [\"y\"] }\n") ==
        "r.toml:4:20: error: criterion 'c': the node has both 'all' and 'any'\n"
        "  c = { all = [\"x\"], any = [\"y\"] }\n"
        "                     ^\n"
        "  hint: a node is one thing: put each in a node of its own, such as all = [ { expr = \"...\" }, { any = [...] } ]\n");
}

TEST_CASE("at_least without of is refused", "[config]") {
  CHECK(error_of(kHead + "[criteria]\nc = { at_least = 2 }\n") ==
        "r.toml:4:7: error: criterion 'c': 'at_least' needs 'of', the list of nodes to count\n"
        "  c = { at_least = 2 }\n"
        "        ^\n"
        "  hint: write { at_least = 2, of = [\"a\", \"b\", \"c\"] }\n");
}

TEST_CASE("of without at_least is refused", "[config]") {
  CHECK(error_of(kHead + "[criteria]\nc = { of = [\"x\"] }\n") ==
        "r.toml:4:7: error: criterion 'c': 'of' is only used with 'at_least'\n"
        "  c = { of = [\"x\"] }\n"
        "        ^\n"
        "  hint: write { at_least = 2, of = [...] }, or use all = [...] or any = [...]\n");
}

TEST_CASE("at_least above the number of nodes is refused", "[config]") {
  CHECK(error_of(kHead + "[criteria]\nc = { at_least = 3, of = [\"x\", \"y\"] }\n") ==
        "r.toml:4:18: error: criterion 'c': at_least = 3 must be between 1 and the number of nodes in 'of' (2)\n"
        "  c = { at_least = 3, of = [\"x\", \"y\"] }\n"
        "                   ^\n"
        "  hint: outside that range the node is always true or never true: fix the count or the list\n");
}

TEST_CASE("at_least zero is refused", "[config]") {
  CHECK(error_of(kHead + "[criteria]\nc = { at_least = 0, of = [\"x\", \"y\"] }\n") ==
        "r.toml:4:18: error: criterion 'c': at_least = 0 must be between 1 and the number of nodes in 'of' (2)\n"
        "  c = { at_least = 0, of = [\"x\", \"y\"] }\n"
        "                   ^\n"
        "  hint: outside that range the node is always true or never true: fix the count or the list\n");
}

TEST_CASE("not with two nodes is refused", "[config]") {
  CHECK(error_of(kHead + "[criteria]\nc = { not = [\"x\", \"y\"] }\n") ==
        "r.toml:4:13: error: criterion 'c': 'not' takes exactly one node, not 2\n"
        "  c = { not = [\"x\", \"y\"] }\n"
        "              ^\n"
        "  hint: write not = \"expression\" or not = { any = [...] }\n");
}

TEST_CASE("a node that is a number is refused", "[config]") {
  CHECK(error_of(kHead + "[criteria]\nc = { all = [\"x\", 5] }\n") ==
        "r.toml:4:19: error: criterion 'c': a node must be a string (an expression or a criterion name) or a table, not a whole number\n"
        "  c = { all = [\"x\", 5] }\n"
        "                    ^\n"
        "  hint: write a node as \"expression\", a criterion name, { all = [...] }, { any = [...] }, { at_least = 2, of = [...] }, { not = ... }, { expr = \"...\" } or { unknown = \"...\" }\n");
}

TEST_CASE("an empty all is refused", "[config]") {
  CHECK(error_of(kHead + "[criteria]\nc = { all = [] }\n") ==
        "r.toml:4:13: error: criterion 'c': 'all' is empty\n"
        "  c = { all = [] }\n"
        "              ^\n"
        "  hint: give at least one node, such as [\"poverty_rate >= poverty_high\"]\n");
}

TEST_CASE("an all that is not a list is refused", "[config]") {
  CHECK(error_of(kHead + "[criteria]\nc = { all = \"x\" }\n") ==
        "r.toml:4:13: error: criterion 'c': 'all' must be a list, not a string\n"
        "  c = { all = \"x\" }\n"
        "              ^\n"
        "  hint: write a list: [a, b, ...]\n");
}

TEST_CASE("a class entry without a class is refused", "[config]") {
  CHECK(error_of(kHead + "[classification.r]\norder = [ { when = \"a\" }, { class = \"b\" } ]\n") ==
        "r.toml:4:11: error: classification 'r': 'class' is missing\n"
        "  order = [ { when = \"a\" }, { class = \"b\" } ]\n"
        "            ^\n"
        "  hint: add class = \"...\", the name of the class\n");
}

TEST_CASE("an entry without when that is not the last is refused", "[config]") {
  CHECK(error_of(kHead + "[classification.r]\norder = [ { class = \"a\" }, { class = \"b\", when = \"c\" } ]\n") ==
        "r.toml:4:11: error: classification 'r': the entry for class 'a' has no 'when' but is not the last\n"
        "  order = [ { class = \"a\" }, { class = \"b\", when = \"c\" } ]\n"
        "            ^\n"
        "  hint: only the last entry may go without 'when' (it takes everything left): add when = \"...\" or move the entry to the end\n");
}

TEST_CASE("a classification without order is refused", "[config]") {
  CHECK(error_of(kHead + "[classification.r]\ntitle.en = \"R\"\n") ==
        "r.toml:3:1: error: classification 'r': 'order' is missing\n"
        "  [classification.r]\n"
        "  ^\n"
        "  hint: add order = [ { class = \"...\", when = \"criterion\" }, ..., { class = \"...\" } ]\n");
}

TEST_CASE("a classification with an empty order is refused", "[config]") {
  CHECK(error_of(kHead + "[classification.r]\norder = []\n") ==
        "r.toml:4:9: error: classification 'r': 'order' is empty\n"
        "  order = []\n"
        "          ^\n"
        "  hint: add order = [ { class = \"...\", when = \"criterion\" }, ..., { class = \"...\" } ]\n");
}

TEST_CASE("a classification that is not a table, or an order that is not a list, is refused", "[config]") {
  CHECK(error_of("classification = { a = 1, b = { order = \"x\" } }\n" + kHead) ==
        "r.toml:1:24: error: classification 'a' must be a table, not a whole number\n"
        "  classification = { a = 1, b = { order = \"x\" } }\n"
        "                         ^\n"
        "  hint: write [classification.a] with order = [ { class = \"...\", when = \"...\" }, ... ]\n"
        "r.toml:1:41: error: classification 'b': 'order' must be a list, not a string\n"
        "  classification = { a = 1, b = { order = \"x\" } }\n"
        "                                          ^\n"
        "  hint: write a list: [a, b, ...]\n");
}

TEST_CASE("a class entry that is not a table, or with fallback not true or false, is refused", "[config]") {
  CHECK(error_of(kHead + "[classification.r]\norder = [ \"a\", { class = \"b\", fallback = \"yes\" } ]\n") ==
        "r.toml:4:11: error: classification 'r': an entry of 'order' must be a table, not a string\n"
        "  order = [ \"a\", { class = \"b\", fallback = \"yes\" } ]\n"
        "            ^\n"
        "  hint: write each entry as { class = \"...\", when = \"criterion\" }\n"
        "r.toml:4:42: error: classification 'r': 'fallback' must be true or false, not a string\n"
        "  order = [ \"a\", { class = \"b\", fallback = \"yes\" } ]\n"
        "                                           ^\n"
        "  hint: write true or false, without quotes\n");
}

TEST_CASE("target words outside their lists are refused with suggestions", "[config]") {
  CHECK(error_of(kHead + "[[target]]\nid = \"t\"\naggregate = \"avg\"\nof = \"x\"\ncompare = \"=<\"\nlevel = \"commune\"\nchange = \"yearly\"\nyears = [2020, 2025]\n") ==
        "r.toml:5:14: error: target 't': unknown aggregate 'avg'\n"
        "  aggregate = \"avg\"\n"
        "               ^\n"
        "  hint: use one of: mean, weighted_mean, count, share, sum, min, max\n"
        "r.toml:7:12: error: target 't': unknown compare '=<'\n"
        "  compare = \"=<\"\n"
        "             ^\n"
        "  hint: did you mean '<='?\n"
        "r.toml:8:10: error: target 't': unknown level 'commune'\n"
        "  level = \"commune\"\n"
        "           ^\n"
        "  hint: use one of: province, district\n"
        "r.toml:9:11: error: target 't': unknown change 'yearly'\n"
        "  change = \"yearly\"\n"
        "            ^\n"
        "  hint: use one of: per_year, difference, ratio\n");
}

TEST_CASE("change without two years is refused", "[config]") {
  CHECK(error_of(kHead + "[[target]]\nid = \"t\"\naggregate = \"mean\"\nof = \"x\"\nchange = \"per_year\"\nyears = [2025, 2021]\n") ==
        "r.toml:8:9: error: target 't': 'change' needs 'years' with two years, the first before the second\n"
        "  years = [2025, 2021]\n"
        "          ^\n"
        "  hint: write years = [2021, 2025]\n");
}

TEST_CASE("change with no years at all is refused at change", "[config]") {
  CHECK(error_of(kHead + "[[target]]\nid = \"t\"\naggregate = \"mean\"\nof = \"x\"\nchange = \"ratio\"\n") ==
        "r.toml:7:1: error: target 't': 'change' needs 'years' with two years, the first before the second\n"
        "  change = \"ratio\"\n"
        "  ^\n"
        "  hint: write years = [2021, 2025]\n");
}

TEST_CASE("years without change, and year with years, are refused", "[config]") {
  CHECK(error_of(kHead + "[[target]]\nid = \"t\"\naggregate = \"sum\"\nof = \"x\"\nyear = 2020\nyears = [2020, \"2025\"]\n") ==
        "r.toml:7:1: error: target 't': 'year' and 'years' cannot both be given\n"
        "  year = 2020\n"
        "  ^\n"
        "  hint: give years = [from, until] with 'change', or one year = ... without it\n"
        "r.toml:8:1: error: target 't': 'years' is only used with 'change'\n"
        "  years = [2020, \"2025\"]\n"
        "  ^\n"
        "  hint: add change = \"per_year\", \"difference\" or \"ratio\", or give one year = 2020\n"
        "r.toml:8:16: error: target 't': an entry of 'years' must be a whole number, not a string\n"
        "  years = [2020, \"2025\"]\n"
        "                 ^\n"
        "  hint: write a whole number without quotes, such as 2020\n");
}

TEST_CASE("a target with both of and class, or a class without a colon, is refused", "[config]") {
  CHECK(error_of(kHead + "[[target]]\nid = \"t\"\naggregate = \"count\"\nof = \"x\"\nclass = \"III\"\n") ==
        "r.toml:7:1: error: target 't': 'of' and 'class' cannot both be given\n"
        "  class = \"III\"\n"
        "  ^\n"
        "  hint: count or share the units of a class with class = \"classification:class\", or of a criterion or expression with of = \"...\"\n"
        "r.toml:7:10: error: target 't': class = 'III' does not name a classification and a class\n"
        "  class = \"III\"\n"
        "           ^\n"
        "  hint: write class = \"classification:class\", such as \"region:III\"\n");
}

TEST_CASE("a target missing its id, aggregate, of, weight or compare is refused", "[config]") {
  CHECK(error_of(kHead + "[[target]]\nvalue = 1\n[[target]]\nid = \"w\"\naggregate = \"weighted_mean\"\n[[target]]\nid = \"c\"\naggregate = \"share\"\n") ==
        "r.toml:3:1: error: target #1: 'id' is missing\n"
        "  [[target]]\n"
        "  ^\n"
        "  hint: add id = \"...\", a short name for the target\n"
        "r.toml:3:1: error: target #1: 'aggregate' is missing\n"
        "  [[target]]\n"
        "  ^\n"
        "  hint: use one of: mean, weighted_mean, count, share, sum, min, max\n"
        "r.toml:3:1: error: target #1: 'compare' is missing\n"
        "  [[target]]\n"
        "  ^\n"
        "  hint: use one of: <=, >=, <, >, ==\n"
        "r.toml:5:1: error: target 'w': 'of' is missing\n"
        "  [[target]]\n"
        "  ^\n"
        "  hint: add of = \"...\", the expression to aggregate\n"
        "r.toml:5:1: error: target 'w': 'weight' is missing\n"
        "  [[target]]\n"
        "  ^\n"
        "  hint: add weight = \"...\", such as weight = \"households\"\n"
        "r.toml:8:1: error: target 'c': 'of' is missing\n"
        "  [[target]]\n"
        "  ^\n"
        "  hint: add of = \"criterion\" or class = \"classification:class\", the units to count\n");
}

TEST_CASE("two targets with one id are refused", "[config]") {
  CHECK(error_of(kHead + "[[target]]\nid = \"t\"\naggregate = \"max\"\nof = \"x\"\n[[target]]\nid = \"t\"\naggregate = \"min\"\nof = \"x\"\n") ==
        "r.toml:8:7: error: target id 't' is already used by the target on line 3\n"
        "  id = \"t\"\n"
        "        ^\n"
        "  hint: give each target an id of its own\n");
}

TEST_CASE("a target written as a single table or a list of numbers is refused", "[config]") {
  CHECK(error_of("target = [1]\n" + kHead + "[test]\nname = \"n\"\n") ==
        "r.toml:1:11: error: target #1 must be a table, not a whole number\n"
        "  target = [1]\n"
        "            ^\n"
        "  hint: write each one as a table under its own [[target]] line\n"
        "r.toml:4:1: error: 'test' must be a list, not a table\n"
        "  [test]\n"
        "  ^\n"
        "  hint: write each one as a table under its own [[test]] line\n");
}

TEST_CASE("a test expectation that is not a string, boolean or number is refused", "[config]") {
  CHECK(error_of(kHead + "[[test]]\nname = \"n\"\nexpect = { a = 2020-01-01, b = [1] }\n") ==
        "r.toml:5:16: error: test 'n': the expected value of 'a' must be a string, true or false, or a number, not a date\n"
        "  expect = { a = 2020-01-01, b = [1] }\n"
        "                 ^\n"
        "  hint: write a class such as \"III\" (or \"unknown\"), true or false for a criterion, or a number for a derived indicator\n"
        "r.toml:5:32: error: test 'n': the expected value of 'b' must be a string, true or false, or a number, not a list\n"
        "  expect = { a = 2020-01-01, b = [1] }\n"
        "                                 ^\n"
        "  hint: write a class such as \"III\" (or \"unknown\"), true or false for a criterion, or a number for a derived indicator\n");
}

TEST_CASE("a given value that is not a number is refused", "[config]") {
  CHECK(error_of(kHead + "[[test]]\nname = \"n\"\ngiven = { x = \"0.2\" }\nexpect = { a = true }\n") ==
        "r.toml:5:15: error: test 'n': 'x' must be a number, not a string\n"
        "  given = { x = \"0.2\" }\n"
        "                ^\n"
        "  hint: write a number without quotes, with a dot for decimals: 0.2, 1500000\n");
}

TEST_CASE("a test without a name or expect, or with a year as text, is refused", "[config]") {
  CHECK(error_of(kHead + "[[test]]\nyear = \"2020\"\n") ==
        "r.toml:3:1: error: test #1: 'name' is missing\n"
        "  [[test]]\n"
        "  ^\n"
        "  hint: add name = \"...\", a sentence saying what the test shows\n"
        "r.toml:3:1: error: test #1: 'expect' is missing\n"
        "  [[test]]\n"
        "  ^\n"
        "  hint: add expect = { ... }, the results the test checks\n"
        "r.toml:4:8: error: test #1: 'year' must be a whole number, not a string\n"
        "  year = \"2020\"\n"
        "         ^\n"
        "  hint: write a whole number without quotes, such as 2020\n");
}

TEST_CASE("a reported outcome that is not a table is refused", "[config]") {
  CHECK(error_of(kHead + "[[target]]\nid = \"t\"\naggregate = \"max\"\nof = \"x\"\nreported = \"met\"\n") ==
        "r.toml:7:12: error: target 't': 'reported' must be a table, not a string\n"
        "  reported = \"met\"\n"
        "             ^\n"
        "  hint: write a table: { key = value, ... }\n");
}

TEST_CASE("a catalogue range whose minimum is above its maximum is refused", "[config]") {
  CHECK(catalogue_error("[indicators.a]\nrange = [1, 0]\n") ==
        "i.toml:2:9: error: indicator 'a': the range minimum 1 is above its maximum 0\n"
        "  range = [1, 0]\n"
        "          ^\n"
        "  hint: write range = [min, max], such as range = [0, 1]\n");
}

TEST_CASE("a catalogue range that is not two numbers is refused", "[config]") {
  CHECK(catalogue_error("[indicators.a]\nrange = [0]\n") ==
        "i.toml:2:9: error: indicator 'a': 'range' must be two numbers, the minimum and the maximum\n"
        "  range = [0]\n"
        "          ^\n"
        "  hint: write range = [min, max], such as range = [0, 1]\n");
}

TEST_CASE("catalogue words and keys outside their lists are refused", "[config]") {
  CHECK(catalogue_error("[indicators.a]\naggregate = \"household\"\ncsv_unit = \"%\"\nunti = \"x\"\n") ==
        "i.toml:2:14: error: indicator 'a': unknown aggregate 'household'\n"
        "  aggregate = \"household\"\n"
        "               ^\n"
        "  hint: use one of: none, sum, weighted, max, min, any\n"
        "i.toml:3:13: error: indicator 'a': unknown csv_unit '%'\n"
        "  csv_unit = \"%\"\n"
        "              ^\n"
        "  hint: use one of: percent\n"
        "i.toml:4:1: error: indicator 'a': unknown key 'unti'\n"
        "  unti = \"x\"\n"
        "  ^\n"
        "  hint: did you mean 'unit'?\n");
}

TEST_CASE("an alias period naming an unknown indicator is refused with a suggestion", "[config]") {
  CHECK(catalogue_error("[indicators.poverty_rate_2016]\n[aliases.poverty_rate]\nperiods = [ { from = 2016, indicator = \"poverty_rate_2061\" }, { until = 2015, indicator = \"zzz\" } ]\n") ==
        "i.toml:3:41: error: alias 'poverty_rate': no indicator is named 'poverty_rate_2061'\n"
        "  periods = [ { from = 2016, indicator = \"poverty_rate_2061\" }, { until = 2015, indicator = \"zzz\" } ]\n"
        "                                          ^\n"
        "  hint: did you mean 'poverty_rate_2016'?\n"
        "i.toml:3:92: error: alias 'poverty_rate': no indicator is named 'zzz'\n"
        "  periods = [ { from = 2016, indicator = \"poverty_rate_2061\" }, { until = 2015, indicator = \"zzz\" } ]\n"
        "                                                                                             ^\n"
        "  hint: declare it under [indicators.zzz], or name an indicator that is declared\n");
}

TEST_CASE("overlapping alias periods are refused", "[config]") {
  CHECK(catalogue_error("[indicators.a]\n[indicators.b]\n[aliases.c]\nperiods = [ { from = 2016, until = 2020, indicator = \"a\" },\n            { from = 2020, indicator = \"b\" } ]\n") ==
        "i.toml:5:13: error: alias 'c': the period 2020-... overlaps the period 2016-2020 on line 4\n"
        "              { from = 2020, indicator = \"b\" } ]\n"
        "              ^\n"
        "  hint: years are inclusive and periods must not overlap: end one the year before the next starts\n");
}

TEST_CASE("an alias period that ends before it starts, or without an indicator, is refused", "[config]") {
  CHECK(catalogue_error("[indicators.a]\n[aliases.c]\nperiods = [ { from = 2020, until = 2016, indicator = \"a\" }, { from = 2030 }, 5 ]\n") ==
        "i.toml:3:13: error: alias 'c': the period ends (2016) before it starts (2020)\n"
        "  periods = [ { from = 2020, until = 2016, indicator = \"a\" }, { from = 2030 }, 5 ]\n"
        "              ^\n"
        "  hint: write from = the start and until = the end of the period\n"
        "i.toml:3:61: error: alias 'c': 'indicator' is missing\n"
        "  periods = [ { from = 2020, until = 2016, indicator = \"a\" }, { from = 2030 }, 5 ]\n"
        "                                                              ^\n"
        "  hint: add indicator = \"...\", the indicator in force in this period\n"
        "i.toml:3:78: error: alias 'c': an entry of 'periods' must be a table, not a whole number\n"
        "  periods = [ { from = 2020, until = 2016, indicator = \"a\" }, { from = 2030 }, 5 ]\n"
        "                                                                               ^\n"
        "  hint: write periods = [ { from = 2016, until = 2020, indicator = \"...\" }, ... ]\n");
}

TEST_CASE("an alias without periods, or with none, is refused", "[config]") {
  CHECK(catalogue_error("[aliases.c]\nname.en = \"C\"\n[aliases.d]\nperiods = []\n") ==
        "i.toml:1:1: error: alias 'c': 'periods' is missing\n"
        "  [aliases.c]\n"
        "  ^\n"
        "  hint: write periods = [ { from = 2016, until = 2020, indicator = \"...\" }, ... ]\n"
        "i.toml:4:11: error: alias 'd': 'periods' is empty\n"
        "  periods = []\n"
        "            ^\n"
        "  hint: write periods = [ { from = 2016, until = 2020, indicator = \"...\" }, ... ]\n");
}

TEST_CASE("an id used both as an indicator and as an alias is refused", "[config]") {
  CHECK(catalogue_error("[indicators.b]\nunit = \"count\"\n[aliases.b]\nperiods = [ { indicator = \"b\" } ]\n") ==
        "i.toml:3:10: error: 'b' is both an alias and the indicator on line 1\n"
        "  [aliases.b]\n"
        "           ^\n"
        "  hint: an id names one thing: rename the alias or the indicator\n");
}

TEST_CASE("catalogue entries that are not tables are refused", "[config]") {
  CHECK(catalogue_error("indicators = { a = 1 }\naliases = { b = 2 }\n") ==
        "i.toml:1:20: error: indicator 'a' must be a table, not a whole number\n"
        "  indicators = { a = 1 }\n"
        "                     ^\n"
        "  hint: write [indicators.a] with unit = \"...\", name.vi = \"...\", name.en = \"...\"\n"
        "i.toml:2:17: error: alias 'b' must be a table, not a whole number\n"
        "  aliases = { b = 2 }\n"
        "                  ^\n"
        "  hint: write [aliases.b] with periods = [ { from = 2016, until = 2020, indicator = \"...\" }, ... ]\n");
}

TEST_CASE("a catalogue section that is not a table is refused", "[config]") {
  CHECK(catalogue_error("indicators = 1\n") ==
        "i.toml:1:14: error: 'indicators' must be a table, not a whole number\n"
        "  indicators = 1\n"
        "               ^\n"
        "  hint: write it as a table: [indicators] on a line of its own, its keys below\n");
}

TEST_CASE("a weighted aggregate needs a weight that is an indicator, and only it takes one", "[config]") {
  CHECK(catalogue_error("[indicators.a]\naggregate = \"weighted\"\n[indicators.b]\naggregate = \"weighted\"\n"
                        "weight = \"househods\"\n[indicators.households]\naggregate = \"sum\"\nweight = \"a\"\n") ==
        "i.toml:1:1: error: indicator 'a': 'weight' is missing\n"
        "  [indicators.a]\n"
        "  ^\n"
        "  hint: name the indicator that weights the mean, such as weight = \"households\"\n"
        "i.toml:5:11: error: indicator 'b': the weight 'househods' is not an indicator of the catalogue\n"
        "  weight = \"househods\"\n"
        "            ^\n"
        "  hint: did you mean 'households'?\n"
        "i.toml:8:10: error: indicator 'households': 'weight' is given, but the aggregate is not weighted\n"
        "  weight = \"a\"\n"
        "           ^\n"
        "  hint: write aggregate = \"weighted\", or remove weight\n");
}

TEST_CASE("a year beyond 32 bits in a target's years is refused, not wrapped", "[config]") {
  CHECK(error_of(kHead + "[[target]]\nid = \"t\"\naggregate = \"mean\"\nof = \"x\"\nchange = \"per_year\"\nyears = [2021, 4294969321]\n") ==
        "r.toml:8:16: error: target 't': 'years' is 4294969321, far outside any year or count this file can hold\n"
        "  years = [2021, 4294969321]\n"
        "                 ^\n"
        "  hint: write a year such as 2020, or a count below 2147483648\n");
}

TEST_CASE("a year beyond 32 bits in a target's year is refused, not wrapped", "[config]") {
  CHECK(error_of(kHead + "[[target]]\nid = \"t\"\naggregate = \"mean\"\nof = \"x\"\nyear = -4294967296\n") ==
        "r.toml:7:8: error: target 't': 'year' is -4294967296, far outside any year or count this file can hold\n"
        "  year = -4294967296\n"
        "         ^\n"
        "  hint: write a year such as 2020, or a count below 2147483648\n");
}
