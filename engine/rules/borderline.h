#pragma once
// Borderline units: how close a unit's values are to the thresholds that decide its class.
#include <string>
#include <vector>

#include "rules/workspace.h"

namespace lotrinh::rules {

/// One comparison deciding a unit's class whose value lies near its threshold.
struct NearThreshold {
  int node = -1;          ///< The comparison leaf.
  std::string criterion;  ///< The criterion it is written in ("" when written in the class rule).
  std::string text;       ///< The comparison as written.
  std::string detail;     ///< explain's margin text (leaf_detail): values, threshold, margin.
  double gap = 0;         ///< |value - threshold|.
  bool rate = false;      ///< A rate (unit "fraction"): the gap is in fraction points.
};

/// The comparisons that decide unit i's class in `classification` (those under the class rules
/// tried in order, up to the one that gave the class or an unknown one) whose value lies within
/// `margin` of the threshold: `margin` fraction points for a rate (0.02: 2 percentage points),
/// else the same share of the threshold. Missing values and = / ≠ comparisons are never near.
/// In the order the explanation lists them, each leaf once.
std::vector<NearThreshold> near_thresholds(Workspace& ev, size_t i, const Classification& classification,
                                           double margin = 0.02);

}  // namespace lotrinh::rules
