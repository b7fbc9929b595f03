// The shipped scenario with events that cost money (scenarios/kontum/roads-and-housing.toml):
// simulate names each event, its cost and its line, and allocates the money to the last dong;
// compare against the baseline shows the same money in (the events are paid from the baseline's
// lines) and the same region III counts before the first event.
#include <catch2/catch.hpp>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "cli/options.h"
#include "../common/cli_runs.h"
#include "diag/messages.h"
#include "../common/test_files.h"

using lotrinh::cli::Options;

namespace {

const std::string kDir = std::string(LOTRINH_SOURCE_HOME) + "/scenarios/kontum";

std::string run(Options o, const std::string& suffix) {
  o.out = lotrinh::testing::temp_path("events-test", suffix);
  return lotrinh::testing::output_of(o);
}

}  // namespace

TEST_CASE("simulate on the roads-and-housing scenario names each costed event, its cost and its budget line, and places the money to the last dong", "[cli][sim]") {
  Options o;
  o.command = "simulate";
  o.paths = {kDir + "/roads-and-housing.toml"};
  o.runs = 4;
  o.threads = 2;
  o.format = "csv";
  const std::string out = run(o, ".csv");
  CHECK(out.find("road_paved event of 2026: 48.00 billion VND (ASSUMPTION: 12 km to pave") != std::string::npos);
  CHECK(out.find("from budget line 'econ-infra-province'") != std::string::npos);
  for (int y : {2026, 2027, 2028})
    CHECK(out.find("housing event of " + std::to_string(y) + ": 6.00 billion VND") != std::string::npos);
  CHECK(out.find("housing money on xa-ngoc-linh-2025, xa-mang-but-2025 (split by households)") != std::string::npos);
  CHECK(out.find("resettlement event of 2024: 3.00 billion VND") != std::string::npos);
  CHECK(out.find("30 households (the poor among them at the source's poverty rate) move from 'dak-ring' to 'mang-but'") != std::string::npos);
  CHECK(out.find("the events' costs, 69.00 billion VND in all, are part of the budget above") != std::string::npos);
  CHECK(out.find("but allocated") == std::string::npos);  // no year whose money in and out differ
}

TEST_CASE("compare of the baseline and roads-and-housing shows the same money in, and the same region III counts before the first event", "[cli][sim]") {
  Options o;
  o.command = "compare";
  o.paths = {kDir + "/baseline.toml", kDir + "/roads-and-housing.toml"};
  o.runs = 6;
  o.threads = 2;
  o.format = "csv";
  std::istringstream in(run(o, ".csv"));
  int checked = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("money spent 2022-2030,roads-and-housing,", 0) == 0) {
      CHECK(line.find(",3145882499955,0,") != std::string::npos);  // whole dong  // the baseline's money: the events are paid from its lines
      ++checked;
    }
    for (int y : {2022, 2023})
      if (line.rfind("region III communes in " + std::to_string(y) + ",roads-and-housing", 0) == 0) {
        CHECK(line.find(",0.00,\"[0.00, 0.00]\",") != std::string::npos);
        ++checked;
      }
  }
  CHECK(checked == 3);
}

TEST_CASE("under Vietnamese simulate's event notes and its HTML report give each event's kind, source and communes in Vietnamese, and the codes with --codes", "[cli][sim]") {
  Options o;
  o.command = "simulate";
  o.paths = {kDir + "/roads-and-housing.toml"};
  o.runs = 4;
  o.threads = 2;
  o.format = "csv";
  struct Restore {
    ~Restore() { lotrinh::diag::set_lang(lotrinh::diag::Lang::kEn); }
  } restore;
  lotrinh::diag::set_lang(lotrinh::diag::Lang::kVi);
  o.report = lotrinh::testing::temp_path("events-test", ".html");
  const std::string out = run(o, ".csv");
  const std::string html = lotrinh::testing::slurp(o.report);
  std::remove(o.report.c_str());
  o.report.clear();
  // The HTML report's notes are the same as simulate's.
  CHECK(html.find("sự kiện cứng hoá đường năm 2026: 48,00 tỷ đồng (GIẢ ĐỊNH: 12 km cần cứng hoá") != std::string::npos);
  CHECK(html.find("ASSUMPTION: 12 km") == std::string::npos);
  CHECK(out.find("sự kiện cứng hoá đường năm 2026: 48,00 tỷ đồng (GIẢ ĐỊNH: 12 km cần cứng hoá (roads.csv, số ước tính) x 4 tỷ "
                 "đồng một km (đơn giá giả định)) từ dòng ngân sách 'econ-infra-province'") != std::string::npos);
  CHECK(out.find("đường 'Đắk Choong' - 'Mường Hoong' có tỷ lệ cứng hoá 1 từ năm đó") != std::string::npos);
  CHECK(out.find("sự kiện hỗ trợ nhà ở năm 2027: 6,00 tỷ đồng (GIẢ ĐỊNH: 150 căn nhà mỗi năm x 40 triệu đồng một căn (mức hỗ "
                 "trợ giả định cho mỗi căn))") != std::string::npos);
  CHECK(out.find("tiền nhà ở cho Ngọc Linh, Măng Bút (chia theo số hộ)") != std::string::npos);
  CHECK(out.find("sự kiện di dời dân năm 2024: 3,00 tỷ đồng (GIẢ ĐỊNH: 30 hộ x 100 triệu đồng một hộ (chi phí di dời giả định))") !=
        std::string::npos);
  CHECK(out.find("di dời từ 'Đăk Ring' đến 'Măng Bút'") != std::string::npos);
  CHECK(out.find("ASSUMPTION") == std::string::npos);
  o.codes = true;
  const std::string codes = run(o, ".csv");
  CHECK(codes.find("sự kiện road_paved năm 2026: 48,00 tỷ đồng (ASSUMPTION: 12 km to pave") != std::string::npos);
  CHECK(codes.find("di dời từ 'dak-ring' đến 'mang-but'") != std::string::npos);
}
