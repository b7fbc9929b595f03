// Classifying 10,000 synthetic communes under the Decision 33/2020 rule file, beside
// hand-written C++ that applies the same criteria to the same column arrays (written with
// branches, and branchless: the strongest plain baseline). Prints the ratio engine / branchless
// native at the end, both medians of CPU time over 7 repetitions. Goal: at most 1.25x.
// A second benchmark drives one workspace through 10 consecutive years x 100 runs, as the
// simulator will, and counts the heap allocations after the first year (goal: none).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "config/catalogue_reader.h"
#include "rules/evaluation.h"
#include "rules/workspace.h"
#include "rules/rule_library.h"

// Counts heap allocations (replaces the global operator new for the bench binary).
#include "../tests/common/counting_new.h"
namespace {
using lotrinh::testing::g_allocations;
long g_allocations_after_first_year = -1;
}  // namespace

using namespace lotrinh;

namespace {

constexpr size_t kCommunes = 10000;

// Column arrays of synthetic communes (fixed seed; values spread over every threshold).
struct Columns {
  std::map<std::string, std::vector<double>> cols;
  Columns() {
    std::mt19937_64 rng(20161103);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    auto& em = cols["em_household_share"];
    auto& nr = cols["new_rural"];
    auto& p = cols["poverty_rate"];
    auto& emp = cols["em_poor_share"];
    auto& ill = cols["em_illiterate_share"];
    auto& untr = cols["untrained_labour_share"];
    auto& road = cols["road_to_centre_km"];
    auto& unp = cols["road_unpaved_share"];
    auto& mek = cols["mekong_delta"];
    auto& emph = cols["em_poor_households"];
    for (size_t i = 0; i < kCommunes; ++i) {
      em.push_back(u(rng));
      nr.push_back(u(rng) < 0.3 ? 1 : 0);
      p.push_back(u(rng) * 0.6);
      emp.push_back(u(rng));
      ill.push_back(u(rng) * 0.4);
      untr.push_back(0.5 + u(rng) * 0.5);
      road.push_back(u(rng) * 40);
      unp.push_back(u(rng));
      mek.push_back(u(rng) < 0.05 ? 1 : 0);
      emph.push_back(std::floor(u(rng) * 300));
    }
  }
};

const Columns& columns() {
  static const Columns c;
  return c;
}

// The Decision 33/2020 criteria written by hand over the same arrays (data complete, so no
// missing-value logic: the strongest plain baseline). 0 = III, 1 = I, 2 = II, 3 = out of scope.
void classify_native(const Columns& c, std::vector<signed char>& out) {
  const double* em = c.cols.at("em_household_share").data();
  const double* nr = c.cols.at("new_rural").data();
  const double* p = c.cols.at("poverty_rate").data();
  const double* emp = c.cols.at("em_poor_share").data();
  const double* ill = c.cols.at("em_illiterate_share").data();
  const double* untr = c.cols.at("untrained_labour_share").data();
  const double* road = c.cols.at("road_to_centre_km").data();
  const double* unp = c.cols.at("road_unpaved_share").data();
  const double* mek = c.cols.at("mekong_delta").data();
  const double* emph = c.cols.at("em_poor_households").data();
  out.resize(kCommunes);
  for (size_t i = 0; i < kCommunes; ++i) {
    bool in_scope = em[i] >= 0.15;
    bool delta = mek[i] == 1;
    double high = delta ? 0.15 : 0.20, mid = delta ? 0.12 : 0.15;
    bool a = p[i] >= high || (delta && emph[i] > 150);
    bool b = p[i] >= mid && (emp[i] > 0.60 || ill[i] >= 0.20 || untr[i] > 0.80 || (road[i] > 20 && unp[i] > 0.50));
    bool r3 = in_scope && nr[i] == 0 && (a || b);
    bool r1 = in_scope && (p[i] < 0.10 || nr[i] == 1);
    out[i] = r3 ? 0 : r1 ? 1 : in_scope ? 2 : 3;
  }
}

// The same criteria without branches (as ../shared/checks/branchless33.cpp): every comparison
// is computed and combined with & and |, so the compiler may vectorise the loop.
void classify_native_branchless(const Columns& c, std::vector<signed char>& out) {
  const double* em = c.cols.at("em_household_share").data();
  const double* nr = c.cols.at("new_rural").data();
  const double* p = c.cols.at("poverty_rate").data();
  const double* emp = c.cols.at("em_poor_share").data();
  const double* ill = c.cols.at("em_illiterate_share").data();
  const double* untr = c.cols.at("untrained_labour_share").data();
  const double* road = c.cols.at("road_to_centre_km").data();
  const double* unp = c.cols.at("road_unpaved_share").data();
  const double* mek = c.cols.at("mekong_delta").data();
  const double* emph = c.cols.at("em_poor_households").data();
  out.resize(kCommunes);
  signed char* o = out.data();
  for (size_t i = 0; i < kCommunes; ++i) {
    int in_scope = em[i] >= 0.15;
    int delta = mek[i] == 1;
    double high = delta ? 0.15 : 0.20, mid = delta ? 0.12 : 0.15;
    int a = (p[i] >= high) | (delta & (emph[i] > 150));
    int b = (p[i] >= mid) & ((emp[i] > 0.60) | (ill[i] >= 0.20) | (untr[i] > 0.80) | ((road[i] > 20) & (unp[i] > 0.50)));
    int r3 = in_scope & (nr[i] == 0) & (a | b);
    int r1 = in_scope & ((p[i] < 0.10) | (nr[i] == 1));
    o[i] = static_cast<signed char>(r3 ? 0 : (r1 ? 1 : (in_scope ? 2 : 3)));
  }
}

struct Engine {
  data::Catalogue catalogue;
  std::unique_ptr<rules::RuleLibrary> library;
  std::shared_ptr<const rules::RuleSet> rules;
  Engine() {
    std::string home = LOTRINH_SOURCE_HOME;
    catalogue = config::read_catalogue(home + "/rules/indicators.toml");
    library = std::make_unique<rules::RuleLibrary>(catalogue);
    library->load({home + "/rules/vn/qd-33-2020.toml"});
    rules = library->get(library->selected().front());
  }
  rules::Inputs inputs() const {
    const Columns* c = &columns();
    rules::Inputs in;
    in.n = kCommunes;
    in.column = [c](const std::string& name) -> const double* {
      auto it = c->cols.find(name);
      return it == c->cols.end() ? nullptr : it->second.data();
    };
    return in;
  }
};

const Engine& engine() {
  static const Engine e;
  return e;
}

void BM_ClassifyNative(benchmark::State& state) {
  std::vector<signed char> out;
  for (auto _ : state) {
    classify_native(columns(), out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kCommunes));
}
BENCHMARK(BM_ClassifyNative)->Repetitions(7)->ReportAggregatesOnly(true);

void BM_ClassifyNativeBranchless(benchmark::State& state) {
  std::vector<signed char> out;
  for (auto _ : state) {
    classify_native_branchless(columns(), out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kCommunes));
}
BENCHMARK(BM_ClassifyNativeBranchless)->Repetitions(7)->ReportAggregatesOnly(true);

// One year of 10,000 communes through a workspace kept from one iteration to the next (as a
// simulation keeps it from one year to the next): reset to the year's columns, classify.
void BM_ClassifyEngine(benchmark::State& state) {
  const Engine& e = engine();
  rules::Inputs in = e.inputs();
  const rules::Classification& c = *e.rules->find_classification("region");
  rules::Workspace ws(e.rules);
  for (auto _ : state) {
    ws.reset(in, 2020);
    benchmark::DoNotOptimize(ws.classes(c).data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kCommunes));
}
BENCHMARK(BM_ClassifyEngine)->Repetitions(7)->ReportAggregatesOnly(true);

// Ten consecutive data years (poverty falling a point a year) x 100 runs through one
// workspace. The rule set's period ends in 2025: the years are read with check_year off, as a
// simulation running today's rules forward would. Counts allocations after the first year.
struct Years {
  std::vector<std::map<std::string, std::vector<double>>> cols;
  Years() {
    for (int y = 0; y < 10; ++y) {
      auto year = columns().cols;
      for (double& p : year["poverty_rate"]) p = std::max(0.0, p - 0.01 * y);
      cols.push_back(std::move(year));
    }
  }
};

void BM_WorkspaceTenYears(benchmark::State& state) {
  const Engine& e = engine();
  static const Years years;
  const rules::Classification& c = *e.rules->find_classification("region");
  rules::Workspace ws(e.rules);
  const std::map<std::string, std::vector<double>>* current = nullptr;
  rules::Inputs in;
  in.n = kCommunes;
  in.column = [&current](const std::string& name) -> const double* {  // one pointer: held in place
    auto it = current->find(name);
    return it == current->end() ? nullptr : it->second.data();
  };
  long after_first_year = 0;
  long checksum = 0;
  for (auto _ : state) {
    for (int run = 0; run < 100; ++run) {
      for (int y = 0; y < 10; ++y) {
        current = &years.cols[y];
        const long before = g_allocations;
        ws.reset(in, 2020 + y, {}, /*check_year=*/false);
        checksum += ws.classes(c)[static_cast<size_t>(run * 97 + y) % kCommunes];
        if (run > 0 || y > 0) after_first_year += g_allocations - before;
      }
    }
  }
  benchmark::DoNotOptimize(checksum);
  state.counters["allocs_after_first_year"] = static_cast<double>(after_first_year);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 1000 * kCommunes));
  g_allocations_after_first_year = after_first_year;
}
BENCHMARK(BM_WorkspaceTenYears)->Unit(benchmark::kMillisecond);

// Records each benchmark's median CPU time per iteration so main can print the ratio.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> ns_per_iter;
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs)
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median")
        ns_per_iter[r.run_name.function_name] = r.GetAdjustedCPUTime();
    ConsoleReporter::ReportRuns(runs);
  }
};

// The engine must give the native classes, or the comparison means nothing.
bool same_classes() {
  const Engine& e = engine();
  rules::Evaluation ev(e.rules, e.inputs(), 2020);
  const rules::Classification& c = *e.rules->find_classification("region");
  std::vector<signed char> native, branchless;
  classify_native(columns(), native);
  classify_native_branchless(columns(), branchless);
  const char* names[] = {"III", "I", "II", "out-of-scope"};
  size_t differ = 0;
  for (size_t i = 0; i < kCommunes; ++i)
    differ += ev.class_name(c, i) != names[native[i]] || native[i] != branchless[i];
  if (differ) std::fprintf(stderr, "engine and native classes (with and without branches) differ for %zu communes\n", differ);
  return differ == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (!same_classes()) return 1;
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  double native = reporter.ns_per_iter["BM_ClassifyNativeBranchless"], eng = reporter.ns_per_iter["BM_ClassifyEngine"];
  if (g_allocations_after_first_year >= 0)
    std::printf("\n10 years x 100 runs through one workspace: %ld allocations after the first year\n",
                g_allocations_after_first_year);
  if (native > 0 && eng > 0)
    std::printf("\nclassification of %zu communes: engine %.2f ns/commune, native %.2f ns/commune, ratio %.2fx (goal <= 1.25x)\n",
                kCommunes, eng / kCommunes, native / kCommunes, eng / native);
  benchmark::Shutdown();
  return 0;
}
