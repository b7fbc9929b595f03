#include "cli/paired_runs.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "diag/messages.h"
#include "diag/number_style.h"

namespace lotrinh::cli {

void PairedSums::add(std::optional<std::int64_t> ref, std::optional<std::int64_t> mine) {
  if (mine) {
    sum += *mine;
    ++n;
    value = true;
  }
  if (ref && mine) {
    const std::int64_t diff = *mine - *ref;
    d += diff;
    dd += diff * diff;
    paired = true;
  }
}

PairedInterval paired_interval(const PairedSums& s, std::uint64_t runs) {
  const long double r = static_cast<long double>(runs);
  PairedInterval out;
  if (runs == 0) return out;
  out.mean = static_cast<long double>(s.d) / r;
  const long double var =
      runs > 1 ? (static_cast<long double>(s.dd) - static_cast<long double>(s.d) * static_cast<long double>(s.d) / r) / (r - 1) : 0;
  out.half = 1.645L * std::sqrt(std::max(0.0L, var)) / std::sqrt(r);
  return out;
}

std::optional<long double> incremental_cost(long double money_difference, const PairedInterval& exits) {
  if (exits.contains_zero()) return std::nullopt;
  if (money_difference == 0) return 0.0L;  // not -0 when the exits fall at the same money
  return money_difference / exits.mean;
}

std::vector<sim::Aggregates> run_in_blocks(
    const std::vector<const sim::Simulation*>& sims, std::uint64_t runs, int threads,
    const std::function<void(std::uint64_t, std::vector<std::vector<sim::Simulation::RunFigures>>&)>& add,
    std::uint64_t block) {
  std::vector<sim::Aggregates> aggs;
  std::vector<std::vector<sim::Simulation::RunFigures>> figures(sims.size());
  for (std::uint64_t from = 0; from < runs; from += std::max<std::uint64_t>(1, block)) {
    const std::uint64_t to = std::min(runs, from + std::max<std::uint64_t>(1, block));
    for (size_t i = 0; i < sims.size(); ++i) {
      sim::Aggregates a = sims[i]->run_paired(from, to, threads, figures[i]);
      if (aggs.size() <= i) aggs.push_back(std::move(a));
      else aggs[i].add(a);
    }
    add(from, figures);
  }
  return aggs;
}

std::int64_t rank_percentile(const std::vector<std::int64_t>& counts, int q) {
  std::int64_t total = 0;
  for (auto c : counts) total += c;
  std::int64_t cum = 0;
  for (size_t v = 0; v < counts.size(); ++v) {
    cum += counts[v];
    if (cum > 0 && cum * 100 >= static_cast<std::int64_t>(q) * total) return static_cast<std::int64_t>(v);
  }
  return counts.empty() ? 0 : static_cast<std::int64_t>(counts.size()) - 1;
}

bool local_style(report::Format format) { return format == report::Format::kTable || format == report::Format::kXlsx; }

std::string figure_number(long double v, int decimals, bool local) {
  std::string plain = fmt::format("{:.{}f}", static_cast<double>(v), decimals);
  return local ? diag::local_number(plain) : plain;
}

std::string figure_interval(long double lo, long double hi, int decimals, bool local) {
  const bool comma = local && diag::lang() == diag::Lang::kVi;
  return "[" + figure_number(lo, decimals, local) + (comma ? "; " : ", ") + figure_number(hi, decimals, local) + "]";
}

}  // namespace lotrinh::cli
