#pragma once
// The small world the simulator tests share: four communes in two districts built by hand, the
// bundled catalogue and rule library, and a model and a scenario written as text.
#include <cstdint>
#include <map>
#include <string>

#include "config/catalogue_reader.h"
#include "rules/rule_library.h"
#include "sim/world.h"

namespace {

using namespace lotrinh;

const std::string kHome = LOTRINH_SOURCE_HOME;

const data::Catalogue& catalogue() {
  static const data::Catalogue c = config::read_catalogue(kHome + "/rules/indicators.toml");
  return c;
}

[[maybe_unused]] const rules::RuleLibrary& library() {
  static rules::RuleLibrary* lib = [] {
    auto* l = new rules::RuleLibrary(catalogue());
    l->load({kHome + "/rules"}, false);
    return l;
  }();
  return *lib;
}

// Four communes in three districts: d0 = {c0, c1}, d1 = {c2}, d2 = {c3}; d0 borders d1 only.
// Roads c0-c1, c1-c2, c2-c3.
[[maybe_unused]] sim::World small_world() {
  sim::World w;
  w.start_year = 2021;
  w.slugs = {"c0", "c1", "c2", "c3"};
  w.names = w.slugs;
  w.district = {0, 0, 1, 2};
  w.district_ids = {"d0", "d1", "d2"};
  w.district_names = w.district_ids;
  w.district_borders = {{1}, {0}, {}};
  w.neighbours = {{1}, {0, 2}, {1, 3}, {2}};
  w.columns = {{"poverty_rate_2022", {0.40, 0.25, 0.18, 0.05}},
               {"near_poor_rate_2022", {0.10, 0.10, 0.10, 0.10}},
               {"households", {1000, 800, 1200, 900}},
               {"em_household_share", {0.9, 0.9, 0.9, 0.9}},
               {"new_rural", {0, 0, 0, 0}},
               {"mekong_delta", {0, 0, 0, 0}},
               {"em_poor_households", {300, 150, 100, 20}},
               {"em_poor_share", {0.9, 0.8, 0.7, 0.5}},
               {"em_illiterate_share", {0.1, 0.1, 0.1, 0.1}},
               {"untrained_labour_share", {0.5, 0.5, 0.5, 0.5}},
               {"road_to_centre_km", {10, 10, 10, 10}},
               {"road_unpaved_share", {0.2, 0.2, 0.2, 0.2}},
               {"roads_hardened_share", {0.6, 0.7, 0.8, 0.9}},
               {"sd_villages", {3, 2, 1, 0}},
               {"population", {5000, 3000, 6000, 2000}}};
  w.travel_hours.assign(10, std::vector<double>{1.0, 0.5, 2.0, 0.2});
  w.estimated = {0, 0, 0, 0};
  w.values = {14, 14, 14, 14};
  return w;
}

const std::string kConversions =
    "[[conversion]]\nalias = \"poverty_rate\"\nyear = 2026\nfactor = 1\nsource = \"s\"\n"
    "[[conversion]]\nalias = \"near_poor_rate\"\nyear = 2026\nfactor = 1\nsource = \"s\"\n";

[[maybe_unused]] std::string model_text(const std::string& poverty_update = "max(0, poverty_rate * (1 - grad - gain * access) + relapse * near_poor_rate + shock_size * shock_flood + spill_weight * (nbr - poverty_rate))",
                       double flood = 0.3, const std::string& conversions = kConversions) {
  return "[model]\nid = \"t\"\npoverty = \"poverty_rate\"\n"
         "[parameters]\n"
         "grad = { value = 0.05, meaning = \"m\", source = \"s\", distribution = \"uniform\", range = [0.03, 0.07] }\n"
         "gain = { value = 0.1, meaning = \"m\", source = \"s\" }\n"
         "half = { value = 1, meaning = \"m\", source = \"s\" }\n"
         "spill_weight = { value = 0, meaning = \"m\", source = \"s\" }\n"
         "relapse = { value = 0.02, meaning = \"m\", source = \"s\" }\n"
         "shock_size = { value = 0.1, meaning = \"m\", source = \"s\" }\n"
         "[terms]\naccess = \"1 - exp(-spend_infrastructure / half)\"\n"
         "[state]\n"
         "poverty_rate = { update = \"" + poverty_update + "\" }\n"
         "near_poor_rate = { held = true }\n"
         "roads_hardened_share = { update = \"roads_hardened_share + (1 - roads_hardened_share) * gain * access\" }\n"
         "households = { held = true }\n"
         "[spillover]\nnbr = { of = \"poverty_rate\" }\n"
         "[shocks.flood]\nprobability = " + std::to_string(flood) + "\nscope = \"district_and_neighbours\"\nsource = \"s\"\n" + conversions;
}

[[maybe_unused]] std::string scenario_text(std::int64_t budget, const std::string& formula = "1",
                          const std::string& rules = "[[rules]]\nid = \"vn.qd-33-2020\"\nfrom = 2021\nuntil = 2030\n") {
  return "[scenario]\ndata = \".\"\nmodel = \"m.toml\"\nstart_year = 2021\nend_year = 2030\nruns = 20\nseed = 5\n"
         "holding_back_exclude = [\"in_scope\", \"not_new_rural\"]\n" + rules +
         "[[budget]]\nid = \"b\"\nsource = \"x\"\npurpose = \"infrastructure\"\nfrom = 2022\nuntil = 2030\namount_vnd = " +
         std::to_string(budget) + "\n[allocation]\nformula = \"" + formula + "\"\n";
}

}  // namespace
