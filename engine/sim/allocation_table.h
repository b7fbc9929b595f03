#pragma once
// A fixed allocation: spending by commune, year and purpose, from CSV.
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "sim/world.h"

namespace lotrinh::sim {

/// Reads `path` (header commune,year,purpose,amount_vnd; amounts in whole dong) into
/// (year, purpose index, commune slug) -> dong. Every problem is located (unknown commune or
/// purpose, a year outside [first_year, last_year], a negative or non-integer amount, a repeated
/// row) and so is a year and purpose whose rows do not add up to the budget
/// (budget[year - start_year][purpose]). Throws InputError.
std::map<std::tuple<int, int, std::string>, std::int64_t> read_allocation_table(
    const std::string& path, const World& world, int first_year, int last_year,
    const std::vector<std::vector<std::int64_t>>& budget, int start_year);

}  // namespace lotrinh::sim
