#pragma once
// Reading input files (checked for emptiness and UTF-8) and writing outputs atomically.
#include <memory>
#include <string>

#include "diag/source_file.h"

namespace lotrinh::diag {

/// Reads `path`; throws InputError naming the file when it cannot be read or is empty.
std::string read_file(const std::string& path);

/// Checks that `text` is non-empty, valid UTF-8; throws InputError located at the first bad
/// byte (line and column) otherwise. A UTF-8 byte-order mark is accepted and dropped.
std::string checked_text(const std::string& path, std::string text);

/// Writes `content` to `path` through a temporary file in the same folder and a rename, so a
/// reader never sees a half-written file. Throws InputError on failure.
void write_file_atomic(const std::string& path, const std::string& content);

}  // namespace lotrinh::diag
