#pragma once
// The synthetic country of the simulator's benches: 10,000 communes on a 100 x 100 grid of
// roads, in 100 districts of 10 x 10 communes, generated with a fixed seed; each commune's
// starting values are those of a commune of a template province drawn at random, with its
// fractional values jittered; one twinning agency per district, twinned with one of its
// communes for the whole run. Shared by country_bench and funding_bench.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "sim/world.h"

namespace bench {

constexpr int kSide = 100;            // communes per grid side
constexpr int kDistrictSide = 10;     // communes per district side
constexpr size_t kCommunes = kSide * kSide;

// `prefix` then `i` (appended, not `"x" + std::to_string(i)`: GCC 12 warns falsely on that at -O3).
inline std::string label(const char* prefix, int i) {
  std::string s = prefix;
  s += std::to_string(i);
  return s;
}

// The generator: the grid's roads, districts and travel times, and starting values.
inline lotrinh::sim::World generate_country(const lotrinh::sim::World& templ, int start_year, int end_year) {
  std::mt19937_64 rng(20260101);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  lotrinh::sim::World w;
  w.start_year = start_year;
  const int per_row = kSide / kDistrictSide;
  for (int d = 0; d < per_row * per_row; ++d) {
    w.district_ids.push_back(label("d", d));
    w.district_names.push_back(label("District ", d));
    std::vector<int> borders;
    int dx = d % per_row, dy = d / per_row;
    if (dx > 0) borders.push_back(d - 1);
    if (dx + 1 < per_row) borders.push_back(d + 1);
    if (dy > 0) borders.push_back(d - per_row);
    if (dy + 1 < per_row) borders.push_back(d + per_row);
    w.district_borders.push_back(borders);
  }
  // Road hours per commune (crossing it), 0.2 to 0.8.
  std::vector<double> hours(kCommunes);
  for (auto& h : hours) h = 0.2 + 0.6 * u(rng);
  w.travel_hours.assign(static_cast<size_t>(end_year - start_year + 1), std::vector<double>(kCommunes));
  const size_t templates = templ.size();
  for (int c = 0; c < static_cast<int>(kCommunes); ++c) {
    int x = c % kSide, y = c / kSide;
    w.slugs.push_back(label("c", c));
    w.names.push_back(label("Commune ", c));
    w.district.push_back((y / kDistrictSide) * per_row + x / kDistrictSide);
    std::vector<int> nb;
    if (x > 0) nb.push_back(c - 1);
    if (x + 1 < kSide) nb.push_back(c + 1);
    if (y > 0) nb.push_back(c - kSide);
    if (y + 1 < kSide) nb.push_back(c + kSide);
    w.neighbours.push_back(nb);
    // Travel to the district centre along the grid's roads (an L-shaped path: row, then column).
    int cx = (x / kDistrictSide) * kDistrictSide + kDistrictSide / 2, cy = (y / kDistrictSide) * kDistrictSide + kDistrictSide / 2;
    double t = 0;
    for (int xx = std::min(x, cx); xx < std::max(x, cx); ++xx) t += hours[static_cast<size_t>(y * kSide + xx)];
    for (int yy = std::min(y, cy); yy < std::max(y, cy); ++yy) t += hours[static_cast<size_t>(yy * kSide + cx)];
    for (auto& year : w.travel_hours) year[static_cast<size_t>(c)] = t;
  }
  for (const auto& [id, col] : templ.columns) w.columns[id].resize(kCommunes);
  for (size_t c = 0; c < kCommunes; ++c) {
    size_t t = static_cast<size_t>(rng() % templates);
    for (const auto& [id, col] : templ.columns) {
      double v = col[t];
      if (v > 0 && v < 1) v = std::clamp(v * (0.8 + 0.4 * u(rng)), 0.0, 1.0);
      w.columns[id][c] = v;
    }
  }
  // 100 twinning agencies, one per district, each twinned with a commune of its district for the
  // whole run (the budget lines paid through agencies are split among them).
  w.twinning.assign(static_cast<size_t>(end_year - start_year + 1), {});
  for (auto& year : w.twinning)
    for (int d = 0; d < per_row * per_row; ++d)
      year.push_back(((d / per_row) * kDistrictSide + 3) * kSide + (d % per_row) * kDistrictSide + 7);
  w.estimated.assign(kCommunes, 0);
  w.values.assign(kCommunes, 0);
  return w;
}

}  // namespace bench
