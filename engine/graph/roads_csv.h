#pragma once
// Reading the roads table (CSV) of a commune graph.
#include <string>
#include <string_view>
#include <vector>

#include "graph/commune_graph.h"

namespace lotrinh::graph {

/// Parses a roads table: RFC 4180 CSV with the header `from,to,length_km,paved_share,provenance`
/// and one road per row. Every problem (bad header, ragged row, empty cell, non-number, length
/// not above 0, paved share outside [0, 1]) is collected and thrown as one InputError, located at
/// its cell. Each road remembers the cells it came from.
std::vector<Road> parse_roads_csv(const std::string& path, std::string_view text);

/// Reads and parses the roads table at `path` (checked for emptiness and UTF-8 first).
std::vector<Road> read_roads_csv(const std::string& path);

}  // namespace lotrinh::graph
