#include "report/output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/text_file.h"

namespace lotrinh::report {
namespace {

void write_stdout(const std::string& content) {
  errno = 0;
  bool ok = std::fwrite(content.data(), 1, content.size(), stdout) == content.size();
  ok = std::fflush(stdout) == 0 && ok;
  if (ok) return;
  int err = errno != 0 ? errno : EIO;
  std::clearerr(stdout);
  diag::Diagnostic d;
  d.message = diag::msg("report.cannot_write_stdout", std::strerror(err));
  d.hint = diag::msg("report.cannot_write_stdout.hint");
  throw diag::InputError(d);
}

}  // namespace

void write_output(const std::string& path_or_dash, const std::string& content) {
  if (path_or_dash.empty() || path_or_dash == "-") {
    write_stdout(content);
    return;
  }
  diag::write_file_atomic(path_or_dash, content, "--out");
}

}  // namespace lotrinh::report
