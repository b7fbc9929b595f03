#pragma once
// lotrinh reproduce: recompute a report's figures from the commune table.
#include "cli/context.h"

namespace lotrinh::cli {

/// Recomputes every figure of the figures file (the first path, else the bundled
/// scenarios/kontum/report-141-figures.toml) from the table, then lists the twinned communes'
/// region III transitions 2016 → 2020. Returns 1 when a computed figure does not match.
int cmd_reproduce(Context& ctx);

}  // namespace lotrinh::cli
