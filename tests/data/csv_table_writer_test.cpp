#include "data/csv_table_writer.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "data/csv_table_reader.h"
#include "test_catalogue.h"

using namespace lotrinh::data;

namespace {

CommuneTable sample() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CommuneTable t;
  t.unit = {"ngoc-linh", "mang-canh", "xa \"B\""};
  t.year = {2020, 2020, 2021};
  t.name = {"Ngọc Linh, xã", "Măng\nCành", ""};
  t.district = {"", "", ""};
  t.columns = {"share", "road_km"};
  t.values["share"] = {0.1 + 0.2, nan, 1.0 / 3};
  t.values["road_km"] = {1e-05, 123456789.125, 5e+20};
  return t;
}

}  // namespace

TEST_CASE("the writer quotes where needed and writes shortest numbers and empty missing cells", "[data]") {
  CHECK(write_commune_csv(sample()) ==
        "commune,year,name,share,road_km\n"
        "ngoc-linh,2020,\"Ngọc Linh, xã\",0.30000000000000004,1e-05\n"
        "mang-canh,2020,\"Măng\nCành\",,123456789.125\n"
        "\"xa \"\"B\"\"\",2021,,0.3333333333333333,5e+20\n");
}

TEST_CASE("lotrinh reads back every CSV it writes with identical values", "[data]") {
  CommuneTable t = sample();
  CommuneTable back = parse_commune_table("w.csv", write_commune_csv(t), testing::test_catalogue(),
                                          CsvDialect::kRfc4180);
  CHECK(back.unit == t.unit);
  CHECK(back.year == t.year);
  CHECK(back.name == t.name);
  CHECK(back.district == t.district);
  CHECK(back.columns == t.columns);
  for (const auto& id : t.columns) {
    const auto& a = t.values.at(id);
    const auto& b = *back.column(id);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      INFO(id << " row " << i);
      if (std::isnan(a[i])) CHECK(std::isnan(b[i]));
      else CHECK(a[i] == b[i]);
    }
  }
}
