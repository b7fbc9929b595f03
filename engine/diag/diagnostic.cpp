#include "diag/diagnostic.h"

#include <fmt/format.h>

#include "diag/messages.h"

namespace lotrinh::diag {

std::string format(const Diagnostic& d) {
  std::string out;
  std::string label = msg(d.severity == Severity::kError ? "diag.error" : "diag.warning");
  if (d.where.file) {
    out += d.where.file->path;
    if (d.where.line > 0) {
      out += fmt::format(":{}", d.where.line);
      if (d.where.column > 0) out += fmt::format(":{}", d.where.column);
    }
  } else if (!d.subject.empty()) {
    out += d.subject;
  } else {
    out += "lotrinh";
  }
  out += fmt::format(": {}: {}\n", label, d.message);
  std::string_view line = d.where.line_text();
  if (!line.empty()) {
    out += "  ";
    out += line;
    out += "\n";
    if (d.where.column > 0) {
      // Tabs are kept so that the caret lines up under the same tab stops.
      std::string pad;
      int col = 1;
      size_t i = 0;
      while (col < d.where.column && i < line.size()) {
        unsigned char c = static_cast<unsigned char>(line[i]);
        size_t len = 1;
        if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
        pad += (c == '\t') ? '\t' : ' ';
        i += len;
        ++col;
      }
      while (col < d.where.column) { pad += ' '; ++col; }
      out += "  " + pad + "^\n";
    }
  }
  if (!d.hint.empty()) out += fmt::format("  {}: {}\n", msg("diag.hint"), d.hint);
  return out;
}

Diagnostic error_at(SourceLoc where, std::string message, std::string hint) {
  Diagnostic d;
  d.where = std::move(where);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

Diagnostic error_about(std::string subject, std::string message, std::string hint) {
  Diagnostic d;
  d.subject = std::move(subject);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

std::string format(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += format(d);
  return out;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(format(diagnostics)), diagnostics_(std::move(diagnostics)) {}

void DiagnosticSink::error(const SourceLoc& where, std::string message, std::string hint) {
  list_.push_back(error_at(where, std::move(message), std::move(hint)));
}

bool DiagnosticSink::has_errors() const {
  for (const auto& d : list_)
    if (d.severity == Severity::kError) return true;
  return false;
}

void DiagnosticSink::throw_if_errors() const {
  if (has_errors()) throw InputError(list_);
}

}  // namespace lotrinh::diag
