#pragma once
// Keyed random numbers: each draw is a pure function of (seed, run, year, purpose, index), mixed
// by splitmix64 steps, never the next value of a sequential stream. Two scenarios that draw
// different amounts still see the same shocks and parameter draws (common random numbers), and
// the order in which threads process runs cannot change any draw.
#include <cstdint>

namespace lotrinh::sim {

/// What a draw is for; part of its key.
enum class Draw : std::uint64_t { kParameter = 1, kShock = 2, kNoise = 3 };

/// The splitmix64 finaliser: a bijective 64-bit mix.
std::uint64_t mix64(std::uint64_t x);

/// A uniform double in [0, 1) keyed by the arguments (`sub` separates several draws of one key).
double keyed_uniform(std::uint64_t seed, std::uint64_t run, int year, Draw purpose, std::uint64_t index,
                     std::uint64_t sub = 0);

/// A standard normal keyed the same way (Box-Muller on the draws sub = 2k and 2k + 1).
double keyed_normal(std::uint64_t seed, std::uint64_t run, int year, Draw purpose, std::uint64_t index,
                    std::uint64_t sub = 0);

}  // namespace lotrinh::sim
