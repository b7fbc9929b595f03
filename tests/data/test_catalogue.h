#pragma once
// A small indicator catalogue shared by the data tests.
#include "data/catalogue.h"

namespace lotrinh::data::testing {

/// poverty_rate_2015 / _2021 (percent in CSV, fraction inside), alias poverty_rate, population,
/// road_km (no upper bound) and share (a fraction written as a fraction).
inline Catalogue test_catalogue() {
  Catalogue c;
  Indicator p15;
  p15.id = "poverty_rate_2015";
  p15.unit = "fraction";
  p15.min = 0;
  p15.max = 1;
  p15.csv_unit = "percent";
  p15.standard = "59/2015";
  c.add(p15);
  Indicator p21 = p15;
  p21.id = "poverty_rate_2021";
  p21.standard = "07/2021";
  c.add(p21);
  Indicator pop;
  pop.id = "population";
  pop.unit = "people";
  pop.min = 0;
  pop.max = 1e7;
  c.add(pop);
  Indicator road;
  road.id = "road_km";
  road.unit = "km";
  road.min = 0;
  c.add(road);
  Indicator share;
  share.id = "share";
  share.unit = "fraction";
  share.min = 0;
  share.max = 1;
  c.add(share);
  Alias alias;
  alias.id = "poverty_rate";
  alias.periods = {{2016, 2020, "poverty_rate_2015"}, {2021, 0, "poverty_rate_2021"}};
  c.add(alias);
  return c;
}

}  // namespace lotrinh::data::testing
