// The invented mini province (tests/data/province-mini/) through the real lotrinh binary: every
// command but the Kon Tum estimate runs on a folder of data with no change of code, and reads
// the folder's own tables (its units, lineage, districts, roads, figures and rule sets).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../common/cli_runs.h"

namespace fs = std::filesystem;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;
const std::string kMini = "tests/data/province-mini";

// `lotrinh ARGS` run from the source tree, in English, with an environment before it (cli_runs.h).
using Run = lotrinh::testing::BinaryRun;
using lotrinh::testing::run_binary;

using lotrinh::testing::slurp;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A copy of the mini province in a fresh temporary folder, for a manifest edited by a test.
fs::path mini_copy() {
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() / ("lotrinh-mini-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& f : fs::directory_iterator(fs::path(kHome) / kMini)) fs::copy_file(f.path(), dir / f.path().filename());
  return dir;
}

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = slurp(file.string());
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(file) << text;
}

}  // namespace

TEST_CASE("classify on a province folder classifies its twelve units of its latest year", "[cli][province]") {
  Run r = run_binary("classify --data " + kMini + " --format csv");
  CHECK(r.code == 0);
  CHECK(r.out ==
        "unit,name,district,region\n"
        "tt-dong,Đông,Huyện Đông,I\n"
        "xa-an,An,Huyện Đông,III\n"
        "xa-binh,Bình,Huyện Đông,III\n"
        "xa-cuong,Cường,Huyện Đông,III\n"
        "xa-dung,Dũng,Huyện Đông,I\n"
        "xa-em,Êm,Huyện Đông,III\n"
        "tt-tay,Tây,Huyện Tây,I\n"
        "xa-giang,Giang,Huyện Tây,III\n"
        "xa-hoa,Hòa,Huyện Tây,I\n"
        "xa-khanh,Khánh,Huyện Tây,III\n"
        "xa-lam,Lâm,Huyện Tây,III\n"
        "xa-minh,Minh,Huyện Tây,I\n");
  CHECK(has(r.err, "region: I 5, III 7 (of 12 units)"));
}

TEST_CASE("explain finds a commune of the province by its name through the province's units table", "[cli][province]") {
  Run r = run_binary("explain --commune Binh --year 2019 --data " + kMini);
  CHECK(r.code == 0);
  CHECK(r.out.rfind("Bình (xa-binh, Huyện Đông), data of 2019\n", 0) == 0);
  // The province's provenance is read: the 2019 rate is derived, per provenance.csv.
  CHECK(has(r.out, "derived: poor_households / households"));
}

TEST_CASE("a bare table inside a province folder is read with that province's units", "[cli][province]") {
  Run r = run_binary("explain --commune Binh --year 2019 --data " + kMini + "/communes.csv");
  CHECK(r.code == 0);
  CHECK(r.out.rfind("Bình (xa-binh, Huyện Đông), data of 2019\n", 0) == 0);
}

TEST_CASE("graph draws the province's own network of the year its manifest names", "[cli][province]") {
  Run r = run_binary("graph --data " + kMini);
  CHECK(r.code == 0);
  CHECK(r.out.rfind("Mini commune network, 2022: travel time to the district centre\n", 0) == 0);
  CHECK(has(r.out, "\n12 units and 11 roads in 2022; every unit reaches its district centre\n"));
  // 6 km paved at the manifest's 50 km/h: 0.12 hours from the town Đông to An.
  CHECK(has(r.out, "xa-an     An     commune  Huyện Đông  Đông                        0.12           1\n"));
  // Huyện Tây's centre comes from district_centres.csv, not districts.csv.
  CHECK(has(r.out, "xa-giang  Giang  commune  Huyện Tây   Tây  "));
  CHECK(has(r.out, "estimated: invented roads, and speeds are 50 km/h on paved and 20 km/h on unpaved road\n"));
}

TEST_CASE("graph names a unit's kind and its district centre in words, in Vietnamese too, and keeps the codes under --codes", "[cli][province]") {
  Run vi = run_binary("graph --lang vi --data " + kMini);
  CHECK(vi.code == 0);
  CHECK(has(vi.out, "Đơn vị    Tên    Loại      Huyện       Trung tâm huyện  Số giờ đến trung tâm  Lân cận\n"));
  CHECK(has(vi.out, "tt-dong   Đông   thị trấn  Huyện Đông  Đông                             0,00        3\n"));
  CHECK(has(vi.out, "xa-giang  Giang  xã        Huyện Tây   Tây                              0,10        2\n"));
  Run codes = run_binary("graph --codes --data " + kMini);
  CHECK(has(codes.out, "xa-an     An     commune  Huyện Đông  tt-dong                     0.12           1\n"));
}

TEST_CASE("graph as DOT is named after the province", "[cli][province]") {
  Run r = run_binary("graph --format dot --data " + kMini);
  CHECK(r.code == 0);
  CHECK(r.out.rfind("graph mini {\n", 0) == 0);
}

TEST_CASE("graph refuses a year outside the years of the province's manifest", "[cli][province]") {
  Run r = run_binary("graph --year 2024 --data " + kMini);
  CHECK(r.code == 2);
  CHECK(r.err ==
        "--year: error: the network covers 2019 to 2023, not 2024\n"
        "  hint: ask for a year from 2019 to 2023, the years [years] of " + kMini + "/province.toml gives\n");
}

TEST_CASE("aggregate sums the province's table up through its own merger", "[cli][province]") {
  Run r = run_binary("aggregate --format csv --data " + kMini);
  CHECK(r.code == 0);
  // 2022: An 832 households + Bình 676 = 1508; poor 250 + 200 = 450.
  CHECK(has(r.out, "\nxa-an-binh,xã An Bình,\"xa-an, xa-binh\",,1508,6032,"));
  CHECK(has(r.out, "\nxa-cuong,xã Cường,xa-cuong,,936,"));
  Run t = run_binary("aggregate --data " + kMini);
  CHECK(t.out.rfind("Commune table of 2022, aggregated to the 11 units of 2023\n", 0) == 0);
}

TEST_CASE("aggregate --on aggregates to the units of that day", "[cli][province]") {
  // On 2022-12-31 An and Bình had not yet merged: twelve units, each its own.
  Run before = run_binary("aggregate --on 2022-12-31 --data " + kMini);
  CHECK(before.code == 0);
  CHECK(before.out.rfind("Commune table of 2022, aggregated to the 12 units of 2022-12-31\n", 0) == 0);
  Run after = run_binary("aggregate --on 2023-01-01 --data " + kMini);
  CHECK(after.out.rfind("Commune table of 2022, aggregated to the 11 units of 2023-01-01\n", 0) == 0);
  Run bad = run_binary("aggregate --on 2023-02-30 --data " + kMini);
  CHECK(bad.code == 2);
  CHECK(bad.err == "--on: error: '2023-02-30' is not a day\n  hint: write the day as YYYY-MM-DD, such as 2023-01-01\n");
}

TEST_CASE("aggregate --commune finds the unit a commune became part of in the province's lineage", "[cli][province]") {
  Run r = run_binary("aggregate --commune Bình --format csv --data " + kMini);
  CHECK(r.code == 0);
  CHECK(r.out ==
        "unit,name,district,part_of,part_of_name,from\n"
        "xa-binh,xã Bình,Huyện Đông,xa-an-binh,xã An Bình (2023),2023-01-01\n");
}

TEST_CASE("reproduce recomputes the figures file the manifest names, each one matching", "[cli][province]") {
  Run r = run_binary("reproduce --format csv --data " + kMini);
  CHECK(r.code == 0);
  CHECK(has(r.out, "\npoverty-2019,1,\"poverty rate of the twinned communes, end 2019\",39.48,39.483333333,percent,data,"));
  CHECK(has(r.out, ",match,0 of 12,"));
  CHECK(has(r.out, "\nleft-region-iii,2,twinned communes that left region III,,,,,,,not-reproducible,,"));
  CHECK(!has(r.out, "mismatch"));
}

TEST_CASE("reproduce --transitions uses the rule sets and years of the manifest", "[cli][province]") {
  Run r = run_binary("reproduce --transitions --data " + kMini);
  CHECK(r.code == 0);
  CHECK(r.out.rfind("Region III under vn.qd-50-2016 with the 2019 rows and under vn.qd-33-2020 with the 2022 rows\n", 0) == 0);
  CHECK(has(r.out, "left 0, stayed 2, entered 2, outside 0, iii-now 2, not-iii-now 0, unknown 0, ended 0\n"));
}

TEST_CASE("targets checks the rule sets the manifest names", "[cli][province]") {
  Run r = run_binary("targets --format csv --data " + kMini);
  CHECK(r.code == 0);
  CHECK(has(r.out, "\nkontum.ntp-2021-2025-targets,2022 plan: provincial poverty down at least 4 points,province,"));
  CHECK(!has(r.out, "nq-04-2016"));  // a default of the Kon Tum folder, not of this one
}

TEST_CASE("diff, sweep, check and test run on a province folder", "[cli][province]") {
  Run d = run_binary("diff vn.qd-33-2020 draft.qd-33-2020-poverty-15 --data " + kMini);
  CHECK(d.code == 0);
  CHECK(has(d.out, "\n0 of 12 units change class\n"));
  Run s = run_binary("sweep --param poverty_high --from 0.3 --to 0.5 --step 0.2 --format csv --data " + kMini);
  CHECK(s.code == 0);
  CHECK(has(s.out, "\n0.5,"));
  CHECK(run_binary("check --data " + kMini).code == 0);
  CHECK(run_binary("test rules/vn/qd-33-2020.toml --data " + kMini).code == 0);
}

TEST_CASE("a folder without a manifest is refused at --data", "[cli][province]") {
  Run r = run_binary("classify --data scenarios");
  CHECK(r.code == 2);
  CHECK(r.err ==
        "--data: error: the folder scenarios has no province.toml\n"
        "  hint: name a province folder, one with a province.toml that names its tables (scenarios/README.md), or "
        "a table file such as communes.csv\n");
}

TEST_CASE("a command that needs a table the manifest does not name says which", "[cli][province]") {
  fs::path dir = mini_copy();
  replace_in(dir / "province.toml", "roads = \"roads.csv\"\n", "");
  Run r = run_binary("graph --data '" + dir.string() + "'");
  CHECK(r.code == 2);
  CHECK(r.err == "--data: error: graph needs the table 'roads', which " + (dir / "province.toml").string() +
                     " does not name\n"
                     "  hint: add roads = \"FILE.csv\" under [tables] of " + (dir / "province.toml").string() + "\n");
  fs::remove_all(dir);
}

TEST_CASE("a network without a method in its manifest is described by its speeds alone", "[cli][province]") {
  fs::path dir = mini_copy();
  replace_in(dir / "province.toml", "method = { en = \"invented roads\", vi = \"đường giả định\" }\n", "");
  Run r = run_binary("graph --data '" + dir.string() + "'");
  CHECK(r.code == 0);
  CHECK(has(r.out, "\nspeeds are 50 km/h on paved and 20 km/h on unpaved road\n"));
  fs::remove_all(dir);
}

TEST_CASE("a bare table with no province and no default province cannot be drawn as a network", "[cli][province]") {
  // A home with the rules but no scenarios/: no default province.
  fs::path home = fs::temp_directory_path() / ("lotrinh-mini-home-" + std::to_string(::getpid()));
  fs::remove_all(home);
  fs::create_directories(home);
  fs::create_directory_symlink(fs::path(kHome) / "rules", home / "rules");
  Run r = run_binary("graph --data scenarios/example/communes.csv", "LOTRINH_HOME='" + home.string() + "'");
  CHECK(r.code == 2);
  CHECK(r.err ==
        "--data: error: graph needs a province folder, and scenarios/example/communes.csv is a bare table with no "
        "province.toml beside it\n"
        "  hint: name a province folder with --data DIR, one with a province.toml that names its units, districts "
        "and roads\n");
  fs::remove_all(home);
}

TEST_CASE("under Vietnamese aggregate names its indicators and old units by their names, and by their ids with --codes", "[cli][province]") {
  Run r = run_binary("aggregate --lang vi --format csv --data " + kMini);
  CHECK(r.code == 0);
  CHECK(r.out.rfind("Đơn vị,Tên,Đơn vị cũ,Thiếu dòng,Số hộ dân cư,Dân số,", 0) == 0);
  CHECK(has(r.out, "\nxa-an-binh,xã An Bình,\"An, Bình\",,1508,6032,"));
  CHECK(has(r.out + r.err, "ghi chú: không tổng hợp, danh mục không có quy tắc gộp: Tỷ lệ hộ nghèo dân tộc thiểu số trong tổng số hộ "
                   "nghèo; Tỷ lệ thôn đặc biệt khó khăn; "));
  CHECK(has(r.out + r.err, "nhỏ nhất, có ở ít nhất một đơn vị cũ);"));
  Run codes = run_binary("aggregate --lang vi --codes --format csv --data " + kMini);
  CHECK(codes.out.rfind("unit,name,members,missing,households,population,", 0) == 0);
  CHECK(has(codes.out, "\nxa-an-binh,xã An Bình,\"xa-an, xa-binh\",,1508,6032,"));
  Run part = run_binary("aggregate --lang vi --commune Bình --data " + kMini);
  CHECK(has(part.out, "\nxa-binh  xã Bình  Huyện Đông  xa-an-binh  xã An Bình (2023)  01/01/2023\n"));
}
