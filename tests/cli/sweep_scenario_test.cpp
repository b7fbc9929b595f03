// lotrinh sweep SCENARIO.toml --value NAME on the bundled baseline: its 100 % step is simulate's
// forecast, exits do not fall as the budget grows, the bytes do not depend on --threads, and its
// errors. Also the runs in blocks that compare and the sweep share (cli/paired_runs.h): the
// result does not depend on the block size.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "../common/cli_runs.h"
#include "../common/test_files.h"
#include "cli/options.h"
#include "cli/paired_runs.h"
#include "config/catalogue_reader.h"
#include "config/sim_file_reader.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "rules/rule_library.h"
#include "sim/simulation.h"

using lotrinh::cli::Options;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;
const std::string kDir = kHome + "/scenarios/kontum";
const std::string kBaseline = kDir + "/baseline.toml";

std::string temp_path(const std::string& suffix) { return lotrinh::testing::temp_path("sweep-test", suffix); }

using lotrinh::testing::csv_rows;
using lotrinh::testing::error_of;
using lotrinh::testing::in_vietnamese;
using lotrinh::testing::output_of;
using lotrinh::testing::slurp;

Options sweep(const std::string& value, const std::string& from, const std::string& to, const std::string& step, int threads = 2) {
  Options o;
  o.command = "sweep";
  o.paths = {kBaseline};
  o.value = value;
  o.from_text = from;
  o.to_text = to;
  o.step_text = step;
  o.runs = 20;
  o.seed = 3;
  o.threads = threads;
  o.format = "csv";
  o.out = temp_path(".csv");
  return o;
}

size_t column(const std::vector<std::string>& header, const std::string& name) {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  FAIL("no column " << name);
  return 0;
}

}  // namespace

TEST_CASE("a budget sweep's 100 % step is simulate's forecast for the same seed and runs, and exits do not fall as the budget grows", "[cli][sim]") {
  const auto rows = csv_rows(output_of(sweep("budget", "50%", "150%", "50%")));
  REQUIRE(rows.size() == 4);
  const auto& h = rows[0];
  CHECK(h == std::vector<std::string>{"value", "exits_2025", "range_2025", "exits_2030", "range_2030", "difference_2030", "interval_90",
                                      "money", "cost_per_exit", "incremental_cost", "note"});
  CHECK(rows[1][0] == "50 %");
  CHECK(rows[2][0] == "100 %");
  CHECK(rows[3][0] == "150 %");
  // simulate, the same seed and runs: expected exits are the sum over communes of their
  // probability of having left by the year; the money is its note's total.
  Options s;
  s.command = "simulate";
  s.paths = {kBaseline};
  s.runs = 20;
  s.seed = 3;
  s.threads = 1;
  s.format = "csv";
  s.out = temp_path(".csv");
  const std::string sim = output_of(s);
  const auto srows = csv_rows(sim);
  for (int year : {2025, 2030}) {
    const size_t c = column(srows[0], "left_iii_by_" + std::to_string(year));
    double runs_left = 0;  // sum over communes of the runs in which it left
    for (size_t r = 1; r < srows.size(); ++r)
      if (!srows[r][c].empty()) runs_left += std::stod(srows[r][c]) * 20;
    INFO(year);
    CHECK(rows[2][column(h, "exits_" + std::to_string(year))] == fmt::format("{:.2f}", std::round(runs_left) / 20));
  }
  const std::string money = rows[2][column(h, "money")];
  CHECK(sim.find("# budget 3,145.88 billion VND in all") != std::string::npos);
  CHECK(money == "3145882499955");  // whole dong, as compare's CSV
  CHECK(rows[1][column(h, "money")] == "1572941249991");  // each line halved to the nearest dong
  // More money, no fewer expected exits (on this data and model); the first value is the reference.
  for (const std::string col : {"exits_2025", "exits_2030"})
    for (size_t r = 2; r < rows.size(); ++r) CHECK(std::stod(rows[r][column(h, col)]) >= std::stod(rows[r - 1][column(h, col)]));
  CHECK(rows[1][column(h, "note")] == "the first value: the reference");
  CHECK(rows[1][column(h, "incremental_cost")].empty());
  // The cost per exit is the money over the expected exits by 2030.
  for (size_t r = 1; r < rows.size(); ++r)
    CHECK(std::stod(rows[r][column(h, "cost_per_exit")]) ==
          Approx(std::stod(rows[r][column(h, "money")]) / std::stod(rows[r][column(h, "exits_2030")])).margin(1));  // whole dong
}

TEST_CASE("a scenario sweep gives the same bytes on 1 and 2 threads", "[cli][sim]") {
  // One budget line, in dong: none, then twice the scenario's amount.
  Options o = sweep("budget.econ-infra-ntp", "0", "324040000000", "324040000000", 1);
  o.runs = 6;
  const std::string one = output_of(o);
  o.threads = 2;
  CHECK(output_of(o) == one);
  const auto rows = csv_rows(one);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][0] == "0");
  CHECK(rows[2][0] == "324040000000");
  // 9 years of 324,040,000,000 dong more than none.
  CHECK(std::stod(rows[2][column(rows[0], "money")]) - std::stod(rows[1][column(rows[0], "money")]) == Approx(2916.36e9));
}

TEST_CASE("a scenario sweep's table shows its figures in the output's number style; its CSV keeps plain numbers", "[cli][sim]") {
  Options o = sweep("budget", "0.8", "1.2", "0.2");
  o.format = "table";
  o.out = temp_path(".txt");
  const std::string vi = in_vietnamese([&] { return output_of(o); });
  const std::string en = output_of(o);
  // The value, the expected exits, the runs' range and the interval of the difference.
  for (const std::string cell : {"  0,8 %  ", "  1,2 %  ", "  3,85  ", "  9,65  ", "  [2; 8]  ", "  [5; 16]  ", "  [-0,06; 0,26]  "}) {
    INFO(cell);
    CHECK(vi.find(cell) != std::string::npos);
  }
  for (const std::string cell : {"  0.8 %  ", "  1.2 %  ", "  3.85  ", "  9.65  ", "  [2, 8]  ", "  [5, 16]  ", "  [-0.06, 0.26]  "}) {
    INFO(cell);
    CHECK(en.find(cell) != std::string::npos);
  }
  o.format = "csv";
  const auto rows = csv_rows(in_vietnamese([&] { return output_of(o); }));
  REQUIRE(rows.size() == 4);
  CHECK(rows[1][0] == "0.8 %");
  CHECK(rows[2][column(rows[0], "Khoảng 90 %")] == "[-0.06, 0.26]");
  CHECK(rows[1][column(rows[0], "90 % số lần chạy, 2025")] == "[2, 8]");
  // A budget line in whole dong: grouped in the table, plain in CSV.
  Options line = sweep("budget.econ-infra-ntp", "0", "324040000000", "324040000000");
  line.runs = 2;
  line.format = "table";
  CHECK(output_of(line).find("  324,040,000,000  ") != std::string::npos);
}

TEST_CASE("an assumption the allocation formula reads is swept, and the money stays the same", "[cli][sim]") {
  // border = 1 gives every commune the border coefficient: the same budget, spread otherwise.
  const auto rows = csv_rows(output_of(sweep("assumption.border", "0", "1", "1")));
  REQUIRE(rows.size() == 3);
  const size_t money = column(rows[0], "money"), exits = column(rows[0], "exits_2030");
  CHECK(rows[1][money] == rows[2][money]);
  CHECK(rows[1][exits] != rows[2][exits]);
  CHECK(rows[2][column(rows[0], "incremental_cost")] == (rows[2][column(rows[0], "note")].empty() ? "0" : ""));
}

TEST_CASE("simulate --set assumption.NAME replaces the scenario's assumption, and says so", "[cli][sim]") {
  Options s;
  s.command = "simulate";
  s.paths = {kBaseline};
  s.runs = 2;
  s.threads = 1;
  s.format = "csv";
  s.set = {"assumption.border=1"};
  s.out = temp_path(".csv");
  CHECK(output_of(s).find("# ASSUMPTION border = 1: ") != std::string::npos);
}

TEST_CASE("scenario sweep errors name the option, say what is wrong and hint at the fix", "[cli][sim]") {
  CHECK(error_of(sweep("budgte", "50%", "100%", "50%")) ==
        "--value: error: scenario 'baseline' has no value 'budgte' to sweep\n"
        "  hint: did you mean 'budget'?\n");
  CHECK(error_of(sweep("qqqqqqqqqqqqqq", "50%", "100%", "50%")) ==
        "--value: error: scenario 'baseline' has no value 'qqqqqqqqqqqqqq' to sweep\n"
        "  hint: name budget (every budget line, in % of its amount), budget.<id> (one line: dong, or a % of its amount), workdays.<id>, "
        "assumption.<name> (an [[assumption]] the formula reads) or a parameter of the model\n");
  CHECK(error_of(sweep("budget", "half", "100%", "50%")) ==
        "--from: error: 'half' is not a number\n"
        "  hint: write a number such as 0.25, or for the budget a percentage such as 50%\n");
  CHECK(error_of(sweep("budget", "-50%", "100%", "50%")) ==
        "--from: error: the budget scale -50% is negative: a budget is 0 or more\n"
        "  hint: start the sweep at 0 or above (--from)\n");
  CHECK(error_of(sweep("workdays.twinning-workdays", "-10", "100", "50")) ==
        "--from: error: workdays.twinning-workdays from -10: money and workdays are 0 or more\n"
        "  hint: start the sweep at 0 or above (--from)\n");
  CHECK(error_of(sweep("grad_base", "10%", "20%", "5%")) ==
        "--from: error: '10%': a percentage is read only for budget and budget.<id> (a share of the scenario's amounts), not for grad_base\n"
        "  hint: give the values of grad_base as plain numbers, e.g. --from 0.1 --to 0.3 --step 0.05\n");
  Options many = sweep("budget", "50%", "200%", "25%");
  many.max_steps = 3;
  CHECK(error_of(many) ==
        "--step: error: sweeping from 50 to 200 in steps of 25 takes 7 steps, more than the limit of 3\n"
        "  hint: use a larger --step or a narrower range, or raise the limit with --max-steps\n");
  Options none = sweep("", "50%", "100%", "50%");
  CHECK(error_of(none) ==
        "--value: error: a sweep of a scenario needs --value: the scenario value to move\n"
        "  hint: name budget (every budget line, in % of its amount), budget.<id> (one line: dong, or a % of its amount), workdays.<id>, "
        "assumption.<name> (an [[assumption]] the formula reads) or a parameter of the model\n");
}

TEST_CASE("a scenario sweep whose step fails names the step's value in the error, in the reader's number style", "[cli][sim]") {
  // workdays_per_household = 0 divides 0 by 0 in the model's workday_help: the second step fails.
  Options o = sweep("workdays_per_household", "-0.5", "0", "0.5", 1);
  o.runs = 2;
  const std::string where = kDir + "/model.toml:48:17: ";
  const std::string expression = "'workday_success * (1 - exp(-twin_workdays / workdays_per_household / max(1, poverty_rate * households)))'";
  const std::string line =
      "  workday_help = \"workday_success * (1 - exp(-twin_workdays / workdays_per_household / max(1, poverty_rate * households)))\"\n"
      "                  ^\n";
  CHECK(error_of(o) == where + "error: at step workdays_per_household = 0: the expression " + expression +
                           " gives NaN (run central projection, commune quang-trung, year 2022)\n" + line +
                           "  hint: a model expression must give a finite number for finite inputs: guard divisions (max(x, 1e-9)) and logarithms\n");
  CHECK(in_vietnamese([&] { return error_of(o); }) == where + "lỗi: ở bước workdays_per_household = 0: biểu thức " + expression +
                  " cho kết quả NaN (lượt dự phóng trung tâm, xã quang-trung, năm 2022)\n" + line +
                  "  gợi ý: biểu thức của mô hình phải cho số hữu hạn khi đầu vào hữu hạn: bảo vệ phép chia (max(x, 1e-9)) và logarit\n");
  // The linear programme's caps cannot hold ten times the budget: the step's percentage is named.
  Options lp = sweep("budget", "100", "1000.5", "900.5", 1);
  lp.paths = {kDir + "/optimal-lp.toml"};
  lp.runs = 2;
  CHECK(error_of(lp).find(": error: at step budget = 1,000.5 %: in 2022, the caps of the 102 communes add up to ") != std::string::npos);
  CHECK(in_vietnamese([&] { return error_of(lp); }).find(": lỗi: ở bước budget = 1.000,5 %: năm 2022, mức trần của 102 xã cộng lại là ") != std::string::npos);
}

TEST_CASE("a rule threshold's options and a scenario sweep's options are refused in the other kind of sweep", "[cli][sim]") {
  const std::string hint =
      "  hint: sweep either a rule threshold: lotrinh sweep --param P --from A --to B --step S [--rules R], or a scenario value: "
      "lotrinh sweep SCENARIO.toml --value NAME --from A --to B --step S [--runs N]\n";
  Options o = sweep("budget", "50%", "100%", "50%");
  o.param = "poverty_high";
  CHECK(error_of(o) ==
        "--param: error: --param belongs to a sweep of a rule threshold (--param), but a scenario file was given: this is a sweep of a "
        "scenario value (--value)\n" + hint);
  o = sweep("budget", "50%", "100%", "50%");
  o.rules = {"vn.qd-33-2020"};
  CHECK(error_of(o) ==
        "--rules: error: --rules belongs to a sweep of a rule threshold (--param), but a scenario file was given: this is a sweep of a "
        "scenario value (--value)\n" + hint);
  // Without a scenario file it is a rule sweep: --runs belongs to the other kind.
  o = sweep("", "0.16", "0.2", "0.02");
  o.paths.clear();
  o.param = "poverty_high";
  CHECK(error_of(o) ==
        "--runs: error: --runs belongs to a sweep of a scenario value (lotrinh sweep SCENARIO.toml --value NAME), but no scenario file "
        "was given: this is a sweep of a rule threshold (--param)\n" + hint);
  o.runs.reset();
  o.seed.reset();
  o.threads.reset();
  o.param.clear();
  CHECK(error_of(o) == "sweep: error: sweep needs a rule threshold to move (--param), or a scenario file and the value to move in it (--value)\n" + hint);
  o.param = "poverty_high";
  o.from_text = "0.16x";
  CHECK(error_of(o) == "--from: error: '0.16x' is not a number\n  hint: write a number such as 0.25, or for the budget a percentage such as 50%\n");
}

namespace {

using namespace lotrinh;

const data::Catalogue& catalogue() {
  static const data::Catalogue c = config::read_catalogue(kHome + "/rules/indicators.toml");
  return c;
}

rules::RuleLibrary& library() {
  static rules::RuleLibrary* lib = [] {
    auto* l = new rules::RuleLibrary(catalogue());
    l->load({kHome + "/rules"}, false);
    return l;
  }();
  return *lib;
}

std::unique_ptr<sim::Simulation> simulation(const std::string& path) {
  config::ScenarioFile f = config::read_scenario_file(path);
  config::ModelFile m = config::read_model_file(kDir + "/" + f.model);
  sim::World w = sim::load_world(kDir, f.start_year, f.end_year, f.events, catalogue());
  return std::make_unique<sim::Simulation>(f, m, std::move(w), catalogue(), library());
}

// Exits by each year, per simulation, and the paired sums against the first, over blocks of `block` runs.
std::string blocked(const std::vector<const sim::Simulation*>& sims, std::uint64_t runs, std::uint64_t block) {
  std::vector<std::vector<cli::PairedSums>> sums(sims.size(), std::vector<cli::PairedSums>(static_cast<size_t>(sims[0]->years())));
  std::uint64_t next = 0;
  auto aggs = cli::run_in_blocks(
      sims, runs, 2,
      [&](std::uint64_t from, std::vector<std::vector<sim::Simulation::RunFigures>>& figures) {
        CHECK(from == next);
        CHECK(figures[0].size() == std::min(block, runs - from));
        next = from + figures[0].size();
        for (size_t i = 0; i < sims.size(); ++i)
          for (size_t r = 0; r < figures[i].size(); ++r)
            for (size_t k = 0; k < sums[i].size(); ++k) sums[i][k].add(figures[0][r].exits_by[k], figures[i][r].exits_by[k]);
      },
      block);
  CHECK(next == runs);
  std::string out;
  for (size_t i = 0; i < sims.size(); ++i) {
    out += aggs[i].counts_text() + "\n";
    for (const auto& s : sums[i]) out += fmt::format("{} {} {} {} {} {}\n", s.n, s.sum, s.d, s.dd, s.value, s.paired);
  }
  return out;
}

}  // namespace

TEST_CASE("runs kept in blocks give the result of all the runs at once, across block boundaries", "[cli][sim]") {
  auto a = simulation(kBaseline), b = simulation(kDir + "/cut-30.toml");
  const std::vector<const sim::Simulation*> sims{a.get(), b.get()};
  const std::uint64_t runs = 7;
  // Without blocks: every run's figures at once, summed directly.
  std::vector<sim::Simulation::RunFigures> fa, fb;
  const sim::Aggregates all_a = a->run_paired(0, runs, 1, fa), all_b = b->run_paired(0, runs, 1, fb);
  std::string direct = all_a.counts_text() + "\n";
  std::vector<cli::PairedSums> own(static_cast<size_t>(a->years())), paired(own.size());
  for (size_t r = 0; r < runs; ++r)
    for (size_t k = 0; k < own.size(); ++k) own[k].add(fa[r].exits_by[k], fa[r].exits_by[k]), paired[k].add(fa[r].exits_by[k], fb[r].exits_by[k]);
  for (const auto& s : own) direct += fmt::format("{} {} {} {} {} {}\n", s.n, s.sum, s.d, s.dd, s.value, s.paired);
  direct += all_b.counts_text() + "\n";
  for (const auto& s : paired) direct += fmt::format("{} {} {} {} {} {}\n", s.n, s.sum, s.d, s.dd, s.value, s.paired);
  CHECK(paired.back().d != 0);  // the cut changes the exits by 2030: the pairing is tested
  // Blocks of 3 (the last one short), exactly the runs, and compare's 1,024.
  for (std::uint64_t block : {std::uint64_t{3}, runs, cli::kPairedBlock}) {
    INFO("block " << block);
    CHECK(blocked(sims, runs, block) == direct);
  }
}

TEST_CASE("the 5th and 95th percentiles of the runs are taken by rank", "[cli]") {
  // 10 runs: one with 0 exits, two with 1, seven with 2.
  const std::vector<std::int64_t> counts{1, 2, 7};
  CHECK(lotrinh::cli::rank_percentile(counts, 5) == 0);   // the 1st of 10
  CHECK(lotrinh::cli::rank_percentile(counts, 30) == 1);  // the 3rd
  CHECK(lotrinh::cli::rank_percentile(counts, 31) == 2);  // the 4th
  CHECK(lotrinh::cli::rank_percentile(counts, 95) == 2);
}

TEST_CASE("under --lang vi a scenario sweep's table writes its exits and intervals in Vietnamese number style, and its allocation in words", "[cli][sim]") {
  struct Restore {
    ~Restore() { lotrinh::diag::set_lang(lotrinh::diag::Lang::kEn); }
  } restore;
  lotrinh::diag::set_lang(lotrinh::diag::Lang::kVi);
  Options o = sweep("budget", "80", "120", "20");
  o.format = "table";
  const std::string vi = output_of(o);
  // Expected exits with a decimal comma; run ranges and intervals with "; " between their ends.
  CHECK(vi.find("  14,90                 [9; 23]                      32,90                [18; 50]                                    1,65  [0,75; 2,55]    3.145,88 tỷ đồng") !=
        std::string::npos);
  CHECK(vi.find(", phân bổ theo công thức\n") != std::string::npos);
  lotrinh::diag::set_lang(lotrinh::diag::Lang::kEn);
  o.out = temp_path(".txt");
  const std::string en = output_of(o);
  CHECK(en.find("  14.90             [9, 23]                   32.90            [18, 50]                                     1.65   [0.75, 2.55]   3,145.88 billion VND") !=
        std::string::npos);
  CHECK(en.find(", allocation formula\n") != std::string::npos);
}
