// Numbers in the prose of the main commands (titles, notes, summaries, warnings) in the reader's
// style, through the real binary in both languages: no count or amount of four digits or more
// without its thousands separator (years, seeds, ids, paths and file:line:col excepted), and no
// decimal mark of the other language ("0.5" under --lang vi, "0,5" under --lang en).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../common/test_files.h"

namespace fs = std::filesystem;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;

// Runs `lotrinh ARGS` from the source tree; stdout and stderr together.
std::string run_lotrinh(const std::string& args, int* code) {
  const std::string out = lotrinh::testing::temp_path("numbers", ".out");
  const std::string cmd = "cd '" + kHome + "' && LANG=C.UTF-8 '" + LOTRINH_BINARY + "' " + args + " >'" + out + "' 2>&1";
  const int status = std::system(cmd.c_str());
  *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::string text = lotrinh::testing::slurp(out);
  std::remove(out.c_str());
  return text;
}

// A line of prose: not a table row (a table aligns its columns with runs of spaces).
bool prose(const std::string& line) {
  size_t start = line.find_first_not_of(' ');
  return start != std::string::npos && line.find("  ", start) == std::string::npos;
}

bool grouped(const std::string& whole, char group) {
  return std::regex_match(whole, std::regex(std::string("[1-9][0-9]{0,2}(\\") + group + "[0-9]{3})+"));
}

// What is wrong with the number `tok` in `vi` or English prose ("" when nothing is).
std::string fault(const std::string& tok, bool vi) {
  const char group = vi ? '.' : ',', decimal = vi ? ',' : '.';
  if (tok.find_first_not_of("0123456789") == std::string::npos) {
    if (tok.size() < 4) return "";
    const long v = std::stol(tok.substr(0, 9));
    return tok.size() == 4 && v >= 1900 && v <= 2100 ? "" : "not grouped";
  }
  size_t mark = tok.find(decimal);
  const std::string whole = tok.substr(0, mark);
  const std::string frac = mark == std::string::npos ? "" : tok.substr(mark + 1);
  if (frac.find_first_of(".,") != std::string::npos) return "two decimal marks or a separator after the decimal mark";
  if (whole.find(group) != std::string::npos) return grouped(whole, group) ? "" : "the other language's decimal mark";
  return whole.size() >= 4 ? "not grouped" : "";
}

// Every number in the prose lines of `text` that is not in the reader's style, one per line,
// with its line.
std::string faults(const std::string& text, bool vi) {
  static const std::regex kFileLineCol(R"(.*:[0-9]+(:[0-9]+)?)");
  static const std::regex kNumber(R"([0-9]+([.,][0-9]+)*)");
  std::string out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!prose(line)) continue;
    std::istringstream words(line);
    std::string word, previous, trimmed;
    for (; words >> word; previous = trimmed) {
      // Trim the punctuation around a word: "(870", "1.020)", "2,978;".
      trimmed = std::regex_replace(word, std::regex(R"(^[(\["'«]+|[)\]"',;:.»]+$)"), "");
      if (trimmed.find('/') != std::string::npos) continue;  // a path
      if (std::regex_match(trimmed, kFileLineCol) && trimmed.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos) continue;
      if (std::regex_search(trimmed, std::regex("[A-Za-z_]"))) continue;  // an id, a code, a unit name
      if (previous == "seed" || previous == "giống") continue;            // a seed is an id
      for (std::sregex_iterator m(trimmed.begin(), trimmed.end(), kNumber), end; m != end; ++m) {
        std::string why = fault(m->str(), vi);
        if (!why.empty()) out += m->str() + " (" + why + "): " + line + "\n";
      }
    }
  }
  return out;
}

struct Command {
  std::string args;
  int code;  // the exit code it gives on the bundled data
};

const std::vector<Command> kCommands = {
    {"simulate --runs 12", 0},
    {"simulate scenarios/kontum/roads-and-housing.toml --runs 4", 0},
    {"classify", 0},
    {"classify --year 2016", 0},
    {"explain --commune \"Mường Hoong\" --year 2020", 0},
    {"diff vn.qd-33-2020 draft.qd-33-2020-poverty-15", 0},
    {"diff vn.qd-33-2020 draft.qd-33-2020-poverty-15 --data scenarios/example/communes.csv", 0},
    {"targets", 0},
    {"reproduce", 0},
    {"reproduce --transitions", 0},
    {"compare scenarios/kontum/baseline.toml scenarios/kontum/scale-up-ntp-2026.toml --runs 12", 0},
    {"sweep --param poverty_high --from 0.1 --to 0.3 --step 0.05", 0},
    {"sweep scenarios/kontum/baseline.toml --value budget --from 50% --to 150% --step 50% --runs 6", 0},
    {"check --gaps", 0},
    {"graph", 0},
    {"aggregate", 0},
};

}  // namespace

TEST_CASE("the number check finds an ungrouped count, the other language's decimal mark, and passes years, ids and seeds", "[cli][numbers]") {
  CHECK(faults("14601 households\n", false) == "14601 (not grouped): 14601 households\n");
  CHECK(faults("14.601 hộ, tỷ lệ 0,5, năm 2025\n", true).empty());
  CHECK_FALSE(faults("tỷ lệ 0.5\n", true).empty());
  CHECK_FALSE(faults("share 0,5\n", false).empty());
  CHECK(faults("1,408.54 billion VND in 2030, seed 20210101, unit xa-ngoc-linh-2025, at rules/x.toml:12:5\n", false).empty());
  CHECK(faults("Unit  Name\n1408  table rows are not prose\n", false).empty());
}

TEST_CASE("the main commands' prose gives numbers in the reader's style in Vietnamese and in English", "[cli][numbers]") {
  for (const char* lang : {"vi", "en"}) {
    for (const Command& c : kCommands) {
      int code = -1;
      const std::string out = run_lotrinh(std::string("--lang ") + lang + " " + c.args, &code);
      INFO("lotrinh --lang " << lang << " " << c.args);
      CHECK(code == c.code);
      CHECK(out.size() > 100);
      CHECK(faults(out, std::string(lang) == "vi") == "");
    }
  }
}
