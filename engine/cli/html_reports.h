#pragma once
// The HTML reports of classify and simulate (built from their result tables).
#include <string>
#include <vector>

#include "cli/context.h"
#include "report/result_table.h"

namespace lotrinh::cli {

/// classify --report: the classification table (searchable), a chart of units per class, what
/// was run. Written to `path` atomically.
void write_classify_report(const Context& ctx, const report::ResultTable& table, const std::string& path);
/// simulate --report / lotrinh report: headline, poverty fan chart, expected region III count,
/// exits per year, the per-commune table (searchable), communes left behind, what was run.
void write_simulate_report(const Context& ctx, const std::vector<report::ResultTable>& tables,
                           const std::string& scenario, const std::string& path);

}  // namespace lotrinh::cli
