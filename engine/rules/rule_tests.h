#pragma once
// Running the [[test]] cases embedded in a rule file.
#include <memory>
#include <string>
#include <vector>

#include "rules/rule_set.h"
#include "rules/target_check.h"

namespace lotrinh::rules {

/// The outcome of one test case.
struct TestOutcome {
  std::string name;
  bool passed = false;
  std::vector<std::string> failures;  ///< One line per expectation that failed.
  diag::SourceLoc loc;
};

/// Runs every test of `rules`. A test naming an unknown key in `given`, `set` or `expect`, or a
/// year the rule set does not apply to, is reported as an InputError (the file is wrong, not the
/// rules). A targets test (its `given` a table of rows) checks the targets on that table;
/// `classifier` gives the rule set that classifies a year for `class = "name:class"` targets.
std::vector<TestOutcome> run_tests(const std::shared_ptr<const RuleSet>& rules, const RuleSetForYear& classifier = {});

/// The data year a test uses when it names none: the first year whose 31 December lies in the
/// rule set's effective period.
int default_test_year(const RuleSet& rules);

}  // namespace lotrinh::rules
