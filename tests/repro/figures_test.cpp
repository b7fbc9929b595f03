#include <catch2/catch.hpp>

#include "repro_fixture.h"

namespace lotrinh::repro {
namespace {

using config::Rounding;
using testing::reproduce;

const FigureRow& row(const std::vector<FigureRow>& rows, const std::string& id) {
  for (const auto& r : rows)
    if (r.id == id) return r;
  FAIL("no row " << id);
  return rows.front();
}

const char* const kFigures = R"(
[report]
id = "test"

[[figure]]
id = "poverty-2016"
section = "II.2"
label.en = "poverty 2016"
reported = 50.99
unit = "percent"
aggregate = "mean"
of = "poverty_rate_2016"
where = "twinned == 1"
year = 2016

[[figure]]
id = "poverty-2020"
section = "II.2"
label.en = "poverty 2020"
reported = 25.36
unit = "percent"
aggregate = "mean"
of = "poverty_rate_2016"
where = "twinned == 1"
year = 2020

[[figure]]
id = "poverty-per-year"
section = "II.2"
label.en = "points a year"
reported = 6.4
unit = "points"
change = "fall_per_year"
from = "poverty-2016"
to = "poverty-2020"

[[figure]]
id = "province"
section = "III.2"
label.en = "province, weighted"
reported = 15.02
unit = "percent"
aggregate = "weighted_mean"
of = "poverty_rate_2016"
weight = "households"
year = 2020

[[figure]]
id = "stations"
section = "II.3"
label.en = "stations at standard"
reported = 3
unit = "count"
aggregate = "count"
of = "health_station_standard == 1"
where = "twinned == 1"
year = 2020

[[figure]]
id = "c1"
section = "III.2"
label.en = "c1"
reported = 30
unit = "percent"
aggregate = "value"
of = "poverty_rate_2016"
commune = "c1"
year = 2020

[[figure]]
id = "water"
section = "II.3"
label.en = "water"
reported = 75.1
unit = "percent"
aggregate = "mean"
of = "hygienic_water_share"
year = 2016

[[figure]]
id = "cells"
section = "II.5"
label.en = "125 of 367"
reported = 34.05
unit = "percent"
arithmetic = "125 / 367 * 100"

[[figure]]
id = "committees"
section = "II.5"
label.en = "8 + 39 + 4"
reported = 51
unit = "count"
arithmetic = "8 + 39 + 4"

[[figure]]
id = "infrastructure"
section = "II.2"
label.en = "1,408.54 = 436.414 + 972.12"
reported = 1408.54
unit = "billion-vnd"
decimals = 2
arithmetic = "436.414 + 972.12"

[[figure]]
id = "reassignments"
section = "I.2.1"
label.en = "reassignments"
status = "source-inconsistent"
figures = ["I.2.1: 9 reassigned, 4 added", "fn5-6: 8 reassigned, 5 added"]

[[figure]]
id = "party"
section = "II.5"
label.en = "party members"
reported = 7220
unit = "count"
status = "not-reproducible"
reason = "no party data in the dataset"
)";

TEST_CASE("a value equal as printed is a match and one off by a digit is a mismatch [repro]") {
  CHECK(compare_printed(50.99, 50.99, 2, Rounding::kRound).status == Status::kMatch);
  CHECK(compare_printed(81.0 - 1e-12, 81, 2, Rounding::kTruncate).status == Status::kMatch);
  Verdict v = compare_printed(50.98, 50.99, 2, Rounding::kRound);
  CHECK(v.status == Status::kMismatch);
  CHECK(v.note == "computed 50.98, the report prints 50.99: the dataset does not reproduce this figure");
}

TEST_CASE("6.41 printed as 6.4 is match-rounding at one decimal fewer [repro]") {
  Verdict v = compare_printed((50.99 - 25.36) / 4, 6.4, 2, Rounding::kRound);
  CHECK(v.status == Status::kMatchRounding);
  CHECK(v.note == "computed 6.41 at 2 decimals; the report prints 6.4, one decimal fewer");
}

TEST_CASE("125 of 367 printed as 34.05 is match-rounding because the report truncates [repro]") {
  Verdict v = compare_printed(125.0 / 367 * 100, 34.05, 2, Rounding::kRound);
  CHECK(v.status == Status::kMatchRounding);
  CHECK(v.note == "34.059946 rounds to 34.06; the report prints 34.05, the value truncated");
  CHECK(compare_printed(125.0 / 367 * 100, 34.05, 2, Rounding::kTruncate).status == Status::kMatch);
  CHECK(compare_printed(125.0 / 367 * 100, 34.04, 2, Rounding::kRound).status == Status::kMismatch);
}

TEST_CASE("printed values round half away from zero or truncate [repro]") {
  CHECK(printed_value(34.0599, 2, Rounding::kRound) == Approx(34.06));
  CHECK(printed_value(34.0599, 2, Rounding::kTruncate) == Approx(34.05));
  CHECK(printed_value(0.81 * 100, 0, Rounding::kTruncate) == 81);
  CHECK(printed_value(2.5, 0, Rounding::kRound) == 3);
}

TEST_CASE("figures over a handmade table get their statuses from the computed values [repro]") {
  auto rows = reproduce(kFigures);
  REQUIRE(rows.size() == 12);
  const FigureRow& p16 = row(rows, "poverty-2016");
  CHECK(p16.computed == Approx(50.99));
  CHECK(p16.units == 4);
  CHECK(p16.status == Status::kMatch);
  CHECK(p16.basis == Basis::kData);
  CHECK(p16.measure == "plain mean of poverty_rate_2016 over 4 units where twinned = yes, 2016 rows, × 100; rounded to 2 decimals");
  CHECK(row(rows, "poverty-2020").status == Status::kMatch);
  const FigureRow& per_year = row(rows, "poverty-per-year");
  CHECK(per_year.computed == Approx(6.4075));
  CHECK(per_year.status == Status::kMatchRounding);
  CHECK(per_year.measure == "(poverty 2016 − poverty 2020) / 4 years; rounded to 2 decimals");
  const FigureRow& province = row(rows, "province");
  CHECK(province.computed == Approx(15.016));
  CHECK(province.units == 5);
  CHECK(province.status == Status::kMatch);
  CHECK(province.measure == "mean of poverty_rate_2016 weighted by households over 5 units, 2020 rows, × 100; rounded to 2 decimals");
  CHECK(row(rows, "stations").computed == 3);
  CHECK(row(rows, "stations").status == Status::kMatch);
  CHECK(row(rows, "c1").computed == Approx(30));
  CHECK(row(rows, "c1").status == Status::kMatch);
  CHECK(row(rows, "c1").measure == "poverty_rate_2016 of Một, 2020 row, × 100; rounded to 2 decimals");
}

TEST_CASE("arithmetic over the report's own numbers is said to come from the report [repro]") {
  auto rows = reproduce(kFigures);
  const FigureRow& cells = row(rows, "cells");
  CHECK(cells.basis == Basis::kReport);
  CHECK(cells.status == Status::kMatchRounding);
  CHECK(cells.measure == "the report's own figures, not the table: 125 / 367 * 100; rounded to 2 decimals");
  CHECK(row(rows, "committees").status == Status::kMatch);
  CHECK(row(rows, "committees").computed == 51);
}

TEST_CASE("arithmetic whose parts do not give the report's total is the report disagreeing with itself [repro]") {
  auto rows = reproduce(kFigures);
  const FigureRow& infra = row(rows, "infrastructure");
  CHECK(infra.status == Status::kSourceInconsistent);
  CHECK(infra.note == "the report's own parts give 1,408.534 but it prints 1,408.54: the report disagrees with itself");
}

TEST_CASE("source-inconsistent and not-reproducible figures carry both figures or the reason [repro]") {
  auto rows = reproduce(kFigures);
  const FigureRow& re = row(rows, "reassignments");
  CHECK(re.status == Status::kSourceInconsistent);
  CHECK(re.note == "I.2.1: 9 reassigned, 4 added vs fn5-6: 8 reassigned, 5 added");
  CHECK(std::isnan(re.computed));
  const FigureRow& party = row(rows, "party");
  CHECK(party.status == Status::kNotReproducible);
  CHECK(party.note == "no party data in the dataset");
  CHECK(*party.reported == 7220);
  CHECK(std::string(status_word(party.status)) == "not-reproducible");
}

TEST_CASE("a figure reading a column the table lacks is not reproducible and says which [repro]") {
  auto rows = reproduce(kFigures);
  const FigureRow& water = row(rows, "water");
  CHECK(water.status == Status::kNotReproducible);
  CHECK(water.note == "the table has no column 'hygienic_water_share'");
}

TEST_CASE("a unit's value in a year the table has no row of is not reproducible [repro]") {
  std::string text = kFigures;
  text.replace(text.find("commune = \"c1\"\nyear = 2020"), 26, "commune = \"c1\"\nyear = 2019");
  auto rows = reproduce(text);
  CHECK(row(rows, "c1").status == Status::kNotReproducible);
  CHECK(row(rows, "c1").note == "the table has no rows of 2019");
}

TEST_CASE("a unit's value in a year it has no row of is not reproducible and says so [repro]") {
  data::CommuneTable t = data::parse_commune_table("t.csv",
      "commune,year,poverty_rate_2016\nc1,2016,0.3\nc2,2020,0.2\n", testing::catalogue(), data::CsvDialect::kRfc4180);
  auto file = config::parse_figures_file("f.toml",
      "[[figure]]\nid = \"v\"\nsection = \"x\"\nlabel.en = \"v\"\nreported = 30\nunit = \"percent\"\n"
      "aggregate = \"value\"\nof = \"poverty_rate_2016\"\ncommune = \"c1\"\nyear = 2020\n");
  auto rows = reproduce_figures(file, t, testing::catalogue());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].status == Status::kNotReproducible);
  CHECK(rows[0].note == "the table has no row of c1 in 2020");
}

TEST_CASE("a computed figure the data does not reproduce is a mismatch [repro]") {
  std::string text = kFigures;
  text.replace(text.find("reported = 50.99"), 16, "reported = 50.00");
  auto rows = reproduce(text);
  const FigureRow& p16 = row(rows, "poverty-2016");
  CHECK(p16.status == Status::kMismatch);
  CHECK(std::string(status_word(p16.status)) == "mismatch");
  CHECK(p16.note == "computed 50.99, the report prints 50: the dataset does not reproduce this figure");
}

}  // namespace
}  // namespace lotrinh::repro
