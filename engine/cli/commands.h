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
int cmd_sweep(Context& ctx);     ///< Sweep a rule threshold, or a scenario value (below).
/// lotrinh sweep SCENARIO --value NAME: a scenario value stepped over a range, each step a Monte
/// Carlo run on the same run numbers (cmd_sweep_scenario.cpp). cmd_sweep calls it when a
/// scenario file is given.
int cmd_sweep_scenario(Context& ctx);
/// A --from, --to or --step value: `text` as a number, else `fallback` when `text` is empty;
/// an error naming `option` when it is not a number.
double sweep_number(const std::string& option, const std::string& text, double fallback);

/// The gap search report as a table: one row per box of each group of findings, with its count
/// of combinations and its sentence (rules/gap_words.h). `machine` (CSV, JSON, xlsx) adds the
/// codes: whether the box is exact, the classes, the class the order gives, the clauses, each
/// variable's range as an interval, and one example combination (a grid row). The sentences
/// are for people in every format: indicators by their titles, ids only when `codes` (--codes),
/// whatever the other columns keep.
report::ResultTable gap_table(const rules::GapReport& g, const std::string& rule_set, const std::string& classification,
                              bool machine = false, bool codes = false);

}  // namespace lotrinh::cli
