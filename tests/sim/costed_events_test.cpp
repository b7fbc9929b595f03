// Events that cost money: a paved road's cost, a housing programme and a resettlement, each paid
// from a budget line in its year before the strategy splits the rest; the money in equals the
// money allocated plus the events' costs, to the last dong; and the errors of bad input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "config/sim_file_reader.h"
#include "diag/diagnostic.h"
#include "sim/simulation.h"

using namespace lotrinh;

#include "small_world.h"

namespace {

constexpr size_t kInfrastructure = 0, kHousing = 3;

// The small world's scenario with an infrastructure line 'b' and a housing line 'h', and `events`.
std::string scenario(const std::string& events, const std::string& strategy = "formula = \"1\"") {
  return "[scenario]\ndata = \".\"\nmodel = \"m.toml\"\nstart_year = 2021\nend_year = 2030\nruns = 6\nseed = 5\ntargets = []\n"
         "[[rules]]\nid = \"vn.qd-33-2020\"\nfrom = 2021\nuntil = 2030\n"
         "[[budget]]\nid = \"b\"\nsource = \"x\"\npurpose = \"infrastructure\"\nfrom = 2022\nuntil = 2030\namount_vnd = 1000000001\n"
         "[[budget]]\nid = \"h\"\nsource = \"y\"\npurpose = \"housing\"\nfrom = 2022\nuntil = 2030\namount_vnd = 2000000000\n"
         "[allocation]\n" + strategy + "\n" + events;
}

// Poverty falls with housing money (the model's housing response) and infrastructure money.
std::string housing_model() {
  return model_text("max(0, poverty_rate * (1 - grad - gain * access - 0.2 * (1 - exp(-spend_housing / half))))");
}

sim::Simulation simulate(const std::string& scenario_text, const std::string& model = model_text()) {
  return sim::Simulation(config::parse_scenario_file("s.toml", scenario_text), config::parse_model_file("m.toml", model),
                         small_world(), catalogue(), library());
}

std::int64_t spent(const sim::Simulation& s, int k, size_t purpose, size_t c) {
  return s.projection().spend[static_cast<size_t>(k)][purpose * s.world().size() + c];
}

std::int64_t planned(const sim::Simulation& s, int k) {
  std::int64_t sum = 0;
  for (auto v : s.projection().spend[static_cast<size_t>(k)]) sum += v;
  return sum;
}

std::string error_of(const std::string& scenario_text, const std::string& model = model_text()) {
  try {
    simulate(scenario_text, model);
  } catch (const diag::InputError& e) {
    return e.what();
  }
  return "no error";
}

const std::string kRoad =
    "[[event]]\nkind = \"road_paved\"\nyear = 2024\nfrom = \"c0\"\nto = \"c1\"\ncost_vnd = 300000007\nbudget = \"b\"\nsource = \"s\"\n";

}  // namespace

TEST_CASE("a paved road's cost is taken from its budget line in its year before the formula splits the rest, and the money in equals the money allocated plus the events' costs to the last dong") {
  const auto s = simulate(scenario(kRoad));
  const auto none = simulate(scenario(""));
  REQUIRE(s.event_costs().size() == 1);
  CHECK(s.event_costs()[0].year == 2024);
  CHECK(s.event_costs()[0].cost_vnd == 300000007);
  CHECK_FALSE(s.event_costs()[0].placed);
  for (int k = 1; k <= 9; ++k) {
    std::int64_t in = 0;
    for (size_t p = 0; p < 4; ++p) in += s.budget(k, p);
    CHECK(in == 3000000001);                                    // the lines' money, whatever the events
    const std::int64_t events = k == 3 ? 300000007 : 0;
    CHECK(planned(s, k) + events == in);                        // allocated + events' costs = money in
    CHECK(s.money(k) == in);
  }
  CHECK(s.money() == 9 * 3000000001LL);
  // In 2024 the formula splits what is left of line b (700,000,000 - 6 dong) equally over 4.
  std::int64_t infra = 0;
  for (size_t c = 0; c < 4; ++c) infra += spent(s, 3, kInfrastructure, c);
  CHECK(infra == 1000000001 - 300000007);
  CHECK(spent(s, 3, kInfrastructure, 0) == 174999999);
  CHECK(spent(s, 2, kInfrastructure, 0) == spent(none, 2, kInfrastructure, 0));  // 2023: untouched
}

TEST_CASE("every strategy allocates the rest of a line after an event's cost, so money in equals money allocated plus the events' costs") {
  for (const std::string strategy : {"strategy = \"equal\"", "strategy = \"per-capita\"", "strategy = \"per-poor-household\"",
                                     "strategy = \"greedy\"", "strategy = \"lp\"\nobjective = \"population-weighted-poverty\""}) {
    INFO(strategy);
    const auto s = simulate(scenario(kRoad, strategy));
    CHECK(planned(s, 3) + 300000007 == 3000000001);
    CHECK(s.money() == 9 * 3000000001LL);
  }
}

TEST_CASE("a housing programme's money is housing money on its communes, split by households, every year of the programme, and lowers their poverty through the model's housing response") {
  const std::string housing =
      "[[event]]\nkind = \"housing\"\nyear = 2023\nuntil = 2024\ncommunes = [\"c0\", \"c1\"]\nhouseholds = 30\n"
      "cost_per_household_vnd = 30000000\nbudget = \"h\"\nsource = \"s\"\n";
  const auto s = simulate(scenario(housing), housing_model());
  const auto none = simulate(scenario(""), housing_model());
  REQUIRE(s.event_costs().size() == 2);  // 2023 and 2024
  CHECK(s.event_costs()[0].cost_vnd == 900000000);
  CHECK(s.event_costs()[0].placed);
  for (int k : {2, 3}) {
    // 900,000,000 by households 1000 : 800, on top of the formula's equal share of the rest.
    CHECK(spent(s, k, kHousing, 0) == 275000000 + 500000000);
    CHECK(spent(s, k, kHousing, 1) == 275000000 + 400000000);
    CHECK(spent(s, k, kHousing, 2) == 275000000);              // the rest of line h, equally
    CHECK(planned(s, k) == 3000000001);                         // placed: all of it is in the plan
    CHECK(s.money(k) == 3000000001);
  }
  CHECK(spent(s, 1, kHousing, 0) == spent(none, 1, kHousing, 0));
  const auto& p = s.projection().poverty;
  const auto& q = none.projection().poverty;
  CHECK(p[2][0] < q[2][0]);  // the programme's communes: poorer households housed, less poverty
  CHECK(p[2][1] < q[2][1]);
  CHECK(p[2][2] > q[2][2]);  // the others get less of line h
}

TEST_CASE("a resettlement moves households and poor households at the source's rate, so the destination's household count and poverty rate change") {
  // A model whose poverty only moves with the resettlement.
  const std::string model = model_text("poverty_rate");
  const auto households = [](const sim::Simulation& s, int k, size_t c) {
    const auto& states = s.model().states;
    const size_t h = static_cast<size_t>(std::find_if(states.begin(), states.end(), [](const auto& st) { return st.id == "households"; }) - states.begin());
    return s.projection().states[static_cast<size_t>(k)][h][c];
  };
  const std::string move =
      "[[event]]\nkind = \"resettlement\"\nyear = 2023\nfrom = \"c0\"\nto = \"c2\"\nhouseholds = 100\ncost_vnd = 500000000\n"
      "budget = \"h\"\nsource = \"s\"\n";
  SECTION("at the source's rate") {
    const auto s = simulate(scenario(move), model);
    CHECK(households(s, 1, 0) == 1000);
    CHECK(households(s, 2, 0) == 900);
    CHECK(households(s, 2, 2) == 1300);
    CHECK(households(s, 9, 0) == 900);
    const auto& p = s.projection().poverty;
    CHECK(p[2][0] == Approx(0.40));                             // the source's rate is unchanged
    CHECK(p[2][2] == Approx((0.18 * 1200 + 40) / 1300));       // 40 poor among the 100
    CHECK(p[1][2] == Approx(0.18));
    CHECK(s.money(2) == 3000000001);                            // not in the plan, but counted
    CHECK(planned(s, 2) == 3000000001 - 500000000);
  }
  SECTION("with the poor stated, both rates change") {
    std::string stated = move;
    stated.insert(stated.find("cost_vnd"), "poor_households = 10\n");
    const auto s = simulate(scenario(stated), model);
    const auto& p = s.projection().poverty;
    CHECK(p[2][0] == Approx((400.0 - 10) / 900));
    CHECK(p[2][2] == Approx((0.18 * 1200 + 10) / 1300));
  }
  SECTION("stated poor too few to keep the source's rate within 1 are raised to what keeps it there") {
    std::string stated = move;
    stated.replace(stated.find("households = 100"), 16, "households = 900\npoor_households = 0");
    const auto s = simulate(scenario(stated), model);
    const auto& p = s.projection().poverty;
    CHECK(p[2][0] == Approx(1.0));                               // 100 households left, all 100 poor
    CHECK(p[2][2] == Approx((0.18 * 1200 + 300) / 2100));       // so 300 of the 900 movers were poor
  }
  SECTION("out of the province") {
    std::string out = move;
    out.replace(out.find("to = \"c2\""), 9, "to = \"outside\"");
    const auto s = simulate(scenario(out), model);
    CHECK(households(s, 2, 0) == 900);
    CHECK(households(s, 2, 2) == 1200);
    CHECK(s.projection().poverty[2][2] == Approx(0.18));
  }
}

TEST_CASE("an event's cost that is negative or not a whole number of dong is an error at the value") {
  std::string negative = kRoad;
  negative.replace(negative.find("300000007"), 9, "-5");
  CHECK(error_of(scenario(negative)) == 
          "s.toml:34:12: error: road_paved event of 2024: cost_vnd = -5 is negative\n"
          "  cost_vnd = -5\n"
          "             ^\n"
          "  hint: write a whole number (of dong, or of households), 0 or more\n");
  std::string fraction = kRoad;
  fraction.replace(fraction.find("300000007"), 9, "1.5");
  CHECK(error_of(scenario(fraction)) == 
          "s.toml:34:12: error: 'event': 'cost_vnd' must be a whole number, not a decimal number\n"
          "  cost_vnd = 1.5\n"
          "             ^\n"
          "  hint: write a whole number without quotes, such as 2020\n");
}

TEST_CASE("an event paid from a budget line the scenario does not have is an error at its budget key, with a did-you-mean") {
  std::string road = kRoad;
  road.replace(road.find("budget = \"b\""), 12, "budget = \"bb\"");
  CHECK(error_of(scenario(road)) == 
          "s.toml:35:10: error: road_paved event of 2024: no budget line 'bb' in the scenario\n"
          "  budget = \"bb\"\n"
          "           ^\n"
          "  hint: did you mean 'b'?\n");
}

TEST_CASE("events whose costs in a year exceed their budget line's amount are an error saying by how much") {
  const std::string move =
      "[[event]]\nkind = \"resettlement\"\nyear = 2024\nfrom = \"c0\"\nto = \"outside\"\nhouseholds = 10\n"
      "cost_per_household_vnd = 70000000\nbudget = \"b\"\nsource = \"s\"\n";
  CHECK(error_of(scenario(kRoad + move)) == 
          "s.toml:34:12: error: the events paid from budget line 'b' in 2024 cost 1,000,000,007 dong, 6 dong more than the line's 1,000,000,001 dong\n"
          "  cost_vnd = 300000007\n"
          "             ^\n"
          "  hint: lower the events' costs, pay some from another line or in another year, or raise the line's amount_vnd\n");
}

TEST_CASE("a housing programme on an unknown commune, or paid from a line of another purpose, is an error at the place") {
  const std::string housing =
      "[[event]]\nkind = \"housing\"\nyear = 2023\ncommunes = [\"c0\", \"c9\"]\ncost_vnd = 1000\nbudget = \"h\"\nsource = \"s\"\n";
  CHECK(error_of(scenario(housing)) == 
          "s.toml:32:19: error: 'c9' is not a commune of the 2021 data\n"
          "  communes = [\"c0\", \"c9\"]\n"
          "                    ^\n"
          "  hint: did you mean 'c0'?\n");
  std::string infra = housing;
  infra.replace(infra.find("\"c9\""), 4, "\"c1\"");
  infra.replace(infra.find("budget = \"h\""), 12, "budget = \"b\"");
  CHECK(error_of(scenario(infra)) == 
          "s.toml:34:10: error: housing event of 2023: budget line 'b' is for infrastructure, but this event is paid from a line for housing\n"
          "  budget = \"b\"\n"
          "           ^\n"
          "  hint: money of one purpose never moves to another (earmarks): pay it from a [[budget]] line with purpose = \"housing\"\n");
}

TEST_CASE("a resettlement moving more households than the commune has is an error at its households") {
  const std::string move =
      "[[event]]\nkind = \"resettlement\"\nyear = 2023\nfrom = \"c1\"\nto = \"c2\"\nhouseholds = 801\ncost_vnd = 0\n"
      "budget = \"h\"\nsource = \"s\"\n";
  CHECK(error_of(scenario(move)) == 
          "s.toml:34:14: error: resettlement event of 2023: moves 801 households out of 'c1', which has 800 at the start of 2023\n"
          "  households = 801\n"
          "               ^\n"
          "  hint: move no more households than the commune has at the start of the year (after earlier resettlements; after a merger, its unit's)\n");
  std::string unknown = move;
  unknown.replace(unknown.find("to = \"c2\""), 9, "to = \"cc2\"");
  unknown.replace(unknown.find("801"), 3, "800");
  CHECK(error_of(scenario(unknown)) == 
          "s.toml:33:6: error: 'cc2' is not a commune of the 2021 data\n"
          "  to = \"cc2\"\n"
          "       ^\n"
          "  hint: did you mean 'c2'?\n");
}

TEST_CASE("paving a road that does not exist is an error at the event") {
  config::ScenarioEvent e = config::parse_scenario_file("s.toml", scenario(
      "[[event]]\nkind = \"road_paved\"\nyear = 2024\nfrom = \"ngoc-linh\"\nto = \"dak-ring\"\ncost_vnd = 1\nbudget = \"b\"\nsource = \"s\"\n")).events.front();
  try {
    sim::load_world(kHome + "/scenarios/kontum", 2021, 2030, {e}, catalogue());
    FAIL("no error");
  } catch (const diag::InputError& err) {
    CHECK(std::string(err.what()) == 
          "s.toml:29:1: error: no road joins 'ngoc-linh' and 'dak-ring'\n"
          "  [[event]]\n"
          "  ^\n"
          "  hint: there is no road ngoc-linh -- dak-ring\n");
  }
}

TEST_CASE("a costed event's keys are checked where they are read: a cost that disagrees with households times the cost per household, a cost without a budget line, a cost on a merger") {
  auto parse_error = [](const std::string& text) {
    try {
      config::parse_scenario_file("s.toml", scenario(text));
    } catch (const diag::InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(parse_error("[[event]]\nkind = \"housing\"\nyear = 2023\ncommunes = [\"c0\"]\nhouseholds = 3\ncost_per_household_vnd = 10\n"
                    "cost_vnd = 31\nbudget = \"h\"\nsource = \"s\"\n") == 
          "s.toml:35:12: error: housing event of 2023: cost_vnd = 31, but households x cost_per_household_vnd = 3 x 10 = 30\n"
          "  cost_vnd = 31\n"
          "             ^\n"
          "  hint: cost_per_household_vnd needs households; give cost_vnd = households x cost_per_household_vnd, or only one of the two\n");
  CHECK(parse_error("[[event]]\nkind = \"road_paved\"\nyear = 2024\nfrom = \"c0\"\nto = \"c1\"\ncost_vnd = 5\nsource = \"s\"\n") == 
          "s.toml:29:1: error: 'event': 'budget' is missing\n"
          "  [[event]]\n"
          "  ^\n"
          "  hint: add budget = \"<id>\": the id of the [[budget]] line that pays the event's cost\n");
  CHECK(parse_error("[[event]]\nkind = \"merger\"\nyear = 2025\ncost_vnd = 5\n") == 
          "s.toml:32:12: error: a merger event has no key cost_vnd\n"
          "  cost_vnd = 5\n"
          "             ^\n"
          "  hint: only road_paved (with cost_vnd), housing and resettlement events cost money (docs/simulator.md, Events that cost money)\n");
  CHECK(parse_error("[[event]]\nkind = \"resettlement\"\nyear = 2024\nfrom = \"c0\"\nto = \"c1\"\nhouseholds = 3\npoor_households = 4\n"
                    "cost_vnd = 0\nbudget = \"h\"\nsource = \"s\"\n") == 
          "s.toml:35:19: error: resettlement event of 2024: poor_households = 4 is more than households = 3\n"
          "  poor_households = 4\n"
          "                    ^\n"
          "  hint: a resettlement event needs year, from, to (another commune, or \"outside\" the province), households (1 or more; poor_households, if given, no more than households), cost_vnd or cost_per_household_vnd, budget and source\n");
}

TEST_CASE("after the merger a housing programme may name a commune or its new unit, and a resettlement within one new unit is an error") {
  const std::string kontum = kHome + "/scenarios/kontum";
  auto simulate_kontum = [&](const std::string& events) {
    const std::string text =
        "[scenario]\ndata = \".\"\nmodel = \"m.toml\"\nstart_year = 2021\nend_year = 2030\nruns = 2\ntargets = []\n"
        "[[rules]]\nid = \"vn.qd-33-2020\"\nfrom = 2021\nuntil = 2030\n"
        "[[budget]]\nid = \"h\"\nsource = \"y\"\npurpose = \"housing\"\nfrom = 2022\nuntil = 2030\namount_vnd = 2000000000\n"
        "[allocation]\nformula = \"1\"\n[[event]]\nkind = \"merger\"\nyear = 2025\n" + events;
    config::ScenarioFile file = config::parse_scenario_file(kontum + "/s.toml", text);
    sim::World w = sim::load_world(kontum, 2021, 2030, file.events, catalogue());
    return sim::Simulation(file, config::read_model_file(kontum + "/model.toml"), std::move(w), catalogue(), library());
  };
  const auto s = simulate_kontum(
      "[[event]]\nkind = \"housing\"\nyear = 2026\ncommunes = [\"xa-ngoc-linh-2025\", \"ngoc-linh\", \"dak-ring\"]\ncost_vnd = 1000000001\n"
      "budget = \"h\"\nsource = \"s\"\n");
  REQUIRE(s.event_costs().size() == 1);
  const auto& units = s.world().merged->slugs;
  REQUIRE(s.event_costs()[0].units.size() == 2);  // Ngọc Linh is in the new Ngọc Linh: counted once
  CHECK(units[static_cast<size_t>(s.event_costs()[0].units[0])] + "," + units[static_cast<size_t>(s.event_costs()[0].units[1])] ==
        "xa-ngoc-linh-2025,xa-mang-but-2025");
  CHECK(s.money(5) == 2000000000);
  try {
    simulate_kontum("[[event]]\nkind = \"resettlement\"\nyear = 2026\nfrom = \"dak-ring\"\nto = \"mang-but\"\nhouseholds = 5\n"
                    "cost_vnd = 0\nbudget = \"h\"\nsource = \"s\"\n");
    FAIL("no error");
  } catch (const diag::InputError& e) {
    CHECK(std::string(e.what()) == 
          kontum + "/s.toml:28:6: error: resettlement event of 2026: 'dak-ring' and 'mang-but' are the same unit in that year: nothing would move\n"
          "  to = \"mang-but\"\n"
          "       ^\n"
          "  hint: a resettlement event needs year, from, to (another commune, or \"outside\" the province), households (1 or more; poor_households, if given, no more than households), cost_vnd or cost_per_household_vnd, budget and source\n");
  }
}

TEST_CASE("a costed event's source may be written in two languages, source.en and source.vi, and a costed event without a source is an error") {
  config::ScenarioFile f = config::parse_scenario_file("s.toml", scenario(
      "[[event]]\nkind = \"road_paved\"\nyear = 2024\nfrom = \"c0\"\nto = \"c1\"\ncost_vnd = 1\nbudget = \"b\"\n"
      "source.en = \"ASSUMPTION: 1 dong\"\nsource.vi = \"GIẢ ĐỊNH: 1 đồng\"\nsource.vi_translated = true\n"));
  REQUIRE(f.events.size() == 1);
  CHECK(f.events[0].source == "ASSUMPTION: 1 dong");
  CHECK(f.events[0].source_vi == "GIẢ ĐỊNH: 1 đồng");
  CHECK(config::parse_scenario_file("s.toml", scenario(kRoad)).events[0].source_vi.empty());
  try {
    config::parse_scenario_file("s.toml", scenario("[[event]]\nkind = \"road_paved\"\nyear = 2024\nfrom = \"c0\"\nto = \"c1\"\n"
                                                   "cost_vnd = 1\nbudget = \"b\"\n"));
    FAIL("no error");
  } catch (const diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "s.toml:29:1: error: 'event': 'source' is missing\n"
          "  [[event]]\n"
          "  ^\n"
          "  hint: add source = \"...\" here (see docs/simulator.md)\n");
  }
}
