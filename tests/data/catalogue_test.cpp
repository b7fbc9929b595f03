#include "data/catalogue.h"

#include <catch2/catch.hpp>

#include "test_catalogue.h"

using namespace lotrinh::data;

TEST_CASE("an alias resolves to the indicator of the period that covers the year", "[data]") {
  Catalogue c = testing::test_catalogue();
  CHECK(c.resolve("poverty_rate", 2016) == std::optional<std::string>("poverty_rate_2015"));
  CHECK(c.resolve("poverty_rate", 2020) == std::optional<std::string>("poverty_rate_2015"));
  CHECK(c.resolve("poverty_rate", 2021) == std::optional<std::string>("poverty_rate_2021"));
  CHECK(c.resolve("poverty_rate", 2099) == std::optional<std::string>("poverty_rate_2021"));
}

TEST_CASE("an alias gives nothing for a year no period covers", "[data]") {
  Catalogue c = testing::test_catalogue();
  CHECK_FALSE(c.resolve("poverty_rate", 2015).has_value());
}

TEST_CASE("an indicator resolves to itself and an unknown id to nothing", "[data]") {
  Catalogue c = testing::test_catalogue();
  CHECK(c.resolve("population", 1990) == std::optional<std::string>("population"));
  CHECK_FALSE(c.resolve("populaton", 2020).has_value());
}

TEST_CASE("the catalogue finds indicators and aliases by id", "[data]") {
  Catalogue c = testing::test_catalogue();
  REQUIRE(c.find("poverty_rate_2021") != nullptr);
  CHECK(c.find("poverty_rate_2021")->standard == "07/2021");
  CHECK(c.find("poverty_rate") == nullptr);
  REQUIRE(c.find_alias("poverty_rate") != nullptr);
  CHECK(c.find_alias("poverty_rate")->periods.size() == 2);
  CHECK(c.find_alias("population") == nullptr);
  CHECK(c.knows("poverty_rate"));
  CHECK(c.knows("share"));
  CHECK_FALSE(c.knows("shares"));
}

TEST_CASE("ids lists every indicator and alias id sorted", "[data]") {
  Catalogue c = testing::test_catalogue();
  CHECK(c.ids() == std::vector<std::string>{"population", "poverty_rate", "poverty_rate_2015",
                                            "poverty_rate_2021", "road_km", "share"});
}
