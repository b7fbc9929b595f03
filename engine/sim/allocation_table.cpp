#include "sim/allocation_table.h"

#include <algorithm>
#include <charconv>

#include "config/sim_files.h"
#include "data/headed_csv.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "diag/text_file.h"

namespace lotrinh::sim {

std::map<std::tuple<int, int, std::string>, std::int64_t> read_allocation_table(
    const std::string& path, const World& world, int first_year, int last_year,
    const std::vector<std::vector<std::int64_t>>& budget, int start_year) {
  diag::DiagnosticSink sink;
  const std::string text = diag::read_file(path);
  data::HeadedCsv csv = data::read_headed_csv(path, text, {"commune", "year", "purpose", "amount_vnd"},
                                              {"sim.table.missing_column", "sim.table.columns.hint"}, sink);
  std::map<std::tuple<int, int, std::string>, std::int64_t> out;
  std::map<std::pair<int, int>, std::int64_t> sums;
  const auto& purposes = config::spending_purposes();
  for (const auto& row : csv.rows) {
    std::string commune = csv.cell(row, "commune"), ys = csv.cell(row, "year"), purpose = csv.cell(row, "purpose"),
                amount = csv.cell(row, "amount_vnd");
    bool ok = true;
    if (std::find(world.slugs.begin(), world.slugs.end(), commune) == world.slugs.end()) {
      sink.error(csv.loc(row, "commune"), diag::msg("sim.table.commune", commune), diag::did_you_mean(commune, world.slugs));
      ok = false;
    }
    int year = 0;
    auto ry = std::from_chars(ys.data(), ys.data() + ys.size(), year);
    if (ry.ec != std::errc() || ry.ptr != ys.data() + ys.size() || year < first_year || year > last_year) {
      sink.error(csv.loc(row, "year"), diag::msg("sim.table.year", ys, first_year, last_year), diag::msg("sim.table.year.hint"));
      ok = false;
    }
    auto pit = std::find(purposes.begin(), purposes.end(), purpose);
    if (pit == purposes.end()) {
      std::string hint = diag::did_you_mean(purpose, purposes);
      sink.error(csv.loc(row, "purpose"), diag::msg("sim.table.purpose", purpose), hint.empty() ? diag::msg("sim.table.purpose.hint") : hint);
      ok = false;
    }
    std::int64_t v = 0;
    auto ra = std::from_chars(amount.data(), amount.data() + amount.size(), v);
    if (ra.ec != std::errc() || ra.ptr != amount.data() + amount.size() || v < 0) {
      sink.error(csv.loc(row, "amount_vnd"), diag::msg("sim.table.amount", amount), diag::msg("sim.budget.negative.hint"));
      ok = false;
    }
    if (!ok) continue;
    int p = static_cast<int>(pit - purposes.begin());
    if (!out.emplace(std::tuple{year, p, commune}, v).second)
      sink.error(csv.loc(row, "commune"), diag::msg("sim.table.repeated", commune, year, purpose), diag::msg("sim.table.repeated.hint"));
    sums[{year, p}] += v;
  }
  sink.throw_if_errors();
  for (int y = first_year; y <= last_year; ++y)
    for (size_t p = 0; p < purposes.size(); ++p) {
      std::int64_t want = budget[static_cast<size_t>(y - start_year)][p];
      std::int64_t got = sums[{y, static_cast<int>(p)}];
      if (want != got)
        sink.add(diag::error_about(path, diag::msg("sim.table.sum", y, purposes[p], got, want), diag::msg("sim.table.sum.hint")));
    }
  sink.throw_if_errors();
  return out;
}

}  // namespace lotrinh::sim
