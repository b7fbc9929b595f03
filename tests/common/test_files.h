#pragma once
// Small file helpers shared by the CLI tests: a unique temporary path, and a file's whole text.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace lotrinh::testing {

/// A path in the temporary folder that no other test (or process) uses: `lotrinh-<prefix>-<pid>-<n><suffix>`.
inline std::string temp_path(const std::string& prefix, const std::string& suffix) {
  static int counter = 0;
  return (std::filesystem::temp_directory_path() /
          ("lotrinh-" + prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + suffix))
      .string();
}

/// The whole text of the file at `path` ("" when it cannot be read).
inline std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace lotrinh::testing
