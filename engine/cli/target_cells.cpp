#include "cli/target_cells.h"

#include <cmath>

#include "diag/messages.h"
#include "diag/words.h"

namespace lotrinh::cli {

report::Cell target_value_cell(const config::TargetDecl& t, rules::MeasureUnit u, double v, int decimals) {
  const bool change = t.years.size() == 2 && !t.change.empty();
  if (diag::codes() || (change && t.change == "ratio")) return report::number(v, decimals);
  if (u == rules::MeasureUnit::kFraction) {
    report::Cell c = report::percent(v, decimals);
    if (change) c.unit = diag::msg(t.change == "per_year" ? "unit.points_per_year" : "unit.points");
    return c;
  }
  if (u == rules::MeasureUnit::kCount && std::isfinite(v) && v == std::floor(v)) return report::number(v, 0);
  return report::number(v, decimals);
}

std::string rule_set_name(const rules::RuleSet& rs) {
  if (diag::codes()) return rs.id;
  return diag::pick(rs.title.vi, rs.title.en, rs.id);
}

}  // namespace lotrinh::cli
