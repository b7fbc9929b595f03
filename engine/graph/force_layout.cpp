#include "graph/force_layout.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lotrinh::graph {
namespace {

// Fruchterman-Reingold's repulsion k^2 / d, weakened: a sparse, chain-like road graph laid out
// with the full force spreads to the square's edges and piles up there.
struct WeakRepulsion {
  double factor;
  template <typename Graph, typename T>
  T operator()(typename boost::graph_traits<Graph>::vertex_descriptor, typename boost::graph_traits<Graph>::vertex_descriptor,
               T k, T d, const Graph&) const {
    return factor * k * k / d;
  }
};

}  // namespace

std::vector<Point> force_layout(std::size_t n, const std::vector<std::pair<int, int>>& edges, std::uint64_t seed,
                                int iterations, const std::vector<Point>& start) {
  std::vector<Point> out(n);
  if (n == 0) return out;
  if (n == 1) return {Point{0.5, 0.5}};
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Topology = boost::square_topology<boost::minstd_rand>;
  Graph g(n);
  for (const auto& [a, b] : edges)
    if (a >= 0 && b >= 0 && a != b && static_cast<std::size_t>(a) < n && static_cast<std::size_t>(b) < n)
      boost::add_edge(static_cast<std::size_t>(a), static_cast<std::size_t>(b), g);
  // minstd_rand takes a seed in [1, 2^31 - 2]; fold the 64 bits into it.
  boost::minstd_rand gen(static_cast<std::uint32_t>(1 + (seed ^ (seed >> 31)) % 2147483646ULL));
  const double side = std::sqrt(static_cast<double>(n)) * 10;
  Topology topology(gen, side);
  std::vector<Topology::point_type> pos(n);
  auto map = boost::make_iterator_property_map(pos.begin(), boost::get(boost::vertex_index, g));
  boost::random_graph_layout(g, map, topology);  // drawn even when replaced: the generator's state stays the same
  // A start given in the unit square is scaled to the topology and only refined (a cooler start).
  const bool refine = start.size() == n;
  if (refine)
    for (std::size_t i = 0; i < n; ++i) pos[i][0] = start[i].x * side, pos[i][1] = start[i].y * side;
  boost::fruchterman_reingold_force_directed_layout(
      g, map, topology,
      boost::repulsive_force(WeakRepulsion{0.01})
          .force_pairs(boost::all_force_pairs())
          .cooling(boost::linear_cooling<double>(static_cast<std::size_t>(std::max(1, iterations)), refine ? side / 40 : side / 4)));
  double lo[2] = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
  double hi[2] = {std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  for (const auto& p : pos)
    for (int d = 0; d < 2; ++d) lo[d] = std::min(lo[d], p[d]), hi[d] = std::max(hi[d], p[d]);
  for (std::size_t i = 0; i < n; ++i) {
    const double w0 = hi[0] - lo[0], w1 = hi[1] - lo[1];
    out[i].x = w0 > 0 && std::isfinite(w0) ? (pos[i][0] - lo[0]) / w0 : 0.5;
    out[i].y = w1 > 0 && std::isfinite(w1) ? (pos[i][1] - lo[1]) / w1 : 0.5;
    if (!std::isfinite(out[i].x)) out[i].x = 0.5;
    if (!std::isfinite(out[i].y)) out[i].y = 0.5;
  }
  return out;
}

}  // namespace lotrinh::graph
