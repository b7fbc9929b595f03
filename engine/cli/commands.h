#pragma once
// The commands of lotrinh, one function each; each returns its exit code.
#include <string>

#include "cli/context.h"
#include "report/result_table.h"

namespace lotrinh::rules { struct GapReport; }

namespace lotrinh::cli {

int cmd_check(Context& ctx);     ///< Validate rule files (and --gaps: search them for gaps).
int cmd_test(Context& ctx);      ///< Run the rule files' embedded tests.
int cmd_classify(Context& ctx);  ///< Classify every unit of the table.
int cmd_explain(Context& ctx);   ///< Explain one unit's classification.
int cmd_diff(Context& ctx);      ///< Compare two rule sets on the same data.
int cmd_targets(Context& ctx);   ///< Check targets against the table.
int cmd_sweep(Context& ctx);     ///< Sweep one parameter.

/// The gap search report as a table.
report::ResultTable gap_table(const rules::GapReport& g, const std::string& rule_set, const std::string& classification);

}  // namespace lotrinh::cli
