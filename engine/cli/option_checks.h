#pragma once
// Checks of the command line against what it names: the rule set's level against the table's,
// --set and sweep values against their parameter's unit, --classification and --param against
// the rule set. Each refusal names the option.
#include <string>

#include "cli/context.h"
#include "rules/rule_set.h"

namespace lotrinh::cli {

/// Refuses (at `option`) a rule set whose level (commune, village) differs from the table's.
void check_level(Context& ctx, const rules::RuleSet& rs, const std::string& option = "--rules");
/// Refuses (at --set) a value that does not fit its parameter's unit (a fraction of 15, a NaN).
void check_overrides(Context& ctx, const rules::RuleSet& rs);
/// Refuses (at --classification) a classification that `rs` does not have; "" is accepted.
void check_classification(const std::string& name, const rules::RuleSet& rs);
/// Refuses (at --param) a name that is not a parameter of `rs`, and (at --from, --to) an end
/// of the range (`from`, `to`) that does not fit the parameter's unit.
void check_sweep(Context& ctx, const rules::RuleSet& rs, double from, double to);
/// An error about the option `option`.
diag::InputError option_problem(const std::string& option, std::string message, std::string hint);

/// "did you mean 'X'?" for the name among `names` closest to `word`, compared without
/// diacritics or case ("Dak Gley" finds "Đăk Glei"); "" when none is close.
std::string did_you_mean_name(const std::string& word, const std::vector<std::string>& names);

}  // namespace lotrinh::cli
