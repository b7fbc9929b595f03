#include <catch2/catch.hpp>

#include <cmath>

#include "graph/force_layout.h"

using namespace lotrinh::graph;

namespace {

// Two triangles joined by one edge.
std::vector<std::pair<int, int>> two_triangles() { return {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}}; }

double dist(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

TEST_CASE("a force layout places every node in the unit square and fills it", "[graph][layout]") {
  auto p = force_layout(6, two_triangles(), 7);
  REQUIRE(p.size() == 6);
  double minx = 1, maxx = 0;
  for (auto q : p) {
    CHECK(q.x >= 0);
    CHECK(q.x <= 1);
    CHECK(q.y >= 0);
    CHECK(q.y <= 1);
    minx = std::min(minx, q.x);
    maxx = std::max(maxx, q.x);
  }
  CHECK(minx == 0);
  CHECK(maxx == 1);
}

TEST_CASE("a force layout is the same for the same seed and differs for another seed", "[graph][layout]") {
  auto a = force_layout(6, two_triangles(), 7), b = force_layout(6, two_triangles(), 7), c = force_layout(6, two_triangles(), 8);
  bool same = true, differs = false;
  for (size_t i = 0; i < 6; ++i) {
    same = same && a[i].x == b[i].x && a[i].y == b[i].y;
    differs = differs || a[i].x != c[i].x || a[i].y != c[i].y;
  }
  CHECK(same);
  CHECK(differs);
}

TEST_CASE("a force layout keeps neighbours closer than nodes of the other triangle", "[graph][layout]") {
  auto p = force_layout(6, two_triangles(), 11);
  // Within a triangle versus across (0 and 5 are two edges apart through 2-3).
  CHECK(dist(p[0], p[1]) < dist(p[0], p[5]));
  CHECK(dist(p[4], p[5]) < dist(p[1], p[4]));
}

TEST_CASE("a force layout ignores edges to unknown nodes and handles one or no node", "[graph][layout]") {
  CHECK(force_layout(0, {}, 1).empty());
  auto one = force_layout(1, {{0, 3}}, 1);
  REQUIRE(one.size() == 1);
  CHECK(one[0].x == 0.5);
  auto two = force_layout(2, {{0, 1}, {0, 9}, {-1, 1}, {1, 1}}, 1);
  REQUIRE(two.size() == 2);
  CHECK(dist(two[0], two[1]) > 0);
}

TEST_CASE("a force layout given a start refines it and keeps the nodes' places", "[graph][layout]") {
  // A square's corners, joined around: refining keeps each corner in its own quadrant.
  std::vector<Point> start = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
  auto p = force_layout(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}}, 3, 300, start);
  REQUIRE(p.size() == 4);
  for (size_t i = 0; i < 4; ++i) {
    CHECK((p[i].x < 0.5) == (start[i].x < 0.5));
    CHECK((p[i].y < 0.5) == (start[i].y < 0.5));
  }
}
