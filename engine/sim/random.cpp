#include "sim/random.h"

#include <cmath>

namespace lotrinh::sim {

std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

double keyed_uniform(std::uint64_t seed, std::uint64_t run, int year, Draw purpose, std::uint64_t index,
                     std::uint64_t sub) {
  std::uint64_t h = mix64(seed);
  h = mix64(h ^ run);
  h = mix64(h ^ static_cast<std::uint64_t>(static_cast<std::int64_t>(year)));
  h = mix64(h ^ static_cast<std::uint64_t>(purpose));
  h = mix64(h ^ index);
  h = mix64(h ^ sub);
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

double keyed_normal(std::uint64_t seed, std::uint64_t run, int year, Draw purpose, std::uint64_t index,
                    std::uint64_t sub) {
  double u1 = keyed_uniform(seed, run, year, purpose, index, 2 * sub);
  double u2 = keyed_uniform(seed, run, year, purpose, index, 2 * sub + 1);
  return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(2.0 * M_PI * u2);
}

}  // namespace lotrinh::sim
