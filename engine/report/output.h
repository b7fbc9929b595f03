#pragma once
// Writing rendered output where --out says.
#include <string>

namespace lotrinh::report {

/// Writes `content` to stdout when `path_or_dash` is "-" or empty, else to that file through a
/// temporary file and a rename (nothing half-written is left). Throws diag::InputError naming
/// the path (or standard output) when writing fails.
void write_output(const std::string& path_or_dash, const std::string& content);

}  // namespace lotrinh::report
