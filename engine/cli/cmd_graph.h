#pragma once
// lotrinh graph (a province's commune network) and lotrinh aggregate (a commune table summed up
// to the units its communes became part of).
#include "cli/context.h"

namespace lotrinh::cli {

/// The province's commune network of --year (default: [years] network of its manifest): DOT for
/// Graphviz with --format dot, else one row per unit with its district, hours to the district
/// centre and number of neighbours.
int cmd_graph(Context& ctx);
/// The table's rows of --year aggregated to the units they became part of, through the
/// province's own units and lineage tables (to the units of the day --on when given, else to the
/// end of each lineage chain); with --commune, the unit that commune is part of.
int cmd_aggregate(Context& ctx);

}  // namespace lotrinh::cli
