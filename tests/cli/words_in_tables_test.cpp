// Tables read as words in both languages (issue 9): targets' measures and values, rule-set kinds,
// the simulator's region III column, parameter values in their unit, classifications by their
// titles; the codes stay under --codes and in English CSV. Through the real lotrinh binary.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;
const std::string kExample = "scenarios/example/communes.csv";

// Runs the shell command `cmd`; returns its standard output.
std::string shell(const std::string& cmd, int* code = nullptr) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = ::pclose(p);
  if (code) *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// Runs `lotrinh ARGS` from the source tree; returns its standard output (stderr dropped).
std::string lotrinh(const std::string& args, int* code = nullptr) {
  return shell("cd '" + kHome + "' && LANG=C.UTF-8 '" + LOTRINH_BINARY + "' " + args + " 2>/dev/null", code);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kSweep = "sweep --rules rules/vn/qd-33-2020.toml --year 2021 --param poverty_high --from 0.1 --to 0.3 --step 0.05";
const std::string kDiff = "diff rules/vn/qd-33-2020.toml rules/drafts/qd-33-2020-poverty-15.toml";

}  // namespace

TEST_CASE("targets names its measure in Vietnamese words, indicators and classes by their titles, and a rate's change in percentage points a year", "[cli][words]") {
  const std::string out = lotrinh("targets --lang vi --data " + kExample);
  CHECK(has(out, "  bình quân của tỷ lệ hộ nghèo (chuẩn nghèo 2016-2020, QĐ 59/2015), mức thay đổi mỗi năm 2016-2020  "));
  CHECK(has(out, "mức thay đổi mỗi năm 2016-2020                    -5,12 điểm %/năm  <="));
  CHECK(has(out, "  số xã Khu vực III, năm 2025 so với năm 2020  "));
  CHECK(has(out, "  tỷ lệ xã có health_station_standard == 1, năm 2020  "));
  CHECK(has(out, "  giá trị nhỏ nhất của tỷ lệ thôn có tổ chức đảng, năm 2020  "));
  CHECK(has(out, "  bình quân theo số hộ dân cư của tỷ lệ hộ nghèo (chuẩn nghèo 2016-2020, QĐ 59/2015), mức thay đổi mỗi năm 2020-2021  "));
  CHECK(has(out, "  -3 điểm %/năm  chưa xác định"));
  // A ratio of two counts stays a number, in the Vietnamese style.
  CHECK(has(out, "  0,5  chưa xác định"));
  // The rule set by its title.
  CHECK(has(out, "\nMục tiêu các chương trình mục tiêu quốc gia 2021-2025 áp dụng cho tỉnh Kon Tum  "));
  CHECK(!has(out, "kontum.ntp-2021-2025-targets  "));
  CHECK(!has(out, "weighted_mean"));
}

TEST_CASE("targets names its measure in English words too, with a rate's change in pp/year", "[cli][words]") {
  const std::string out = lotrinh("targets --lang en --data " + kExample);
  CHECK(has(out, "  mean of poverty rate (2016-2020 standard, Decision 59/2015), change per year 2016-2020  "));
  CHECK(has(out, "  -5.12 pp/year  <="));
  CHECK(has(out, "  communes in Region III, 2025 over 2020  "));
  CHECK(has(out, "  share of communes where health_station_standard == 1, 2020  "));
  CHECK(has(out, "  lowest share of villages with a party organisation, 2020  "));
  CHECK(has(out, "  -3 pp/year  unknown"));
  CHECK(has(out, "\nTargets of the 2021-2025 national target programmes, Kon Tum  "));
}

TEST_CASE("a quotient of two household counts is a rate: its target is a change in percentage points a year", "[cli][words]") {
  const std::string vi = lotrinh("targets --lang vi --year 2021");
  CHECK(has(vi, "  bình quân theo số hộ dân tộc thiểu số của em_poor_households / em_households, mức thay đổi mỗi năm 2021-2025"
                "                                -  <=          -3 điểm %/năm  "));
  const std::string en = lotrinh("targets --lang en --year 2021");
  CHECK(has(en, "  mean of em_poor_households / em_households weighted by ethnic-minority households, change per year 2021-2025"
                "                       -  <=       -3 pp/year  "));
}

TEST_CASE("targets keeps the code form of its measure, plain target values and the rule set's id under --codes and in English CSV", "[cli][words]") {
  const std::string vi = lotrinh("targets --lang vi --codes --year 2021");
  CHECK(has(vi, "\nkontum.ntp-2021-2025-targets  "));
  CHECK(has(vi, "  weighted_mean em_poor_households / em_households, per_year 2021-2025          -  <=                  -0,03  "));
  CHECK(has(vi, "  count region:III, ratio 2020-2025  "));
  const std::string csv = lotrinh("targets --lang en --format csv --year 2021");
  CHECK(has(csv, "\nkontum.ntp-2021-2025-targets,EM poverty (poor EM households / EM households) down at least 3 points a year,province,"
                 "\"weighted_mean em_poor_households / em_households, per_year 2021-2025\",,<=,-0.03,unknown,"));
}

TEST_CASE("check names each rule set's kind in words in both languages, and by its code under --codes", "[cli][words]") {
  const std::string vi = lotrinh("check rules/vn --lang vi");
  CHECK(has(vi, "\nvn.qd-33-2020-villages   ./rules/vn/qd-33-2020-villages.toml   phân định thôn đặc biệt khó khăn  đã được thay thế  "));
  CHECK(has(vi, "\nvn.qd-33-2020            ./rules/vn/qd-33-2020.toml            phân định khu vực xã              đã được thay thế  "));
  const std::string en = lotrinh("check rules/vn --lang en");
  CHECK(has(en, "\nvn.qd-33-2020-villages   ./rules/vn/qd-33-2020-villages.toml   special-difficulty village classification  superseded  "));
  CHECK(has(en, "\nvn.qd-33-2020            ./rules/vn/qd-33-2020.toml            commune region classification              superseded  "));
  const std::string codes = lotrinh("check rules/vn --lang vi --codes");
  CHECK(has(codes, "\nvn.qd-33-2020            ./rules/vn/qd-33-2020.toml            commune-region  "));
}

TEST_CASE("simulate says 'có' / 'yes' under its region III column and the unit it became part of by name, the class code under --codes and in English CSV", "[cli][words]") {
  const std::string run = "simulate scenarios/kontum/baseline.toml --runs 20 ";
  CHECK(has(lotrinh(run + "--lang vi"), "\nmuong-hoong        Mường Hoong    Đăk Glei    có               Ngọc Linh"));
  CHECK(has(lotrinh(run + "--lang en"), "\nmuong-hoong        Mường Hoong    Đăk Glei    yes          Ngọc Linh"));
  CHECK(has(lotrinh(run + "--lang en --codes"), "\nmuong-hoong        Mường Hoong    Đăk Glei    III          xa-ngoc-linh-2025"));
  CHECK(has(lotrinh(run + "--lang en --format csv"), "\nmuong-hoong,Mường Hoong,Đăk Glei,III,xa-ngoc-linh-2025,"));
}

TEST_CASE("simulate's targets table names measures in words with values in their unit, and keeps codes in English CSV", "[cli][words]") {
  const std::string run = "simulate scenarios/kontum/baseline.toml --runs 20 ";
  const std::string vi = lotrinh(run + "--lang vi");
  CHECK(has(vi, "  số xã Khu vực III, năm 2025 so với năm 2020  "));
  CHECK(has(vi, "  bình quân theo số hộ dân tộc thiểu số của em_poor_households / em_households, mức thay đổi mỗi năm 2021-2025"
                "                 <=          -3 điểm %/năm  "));
  CHECK(!has(vi, "weighted_mean"));
  const std::string en = lotrinh(run + "--lang en");
  CHECK(has(en, "  communes in Region III, 2025 over 2020  "));
  CHECK(has(en, "  -3 pp/year  "));
  fs::path dir = fs::temp_directory_path() / ("lotrinh-words-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  lotrinh(run + "--lang en --format csv --out '" + (dir / "plan.csv").string() + "'");
  std::ifstream in(dir / "plan-targets.csv");
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(has(ss.str(), ",\"count region:III, ratio 2020-2025\",<=,0.5,"));
  CHECK(has(ss.str(), ",\"weighted_mean em_poor_households / em_households, per_year 2021-2025\",<=,-0.03,"));
  fs::remove_all(dir);
}

TEST_CASE("the HTML report's targets table reads in Vietnamese words", "[cli][words]") {
  fs::path out = fs::temp_directory_path() / ("lotrinh-words-" + std::to_string(::getpid()) + ".html");
  lotrinh("report scenarios/kontum/baseline.toml --runs 20 --lang vi --out '" + out.string() + "'");
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(has(ss.str(), ">số xã Khu vực III, năm 2025 so với năm 2020<"));
  CHECK(has(ss.str(), ">-3 điểm %/năm<"));
  CHECK(!has(ss.str(), "per_year"));
  fs::remove(out);
}

TEST_CASE("diff shows a rate parameter's values in percent and the classification by its title, in both languages", "[cli][words]") {
  const std::string vi = lotrinh(kDiff + " --lang vi --set poverty_high=0.25 --data " + kExample);
  CHECK(has(vi, "\ntham số  poverty_high   20 %  15 %\n"));
  CHECK(has(vi, "\n--set    poverty_high      -  25 %\n"));
  CHECK(has(vi, "\nKhoảng trống và chồng chéo: draft.qd-33-2020-poverty-15, phân loại 'Khu vực'\n"));
  CHECK(has(lotrinh(kDiff + " --lang vi --data " + kExample), "\nxa-h    Xã H  Khu vực    Khu vực II     Khu vực III  "));
  const std::string en = lotrinh(kDiff + " --lang en --data " + kExample);
  CHECK(has(en, "\nparameter  poverty_high    20 %   15 %\n"));
  CHECK(has(en, "\nxa-h  Xã H  Region          Region II  Region III  "));
  CHECK(has(en, "\nGaps and overlaps: draft.qd-33-2020-poverty-15, classification 'Region'\n"));
}

TEST_CASE("diff keeps plain parameter values and the classification's id under --codes", "[cli][words]") {
  const std::string codes = lotrinh(kDiff + " --lang vi --codes --data " + kExample);
  CHECK(has(codes, "\nparameter  poverty_high  0.2    0.15\n"));
  CHECK(has(codes, "\nxa-h    Xã H  region     II       III  "));
  CHECK(has(codes, "phân loại 'region'\n"));
}

TEST_CASE("sweep shows a rate parameter's values in percent and class changes by class titles, codes under --codes", "[cli][words]") {
  const std::string vi = lotrinh(kSweep + " --lang vi");
  CHECK(has(vi, "\n        10 %         34           0           60              8  -\n"));
  CHECK(has(vi, "\n        15 %         34          10           50              8  Đắk Nhoong: Khu vực III → Khu vực II; "));
  const std::string en = lotrinh(kSweep + " --lang en");
  CHECK(has(en, "\n        15 %        34         10          50             8  Đắk Nhoong: Region III → Region II; "));
  const std::string codes = lotrinh(kSweep + " --lang vi --codes");
  CHECK(has(codes, "\n        0,15        34         10          50                    8  Đắk Nhoong III -> II; "));
}

TEST_CASE("an xlsx workbook stores a target's value as a number shown in percentage points a year", "[cli][words]") {
  fs::path out = fs::temp_directory_path() / ("lotrinh-words-" + std::to_string(::getpid()) + ".xlsx");
  lotrinh("simulate scenarios/kontum/baseline.toml --runs 20 --lang vi --format xlsx --out '" + out.string() + "'");
  // The format keeps '%' outside the quotes, so that Excel shows -0.03 as "-3 điểm %/năm".
  CHECK(has(shell("unzip -p '" + out.string() + "' xl/styles.xml"), "formatCode=\"#,##0&quot; điểm &quot;%&quot;/năm&quot;\""));
  CHECK(has(shell("unzip -p '" + out.string() + "' xl/worksheets/sheet3.xml"), "<v>-0.03</v>"));
  fs::remove(out);
}

TEST_CASE("check --gaps names the classification by its title in its table's title, its id under --codes", "[cli][words]") {
  CHECK(has(lotrinh("check rules/vn/qd-33-2020.toml --gaps --lang vi"), "Khoảng trống và chồng chéo: vn.qd-33-2020, phân loại 'Khu vực'\n"));
  CHECK(has(lotrinh("check rules/vn/qd-33-2020.toml --gaps --lang en"), "Gaps and overlaps: vn.qd-33-2020, classification 'Region'\n"));
  CHECK(has(lotrinh("check rules/vn/qd-33-2020.toml --gaps --lang en --codes"), "Gaps and overlaps: vn.qd-33-2020, classification 'region'\n"));
}

TEST_CASE("classify and explain count the units that change class across a change of poverty standard, in both languages", "[cli][words]") {
  const std::string en = shell("cd '" + kHome + "' && '" + LOTRINH_BINARY + "' classify --data scenarios/kontum --year 2021 --lang en 2>&1");
  CHECK(has(en, "\n22 of the 102 units classified in both years change class ('Region') between the data of 2020 and 2021: "
                "some may change with the standard, not with the commune\n"));
  const std::string vi = shell("cd '" + kHome + "' && '" + LOTRINH_BINARY + "' explain --commune xop --data scenarios/kontum --year 2020 --lang vi 2>&1");
  CHECK(has(vi, "\n22 trong 102 đơn vị được phân loại ở cả hai năm đổi nhóm ('Khu vực') giữa dữ liệu năm 2020 và năm 2021: "
                "một số có thể đổi vì chuẩn nghèo thay đổi, không phải vì xã thay đổi\n"));
  const std::string codes = shell("cd '" + kHome + "' && '" + LOTRINH_BINARY + "' classify --data scenarios/kontum --year 2021 --codes 2>&1");
  CHECK(has(codes, "22 of the 102 units classified in both years change class ('region')"));
}
