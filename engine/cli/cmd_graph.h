#pragma once
// lotrinh graph (the Kon Tum commune network) and lotrinh aggregate (a commune table summed up
// to the units of 2025).
#include "cli/context.h"

namespace lotrinh::cli {

/// The year of the bundled road network (scenarios/kontum/roads.csv), used without --year.
inline constexpr int kNetworkYear = 2020;

/// The commune network of --year (default 2020): DOT for Graphviz with --format dot, else one row
/// per unit with its district, hours to the district centre and number of neighbours.
int cmd_graph(Context& ctx);
/// The table's rows of --year aggregated to the 40 units of 2025; with --commune, the 2025 unit
/// that commune is part of.
int cmd_aggregate(Context& ctx);

}  // namespace lotrinh::cli
