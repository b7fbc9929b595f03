#include <catch2/catch.hpp>

#include <tuple>

#include "config/rule_file_reader.h"
#include "diag/messages.h"
#include "diag/words.h"
#include "repro/transitions.h"
#include "repro_fixture.h"
#include "rules/rule_library.h"

namespace lotrinh::repro {
namespace {

// Before: region III at 50 % poverty or more; between 30 % and 50 % it rests on a clause whose
// text is not known. After: region III at 25.5 % or more.
const char* const kBefore = R"(
[ruleset]
id = "old"
kind = "commune-region"
level = "commune"
status = "superseded"
effective = { from = 2016-01-01, until = 2020-12-30 }
[criteria.region_iii]
any = [ "poverty_rate_2016 >= 0.5",
        { all = [ "poverty_rate_2016 >= 0.3", { unknown = "condition 2: text not found" } ] } ]
[classification.region]
order = [ { class = "III", when = "region_iii" }, { class = "other" } ]
)";

const char* const kAfter = R"(
[ruleset]
id = "new"
kind = "commune-region"
level = "commune"
status = "in-force"
effective = { from = 2020-12-31 }
[criteria]
region_iii = "poverty_rate_2016 >= 0.255"
[classification.region]
order = [ { class = "III", when = "region_iii" }, { class = "other" } ]
)";

struct Fixture {
  rules::RuleLibrary lib{testing::catalogue()};
  Fixture() {
    lib.add(config::parse_rule_file("old.toml", kBefore));
    lib.add(config::parse_rule_file("new.toml", kAfter));
  }
  Transitions run(const TransitionSpec& spec = {}) {
    return region_transitions(testing::table(), lib.get("old"), 2016, lib.get("new"), 2020, spec);
  }
};

const TransitionRow& row(const Transitions& t, const std::string& unit) {
  for (const auto& r : t.rows)
    if (r.unit == unit) return r;
  FAIL("no row " << unit);
  return t.rows.front();
}

TEST_CASE("transitions list the twinned communes with who left stayed or is unknown [repro]") {
  Fixture f;
  Transitions t = f.run();
  REQUIRE(t.rows.size() == 4);  // c5 is not twinned
  CHECK(row(t, "c1").change == "stayed");
  CHECK(row(t, "c2").change == "left");
  CHECK(row(t, "c2").class_before == "III");
  CHECK(row(t, "c2").class_after == "other");
  CHECK(row(t, "c3").change == "not-iii-now");
  CHECK(row(t, "c3").class_before == "unknown");
  CHECK(row(t, "c4").change == "stayed");
  CHECK(t.counts["stayed"] == 2);
  CHECK(t.counts["left"] == 1);
}

TEST_CASE("the why columns name the deciding clause with its values [repro]") {
  Fixture f;
  Transitions t = f.run();
  CHECK(row(t, "c2").why_after == "poverty_rate_2016 0.2 (20 %), needs ≥ 0.255: 5.5 points short");
  CHECK(row(t, "c2").why_before == "poverty_rate_2016 0.5 (50 %), needs ≥ 0.5: exactly at the threshold");
  CHECK(row(t, "c3").why_before == "condition 2: text not found");
}

TEST_CASE("the notes set the report's count beside the computed one [repro]") {
  Fixture f;
  TransitionSpec spec;
  spec.reported_left = 3;
  spec.reported_of = 4;
  spec.reported_where = "III.1";
  Transitions t = f.run(spec);
  REQUIRE(t.notes.size() == 8);
  CHECK(t.notes[0] == "4 units have twinned = 1 in 2016 or 2020 (4 in 2016, 4 in 2020)");
  CHECK(t.notes[1] == "old with the 2016 rows: region_iii true for 3, false for 0, unknown for 1 of the 4 twinned then");
  CHECK(t.notes[6] ==
        "the report (III.1) says 3 of 4 communes left special-difficulty status, so 1 remain; under new with the 2020 "
        "rows, 2 of the twinned communes are not region III, 2 are and 0 are unknown (4 twinned)");
  CHECK(t.notes[7] ==
        "the counts differ from the report's: its exits come from the official lists, by a measure it does not define, "
        "not from classifying these data under new; definitely region III under old in 2016 and not under new in 2020: 1 communes");
  spec.reported_left = 2;
  CHECK(f.run(spec).notes[7] == "the counts agree with the report's; whether they are the same communes, the report does not say");
}

TEST_CASE("a twinned commune with no row in the later year has ended [repro]") {
  Fixture f;
  data::CommuneTable t = data::parse_commune_table("merged.csv",
      "commune,year,poverty_rate_2016,twinned\n"
      "a,2016,0.6,1\n"
      "b,2016,0.6,1\n"
      "b,2020,0.3,1\n",
      testing::catalogue(), data::CsvDialect::kRfc4180);
  Transitions tr = region_transitions(t, f.lib.get("old"), 2016, f.lib.get("new"), 2020);
  REQUIRE(tr.rows.size() == 2);
  CHECK(tr.rows[0].change == "ended");
  CHECK(tr.rows[0].class_after == "");
  CHECK(tr.rows[1].change == "stayed");
  CHECK(tr.notes[3] == "left 0, stayed 1, entered 0, outside 0, iii-now 0, not-iii-now 0, unknown 0, ended 1");
}

TEST_CASE("a rule set without the followed criterion is an error [repro]") {
  Fixture f;
  TransitionSpec spec;
  spec.criterion = "region_3";
  try {
    f.run(spec);
    FAIL("no error");
  } catch (const diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "old.toml: error: rule set 'old' has no classification 'region' or no criterion 'region_3'\n"
          "  hint: the transitions table follows one class through two rule sets that both define it\n");
  }
}

// The same rule sets with Vietnamese titles, over indicators with Vietnamese names.
const char* const kBeforeVi = R"toml(
[ruleset]
id = "old"
kind = "commune-region"
level = "commune"
status = "superseded"
effective = { from = 2016-01-01, until = 2020-12-30 }
[criteria.region_iii]
title.vi = "Xã khu vực III"
any = [ "poverty_rate_2016 >= 0.5",
        { all = [ "poverty_rate_2016 >= 0.3",
                  { unknown = "condition 2: text not found", title.vi = "điều kiện 2: chưa tìm thấy văn bản" } ] } ]
[classification.region]
order = [ { class = "III", when = "region_iii" }, { class = "other" } ]
)toml";

const char* const kAfterVi = R"toml(
[ruleset]
id = "new"
kind = "commune-region"
level = "commune"
source = "Quyết định mới (31/12/2020)"
status = "in-force"
effective = { from = 2020-12-31 }
[criteria.region_iii]
title.vi = "Xã khu vực III (xã đặc biệt khó khăn)"
all = [ "poverty_rate_2016 >= 0.255" ]
[classification.region]
order = [ { class = "III", when = "region_iii" }, { class = "other" } ]
)toml";

const data::Catalogue& named_catalogue() {
  static const data::Catalogue cat = [] {
    data::Catalogue c;
    for (auto [id, unit, vi] : {std::tuple{"poverty_rate_2016", "fraction", "Tỷ lệ hộ nghèo"}, std::tuple{"twinned", "flag", "Xã kết nghĩa"},
                                std::tuple{"health_station_standard", "flag", "Trạm y tế đạt chuẩn"},
                                std::tuple{"households", "households", "Số hộ"}}) {
      data::Indicator ind;
      ind.id = id;
      ind.unit = unit;
      ind.name_vi = vi;
      ind.name_en = id;
      c.add(ind);
    }
    return c;
  }();
  return cat;
}

TEST_CASE("under Vietnamese the transitions' notes and reasons name the flag, criterion and unknown clause in Vietnamese [repro]") {
  rules::RuleLibrary lib{named_catalogue()};
  lib.add(config::parse_rule_file("old.toml", kBeforeVi));
  lib.add(config::parse_rule_file("new.toml", kAfterVi));
  diag::set_lang(diag::Lang::kVi);
  Transitions t = region_transitions(testing::table(), lib.get("old"), 2016, lib.get("new"), 2020);
  diag::set_codes(true);
  Transitions codes = region_transitions(testing::table(), lib.get("old"), 2016, lib.get("new"), 2020);
  diag::set_codes(false);
  diag::set_lang(diag::Lang::kEn);
  CHECK(t.notes[0] == "4 đơn vị có Xã kết nghĩa = có trong năm 2016 hoặc 2020 (4 năm 2016, 4 năm 2020)");
  CHECK(t.notes[1] == "old với dữ liệu năm 2016: Xã khu vực III: đạt với 3, không đạt với 0, chưa xác định với 1 trong số 4 xã được kết nghĩa khi đó");
  CHECK(t.notes[4] == "ra khỏi khu vực III 1, vẫn ở khu vực III 2, vào khu vực III 0, ngoài khu vực III 0, nay ở khu vực III 0, "
                      "nay ngoài khu vực III 1, chưa xác định 0, không còn đơn vị 0");
  CHECK(row(t, "c3").why_before == "điều kiện 2: chưa tìm thấy văn bản");
  // A rule set by the law it restates (its source), or its id when it names none.
  CHECK(t.before_id == "old");
  CHECK(t.after_id == "Quyết định mới (31/12/2020)");
  CHECK(t.notes[2] == "Quyết định mới (31/12/2020) với dữ liệu năm 2020: Xã khu vực III (xã đặc biệt khó khăn): đạt với 2, không đạt "
                      "với 2, chưa xác định với 0 trong số 4 xã được kết nghĩa khi đó");
  CHECK(codes.after_id == "new");
  CHECK(codes.notes[0] == "4 đơn vị có twinned = 1 trong năm 2016 hoặc 2020 (4 năm 2016, 4 năm 2020)");
  CHECK(codes.notes[1] == "old với dữ liệu năm 2016: region_iii: đạt với 3, không đạt với 0, chưa xác định với 1 trong số 4 xã được kết nghĩa khi đó");
  CHECK(row(codes, "c3").why_before == "condition 2: text not found");
}

}  // namespace
}  // namespace lotrinh::repro
