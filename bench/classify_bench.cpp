// Classifying 10,000 synthetic communes under the Decision 33/2020 rule file, beside
// hand-written C++ that applies the same criteria to the same column arrays. Prints the ratio
// engine / native at the end. Goal: at most 3x.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "config/catalogue_reader.h"
#include "rules/evaluation.h"
#include "rules/rule_library.h"

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
BENCHMARK(BM_ClassifyNative);

void BM_ClassifyEngine(benchmark::State& state) {
  const Engine& e = engine();
  rules::Inputs in = e.inputs();
  const rules::Classification& c = *e.rules->find_classification("region");
  for (auto _ : state) {
    rules::Evaluation ev(e.rules, in, 2020);
    benchmark::DoNotOptimize(ev.classes(c).data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kCommunes));
}
BENCHMARK(BM_ClassifyEngine);

// Records each benchmark's time per iteration so main can print the ratio.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> ns_per_iter;
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs)
      if (r.run_type == Run::RT_Iteration && r.iterations > 0)
        ns_per_iter[r.benchmark_name()] = r.GetAdjustedRealTime();
    ConsoleReporter::ReportRuns(runs);
  }
};

// The engine must give the native classes, or the comparison means nothing.
bool same_classes() {
  const Engine& e = engine();
  rules::Evaluation ev(e.rules, e.inputs(), 2020);
  const rules::Classification& c = *e.rules->find_classification("region");
  std::vector<signed char> native;
  classify_native(columns(), native);
  const char* names[] = {"III", "I", "II", "out-of-scope"};
  size_t differ = 0;
  for (size_t i = 0; i < kCommunes; ++i) differ += ev.class_name(c, i) != names[native[i]];
  if (differ) std::fprintf(stderr, "engine and native classes differ for %zu communes\n", differ);
  return differ == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (!same_classes()) return 1;
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  double native = reporter.ns_per_iter["BM_ClassifyNative"], eng = reporter.ns_per_iter["BM_ClassifyEngine"];
  if (native > 0 && eng > 0)
    std::printf("\nclassification of %zu communes: engine %.1f ns/commune, native %.1f ns/commune, ratio %.2fx (goal <= 3x)\n",
                kCommunes, eng / kCommunes, native / kCommunes, eng / native);
  benchmark::Shutdown();
  return 0;
}
