// lotrinh simulate and merge on the bundled baseline, end to end: what it says it ran and
// assumed, the same bytes whatever the threads or shards, and its errors.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/options.h"
#include "../common/cli_runs.h"
#include "../common/test_files.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"

using lotrinh::cli::Options;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;
const std::string kBaseline = kHome + "/scenarios/kontum/baseline.toml";

std::string temp_path(const std::string& suffix) { return lotrinh::testing::temp_path("sim-test", suffix); }

using lotrinh::testing::error_of;
using lotrinh::testing::output_of;
using lotrinh::testing::slurp;

Options simulate(long long runs, int threads) {
  Options o;
  o.command = "simulate";
  o.paths = {kBaseline};
  o.runs = runs;
  o.seed = 3;
  o.threads = threads;
  o.format = "json";
  o.out = temp_path(".json");
  return o;
}

}  // namespace

TEST_CASE("simulate says what it ran and every assumption it rests on", "[cli][sim]") {
  std::string out = output_of(simulate(6, 2));
  CHECK(out.find("\"left_iii_by_2030\"") != std::string::npos);
  CHECK(out.find("6 runs, seed 3, from the data of 2021 to 2030") != std::string::npos);
  CHECK(out.find("ASSUMPTION for 2025-2030: Decree 272/2025 applies from the 2025 data year") != std::string::npos);
  CHECK(out.find("ASSUMPTION border = 0") != std::string::npos);
  CHECK(out.find("poverty standard: from 2026, 'poverty_rate' is carried across the change of standard multiplied by 1") != std::string::npos);
  CHECK(out.find("allocated to the last dong") != std::string::npos);
  CHECK(out.find("values are estimated") != std::string::npos);
  CHECK(out.find("from the data year 2025, the 102 communes are the 40 units they merged into") != std::string::npos);
  CHECK(out.find("\"unit_after_merger\": \"xa-ngoc-linh-2025\"") != std::string::npos);
  CHECK(out.find("twinning workdays 'twinning-workdays' (derived; ") != std::string::npos);
  CHECK(out.find("the model reads them as twin_workdays (workdays a year in the commune) through its own terms: their effect's size is the model's assumption") != std::string::npos);
}

TEST_CASE("simulate gives the same bytes on 1 and 2 threads, and another seed gives others", "[cli][sim]") {
  std::string one = output_of(simulate(8, 1));
  CHECK(output_of(simulate(8, 2)) == one);
  Options other = simulate(8, 2);
  other.seed = 4;
  CHECK(output_of(other) != one);
}

TEST_CASE("4 shards merged give the bytes of one process running them all", "[cli][sim]") {
  std::string one = output_of(simulate(8, 1));
  Options m;
  m.command = "merge";
  m.format = "json";
  m.out = temp_path(".json");
  for (int k = 0; k < 4; ++k) {
    Options s = simulate(8, 1);
    s.runs_from = static_cast<std::uint64_t>(2 * k);
    s.runs_to = static_cast<std::uint64_t>(2 * k + 2);
    s.partial = temp_path(".part");
    REQUIRE(lotrinh::cli::run_command(s) == 0);
    m.paths.push_back(s.partial);
  }
  std::reverse(m.paths.begin(), m.paths.end());  // the order of the files does not matter
  CHECK(output_of(m) == one);
  // Three of the four do not cover the runs.
  const std::string last = m.paths.front();
  m.paths.erase(m.paths.begin());
  std::remove(last.c_str());
  CHECK(error_of(m).find("error: the shards cover runs 0 to 6 of 8\n") != std::string::npos);
  for (const auto& p : m.paths) std::remove(p.c_str());
}

TEST_CASE("simulate refuses a --set that names no parameter or budget line", "[cli][sim]") {
  Options o = simulate(2, 1);
  o.set = {"grad_bse=0.1"};
  CHECK(error_of(o) ==
        "--set: error: --set grad_bse: no model parameter or budget line has this name\n"
        "  hint: did you mean 'grad_base'?\n");
}

TEST_CASE("simulate --set changes a model parameter and a budget line", "[cli][sim]") {
  std::string base = output_of(simulate(4, 1));
  Options o = simulate(4, 1);
  o.set = {"budget.econ-infra-ntp=0", "grad_base=0.02"};
  std::string changed = output_of(o);
  CHECK(changed != base);
  CHECK(changed.find("budget 1,687.70 billion VND in all") != std::string::npos);
}

TEST_CASE("simulate gives, for each target of the province's targets files and each area, the share of runs in which it is met", "[cli][sim]") {
  std::string out = output_of(simulate(6, 2));
  CHECK(out.find("Targets met with probability, data years 2022 to 2030 (6 runs)") != std::string::npos);
  CHECK(out.find("\"target\": \"Half as many region III communes in 2025 as in 2020\"") != std::string::npos);
  CHECK(out.find("\"measure\": \"count region:III, ratio 2020-2025\"") != std::string::npos);
  // Resolution 04-NQ/TU's values were not found: unknown in every run, and said why.
  CHECK(out.find("\"why_unknown\": \"the target's value is not known\"") != std::string::npos);
  CHECK(out.find("the targets of kontum.ntp-2021-2025-targets, kontum.nq-04-2016-targets, checked in every run") != std::string::npos);
}

TEST_CASE("merge refuses a shard file of the format before the targets' counts, saying to run it again", "[cli][sim]") {
  const std::string path = temp_path(".part");
  {
    std::ofstream f(path);
    f << "lotrinh-partial 1\nscenario " << kBaseline << "\nseed 3\nruns 8\nrange 0 8\nfingerprint 0\ncounts 1 2 3\n";
  }
  Options m;
  m.command = "merge";
  m.paths = {path};
  CHECK(error_of(m) == path + ":1:1: error: shard file of format 1, but this version reads format 2 (format 2 added the targets' counts)\n"
                              "  lotrinh-partial 1\n"
                              "  ^\n"
                              "  hint: run the shard again with this version of lotrinh (docs/simulator.md, migration notes)\n");
  std::remove(path.c_str());
}

TEST_CASE("simulate --set changes the twinning workdays, says so, and refuses a negative number", "[cli][sim]") {
  Options o = simulate(2, 1);
  o.set = {"workdays.twinning-workdays=0"};
  CHECK(output_of(o).find("0 workdays a year in 2022-2030") != std::string::npos);
  o.set = {"workdays.twinning-workdays=-3"};
  CHECK(error_of(o) ==
        "--set: error: --set workdays.twinning-workdays=-3: workdays must be a whole number, 0 or more\n"
        "  hint: give the agencies' workdays a year as a whole number, 0 or more\n");
}

namespace {

// Simulate's table output (six runs) in `lang`, with or without --codes.
std::string simulate_table(lotrinh::diag::Lang lang, bool codes) {
  struct Restore {
    ~Restore() { lotrinh::diag::set_lang(lotrinh::diag::Lang::kEn); }
  } restore;
  lotrinh::diag::set_lang(lang);
  Options o = simulate(6, 2);
  o.format = "table";
  o.out = temp_path(".txt");
  o.codes = codes;
  return output_of(o);
}

}  // namespace

TEST_CASE("under --lang vi simulate's notes name the model, the held indicators, the converted rates and the shocks in Vietnamese, numbers in Vietnamese style", "[cli][sim]") {
  const std::string out = simulate_table(lotrinh::diag::Lang::kVi, false);
  CHECK(out.find("với mô hình " + kHome + "/scenarios/kontum/model.toml (Thoát nghèo và tái nghèo của các hộ nghèo, theo mức chi có hiệu quả giảm dần): 6 lượt") !=
        std::string::npos);
  CHECK(out.find("(lotrinh calibrate): grad_base = 0,07993, grad_access = 0,074984, relapse_base = 0,030012, road_gain = 0,276199, grid_gain = 0,6, water_gain = 0,013618;") !=
        std::string::npos);
  CHECK(out.find("chuẩn nghèo: từ năm 2026, 'Tỷ lệ hộ nghèo (theo chuẩn nghèo áp dụng trong năm số liệu)' được chuyển qua lần đổi chuẩn bằng cách nhân với 1 (") !=
        std::string::npos);
  CHECK(out.find("'Tỷ lệ hộ cận nghèo (theo chuẩn nghèo áp dụng trong năm số liệu)' được chuyển qua lần đổi chuẩn bằng cách nhân với 1 (GIẢ ĐỊNH; như với tỷ lệ hộ nghèo)\n") !=
        std::string::npos);
  CHECK(out.find("giữ nguyên giá trị ban đầu: Số hộ dân cư; Tỷ lệ hộ nghèo dân tộc thiểu số trong tổng số hộ nghèo; Tỷ lệ hộ dân tộc thiểu số trong tổng số hộ dân cư; "
                 "Đã được công nhận đạt chuẩn nông thôn mới; Số thôn đặc biệt khó khăn (") != std::string::npos);
  CHECK(out.find("các cú sốc: thiên tai, xác suất 10 % mỗi năm, từng huyện và các huyện lân cận; dịch bệnh, xác suất 5 % mỗi năm, toàn tỉnh; "
                 "giá nông sản giảm, xác suất 10 % mỗi năm, toàn tỉnh\n") != std::string::npos);
  // The criterion holding a commune back, by its title.
  CHECK(out.find("  (b) tỷ lệ hộ nghèo từ 15 % đến dưới 20 % (Đồng bằng sông Cửu Long: từ 12 % đến dưới 15 %) (") != std::string::npos);
  for (const char* code : {"art3_", "default-commune-model", "district_and_neighbours", "p=0", "households, em_poor_share", "'poverty_rate'"}) {
    INFO(code);
    CHECK(out.find(code) == std::string::npos);
  }
}

TEST_CASE("in English simulate's notes name the model, the held indicators, the converted rates and the shocks in English words", "[cli][sim]") {
  const std::string out = simulate_table(lotrinh::diag::Lang::kEn, false);
  CHECK(out.find("with the model " + kHome + "/scenarios/kontum/model.toml (Graduation and relapse of poor households, moved by spending with diminishing returns): 6 runs") !=
        std::string::npos);
  CHECK(out.find("(lotrinh calibrate): grad_base = 0.07993, grad_access = 0.074984,") != std::string::npos);
  CHECK(out.find("poverty standard: from 2026, 'Poverty rate (under the standard in force in the data year)' is carried across the change of standard multiplied by 1 (") !=
        std::string::npos);
  CHECK(out.find("(ASSUMPTION; as for the poverty rate)\n") != std::string::npos);
  CHECK(out.find("held at their starting values: Households; Ethnic-minority share of poor households; Ethnic-minority share of households; "
                 "Recognised as a new-rural commune; Special-difficulty villages (") != std::string::npos);
  CHECK(out.find("shocks: natural disaster, probability 10 % a year, each district and its neighbouring districts; epidemic, probability 5 % a year, "
                 "the whole province; falling farm prices, probability 10 % a year, the whole province\n") != std::string::npos);
  CHECK(out.find("  (b) poverty from 15 % to under 20 % (Mekong Delta: 12 % to under 15 %) (") != std::string::npos);
  CHECK(out.find("art3_") == std::string::npos);
}

TEST_CASE("with --codes simulate's notes keep the model's id, the states' ids, the shocks' names and scopes, and the criteria's ids", "[cli][sim]") {
  const std::string out = simulate_table(lotrinh::diag::Lang::kVi, true);
  CHECK(out.find("/scenarios/kontum/model.toml (default-commune-model): 6 ") != std::string::npos);
  CHECK(out.find(": households; em_poor_share; em_household_share; new_rural; sd_villages (") != std::string::npos);
  CHECK(out.find(": disaster, xác suất 10 % mỗi năm, district_and_neighbours; epidemic, xác suất 5 % mỗi năm, province; price, xác suất 10 % mỗi năm, province\n") !=
        std::string::npos);
  CHECK(out.find("  art3_b_band (") != std::string::npos);
}
