// The targets files' targets checked in every run: probabilities known by construction on the
// small world, streamed counts (shards, threads, memory) and the reasons a target is unknown.
#include <catch2/catch.hpp>

#include <string>

#include "config/rule_file_reader.h"
#include "config/sim_file_reader.h"
#include "diag/diagnostic.h"
#include "diag/words.h"
#include "sim/aggregates.h"
#include "sim/shocks.h"
#include "sim/simulation.h"
#include "sim/target_plan.h"

using namespace lotrinh;

#include "small_world.h"

namespace {

// Targets on the small world (four communes, districts d0 = {c0, c1}, d1 = {c2}, d2 = {c3};
// province household-weighted poverty 861 / 3900 = 22.1 % in 2021).
const std::string kTargets = R"(
[ruleset]
id = "test.targets"
kind = "targets"
level = "commune"
status = "programme"
title.en = "test targets"
source = "test"
effective = { from = 2021-01-01, until = 2030-12-31 }

[[target]]
id = "always"
title.en = "no commune above 100 % poverty"
source = "s"
level = "province"
aggregate = "max"
of = "poverty_rate"
year = 2023
compare = "<="
value = 1.0

[[target]]
id = "never"
title.en = "a commune below 0 % poverty"
source = "s"
level = "province"
aggregate = "min"
of = "poverty_rate"
year = 2023
compare = "<"
value = 0

[[target]]
id = "calm-2022"
title.en = "province poverty at most 25 % in 2022"
source = "s"
level = "province"
aggregate = "weighted_mean"
of = "poverty_rate"
weight = "households"
year = 2022
compare = "<="
value = 0.25

[[target]]
id = "unknown-value"
title.en = "a target whose value the source does not give"
source = "s"
level = "province"
aggregate = "mean"
of = "poverty_rate"
year = 2024
compare = "<="

[[target]]
id = "per-district"
title.en = "poverty of the poorer communes at most 45 % in each district"
source = "s"
level = "district"
aggregate = "max"
of = "poverty_rate"
where = "households >= 1000"
year = 2022
compare = "<="
value = 0.45

[[target]]
id = "held"
title.en = "at least 4,000 households"
source = "s"
level = "province"
aggregate = "sum"
of = "households"
year = 2025
compare = ">="
value = 4000

[[target]]
id = "from-2020"
title.en = "poverty down from 2020"
source = "s"
level = "province"
aggregate = "mean"
of = "poverty_rate"
change = "difference"
years = [2020, 2022]
compare = "<="
value = 0
)";

const rules::RuleLibrary& target_library() {
  static rules::RuleLibrary* lib = [] {
    auto* l = new rules::RuleLibrary(catalogue());
    l->load({kHome + "/rules"}, false);
    l->add(config::parse_rule_file("test-targets.toml", kTargets), false);
    return l;
  }();
  return *lib;
}

// Poverty is multiplied by 1.5 in a year of the province-wide shock "boom", else unchanged.
const std::string kModel =
    "[model]\nid = \"t\"\npoverty = \"poverty_rate\"\n"
    "[state]\npoverty_rate = { update = \"poverty_rate * (1 + 0.5 * shock_boom)\" }\nhouseholds = { held = true }\n"
    "[shocks.boom]\nprobability = 0.3\nscope = \"province\"\nsource = \"s\"\n"
    "[[conversion]]\nalias = \"poverty_rate\"\nyear = 2026\nfactor = 1\nsource = \"s\"\n";

std::string scenario(const std::string& targets = "[\"test.targets\"]") {
  return "[scenario]\ndata = \".\"\nmodel = \"m.toml\"\nstart_year = 2021\nend_year = 2026\nruns = 20\nseed = 11\n"
         "targets = " + targets + "\n"
         "[[rules]]\nid = \"vn.qd-33-2020\"\nfrom = 2021\nuntil = 2026\n"
         "[[budget]]\nid = \"b\"\nsource = \"x\"\npurpose = \"infrastructure\"\nfrom = 2022\nuntil = 2026\namount_vnd = 0\n"
         "[allocation]\nformula = \"1\"\n";
}

sim::Simulation make_targets(const std::string& scenario_text = scenario()) {
  return sim::Simulation(config::parse_scenario_file("s.toml", scenario_text), config::parse_model_file("m.toml", kModel),
                         small_world(), catalogue(), target_library());
}

const sim::TargetCheck& check(const sim::Simulation& s, const std::string& id) {
  for (const auto& c : s.targets())
    if (c.decl().id == id) return c;
  FAIL("no target " << id);
  return s.targets().front();
}

}  // namespace

TEST_CASE("a target met in every run has probability 1, one met in none 0, and one met unless a shock strikes 1 - its probability") {
  auto s = make_targets();
  const std::uint64_t R = 400;
  sim::Aggregates a = s.run(0, R, 2);
  const size_t always = check(s, "always").first_pair, never = check(s, "never").first_pair,
               calm = check(s, "calm-2022").first_pair;
  CHECK(a.target(always, sim::kTargetMet) == static_cast<std::int64_t>(R));
  CHECK(a.target(never, sim::kTargetNotMet) == static_cast<std::int64_t>(R));
  CHECK(a.target(never, sim::kTargetMet) == 0);
  // The boom of 2022 lifts province poverty from 22.1 % to 33.1 %, over the 25 % line: the target
  // is met exactly in the runs whose keyed draw has no boom in 2022.
  config::ModelShock boom;
  boom.name = "boom";
  boom.probability = 0.3;
  boom.scope = "province";
  std::int64_t calm_runs = 0;
  for (std::uint64_t r = 0; r < R; ++r) {
    double hit[4];
    sim::shock_hits(boom, s.world(), 11, r, 2022, hit);
    calm_runs += hit[0] == 0.0;
  }
  CHECK(a.target(calm, sim::kTargetMet) == calm_runs);
  CHECK(a.target(calm, sim::kTargetNotMet) == static_cast<std::int64_t>(R) - calm_runs);
  // And its share is near 0.7 (within 0.07, three standard deviations of 400 runs).
  CHECK(std::abs(static_cast<double>(calm_runs) / R - 0.7) < 0.07);
}

TEST_CASE("a target is unknown, with why, when its value is not given, its area has no unit, its measure cannot move, or its year has no data") {
  auto s = make_targets();
  sim::Aggregates a = s.run(0, 10, 1);
  const auto& nv = check(s, "unknown-value");
  CHECK(nv.fixed_reason == "the target's value is not known");
  CHECK(a.target(nv.first_pair, sim::kTargetFixed) == 10);
  CHECK(a.target(nv.first_pair, sim::kTargetNotMet) == 0);
  // Per district: d0 has c0 (1,000 households, 40 % poor), d1 has c2 (1,200, 18 %), d2 only c3
  // (900 households), which the filter drops.
  const auto& pd = check(s, "per-district");
  REQUIRE(pd.groups == 3);
  CHECK(a.target(pd.first_pair + 1, sim::kTargetMet) == 10);
  CHECK(a.target(pd.first_pair + 2, sim::kTargetEmpty0) == 10);
  CHECK(a.target(pd.first_pair + 0, sim::kTargetMet) + a.target(pd.first_pair + 0, sim::kTargetNotMet) == 10);
  const auto& held = check(s, "held");
  // The held indicator by its name (the id with --codes: see the next test).
  CHECK(held.fixed_reason == "its measure reads only values the model holds (Households): the runs cannot move it");
  const auto& early = check(s, "from-2020");
  CHECK(early.fixed_reason == "the data has no rows for 2020");
  CHECK(a.target(early.first_pair, sim::kTargetFixed) == 10);
}

TEST_CASE("with --codes a target the model cannot move names the held indicator by its id") {
  struct Restore {
    ~Restore() { diag::set_codes(false); }
  } restore;
  diag::set_codes(true);
  auto s = make_targets();
  CHECK(check(s, "held").fixed_reason == "its measure reads only values the model holds (households): the runs cannot move it");
}

TEST_CASE("the targets' counts of shards added up equal one run's, whatever the threads, and their size does not depend on the runs") {
  auto s = make_targets();
  REQUIRE(s.shape().targets == 9);  // six province targets and one of three districts
  const std::string one = s.run(0, 24, 1).counts_text();
  CHECK(s.run(0, 24, 2).counts_text() == one);
  sim::Aggregates sum(s.shape());
  for (std::uint64_t k = 0; k < 4; ++k) sum.add(s.run(k * 6, k * 6 + 6, 1));
  CHECK(sum.counts_text() == one);
  CHECK(s.run(0, 2, 1).memory_bytes() == s.run(0, 200, 2).memory_bytes());
}

TEST_CASE("the paired figures of compare say in which runs each target was met") {
  auto s = make_targets();
  std::vector<sim::Simulation::RunFigures> figures;
  sim::Aggregates a = s.run_paired(0, 30, 2, figures);
  const size_t calm = check(s, "calm-2022").first_pair;
  std::int64_t met = 0;
  for (const auto& f : figures) met += f.targets_met.at(calm);
  CHECK(met == a.target(calm, sim::kTargetMet));
  CHECK(met > 0);
  CHECK(met < 30);
}

TEST_CASE("a scenario naming a targets rule set that does not exist, or one without targets, is an error at its targets key") {
  try {
    make_targets(scenario("[\"test.targts\"]"));
    FAIL("no error");
  } catch (const diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "s.toml:8:11: error: no rule set has the id 'test.targts'\n"
          "  targets = [\"test.targts\"]\n"
          "            ^\n"
          "  hint: did you mean 'test.targets'?\n");
  }
  // A rule set without targets (a classification) is refused too.
  try {
    make_targets(scenario("[\"vn.qd-33-2020\"]"));
    FAIL("no error");
  } catch (const diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "s.toml:8:11: error: rule set 'vn.qd-33-2020' has no targets\n"
          "  targets = [\"vn.qd-33-2020\"]\n"
          "            ^\n"
          "  hint: name rule sets of kind \"targets\" in [scenario] targets, or leave the key out to check the province manifest's\n");
  }
  // An empty list checks none.
  CHECK(make_targets(scenario("[]")).targets().empty());
}
