// A commune table of 2020 aggregated, column by column, to the 40 units of 2025 (the bundled
// Kon Tum lineage), and to the units of an earlier day.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "data/catalogue.h"
#include "data/commune_table.h"
#include "data/unit_registry.h"
#include "diag/diagnostic.h"
#include "data/successor_aggregation.h"

using namespace lotrinh;
using lotrinh::diag::InputError;

namespace {

const std::string kKontum = std::string(LOTRINH_SOURCE_HOME) + "/scenarios/kontum";
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const data::UnitRegistry& registry() {
  static const data::UnitRegistry r = data::UnitRegistry::load_dir(kKontum);
  return r;
}

data::Indicator indicator(const std::string& id, data::Aggregation rule, const std::string& weight = "") {
  data::Indicator i;
  i.id = id;
  i.unit = "count";
  i.aggregation = rule;
  i.weight = weight;
  return i;
}

data::Catalogue catalogue() {
  data::Catalogue c;
  c.add(indicator("households", data::Aggregation::kSum));
  c.add(indicator("poverty_rate_2016", data::Aggregation::kWeighted, "households"));
  c.add(indicator("em_population_share", data::Aggregation::kWeighted, "population"));
  c.add(indicator("twinned", data::Aggregation::kAny));
  c.add(indicator("road_to_centre_km", data::Aggregation::kNone));
  c.add(indicator("sd_village_max", data::Aggregation::kMax));
  return c;
}

// Rows of 2020: Mường Hoong and Ngọc Linh (all of xã Ngọc Linh 2025), Đăk Choong (half of xã
// Xốp 2025, named by its Vietnamese name) and one 2016 row that must be left out.
data::CommuneTable table() {
  data::CommuneTable t;
  t.path = "communes.csv";
  t.unit = {"muong-hoong", "ngoc-linh", "Đăk Choong", "muong-hoong"};
  t.year = {2020, 2020, 2020, 2016};
  t.name = t.district = {"", "", "", ""};
  t.columns = {"households", "poverty_rate_2016", "em_population_share", "twinned", "road_to_centre_km",
               "sd_village_max"};
  t.values["households"] = {600, 400, 700, 1};
  t.values["poverty_rate_2016"] = {0.5909, 0.7649, 0.30, 1};
  t.values["em_population_share"] = {0.99, 0.98, 0.9, 1};
  t.values["twinned"] = {1, 1, 0, 1};
  t.values["road_to_centre_km"] = {40, 60, 12, 1};
  t.values["sd_village_max"] = {0.5, 0.8, 0.2, 1};
  return t;
}

size_t index(const data::SuccessorAggregation& a, const std::string& slug) {
  for (size_t i = 0; i < a.units.size(); ++i)
    if (a.units[i].unit->slug == slug) return i;
  FAIL("no unit " << slug);
  throw;
}

const data::AggregatedUnit& unit(const data::SuccessorAggregation& a, const std::string& slug) {
  return a.units[index(a, slug)];
}

}  // namespace

TEST_CASE("a 2020 table aggregates to the 40 units of 2025 by each indicator's rule", "[data]") {
  const auto a = data::aggregate_to_successors(table(), 2020, catalogue(), registry());
  CHECK(a.units.size() == 40);
  const auto& linh = unit(a, "xa-ngoc-linh-2025");
  REQUIRE(linh.members.size() == 2);
  CHECK(linh.missing.empty());
  CHECK(a.value("households", index(a, "xa-ngoc-linh-2025")) == 1000);
  CHECK(a.value("poverty_rate_2016", index(a, "xa-ngoc-linh-2025")) == Approx((0.5909 * 600 + 0.7649 * 400) / 1000));
  CHECK(a.value("twinned", index(a, "xa-ngoc-linh-2025")) == 1);
  CHECK(a.value("sd_village_max", index(a, "xa-ngoc-linh-2025")) == 0.8);
  CHECK(std::isnan(a.value("road_to_centre_km", index(a, "xa-ngoc-linh-2025"))));  // rule none
  CHECK(std::isnan(a.value("em_population_share", index(a, "xa-ngoc-linh-2025"))));  // no population column
  CHECK(a.not_aggregated == std::vector<std::string>{"road_to_centre_km"});
  CHECK(a.no_weight == std::vector<std::string>{"em_population_share"});
}

TEST_CASE("a unit with an old unit missing from the table gets no partial sums", "[data]") {
  const auto a = data::aggregate_to_successors(table(), 2020, catalogue(), registry());
  const auto& xop = unit(a, "xa-xop-2025");
  REQUIRE(xop.missing.size() == 1);
  CHECK(xop.missing[0]->slug == "xop");
  CHECK(std::isnan(a.value("households", index(a, "xa-xop-2025"))));
  CHECK(std::isnan(a.value("poverty_rate_2016", index(a, "xa-xop-2025"))));
  CHECK(std::isnan(a.value("twinned", index(a, "xa-xop-2025"))));  // Đăk Choong 0, Xốp unknown
  const auto& dak_pek = unit(a, "xa-dak-pek-2025");
  CHECK(dak_pek.missing.size() == 2);
}

TEST_CASE("any is 1 as soon as one old unit is 1, even with another unknown", "[data]") {
  auto t = table();
  t.values["twinned"][2] = 1;
  const auto a = data::aggregate_to_successors(t, 2020, catalogue(), registry());
  CHECK(a.value("twinned", index(a, "xa-xop-2025")) == 1);
  t.values["households"][0] = kNaN;
  CHECK(std::isnan(data::aggregate_to_successors(t, 2020, catalogue(), registry())
                       .columns.at("households")
                       .front()));
}

TEST_CASE("the Kon Plông commune of 2016 aggregates to Măng Đen through the town", "[data]") {
  data::CommuneTable t;
  t.path = "communes.csv";
  t.unit = {"dak-long-kon-plong"};
  t.year = {2016};
  t.name = t.district = {""};
  t.columns = {"households"};
  t.values["households"] = {1500};
  const auto a = data::aggregate_to_successors(t, 2016, catalogue(), registry());
  const auto& den = unit(a, "xa-mang-den-2025");
  CHECK(den.members.size() == 3);  // Đăk Tăng, Măng Cành, and Đăk Long (not yet the town)
  CHECK(den.missing.size() == 2);
}

TEST_CASE("a row of an unknown unit and two rows of one unit are errors", "[data]") {
  data::CommuneTable t;
  t.path = "communes.csv";
  t.unit = {"Xoop", "muong-hoong", "Mường Hoong"};
  t.year = {2020, 2020, 2020};
  t.name = t.district = {"", "", ""};
  try {
    data::aggregate_to_successors(t, 2020, catalogue(), registry());
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          "communes.csv: error: the row of 'Xoop' for 2020: no unit 'Xoop' existed in 2020\n"
          "  hint: did you mean 'Xốp'?\n"
          "communes.csv: error: the rows of 'muong-hoong' and 'Mường Hoong' for 2020 are both unit 'muong-hoong'\n"
          "  hint: keep one row per unit and year: delete or merge the other\n");
  }
}

TEST_CASE("a table of another province is reported by its first rows", "[data]") {
  data::CommuneTable t;
  t.path = "example.csv";
  t.unit = {"xa-a", "xa-b", "xa-c", "xa-d", "xa-e", "xa-f", "xa-g"};
  t.year = std::vector<int>(7, 2020);
  t.name = t.district = std::vector<std::string>(7);
  try {
    data::aggregate_to_successors(t, 2020, catalogue(), registry());
    FAIL("no error");
  } catch (const InputError& e) {
    const std::string text = e.what();
    CHECK(text.find("example.csv: error: the row of 'xa-e' for 2020: no unit 'xa-e' existed in 2020\n") !=
          std::string::npos);
    CHECK(text.find("xa-f") == std::string::npos);
    CHECK(text.substr(text.find("example.csv: error: 2 more")) ==
          "example.csv: error: 2 more rows name units that did not exist in 2020\n"
          "  hint: aggregate reads a table of the units of the province's units tables, named by slug, GSO code or "
          "name\n");
  }
}

TEST_CASE("aggregation follows the lineage chain to the day asked, not only to its end", "[data]") {
  // On 2020-01-01 the Kon Plông commune Đăk Long had become the town Măng Đen (2019-09-01),
  // which was not yet part of the 2025 commune.
  data::CommuneTable t;
  t.path = "communes.csv";
  t.unit = {"dak-long-kon-plong"};
  t.year = {2016};
  t.name = t.district = {""};
  t.columns = {"households"};
  t.values["households"] = {1500};
  const auto a = data::aggregate_to_successors(t, 2016, catalogue(), registry(), data::UnitDate{2020, 1, 1});
  const size_t town = index(a, "tt-mang-den");
  REQUIRE(a.units[town].members.size() == 1);
  CHECK(a.units[town].members[0]->slug == "dak-long-kon-plong");
  CHECK(a.value("households", town) == 1500);
  // Units that had not ended by that day are their own successors.
  CHECK(a.units[index(a, "muong-hoong")].members.size() == 1);
  CHECK(a.units.size() == registry().units_in(2016).size());
}

TEST_CASE("a weighted mean reads its weight column from the catalogue, whatever its name", "[data]") {
  data::Catalogue c;
  c.add(indicator("share", data::Aggregation::kWeighted, "people_aged_15"));
  c.add(indicator("people_aged_15", data::Aggregation::kSum));
  data::CommuneTable t;
  t.path = "communes.csv";
  t.unit = {"muong-hoong", "ngoc-linh"};
  t.year = {2020, 2020};
  t.name = t.district = {"", ""};
  t.columns = {"share", "people_aged_15"};
  t.values["share"] = {0.5, 0.2};
  t.values["people_aged_15"] = {100, 300};
  const auto a = data::aggregate_to_successors(t, 2020, c, registry());
  const size_t linh = index(a, "xa-ngoc-linh-2025");
  CHECK(a.value("share", linh) == Approx((0.5 * 100 + 0.2 * 300) / 400));
  CHECK(a.value("people_aged_15", linh) == 400);
  CHECK(a.no_weight.empty());
}
