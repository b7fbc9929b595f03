#include "sim/shocks.h"

#include <algorithm>

#include "sim/random.h"

namespace lotrinh::sim {

std::uint64_t name_key(const std::string& s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return mix64(h);
}

bool shock_epicentre(const config::ModelShock& shock, std::uint64_t seed, std::uint64_t run, int year, size_t d) {
  return keyed_uniform(seed, run, year, Draw::kShock, name_key(shock.name), d + 1) < shock.probability;
}

void shock_hits(const config::ModelShock& shock, const World& world, std::uint64_t seed, std::uint64_t run, int year,
                double* hit) {
  const size_t n = world.size();
  if (shock.scope == "province") {
    const bool h = keyed_uniform(seed, run, year, Draw::kShock, name_key(shock.name)) < shock.probability;
    std::fill(hit, hit + n, h ? 1.0 : 0.0);
    return;
  }
  const size_t D = world.district_ids.size();
  // Reused by this thread's later calls: a year's shocks allocate nothing.
  thread_local std::vector<unsigned char> dhit;
  dhit.assign(D, 0);
  for (size_t d = 0; d < D; ++d)
    if (shock_epicentre(shock, seed, run, year, d)) {
      dhit[d] = 1;
      if (shock.scope == "district_and_neighbours")
        for (int b : world.district_borders[d]) dhit[static_cast<size_t>(b)] = 1;
    }
  for (size_t c = 0; c < n; ++c) hit[c] = dhit[static_cast<size_t>(world.district[c])] ? 1.0 : 0.0;
}

}  // namespace lotrinh::sim
