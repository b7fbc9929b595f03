#pragma once
// lotrinh reproduce: recompute a report's figures from the commune table.
#include "cli/context.h"

namespace lotrinh::cli {

/// Recomputes every figure of the figures file (the first path, else the province's figures
/// table) from the table, then lists the twinned communes' region III transitions between the
/// rule sets and years of the province's [rules] transitions. Returns 1 when a computed figure
/// does not match.
int cmd_reproduce(Context& ctx);

}  // namespace lotrinh::cli
