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

/// The gap search report as a table: one row per box of each group of findings, with its count
/// of combinations and its sentence (rules/gap_words.h). `machine` (CSV, JSON, xlsx) adds the
/// codes: whether the box is exact, the classes, the class the order gives, the clauses, each
/// variable's range as an interval, and one example combination (a grid row).
report::ResultTable gap_table(const rules::GapReport& g, const std::string& rule_set, const std::string& classification,
                              bool machine = false);

}  // namespace lotrinh::cli
