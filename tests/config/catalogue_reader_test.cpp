#include "config/catalogue_reader.h"

#include <catch2/catch.hpp>

#include "diag/diagnostic.h"

using namespace lotrinh;

TEST_CASE("a catalogue reads indicators and aliases with every key", "[config]") {
  data::Catalogue c = config::parse_catalogue("i.toml", R"toml(# indicators
[indicators.poverty_rate_2016]
name.vi = "Tỷ lệ hộ nghèo (chuẩn 2016-2020)"
name.en = "Poverty rate (2016-2020 standard)"
unit = "fraction"
range = [0, 1]
csv_unit = "percent"
standard = "59/2015"
aggregate = "weighted"
weight = "households"
note = "poor / households"

[indicators.poverty_rate_2022]
name = "Poverty rate (2022-2025 standard)"
unit = "fraction"
aggregate = "weighted"
weight = "population"

[indicators.road_km]
unit = "km"
range = [0, inf]
aggregate = "max"

[aliases.poverty_rate]
name.vi = "Tỷ lệ hộ nghèo"
name.en = "Poverty rate"
periods = [ { from = 2016, until = 2020, indicator = "poverty_rate_2016" },
            { from = 2021, indicator = "poverty_rate_2022" } ]

[indicators.households]
unit = "households"
aggregate = "sum"

[indicators.population]
unit = "people"
aggregate = "sum"
)toml");
  const data::Indicator* p = c.find("poverty_rate_2016");
  REQUIRE(p);
  CHECK(p->name_vi == "Tỷ lệ hộ nghèo (chuẩn 2016-2020)");
  CHECK(p->name_en == "Poverty rate (2016-2020 standard)");
  CHECK(p->unit == "fraction");
  CHECK(p->min == 0);
  CHECK(p->max == 1);
  CHECK(p->csv_unit == "percent");
  CHECK(p->standard == "59/2015");
  CHECK(p->aggregation == data::Aggregation::kWeighted);
  CHECK(p->weight == "households");
  CHECK(p->note == "poor / households");
  CHECK(p->loc.line == 2);
  CHECK(p->loc.column == 13);
  const data::Indicator* q = c.find("poverty_rate_2022");
  REQUIRE(q);
  CHECK(q->name_en == "Poverty rate (2022-2025 standard)");
  CHECK(q->name_vi.empty());
  CHECK(q->aggregation == data::Aggregation::kWeighted);
  CHECK(q->weight == "population");
  CHECK(q->min == -1e300);  // no range: the defaults stay
  CHECK(q->csv_unit.empty());
  CHECK(c.find("road_km")->aggregation == data::Aggregation::kMax);
  CHECK(c.find("road_km")->max > 1e300);

  const data::Alias* a = c.find_alias("poverty_rate");
  REQUIRE(a);
  CHECK(a->name_vi == "Tỷ lệ hộ nghèo");
  CHECK(a->name_en == "Poverty rate");
  REQUIRE(a->periods.size() == 2);
  CHECK(a->periods[1].from_year == 2021);
  CHECK(a->periods[1].until_year == 0);
  CHECK(a->loc.line == 24);
  CHECK(c.resolve("poverty_rate", 2018) == std::optional<std::string>("poverty_rate_2016"));
  CHECK(c.resolve("poverty_rate", 2040) == std::optional<std::string>("poverty_rate_2022"));
  CHECK_FALSE(c.resolve("poverty_rate", 2015));
}

TEST_CASE("every aggregate word maps to its aggregation", "[config]") {
  data::Catalogue c = config::parse_catalogue("i.toml",
      "[indicators.a]\naggregate = \"none\"\n[indicators.b]\naggregate = \"sum\"\n[indicators.c]\naggregate = \"min\"\n"
      "[indicators.d]\naggregate = \"any\"\n[indicators.e]\nunit = \"count\"\n");
  CHECK(c.find("a")->aggregation == data::Aggregation::kNone);
  CHECK(c.find("b")->aggregation == data::Aggregation::kSum);
  CHECK(c.find("c")->aggregation == data::Aggregation::kMin);
  CHECK(c.find("d")->aggregation == data::Aggregation::kAny);
  CHECK(c.find("e")->aggregation == data::Aggregation::kNone);
}

TEST_CASE("a catalogue that cannot be opened is an error naming the file", "[config]") {
  CHECK_THROWS_AS(config::read_catalogue("/nonexistent/indicators.toml"), diag::InputError);
}
