#pragma once
// One problem found in the user's input, and the error that carries all of them.
#include <stdexcept>
#include <string>
#include <vector>

#include "diag/source_file.h"

namespace lotrinh::diag {

enum class Severity { kError, kWarning };

/// A problem at a place, with what is wrong and (optionally) what to do about it.
struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLoc where;
  std::string subject;  ///< Used in place of a file path when `where.file` is null (e.g. "--year").
  std::string message;  ///< What is wrong, one line, no trailing period.
  std::string hint;     ///< What to do; may be empty.
};

/// An error at `where`. (Out of line: building Diagnostic aggregates inline trips g++ 12's
/// -Wmaybe-uninitialized false positive on shared_ptr at -O2.)
Diagnostic error_at(SourceLoc where, std::string message, std::string hint = {});
/// An error about a command-line option or a file as a whole, named by `subject`.
Diagnostic error_about(std::string subject, std::string message, std::string hint = {});

/// Renders like a compiler:
///   path:line:col: error: message
///     <the source line>
///     <caret under column>
///     hint: ...
/// Labels ("error", "hint") come from the message catalogue.
std::string format(const Diagnostic& d);

/// Renders each diagnostic in order.
std::string format(const std::vector<Diagnostic>& ds);

/// Thrown when input (a file, a table, an option) is invalid; carries every problem found in it.
/// The CLI maps it to exit code 2.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  explicit InputError(Diagnostic d) : InputError(std::vector<Diagnostic>{std::move(d)}) {}
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Collects diagnostics while a loader keeps going; throws them together at the end.
class DiagnosticSink {
 public:
  void add(Diagnostic d) { list_.push_back(std::move(d)); }
  void error(const SourceLoc& where, std::string message, std::string hint = {});
  bool has_errors() const;
  const std::vector<Diagnostic>& list() const { return list_; }
  /// Throws InputError with everything collected if any is an error.
  void throw_if_errors() const;

 private:
  std::vector<Diagnostic> list_;
};

}  // namespace lotrinh::diag
