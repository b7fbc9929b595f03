#pragma once
// A map-like drawing of a graph without coordinates: a seeded random start, then a
// force-directed layout (Fruchterman-Reingold, done by Boost.Graph inside this module).
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace lotrinh::graph {

/// A node's place in the unit square.
struct Point {
  double x = 0, y = 0;
};

/// Places `n` nodes joined by `edges` (pairs of node indices; out-of-range pairs and loops are
/// ignored) in [0, 1] x [0, 1]: a random start drawn from `seed`, then `iterations` rounds of
/// Fruchterman-Reingold with linear cooling, scaled to fill the square. The same arguments give
/// the same points on the same build (no clock, no global random state). When `start` has a
/// point per node (in the unit square), the layout starts there instead and is only refined
/// (a cooler start), so that a drawing of merged units can keep the places of their members.
std::vector<Point> force_layout(std::size_t n, const std::vector<std::pair<int, int>>& edges, std::uint64_t seed,
                                int iterations = 300, const std::vector<Point>& start = {});

}  // namespace lotrinh::graph
