#include "rules/evaluation.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "rules/column_kernels.h"
#include "rules/explanation.h"
#include "rules/rule_tests.h"
#include "rules_fixture.h"

using namespace lotrinh::rules;
using namespace lotrinh::rules::testing;

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();

const char* kRegion = R"(
[ruleset]
id = "t.region"
kind = "commune-region"
level = "commune"
effective = { from = 2020-12-31, until = 2025-11-30 }

[parameters]
high = { value = 0.20, unit = "fraction", source = "Art. 1" }
mid = { value = 0.15, unit = "fraction", source = "Art. 2" }
unknown_cut = { unit = "fraction", source = "Art. 9", note = "text not found" }

[criteria]
poor = "poverty_rate >= high"
middling = { all = ["poverty_rate >= mid", { any = ["x > 0.6", "road_km > 20"] }] }
region_iii = { all = ["flag == 0", { any = ["poor", "middling"] }] }
two_of_three = { at_least = 2, of = ["x > 0.5", "y > 0.5", "road_km > 10"] }
not_poor = { not = "poor" }
mystery = { unknown = "Art. 3.1.c: text not found" }
reads_unknown = "x >= unknown_cut"

[classification.region]
order = [ { class = "III", when = "region_iii" }, { class = "I", when = "poverty_rate < 0.10" }, { class = "II" } ]
)";
}  // namespace

TEST_CASE("all, any, at least and not follow three-valued logic", "[rules]") {
  auto rs = compile_text("r.toml", kRegion);
  //                       0     1     2     3     4     5
  auto in = columns({{"poverty_rate", {0.25, 0.17, 0.17, kNaN, 0.05, kNaN}},
                     {"x", {kNaN, 0.7, 0.1, 0.9, 0.1, 0.6}},
                     {"y", {0.1, 0.7, kNaN, 0.9, 0.1, kNaN}},
                     {"road_km", {5, 25, kNaN, 0, 0, 30}},
                     {"flag", {0, 0, 0, 0, 0, 1}}});
  Evaluation ev(rs, in, 2021);
  // poverty 0.25 decides region III although x and road are not needed.
  CHECK(ev.criterion("region_iii", 0) == kTrue);
  // 0.17 with x > 0.6: the middle band with one condition met.
  CHECK(ev.criterion("region_iii", 1) == kTrue);
  // 0.17, x too low, road missing: cannot tell.
  CHECK(ev.criterion("region_iii", 2) == kUnknown);
  // poverty missing: unknown.
  CHECK(ev.criterion("region_iii", 3) == kUnknown);
  CHECK(ev.criterion("region_iii", 4) == kFalse);
  // the flag alone makes it false, whatever is missing.
  CHECK(ev.criterion("region_iii", 5) == kFalse);
  // at least 2 of 3: true with two, false when true+unknown < 2, else unknown.
  CHECK(ev.criterion("two_of_three", 1) == kTrue);
  CHECK(ev.criterion("two_of_three", 4) == kFalse);
  CHECK(ev.criterion("two_of_three", 2) == kUnknown);  // x no, y and road missing: 0 true + 2 unknown
  CHECK(ev.criterion("two_of_three", 5) == kTrue);   // x 0.6 yes, road 30 yes
  CHECK(ev.criterion("not_poor", 4) == kTrue);
  CHECK(ev.criterion("not_poor", 3) == kUnknown);
  CHECK(ev.criterion("mystery", 0) == kUnknown);
  CHECK(ev.criterion("reads_unknown", 0) == kUnknown);
  const auto& c = *rs->find_classification("region");
  CHECK(ev.class_name(c, 0) == "III");
  CHECK(ev.class_name(c, 2) == "unknown");
  CHECK(ev.class_name(c, 4) == "I");
  CHECK(ev.class_name(c, 5) == "unknown");  // not III (flag), but missing poverty could make it I
}

TEST_CASE("the native comparison path agrees with muParser at and around thresholds", "[rules]") {
  // The same comparisons twice: once as plain leaves (native fast path), once wrapped so that
  // muParser evaluates them. Values on, just off, and far from the threshold, and missing.
  const char* text = R"(
[ruleset]
id = "t.fast"
kind = "k"
effective = { from = 2020-01-01 }
[parameters]
t = { value = 0.2, unit = "fraction" }
[criteria]
ge = "x >= t"
ge_mu = "(x >= t) * 1"
lt = "x < 0.2"
lt_mu = "(x < 0.2) + 0"
eq = "flag == 1"
eq_mu = "(flag == 1) * 1"
ne = "0.2 != x"
ne_mu = "(0.2 != x) * 1"
gt2 = "x > y"
gt2_mu = "(x > y) * 1"
)";
  auto rs = compile_text("f.toml", text);
  std::vector<double> xs{0.2, 0.2 - 1e-12, 0.2 + 1e-12, 0.0, 1.0, -0.5, kNaN, 0.19999999999999998};
  std::vector<double> ys{0.2, 0.1, 0.3, kNaN, 1.0, -0.5, 0.0, 0.2};
  std::vector<double> flags{1, 0, 1, kNaN, 0, 1, 1, 0};
  Evaluation ev(rs, columns({{"x", xs}, {"y", ys}, {"flag", flags}}), 2021);
  for (const char* name : {"ge", "lt", "eq", "ne", "gt2"}) {
    int fast = rs->find_criterion(name)->root;
    REQUIRE(rs->nodes[fast].expr->comparison().has_value());
    REQUIRE_FALSE(rs->nodes[rs->find_criterion(std::string(name) + "_mu")->root].expr->comparison().has_value());
    for (size_t i = 0; i < xs.size(); ++i) {
      INFO(name << " row " << i);
      CHECK(ev.criterion(name, i) == ev.criterion(std::string(name) + "_mu", i));
    }
  }
}

TEST_CASE("a dated parameter takes the value in force in the year evaluated", "[rules]") {
  const char* text = R"(
[ruleset]
id = "t.dated"
kind = "k"
effective = { from = 2022-01-01, until = 2030-12-31 }
[parameters]
line = { unit = "VND", values = [ { from = 2022, until = 2026, value = 1500000 }, { from = 2027, until = 2029, value = 2200000 } ] }
[criteria]
below = "households < line"
)";
  auto rs = compile_text("d.toml", text);
  auto in = columns({{"households", {2000000}}});
  CHECK(Evaluation(rs, in, 2026).criterion("below", 0) == kFalse);
  CHECK(Evaluation(rs, in, 2027).criterion("below", 0) == kTrue);
  try {
    Evaluation(rs, in, 2030);
    FAIL("no error for a year without a value");
  } catch (const lotrinh::diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "d.toml:7:1: error: parameter 'line' has no value for 2030 (its values cover 2022-2026, 2027-2029)\n"
          "  line = { unit = \"VND\", values = [ { from = 2022, until = 2026, value = 1500000 }, { from = 2027, until = 2029, value = 2200000 } ] }\n"
          "  ^\n"
          "  hint: add a value for that period to the parameter, or evaluate a year it covers\n");
  }
}

TEST_CASE("a year outside the rule set's effective period is refused, not extrapolated", "[rules]") {
  auto rs = compile_text("r.toml", kRegion);
  try {
    Evaluation(rs, columns({{"x", {0.1}}}), 2019);
    FAIL("no error");
  } catch (const lotrinh::diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "r.toml: error: rule set 't.region' does not apply to data of 2019: it is in force 2020-12-31 to 2025-11-30\n"
          "  hint: give a --year whose 31 December falls in that period, or leave out --rules to use the rule set in force in the year\n");
  }
}

TEST_CASE("an alias reads the indicator of the poverty standard in force in the year", "[rules]") {
  const char* text = R"(
[ruleset]
id = "t.alias"
kind = "k"
effective = { from = 2016-01-01 }
[criteria]
poor = "poverty_rate >= 0.2"
)";
  auto rs = compile_text("a.toml", text);
  auto in = columns({{"poverty_rate_old", {0.3}}, {"poverty_rate_new", {0.1}}});
  CHECK(Evaluation(rs, in, 2020).criterion("poor", 0) == kTrue);
  CHECK(Evaluation(rs, in, 2021).criterion("poor", 0) == kFalse);
}

TEST_CASE("a margin under a tenth of a point keeps the decimals that stop it reading as zero", "[rules]") {
  auto rs = compile_text("r.toml", kRegion);
  Evaluation ev(rs, columns({{"poverty_rate", {0.1998, 0.19999, 0.2134}}, {"x", {0.5, 0.5, 0.5}}, {"road_km", {1, 1, 1}}, {"flag", {0, 0, 0}}}), 2021);
  int poor = rs->find_criterion("poor")->root;
  CHECK(leaf_detail(ev, poor, 0) == "poverty_rate[poverty_rate_new] 0.1998 (19.98 %), needs ≥ 0.2 (high): 0.02 points short");
  CHECK(leaf_detail(ev, poor, 1) == "poverty_rate[poverty_rate_new] 0.19999 (19.999 %), needs ≥ 0.2 (high): 0.001 points short");
  CHECK(leaf_detail(ev, poor, 2) == "poverty_rate[poverty_rate_new] 0.2134 (21.34 %), needs ≥ 0.2 (high): 1.3 points to spare");
}

TEST_CASE("in words a comparison reads as the indicator's name and the threshold in its unit, the detail as the value and the margin", "[rules]") {
  auto rs = compile_text("r.toml", kRegion);
  Evaluation ev(rs, columns({{"poverty_rate", {0.187}}, {"x", {0.5}}, {"road_km", {kNaN}}, {"flag", {0}}}), 2021);
  int poor = rs->find_criterion("poor")->root;
  // The test catalogue names each indicator by its id in English.
  CHECK(leaf_label(ev, poor, 0, true) == "poverty_rate_new ≥ 20 %");
  CHECK(leaf_detail(ev, poor, 0, true) == "18.7 %: 1.3 points short");
  CHECK(leaf_label(ev, poor, 0, false) == "poverty_rate >= high");
  CHECK(criterion_label(*rs, *rs->find_criterion("poor"), true) == "poor");  // no title: its id
}

TEST_CASE("explain gives each comparison's values and the margin to its threshold", "[rules]") {
  auto rs = compile_text("r.toml", kRegion);
  Evaluation ev(rs, columns({{"poverty_rate", {0.187}}, {"x", {0.5}}, {"road_km", {kNaN}}, {"flag", {0}}}), 2021);
  int poor = rs->find_criterion("poor")->root;
  CHECK(leaf_detail(ev, poor, 0) == "poverty_rate[poverty_rate_new] 0.187 (18.7 %), needs ≥ 0.2 (high): 1.3 points short");
  int reads_unknown = rs->find_criterion("reads_unknown")->root;
  CHECK(leaf_detail(ev, reads_unknown, 0) ==
        "parameter unknown_cut has no known value (Art. 9; text not found): a value would settle it");
  auto lines = explain_unit(ev, 0, "region");
  std::string text = render_explanation(lines);
  CHECK(text.find("region: unknown  — would be settled by: road_km\n") == 0);
  CHECK(text.find("road_km > 20: unknown  — road_km is missing: a value would settle it") != std::string::npos);
}

TEST_CASE("embedded tests pass, fail with the difference, and check unknown", "[rules]") {
  std::string text = std::string(kRegion) + R"(
[[test]]
name = "poverty at the threshold is region III"
given = { poverty_rate = 0.20, flag = 0 }
expect = { region = "III", poor = true }

[[test]]
name = "a wrong expectation fails"
given = { poverty_rate = 0.10, flag = 0 }
expect = { region = "III" }

[[test]]
name = "missing x and road leave the middle band unknown"
year = 2021
given = { poverty_rate = 0.17, flag = 0 }
expect = { region = "unknown", middling = "unknown" }
)";
  auto rs = compile_text("t.toml", text);
  auto out = run_tests(rs);
  REQUIRE(out.size() == 3);
  CHECK(out[0].passed);
  CHECK_FALSE(out[1].passed);
  CHECK(out[1].failures == std::vector<std::string>{"region: expected III, got II"});
  CHECK(out[2].passed);
}

TEST_CASE("the vectorised comparison kernels agree with the scalar comparison on every operator", "[rules]") {
  // 151 values: whole words of 64 bits, blocks of four and a remainder, thresholds, neighbours,
  // signed zero, NaN.
  std::vector<double> xs;
  for (double v : {0.2, 0.2 - 1e-12, 0.2 + 1e-12, 0.0, -0.0, 1.0, -0.5, kNaN, 1e300, -1e300, 0.15, 0.19999999999999998})
    for (int k = 0; k < 12; ++k) xs.push_back(v);
  for (int k = 0; k < 7; ++k) xs.push_back(k % 2 ? kNaN : 0.2);
  REQUIRE(xs.size() == 151);
  using lotrinh::expr::CompareOp;
  namespace k = lotrinh::rules::kernels;
  const std::vector<CompareOp> ops{CompareOp::kLt, CompareOp::kLe, CompareOp::kGt, CompareOp::kGe, CompareOp::kEq,
                                   CompareOp::kNe};
  auto bit = [](const std::vector<k::Word>& b, size_t i) { return (b[i / 64] >> (i % 64)) & 1; };
  for (CompareOp op : ops) {
    for (double c : {0.2, 0.0, -0.5, kNaN}) {
      std::vector<k::Word> pass(k::words(xs.size()), ~k::Word{0}), known(k::words(xs.size())), f(pass.size());
      k::compare_constant(op, xs.data(), c, xs.size(), pass.data());
      k::known_bits(xs.data(), xs.size(), known.data());
      for (size_t i = 0; i < xs.size(); ++i) {
        double want = lotrinh::expr::compare(op, xs[i], c);
        INFO("op " << static_cast<int>(op) << " c " << c << " x " << xs[i]);
        CHECK(bit(pass, i) == (want == 1));
        CHECK(bit(known, i) == !std::isnan(xs[i]));
      }
      CHECK(pass.back() >> (xs.size() % 64) == 0);  // no bit past the last unit
    }
  }
  // The fused pass gives what the single comparisons give.
  const std::vector<double> cs{0.2, 0.0, -0.5, kNaN, 0.15, 1.0};
  std::vector<std::vector<k::Word>> fused(ops.size(), std::vector<k::Word>(k::words(xs.size())));
  std::vector<k::Word*> ptrs;
  for (auto& v : fused) ptrs.push_back(v.data());
  std::vector<k::Word> known(k::words(xs.size()));
  k::compare_constants(xs.data(), xs.size(), ops.size(), ops.data(), cs.data(), known.data(), ptrs.data());
  for (size_t j = 0; j < ops.size(); ++j) {
    std::vector<k::Word> single(k::words(xs.size()));
    k::compare_constant(ops[j], xs.data(), cs[j], xs.size(), single.data());
    CHECK(fused[j] == single);
  }
}

TEST_CASE("a derived sum of decimal data meets a threshold it equals", "[rules]") {
  // 0.35 + 0.30 is 0.6499999999999999 in binary floating point; the derived value is rounded
  // to 12 significant digits, so 65 % poor and near-poor meets "at least 65 %".
  const char* text = R"(
[ruleset]
id = "t.sum"
kind = "k"
effective = { from = 2016-01-01 }
[derived]
pnp = { expr = "x + y" }
[criteria]
high = "pnp >= 0.65"
)";
  auto rs = compile_text("s.toml", text);
  Evaluation ev(rs, columns({{"x", {0.35, 0.35}}, {"y", {0.30, 0.2999}}}), 2021);
  CHECK(ev.criterion("high", 0) == kTrue);
  CHECK(ev.criterion("high", 1) == kFalse);
}

TEST_CASE("a division by zero or a root of a negative number makes a leaf unknown, with a note", "[rules]") {
  auto rs = compile_text("nf.toml", R"(
[ruleset]
id = "t.nf"
kind = "k"
level = "commune"
effective = { from = 2020-01-01 }

[parameters]
hi = { value = 0.2, unit = "fraction", source = "a" }

[derived]
share = { expr = "x / y", unit = "fraction" }

[criteria]
div = "poverty_rate / 0 >= hi"
root = "sqrt(-1) < hi"
by_share = "share >= hi"
guarded = "y > 0 ? x / y >= hi : 0"

[classification.c]
order = [ { class = "a", when = "div" }, { class = "b" } ]
)");
  Evaluation ev(rs, columns({{"poverty_rate", {0.3, 0.1}}, {"x", {5, 0.5}}, {"y", {0, 1}}}), 2021);
  for (size_t i : {0, 1}) {
    CHECK(ev.criterion("div", i) == kUnknown);
    CHECK(ev.criterion("root", i) == kUnknown);
  }
  CHECK(ev.criterion("by_share", 0) == kUnknown);  // 5 / 0: not "inf %", not met
  CHECK(ev.criterion("by_share", 1) == kTrue);
  CHECK(ev.criterion("guarded", 0) == kFalse);
  CHECK(ev.criterion("guarded", 1) == kTrue);
  CHECK(ev.class_name(*rs->find_classification("c"), 0) == "unknown");
  CHECK(leaf_detail(ev, rs->find_criterion("div")->root, 0) ==
        "poverty_rate / 0 >= hi has no finite value with poverty_rate[poverty_rate_new] 0.3 (30 %), hi 0.2 (20 %) "
        "(a division by zero, a root or logarithm of a negative number, or an overflow): unknown, never true or false");
  CHECK(leaf_detail(ev, rs->find_criterion("root")->root, 1) ==
        "sqrt(-1) < hi has no finite value with hi 0.2 (20 %) "
        "(a division by zero, a root or logarithm of a negative number, or an overflow): unknown, never true or false");
  CHECK(leaf_detail(ev, rs->find_criterion("by_share")->root, 0) ==
        "share = x / y has no finite value with x 5 (500 %), y 0 (0 %) "
        "(a division by zero, a root or logarithm of a negative number, or an overflow): unknown");
  // No data would settle it: the class's line names nothing to collect.
  CHECK(render_explanation(explain_unit(ev, 0, "c")).find("c: unknown  — a clause whose legal text is not known decides it\n") == 0);
  // The expressions that made non-finite values, with how many units and the first.
  REQUIRE(ev.nonfinite().size() == 3);
  CHECK(ev.nonfinite()[0].text == "poverty_rate / 0 >= hi");
  CHECK(ev.nonfinite()[0].units == 2);
  CHECK(ev.nonfinite()[0].first == 0);
  CHECK(ev.nonfinite()[1].text == "sqrt(-1) < hi");
  CHECK(ev.nonfinite()[2].text == "x / y");
  CHECK(ev.nonfinite()[2].units == 1);
}
