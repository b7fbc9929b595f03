#include "sim/costed_events.h"

#include <algorithm>
#include <map>
#include <string>

#include "diag/messages.h"
#include "diag/spelling.h"

namespace lotrinh::sim {
namespace {

using diag::msg;

std::string context(const config::ScenarioEvent& e) { return msg("sim.ctx.event", e.kind, e.year); }

// The purpose a kind must be paid from (its money's earmark); "" for any.
std::string purpose_for(const std::string& kind) {
  if (kind == "housing") return "housing";
  if (kind == "road_paved") return "infrastructure";
  return "";
}

// The index of `slug` among the units of `year`: a start-year commune (after the merger, the
// unit it joined), or after the merger a unit of its own; -1 when unknown.
int unit_index(const World& w, const std::string& slug, int year) {
  const bool merged = w.merged && year >= w.merger_year;
  auto it = std::find(w.slugs.begin(), w.slugs.end(), slug);
  if (it != w.slugs.end()) {
    const size_t c = static_cast<size_t>(it - w.slugs.begin());
    return merged ? w.successor[c] : static_cast<int>(c);
  }
  if (merged) {
    auto m = std::find(w.merged->slugs.begin(), w.merged->slugs.end(), slug);
    if (m != w.merged->slugs.end()) return static_cast<int>(m - w.merged->slugs.begin());
  }
  return -1;
}

// The names a slug of `year` may be (for did-you-mean).
std::vector<std::string> names_of(const World& w, int year) {
  std::vector<std::string> out = w.slugs;
  if (w.merged && year >= w.merger_year) out.insert(out.end(), w.merged->slugs.begin(), w.merged->slugs.end());
  return out;
}

}  // namespace

CostedEvents plan_costed_events(const config::ScenarioFile& scenario, const World& world, bool households_state,
                                diag::DiagnosticSink& sink) {
  const auto& purposes = config::spending_purposes();
  const int Y = scenario.end_year - scenario.start_year;
  CostedEvents out;
  out.from_allocation.assign(static_cast<size_t>(Y) + 1, std::vector<std::int64_t>(purposes.size(), 0));
  out.from_twinning = out.from_allocation;
  std::vector<std::string> line_ids;
  for (const auto& b : scenario.budget) line_ids.push_back(b.id);
  // (line, year) -> the costs paid from it, and the first event paying from it that year.
  std::map<std::pair<size_t, int>, std::pair<std::int64_t, size_t>> used;
  for (size_t i = 0; i < scenario.events.size(); ++i) {
    const config::ScenarioEvent& e = scenario.events[i];
    const bool housing = e.kind == "housing", resettlement = e.kind == "resettlement";
    if (e.cost_vnd < 0 && !housing && !resettlement) continue;
    const int last = housing && e.until > 0 ? e.until : e.year;
    if (e.year <= scenario.start_year || e.year > scenario.end_year) continue;  // reported by load_world
    if (last > scenario.end_year) {
      sink.error(e.loc, msg("sim.event.year", last, scenario.start_year + 1, scenario.end_year), msg("sim.event.housing.hint"));
      continue;
    }
    bool ok = true;
    // The communes (housing) and the move (resettlement), in the units of each year.
    std::vector<std::vector<int>> units;  // housing: per year of [year, last]
    if (housing) {
      for (int y = e.year; y <= last; ++y) {
        std::vector<int> u;
        for (size_t j = 0; j < e.communes.size(); ++j) {
          const int x = unit_index(world, e.communes[j], y);
          if (x < 0) {
            if (y == e.year || (world.merged && y == world.merger_year))
              sink.error(e.communes_loc[j], msg("sim.event.commune", e.communes[j], scenario.start_year),
                         diag::did_you_mean(e.communes[j], names_of(world, y)));
            ok = false;
            continue;
          }
          u.push_back(x);
        }
        std::sort(u.begin(), u.end());
        u.erase(std::unique(u.begin(), u.end()), u.end());
        units.push_back(std::move(u));
      }
    }
    if (resettlement) {
      if (!households_state) {
        sink.error(e.loc, msg("sim.event.no_households_state", context(e)), msg("sim.event.no_households_state.hint"));
        ok = false;
      }
      const int from = unit_index(world, e.from, e.year);
      const int to = e.to == "outside" ? -1 : unit_index(world, e.to, e.year);
      if (from < 0) {
        sink.error(e.from_loc, msg("sim.event.commune", e.from, scenario.start_year), diag::did_you_mean(e.from, names_of(world, e.year)));
        ok = false;
      }
      if (e.to != "outside" && to < 0) {
        std::string hint = diag::did_you_mean(e.to, names_of(world, e.year));
        sink.error(e.to_loc, msg("sim.event.commune", e.to, scenario.start_year), hint.empty() ? msg("sim.event.resettlement.hint") : hint);
        ok = false;
      }
      if (from >= 0 && from == to) {
        sink.error(e.to_loc, msg("sim.event.same_unit", context(e), e.from, e.to), msg("sim.event.resettlement.hint"));
        ok = false;
      }
      if (ok) out.moves.push_back({i, e.year, from, to});
    }
    // The budget line paying it.
    auto line = std::find(line_ids.begin(), line_ids.end(), e.budget);
    if (e.budget.empty()) continue;  // the reader has reported the missing key
    if (line == line_ids.end()) {
      std::string hint = diag::did_you_mean(e.budget, line_ids);
      sink.error(e.budget_loc, msg("sim.event.budget_unknown", context(e), e.budget), hint.empty() ? msg("sim.event.budget.hint") : hint);
      continue;
    }
    const size_t li = static_cast<size_t>(line - line_ids.begin());
    const config::ScenarioBudget& b = scenario.budget[li];
    const std::string want = purpose_for(e.kind);
    if (!want.empty() && b.purpose != want) {
      sink.error(e.budget_loc, msg("sim.event.purpose", context(e), b.id, b.purpose, want), msg("sim.event.purpose.hint", want));
      continue;
    }
    if (e.year < b.from || last > b.until) {
      sink.error(e.budget_loc, msg("sim.event.budget_years", context(e), b.id, b.from, b.until, e.year, last),
                 msg("sim.event.budget_years.hint"));
      continue;
    }
    const size_t p = static_cast<size_t>(std::find(purposes.begin(), purposes.end(), b.purpose) - purposes.begin());
    if (p >= purposes.size()) continue;
    for (int y = e.year; y <= last; ++y) {
      auto [it, fresh] = used.try_emplace({li, y}, 0, i);
      it->second.first += e.cost_vnd;
      const size_t k = static_cast<size_t>(y - scenario.start_year);
      (b.allocation == "twinning" ? out.from_twinning : out.from_allocation)[k][p] += e.cost_vnd;
      EventCost c{i, y, p, e.cost_vnd, housing, {}};
      if (housing) c.units = units[static_cast<size_t>(y - e.year)];
      if (ok) out.costs.push_back(std::move(c));
    }
  }
  // Each line's costs within its amount of the year.
  for (const auto& [key, v] : used) {
    const config::ScenarioBudget& b = scenario.budget[key.first];
    if (v.first <= b.amount_vnd) continue;
    const config::ScenarioEvent& e = scenario.events[v.second];
    sink.error(e.cost_loc.line ? e.cost_loc : e.loc,
               msg("sim.event.over_budget", b.id, key.second, v.first, v.first - b.amount_vnd, b.amount_vnd),
               msg("sim.event.over_budget.hint"));
  }
  return out;
}

}  // namespace lotrinh::sim
