#pragma once
// Writing rendered output where --out says.
#include <string>

namespace lotrinh::report {

/// Writes `content` to stdout when `path_or_dash` is "-" or empty, else to that file with
/// diag::write_file_atomic (refusing an input, a folder, device, FIFO, socket, symlink or
/// read-only file; through a unique temporary file and a rename). Throws diag::InputError
/// located at --out (or standard output) when the target is refused or writing fails.
void write_output(const std::string& path_or_dash, const std::string& content);

}  // namespace lotrinh::report
