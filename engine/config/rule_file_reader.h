#pragma once
// TOML text -> RuleFile. The only place (with catalogue_reader) that sees toml++.
#include <string>
#include <string_view>

#include "config/rule_file.h"

namespace lotrinh::config {

/// Parses one rule file from its text. Collects every problem in the file (TOML syntax, wrong
/// types, unknown keys with did-you-mean hints, duplicate names, malformed nodes) and throws
/// them together as diag::InputError. Expressions are not checked here (engine/rules does that).
RuleFile parse_rule_file(const std::string& path, std::string_view text);

/// Reads and parses `path` (empty and non-UTF-8 files are errors located in the file).
RuleFile read_rule_file(const std::string& path);

}  // namespace lotrinh::config
