#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "config/catalogue_reader.h"
#include "config/figures_reader.h"
#include "data/csv_table_reader.h"
#include "repro/figures.h"

#ifndef LOTRINH_SOURCE_HOME
#define LOTRINH_SOURCE_HOME "."
#endif

namespace lotrinh::repro {
namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;
const std::string kFigures = kHome + "/scenarios/kontum/report-141-figures.toml";

TEST_CASE("the bundled figures file of report 141 reads without errors [repro]") {
  config::FiguresFile f = config::read_figures_file(kFigures);
  CHECK(f.report_id == "141-BC/TU");
  CHECK(f.figures.size() >= 50);
  int inconsistent = 0;
  for (const auto& x : f.figures) inconsistent += x.kind == config::FigureKind::kSourceInconsistent;
  CHECK(inconsistent == 3);  // reassignments, the date of Decision 582, the exits
}

TEST_CASE("reproduce over the shipped Kon Tum dataset computes at least 25 figures and no mismatch [repro]") {
  const std::string data = kHome + "/scenarios/kontum/communes.csv";
  REQUIRE(std::filesystem::exists(data));
  data::Catalogue catalogue = config::read_catalogue(kHome + "/rules/indicators.toml");
  data::CommuneTable table = data::read_commune_table(data, catalogue, data::CsvDialect::kRfc4180);
  auto rows = reproduce_figures(config::read_figures_file(kFigures), table, catalogue);
  int from_data = 0;
  for (const auto& r : rows) {
    INFO(r.id << ": " << status_word(r.status) << ", " << r.note);
    CHECK(r.status != Status::kMismatch);
    bool computed = r.status == Status::kMatch || r.status == Status::kMatchRounding;
    from_data += computed && r.basis == Basis::kData;
  }
  CHECK(from_data >= 25);
}

}  // namespace
}  // namespace lotrinh::repro
