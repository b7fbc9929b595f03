// lotrinh compare on the bundled scenarios: a scenario against itself differs by exactly zero,
// and a known budget difference is reported to the dong with the same draws before it starts.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cmd_simulate.h"
#include "cli/context.h"
#include "cli/options.h"
#include "report/render.h"
#include "../common/cli_runs.h"
#include "../common/test_files.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"

using lotrinh::cli::Options;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;
const std::string kDir = kHome + "/scenarios/kontum";

std::string temp_path(const std::string& suffix) { return lotrinh::testing::temp_path("compare-test", suffix); }

using lotrinh::testing::slurp;

// The CSV rows of a compare, split on commas outside quotes.
std::vector<std::vector<std::string>> compare(const std::vector<std::string>& paths, long long runs, int threads = 2) {
  Options o;
  o.command = "compare";
  o.paths = paths;
  o.runs = runs;
  o.threads = threads;
  o.format = "csv";
  o.out = temp_path(".csv");
  return lotrinh::testing::csv_rows(lotrinh::testing::output_of(o));
}

// A copy of the baseline with one budget line's amount changed, reading the bundled folder.
std::string baseline_with(const std::string& from, const std::string& to) {
  std::string text = slurp(kDir + "/baseline.toml");
  auto swap = [&](const std::string& a, const std::string& b) {
    auto at = text.find(a);
    REQUIRE(at != std::string::npos);
    text.replace(at, a.size(), b);
  };
  swap("data = \".\"", "data = \"" + kDir + "\"");
  swap("model = \"model.toml\"", "model = \"" + kDir + "/model.toml\"");
  swap("parameters = \"fitted-parameters.toml\"", "parameters = \"" + kDir + "/fitted-parameters.toml\"");
  if (!from.empty()) swap(from, to);
  const std::string path = temp_path(".toml");
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("comparing a scenario with itself gives differences of exactly zero with intervals of zero width", "[cli][sim]") {
  auto rows = compare({kDir + "/baseline.toml", kDir + "/baseline.toml"}, 6);
  REQUIRE(rows.size() > 10);
  CHECK(rows[0] == std::vector<std::string>{"figure", "scenario", "value", "difference", "interval_90", "note"});
  int compared = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r[3].empty() || r[3] == "-" || r[0].rfind("cost per exit", 0) == 0) continue;
    ++compared;
    INFO(r[0]);
    CHECK(r[3] == (r[0].rfind("money", 0) == 0 ? "0" : "0.00"));  // money in whole dong
    if (r[0].rfind("money", 0) != 0) {
      CHECK(r[4] == "[0.00, 0.00]");
      CHECK(r[5] == "the interval contains zero: no difference shown at this number of runs");
    }
  }
  CHECK(compared == 18);  // exits by 2025 and 2030, region III 2022-2030, money, 6 targets-and-areas met with some probability
}

TEST_CASE("two scenarios differing in one budget line from 2026 differ by that money, and draw the same shocks before it", "[cli][sim]") {
  // The district working groups' line, 460,000,000 dong a year, doubled from 2026 (5 years).
  const std::string a = baseline_with("", "");
  const std::string b = baseline_with("amount_vnd = 460000000\n",
                                      "amount_vnd = 460000000\n\n[[budget]]\nid = \"more\"\nsource = \"x\"\npurpose = \"production\"\n"
                                      "from = 2026\nuntil = 2030\namount_vnd = 460000000\n");
  auto rows = compare({a, b}, 6);
  std::filesystem::remove(a);
  std::filesystem::remove(b);
  int checked = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r[3].empty() || r[3] == "-") continue;
    if (r[0].rfind("money", 0) == 0) { CHECK(r[3] == "2300000000"); ++checked; }  // 5 x 460,000,000 dong, in dong
    for (int y = 2022; y <= 2025; ++y)  // the same plan and draws before the first year of the extra money
      if (r[0] == "region III communes in " + std::to_string(y)) { CHECK(r[3] == "0.00"); CHECK(r[4] == "[0.00, 0.00]"); ++checked; }
    if (r[0] == "communes left region III by 2025") { CHECK(r[3] == "0.00"); ++checked; }
  }
  CHECK(checked == 6);
}

TEST_CASE("compare with one scenario is an error naming the command", "[cli][sim]") {
  Options o;
  o.command = "compare";
  o.paths = {kDir + "/baseline.toml"};
  try {
    lotrinh::cli::run_command(o);
    FAIL("no error");
  } catch (const lotrinh::diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "compare: error: compare needs at least two scenario files\n"
          "  hint: write lotrinh compare BASELINE.toml OTHER.toml ...; the first is the reference\n");
  }
}

TEST_CASE("compare gives the same figures on 1 and 3 threads", "[cli][sim]") {
  const std::vector<std::string> paths{kDir + "/baseline.toml", kDir + "/cut-30.toml"};
  auto one = compare(paths, 5, 1);
  CHECK(compare(paths, 5, 3) == one);
  bool cost = false;
  for (const auto& r : one) cost = cost || r[0] == "cost per exit by 2030";
  CHECK(cost);
}

TEST_CASE("compare's tables are the same bytes with blocks of 3 runs as with its blocks of 1,024", "[cli][sim]") {
  // 7 runs: blocks of 3, 3 and 1 against one block of all 7 (compare's 1,024), so the sums cross
  // block boundaries, the last block short.
  Options o;
  o.command = "compare";
  o.paths = {kDir + "/baseline.toml", kDir + "/cut-30.toml"};
  o.runs = 7;
  o.threads = 2;
  lotrinh::cli::Context ctx(o);
  const std::string whole = lotrinh::report::render(lotrinh::cli::compare_tables(ctx), lotrinh::report::Format::kCsv);
  CHECK(lotrinh::report::render(lotrinh::cli::compare_tables(ctx, 3), lotrinh::report::Format::kCsv) == whole);
  CHECK(whole.find("communes left region III by 2030,cut-30,") != std::string::npos);
}

TEST_CASE("compare's table shows money with its unit and figures in the output's number style; its CSV keeps dong and plain numbers", "[cli][sim]") {
  Options o;
  o.command = "compare";
  o.paths = {kDir + "/baseline.toml", kDir + "/cut-30.toml"};
  o.runs = 4;
  o.threads = 2;
  o.out = temp_path(".txt");
  const std::string vi = lotrinh::testing::in_vietnamese([&] { return lotrinh::testing::output_of(o); });
  const std::string en = lotrinh::testing::output_of(o);
  CHECK(vi.find("  3.145,88 tỷ đồng  ") != std::string::npos);  // the baseline's money, 2022-2030
  CHECK(en.find("  3,145.88 billion VND  ") != std::string::npos);
  CHECK(vi.find("[0,00; 0,00]") != std::string::npos);  // an interval, its decimal commas apart from its bounds
  CHECK(en.find("[0.00, 0.00]") != std::string::npos);
  bool money = false;
  for (const auto& r : compare(o.paths, 4))
    if (r[0] == "money spent 2022-2030" && r[1] == "baseline") money = r[2] == "3145882499955";  // whole dong
  CHECK(money);
}

TEST_CASE("compare names the communes left behind by name (district-qualified when two share it), the slugs with --codes, and the allocation in words under --lang vi", "[cli][sim]") {
  struct Restore {
    ~Restore() { lotrinh::diag::set_lang(lotrinh::diag::Lang::kEn); }
  } restore;
  lotrinh::diag::set_lang(lotrinh::diag::Lang::kVi);
  Options o;
  o.command = "compare";
  o.paths = {kDir + "/baseline.toml", kDir + "/cut-30.toml"};
  o.runs = 20;
  o.threads = 2;
  o.format = "table";
  o.out = temp_path(".txt");
  REQUIRE(lotrinh::cli::run_command(o) == 0);
  std::string vi = slurp(o.out);
  CHECK(vi.find("  Mường Hoong; Ngọc Linh; ") != std::string::npos);
  CHECK(vi.find("; Đắk Hà, Tu Mơ Rông; ") != std::string::npos);
  CHECK(vi.find("'baseline': " + kDir + "/baseline.toml, 2021 đến 2030, hạt giống 20210101, phân bổ theo công thức\n") != std::string::npos);
  o.codes = true;
  REQUIRE(lotrinh::cli::run_command(o) == 0);
  std::string codes = slurp(o.out);
  std::remove(o.out.c_str());
  CHECK(codes.find("  muong-hoong ngoc-linh ") != std::string::npos);
  CHECK(codes.find(", phân bổ formula\n") != std::string::npos);
}
