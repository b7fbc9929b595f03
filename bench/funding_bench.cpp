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
// Median wall times over repetitions; the CPU time of the process is printed beside them (a
// loaded machine inflates wall time, not CPU time). The bench reports; it does not fail on a goal.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/app.h"
#include "run_quiet.h"
#include "config/catalogue_reader.h"
#include "config/sim_file_reader.h"
#include "rules/rule_library.h"
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
Figures g_greedy, g_lp, g_equal;

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
  if (!g_lp_scenario.empty())
    std::printf("optimal-lp scenario, 1000 runs on 2 threads, output included: median wall time %.3f s (goal < 3 s), "
                "median CPU time %.3f s (both threads)\n",
                median(g_lp_scenario), median(g_lp_scenario_cpu));
  return 0;
}
