#pragma once
// A one-shot evaluation: a Workspace of its own, given one year's columns at construction. For
// evaluating many years or from several threads, keep a Workspace per thread and reset() it.
#include <memory>

#include "rules/inputs.h"
#include "rules/rule_set.h"
#include "rules/workspace.h"

namespace lotrinh::rules {

/// The results of one rule set over n units in one data year (see Workspace).
class Evaluation : public Workspace {
 public:
  /// Requires: the rule set applies to `year` (throws InputError otherwise, and for an override
  /// naming no parameter, a dated parameter with no value in `year`).
  Evaluation(std::shared_ptr<const RuleSet> rules, Inputs inputs, int year, const Overrides& overrides = {},
             bool check_year = true)
      : Workspace(std::move(rules)) {
    reset(std::move(inputs), year, overrides, check_year);
  }
};

}  // namespace lotrinh::rules
