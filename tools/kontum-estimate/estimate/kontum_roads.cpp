#include "estimate/kontum_roads.h"

#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "estimate/integer_fit.h"
#include "graph/province_network.h"

namespace lotrinh::estimate {

std::int64_t CentreRoute::unpaved_bp() const { return length_dm == 0 ? 0 : rate_bp(unpaved_m, length_dm * 100); }

std::map<std::string, CentreRoute> routes_to_centres(const data::UnitRegistry& registry, const std::string& dir,
                                                     int year) {
  const graph::CommuneGraph g = graph::load_province_network(registry, graph::NetworkSources::in_dir(dir, year, year), year);
  const auto& units = g.units();
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < units.size(); ++i) index[units[i].slug] = i;
  struct Edge {
    size_t to;
    std::int64_t dm, unpaved_m;
  };
  std::vector<std::vector<Edge>> adj(units.size());
  for (const auto& r : g.roads()) {
    const std::int64_t dm = std::llround(r.length_km * 10);
    const std::int64_t paved_bp = std::llround(r.paved_share * kBp);
    const std::int64_t unpaved = div_round(dm * 100 * (kBp - paved_bp), kBp);
    const size_t a = index.at(r.from), b = index.at(r.to);
    adj[a].push_back({b, dm, unpaved});
    adj[b].push_back({a, dm, unpaved});
  }
  std::map<std::string, CentreRoute> out;
  using Cost = std::pair<std::int64_t, std::int64_t>;  // (length, unpaved), compared in that order
  const Cost kInf{std::numeric_limits<std::int64_t>::max(), 0};
  for (size_t c = 0; c < units.size(); ++c) {
    if (!units[c].district_centre) continue;
    // Dijkstra from the centre over the whole network (a road may cross a district border).
    std::vector<Cost> best(units.size(), kInf);
    std::vector<bool> done(units.size(), false);
    best[c] = {0, 0};
    for (size_t round = 0; round < units.size(); ++round) {
      size_t u = units.size();
      for (size_t i = 0; i < units.size(); ++i)
        if (!done[i] && best[i] != kInf && (u == units.size() || best[i] < best[u])) u = i;
      if (u == units.size()) break;
      done[u] = true;
      for (const Edge& e : adj[u]) {
        const Cost via{best[u].first + e.dm, best[u].second + e.unpaved_m};
        if (via < best[e.to]) best[e.to] = via;
      }
    }
    for (size_t i = 0; i < units.size(); ++i)
      if (units[i].district == units[c].district) out[units[i].slug] = {units[c].slug, best[i].first, best[i].second};
  }
  return out;
}

}  // namespace lotrinh::estimate
