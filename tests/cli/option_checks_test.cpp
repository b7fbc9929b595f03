// What the command line names is checked against the rule set and the table it meets: a rule
// set of another level, --set and sweep values outside their unit, names that do not exist.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../common/cli_runs.h"
#include "../common/test_files.h"
#include "cli/options.h"
#include "diag/diagnostic.h"

using lotrinh::cli::Options;
using lotrinh::testing::error_of;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;

std::string temp_path(const std::string& suffix) { return lotrinh::testing::temp_path("options-test", suffix); }

Options example(std::string command) {
  Options o;
  o.command = std::move(command);
  o.data = kHome + "/scenarios/example/communes.csv";
  o.year = 2020;
  o.out = temp_path(".out");
  return o;
}


// Runs the real binary with `args`; returns its stderr and stdout together, and its exit code.
std::string run_binary(const std::string& args, int* code) {
  std::string cmd = std::string(LOTRINH_BINARY) + " " + args + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = ::pclose(p);
  *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

}  // namespace

TEST_CASE("a village rule set on a commune table is refused at --rules", "[cli][lint]") {
  Options o = example("classify");
  o.rules = {"vn.qd-33-2020-villages"};
  CHECK(error_of(o) ==
        "--rules: error: rule set 'vn.qd-33-2020-villages' classifies village rows, but " + o.data + " holds commune rows\n"
        "  hint: name a rule set of level commune, or give --data a table of village rows (its header starts with village,year)\n");
  o.command = "sweep";
  o.param = "poverty_max";
  CHECK(error_of(o).find("--rules: error: rule set 'vn.qd-33-2020-villages' classifies village rows") == 0);
}

TEST_CASE("a village table is classified by a village rule set, and refused by a commune one", "[cli][lint]") {
  std::string table = temp_path(".csv");
  std::ofstream(table) << "village,year,name,district\nlang-a,2020,Làng A,Huyện X\n";
  Options o = example("classify");
  o.data = table;
  o.format = "csv";
  o.rules = {"vn.qd-33-2020-villages"};
  CHECK(error_of(o).empty());
  o.rules = {"vn.qd-33-2020"};
  CHECK(error_of(o) ==
        "--rules: error: rule set 'vn.qd-33-2020' classifies commune rows, but " + table + " holds village rows\n"
        "  hint: name a rule set of level village, or give --data a table of commune rows (its header starts with commune,year)\n");
  std::remove(table.c_str());
}

TEST_CASE("a --set of a fraction written as a percentage, or not a decimal number, is refused", "[cli][lint]") {
  Options o = example("classify");
  o.set = {"poverty_high=15"};
  CHECK(error_of(o) ==
        "--set: error: parameter 'poverty_high' is 15, but a value in 'fraction' must be in [0, 1]\n"
        "  hint: a fraction is written as a decimal: 15 % is written 0.15\n");
  o.set = {"poverty_high=-5"};
  CHECK(error_of(o) ==
        "--set: error: parameter 'poverty_high' is -5, but a value in 'fraction' must be in [0, 1]\n"
        "  hint: correct the value, or the unit if that is wrong\n");
  const std::string hint = "  hint: write --set poverty_high=0.25 (a parameter name, '=', and a number with a '.' decimal point)\n";
  o.set = {"poverty_high=inf"};
  CHECK(error_of(o) == "--set: error: 'inf' (for poverty_high) is not a decimal number\n" + hint);
  o.set = {"poverty_high=nan"};
  CHECK(error_of(o) == "--set: error: 'nan' (for poverty_high) is not a decimal number\n" + hint);
  o.set = {"poverty_high=0x1p-2"};  // 0.25 in hexadecimal, which no table cell may hold either
  CHECK(error_of(o) == "--set: error: '0x1p-2' (for poverty_high) is not a decimal number\n" + hint);
  o.set = {"poverty_high=2.5e-1"};
  CHECK(error_of(o).empty());
}

TEST_CASE("sweep names an unknown --param at --param, and a range outside the unit at --from or --to", "[cli][lint]") {
  Options o = example("sweep");
  o.param = "nosuch";
  o.from = 0.1;
  o.to = 0.3;
  o.step = 0.1;
  CHECK(error_of(o) ==
        "--param: error: rule set 'vn.qd-33-2020' has no parameter 'nosuch'\n"
        "  hint: lotrinh check --params vn.qd-33-2020 lists its parameters\n");
  o.param = "poverty_high";
  o.from = 10;
  o.to = 30;
  o.step = 1;
  CHECK(error_of(o) ==
        "--from: error: parameter 'poverty_high' is 10, but a value in 'fraction' must be in [0, 1]\n"
        "  hint: a fraction is written as a decimal: 10 % is written 0.1\n");
  o.from = 0.1;
  CHECK(error_of(o) ==
        "--to: error: parameter 'poverty_high' is 30, but a value in 'fraction' must be in [0, 1]\n"
        "  hint: a fraction is written as a decimal: 30 % is written 0.3\n");
}

TEST_CASE("explain or check --gaps with a --classification naming no classification is refused", "[cli][lint]") {
  Options o = example("explain");
  o.commune = "xa-a";
  o.classification = "regoin";
  CHECK(error_of(o) ==
        "--classification: error: rule set 'vn.qd-33-2020' has no classification 'regoin'\n"
        "  hint: did you mean 'region'?\n");
  o.classification = "nosuch";
  CHECK(error_of(o) ==
        "--classification: error: rule set 'vn.qd-33-2020' has no classification 'nosuch'\n"
        "  hint: the classifications of 'vn.qd-33-2020': region\n");
  Options c = example("check");  // check --gaps --classification too
  c.paths = {"vn.qd-33-2020"};
  c.gaps = true;
  c.classification = "regoin";
  CHECK(error_of(c) ==
        "--classification: error: rule set 'vn.qd-33-2020' has no classification 'regoin'\n"
        "  hint: did you mean 'region'?\n");
}

TEST_CASE("diff of rule sets of another level than the table, or with no classification in common, is refused", "[cli][lint]") {
  Options o = example("diff");
  o.paths = {"vn.qd-33-2020", "vn.nd-272-2025-villages"};
  o.data = kHome + "/scenarios/example/communes.csv";
  CHECK(error_of(o) ==
        "diff: error: rule set 'vn.nd-272-2025-villages' classifies village rows, but " + o.data + " holds commune rows\n"
        "  hint: name a rule set of level commune, or give --data a table of village rows (its header starts with village,year)\n");
  std::string table = temp_path(".csv");
  std::ofstream(table) << "unit,year\nlang-a,2020\n";  // a table of any level
  o.data = table;
  CHECK(error_of(o) ==
        "diff: error: 'vn.qd-33-2020' and 'vn.nd-272-2025-villages' have no classification in common: there is nothing to compare\n"
        "  hint: compare rule sets of one kind (their classifications: region; village_class)\n");
  std::remove(table.c_str());
}

TEST_CASE("a --rules naming two rule sets is refused by a command that uses one", "[cli][lint]") {
  Options o = example("classify");
  o.rules = {"vn.qd-33-2020", "vn.qd-50-2016"};
  CHECK(error_of(o) ==
        "--rules: error: classify uses one rule set, but --rules names 2\n"
        "  hint: name one rule set; to compare two, use lotrinh diff A B\n");
}

TEST_CASE("check takes a rule set id, refuses a folder without rule files, and lists parameters", "[cli][lint]") {
  Options o = example("check");
  o.paths = {"vn.qd-33-2020"};
  o.params = true;
  std::string out;
  {
    int code = lotrinh::cli::run_command(o);
    CHECK(code == 0);
    std::ifstream in(o.out);
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    std::remove(o.out.c_str());
  }
  CHECK(out.find("1 rule sets loaded and compiled without problems") != std::string::npos);
  CHECK(out.find("Parameters of vn.qd-33-2020\n") != std::string::npos);
  CHECK(out.find("poverty_high               0.2    fraction         Điều 3 (a)") != std::string::npos);
  o.paths = {"vn.qd-33-202"};
  o.params = false;
  CHECK(error_of(o) ==
        "vn.qd-33-202: error: no rule set has the id 'vn.qd-33-202'\n"
        "  hint: did you mean 'vn.qd-33-2020'?\n");
  std::string empty = temp_path("-rules");
  std::filesystem::create_directory(empty);
  o.paths = {empty};
  o.params = false;
  CHECK(error_of(o) ==
        empty + ": error: no rule files (*.toml) in this folder\n"
        "  hint: name a rule file, a folder holding rule files such as rules/, or a rule set id such as vn.qd-33-2020\n");
  std::filesystem::remove(empty);
}

TEST_CASE("a --lang of a language lotrinh does not have is refused", "[cli][lint]") {
  int code = 0;
  CHECK(run_binary("--lang fr check", &code) ==
        "--lang: error: unknown language 'fr'\n"
        "  hint: use --lang vi or --lang en\n");
  CHECK(code == 2);
}

TEST_CASE("a draft's warnings are printed on stderr and do not change the exit code", "[cli][lint]") {
  std::string draft = temp_path(".toml");
  std::ofstream(draft) << "[ruleset]\nid = \"draft.t\"\nextends = \"vn.qd-33-2020\"\nstatus = \"draft\"\n"
                          "[parameters]\npoverty_high = { value = 0.25, unit = \"fraction\" }\n";
  int code = 0;
  std::string out = run_binary("--lang en check " + draft, &code);
  CHECK(code == 0);
  CHECK(out.find(draft + ":6:1: warning: parameter 'poverty_high' has no source\n") != std::string::npos);
  CHECK(out.find("1 rule sets loaded and compiled, with 1 warning(s) (on stderr)") != std::string::npos);
  std::remove(draft.c_str());
}

TEST_CASE("a table saved with CR-only line ends classifies as the same table with LF", "[cli][lint]") {
  std::ifstream in(kHome + "/scenarios/example/communes.csv");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  REQUIRE(text.find('\r') == std::string::npos);
  for (char& c : text)
    if (c == '\n') c = '\r';
  std::string table = temp_path(".csv");
  std::ofstream(table) << text;
  auto classify = [](const std::string& data) {
    Options o = example("classify");
    o.data = data;
    o.format = "csv";
    lotrinh::cli::run_command(o);
    std::ifstream out(o.out);
    std::string rows;  // the table, without the caveats after it (the estimated share differs)
    for (std::string line; std::getline(out, line);)
      if (line.rfind("# ", 0) != 0) rows += line + "\n";
    std::remove(o.out.c_str());
    return rows;
  };
  std::string lf = classify(kHome + "/scenarios/example/communes.csv");
  CHECK(lf.find("xa-a,Xã A,Huyện X,III\n") != std::string::npos);
  CHECK(classify(table) == lf);
  std::remove(table.c_str());
}

TEST_CASE("explain refuses a name two units of the table share in the year, naming both", "[cli][lint]") {
  std::string dir = temp_path("-dup");
  std::filesystem::create_directory(dir);
  std::string table = dir + "/communes.csv";
  std::ofstream(table) << "commune,year,name,district\nxa-a,2020,Xã A,Huyện X\nxa-a2,2020,Xã A,Huyện Y\nxa-b,2020,Xã B,Huyện Y\n";
  Options o = example("explain");
  o.data = table;
  o.commune = "Xã A";
  CHECK(error_of(o) ==
        "--commune: error: 'Xã A' matches 2 units that existed in 2020: xa-a, xa-a2\n"
        "  hint: name the unit by its slug, such as 'xa-a'\n");
  o.commune = "xa-a2";  // by its key, it is one unit
  CHECK(error_of(o).empty());
  std::filesystem::remove_all(dir);
}

namespace {

// A new temporary file holding `text`; returns its path.
std::string temp_file(const std::string& suffix, const std::string& text) {
  std::string path = temp_path(suffix);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

TEST_CASE("a rule file on standard input ('-') is checked, and its errors name <stdin>", "[cli][stdin]") {
  std::string file = temp_file(".toml", "[ruleset]\nid = \"t.stdin\"\n[criteria]\na = \"povety_rate > 1\"\n");
  int code = 0;
  std::string out = run_binary("--lang en check - < " + file, &code);
  std::remove(file.c_str());
  CHECK(code == 2);
  CHECK(out == "<stdin>:4:6: error: unknown name 'povety_rate'\n"
               "  a = \"povety_rate > 1\"\n"
               "       ^\n"
               "  hint: did you mean 'poverty_rate'?\n");
}

TEST_CASE("test - runs the cases of a rule file read from standard input", "[cli][stdin]") {
  int code = 1;
  std::string out = run_binary("--lang en test - < " + kHome + "/rules/kontum/ntp-2021-2025-targets.toml", &code);
  CHECK(code == 0);
  CHECK(out.find("kontum.ntp-2021-2025-targets: 21 passed, 0 failed\n21 passed, 0 failed\n") != std::string::npos);
}

TEST_CASE("a table on standard input (--data -) classifies as the file does, without the provenance beside the file", "[cli][stdin]") {
  const std::string table = kHome + "/scenarios/example/communes.csv";
  int from_file = 1, from_stdin = 1;
  std::string want = run_binary("--lang en classify --year 2020 --format csv --data " + table, &from_file);
  std::string got = run_binary("--lang en classify --year 2020 --format csv --data - < " + table, &from_stdin);
  CHECK(from_file == 0);
  CHECK(from_stdin == 0);
  // A table on standard input has no folder, so no provenance.csv beside it is read.
  const std::string provenance_note = "note: 97 of the 97 data values these results rest on are estimated (see provenance.csv)\n";
  REQUIRE(want.find(provenance_note) != std::string::npos);
  want.erase(want.find(provenance_note), provenance_note.size());
  CHECK(got == want);
  CHECK(got.find("xa-a,Xã A,Huyện X,III\n") != std::string::npos);
}

TEST_CASE("a table on standard input names <stdin> in its located errors", "[cli][stdin]") {
  std::string file = temp_file(".csv", "commune,year,poverty_rat\nx,2020,0.1\n");
  int code = 0;
  std::string out = run_binary("--lang en classify --data - < " + file, &code);
  std::remove(file.c_str());
  CHECK(code == 2);
  CHECK(out == "<stdin>:1:14: error: unknown indicator 'poverty_rat' in the header\n"
               "  commune,year,poverty_rat\n"
               "               ^\n"
               "  hint: did you mean 'poverty_rate'?\n");
}

TEST_CASE("standard input named twice in one run is refused at the second", "[cli][stdin]") {
  const std::string table = kHome + "/scenarios/example/communes.csv";
  int code = 0;
  CHECK(run_binary("--lang en classify --data - --rules - < " + table, &code) ==
        "--rules: error: standard input is named as an input a second time: a run can read it only once\n"
        "  hint: give '-' for one input only, and save the others to files\n");
  CHECK(code == 2);
  CHECK(run_binary("--lang en check - - < " + table, &code) ==
        "-: error: standard input is named as an input a second time: a run can read it only once\n"
        "  hint: give '-' for one input only, and save the others to files\n");
  CHECK(code == 2);
}

TEST_CASE("an --out naming the file standard input reads is refused, and the file is unchanged", "[cli][stdin]") {
  std::string text;
  {
    std::ifstream in(kHome + "/scenarios/example/communes.csv");
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  std::string file = temp_file(".csv", text);
  int code = 0;
  std::string out = run_binary("--lang en classify --data - --out " + file + " < " + file, &code);
  std::stringstream after;
  after << std::ifstream(file).rdbuf();
  std::remove(file.c_str());
  CHECK(code == 2);
  CHECK(out == "--out: error: '" + file + "' is the same file as the input '<stdin>'; writing it would destroy the input\n"
                                         "  hint: name a new file for the output; lotrinh never writes over a file it reads\n");
  CHECK(after.str() == text);
}

TEST_CASE("standard input larger than --max-input-mb is refused, naming <stdin>", "[cli][stdin]") {
  std::string file = temp_file(".toml", std::string(1048577, '#'));
  int code = 0;
  std::string out = run_binary("--lang en --max-input-mb 1 check - < " + file, &code);
  std::remove(file.c_str());
  CHECK(code == 2);
  CHECK(out == "<stdin>: error: is more than the input limit of 1,048,576 bytes\n"
               "  hint: check that this is the intended file, or raise the limit with --max-input-mb N\n");
}
