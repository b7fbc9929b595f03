// A synthetic country: 10,000 communes on a 100 x 100 grid of roads, in 100 districts of
// 10 x 10 communes, generated with a fixed seed; each commune's starting values are those of a
// commune of the bundled province drawn at random, with its fractional values jittered; one
// twinning agency per district. The
// bundled default model and baseline scenario (rules, budget, allocation formula, fitted
// parameters) run on it for the scenario's 10 years (the 2021 data, then 2022-2030 simulated)
// x 100 Monte Carlo runs on 2 threads, beside a
// hand-written C++ version of the same model on the same arrays (the same equations as plain
// loops, the same keyed draws, parameters, shocks, spillover and spending; no muParser).
//
// Both are timed in wall time (both use 2 threads), median of 3 repetitions; the CPU time of
// both threads is printed too (a loaded machine inflates wall time, not CPU time). The engine's time
// is Simulation::run: the model, and also the yearly classification of every commune under the
// rule set in force, the official lists and the streamed aggregates, which the native version
// does not do (so the ratio is an upper bound for the model alone). Planning the deterministic
// projection (done once per scenario) is outside the timing.
//
// Figures (this 2-core machine, shared: load average 10-17 while measured, so wall times are
// inflated and the CPU times are the ones to read; medians of 3; native varies 1.3-1.9 s):
//   before (muParser row by row):      engine 11.22 s CPU, native 1.87 s, ratio 6.0x
//     profile: muParser's Eval 30 %, Evaluator::eval 11 %, its finiteness-check calls 4 %,
//     the per-commune slot filling (Worker::run) 16 %, exp 5 %, the keyed noise 4 %
//   after (column-wise programs):      engine 2.94 s CPU, native 1.30 s, ratio 2.3x (three
//     separate runs, load 9-17: 2.3x, 2.6x with 3.44 s / 1.31 s, 2.1x with 2.80 s / 1.33 s)
//     profile: Worker::run 20 % (spending per household, spillover, noise, aggregates),
//     ColumnProgram 31 % (run_block 15 %, missing-input scan and results 17 %), the keyed
//     noise (keyed_uniform, cos, log) 18 %, exp 7 %, classification 8 %
//
// `country_bench --allocations` counts the heap allocations of 1, 2 and 4 runs.
// `country_bench --rss RUNS` instead runs the engine once for RUNS runs and prints the peak
// resident memory in KB (for the check that memory does not grow with the number of runs).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "config/catalogue_reader.h"
#include "config/sim_file_reader.h"
#include "rules/rule_library.h"
#include "sim/random.h"
#include "sim/shocks.h"
#include "sim/simulation.h"
#include "sim/world.h"
#include "synthetic_country.h"

// Counts heap allocations (replaces the global operator new for the bench binary).
#include "../tests/common/counting_new.h"
using lotrinh::testing::g_allocations;

using namespace lotrinh;

namespace {

using bench::kCommunes;
constexpr int kRuns = 100;
constexpr int kThreads = 2;
const std::string kHome = LOTRINH_SOURCE_HOME;
const std::string kProvince = kHome + "/scenarios/kontum";

struct Setup {
  data::Catalogue catalogue;
  std::unique_ptr<rules::RuleLibrary> library;
  config::ScenarioFile scenario;
  config::ModelFile model;
  std::unique_ptr<sim::Simulation> simulation;
};

Setup& setup() {
  static Setup s = [] {
    Setup s;
    s.catalogue = config::read_catalogue(kHome + "/rules/indicators.toml");
    s.library = std::make_unique<rules::RuleLibrary>(s.catalogue);
    s.library->load({kHome + "/rules/vn/qd-33-2020.toml"});
    s.scenario = config::read_scenario_file(kProvince + "/baseline.toml");
    // The scenario's years: 2021 (the data) to 2030 (the standards' aliases end there).
    s.scenario.events.clear();  // they name the province's communes
    s.model = config::read_model_file(kProvince + "/model.toml");
    sim::World templ = sim::load_world(kProvince, s.scenario.start_year, s.scenario.end_year, {}, s.catalogue);
    sim::World w = bench::generate_country(templ, s.scenario.start_year, s.scenario.end_year);
    s.simulation = std::make_unique<sim::Simulation>(s.scenario, s.model, std::move(w), s.catalogue, *s.library);
    return s;
  }();
  return s;
}

// ---- The default model written by hand ------------------------------------------------------

struct Native {
  const sim::Simulation& sim;
  const sim::World& W;
  size_t n = kCommunes;
  // Column indices of the updated states, in the model's state order.
  enum S { kPov, kNear, kRoadsHard, kRoadUnpaved, kGrid, kWater, kUntrained, kIlliterate, kStates };
  std::vector<const double*> start;
  const double* households = nullptr;
  std::vector<std::pair<int, double>> conversions;  // (year, factor) of poverty_rate
  std::vector<std::pair<int, double>> near_conversions;

  explicit Native(const sim::Simulation& s, const data::Catalogue& cat) : sim(s), W(s.world()) {
    const char* names[kStates] = {"poverty_rate",           "near_poor_rate",         "roads_hardened_share",
                                  "road_unpaved_share",     "grid_power_share",       "hygienic_water_share",
                                  "untrained_labour_share", "em_illiterate_share"};
    for (const char* nm : names) {
      auto r = cat.resolve(nm, s.scenario().start_year);
      start.push_back(W.columns.at(r ? *r : nm).data());
    }
    households = W.columns.at("households").data();
    for (const auto& c : s.model().conversions) {
      if (c.alias == "poverty_rate") conversions.push_back({c.year, c.factor});
      if (c.alias == "near_poor_rate") near_conversions.push_back({c.year, c.factor});
    }
  }

  double param(const std::vector<double>& p, const char* name) const {
    const auto& ps = sim.parameters();
    for (size_t i = 0; i < ps.size(); ++i)
      if (ps[i].name == name) return p[i];
    return NAN;
  }

  // One run; returns the sum of the last year's poverty (kept so the work is not optimised away).
  double run(std::uint64_t r) const {
    const auto& S = sim.scenario();
    const std::uint64_t seed = S.seed;
    const auto& ps = sim.parameters();
    std::vector<double> p(ps.size());
    for (size_t i = 0; i < ps.size(); ++i) {
      const auto& P = ps[i];
      double v = P.value;
      if (P.distribution != "fixed") {
        double uu = sim::keyed_uniform(seed, r, 0, sim::Draw::kParameter, sim::name_key(P.name));
        if (P.distribution == "uniform") {
          v = P.low + (P.high - P.low) * uu;
        } else if (P.distribution == "triangular") {
          double a = P.low, b = P.high, m = P.value;
          double f = b > a ? (m - a) / (b - a) : 0;
          v = uu < f ? a + std::sqrt(uu * (b - a) * (m - a)) : b - std::sqrt((1 - uu) * (b - a) * (b - m));
        } else {
          v = std::clamp(P.value + P.sd * sim::keyed_normal(seed, r, 0, sim::Draw::kParameter, sim::name_key(P.name)), P.low, P.high);
        }
      }
      p[i] = v;
    }
    const double grad_base = param(p, "grad_base"), grad_access = param(p, "grad_access"),
                 grad_support = param(p, "grad_support"), grad_services = param(p, "grad_services"),
                 infra_half = param(p, "infra_half"), prod_half = param(p, "prod_half"), social_half = param(p, "social_half"),
                 housing_half = param(p, "housing_half"), remote_half = param(p, "remote_half"),
                 remote_penalty = param(p, "remote_penalty"), relapse_base = param(p, "relapse_base"),
                 relapse_housing = param(p, "relapse_housing"), disaster_relapse = param(p, "disaster_relapse"),
                 epidemic_relapse = param(p, "epidemic_relapse"), price_relapse = param(p, "price_relapse"),
                 near_share = param(p, "near_share"), near_exit = param(p, "near_exit"), spill_weight = param(p, "spill_weight"),
                 road_gain = param(p, "road_gain"), grid_gain = param(p, "grid_gain"), water_gain = param(p, "water_gain"),
                 training_gain = param(p, "training_gain"), literacy_gain = param(p, "literacy_gain");
    std::vector<std::vector<double>> st(kStates), nx(kStates, std::vector<double>(n));
    for (int s = 0; s < kStates; ++s) st[static_cast<size_t>(s)].assign(start[static_cast<size_t>(s)], start[static_cast<size_t>(s)] + n);
    const auto& shocks = sim.model().shocks;
    std::vector<double> hit(shocks.size() * n), spill(n), noise_sd(1, 0);
    double grad_sd = 0;
    for (const auto& z : sim.model().noises)
      if (z.name == "grad_noise") grad_sd = z.sd;
    const std::uint64_t noise_key = sim::name_key("grad_noise");
    int i_dis = -1, i_epi = -1, i_price = -1;
    for (size_t s = 0; s < shocks.size(); ++s) {
      if (shocks[s].name == "disaster") i_dis = static_cast<int>(s);
      if (shocks[s].name == "epidemic") i_epi = static_cast<int>(s);
      if (shocks[s].name == "price") i_price = static_cast<int>(s);
    }
    long clamps = 0;
    const int Y = sim.years();
    for (int k = 1; k <= Y; ++k) {
      const int year = S.start_year + k;
      for (size_t s = 0; s < shocks.size(); ++s) sim::shock_hits(shocks[s], W, seed, r, year, &hit[s * n]);
      const double* pov = st[kPov].data();
      for (size_t c = 0; c < n; ++c) {
        const auto& nb = W.neighbours[c];
        double sum = 0;
        for (int j : nb) sum += pov[j];
        spill[c] = nb.empty() ? pov[c] : sum / static_cast<double>(nb.size());
      }
      const auto& spend = sim.projection().spend[static_cast<size_t>(k)];
      const double* travel = W.travel_hours[static_cast<size_t>(k)].data();
      for (size_t c = 0; c < n; ++c) {
        const double h = households[c];
        auto per_hh = [&](size_t purpose) { return h > 0 ? static_cast<double>(spend[purpose * n + c]) / 1e6 / h : NAN; };
        const double access = 1 - std::exp(-per_hh(0) / infra_half);
        const double support = 1 - std::exp(-per_hh(1) / prod_half);
        const double services = 1 - std::exp(-per_hh(2) / social_half);
        const double shelter = 1 - std::exp(-per_hh(3) / housing_half);
        const double remoteness = travel[c] / (travel[c] + remote_half);
        const double noise = grad_sd * sim::keyed_normal(seed, r, year, sim::Draw::kNoise, noise_key, c);
        const double graduation = std::min(0.9, (grad_base + grad_access * access + grad_support * support + grad_services * services) *
                                                     (1 - remote_penalty * remoteness) * std::exp(noise));
        const double relapse = std::max(0.0, relapse_base - relapse_housing * shelter + disaster_relapse * hit[static_cast<size_t>(i_dis) * n + c] +
                                                 epidemic_relapse * hit[static_cast<size_t>(i_epi) * n + c] +
                                                 price_relapse * hit[static_cast<size_t>(i_price) * n + c]);
        const double p0 = st[kPov][c], q0 = st[kNear][c];
        double v[kStates];
        v[kPov] = p0 * (1 - graduation) + relapse * q0 + spill_weight * (spill[c] - p0);
        v[kNear] = q0 * (1 - relapse - near_exit) + near_share * graduation * p0;
        v[kRoadsHard] = st[kRoadsHard][c] + (1 - st[kRoadsHard][c]) * road_gain * access;
        v[kRoadUnpaved] = st[kRoadUnpaved][c] * (1 - road_gain * access);
        v[kGrid] = st[kGrid][c] + (1 - st[kGrid][c]) * grid_gain * access;
        v[kWater] = st[kWater][c] + (1 - st[kWater][c]) * water_gain * access;
        v[kUntrained] = st[kUntrained][c] * (1 - training_gain * support);
        v[kIlliterate] = st[kIlliterate][c] * (1 - literacy_gain * services);
        for (int s = 0; s < kStates; ++s) {
          double x = v[s];
          if (!std::isfinite(x)) x = NAN;
          else if (x < 0 || x > 1) {
            x = std::clamp(x, 0.0, 1.0);
            ++clamps;
          }
          nx[static_cast<size_t>(s)][c] = x;
        }
      }
      std::swap(st, nx);
      for (auto [y, f] : conversions)
        if (y == year)
          for (double& x : st[kPov]) x = std::clamp(x * f, 0.0, 1.0);
      for (auto [y, f] : near_conversions)
        if (y == year)
          for (double& x : st[kNear]) x = std::clamp(x * f, 0.0, 1.0);
    }
    double sum = static_cast<double>(clamps);
    for (double x : st[kPov]) sum += std::isnan(x) ? 0 : x;
    return sum;
  }

  double run_all(int runs, int threads) const {
    std::vector<double> sums(static_cast<size_t>(threads), 0.0);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        for (int r = t; r < runs; r += threads) sums[static_cast<size_t>(t)] += run(static_cast<std::uint64_t>(r));
      });
    for (auto& th : pool) th.join();
    double s = 0;
    for (double x : sums) s += x;
    return s;
  }
};

std::vector<double> g_engine, g_native, g_engine_cpu, g_native_cpu;

// CPU time of the whole process (every thread), seconds.
double process_cpu() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void BM_CountryEngine(benchmark::State& state) {
  Setup& s = setup();
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = process_cpu();
    sim::Aggregates a = s.simulation->run(0, kRuns, kThreads);
    benchmark::DoNotOptimize(a);
    double t = seconds_since(t0);
    state.SetIterationTime(t);
    g_engine.push_back(t);
    g_engine_cpu.push_back(process_cpu() - c0);
  }
}
BENCHMARK(BM_CountryEngine)->UseManualTime()->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);

void BM_CountryNative(benchmark::State& state) {
  Setup& s = setup();
  Native native(*s.simulation, s.catalogue);
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = process_cpu();
    double sum = native.run_all(kRuns, kThreads);
    benchmark::DoNotOptimize(sum);
    double t = seconds_since(t0);
    state.SetIterationTime(t);
    g_native.push_back(t);
    g_native_cpu.push_back(process_cpu() - c0);
  }
}
BENCHMARK(BM_CountryNative)->UseManualTime()->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--rss") == 0) {
    Setup& s = setup();
    sim::Aggregates a = s.simulation->run(0, static_cast<std::uint64_t>(std::stoll(argv[2])), kThreads);
    benchmark::DoNotOptimize(a);
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("country, %s runs: peak RSS %ld KB\n", argv[2], ru.ru_maxrss);
    return 0;
  }
  if (argc == 2 && std::strcmp(argv[1], "--allocations") == 0) {
    // Heap allocations of run(0, R) on one thread for R = 1, 2, 4: equal counts mean that runs
    // (and their years) allocate nothing beyond the worker's set-up.
    Setup& s = setup();
    for (std::uint64_t r : {1, 2, 4}) {
      long a0 = g_allocations;
      sim::Aggregates a = s.simulation->run(0, r, 1);
      benchmark::DoNotOptimize(a);
      std::printf("country, %llu run(s) on 1 thread: %ld heap allocations\n", static_cast<unsigned long long>(r), g_allocations - a0);
    }
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (g_engine.empty() || g_native.empty()) return 1;
  double e = median(g_engine), n = median(g_native);
  double ec = median(g_engine_cpu), nc = median(g_native_cpu);
  std::printf("CPU time of both threads (not inflated by other processes on the machine): engine %.2f s, native %.2f s, ratio %.1fx\n",
              ec, nc, ec / nc);
  std::printf("simulation of %zu communes x 10 years x %d runs: engine %.2f s, native %.2f s, ratio %.1fx (medians of wall time, %d threads)\n",
              kCommunes, kRuns, e, n, e / n, kThreads);
  return 0;
}
