// The model and scenario files: what they hold, and located errors with exact texts.
#include <catch2/catch.hpp>

#include "config/sim_file_reader.h"
#include "diag/diagnostic.h"

using namespace lotrinh;

namespace {

std::string model_error(const std::string& text) {
  try {
    config::parse_model_file("m.toml", text);
  } catch (const diag::InputError& e) {
    return e.what();
  }
  return "";
}

std::string scenario_error(const std::string& text) {
  try {
    config::parse_scenario_file("s.toml", text);
  } catch (const diag::InputError& e) {
    return e.what();
  }
  return "";
}

const std::string kModelHead = "[model]\nid = \"m\"\npoverty = \"poverty_rate\"\n";
const std::string kScenarioHead =
    "[scenario]\ndata = \".\"\nmodel = \"m.toml\"\nstart_year = 2021\nend_year = 2030\n"
    "[allocation]\nformula = \"1\"\n";

}  // namespace

TEST_CASE("a model file gives its parameters, terms, states, spillovers, shocks, noise and conversions") {
  auto m = config::parse_model_file("m.toml", kModelHead +
      "[parameters]\ng = { value = 0.1, meaning = \"graduation\", source = \"ASSUMPTION\", distribution = \"uniform\", range = [0.05, 0.2] }\n"
      "[terms]\nt = \"g * 2\"\n"
      "[state]\npoverty_rate = { update = \"poverty_rate * (1 - t)\" }\nhouseholds = { held = true }\n"
      "[spillover]\nnbr = { of = \"poverty_rate\" }\n"
      "[shocks.flood]\nprobability = 0.1\nscope = \"district_and_neighbours\"\nsource = \"ASSUMPTION\"\n"
      "[noise]\neps = { sd = 0.1 }\n"
      "[[conversion]]\nalias = \"poverty_rate\"\nyear = 2026\nfactor = 1.2\nsource = \"ASSUMPTION\"\n");
  REQUIRE(m.parameters.size() == 1);
  CHECK(m.parameters[0].distribution == "uniform");
  CHECK(m.parameters[0].low == 0.05);
  CHECK(m.parameters[0].high == 0.2);
  REQUIRE(m.states.size() == 2);
  CHECK(m.states[0].update->text == "poverty_rate * (1 - t)");
  CHECK_FALSE(m.states[1].update);
  CHECK(m.terms[0].name == "t");
  CHECK(m.spillovers[0].of == "poverty_rate");
  CHECK(m.shocks[0].scope == "district_and_neighbours");
  CHECK(m.noises[0].sd == 0.1);
  CHECK(m.conversions[0].factor == 1.2);
}

TEST_CASE("a model parameter whose value lies outside its range is an error at the range") {
  CHECK(model_error(kModelHead + "[parameters]\ng = { value = 0.5, meaning = \"x\", source = \"y\", distribution = \"uniform\", range = [0.05, 0.2] }\n") ==
        "m.toml:5:83: error: parameter 'g': the value 0.5 is outside its range [0.05, 0.2]\n"
        "  g = { value = 0.5, meaning = \"x\", source = \"y\", distribution = \"uniform\", range = [0.05, 0.2] }\n"
        "  " + std::string(82, ' ') + "^\n"
        "  hint: write range = [low, high] with low <= value <= high\n");
}

TEST_CASE("a state that neither updates nor is held is an error naming both ways") {
  CHECK(model_error(kModelHead + "[state]\npoverty_rate = { note = \"x\" }\n") ==
        "m.toml:5:16: error: state 'poverty_rate': say how it evolves: update = \"...\" or held = true\n"
        "  poverty_rate = { note = \"x\" }\n"
        "                 ^\n"
        "  hint: a state is either updated each year by an expression or held at its starting value\n");
}

TEST_CASE("a shock probability above 1 is an error at the number") {
  CHECK(model_error(kModelHead + "[shocks.flood]\nprobability = 1.5\nsource = \"s\"\n") ==
        "m.toml:5:15: error: shock 'flood': probability 1.5 is not between 0 and 1\n"
        "  probability = 1.5\n"
        "                ^\n"
        "  hint: write the yearly probability as a fraction, e.g. 0.1\n");
}

TEST_CASE("a scenario gives its rule-set timeline, budget lines, allocation, assumptions and events") {
  auto s = config::parse_scenario_file("dir/s.toml", kScenarioHead +
      "[[rules]]\nid = \"vn.qd-33-2020\"\nfrom = 2021\nuntil = 2030\nassumption = \"carried forward\"\n"
      "[[budget]]\nid = \"b\"\nsource = \"ntp\"\npurpose = \"housing\"\nfrom = 2022\nuntil = 2030\namount_vnd = 123456789012\n"
      "[[assumption]]\nname = \"border\"\nvalue = 0\ntext = \"unknown\"\n"
      "[[event]]\nkind = \"road_paved\"\nyear = 2024\nfrom = \"a\"\nto = \"b\"\n");
  CHECK(s.dir == "dir");
  CHECK(s.rules[0].assumption == "carried forward");
  CHECK(s.budget[0].amount_vnd == 123456789012);
  CHECK(s.budget[0].purpose == "housing");
  CHECK(s.formula->text == "1");
  CHECK(s.assumptions[0].name == "border");
  CHECK(s.events[0].paved_share == 1);
}

TEST_CASE("a negative budget is an error at the amount") {
  CHECK(scenario_error(kScenarioHead + "[[budget]]\nid = \"b\"\nsource = \"x\"\npurpose = \"housing\"\nfrom = 2022\nuntil = 2030\namount_vnd = -5\n") ==
        "s.toml:14:14: error: budget line 'b': the amount -5 is negative\n"
        "  amount_vnd = -5\n"
        "               ^\n"
        "  hint: write a whole number of dong, 0 or more\n");
}

TEST_CASE("a budget for an unknown purpose is an error listing the purposes") {
  CHECK(scenario_error(kScenarioHead + "[[budget]]\nid = \"b\"\nsource = \"x\"\npurpose = \"roads\"\nfrom = 2022\nuntil = 2030\namount_vnd = 5\n") ==
        "s.toml:11:12: error: 'budget': unknown purpose 'roads'\n"
        "  purpose = \"roads\"\n"
        "             ^\n"
        "  hint: use one of: infrastructure, production, social, housing\n");
}

TEST_CASE("a model's title and a shock's title may be given in English and Vietnamese, or as one English string") {
  auto m = config::parse_model_file("m.toml",
      "[model]\nid = \"m\"\ntitle.en = \"Graduation\"\ntitle.vi = \"Thoát nghèo\"\npoverty = \"poverty_rate\"\n"
      "[shocks.flood]\ntitle.en = \"flood\"\ntitle.vi = \"lũ lụt\"\nprobability = 0.1\nsource = \"ASSUMPTION\"\n"
      "[shocks.price]\ntitle = \"falling prices\"\nprobability = 0.1\nsource = \"ASSUMPTION\"\n"
      "[shocks.storm]\nprobability = 0.1\nsource = \"ASSUMPTION\"\n");
  CHECK(m.title == "Graduation");
  CHECK(m.title_vi == "Thoát nghèo");
  REQUIRE(m.shocks.size() == 3);
  CHECK(m.shocks[0].title == "flood");
  CHECK(m.shocks[0].title_vi == "lũ lụt");
  CHECK(m.shocks[1].title == "falling prices");
  CHECK(m.shocks[1].title_vi.empty());
  CHECK(m.shocks[2].title.empty());
}

TEST_CASE("a calibration target's name and source may be written in two languages, and a target without a name is an error") {
  auto s = config::parse_scenario_file("s.toml", kScenarioHead +
      "[[target]]\nname.en = \"poverty, end 2020\"\nname.vi = \"tỷ lệ hộ nghèo, cuối năm 2020\"\nname.vi_translated = true\n"
      "year = 2020\nstate = \"poverty_rate\"\nreported = 0.25\nsource.en = \"report II.2\"\nsource.vi = \"báo cáo, mục II.2\"\n"
      "[[target]]\nname = \"plain\"\nyear = 2020\nstate = \"poverty_rate\"\nreported = 0.25\nsource = \"x\"\n");
  REQUIRE(s.targets.size() == 2);
  CHECK(s.targets[0].name == "poverty, end 2020");
  CHECK(s.targets[0].name_vi == "tỷ lệ hộ nghèo, cuối năm 2020");
  CHECK(s.targets[0].source == "report II.2");
  CHECK(s.targets[0].source_vi == "báo cáo, mục II.2");
  CHECK(s.targets[1].name == "plain");
  CHECK(s.targets[1].name_vi.empty());
  CHECK(scenario_error(kScenarioHead + "[[target]]\nyear = 2020\nstate = \"poverty_rate\"\nreported = 0.25\nsource = \"x\"\n") ==
        "s.toml:8:1: error: 'target': 'name' is missing\n"
        "  [[target]]\n"
        "  ^\n"
        "  hint: add name = \"...\" here (see docs/simulator.md)\n");
}
