#include "config/rule_file_reader.h"

#include <catch2/catch.hpp>

#include "diag/diagnostic.h"

using namespace lotrinh::config;
using Kind = CriterionNode::Kind;

namespace {

// Every construct of rules/README.md, one per line where it matters for the locations.
const char* kFull = R"(# comment
[ruleset]
id = "vn.test-2020"
kind = "commune-region"
level = "commune"
status = "in-force"
title.vi = "Tiêu chí phân định vùng"
title.en = "Region criteria"
source = "Quyết định 33/2020/QĐ-TTg, Điều 2-6"
effective = { from = 2020-12-31, until = 2025-11-30 }
extends = "vn.base"
notes = """
free text"""

[parameters]
poverty_high = { value = 0.20, unit = "fraction", source = "Điều 3.1.a" }
income_cutoff = { unit = "fraction", source = "Điều 4.2", note = "text not found" }
[parameters.poverty_line_rural]
unit = "VND/person/month"
values = [ { from = 2022, until = 2026, value = 1500000 },
           { from = 2027, value = 2200000 } ]

[derived]
em_poor_share = { expr = "em_poor_households / poor_households", unit = "fraction", note = "n" }

[criteria]
in_scope = "em_household_share >= 0.5"
region_iii = { all = ["in_scope", { any = ['poverty_rate >= poverty_high', { not = "new_rural" }] }], source = "Điều 3", title.en = "Region III" }
two_of = { at_least = 2, of = ["a > 1", "b > 1", { expr = "c\t> 1", source = "Điều 5", note = "tab" }] }
gap = { unknown = "Art. 3.1.c: text not found", source = "Điều 3.1.c" }

[criteria.region_i]
title.vi = "Xã khu vực I"
note = "the rest"
any = [ "Mường_Hoong > 1" ]

[classification.region]
title.en = "Region"
order = [ { class = "III", when = "region_iii" },
          { class = "II",  when = "in_scope", fallback = true },
          { class = "out-of-scope" } ]

[[target]]
id = "em-poverty-down-3"
title.vi = "Giảm nghèo"
title.en = "EM poverty down"
source = "QĐ 1719"
level = "province"
aggregate = "weighted_mean"
of = "poverty_rate"
weight = "households"
where = "twinned == 1"
change = "per_year"
years = [2021, 2025]
compare = "<="
value = -0.03
reported = { outcome = "met", source = "141-BC/TU" }

[[target]]
id = "region-iii-count"
aggregate = "count"
class = "region:III"
year = 2020
compare = "<="

[[test]]
name = "19 % poverty is region III"
year = 2020
given = { poverty_rate = 0.19, em_poor_share = 0.7 }
set = { poverty_high = 0.25 }
expect = { region = "III", region_iii = true, in_scope = "unknown", em_poor_share = 0.7 }
)";

}  // namespace

TEST_CASE("a rule file with every construct reads into its structs", "[config]") {
  RuleFile f = parse_rule_file("full.toml", kFull);
  CHECK(f.path == "full.toml");
  CHECK(f.id == "vn.test-2020");
  CHECK(f.kind == "commune-region");
  CHECK(f.level == "commune");
  CHECK(f.status == "in-force");
  CHECK(f.title.vi == "Tiêu chí phân định vùng");
  CHECK(f.title.en == "Region criteria");
  CHECK(f.source == "Quyết định 33/2020/QĐ-TTg, Điều 2-6");
  REQUIRE(f.effective_from);
  CHECK(*f.effective_from == Date{2020, 12, 31});
  CHECK(*f.effective_until == Date{2025, 11, 30});
  CHECK(f.extends == std::optional<std::string>("vn.base"));
  CHECK(f.notes == "free text");
  CHECK(f.loc.line == 2);
  CHECK(f.loc.column == 1);
  CHECK(f.extends_loc.line == 11);
  CHECK(f.extends_loc.column == 11);
  CHECK(f.extends_loc.file->path == "full.toml");

  REQUIRE(f.parameters.size() == 3);
  const ParameterDecl& high = f.parameters[0];
  CHECK(high.name == "poverty_high");
  CHECK(high.unit == "fraction");
  CHECK(high.source == "Điều 3.1.a");
  REQUIRE(high.values.size() == 1);
  CHECK(high.values[0].value == 0.20);
  CHECK(high.values[0].from_year == 0);
  CHECK(high.values[0].until_year == 0);
  CHECK(high.loc.line == 16);
  CHECK(high.loc.column == 1);
  CHECK(high.values[0].loc.column == 26);
  CHECK(f.parameters[1].name == "income_cutoff");
  CHECK(f.parameters[1].values.empty());
  CHECK(f.parameters[1].note == "text not found");
  const ParameterDecl& line = f.parameters[2];
  REQUIRE(line.values.size() == 2);
  CHECK(line.values[0].value == 1500000);
  CHECK(line.values[0].from_year == 2022);
  CHECK(line.values[0].until_year == 2026);
  CHECK(line.values[1].from_year == 2027);
  CHECK(line.values[1].until_year == 0);
  CHECK(line.values[1].loc.line == 21);
  CHECK(line.values[1].loc.column == 12);

  REQUIRE(f.derived.size() == 1);
  CHECK(f.derived[0].name == "em_poor_share");
  CHECK(f.derived[0].expr.text == "em_poor_households / poor_households");
  CHECK(f.derived[0].expr.loc.line == 24);
  CHECK(f.derived[0].expr.loc.column == 27);
  CHECK(f.derived[0].expr.exact);
  CHECK(f.derived[0].unit == "fraction");
  CHECK(f.derived[0].note == "n");

  // Criteria in file order (the [criteria.region_i] table comes last).
  REQUIRE(f.criteria.size() == 5);
  CHECK(f.criteria[0].name == "in_scope");
  CHECK(f.criteria[0].root.kind == Kind::kLeaf);
  CHECK(f.criteria[0].root.expr.text == "em_household_share >= 0.5");
  CHECK(f.criteria[0].root.expr.loc.line == 27);
  CHECK(f.criteria[0].root.expr.loc.column == 13);
  CHECK(f.criteria[0].loc.column == 1);

  const CriterionNode& r3 = f.criteria[1].root;
  CHECK(f.criteria[1].name == "region_iii");
  CHECK(r3.kind == Kind::kAll);
  CHECK(r3.source == "Điều 3");
  CHECK(r3.title.en == "Region III");
  CHECK(r3.loc.column == 14);
  REQUIRE(r3.children.size() == 2);
  CHECK(r3.children[0].kind == Kind::kLeaf);
  CHECK(r3.children[0].expr.text == "in_scope");
  CHECK(r3.children[0].expr.loc.column == 24);
  const CriterionNode& any = r3.children[1];
  CHECK(any.kind == Kind::kAny);
  REQUIRE(any.children.size() == 2);
  CHECK(any.children[0].expr.text == "poverty_rate >= poverty_high");
  CHECK(any.children[0].expr.loc.column == 45);  // a literal string: exact
  CHECK(any.children[0].expr.exact);
  CHECK(any.children[1].kind == Kind::kNot);
  REQUIRE(any.children[1].children.size() == 1);
  CHECK(any.children[1].children[0].expr.text == "new_rural");
  CHECK(any.children[1].children[0].expr.loc.column == 85);

  const CriterionNode& two = f.criteria[2].root;
  CHECK(two.kind == Kind::kAtLeast);
  CHECK(two.at_least == 2);
  REQUIRE(two.children.size() == 3);
  CHECK(two.children[2].kind == Kind::kLeaf);
  CHECK(two.children[2].expr.text == "c\t> 1");
  CHECK_FALSE(two.children[2].expr.exact);  // an escape: the text is not the file's characters
  CHECK(two.children[2].expr.loc.column == 59);
  CHECK(two.children[2].source == "Điều 5");
  CHECK(two.children[2].note == "tab");

  CHECK(f.criteria[3].root.kind == Kind::kUnknown);
  CHECK(f.criteria[3].root.unknown_note == "Art. 3.1.c: text not found");
  CHECK(f.criteria[3].root.source == "Điều 3.1.c");

  const CriterionDecl& r1 = f.criteria[4];
  CHECK(r1.name == "region_i");
  CHECK(r1.loc.line == 32);
  CHECK(r1.loc.column == 11);
  CHECK(r1.root.kind == Kind::kAny);
  CHECK(r1.root.title.vi == "Xã khu vực I");
  CHECK(r1.root.note == "the rest");
  REQUIRE(r1.root.children.size() == 1);
  CHECK(r1.root.children[0].expr.loc.line == 35);
  CHECK(r1.root.children[0].expr.loc.column == 10);  // characters, after a Vietnamese name too

  REQUIRE(f.classifications.size() == 1);
  const ClassificationDecl& c = f.classifications[0];
  CHECK(c.name == "region");
  CHECK(c.title.en == "Region");
  REQUIRE(c.order.size() == 3);
  CHECK(c.order[0].cls == "III");
  CHECK(c.order[0].when->text == "region_iii");
  CHECK(c.order[0].when->loc.line == 39);
  CHECK(c.order[0].when->loc.column == 36);
  CHECK_FALSE(c.order[0].fallback);
  CHECK(c.order[1].fallback);
  CHECK(c.order[2].cls == "out-of-scope");
  CHECK_FALSE(c.order[2].when);
  CHECK(c.order[2].loc.line == 41);
  CHECK(c.order[2].loc.column == 11);

  REQUIRE(f.targets.size() == 2);
  const TargetDecl& t = f.targets[0];
  CHECK(t.id == "em-poverty-down-3");
  CHECK(t.title.vi == "Giảm nghèo");
  CHECK(t.title.en == "EM poverty down");
  CHECK(t.source == "QĐ 1719");
  CHECK(t.level == "province");
  CHECK(t.aggregate == "weighted_mean");
  CHECK(t.of->text == "poverty_rate");
  CHECK(t.of->loc.line == 50);
  CHECK(t.of->loc.column == 7);
  CHECK(t.weight->text == "households");
  CHECK(t.where->text == "twinned == 1");
  CHECK(t.change == "per_year");
  CHECK(t.years == std::vector<int>{2021, 2025});
  CHECK(t.compare == "<=");
  CHECK(t.value == std::optional<double>(-0.03));
  CHECK(t.reported_outcome == "met");
  CHECK(t.reported_source == "141-BC/TU");
  CHECK(t.loc.line == 43);
  const TargetDecl& t2 = f.targets[1];
  CHECK(t2.class_ref == "region:III");
  CHECK_FALSE(t2.of);
  CHECK(t2.years == std::vector<int>{2020});
  CHECK_FALSE(t2.value);
  CHECK(t2.level == "province");

  REQUIRE(f.tests.size() == 1);
  const TestCase& tc = f.tests[0];
  CHECK(tc.name == "19 % poverty is region III");
  CHECK(tc.year == std::optional<int>(2020));
  REQUIRE(tc.given.size() == 2);
  CHECK(tc.given[0].name == "poverty_rate");
  CHECK(tc.given[0].value == 0.19);
  CHECK(tc.given[1].name == "em_poor_share");
  CHECK(tc.given[0].loc.line == 69);
  CHECK(tc.given[0].loc.column == 11);
  REQUIRE(tc.set.size() == 1);
  CHECK(tc.set[0].name == "poverty_high");
  CHECK(tc.set[0].value == 0.25);
  REQUIRE(tc.expect.size() == 4);
  CHECK(tc.expect[0].key == "region");
  CHECK(std::get<std::string>(tc.expect[0].value) == "III");
  CHECK(std::get<bool>(tc.expect[1].value) == true);
  CHECK(std::get<std::string>(tc.expect[2].value) == "unknown");
  CHECK(std::get<double>(tc.expect[3].value) == 0.7);
  CHECK(tc.loc.line == 66);
}

TEST_CASE("a plain string title is taken as English and dates may leave the end open", "[config]") {
  RuleFile f = parse_rule_file("t.toml", "[ruleset]\nid = \"x\"\ntitle = \"Plain\"\neffective = { from = 2016-01-01 }\n");
  CHECK(f.title.en == "Plain");
  CHECK(f.title.vi.empty());
  CHECK(*f.effective_from == Date{2016, 1, 1});
  CHECK_FALSE(f.effective_until);
  CHECK_FALSE(f.extends);
  CHECK(f.kind.empty());
}

TEST_CASE("a multi-line expression points at its value as a whole", "[config]") {
  RuleFile f = parse_rule_file("t.toml", "[ruleset]\nid = \"x\"\n[criteria]\nc = \"\"\"\nx > 1\"\"\"\n");
  REQUIRE(f.criteria.size() == 1);
  CHECK(f.criteria[0].root.expr.text == "x > 1");
  CHECK_FALSE(f.criteria[0].root.expr.exact);
  CHECK(f.criteria[0].root.expr.loc.line == 4);
  CHECK(f.criteria[0].root.expr.loc.column == 5);
}

TEST_CASE("a byte-order mark at the start of a rule file is accepted", "[config]") {
  RuleFile f = parse_rule_file("t.toml", "\xEF\xBB\xBF[ruleset]\nid = \"bom\"\n");
  CHECK(f.id == "bom");
}

TEST_CASE("a rule file that cannot be opened is an error naming the file", "[config]") {
  CHECK_THROWS_AS(read_rule_file("/nonexistent/nothing.toml"), lotrinh::diag::InputError);
}
