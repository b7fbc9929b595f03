// Checking a rule file whose criteria form a chain (each criterion refers to the previous one),
// as `lotrinh check` does: read the TOML, compile (names, dependency order, cycle search, the
// lint for unused criteria and untested classes), gather the warnings. Chains of 2,500, 5,000,
// 10,000 and 20,000 criteria; prints the ratio of the medians of CPU time, 20,000 / 10,000, at
// the end. Goal: linear, at most 2.2x (a quadratic step gives 4x).
// `chain_bench --emit N` prints the rule file of a chain of N criteria instead, to time the real
// command: `chain_bench --emit 20000 | lotrinh check -`.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "config/catalogue_reader.h"
#include "config/rule_file_reader.h"
#include "rules/rule_library.h"

using namespace lotrinh;

namespace {

// A rule file of `n` criteria: c0 is a leaf, c{i} = any of c{i-1} and a leaf; a classification
// reads the last, and two tests reach both of its classes (so the lint warns of nothing).
std::string chain_rule_file(int n) {
  std::string s =
      "[ruleset]\nid = \"bench.chain\"\nkind = \"chain\"\nlevel = \"commune\"\nstatus = \"draft\"\n"
      "effective = { from = 2020-01-01 }\n\n[criteria]\nc0 = \"poverty_rate > 0.5\"\n";
  for (int i = 1; i < n; ++i) s += fmt::format("c{} = {{ any = [\"c{}\", \"poverty_rate > 0.5\"] }}\n", i, i - 1);
  s += fmt::format("\n[classification.chain]\norder = [ {{ class = \"A\", when = \"c{}\" }}, {{ class = \"B\" }} ]\n", n - 1);
  s += "\n[[test]]\nname = \"above\"\nyear = 2020\ngiven = { poverty_rate = 0.6 }\nexpect = { chain = \"A\" }\n";
  s += "\n[[test]]\nname = \"below\"\nyear = 2020\ngiven = { poverty_rate = 0.4 }\nexpect = { chain = \"B\" }\n";
  return s;
}

const data::Catalogue& catalogue() {
  static const data::Catalogue c = config::read_catalogue(std::string(LOTRINH_SOURCE_HOME) + "/rules/indicators.toml");
  return c;
}

void BM_CheckChain(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const std::string text = chain_rule_file(n);
  size_t criteria = 0, warnings = 0;
  for (auto _ : state) {
    rules::RuleLibrary lib(catalogue());
    lib.add(config::parse_rule_file("chain.toml", text));
    auto rs = lib.get("bench.chain");
    criteria = rs->criteria.size();
    warnings = lib.warnings().size();
    benchmark::DoNotOptimize(rs);
  }
  if (criteria != static_cast<size_t>(n) || warnings != 0) state.SkipWithError("the chain did not compile as written");
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * n);
}
BENCHMARK(BM_CheckChain)->Arg(2500)->Arg(5000)->Arg(10000)->Arg(20000)->Repetitions(5)->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);

// Records each run's median CPU time per iteration, by chain length.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> ms;
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs)
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median") ms[r.run_name.args] = r.GetAdjustedCPUTime();
    ConsoleReporter::ReportRuns(runs);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--emit") == 0) {
    std::fputs(chain_rule_file(std::atoi(argv[2])).c_str(), stdout);
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  if (reporter.ms.count("10000") && reporter.ms.count("20000")) {
    std::printf("\nchecking a chain of criteria, median CPU time:");
    for (const char* n : {"2500", "5000", "10000", "20000"})
      if (reporter.ms.count(n)) std::printf(" %s: %.1f ms;", n, reporter.ms[n]);
    std::printf("\n20,000 / 10,000 criteria: %.2fx (goal <= 2.2x; linear is 2x, quadratic 4x)\n",
                reporter.ms["20000"] / reporter.ms["10000"]);
  }
  benchmark::Shutdown();
  return 0;
}
