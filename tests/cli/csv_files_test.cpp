// CSV holds one table per file: a command with several tables, written with --format csv
// --out FILE.csv, puts its first table in FILE.csv and each other one beside it in
// FILE-<name>.csv, every file under the safe-output rules and read back by lotrinh's CSV reader;
// standard output keeps the first table and says on stderr how to get the others.
#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/options.h"
#include "data/csv_table_reader.h"
#include "data/csv_trailer.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "../common/cli_runs.h"
#include "../common/test_files.h"

namespace fs = std::filesystem;
using lotrinh::cli::Options;
using lotrinh::testing::error_of;
using lotrinh::testing::run_binary;
using lotrinh::testing::slurp;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;
const std::string kExample = kHome + "/scenarios/example/communes.csv";

// A fresh, empty folder for one test.
fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("lotrinh-csvsplit-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The names of the entries of `dir`, sorted.
std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

Options diff_to(const fs::path& out) {
  Options o;
  o.command = "diff";
  o.paths = {"vn.qd-33-2020", "draft.qd-33-2020-poverty-15"};
  o.data = kExample;
  o.format = "csv";
  o.out = out.string();
  return o;
}

// A file read back as lotrinh reads CSV: its '#' trailer left out, split into records in
// `dialect`; every record has as many cells as the header.
std::vector<lotrinh::data::CsvRecord> read_back(const fs::path& p, lotrinh::data::CsvDialect dialect) {
  std::string text = slurp(p.string());
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text = text.substr(3);
  auto records = lotrinh::data::parse_csv(p.string(), lotrinh::data::without_trailer(text), dialect);
  REQUIRE(!records.empty());
  for (const auto& r : records) CHECK(r.cells.size() == records.front().cells.size());
  return records;
}

// The '#' lines at the end of the file at `p`.
std::string trailer(const fs::path& p) {
  std::string text = slurp(p.string());
  return text.substr(lotrinh::data::without_trailer(text).size());
}

}  // namespace

TEST_CASE("diff --format csv --out FILE.csv writes its rule changes there and each other table to a file beside it", "[cli][csv]") {
  fs::path dir = scratch("diff");
  REQUIRE(lotrinh::cli::run_command(diff_to(dir / "draft.csv")) == 0);
  CHECK(entries(dir) == std::vector<std::string>{"draft-gaps-draft.qd-33-2020-poverty-15-region.csv", "draft-units.csv", "draft.csv"});
  CHECK(slurp((dir / "draft.csv").string()) ==
        "kind,name,before,after\n"
        "parameter,poverty_high,0.2,0.15\n"
        "# What changed from vn.qd-33-2020 to draft.qd-33-2020-poverty-15\n");
  CHECK(slurp((dir / "draft-units.csv").string()).rfind("unit,name,classification,before,after,deciding\nxa-g,Xã G,region,unknown,III,", 0) == 0);
  CHECK(trailer(dir / "draft-units.csv") ==
        "# Units whose class changes, data of 2020\n"
        "# 2 of 10 units change class\n"
        "# 97 of the 97 data values these results rest on are estimated (see provenance.csv)\n"
        "# What changed from vn.qd-33-2020 to draft.qd-33-2020-poverty-15\n");
  auto units = read_back(dir / "draft-units.csv", lotrinh::data::CsvDialect::kRfc4180);
  CHECK(units.size() == 3);
  CHECK(units[2].cells[0] == "xa-h");
  auto gaps = read_back(dir / "draft-gaps-draft.qd-33-2020-poverty-15-region.csv", lotrinh::data::CsvDialect::kRfc4180);
  CHECK(gaps.front().cells.front() == "finding");
  CHECK(gaps.front().cells.at(gaps.front().cells.size() - 2) == "sentence");
  CHECK(gaps.size() > 1);
  CHECK(trailer(dir / "draft-gaps-draft.qd-33-2020-poverty-15-region.csv")
            .rfind("# Gaps and overlaps: draft.qd-33-2020-poverty-15, classification 'region'\n# ", 0) == 0);
  fs::remove_all(dir);
}

TEST_CASE("diff --excel writes every file with a byte-order mark in the Vietnamese-Excel dialect, which lotrinh reads back", "[cli][csv]") {
  fs::path dir = scratch("diff-excel");
  Options o = diff_to(dir / "draft.csv");
  o.excel = true;
  REQUIRE(lotrinh::cli::run_command(o) == 0);
  REQUIRE(entries(dir).size() == 3);
  for (const auto& name : entries(dir)) {
    INFO(name);
    CHECK(slurp((dir / name).string()).rfind("\xEF\xBB\xBF", 0) == 0);
    auto records = read_back(dir / name, lotrinh::data::CsvDialect::kExcelVi);
    CHECK(records.front().cells.size() >= 3);
  }
  // The parameter's values are numbers for Excel, in its Vietnamese dialect's style.
  CHECK(slurp((dir / "draft.csv").string()) == "\xEF\xBB\xBFkind;name;before;after\nparameter;poverty_high;0,2;0,15\n"
                                                  "# What changed from vn.qd-33-2020 to draft.qd-33-2020-poverty-15\n");
  fs::remove_all(dir);
}

TEST_CASE("a table file the output would write that is a planted symlink is refused at --out and nothing is written", "[cli][csv]") {
  fs::path dir = scratch("diff-symlink");
  { std::ofstream(dir / "elsewhere.csv") << "kept\n"; }
  fs::create_symlink(dir / "elsewhere.csv", dir / "draft-units.csv");
  const std::string units = (dir / "draft-units.csv").string();
  CHECK(error_of(diff_to(dir / "draft.csv")) ==
        "--out: error: '" + units + "' is a symbolic link; lotrinh does not replace a link with a file, nor write through it\n"
        "  hint: name the file the link points to, or another file\n");
  CHECK(entries(dir) == std::vector<std::string>{"draft-units.csv", "elsewhere.csv"});
  CHECK(slurp((dir / "elsewhere.csv").string()) == "kept\n");
  fs::remove_all(dir);
}

TEST_CASE("a table file the output would write that is the run's input is refused at --out and the input kept", "[cli][csv]") {
  fs::path dir = scratch("diff-input");
  fs::copy_file(kExample, dir / "draft-units.csv");
  const std::string input = (dir / "draft-units.csv").string();
  Options o = diff_to(dir / "draft.csv");
  o.data = input;
  CHECK(error_of(o) == "--out: error: '" + input + "' is the same file as the input '" + input +
                           "'; writing it would destroy the input\n"
                           "  hint: name a new file for the output; lotrinh never writes over a file it reads\n");
  CHECK(slurp(input) == slurp(kExample));
  CHECK(entries(dir) == std::vector<std::string>{"draft-units.csv"});
  fs::remove_all(dir);
}

TEST_CASE("a table file the output would write that is a folder is refused at --out, and --out naming a folder is refused too", "[cli][csv]") {
  fs::path dir = scratch("diff-folder");
  fs::create_directory(dir / "draft-units.csv");
  const std::string units = (dir / "draft-units.csv").string();
  CHECK(error_of(diff_to(dir / "draft.csv")) ==
        "--out: error: '" + units + "' is a folder, not a file\n  hint: name a file inside it, e.g. '" + units + "/result.csv'\n");
  CHECK(entries(dir) == std::vector<std::string>{"draft-units.csv"});
  CHECK(error_of(diff_to(dir)) ==
        "--out: error: '" + dir.string() + "' is a folder, not a file\n  hint: name a file inside it, e.g. '" + dir.string() + "/result.csv'\n");
  CHECK(entries(dir) == std::vector<std::string>{"draft-units.csv"});
  fs::remove_all(dir);
}

TEST_CASE("diff in CSV on standard output prints its first table only and says on stderr where the others go", "[cli][csv]") {
  const auto r = run_binary("--lang en diff vn.qd-33-2020 draft.qd-33-2020-poverty-15 --data scenarios/example/communes.csv --format csv");
  CHECK(r.code == 0);
  CHECK(r.out == "kind,name,before,after\nparameter,poverty_high,0.2,0.15\n");
  CHECK(r.err ==
        "note: CSV holds one table: standard output has the first ('rules'); --out FILE.csv writes it to FILE.csv and each "
        "other table to its own file beside it: FILE-units.csv, FILE-gaps-draft.qd-33-2020-poverty-15-region.csv\n");
}

TEST_CASE("the stderr note of a CSV on standard output is in Vietnamese under --lang vi", "[cli][csv]") {
  const auto r = run_binary("--lang vi reproduce --format csv");
  CHECK(r.code == 0);
  CHECK(r.err.find("ghi chú: mỗi tệp CSV chứa một bảng: đầu ra chuẩn chỉ có bảng đầu tiên ('figures'); --out TEP.csv ghi bảng "
                   "đó vào TEP.csv và mỗi bảng còn lại vào một tệp riêng bên cạnh: TEP-transitions.csv\n") != std::string::npos);
}

TEST_CASE("check --gaps --format csv --out writes the check table and one file per classification searched", "[cli][csv]") {
  fs::path dir = scratch("check-gaps");
  Options o;
  o.command = "check";
  o.paths = {kHome + "/rules/vn/qd-33-2020.toml"};
  o.gaps = true;
  o.params = true;
  o.format = "csv";
  o.out = (dir / "check.csv").string();
  REQUIRE(lotrinh::cli::run_command(o) == 0);
  CHECK(entries(dir) == std::vector<std::string>{"check-gaps-vn.qd-33-2020-region.csv", "check-parameters-vn.qd-33-2020.csv", "check.csv"});
  auto main = read_back(dir / "check.csv", lotrinh::data::CsvDialect::kRfc4180);
  CHECK(main.size() == 2);
  CHECK(main[1].cells[0] == "vn.qd-33-2020");
  auto gaps = read_back(dir / "check-gaps-vn.qd-33-2020-region.csv", lotrinh::data::CsvDialect::kRfc4180);
  CHECK(gaps.front().cells.front() == "finding");
  CHECK(gaps.front().cells.at(gaps.front().cells.size() - 2) == "sentence");
  auto params = read_back(dir / "check-parameters-vn.qd-33-2020.csv", lotrinh::data::CsvDialect::kRfc4180);
  CHECK(params.size() > 2);
  CHECK(trailer(dir / "check-gaps-vn.qd-33-2020-region.csv").find("rule sets loaded and compiled") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("reproduce --format csv --out writes the figures and the transitions beside them; --transitions writes those alone", "[cli][csv]") {
  fs::path dir = scratch("reproduce");
  Options o;
  o.command = "reproduce";
  o.format = "csv";
  o.out = (dir / "r.csv").string();
  lotrinh::cli::run_command(o);
  CHECK(entries(dir) == std::vector<std::string>{"r-transitions.csv", "r.csv"});
  auto figures = read_back(dir / "r.csv", lotrinh::data::CsvDialect::kRfc4180);
  CHECK(figures.front().cells.front() == "id");
  auto transitions = read_back(dir / "r-transitions.csv", lotrinh::data::CsvDialect::kRfc4180);
  CHECK(transitions.front().cells.front() == "unit");
  CHECK(transitions.size() > 50);
  CHECK(slurp((dir / "r.csv").string()).find("--transitions") == std::string::npos);
  fs::remove_all(dir);
  dir = scratch("reproduce-transitions");
  o.out = (dir / "t.csv").string();
  o.transitions = true;
  lotrinh::cli::run_command(o);
  CHECK(entries(dir) == std::vector<std::string>{"t.csv"});
  CHECK(read_back(dir / "t.csv", lotrinh::data::CsvDialect::kRfc4180).size() == transitions.size());
  fs::remove_all(dir);
}

TEST_CASE("simulate --format csv --excel --out writes its communes, fan and targets to three files, each read back", "[cli][csv]") {
  fs::path dir = scratch("simulate");
  Options o;
  o.command = "simulate";
  o.runs = 4;
  o.threads = 1;
  o.format = "csv";
  o.excel = true;
  o.out = (dir / "plan.CSV").string();
  REQUIRE(lotrinh::cli::run_command(o) == 0);
  CHECK(entries(dir) == std::vector<std::string>{"plan-fan.csv", "plan-targets.csv", "plan.CSV"});
  auto communes = read_back(dir / "plan.CSV", lotrinh::data::CsvDialect::kExcelVi);
  CHECK(communes.size() == 103);  // the header and the province's 102 communes
  auto fan = read_back(dir / "plan-fan.csv", lotrinh::data::CsvDialect::kExcelVi);
  CHECK(fan.front().cells[1] == "year");
  auto targets = read_back(dir / "plan-targets.csv", lotrinh::data::CsvDialect::kExcelVi);
  CHECK(targets.front().cells[0] == "rule_set");
  // Each file carries the run's caveats: the fan's file ends with the simulation's notes.
  std::string fan_trailer = trailer(dir / "plan-fan.csv");
  CHECK(fan_trailer.find("\n# ran ") != std::string::npos);
  CHECK(fan_trailer.find("estimated") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("merge --format csv --out writes the same three files, byte for byte, as one simulate of all the runs", "[cli][csv]") {
  fs::path one = scratch("merge-one"), merged = scratch("merge-shards");
  Options s;
  s.command = "simulate";
  s.runs = 4;
  s.threads = 1;
  s.format = "csv";
  s.out = (one / "plan.csv").string();
  REQUIRE(lotrinh::cli::run_command(s) == 0);
  Options m;
  m.command = "merge";
  m.format = "csv";
  m.out = (merged / "plan.csv").string();
  for (int k = 0; k < 2; ++k) {
    Options shard = s;
    shard.out = "-";
    shard.runs_from = static_cast<std::uint64_t>(2 * k);
    shard.runs_to = static_cast<std::uint64_t>(2 * k + 2);
    shard.partial = (merged / ("shard-" + std::to_string(k) + ".part")).string();
    REQUIRE(lotrinh::cli::run_command(shard) == 0);
    m.paths.push_back(shard.partial);
  }
  REQUIRE(lotrinh::cli::run_command(m) == 0);
  for (const auto& p : m.paths) fs::remove(p);
  REQUIRE(entries(one) == std::vector<std::string>{"plan-fan.csv", "plan-targets.csv", "plan.csv"});
  CHECK(entries(merged) == entries(one));
  for (const auto& name : entries(one)) {
    INFO(name);
    CHECK(slurp((merged / name).string()) == slurp((one / name).string()));
  }
  fs::remove_all(one);
  fs::remove_all(merged);
}

TEST_CASE("simulate refuses a planted symlink at a file beside --out before it runs, not after", "[cli][csv]") {
  fs::path dir = scratch("simulate-symlink");
  { std::ofstream(dir / "elsewhere.csv") << "kept\n"; }
  fs::create_symlink(dir / "elsewhere.csv", dir / "plan-targets.csv");
  Options o;
  o.command = "simulate";
  o.runs = 100000;  // hours of runs if it ran them first
  o.threads = 1;
  o.format = "csv";
  o.out = (dir / "plan.csv").string();
  const std::string link = (dir / "plan-targets.csv").string();
  CHECK(error_of(o) ==
        "--out: error: '" + link + "' is a symbolic link; lotrinh does not replace a link with a file, nor write through it\n"
        "  hint: name the file the link points to, or another file\n");
  CHECK(entries(dir) == std::vector<std::string>{"elsewhere.csv", "plan-targets.csv"});
  CHECK(slurp((dir / "elsewhere.csv").string()) == "kept\n");
  fs::remove_all(dir);
}
