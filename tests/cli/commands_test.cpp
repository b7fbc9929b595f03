// The commands on the small example table (scenarios/example/communes.csv), read as a planner
// would read them: which class each commune gets, why, what a draft changes, where targets stand.
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
#include "diag/diagnostic.h"
#include "diag/messages.h"

using lotrinh::cli::Options;
using lotrinh::testing::error_of;
using lotrinh::testing::in_vietnamese;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;

// A fresh path in the temporary folder (the file is not created).
std::string temp_path(const std::string& suffix) { return lotrinh::testing::temp_path("cli-test", suffix); }

Options example(std::string command) {
  Options o;
  o.command = std::move(command);
  o.data = kHome + "/scenarios/example/communes.csv";
  o.out = temp_path(".out");
  return o;
}

// Runs the command; returns what it wrote, and its exit code in *code.
std::string run(const Options& o, int* code = nullptr) {
  int c = lotrinh::cli::run_command(o);
  if (code) *code = c;
  std::string s = lotrinh::testing::slurp(o.out);
  std::remove(o.out.c_str());
  return s;
}

}  // namespace

TEST_CASE("classify puts each example commune in its Decision 33 region", "[cli]") {
  Options o = example("classify");
  o.format = "csv";
  CHECK(run(o) ==
        "unit,name,district,region\n"
        "xa-a,Xã A,Huyện X,III\n"
        "xa-b,Xã B,Huyện X,III\n"
        "xa-c,Xã C,Huyện Y,I\n"
        "xa-d,Xã D,Huyện Y,I\n"
        "xa-e,Xã E,Huyện Y,II\n"
        "xa-f,Xã F,Huyện Y,out-of-scope\n"
        "xa-g,Xã G,Huyện X,unknown\n"
        "xa-h,Xã H,Huyện X,II\n"
        "xa-i,Xã I,Huyện X,III\n"
        "xa-j,Xã J,Huyện Y,III\n"
        "# rule set vn.qd-33-2020 (Region III/II/I commune criteria for the ethnic-minority and mountain areas, "
        "2021-2025; Quyết định 33/2020/QĐ-TTg (12/11/2020), Điều 2-5), applied to data of 2020\n"
        "# 97 of the 97 data values these results rest on are estimated (see provenance.csv)\n"
        "# region: I 2, II 2, III 4, out-of-scope 1, unknown 1 (of 10 units)\n");
}

TEST_CASE("a CSV file written with --out ends with its caveats as '#' lines, and lotrinh reads it back without them", "[cli]") {
  // A commune table with the trailer lotrinh writes: the reader skips the '#' lines at its end.
  std::string path = temp_path(".csv");
  std::ofstream(path) << "commune,year,poverty_rate,em_household_share,new_rural,mekong_delta\nxa-1,2020,0.25,0.9,0,0\n"
                         "# rule set x, applied to data of 2020\n# 1 of the 1 data values are estimated\n";
  Options o = example("classify");
  o.data = path;
  o.format = "csv";
  std::string out = run(o);
  std::remove(path.c_str());
  CHECK(out.find("unit,name,district,region\nxa-1,,,III\n# rule set vn.qd-33-2020 (") == 0);
  CHECK(out.find("\n# region: III 1 (of 1 units)\n") != std::string::npos);
}

TEST_CASE("classify as a table names the rule set and counts the classes", "[cli]") {
  std::string out = run(example("classify"));
  CHECK(out.find("Region III/II/I commune criteria for the ethnic-minority and mountain areas, 2021-2025: data of 2020\n") == 0);
  CHECK(out.find("region: Region I 2, Region II 2, Region III 4, Out of scope 1, unknown 1 (of 10 units)") != std::string::npos);
  CHECK(out.find("\nxa-f  Xã F  Huyện Y   Out of scope\n") != std::string::npos);
}

TEST_CASE("classify of the 2016 data uses Decision 50/2016, in force then", "[cli]") {
  Options o = example("classify");
  o.year = 2016;
  std::string out = run(o);
  CHECK(out.find("rule set vn.qd-50-2016") != std::string::npos);
}

TEST_CASE("explain shows a commune near the threshold with its margin", "[cli]") {
  Options o = example("explain");
  o.commune = "Xã H";
  std::string out = run(o);
  CHECK(out.find("Xã H (xa-h, Huyện X), data of 2020\n") == 0);
  CHECK(out.find("region: Region II\n") != std::string::npos);
  CHECK(out.find("poverty_rate >= poverty_high: false  — poverty_rate[poverty_rate_2016] 0.187 (18.7 %), needs ≥ 0.2 "
                 "(poverty_high): 1.3 points short") != std::string::npos);
  CHECK(out.find("road_to_centre_km > road_km_min: true  — road_to_centre_km 22, needs > 20 (road_km_min): 2 km to spare") !=
        std::string::npos);
}

TEST_CASE("explain says which missing value would settle an unknown class", "[cli]") {
  Options o = example("explain");
  o.commune = "xa-g";
  std::string out = run(o);
  CHECK(out.find("region: unknown  — would be settled by: em_poor_share\n") != std::string::npos);
}

TEST_CASE("diff of a 15 percent draft names the communes that move and the clause that moves them", "[cli]") {
  Options o = example("diff");
  o.paths = {"vn.qd-33-2020", "draft.qd-33-2020-poverty-15"};
  o.format = "json";
  std::string out = run(o);
  CHECK(out.find("\"kind\": \"parameter\",\n        \"name\": \"poverty_high\",\n        \"before\": \"0.2\",\n"
                 "        \"after\": \"0.15\"") != std::string::npos);
  CHECK(out.find("\"unit\": \"xa-h\",\n        \"name\": \"Xã H\",\n        \"classification\": \"region\",\n"
                 "        \"before\": \"II\",\n        \"after\": \"III\",\n"
                 "        \"deciding\": \"poverty_rate >= poverty_high: false -> true (poverty_rate[poverty_rate_2016] "
                 "0.187 (18.7 %), needs ≥ 0.15 (poverty_high): 3.7 points to spare)\"") != std::string::npos);
  CHECK(out.find("\"unit\": \"xa-g\",\n        \"name\": \"Xã G\",\n        \"classification\": \"region\",\n"
                 "        \"before\": \"unknown\",\n        \"after\": \"III\"") != std::string::npos);
}

TEST_CASE("a command that prints text refuses --format xlsx at --format", "[cli]") {
  Options o = example("test");
  o.format = "xlsx";
  CHECK(error_of(o) ==
        "--format: error: 'test' prints text, not tables: there is no workbook to write\n"
        "  hint: leave out --format xlsx (--out FILE still writes the text to a file)\n");
}

TEST_CASE("diff with --set moves a threshold of the new rule set only", "[cli]") {
  Options o = example("diff");
  o.paths = {"vn.qd-33-2020", "vn.qd-33-2020"};
  o.set = {"poverty_high=0.18"};
  o.format = "json";
  std::string out = run(o);
  CHECK(out.find("\"kind\": \"--set\",\n        \"name\": \"poverty_high\",\n        \"before\": null,\n"
                 "        \"after\": \"0.18\"") != std::string::npos);
  CHECK(out.find("\"unit\": \"xa-h\",\n        \"name\": \"Xã H\",\n        \"classification\": \"region\",\n"
                 "        \"before\": \"II\",\n        \"after\": \"III\"") != std::string::npos);
}

TEST_CASE("sweep counts region III communes as the threshold rises and names who flips", "[cli]") {
  Options o = example("sweep");
  o.param = "poverty_high";
  o.from = 0.16;
  o.to = 0.20;
  o.step = 0.02;
  o.format = "csv";
  CHECK(run(o) ==
        "value,region_I,region_II,region_III,region_out-of-scope,region_unknown,flipped\n"
        "0.16,2,1,6,1,0,\n"
        "0.18,2,1,5,1,1,Xã G III -> unknown\n"
        "0.2,2,2,4,1,1,Xã H III -> II\n"
        "# counts are over 10 units; 'flipped' lists the units whose class differs from the previous value\n"
        "# 97 of the 97 data values these results rest on are estimated (see provenance.csv)\n");
}

TEST_CASE("targets report what the data shows and what was only reported", "[cli]") {
  Options o = example("targets");
  o.format = "csv";
  int code = -1;
  std::string out = run(o, &code);
  CHECK(code == 0);
  CHECK(out.find("kontum.nq-04-2016-targets,Poverty in the twinned communes falls every year (average of the communes),"
                 "province,\"mean poverty_rate_2016, per_year 2016-2020\",") != std::string::npos);
  CHECK(out.find(",no-value,\"the target's value is not known; reported: met") != std::string::npos);
  CHECK(out.find("the data has no rows for 2025") != std::string::npos);
}

TEST_CASE("an unknown output format is refused with the formats", "[cli]") {
  Options o = example("classify");
  o.format = "xml";
  CHECK(error_of(o) == "--format: error: unknown output format 'xml'\n  hint: use --format table, --format csv, --format json or --format xlsx\n");
}

TEST_CASE("a --set that is not name=value is refused with an example", "[cli]") {
  Options o = example("classify");
  o.set = {"poverty_high=abc"};
  CHECK(error_of(o) ==
        "--set: error: cannot read 'poverty_high=abc' as name=value\n"
        "  hint: write --set poverty_high=0.25 (a parameter name, '=', and a number with a '.' decimal point)\n");
}

TEST_CASE("a --set naming no parameter suggests the closest one", "[cli]") {
  Options o = example("classify");
  o.set = {"povert_high=0.3"};
  CHECK(error_of(o) ==
        "--set: error: --set names 'povert_high', which is not a parameter of rule set 'vn.qd-33-2020'\n"
        "  hint: did you mean 'poverty_high'?\n");
}

TEST_CASE("a year the data does not have is refused with the years it has", "[cli]") {
  Options o = example("classify");
  o.year = 2019;
  CHECK(error_of(o) == "--year: error: the data has no rows for 2019 (" + o.data +
                           " has 2016, 2020)\n  hint: choose one of the years the table has, or leave out --year to use the latest\n");
}

TEST_CASE("explain of a commune not in the data suggests a close name", "[cli]") {
  Options o = example("explain");
  o.commune = "Xã Z";
  CHECK(error_of(o) == "--commune: error: no commune 'Xã Z' in the data of 2020\n  hint: did you mean 'Xã A'?\n");
}

TEST_CASE("check reports every problem of a broken rule file together", "[cli]") {
  std::string path = temp_path(".toml");
  {
    std::ofstream f(path);
    f << "[ruleset]\nid = \"t.broken\"\nkind = \"k\"\neffective = { from = 2020-01-01 }\n"
         "[criteria]\na = \"povety_rate >= 0.2\"\nb = \"new_rural = 0\"\n";
  }
  Options o = example("check");
  o.paths = {path};
  std::string err = error_of(o);
  std::remove(path.c_str());
  CHECK(err == path + ":6:6: error: unknown name 'povety_rate'\n"
                      "  a = \"povety_rate >= 0.2\"\n"
                      "       ^\n"
                      "  hint: did you mean 'poverty_rate'?\n" +
                   path + ":7:16: error: '=' assigns a value; an expression here must compare\n"
                          "  b = \"new_rural = 0\"\n"
                          "                 ^\n"
                          "  hint: write '==' to test equality\n");
}

TEST_CASE("test of a rule file without any case fails, saying so, instead of passing with nothing checked", "[cli]") {
  std::string path = temp_path(".toml");
  {
    std::ofstream f(path);
    f << "[ruleset]\nid = \"t.no-cases\"\nkind = \"targets\"\neffective = { from = 2020-01-01 }\n"
         "[[target]]\nid = \"poverty-down\"\naggregate = \"mean\"\nof = \"poverty_rate\"\ncompare = \"<=\"\nvalue = 0.1\n";
  }
  Options o = example("test");
  o.paths = {path};
  int code = 0;
  std::string out = run(o, &code);
  std::remove(path.c_str());
  CHECK(code == 1);
  CHECK(out == "t.no-cases: 0 passed, 1 failed\n" + path +
                   ": FAILED: the rule file has no [[test]] case (t.no-cases)\n"
                   "    add at least one [[test]] case that the rule file passes; rules/README.md shows the forms\n"
                   "0 passed, 1 failed\n");
}

TEST_CASE("test of a targets file checks its table of units and years by hand-computed outcomes", "[cli]") {
  Options o = example("test");
  o.paths = {kHome + "/rules/kontum/ntp-2021-2025-targets.toml"};
  int code = 1;
  std::string out = run(o, &code);
  CHECK(code == 0);
  CHECK(out == "kontum.ntp-2021-2025-targets: 21 passed, 0 failed\n21 passed, 0 failed\n");
}

TEST_CASE("check compiles the expressions of targets and finds a misspelt name there", "[cli]") {
  std::string path = temp_path(".toml");
  {
    std::ofstream f(path);
    f << "[ruleset]\nid = \"t.targets\"\nkind = \"targets\"\neffective = { from = 2020-01-01 }\n"
         "[[target]]\nid = \"poverty-down\"\naggregate = \"mean\"\nof = \"povety_rate\"\nwhere = \"households >> 0\"\n"
         "compare = \"<=\"\nvalue = 0.1\n";
  }
  Options o = example("check");
  o.paths = {path};
  std::string err = error_of(o);
  std::remove(path.c_str());
  CHECK(err == path + ":8:7: error: unknown name 'povety_rate'\n"
                      "  of = \"povety_rate\"\n"
                      "        ^\n"
                      "  hint: did you mean 'poverty_rate'?\n" +
                   path + ":9:22: error: unexpected operator '>'\n"
                          "  where = \"households >> 0\"\n"
                          "                       ^\n"
                          "  hint: an operator needs a value on each side\n");
}

TEST_CASE("explain without a commune says how to name one", "[cli]") {
  CHECK(error_of(example("explain")) ==
        "--commune: error: explain needs a commune\n"
        "  hint: name one with --commune, by slug or by name, e.g. --commune \"Mường Hoong\"\n");
}

TEST_CASE("diff with one rule set says it needs two", "[cli]") {
  Options o = example("diff");
  o.paths = {"vn.qd-33-2020"};
  CHECK(error_of(o) ==
        "diff: error: diff compares two rule sets; 1 given\n"
        "  hint: write: lotrinh diff OLD NEW (rule files or rule set ids), e.g. lotrinh diff vn.qd-33-2020 "
        "draft.qd-33-2020-poverty-15\n");
}

TEST_CASE("an unknown CSV dialect is refused with the two dialects", "[cli]") {
  Options o = example("classify");
  o.csv_dialect = "excel";
  CHECK(error_of(o) ==
        "--csv-dialect: error: unknown CSV dialect 'excel'\n"
        "  hint: use --csv-dialect rfc4180 (',' between fields, '.' decimals) or --csv-dialect excel-vi (';' between "
        "fields, ',' decimals)\n");
}

TEST_CASE("naming a folder of several rule sets with --rules asks for one", "[cli]") {
  Options o = example("classify");
  o.rules = {kHome + "/rules/vn"};
  CHECK(error_of(o) == "--rules: error: '" + kHome +
                           "/rules/vn' holds several rule sets; this command needs one\n"
                           "  hint: name one rule file, or a rule set id such as vn.qd-33-2020\n");
}

TEST_CASE("a Vietnamese Excel table is read with its dialect", "[cli]") {
  std::string path = temp_path(".csv");
  {
    std::ofstream f(path);
    f << "commune;year;poverty_rate;em_household_share;new_rural;mekong_delta\nxa-1;2020;0,25;0,9;0;0\n";
  }
  Options o = example("classify");
  o.data = path;
  o.csv_dialect = "excel-vi";
  o.format = "csv";
  std::string out = run(o);
  std::remove(path.c_str());
  CHECK(out.find("unit,name,district,region\nxa-1,,,III\n# rule set vn.qd-33-2020") == 0);
}

// The bundled Kon Tum dataset, used when no --data is given.
Options kontum(std::string command) {
  Options o;
  o.command = std::move(command);
  o.out = temp_path(".out");
  return o;
}

TEST_CASE("explain of Mường Hoong in 2020 shows its reported poverty and where it was reported", "[cli]") {
  Options o = kontum("explain");
  o.commune = "Mường Hoong";
  o.year = 2020;
  std::string out = run(o);
  CHECK(out.find("Mường Hoong (muong-hoong, Đăk Glei), data of 2020\n") == 0);
  CHECK(out.find("poverty_rate[poverty_rate_2016]: 0.5909 (59.09 %)  — reported: report 141-BC/TU, III.2\n") !=
        std::string::npos);
}

TEST_CASE("under Vietnamese explain names the commune, the rule set and the values' sources in Vietnamese, and their ids with --codes", "[cli]") {
  Options o = kontum("explain");
  o.commune = "Mường Hoong";
  o.year = 2020;
  std::string vi = in_vietnamese([&] { return run(o); });
  CHECK(vi.find("Mường Hoong (Đăk Glei), dữ liệu năm 2020\n"
                "bộ quy tắc “Tiêu chí phân định xã khu vực III, II, I vùng đồng bào dân tộc thiểu số và miền núi giai đoạn "
                "2021-2025” (Quyết định 33/2020/QĐ-TTg (12/11/2020), Điều 2-5), áp dụng cho dữ liệu năm 2020\n") == 0);
  CHECK(vi.find("Tỷ lệ hộ nghèo (chuẩn nghèo 2016-2020, QĐ 59/2015): 59,09 %  — theo báo cáo: Báo cáo 141-BC/TU, III.2\n") !=
        std::string::npos);
  CHECK(vi.find("Thuộc vùng Đồng bằng sông Cửu Long: không  — tính toán: Kon Tum thuộc Tây Nguyên, không thuộc Đồng bằng "
                "sông Cửu Long\n") != std::string::npos);
  Options codes = o;
  codes.codes = true;
  std::string ids = in_vietnamese([&] { return run(codes); });
  CHECK(ids.find("Mường Hoong (muong-hoong, Đăk Glei), dữ liệu năm 2020\nbộ quy tắc vn.qd-33-2020 (") == 0);
  CHECK(ids.find("poverty_rate[poverty_rate_2016]: 0,5909 (59,09 %)  — reported: report 141-BC/TU, III.2\n") != std::string::npos);
}

TEST_CASE("explain of Đăk Long in 2020 lists the two communes of that name", "[cli]") {
  Options o = kontum("explain");
  o.commune = "Đăk Long";
  o.year = 2020;
  CHECK(error_of(o) ==
        "--commune: error: 'Đăk Long' matches 2 units that existed in 2020: Đăk Long (Đăk Glei, dak-long-dak-glei); "
        "Đăk Long (Đăk Hà, dak-long-dak-ha)\n"
        "  hint: name the unit by its slug, such as 'dak-long-dak-glei', or by its name and district, such as 'NAME, DISTRICT'\n");
}

TEST_CASE("reproduce says how many of the values behind a figure are estimated", "[cli]") {
  Options o = kontum("reproduce");
  o.format = "csv";
  int code = -1;
  std::string out = run(o, &code);
  CHECK(code == 0);
  CHECK(out.find("poverty-ngoc-linh,III.2,Poverty rate of Ngọc Linh,76.49,76.49,percent,data,") != std::string::npos);
  CHECK(out.find(",match,0 of 1,\n") != std::string::npos);  // Ngọc Linh's rate is reported, not estimated
  CHECK(out.find(",source-inconsistent,") != std::string::npos);
  CHECK(out.find(",mismatch,") == std::string::npos);
}

// tests/cli/official-lists: the example table with an invented official list for data of
// 2020-2024 beside it (xa-a III and xa-c I agree with the computed class, xa-b II does not).
Options with_official_list(std::string command) {
  Options o = example(std::move(command));
  o.data = kHome + "/tests/cli/official-lists/communes.csv";
  return o;
}

TEST_CASE("classify shows the official class beside the computed one and says how many agree", "[cli]") {
  Options o = with_official_list("classify");
  o.year = 2020;
  o.format = "csv";
  std::string csv = run(o);
  CHECK(csv.find("unit,name,district,region,official\n") == 0);
  CHECK(csv.find("\nxa-a,Xã A,Huyện X,III,III\n") != std::string::npos);
  CHECK(csv.find("\nxa-b,Xã B,Huyện X,III,II\n") != std::string::npos);
  CHECK(csv.find("\nxa-c,Xã C,Huyện Y,I,I\n") != std::string::npos);
  CHECK(csv.find("\nxa-d,Xã D,Huyện Y,I,\n") != std::string::npos);  // no official entry: nothing, never a guess
  o.format = "table";
  std::string table = run(o);
  CHECK(table.find("\nTest decision 1/2021 (2021-06-04), the official list for data of 2020-2024: official class known "
                   "for 3 units; computed agrees for 2\n") != std::string::npos);
  CHECK(table.find("\nTest decision 1/2021 counts units by official class: Region III 3\n") != std::string::npos);
  table = in_vietnamese([&] { return run(o); });
  CHECK(table.find("\nTest decision 1/2021 (2021-06-04), danh sách chính thức cho dữ liệu năm 2020-2024: biết loại chính "
                   "thức của 3 đơn vị; kết quả tính trùng với 2\n") != std::string::npos);
}

TEST_CASE("classify of a data year no official list stands for shows no official column", "[cli]") {
  Options o = with_official_list("classify");
  o.year = 2016;
  o.format = "csv";
  std::string csv = run(o);
  CHECK(csv.find("unit,name,district,region\n") == 0);
  o.format = "table";
  CHECK(run(o).find("official") == std::string::npos);
}

TEST_CASE("an official list naming a unit the table lacks is refused at its cell", "[cli]") {
  std::filesystem::path dir = temp_path("-official");
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(kHome + "/scenarios/example/communes.csv", dir / "communes.csv");
  std::ofstream(dir / "official_lists.csv")
      << "list,decision,date,data_from,data_to,classification,unit,class,count,source,note\n"
         "t,QĐ 9,2021-06-04,2020,2024,region,xa-z,III,,src,\n";
  Options o = example("classify");
  o.data = (dir / "communes.csv").string();
  o.year = 2020;
  CHECK(error_of(o) == (dir / "official_lists.csv").string() + ":2:36: error: list t: unit 'xa-z' is not in " +
                           o.data + "\n"
                           "  t,QĐ 9,2021-06-04,2020,2024,region,xa-z,III,,src,\n"
                           "                                     ^\n"
                           "  hint: write the unit's key as in the table's commune column\n");
  o.year = 2016;  // no list stands for 2016: the list is not read against the table
  CHECK(error_of(o) == "");
  std::filesystem::remove_all(dir);
}

TEST_CASE("classify of the Kon Tum data of 2016 sets the 2016-2020 official list beside the computed classes", "[cli]") {
  Options o = kontum("classify");
  o.year = 2016;
  std::string table = run(o);
  CHECK(table.find("\nQuyết định 582/QĐ-TTg (2017-04-28), the official list for data of 2016-2019: official class known "
                   "for 3 units; computed agrees for ") != std::string::npos);
  CHECK(table.find("\nQuyết định 582/QĐ-TTg counts units by official class: Region I 25, Region II 28, Region III 49\n") != std::string::npos);
  o.year = 2021;  // the 2021-2025 list was not found: no official column
  CHECK(run(o).find("official") == std::string::npos);
}

// A figures file of three figures over the Kon Tum table: one the data were fitted to, one
// independent, one arithmetic over the report's numbers.
std::string three_figures(const std::string& units_check) {
  std::string path = temp_path(".toml");
  std::ofstream(path) << "[report]\nid = \"T\"\n"
                         "[[figure]]\nid = \"twinned\"\nsection = \"fn9\"\nlabel.en = \"twinned\"\nreported = 51\n"
                         "unit = \"count\"\naggregate = \"count\"\nof = \"twinned == 1\"\nyear = 2016\n"
                         "[[figure]]\nid = \"units\"\nsection = \"I\"\nlabel.en = \"units\"\nreported = 102\n"
                         "unit = \"count\"\naggregate = \"count\"\nof = \"households > 0\"\nyear = 2016\n" + units_check +
                         "[[figure]]\nid = \"sum\"\nsection = \"II.5\"\nlabel.en = \"sum\"\nreported = 51\n"
                         "unit = \"count\"\narithmetic = \"8 + 39 + 4\"\n";
  return path;
}

TEST_CASE("reproduce marks each figure fitted or independent and counts the two apart", "[cli]") {
  Options o = kontum("reproduce");
  o.paths = {three_figures("check = \"independent\"\n")};
  o.format = "csv";
  std::string csv = run(o);
  CHECK(csv.find("id,section,figure,reported,computed,unit,from,check,measure,status,estimated,note\n") == 0);
  CHECK(csv.find("\ntwinned,fn9,twinned,51,51,count,data,fitted,") != std::string::npos);
  CHECK(csv.find("\nunits,I,units,102,102,count,data,independent,") != std::string::npos);
  CHECK(csv.find("\nsum,II.5,sum,51,51,count,report,,") != std::string::npos);
  o.format = "table";
  std::string table = run(o);
  CHECK(table.find("\n3 figures: 3 match, 0 match-rounding, 0 source-inconsistent, 0 not-reproducible, 0 mismatch; "
                   "computed: 2 from the table's rows (1 fitted, 1 independent), 1 from the report's own figures\n") !=
        std::string::npos);
  CHECK(table.find("\nfitted: the data were made to reproduce the figure, so its match checks the fit, not the data; "
                   "independent: nothing in the making of the data aimed at it, so its match is evidence for the table; "
                   "arithmetic over the report's own numbers is neither\n") != std::string::npos);
  CHECK(table.find("none of the") == std::string::npos);
  std::remove(o.paths.front().c_str());
}

TEST_CASE("reproduce says so when no figure computed from the table is an independent check", "[cli]") {
  Options o = kontum("reproduce");
  o.paths = {three_figures("")};
  std::string table = run(o);
  CHECK(table.find("computed: 2 from the table's rows (2 fitted, 0 independent), 1 from the report's own figures\n") !=
        std::string::npos);
  CHECK(table.find("\nnone of the 2 figures computed from the table is an independent check: their matches show that "
                   "the fit holds, not that the table is right\n") != std::string::npos);
  table = in_vietnamese([&] { return run(o); });
  CHECK(table.find("tính từ: 2 từ các dòng của bảng (2 đã khớp dữ liệu, 0 độc lập), 1 từ chính các con số của báo cáo\n") !=
        std::string::npos);
  std::remove(o.paths.front().c_str());
}

TEST_CASE("an xlsx format without --out is refused before any work, in English and Vietnamese", "[cli]") {
  Options o = example("classify");
  o.format = "xlsx";
  o.out = "";
  CHECK(error_of(o) ==
        "--format: error: --format xlsx writes a binary Excel workbook, which is not shown on a terminal\n"
        "  hint: name the workbook with --out, for example --out result.xlsx\n");
  o.out = "-";
  std::string vi = in_vietnamese([&] { return error_of(o); });
  CHECK(vi ==
        "--format: lỗi: --format xlsx ghi một sổ tính Excel dạng nhị phân, không hiển thị được trên cửa sổ dòng lệnh\n"
        "  gợi ý: đặt tên sổ tính bằng --out, ví dụ --out ket-qua.xlsx\n");
}

TEST_CASE("classify --format xlsx writes a zip workbook to --out, the same bytes each time", "[cli]") {
  Options o = example("classify");
  o.format = "xlsx";
  o.out = temp_path(".xlsx");
  std::string a = run(o);
  std::string b = run(o);
  REQUIRE(a.size() > 1000);
  CHECK(a.substr(0, 2) == "PK");
  CHECK(a == b);
}

TEST_CASE("the Excel CSV flag with a format other than csv is refused with the fix, in English and Vietnamese", "[cli]") {
  Options o = example("classify");
  o.excel = true;
  o.format = "table";
  CHECK(error_of(o) ==
        "--excel: error: --excel shapes CSV for Excel, but the format is 'table'\n"
        "  hint: add --format csv (or use --format xlsx for a workbook)\n");
  std::string vi = in_vietnamese([&] { return error_of(o); });
  CHECK(vi ==
        "--excel: lỗi: --excel định dạng CSV cho Excel, nhưng định dạng đang là 'table'\n"
        "  gợi ý: thêm --format csv (hoặc dùng --format xlsx để có sổ tính)\n");
  o.format = "csv";
  std::string csv = run(o);
  CHECK(csv.rfind("\xEF\xBB\xBFunit;name;district;region\n", 0) == 0);
}

TEST_CASE("classify counts in its notes the units where a division by zero made a leaf unknown", "[cli]") {
  const std::string path = temp_path(".toml");
  {
    std::ofstream f(path);
    f << "[ruleset]\nid = \"t.nf\"\nkind = \"k\"\nlevel = \"commune\"\neffective = { from = 2016-01-01 }\n"
         "[parameters]\nhi = { value = 0.2, unit = \"fraction\", source = \"a\" }\n"
         "[criteria]\ndiv = \"poverty_rate_2016 / 0 >= hi\"\n"
         "[classification.c]\norder = [ { class = \"a\", when = \"div\" }, { class = \"b\" } ]\n";
  }
  Options o = example("classify");
  o.year = 2016;
  o.rules = {path};
  std::string out = run(o);
  std::remove(path.c_str());
  CHECK(out.find("c: unknown 10 (of 10 units)\n") != std::string::npos);
  CHECK(out.find("poverty_rate_2016 / 0 >= hi has no finite value for 10 unit(s), first Xã A (a division by zero, a root "
                 "or logarithm of a negative number, or an overflow): unknown there, never true or false; check its "
                 "divisors and roots\n") != std::string::npos);
}

TEST_CASE("sweep refuses more values than --max-steps allows, and a raised limit lets it run", "[cli]") {
  Options o = example("sweep");
  o.param = "poverty_high";
  o.from = 0.16;
  o.to = 0.20;
  o.step = 0.02;
  o.max_steps = 2;
  CHECK(error_of(o) ==
        "--step: error: sweeping from 0.16 to 0.2 in steps of 0.02 takes 3 steps, more than the limit of 2\n"
        "  hint: use a larger --step or a narrower range, or raise the limit with --max-steps\n");
  o.max_steps = 3;
  o.format = "csv";
  CHECK(run(o).find("0.2,2,2,4,1,1,Xã H III -> II\n") != std::string::npos);
}

TEST_CASE("classify --class and --district show only the units asked for, matched with or without diacritics", "[cli]") {
  Options o = example("classify");
  o.format = "csv";
  o.class_filter = "III";
  o.district = "huyen x";
  std::string out = run(o);
  CHECK(out.find("unit,name,district,region\nxa-a,Xã A,Huyện X,III\nxa-b,Xã B,Huyện X,III\nxa-i,Xã I,Huyện X,III\n# ") == 0);
  CHECK(out.find("# showing 3 of 10 units (--class III, --district Huyện X); the counts below are of every unit\n") !=
        std::string::npos);
}

TEST_CASE("classify refuses an unknown district at --district and an unknown class at --class, with the closest", "[cli]") {
  Options o = example("classify");
  o.district = "Huyen Xy";
  CHECK(error_of(o) == "--district: error: no district 'Huyen Xy' in the data of 2020\n  hint: did you mean 'Huyện X'?\n");
  Options c = example("classify");
  c.class_filter = "IV";
  CHECK(error_of(c) ==
        "--class: error: no class 'IV' in classification 'region' (its classes: Region III, Region I, Region II, Out of scope, "
        "unknown)\n"
        "  hint: did you mean 'I'?\n");
}

TEST_CASE("classify --class takes the Vietnamese word of a class under --lang vi", "[cli]") {
  std::string out = in_vietnamese([] {
    Options o = example("classify");
    o.format = "csv";
    o.class_filter = "ngoai pham vi";
    return run(o);
  });
  CHECK(out.find("Đơn vị,Tên,Huyện,Khu vực\nxa-f,Xã F,Huyện Y,Ngoài phạm vi\n# ") == 0);
}

TEST_CASE("under --lang vi classify writes Vietnamese headers and class names, and --codes keeps the codes", "[cli]") {
  std::string words = in_vietnamese([] {
    Options o = example("classify");
    o.format = "csv";
    return run(o);
  });
  CHECK(words.find("Đơn vị,Tên,Huyện,Khu vực\n") == 0);
  CHECK(words.find("xa-e,Xã E,Huyện Y,Khu vực II\nxa-f,Xã F,Huyện Y,Ngoài phạm vi\nxa-g,Xã G,Huyện X,chưa xác định\n") != std::string::npos);
  CHECK(words.find("# Khu vực: Khu vực I 2, Khu vực II 2, Khu vực III 4, Ngoài phạm vi 1, chưa xác định 1 (trên tổng số 10 đơn vị)\n") !=
        std::string::npos);
  std::string codes = in_vietnamese([] {
    Options o = example("classify");
    o.format = "csv";
    o.codes = true;
    return run(o);
  });
  CHECK(codes.find("unit,name,district,region\n") == 0);
  CHECK(codes.find("xa-f,Xã F,Huyện Y,out-of-scope\nxa-g,Xã G,Huyện X,unknown\n") != std::string::npos);
}

TEST_CASE("under --lang vi explain speaks in the clauses' titles and articles, with values in Vietnamese style", "[cli]") {
  std::string out = in_vietnamese([] {
    Options o = example("explain");
    o.commune = "Xã H";
    return run(o);
  });
  CHECK(out.find("Khu vực: Khu vực II\n") != std::string::npos);
  CHECK(out.find("Điều 3 (b): (b) tỷ lệ hộ nghèo từ 15 % đến dưới 20 % (Đồng bằng sông Cửu Long: từ 12 % đến dưới 15 %)*: đạt\n") !=
        std::string::npos);
  CHECK(out.find("Tỷ lệ hộ nghèo (chuẩn nghèo 2016-2020, QĐ 59/2015) ≥ 20 %: không đạt  — 18,7 %: thiếu 1,3 điểm phần trăm\n") !=
        std::string::npos);
  CHECK(out.find("* bản dịch của dự án, không phải nguyên văn của văn bản pháp luật\n") != std::string::npos);
  std::string codes = in_vietnamese([] {
    Options o = example("explain");
    o.commune = "Xã H";
    o.codes = true;
    return run(o);
  });
  CHECK(codes.find("poverty_rate >= poverty_high: false  — poverty_rate[poverty_rate_2016] 0,187 (18,7 %), cần ≥ 0,2 "
                   "(poverty_high): thiếu 1,3 điểm phần trăm") != std::string::npos);
}

TEST_CASE("explain --commune 'NAME, DISTRICT' picks the commune of that name in that district", "[cli]") {
  Options o = kontum("explain");
  o.commune = "Dak Long, Đăk Glei";
  o.year = 2020;
  CHECK(run(o).find("Đăk Long (dak-long-dak-glei, Đăk Glei), data of 2020\n") == 0);
  Options bad = kontum("explain");
  bad.commune = "Đăk Long, Dak Gley";
  bad.year = 2020;
  CHECK(error_of(bad) == "--commune: error: no district 'Dak Gley' in the data of 2020\n  hint: did you mean 'Đăk Glei'?\n");
}

TEST_CASE("targets' summary line counts the targets met, not met and unknown, and says why each unknown is unknown", "[cli]") {
  Options o = kontum("targets");
  o.year = 2021;
  std::string out = run(o);
  CHECK(out.find("\n29 targets: 0 met, 0 not met, 29 unknown (why: 13 × the data has no rows for 2025; 1 × 102 units have missing values in 2021; ") != std::string::npos);
}

TEST_CASE("classify and explain say when the data years next to the one read use another poverty standard", "[cli]") {
  Options o = kontum("classify");
  o.year = 2021;
  CHECK(run(o).find("\npoverty standard: “Poverty rate (under the standard in force in the data year)” is read as "
                    "“Multidimensional poverty rate (2022-2025 standard, Decree 07/2021)” (standard 07/2021) in the data of 2021 "
                    "but as “Poverty rate (2016-2020 standard, Decision 59/2015)” (standard 59/2015) in the data of 2020; a class "
                    "that changes between 2021 and 2020 may change with the standard, not the commune\n") != std::string::npos);
  CHECK(in_vietnamese([&] { return run(o); })
            .find("\nchuẩn nghèo: “Tỷ lệ hộ nghèo (theo chuẩn nghèo áp dụng trong năm số liệu)” được đọc là “Tỷ lệ hộ nghèo "
                  "đa chiều (chuẩn nghèo 2022-2025, NĐ 07/2021)” (chuẩn 07/2021) trong dữ liệu năm 2021 nhưng là “Tỷ lệ hộ "
                  "nghèo (chuẩn nghèo 2016-2020, QĐ 59/2015)” (chuẩn 59/2015) trong dữ liệu năm 2020; một đơn vị đổi loại "
                  "giữa năm 2021 và năm 2020 có thể do chuẩn nghèo thay đổi, không phải do chính đơn vị\n") != std::string::npos);
  Options codes = o;
  codes.codes = true;
  CHECK(in_vietnamese([&] { return run(codes); })
            .find("\nchuẩn nghèo: poverty_rate được đọc theo chuẩn 07/2021 (poverty_rate_2022) trong dữ liệu năm 2021 nhưng "
                  "theo chuẩn 59/2015 (poverty_rate_2016) trong dữ liệu năm 2020;") != std::string::npos);
  Options e = kontum("explain");
  e.commune = "Mường Hoong";
  e.year = 2020;
  CHECK(run(e).find("\npoverty standard: “Poverty rate (under the standard in force in the data year)” is read as "
                    "“Poverty rate (2016-2020 standard, Decision 59/2015)” (standard 59/2015) in the data of 2020 but as "
                    "“Multidimensional poverty rate (2022-2025 standard, Decree 07/2021)” (standard 07/2021) in the data of 2021;") !=
        std::string::npos);
}

TEST_CASE("the Excel CSV flag alone writes Excel CSV", "[cli]") {
  Options o = example("classify");
  o.excel = true;
  CHECK(run(o).rfind("\xEF\xBB\xBFunit;name;district;region\n", 0) == 0);
}

TEST_CASE("without --format the extension of --out chooses the format: a workbook, CSV or JSON", "[cli]") {
  Options o = example("classify");
  o.out = temp_path(".xlsx");
  CHECK(run(o).substr(0, 2) == "PK");
  o.out = temp_path(".CSV");
  CHECK(run(o).rfind("unit,name,district,region\n", 0) == 0);
  o.out = temp_path(".json");
  CHECK(run(o).substr(0, 1) == "{");
  o.out = temp_path(".txt");
  CHECK(run(o).find("-----") != std::string::npos);
}

TEST_CASE("a text format written under a workbook's name, or a workbook under a CSV name, is refused with the fix", "[cli]") {
  Options o = example("classify");
  o.format = "csv";
  o.out = "result.xlsx";
  CHECK(error_of(o) ==
        "--format: error: --format csv does not match --out 'result.xlsx', a name for xlsx\n"
        "  hint: leave out --format (the extension .xlsx chooses the format), or name the file for the format you want\n");
  o.format = "xlsx";
  o.out = "result.csv";
  std::string vi = in_vietnamese([&] { return error_of(o); });
  CHECK(vi ==
        "--format: lỗi: --format xlsx không khớp với --out 'result.csv', tên dành cho tệp csv\n"
        "  gợi ý: bỏ --format (phần mở rộng .csv tự chọn định dạng), hoặc đặt tên tệp theo định dạng bạn muốn\n");
  o.format = "table";
  o.out = temp_path(".csv");
  CHECK(error_of(o).empty());
}
