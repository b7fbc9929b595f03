#pragma once
// Which communes a shock hits in one run and year, from keyed draws.
#include <cstdint>
#include <string>

#include "config/sim_files.h"
#include "sim/world.h"

namespace lotrinh::sim {

/// Writes 1 (hit) or 0 for each commune into `hit` (world.size() values). Scope province: one
/// draw for all; district: one draw per district (an epicentre), hitting its communes;
/// district_and_neighbours: an epicentre also hits the districts bordering it. A draw is keyed
/// by (seed, run, year, shock name, district).
void shock_hits(const config::ModelShock& shock, const World& world, std::uint64_t seed, std::uint64_t run, int year,
                double* hit);

/// Whether district d is an epicentre of `shock` in (run, year) (the keyed draw is below its
/// probability).
bool shock_epicentre(const config::ModelShock& shock, std::uint64_t seed, std::uint64_t run, int year, size_t d);

/// The key of a name in draws (FNV-1a then mixed), so that draws follow names, not positions.
std::uint64_t name_key(const std::string& name);

}  // namespace lotrinh::sim
