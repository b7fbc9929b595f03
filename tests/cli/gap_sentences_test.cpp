// check --gaps read as a planner reads it: one sentence per group of findings, with the value
// ranges in the catalogue's words, the classes and the clauses that hold, in English and
// Vietnamese; the codes and intervals in CSV.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <filesystem>
#include <string>

#include "../common/test_files.h"
#include "cli/options.h"
#include "diag/messages.h"

using lotrinh::cli::Options;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;

// Region III by (a) poverty 30 % or more or (c) more than 30 % special-difficulty villages;
// region I below 10 % poverty outside the Mekong Delta; region II from 15 % to under 30 %; no
// catch-all. So: (c) with poverty under 10 % outside the Delta overlaps region I; (c) with
// poverty from 15 % to under 30 % overlaps region II; and with at most 30 % special-difficulty
// villages, poverty from 10 % to under 15 % (or, in the Delta, under 15 %) is in no class.
const char* kRules = R"toml(
[ruleset]
id = "t.gaps"
kind = "commune-region"
level = "commune"
effective = { from = 2021-01-01 }

[criteria.a]
title.en = "(a) poverty 30 % or more"
title.vi = "(a) tỷ lệ hộ nghèo từ 30 % trở lên"
source = "Điều 1 (a)"
expr = "poverty_rate >= 0.3"

[criteria.c]
title.en = "(c) more than 30 % special-difficulty villages"
title.vi = "(c) trên 30 % số thôn là thôn đặc biệt khó khăn"
source = "Điều 1 (c)"
expr = "sd_village_share > 0.3"

[criteria.region_iii]
title.en = "Region III"
title.vi = "Khu vực III"
any = ["a", "c"]

[criteria.region_i]
title.en = "Region I: poverty under 10 %, outside the Mekong Delta"
title.vi = "Khu vực I: tỷ lệ hộ nghèo dưới 10 %, ngoài Đồng bằng sông Cửu Long"
source = "Điều 2"
all = ["poverty_rate < 0.1", "mekong_delta == 0"]

[criteria.region_ii]
title.en = "Region II: poverty from 15 % to under 30 %"
title.vi = "Khu vực II: tỷ lệ hộ nghèo từ 15 % đến dưới 30 %"
source = "Điều 3"
all = ["poverty_rate >= 0.15", "poverty_rate < 0.3"]

[classification.region]
title.en = "Region"
title.vi = "Khu vực"
order = [ { class = "III", when = "region_iii" }, { class = "I", when = "region_i" }, { class = "II", when = "region_ii" } ]

[[test]]
name = "35 % poverty is region III"
year = 2021
given = { poverty_rate = 0.35, sd_village_share = 0.1, mekong_delta = 0 }
expect = { region = "III" }

[[test]]
name = "5 % poverty outside the Delta is region I"
year = 2021
given = { poverty_rate = 0.05, sd_village_share = 0.1, mekong_delta = 0 }
expect = { region = "I" }

[[test]]
name = "20 % poverty is region II"
year = 2021
given = { poverty_rate = 0.2, sd_village_share = 0.1, mekong_delta = 0 }
expect = { region = "II" }
)toml";

// check --gaps of `path` (a rule file or id) in `format`; its output.
std::string check_gaps(const std::string& path, const std::string& format = "table", bool codes = false) {
  Options o;
  o.command = "check";
  o.paths = {path};
  o.gaps = true;
  o.format = format;
  o.codes = codes;
  o.out = lotrinh::testing::temp_path("gaps-out", format == "csv" ? ".csv" : ".txt");
  REQUIRE(lotrinh::cli::run_command(o) == 0);
  std::string out = lotrinh::testing::slurp(o.out);
  std::remove(o.out.c_str());
  if (format == "csv") {
    // CSV holds one table per file: the gap table of the test's classification is beside --out.
    const std::string stem = o.out.substr(0, o.out.size() - 4);
    for (const auto& f : std::filesystem::directory_iterator(std::filesystem::path(o.out).parent_path()))
      if (const std::string p = f.path().string(); p.rfind(stem + "-gaps-", 0) == 0) {
        out += "\n" + lotrinh::testing::slurp(p);
        std::remove(p.c_str());
      }
  }
  return out;
}

// The lines of `text` from the one starting with `head` on.
std::string from_line(const std::string& text, const std::string& head) {
  size_t at = text.find("\n" + head);
  return at == std::string::npos ? "" : text.substr(at + 1);
}

bool has_line(const std::string& text, const std::string& line) { return text.find("\n" + line + "\n") != std::string::npos; }

struct RuleFile {
  std::string path = lotrinh::testing::temp_path("gaps-rules", ".toml");
  RuleFile() { std::ofstream(path) << kRules; }
  ~RuleFile() { std::remove(path.c_str()); }
};

struct Vietnamese {
  Vietnamese() { lotrinh::diag::set_lang(lotrinh::diag::Lang::kVi); }
  ~Vietnamese() { lotrinh::diag::set_lang(lotrinh::diag::Lang::kEn); }
};

}  // namespace

TEST_CASE("check --gaps says in a sentence per group which values meet two classes and which meet none", "[cli]") {
  RuleFile file;
  std::string out = from_line(check_gaps(file.path), "Gaps and overlaps");
  // The gap is not a box (poverty under 10 % is a gap only in the Delta): it is cut in two.
  CHECK(has_line(out, "gap                 6  A commune (in the Mekong Delta: no) with share of villages that are special-difficulty "
                      "at most 30 % and multidimensional poverty rate (2022-2025 standard, Decree 07/2021) from 10 % to under 15 % "
                      "gets no class of region: no rule claims it and there is no catch-all."));
  CHECK(has_line(out, "gap                 8  A commune (in the Mekong Delta: yes) with share of villages that are special-difficulty "
                      "at most 30 % and multidimensional poverty rate (2022-2025 standard, Decree 07/2021) under 15 % "
                      "gets no class of region: no rule claims it and there is no catch-all."));
  CHECK(has_line(out, "overlap             1  A commune (in the Mekong Delta: no) with share of villages that are special-difficulty "
                      "above 30 % and multidimensional poverty rate (2022-2025 standard, Decree 07/2021) under 10 % meets both "
                      "region III (Điều 1 (c): (c) more than 30 % special-difficulty villages) and region I (Điều 2: Region I: "
                      "poverty under 10 %, outside the Mekong Delta); the order gives region III."));
  // The Delta flag takes both values here: it is not mentioned.
  CHECK(has_line(out, "overlap             6  A commune with share of villages that are special-difficulty above 30 % and "
                      "multidimensional poverty rate (2022-2025 standard, Decree 07/2021) from 15 % to under 30 % meets both "
                      "region III (Điều 1 (c): (c) more than 30 % special-difficulty villages) and region II (Điều 3: Region II: "
                      "poverty from 15 % to under 30 %); the order gives region III."));
  // 9 poverty values x 3 shares x 2 flags = 54; gaps 6 + 8, overlaps 1 + 6; four rows and no more.
  CHECK(out.find("\n\n54 of 54 combinations examined over 3 variables (each just below, at and just above every threshold; "
                 "a flag 0 and 1): 14 gaps (no class), 7 overlaps") != std::string::npos);
  size_t rows = 0;
  for (size_t at = out.find("\ngap "); at != std::string::npos; at = out.find("\ngap ", at + 1)) ++rows;
  for (size_t at = out.find("\noverlap "); at != std::string::npos; at = out.find("\noverlap ", at + 1)) ++rows;
  CHECK(rows == 4);
}

TEST_CASE("check --gaps under --lang vi words the groups in Vietnamese with the Vietnamese titles", "[cli]") {
  RuleFile file;
  Vietnamese vi;
  std::string out = from_line(check_gaps(file.path), "Khoảng trống và chồng chéo");
  CHECK(has_line(out, "khoảng trống          8  Xã (thuộc vùng Đồng bằng sông Cửu Long: có) có tỷ lệ thôn đặc biệt khó khăn từ 30 % "
                      "trở xuống và tỷ lệ hộ nghèo đa chiều (chuẩn nghèo 2022-2025, NĐ 07/2021) dưới 15 % không được xếp vào nhóm "
                      "nào của phân loại khu vực: không quy định nào nhận và không có nhóm còn lại."));
  CHECK(has_line(out, "chồng chéo            1  Xã (thuộc vùng Đồng bằng sông Cửu Long: không) có tỷ lệ thôn đặc biệt khó khăn trên "
                      "30 % và tỷ lệ hộ nghèo đa chiều (chuẩn nghèo 2022-2025, NĐ 07/2021) dưới 10 % thỏa cả khu vực III (Điều 1 "
                      "(c): (c) trên 30 % số thôn là thôn đặc biệt khó khăn) lẫn khu vực I (Điều 2: Khu vực I: tỷ lệ hộ nghèo dưới "
                      "10 %, ngoài Đồng bằng sông Cửu Long); thứ tự phân loại xếp vào khu vực III."));
  CHECK(out.find("\n\nđã xét 54 trong 54 tổ hợp của 3 biến") != std::string::npos);
}

TEST_CASE("check --gaps --codes names the indicators and clauses by their ids", "[cli]") {
  RuleFile file;
  std::string out = check_gaps(file.path, "table", true);
  CHECK(out.find("  A commune (mekong_delta: no) with sd_village_share above 30 % and poverty_rate under 10 % meets both "
                 "region III (c) and region I (region_i); the order gives region III.\n") != std::string::npos);
}

TEST_CASE("check --gaps in CSV gives one row per group with each variable's range as an interval", "[cli]") {
  RuleFile file;
  std::string out = from_line(check_gaps(file.path, "csv"), "finding,");
  CHECK(out.rfind("finding,combinations,box,classes,decided,clauses,mekong_delta,sd_village_share,poverty_rate,sentence,example\n", 0) == 0);
  // English CSV keeps the codes in its other columns (README, "machine-readable output keeps the
  // codes"), but the sentence is for people: indicators and clauses by their titles.
  CHECK(has_line(out, "overlap,6,exact,III;II,III,c;region_ii,,\"(0.3,)\",\"[0.15,0.3)\",\"A commune with share of "
                      "villages that are special-difficulty above 30 % and multidimensional poverty rate (2022-2025 standard, "
                      "Decree 07/2021) from 15 % to under 30 % meets both region III (Điều 1 (c): (c) more than 30 % "
                      "special-difficulty villages) and region II (Điều 3: Region II: poverty from 15 % to under 30 %); the "
                      "order gives region III.\",\"mekong_delta=0, sd_village_share=0.3001, poverty_rate=0.15\""));
  CHECK(has_line(out, "gap,8,exact,,,,=1,\"(,0.3]\",\"(,0.15)\",\"A commune (in the Mekong Delta: yes) with share of "
                      "villages that are special-difficulty at most 30 % and multidimensional poverty rate (2022-2025 standard, "
                      "Decree 07/2021) under 15 % gets no class of region: no rule claims it and there is no catch-all.\","
                      "\"mekong_delta=1, sd_village_share=0.2999, poverty_rate=0.0999\""));
}

TEST_CASE("check --gaps in CSV and JSON names indicators by their ids in the sentences only under --codes", "[cli]") {
  RuleFile file;
  std::string csv = from_line(check_gaps(file.path, "csv", true), "finding,");
  CHECK(has_line(csv, "overlap,6,exact,III;II,III,c;region_ii,,\"(0.3,)\",\"[0.15,0.3)\",A commune with "
                      "sd_village_share above 30 % and poverty_rate from 15 % to under 30 % meets "
                      "both region III (c) and region II (region_ii); the order gives region III.,"
                      "\"mekong_delta=0, sd_village_share=0.3001, poverty_rate=0.15\""));
  std::string json = check_gaps(file.path, "json");
  CHECK(json.find("\"sentence\": \"A commune with share of villages that are special-difficulty above 30 % and "
                  "multidimensional poverty rate (2022-2025 standard, Decree 07/2021) from 15 % to under 30 % meets both "
                  "region III (Điều 1 (c): (c) more than 30 % special-difficulty villages) and region II (Điều 3: Region II: "
                  "poverty from 15 % to under 30 %); the order gives region III.\"") != std::string::npos);
  std::string json_codes = check_gaps(file.path, "json", true);
  CHECK(json_codes.find("\"sentence\": \"A commune with sd_village_share above 30 % and poverty_rate from 15 % to under "
                        "30 % meets both region III (c) and region II (region_ii); the order gives region III.\"") !=
        std::string::npos);
}

// Decision 33/2020: region I needs poverty under 10 % (or new-rural), region III needs not
// new-rural and (a) poverty 20 % or more, or in the Mekong Delta 15 % or more or more than 150
// poor EM households, or (b) poverty of 15 % (Delta 12 %) or more with a condition. Under 10 %
// only the Delta's 150 households of (a) can hold with region I: one overlap, in scope (EM
// households 15 % or more: 2 of the 3 values), in the Delta, not new-rural, more than 150 poor
// EM households, poverty under 10 % (1 value), the five conditions of (b) free (3 values each):
// 2 x 3^5 = 486 combinations. Region II is the catch-all of in-scope communes and out-of-scope
// the last: no gap; a catch-all reached without its condition is out-of-scope only, whose rule
// has none. So one sentence.
TEST_CASE("check --gaps of the shipped Decision 33 file gives one sentence: the Mekong Delta branch of (a) under 10 % poverty", "[cli]") {
  std::string out = from_line(check_gaps("vn.qd-33-2020"), "Gaps and overlaps");
  CHECK(has_line(out, "overlap           486  A commune (in the Mekong Delta: yes; recognised as a new-rural commune: no) with "
                      "ethnic-minority share of households at least 15 %, poor ethnic-minority households (count) above 150 "
                      "households and poverty rate (2016-2020 standard, Decision 59/2015) under 10 % meets both region III "
                      "(Điều 3 (a): (a) poverty 20 % or more (Mekong Delta: 15 % or more, or more than 150 poor EM households)) and "
                      "region I (Điều 4: Region I commune (initially developed)); the order gives region III."));
  CHECK(out.find("\n\n104,976 of 104,976 combinations examined over 10 variables (each just below, at and just above every "
                 "threshold; a flag 0 and 1): 0 gaps (no class), 486 overlaps") != std::string::npos);
  CHECK(out.find("\ngap ") == std::string::npos);
  size_t overlaps = 0;
  for (size_t at = out.find("\noverlap "); at != std::string::npos; at = out.find("\noverlap ", at + 1)) ++overlaps;
  CHECK(overlaps == 1);
}
