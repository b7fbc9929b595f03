// Problems in the units tables that keep the Kon Tum estimate from running, each reported with
// its place and a hint.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "diag/diagnostic.h"
#include "diag/text_file.h"
#include "estimate/kontum_estimator.h"

using namespace lotrinh;

namespace {

namespace fs = std::filesystem;

const std::string kDir = std::string(LOTRINH_SOURCE_HOME) + "/scenarios/kontum";

struct Edit {
  std::string file, from, to;
};

// A copy of the units tables in a fresh folder, with each edit's first `from` replaced.
std::string edited_copy(const std::string& name, const std::vector<Edit>& edits) {
  const fs::path dir = fs::temp_directory_path() / ("lotrinh-estimate-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* f : {"units.csv", "units_2025.csv", "lineage.csv", "districts.csv", "district_centres.csv",
                        "district_borders.csv", "roads.csv", "estimate-inputs.csv", "poverty-review-2021.csv",
                        "report-141-figures.toml"}) {
    std::string text = diag::read_file(kDir + "/" + f);
    for (const auto& e : edits)
      if (e.file == f) {
        const size_t at = text.find(e.from);
        REQUIRE(at != std::string::npos);
        text.replace(at, e.from.size(), e.to);
      }
    std::ofstream(dir / f, std::ios::binary) << text;
  }
  return dir.string();
}

std::vector<diag::Diagnostic> errors(const std::string& dir) {
  try {
    estimate::estimate_kontum(dir);
  } catch (const diag::InputError& e) {
    return e.diagnostics();
  }
  return {};
}

void check_place(const diag::Diagnostic& d, const std::string& file, int line, int column) {
  REQUIRE(d.where.file);
  CHECK(fs::path(d.where.file->path).filename() == file);
  CHECK(d.where.line == line);
  CHECK(d.where.column == column);
}

}  // namespace

TEST_CASE("a units table without a column the estimate reads is refused at its header", "[estimate]") {
  auto ds = errors(edited_copy("column", {{"units.csv", ",twinned_rule,", ",rule,"}}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "the table has no column 'twinned_rule', which the Kon Tum estimate reads");
  CHECK(ds[0].hint == "add the column as scenarios/kontum/README.md describes it");
  check_place(ds[0], "units.csv", 1, 1);
}

TEST_CASE("a twinned flag other than 0 or 1 is refused at its cell", "[estimate]") {
  auto ds = errors(edited_copy("flag", {{"units.csv", "Ngọc Linh,commune,dak-glei,Đăk Glei,,2025-07-01,xa-ngoc-linh-2025,,,1,,,1,1,",
                        "Ngọc Linh,commune,dak-glei,Đăk Glei,,2025-07-01,xa-ngoc-linh-2025,,,1,,,yes,1,"}}));
  REQUIRE(ds.size() >= 1);
  CHECK(ds[0].message == "'yes' in column 'twinned_2016' is not 0 or 1");
  CHECK(ds[0].hint == "write 1 for yes or 0 for no");
  check_place(ds[0], "units.csv", 31, 89);
}

TEST_CASE("a poor-district period that is not first-last years is refused", "[estimate]") {
  auto ds = errors(edited_copy("period", {{"districts.csv", "2018-2020;2021-2025", "2018-2020;2021"}}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "'2021' is not a period such as 2018-2020");
  CHECK(ds[0].hint == "write periods as first-last years, separated by ';', such as 2018-2020;2021-2025");
  CHECK(ds[0].where.line == 6);
}

TEST_CASE("a unit in a district the 2021 review does not cover is refused", "[estimate]") {
  auto ds = errors(edited_copy("district", {{"units.csv", "tt-dak-glei,23341,Đắk Glei,town,dak-glei,", "tt-dak-glei,23341,Đắk Glei,town,dak-gley,"}}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "district 'dak-gley' of unit 'tt-dak-glei' is not in the 2021 district poverty review");
  CHECK(ds[0].hint ==
        "the review covers the districts dak-glei, ngoc-hoi, dak-to, dak-ha, sa-thay, kon-tum, kon-ray, kon-plong, "
        "tu-mo-rong, ia-hdrai: put the unit in one of them");
  check_place(ds[0], "units.csv", 23, 1);
}

TEST_CASE("a units table that does not twin 51 communes is refused", "[estimate]") {
  auto ds = errors(edited_copy("count", {{"units.csv", "xa-dak-pek-2025,,,1,,,0,0,", "xa-dak-pek-2025,,,1,,,0,1,"}}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "52 units of 2020 are flagged in column 'twinned_2021', but report 141-BC/TU twins 51 communes");
  CHECK(ds[0].hint ==
        "the report's averages are over 51 communes: flag exactly 51 (rules T1-T8 of scenarios/kontum/README.md)");
  check_place(ds[0], "units.csv", 0, 0);
}

TEST_CASE("a units table without a commune whose rate the report gives is refused", "[estimate]") {
  auto ds = errors(edited_copy("missing", {{"units.csv", "muong-hoong,", "muong-hoongx,"},
                                           {"lineage.csv", "muong-hoong,", "muong-hoongx,"}}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "no twinned unit 'muong-hoong' exists in 2020, but report 141-BC/TU (III.2) gives its poverty rate");
  CHECK(ds[0].hint == "keep the unit in the units table with this slug, flagged twinned_2021 = 1");
}

TEST_CASE("a unit of 2020 with no unit of 2016 behind it is refused", "[estimate]") {
  auto ds = errors(edited_copy("new-unit", {{"units.csv", "Sa Nghĩa,commune,sa-thay,Sa Thầy,,", "Sa Nghĩa,commune,sa-thay,Sa Thầy,2018-01-01,"}}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message ==
        "unit 'sa-nghia' exists at the end of 2020 but neither it nor a unit it continues existed at the end of 2016");
  CHECK(ds[0].hint == "add a lineage row from the 2016 unit it continues, or correct its 'from' date");
  check_place(ds[0], "units.csv", 86, 1);
}

TEST_CASE("a district left without units cannot take its households and is refused", "[estimate]") {
  auto ds = errors(edited_copy("empty-district", {{"units.csv", "ia-dal,23535,Ia Đal,commune,ia-hdrai,", "ia-dal,23535,Ia Đal,commune,sa-thay,"},
                                                  {"units.csv", "ia-dom,23537,Ia Dom,commune,ia-hdrai,", "ia-dom,23537,Ia Dom,commune,sa-thay,"},
                                                  {"units.csv", "ia-toi,23538,Ia Tơi,commune,ia-hdrai,", "ia-toi,23538,Ia Tơi,commune,sa-thay,"}}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "the estimate cannot split the households of ia-hdrai within the bounds it keeps");
  CHECK(ds[0].hint ==
        "check the units of ia-hdrai in the units table; the other inputs are fixed figures of the sources");
  CHECK(ds[0].subject == "estimate");
}

TEST_CASE("the dataset is written to both files of the output folder", "[estimate]") {
  const fs::path out = fs::temp_directory_path() / "lotrinh-estimate-test-out";
  fs::remove_all(out);
  fs::create_directories(out);
  estimate::write_kontum_dataset(kDir, out.string());
  const auto d = estimate::estimate_kontum(kDir);
  CHECK(diag::read_file((out / "communes.csv").string()) == d.communes_csv);
  CHECK(diag::read_file((out / "provenance.csv").string()) == d.provenance_csv);
}

TEST_CASE("an input the estimate reads that is missing from estimate-inputs.csv is refused", "[estimate]") {
  auto ds = errors(edited_copy("no-input", {{"estimate-inputs.csv", "near_poor_households_2021,", "near_poor_households_2022,"}}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "the table has no row 'near_poor_households_2021', which the Kon Tum estimate reads");
  CHECK(ds[0].hint == "add the row key,value,source as scenarios/kontum/DATA.md (\"Inputs\") describes it");
  check_place(ds[0], "estimate-inputs.csv", 1, 1);
}

TEST_CASE("an input that is not a plain decimal is refused at its cell", "[estimate]") {
  auto ds = errors(edited_copy("bad-input", {{"estimate-inputs.csv", "poverty_rate_2020_percent,10.29,", "poverty_rate_2020_percent,10.29 %,"}}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "'10.29 %' (poverty_rate_2020_percent) is not a plain decimal number");
  CHECK(ds[0].hint == "write digits with at most 2 decimals after a point, such as 10.29, without a unit or separators");
  check_place(ds[0], "estimate-inputs.csv", 5, 27);
}

TEST_CASE("a figure of the report the estimate is fitted to that the figures file lacks is refused", "[estimate]") {
  auto ds = errors(edited_copy("no-figure", {{"report-141-figures.toml", "id = \"water-now\"", "id = \"water-today\""}}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message ==
        "the figures file has no figure 'water-now' with a reported number, which the Kon Tum estimate is fitted to");
  CHECK(ds[0].hint == "keep the figure with this id and its 'reported' number (scenarios/kontum/DATA.md, \"Inputs\")");
  check_place(ds[0], "report-141-figures.toml", 1, 1);
}

TEST_CASE("the estimate reads its targets from the figures file: a changed figure changes the fit", "[estimate]") {
  const std::string dir = edited_copy("other-figure", {{"report-141-figures.toml", "reported = 74.94", "reported = 76.5"}});
  const auto d = estimate::estimate_kontum(dir);
  CHECK(d.provenance_csv.find("shifted to the plain mean 76.50 % (141-BC/TU II.3)") != std::string::npos);
  CHECK(d.provenance_csv.find("74.94") == std::string::npos);
}
