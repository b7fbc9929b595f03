#pragma once
// A small catalogue, a handmade commune table and inline figures files for the repro tests.
#include <string>

#include "../common/catalogue_of.h"
#include "config/figures_reader.h"
#include "data/catalogue.h"
#include "data/commune_table.h"
#include "data/csv_table_reader.h"
#include "diag/diagnostic.h"
#include "repro/figures.h"

namespace lotrinh::repro::testing {

/// poverty_rate_2016, hygienic_water_share (fractions), twinned, health_station_standard
/// (flags), households.
inline const data::Catalogue& catalogue() {
  static const data::Catalogue cat = lotrinh::testing::catalogue_of(
      {{"poverty_rate_2016", "fraction"}, {"hygienic_water_share", "fraction"}, {"twinned", "flag"},
       {"health_station_standard", "flag"}, {"households", "households"}});
  return cat;
}

/// Four twinned communes (c1-c4) and one other (c5), 2016 and 2020. Plain means of the twinned
/// communes' poverty: 50.99 % in 2016, 25.36 % in 2020; household-weighted over all five in
/// 2020: 15.016 %. Health stations at standard in 2020: 3 of the 4.
inline const data::CommuneTable& table() {
  static const data::CommuneTable t = data::parse_commune_table("communes.csv",
      "commune,year,name,district,poverty_rate_2016,twinned,health_station_standard,households\n"
      "c1,2016,Một,d1,0.6,1,0,100\n"
      "c2,2016,Hai,d1,0.5,1,0,200\n"
      "c3,2016,Ba,d2,0.4396,1,1,300\n"
      "c4,2016,Bốn,d2,0.5,1,0,400\n"
      "c5,2016,Năm,d2,0.1,0,1,1000\n"
      "c1,2020,Một,d1,0.3,1,1,100\n"
      "c2,2020,Hai,d1,0.2,1,1,200\n"
      "c3,2020,Ba,d2,0.2544,1,1,300\n"
      "c4,2020,Bốn,d2,0.26,1,0,400\n"
      "c5,2020,Năm,d2,0.05,0,1,1000\n",
      catalogue(), data::CsvDialect::kRfc4180);
  return t;
}

/// The rows reproduced from a figures file given as text (named figures.toml).
inline std::vector<FigureRow> reproduce(const std::string& text) {
  return reproduce_figures(config::parse_figures_file("figures.toml", text), table(), catalogue());
}

/// The error text (as the CLI prints it) of reading and reproducing `text`, or "".
inline std::string error_of(const std::string& text) {
  try {
    reproduce(text);
  } catch (const diag::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace lotrinh::repro::testing
