// The funding strategies' speed (docs/simulator.md, "Strategies"):
//  1. planning one year for the synthetic country (bench/synthetic_country.h: 10,000 communes)
//     with the greedy strategy and with the linear programme: the bundled baseline scenario's
//     budget lines, model and fitted parameters, simulated for one year (2022) so that exactly
//     one year is planned; floors of a tenth of an equal share and caps of ten equal shares per
//     commune (so both bind somewhere). Printed: the programme's size (rows, columns,
//     non-zeros), GLPK's time, the whole year's planning time (sampling the model's gain curves
//     included) and the whole set-up (world, model, projection); for greedy also the CPU time of
//     its plan (its set-up's minus the equal split's). Goal: each plan < 2 s.
//  2. the province's LP scenario end to end as a planner runs it: `lotrinh simulate
//     scenarios/kontum/optimal-lp.toml --runs 1000 --threads 2 --format json` through the CLI's
//     own entry point (output to /dev/null). Goal: < 3 s wall time.
//  3. the cheapest allocation beside plain C++ (the project's standard: the strongest plain
//     baseline in the same run): one year's budget of the baseline (per purpose) split over the
//     10,000 communes in proportion to their poor households, to the dong by the largest
//     remainder, as the per-poor-household strategy does. The engine: sim::split_largest_remainder
//     (long double shares, a stable sort of every remainder); plain C++: double shares in one
//     branch-free pass, the dong left over to the largest remainders by std::nth_element. The
//     ratio is of median CPU times of this thread; the two must give the same dong (printed).
//     Beside it, the engine's per-poor-household strategy planned inside a simulation (plan
//     time, wall) and greedy's plan CPU time over the plain split's (what optimising costs over
//     the cheapest allocation).
// Median wall times over repetitions; the CPU time of the process is printed beside them (a
// loaded machine inflates wall time, not CPU time). The bench reports; it does not fail on a goal.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/app.h"
#include "run_quiet.h"
#include "config/catalogue_reader.h"
#include "config/sim_file_reader.h"
#include "rules/rule_library.h"
#include "sim/allocation.h"
#include "sim/simulation.h"
#include "sim/world.h"
#include "synthetic_country.h"

using namespace lotrinh;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;
const std::string kProvince = kHome + "/scenarios/kontum";

struct Country {
  data::Catalogue catalogue;
  std::unique_ptr<rules::RuleLibrary> library;
  config::ScenarioFile scenario;
  config::ModelFile model;
  sim::World world;
};

Country& country() {
  static Country c = [] {
    Country c;
    c.catalogue = config::read_catalogue(kHome + "/rules/indicators.toml");
    c.library = std::make_unique<rules::RuleLibrary>(c.catalogue);
    c.library->load({kHome + "/rules/vn/qd-33-2020.toml"});
    c.scenario = config::read_scenario_file(kProvince + "/baseline.toml");
    c.scenario.events.clear();  // they name the province's communes
    c.scenario.lists.clear();
    c.scenario.workdays.clear();  // they go to the province's twinning agencies
    c.model = config::read_model_file(kProvince + "/model.toml");
    sim::World templ = sim::load_world(kProvince, c.scenario.start_year, c.scenario.end_year, {}, c.catalogue);
    c.world = bench::generate_country(templ, c.scenario.start_year, c.scenario.end_year);
    // One simulated year: 2021 (the data), then 2022 planned and projected.
    c.scenario.end_year = c.scenario.start_year + 1;
    c.scenario.rules.resize(1);
    c.scenario.rules[0].until = c.scenario.end_year;
    for (auto& b : c.scenario.budget) b.from = b.until = c.scenario.end_year;
    for (auto& w : c.scenario.workdays) w.from = w.until = c.scenario.end_year;
    std::int64_t total = 0;
    for (const auto& b : c.scenario.budget)
      if (b.allocation.empty()) total += b.amount_vnd;
    const std::int64_t share = total / static_cast<std::int64_t>(bench::kCommunes);
    c.scenario.floor_vnd = share / 10;
    c.scenario.cap_vnd = share * 10;
    c.world.travel_hours.resize(2);
    c.world.twinning.resize(2);
    return c;
  }();
  return c;
}

struct Figures {
  std::vector<double> wall, plan, solver, cpu;
  sim::PlanStats last;
};
Figures g_greedy, g_lp, g_equal, g_per_poor;

// This thread's CPU time: the set-up runs on the calling thread only.
double thread_cpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void plan_one_year(benchmark::State& state, const std::string& strategy, Figures& out) {
  Country& c = country();
  config::ScenarioFile sc = c.scenario;
  sc.allocation = strategy;
  if (strategy == "lp") sc.objective = "population-weighted-poverty";
  for (auto _ : state) {
    sim::World w = c.world;
    auto t0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu();
    sim::Simulation s(sc, c.model, std::move(w), c.catalogue, *c.library);
    out.cpu.push_back(thread_cpu() - c0);
    const double t = seconds_since(t0);
    const sim::PlanStats& st = s.projection().plan_stats.at(1);
    state.SetIterationTime(st.plan_seconds);
    out.wall.push_back(t);
    out.plan.push_back(st.plan_seconds);
    out.solver.push_back(st.solver_seconds);
    out.last = st;
  }
}

// The same set-up with the equal split: its CPU time, subtracted from greedy's, is the CPU time
// of greedy's plan.
void BM_CountrySetupEqual(benchmark::State& state) { plan_one_year(state, "equal", g_equal); }
BENCHMARK(BM_CountrySetupEqual)->UseManualTime()->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);

void BM_CountryPlanGreedy(benchmark::State& state) { plan_one_year(state, "greedy", g_greedy); }
BENCHMARK(BM_CountryPlanGreedy)->UseManualTime()->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);

void BM_CountryPlanLp(benchmark::State& state) { plan_one_year(state, "lp", g_lp); }
BENCHMARK(BM_CountryPlanLp)->UseManualTime()->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);

// The engine's cheapest strategy: its plan time is the proportional split of every purpose.
void BM_CountryPlanPerPoor(benchmark::State& state) { plan_one_year(state, "per-poor-household", g_per_poor); }
BENCHMARK(BM_CountryPlanPerPoor)->UseManualTime()->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);

// 3. One year's budget per purpose and the communes' weights (poor households; 0 where unknown).
struct SplitInput {
  std::vector<double> weights;
  std::vector<std::int64_t> budget;
};

const SplitInput& split_input() {
  static SplitInput in = [] {
    Country& c = country();
    SplitInput s;
    const auto& purposes = config::spending_purposes();
    s.budget.assign(purposes.size(), 0);
    for (const auto& b : c.scenario.budget)
      if (b.allocation.empty())
        s.budget[static_cast<size_t>(std::find(purposes.begin(), purposes.end(), b.purpose) - purposes.begin())] += b.amount_vnd;
    const std::vector<double>& poor = c.world.columns.at("poor_households");
    for (double v : poor) s.weights.push_back(std::isfinite(v) && v > 0 ? v : 0.0);
    return s;
  }();
  return in;
}

// The plain split: shares in double in one pass over flat arrays (no branches), then
// one more dong to each of the `left` largest remainders (ties to the lower index), found by
// std::nth_element rather than a sort of all of them.
std::vector<std::int64_t> plain_split(std::int64_t amount, const std::vector<double>& w) {
  const size_t n = w.size();
  std::vector<std::int64_t> parts(n, 0);
  double total = 0;
  for (size_t i = 0; i < n; ++i) total += w[i];
  if (amount <= 0 || total <= 0) return parts;
  const double scale = static_cast<double>(amount) / total;
  std::vector<double> rem(n);
  std::int64_t given = 0;
  for (size_t i = 0; i < n; ++i) {
    const double exact = w[i] * scale, fl = std::floor(exact);
    parts[i] = static_cast<std::int64_t>(fl);
    rem[i] = exact - fl;
    given += parts[i];
  }
  std::int64_t left = amount - given;
  if (left > 0) {
    std::vector<std::uint32_t> idx(n);
    std::iota(idx.begin(), idx.end(), 0u);
    const size_t k = std::min(n, static_cast<size_t>(left));
    std::nth_element(idx.begin(), idx.begin() + static_cast<long>(k - 1), idx.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return rem[a] > rem[b] || (rem[a] == rem[b] && a < b); });
    for (size_t j = 0; j < k; ++j) ++parts[idx[j]];
    left -= static_cast<std::int64_t>(k);
  }
  // Rounding in double can leave the floors a dong or two off: settled on the first communes.
  for (size_t i = 0; left > 0 && i < n; ++i)
    if (w[i] > 0) ++parts[i], --left;
  for (size_t i = 0; left < 0 && i < n; ++i)
    if (parts[i] > 0) --parts[i], ++left;
  return parts;
}

constexpr int kSplits = 50;  // splits of the whole year (every purpose) per repetition
std::vector<double> g_split_engine_cpu, g_split_plain_cpu;
std::int64_t g_split_checksum[2] = {0, 0};
size_t g_split_differ = 0, g_split_bad_sum = 0;

template <class F>
void time_splits(benchmark::State& state, F split, std::vector<double>& cpu, std::int64_t& checksum) {
  const SplitInput& in = split_input();
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu();
    std::int64_t sum = 0;
    for (int r = 0; r < kSplits; ++r)
      for (std::int64_t amount : in.budget) {
        const std::vector<std::int64_t> parts = split(amount, in.weights);
        benchmark::DoNotOptimize(parts.data());
        sum += parts[static_cast<size_t>(r) % parts.size()];
      }
    cpu.push_back((thread_cpu() - c0) / kSplits);
    state.SetIterationTime(seconds_since(t0) / kSplits);
    checksum = sum;
  }
}

void BM_SplitEngine(benchmark::State& state) {
  time_splits(state, sim::split_largest_remainder, g_split_engine_cpu, g_split_checksum[0]);
}
BENCHMARK(BM_SplitEngine)->UseManualTime()->Iterations(1)->Repetitions(7)->Unit(benchmark::kMillisecond);

void BM_SplitPlain(benchmark::State& state) { time_splits(state, plain_split, g_split_plain_cpu, g_split_checksum[1]); }
BENCHMARK(BM_SplitPlain)->UseManualTime()->Iterations(1)->Repetitions(7)->Unit(benchmark::kMillisecond);

// The two splits give the same dong (or say how many communes differ, by double's rounding).
void compare_splits() {
  const SplitInput& in = split_input();
  for (std::int64_t amount : in.budget) {
    const auto a = sim::split_largest_remainder(amount, in.weights), b = plain_split(amount, in.weights);
    for (size_t i = 0; i < a.size(); ++i) g_split_differ += a[i] != b[i];
    if (std::accumulate(b.begin(), b.end(), std::int64_t{0}) != amount) ++g_split_bad_sum;
  }
}

std::vector<double> g_lp_scenario, g_lp_scenario_cpu;

void BM_ProvinceLpScenario(benchmark::State& state) {
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    const double c0 = static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
    int rc = run_quiet({"lotrinh", "simulate", kProvince + "/optimal-lp.toml", "--runs", "1000", "--threads", "2", "--format", "json"});
    const double s = seconds_since(t0);
    if (rc != 0) {
      state.SkipWithError("simulate failed");
      return;
    }
    state.SetIterationTime(s);
    g_lp_scenario.push_back(s);
    g_lp_scenario_cpu.push_back(static_cast<double>(std::clock()) / CLOCKS_PER_SEC - c0);
  }
}
BENCHMARK(BM_ProvinceLpScenario)->UseManualTime()->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (FILE* f = std::fopen("/proc/loadavg", "r")) {  // a shared machine: say how loaded it was
    char line[128] = {0};
    if (std::fgets(line, sizeof line, f)) std::printf("load average at the start: %s", line);
    std::fclose(f);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  for (auto [name, f] : {std::pair<const char*, Figures*>{"greedy", &g_greedy}, {"lp", &g_lp}}) {
    if (f->plan.empty()) continue;
    std::printf("one year's plan, %zu communes, strategy %s: plan %.3f s (goal < 2 s), GLPK %.3f s in %d solve(s)",
                bench::kCommunes, name, median(f->plan), median(f->solver), f->last.solves);
    if (f->last.rounds > 0)
      std::printf(" (%d cuts for the purposes' prices, %d working-set programme(s), the largest %zu rows, %zu columns, "
                  "%zu non-zeros, of the whole programme's %zu rows and %zu columns)",
                  f->last.cuts, f->last.rounds, f->last.rows, f->last.columns, f->last.nonzeros, f->last.whole_rows,
                  f->last.whole_columns);
    std::printf("; set-up with the projection %.3f s wall, %.3f s CPU (medians)\n", median(f->wall), median(f->cpu));
  }
  if (!g_greedy.cpu.empty() && !g_equal.cpu.empty())
    std::printf("greedy: set-up CPU time %.3f s, of which its plan %.3f s (the equal split's set-up: %.3f s) (medians)\n",
                median(g_greedy.cpu), median(g_greedy.cpu) - median(g_equal.cpu), median(g_equal.cpu));
  if (!g_split_engine_cpu.empty() && !g_split_plain_cpu.empty()) {
    compare_splits();
    const double e = median(g_split_engine_cpu), p = median(g_split_plain_cpu);
    std::printf("one year's proportional split (%zu purposes) over %zu communes by the largest remainder: engine %.3f ms CPU, "
                "plain C++ %.3f ms CPU, ratio %.2fx (medians of %zu); the two differ in %zu of %zu parts, plain sums wrong %zu\n",
                split_input().budget.size(), bench::kCommunes, e * 1e3, p * 1e3, e / p, g_split_engine_cpu.size(), g_split_differ,
                split_input().budget.size() * bench::kCommunes, g_split_bad_sum);
    if (!g_per_poor.plan.empty())
      std::printf("the per-poor-household strategy inside the simulation (its weights, then this split): plan %.3f ms wall (median)\n",
                  median(g_per_poor.plan) * 1e3);
    if (!g_greedy.cpu.empty() && !g_equal.cpu.empty())
      std::printf("greedy's plan CPU time over the plain split's: %.0fx\n", (median(g_greedy.cpu) - median(g_equal.cpu)) / p);
  }
  if (!g_lp_scenario.empty())
    std::printf("optimal-lp scenario, 1000 runs on 2 threads, output included: median wall time %.3f s (goal < 3 s), "
                "median CPU time %.3f s (both threads)\n",
                median(g_lp_scenario), median(g_lp_scenario_cpu));
  return 0;
}
