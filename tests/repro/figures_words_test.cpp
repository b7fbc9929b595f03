// What reproduce shows a planner in each language: a figures file's sections, printed figures
// and conflicting figures in the reader's language, indicators named by their names, units by
// their names, numbers in the language's style; the ids and the text as written with --codes.
#include <catch2/catch.hpp>

#include "diag/messages.h"
#include "diag/words.h"
#include "repro_fixture.h"

namespace lotrinh::repro {
namespace {

using testing::error_of;

// The fixture's indicators with names in both languages.
const data::Catalogue& named_catalogue() {
  static const data::Catalogue cat = [] {
    data::Catalogue c;
    auto add = [&](const char* id, const char* unit, const char* vi, const char* en) {
      data::Indicator ind;
      ind.id = id;
      ind.unit = unit;
      ind.name_vi = vi;
      ind.name_en = en;
      c.add(ind);
    };
    add("poverty_rate_2016", "fraction", "Tỷ lệ hộ nghèo", "Poverty rate");
    add("hygienic_water_share", "fraction", "Tỷ lệ hộ dùng nước hợp vệ sinh", "Hygienic water");
    add("twinned", "flag", "Xã kết nghĩa", "Twinned");
    add("health_station_standard", "flag", "Trạm y tế đạt chuẩn", "Health station at standard");
    add("households", "households", "Số hộ", "Households");
    return c;
  }();
  return cat;
}

const char* const kFigures = R"(
[[figure]]
id = "above-35"
section.en = "fn9, III.2"
section.vi = "chú thích 9, III.2"
label.en = "communes above 35 %"
label.vi = "số xã trên 35 %"
reported = 4
unit = "count"
aggregate = "count"
of = "poverty_rate_2016 > 0.35"
where = "twinned == 1"
year = 2016

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
id = "weighted"
section = "III.2"
label.en = "province"
label.vi = "toàn tỉnh"
reported = 15.02
unit = "percent"
aggregate = "weighted_mean"
of = "poverty_rate_2016"
weight = "households"
year = 2020

[[figure]]
id = "infrastructure"
section = "II.2"
label.en = "infrastructure"
reported = 1408.54
unit = "billion-vnd"
decimals = 2
arithmetic = "436.414 + 972.12"

[[figure]]
id = "land"
section = "II.2"
label.en = "land"
printed.en = "> 1,500 / > 580"
printed.vi = "> 1.500 / > 580"
status = "not-reproducible"
reason.en = "no land data"
reason.vi = "không có số liệu giao đất"

[[figure]]
id = "date"
section = "fn9"
label.en = "date"
printed = "28-4-2014"
status = "source-inconsistent"
figures.en = ["footnote 9: 28-4-2014", "other sources: 28-4-2017"]
figures.vi = ["chú thích 9: ngày 28-4-2014", "các nguồn khác: 28-4-2017"]
figures.vi_translated = true
)";

const FigureRow& row(const std::vector<FigureRow>& rows, const std::string& id) {
  for (const auto& r : rows)
    if (r.id == id) return r;
  FAIL("no row " << id);
  return rows.front();
}

std::vector<FigureRow> reproduce_in(diag::Lang lang, bool codes) {
  diag::set_lang(lang);
  diag::set_codes(codes);
  auto rows = reproduce_figures(config::parse_figures_file("figures.toml", kFigures), testing::table(), named_catalogue());
  diag::set_lang(diag::Lang::kEn);
  diag::set_codes(false);
  return rows;
}

TEST_CASE("under Vietnamese reproduce shows a figure's section, printed figure and conflicting figures in Vietnamese [repro]") {
  auto rows = reproduce_in(diag::Lang::kVi, false);
  CHECK(row(rows, "above-35").section == "chú thích 9, III.2");
  CHECK(row(rows, "c1").section == "III.2");
  CHECK(row(rows, "land").printed == "> 1.500 / > 580");
  CHECK(row(rows, "date").printed == "28-4-2014");
  CHECK(row(rows, "date").note == "chú thích 9: ngày 28-4-2014 so với các nguồn khác: 28-4-2017");
}

TEST_CASE("under English reproduce shows the English section, printed figure and conflicting figures [repro]") {
  auto rows = reproduce_in(diag::Lang::kEn, false);
  CHECK(row(rows, "above-35").section == "fn9, III.2");
  CHECK(row(rows, "land").printed == "> 1,500 / > 580");
  CHECK(row(rows, "date").note == "footnote 9: 28-4-2014 vs other sources: 28-4-2017");
}

TEST_CASE("under Vietnamese the how-computed column names indicators and units by their Vietnamese names [repro]") {
  auto rows = reproduce_in(diag::Lang::kVi, false);
  CHECK(row(rows, "above-35").measure ==
        "số đơn vị có Tỷ lệ hộ nghèo > 35 %, trong 4 đơn vị với điều kiện Xã kết nghĩa = có, dòng năm 2016; "
        "làm tròn đến 0 chữ số thập phân");
  CHECK(row(rows, "c1").measure == "Tỷ lệ hộ nghèo của Một, dòng năm 2020, × 100; làm tròn đến 2 chữ số thập phân");
  CHECK(row(rows, "weighted").measure ==
        "trung bình của Tỷ lệ hộ nghèo có trọng số Số hộ trên 5 đơn vị, dòng năm 2020, × 100; làm tròn đến 2 chữ số thập phân");
  CHECK(row(rows, "infrastructure").measure ==
        "các con số của chính báo cáo, không lấy từ bảng: 436,414 + 972,12; làm tròn đến 2 chữ số thập phân");
  CHECK(row(rows, "infrastructure").note ==
        "các thành phần trong chính báo cáo cho 1.408,534 nhưng báo cáo in 1.408,54: báo cáo tự mâu thuẫn");
}

TEST_CASE("under English the how-computed column names indicators and units by their English names [repro]") {
  auto rows = reproduce_in(diag::Lang::kEn, false);
  CHECK(row(rows, "above-35").measure ==
        "count of units with Poverty rate > 35 %, of 4 units where Twinned = yes, 2016 rows; rounded to 0 decimals");
  CHECK(row(rows, "c1").measure == "Poverty rate of Một, 2020 row, × 100; rounded to 2 decimals");
  CHECK(row(rows, "infrastructure").measure == "the report's own figures, not the table: 436.414 + 972.12; rounded to 2 decimals");
}

TEST_CASE("a compound condition reads with 'and' and 'or', and a negative threshold as a negative percentage [repro]") {
  const std::string text = R"toml(
[[figure]]
id = "both"
section = "II.2"
label.en = "both"
reported = 4
unit = "count"
aggregate = "count"
of = "poverty_rate_2016 > -0.05"
where = "twinned == 1 && (households >= 100 || health_station_standard != 1)"
year = 2016
)toml";
  auto file = config::parse_figures_file("figures.toml", text);
  diag::set_lang(diag::Lang::kVi);
  auto vi = reproduce_figures(file, testing::table(), named_catalogue());
  diag::set_lang(diag::Lang::kEn);
  auto en = reproduce_figures(file, testing::table(), named_catalogue());
  CHECK(row(vi, "both").measure ==
        "số đơn vị có Tỷ lệ hộ nghèo > -5 %, trong 4 đơn vị với điều kiện Xã kết nghĩa = có và (Số hộ ≥ 100 hoặc Trạm y tế đạt "
        "chuẩn = không), dòng năm 2016; làm tròn đến 0 chữ số thập phân");
  CHECK(row(en, "both").measure ==
        "count of units with Poverty rate > -5 %, of 4 units where Twinned = yes and (Households ≥ 100 or Health station at "
        "standard = no), 2016 rows; rounded to 0 decimals");
}

TEST_CASE("with --codes the how-computed column keeps the expressions and unit ids as written [repro]") {
  auto rows = reproduce_in(diag::Lang::kVi, true);
  CHECK(row(rows, "above-35").measure ==
        "số đơn vị có poverty_rate_2016 > 0.35, trong 4 đơn vị với điều kiện twinned == 1, dòng năm 2016; "
        "làm tròn đến 0 chữ số thập phân");
  CHECK(row(rows, "c1").measure == "poverty_rate_2016 của c1 (Một), dòng năm 2020, × 100; làm tròn đến 2 chữ số thập phân");
  CHECK(row(rows, "infrastructure").measure ==
        "các con số của chính báo cáo, không lấy từ bảng: 436.414 + 972.12; làm tròn đến 2 chữ số thập phân");
}

TEST_CASE("a change between two figures names them by their labels, and by their ids with --codes [repro]") {
  const std::string text = std::string(kFigures) + R"(
[[figure]]
id = "weighted-2016"
section = "III.2"
label.en = "province 2016"
label.vi = "toàn tỉnh 2016"
reported = 50
unit = "percent"
aggregate = "weighted_mean"
of = "poverty_rate_2016"
weight = "households"
year = 2016

[[figure]]
id = "fall"
section = "III.2"
label.en = "fall"
reported = 5
unit = "points"
change = "fall_per_year"
from = "weighted-2016"
to = "weighted"
)";
  auto file = config::parse_figures_file("figures.toml", text);
  diag::set_lang(diag::Lang::kVi);
  auto vi = reproduce_figures(file, testing::table(), named_catalogue());
  diag::set_codes(true);
  auto codes = reproduce_figures(file, testing::table(), named_catalogue());
  diag::set_codes(false);
  diag::set_lang(diag::Lang::kEn);
  CHECK(row(vi, "fall").measure == "(toàn tỉnh 2016 − toàn tỉnh) / 4 năm; làm tròn đến 2 chữ số thập phân");
  CHECK(row(codes, "fall").measure == "(weighted-2016 − weighted) / 4 năm; làm tròn đến 2 chữ số thập phân");
}

TEST_CASE("under Vietnamese a rounding note gives its numbers with a decimal comma [repro]") {
  diag::set_lang(diag::Lang::kVi);
  Verdict fewer = compare_printed((50.99 - 25.36) / 4, 6.4, 2, config::Rounding::kRound);
  Verdict truncated = compare_printed(125.0 / 367 * 100, 34.05, 2, config::Rounding::kRound);
  diag::set_lang(diag::Lang::kEn);
  CHECK(fewer.note == "tính được 6,41 với 2 chữ số thập phân; báo cáo in 6,4, ít hơn một chữ số thập phân");
  CHECK(truncated.note == "34,059946 làm tròn thành 34,06; báo cáo in 34,05, là giá trị bị cắt bớt");
}

TEST_CASE("figures.vi with fewer entries than figures.en is an error naming both counts [repro]") {
  CHECK(error_of("[[figure]]\nid = \"d\"\nsection = \"II.2\"\nlabel.en = \"d\"\nstatus = \"source-inconsistent\"\n"
                 "figures.en = [\"a: 1\", \"b: 2\"]\nfigures.vi = [\"a: 1\"]\n") ==
        "figures.toml:7:14: error: figure 'd': figures.vi has 1 entries but figures.en has 2\n"
        "  figures.vi = [\"a: 1\"]\n"
        "               ^\n"
        "  hint: give figures.vi one Vietnamese text for each entry of figures.en, in the same order\n");
}

TEST_CASE("transitions' change words, unknown clauses and tallies read in Vietnamese [repro]") {
  diag::set_lang(diag::Lang::kVi);
  CHECK(diag::word("transition", "stayed") == "vẫn ở khu vực III");
  CHECK(diag::word("transition", "iii-now") == "nay ở khu vực III");
  CHECK(diag::word("transition", "ended") == "không còn đơn vị");
  diag::set_codes(true);
  CHECK(diag::word("transition", "stayed") == "stayed");
  diag::set_codes(false);
  diag::set_lang(diag::Lang::kEn);
  CHECK(diag::word("transition", "stayed") == "stayed");
}

}  // namespace
}  // namespace lotrinh::repro
