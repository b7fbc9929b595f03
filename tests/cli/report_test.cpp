// lotrinh report with several scenarios: compare's figures side by side in the page.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../common/cli_runs.h"
#include "../common/test_files.h"
#include "cli/options.h"
#include "diag/messages.h"

using lotrinh::cli::Options;

namespace {

const std::string kDir = std::string(LOTRINH_SOURCE_HOME) + "/scenarios/kontum";

std::string report(const std::vector<std::string>& scenarios, bool codes = false) {
  Options o;
  o.codes = codes;
  o.command = "report";
  o.paths = scenarios;
  o.runs = 12;
  o.threads = 2;
  o.out = lotrinh::testing::temp_path("report-test", ".html");
  return lotrinh::testing::output_of(o);
}

// The report of the baseline in `lang`: English again afterwards, even when it throws.
std::string baseline_report(lotrinh::diag::Lang lang, bool codes = false) {
  struct Restore {
    ~Restore() { lotrinh::diag::set_lang(lotrinh::diag::Lang::kEn); }
  } restore;
  lotrinh::diag::set_lang(lang);
  return report({kDir + "/baseline.toml"}, codes);
}

}  // namespace

TEST_CASE("a report of two scenarios shows compare's figures side by side, a column per scenario", "[cli]") {
  const std::string page = report({kDir + "/baseline.toml", kDir + "/cut-30.toml"});
  const auto at = page.find("<h2>Scenarios side by side</h2>");
  REQUIRE(at != std::string::npos);
  const std::string part = page.substr(at, page.find("</section>", at) - at);
  CHECK(part.find("<th>Figure</th><th>baseline</th><th>cut-30</th>") != std::string::npos);
  // The first scenario's money spent, and the second's with its difference (compare gives no interval for money).
  CHECK(part.find("<tr><td>money spent 2022-2030</td><td>3,145.88 billion VND</td>") != std::string::npos);
  // cut-30 runs on the baseline's draws: before its cut starts the difference is exactly zero.
  CHECK(part.find("<tr><td>region III communes in 2022</td>") != std::string::npos);
  CHECK(part.find(" (0.00 [0.00, 0.00])</td></tr>") != std::string::npos);
}

TEST_CASE("a report of one scenario has no comparison", "[cli]") {
  const std::string page = report({kDir + "/baseline.toml"});
  CHECK(page.find("Scenarios side by side") == std::string::npos);
  CHECK(page.find("<h2>The commune graph</h2>") != std::string::npos);
}

TEST_CASE("under --lang vi the report's borderline table words each threshold as explain does, and what holds a commune back by its title", "[cli]") {
  const std::string page = baseline_report(lotrinh::diag::Lang::kVi);
  // The clause's title, the indicator's name and the threshold in its unit; a margin under 0.1
  // point with the decimals that keep it from reading as zero.
  CHECK(page.find("<td>Điều 2: Xã vùng đồng bào dân tộc thiểu số và miền núi: Tỷ lệ hộ dân tộc thiểu số trong tổng số hộ dân cư ≥ 15 %</td>"
                  "<td>14,98 %: thiếu 0,02 điểm phần trăm</td>") != std::string::npos);
  CHECK(page.find("<td>Điều 4: Xã khu vực I (xã bước đầu phát triển): Tỷ lệ hộ nghèo đa chiều (chuẩn nghèo 2022-2025, NĐ 07/2021) &lt; 10 %</td>"
                  "<td>8,28 %: dư 1,7 điểm phần trăm</td>") != std::string::npos);
  CHECK(page.find("<li>* bản dịch của dự án, không phải nguyên văn của văn bản pháp luật</li>") != std::string::npos);
  CHECK(page.find("<td>(b) tỷ lệ hộ nghèo từ 15 % đến dưới 20 % (Đồng bằng sông Cửu Long: từ 12 % đến dưới 15 %) (") != std::string::npos);
  CHECK(page.find("các cú sốc: thiên tai, xác suất 10 % mỗi năm, từng huyện và các huyện lân cận;") != std::string::npos);
  for (const char* code : {"art3_", "region_i:", "in_scope:", "em_scope_min", "untrained_min", "default-commune-model", "p=0"}) {
    INFO(code);
    CHECK(page.find(code) == std::string::npos);
  }
}

TEST_CASE("in English the report's borderline table and what holds a commune back read in English words", "[cli]") {
  const std::string page = baseline_report(lotrinh::diag::Lang::kEn);
  CHECK(page.find("<td>Commune of the ethnic-minority and mountain areas: Ethnic-minority share of households ≥ 15 %</td>"
                  "<td>14.98 %: 0.02 points short</td>") != std::string::npos);
  CHECK(page.find("<td>Region I commune (initially developed): Multidimensional poverty rate (2022-2025 standard, Decree 07/2021) &lt; 10 %</td>"
                  "<td>8.28 %: 1.7 points to spare</td>") != std::string::npos);
  CHECK(page.find("<td>(b) poverty from 15 % to under 20 % (Mekong Delta: 12 % to under 15 %) (") != std::string::npos);
  CHECK(page.find("art3_") == std::string::npos);
  CHECK(page.find("region_i:") == std::string::npos);
}

TEST_CASE("with --codes the report's borderline table shows the criteria's ids and expressions, and explain's coded margin", "[cli]") {
  const std::string page = baseline_report(lotrinh::diag::Lang::kVi, true);
  CHECK(page.find("<td>in_scope: em_household_share &gt;= em_scope_min</td><td>em_household_share 0,1498 (14,98 %), cần ≥ 0,15 (em_scope_min): "
                  "thiếu 0,02 điểm phần trăm</td>") != std::string::npos);
  CHECK(page.find("<td>art3_b_band (") != std::string::npos);
}
