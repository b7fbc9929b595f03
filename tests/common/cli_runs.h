#pragma once
// Running lotrinh from the CLI tests, shared by them: a command in process (its output or its
// error), the rows of a CSV it wrote, and the real binary as a planner runs it.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <string>
#include <vector>

#include "../common/test_files.h"
#include "cli/options.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"

namespace lotrinh::testing {

/// Runs `o` in process, which must succeed (exit code 0), and returns what it wrote to o.out;
/// the file is removed.
inline std::string output_of(const cli::Options& o) {
  REQUIRE(cli::run_command(o) == 0);
  std::string s = slurp(o.out);
  std::remove(o.out.c_str());
  return s;
}

/// The text of the input error running `o` throws, or "" when it ran; o.out is removed either way.
inline std::string error_of(const cli::Options& o) {
  std::string text;
  try {
    cli::run_command(o);
  } catch (const diag::InputError& e) {
    text = e.what();
  }
  std::remove(o.out.c_str());
  return text;
}

/// The rows of the first table of a CSV text, split on commas outside quotes: the '#' caveats
/// are left out, and a blank line ends the table.
inline std::vector<std::vector<std::string>> csv_rows(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  size_t at = 0;
  while (at < csv.size()) {
    size_t end = csv.find('\n', at);
    if (end == std::string::npos) end = csv.size();
    const std::string line = csv.substr(at, end - at);
    at = end + 1;
    if (line.rfind("# ", 0) == 0) continue;
    if (line.empty()) break;  // the next table
    std::vector<std::string> cells{""};
    bool quoted = false;
    for (char ch : line) {
      if (ch == '"') quoted = !quoted;
      else if (ch == ',' && !quoted) cells.emplace_back();
      else cells.back() += ch;
    }
    rows.push_back(cells);
  }
  return rows;
}

/// What `f` returns with the messages in Vietnamese; English again afterwards, even when f
/// throws (a failed REQUIRE included).
template <class F>
auto in_vietnamese(F f) {
  struct Restore {
    ~Restore() { diag::set_lang(diag::Lang::kEn); }
  } restore;
  diag::set_lang(diag::Lang::kVi);
  return f();
}

#ifdef LOTRINH_BINARY
/// What the real binary wrote to stdout and stderr, and its exit code.
struct BinaryRun {
  std::string out, err;
  int code = -1;
};

/// Runs `lotrinh ARGS` from the source tree (so paths print relative to it), in English, with
/// `env` before it (e.g. "LOTRINH_HOME=/x").
inline BinaryRun run_binary(const std::string& args, const std::string& env = "") {
  const std::string err = temp_path("binary", ".err");
  const std::string cmd = "cd '" + std::string(LOTRINH_SOURCE_HOME) + "' && LANG=C.UTF-8 " + env + " '" + LOTRINH_BINARY + "' " + args +
                          " 2>'" + err + "'";
  BinaryRun r;
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err);
  std::remove(err.c_str());
  return r;
}
#endif

}  // namespace lotrinh::testing
