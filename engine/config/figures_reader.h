#pragma once
// TOML text -> FiguresFile (the format is documented in scenarios/README.md and at the top of
// each province's figures file).
#include <string>
#include <string_view>

#include "config/figures_file.h"

namespace lotrinh::config {

/// Parses a figures file. Every problem (TOML syntax, unknown keys and words, missing keys, a
/// figure with no way or two ways of computing it, duplicate ids, a change naming a figure that
/// is not an earlier aggregate) is thrown together as diag::InputError. Expressions are not
/// compiled here (engine/repro does that, located in the file).
FiguresFile parse_figures_file(const std::string& path, std::string_view text);

/// Reads and parses `path` (empty and non-UTF-8 files are errors located in the file).
FiguresFile read_figures_file(const std::string& path);

}  // namespace lotrinh::config
