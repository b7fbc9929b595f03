#include "html/html_report.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "diag/messages.h"

using namespace lotrinh;

namespace {

html::Document doc() {
  html::Document d;
  d.title = "A <title> & more";
  d.headline = {"headline"};
  d.facts = {{"data.csv", "0123"}};
  report::ResultTable t;
  t.columns = {{"name", "Tên"}, {"rate", "Tỷ lệ"}};
  t.add_row({report::text("Đăk Long"), report::percent(0.187, 1)});
  d.sections.push_back({"Section", {"text"}, {{"Chart", {2022, 2023}, {}, {0.1, 0.2}, {}, true, {}}}, {t}, true, {}});
  return d;
}

}  // namespace

TEST_CASE("an HTML page escapes text and holds its charts, tables and search box inline", "[html]") {
  std::string p = html::render(doc());
  CHECK(p.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(p.find("<h1>A &lt;title&gt; &amp; more</h1>") != std::string::npos);
  CHECK(p.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
  CHECK(p.find("<title>Chart</title>") != std::string::npos);
  CHECK(p.find("<td class=\"n\" data-v=\"0.187\">18.7 %</td>") != std::string::npos);
  CHECK(p.find("placeholder=\"search a commune (with or without diacritics)\"") != std::string::npos);
  CHECK(p.find("<h2>What was run</h2>") != std::string::npos);
  CHECK(p == html::render(doc()));
}

TEST_CASE("an HTML page under Vietnamese has Vietnamese labels and numbers", "[html]") {
  diag::set_lang(diag::Lang::kVi);
  std::string p = html::render(doc());
  diag::set_lang(diag::Lang::kEn);
  CHECK(p.find("<html lang=\"vi\">") != std::string::npos);
  CHECK(p.find(">18,7 %</td>") != std::string::npos);
  CHECK(p.find("placeholder=\"tìm xã (có hoặc không có dấu)\"") != std::string::npos);
  CHECK(p.find("<h2>Những gì đã chạy</h2>") != std::string::npos);
}

TEST_CASE("the report's messages read as written in English and Vietnamese", "[html]") {
  CHECK(diag::msg("html.written", "r.html") == "report written to r.html");
  CHECK(diag::msg("html.expected_exits", "14.2", 50, 2025) == "Expected exits from region III by 2025: 14.2 of 50 communes");
  CHECK(diag::msg("html.estimated", "85.3 %", 2978, 3468, 2021) ==
        "85.3 % of the starting data behind these results is estimated (2,978 of 3,468 values of 2021)");
  CHECK(diag::msg("html.interval", "8", "19") == "(90 % of runs: 8 to 19)");
  CHECK(diag::msg("html.cost_per_exit", 2030, "98.20 billion VND", "3,145.88 billion VND", 2022) ==
        "Cost per exit by 2030: 98.20 billion VND (3,145.88 billion VND planned for 2022-2030, over the expected exits)");
  CHECK(diag::msg("html.left_behind_count", 3) == "3 communes are above 35 % poverty in the last year in some runs");
  CHECK(diag::msg("opt.report") == "also write a self-contained HTML report to this file");
  diag::set_lang(diag::Lang::kVi);
  std::string written = diag::msg("html.written", "r.html");
  std::string exits = diag::msg("html.expected_exits", "14,2", 50, 2025);
  std::string estimated = diag::msg("html.estimated", "85,3 %", 2978, 3468, 2021);
  std::string cost = diag::msg("html.cost_per_exit", 2030, "98,20 tỷ đồng", "3.145,88 tỷ đồng", 2022);
  std::string behind = diag::msg("html.left_behind_count", 3);
  diag::set_lang(diag::Lang::kEn);
  CHECK(written == "đã ghi báo cáo vào r.html");
  CHECK(exits == "Số xã dự kiến thoát khu vực III đến năm 2025: 14,2 trên 50 xã");
  CHECK(estimated == "85,3 % dữ liệu ban đầu làm căn cứ cho các kết quả này là số ước tính (2.978 trên 3.468 giá trị năm 2021)");
  CHECK(cost == "Chi phí cho mỗi xã thoát đến năm 2030: 98,20 tỷ đồng (3.145,88 tỷ đồng dự kiến chi giai đoạn 2022-2030, chia cho số xã dự kiến thoát)");
  CHECK(behind == "3 xã có tỷ lệ hộ nghèo trên 35 % trong năm cuối ở một số lần chạy");
}

TEST_CASE("a file's hash is 16 hex digits of its bytes, empty when it cannot be read", "[html]") {
  CHECK(html::file_hash("/nonexistent-lotrinh-file") == "");
  std::string path = std::filesystem::temp_directory_path() / "lotrinh-html-hash-test.txt";
  std::ofstream(path) << "a";
  CHECK(html::file_hash(path) == "af63dc4c8601ec8c");  // FNV-1a 64 of "a"
  std::filesystem::remove(path);
}
