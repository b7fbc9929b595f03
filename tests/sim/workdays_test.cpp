// The twinning agencies' workdays: split among the agencies like their money, following a
// reassignment from its year, read by the model as twin_workdays; zero workdays change nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "config/sim_file_reader.h"
#include "diag/diagnostic.h"
#include "sim/simulation.h"

using namespace lotrinh;

#include "small_world.h"

namespace {

std::string scenario(const std::string& workdays) {
  return "[scenario]\ndata = \".\"\nmodel = \"m.toml\"\nstart_year = 2021\nend_year = 2030\nruns = 4\ntargets = []\n"
         "[[rules]]\nid = \"vn.qd-33-2020\"\nfrom = 2021\nuntil = 2030\n"
         "[[budget]]\nid = \"b\"\nsource = \"x\"\npurpose = \"production\"\nfrom = 2022\nuntil = 2030\namount_vnd = 1000000000\n"
         "[allocation]\nformula = \"1\"\n" + workdays;
}

std::string workdays_line(const std::string& amount, int from = 2022) {
  return "[[workdays]]\nid = \"w\"\nsource = \"twinning agencies\"\nfrom = " + std::to_string(from) +
         "\nuntil = 2030\nworkdays = " + amount + "\nbasis = \"derived\"\n";
}

// The shipped model: workdays raise graduation through workday_help.
sim::Simulation kontum(const std::string& scenario_text, const std::vector<config::ScenarioEvent>& events = {}) {
  sim::World w = sim::load_world(kHome + "/scenarios/kontum", 2021, 2030, events, catalogue());
  return sim::Simulation(config::parse_scenario_file(kHome + "/scenarios/kontum/s.toml", scenario_text),
                         config::read_model_file(kHome + "/scenarios/kontum/model.toml"), std::move(w), catalogue(), library());
}

}  // namespace

TEST_CASE("twinning workdays follow a reassignment from its year, add up to the line's workdays, and lower poverty where they go") {
  config::ScenarioEvent move;
  move.kind = "twinning_reassign";
  move.year = 2024;
  move.agency = "unnamed-01";
  move.from = "dak-blo";
  move.to = "ngoc-linh";
  auto with = kontum(scenario(workdays_line("1001")), {move});
  auto without = kontum(scenario(""), {move});
  const auto& slugs = with.world().slugs;
  auto index = [&](const std::string& slug) {
    return static_cast<size_t>(std::find(slugs.begin(), slugs.end(), slug) - slugs.begin());
  };
  const size_t blo = index("dak-blo"), linh = index("ngoc-linh");
  CHECK(with.workdays(2, blo) > 0);                              // 2023: the agency is at Đắk Blô
  CHECK(with.workdays(3, blo) == 0);                             // 2024: it has left
  CHECK(with.workdays(3, linh) == 2 * with.workdays(2, linh));   // and Ngọc Linh has two agencies' workdays
  for (int k = 1; k <= 9; ++k) CHECK(with.workdays(k) == 1001);  // whole workdays, to the last one
  // The model reads them: poverty falls faster with them, at Ngọc Linh more from 2024 on.
  const auto& p = with.projection().poverty;
  const auto& q = without.projection().poverty;
  CHECK(p[2][blo] < q[2][blo]);
  CHECK(p[2][linh] < q[2][linh]);
  CHECK((q[3][linh] - p[3][linh]) - (q[2][linh] - p[2][linh]) > (q[2][linh] - p[2][linh]) - (q[1][linh] - p[1][linh]));
}

TEST_CASE("zero twinning workdays change nothing") {
  auto none = kontum(scenario(""));
  auto zero = kontum(scenario(workdays_line("0")));
  CHECK(zero.workdays(1) == 0);
  CHECK(zero.projection().poverty == none.projection().poverty);
  CHECK(zero.run(0, 4, 2).counts_text() == none.run(0, 4, 2).counts_text());
}

TEST_CASE("a negative number of workdays, a workdays line outside the simulated years, or workdays with no agency, is an error at the line") {
  try {
    config::parse_scenario_file("s.toml", scenario(workdays_line("-5")));
    FAIL("no error");
  } catch (const diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "s.toml:26:12: error: workdays line 'w': -5 workdays is negative\n"
          "  workdays = -5\n"
          "             ^\n"
          "  hint: give the agencies' workdays a year as a whole number, 0 or more\n");
  }
  try {
    kontum(scenario(workdays_line("10", 2021)));
    FAIL("no error");
  } catch (const diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          kHome + "/scenarios/kontum/s.toml:21:1: error: workdays line 'w' covers 2021-2030, outside the simulated years 2022-2030\n"
          "  [[workdays]]\n"
          "  ^\n"
          "  hint: give from and until within the simulated years (after the start year, up to the end year)\n");
  }
  // Workdays in years when no agency is twinned with any commune (the small world has none).
  try {
    sim::Simulation(config::parse_scenario_file("s.toml", scenario(workdays_line("10"))),
                    config::parse_model_file("m.toml", model_text()), small_world(), catalogue(), library());
    FAIL("no error");
  } catch (const diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "s.toml:21:1: error: workdays line 'w' goes through the twinning agencies, but none is active in 2022\n"
          "  [[workdays]]\n"
          "  ^\n"
          "  hint: check twinning.csv of the province folder (the agencies and their communes), or remove the [[workdays]] line\n");
  }
}
