#include "diag/diagnostic.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "diag/messages.h"

namespace lotrinh::diag {
namespace {

constexpr int kMaxLine = 200;         // code points of a source line shown around the caret
constexpr size_t kMaxMessage = 1000;  // bytes of a message or hint (a huge name inside it)

size_t utf8_len(unsigned char c) { return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

// `s` cut to about `max` bytes on a code point boundary, with "..." where it was cut.
std::string bounded(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

// `s` with control characters (a NUL from a TOML "\u0000", an escape sequence, a carriage
// return) written as \u escapes: printed raw, a NUL would end the message on the terminal and an
// escape sequence could rewrite it. Tabs and line ends stay.
std::string visible(std::string s) {
  auto control = [](unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F; };
  if (std::none_of(s.begin(), s.end(), [&](char c) { return control(static_cast<unsigned char>(c)); })) return s;
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (control(c)) out += fmt::format("\\u{:04X}", c);
    else out += ch;
  }
  return out;
}

}  // namespace

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
  out += fmt::format(": {}: {}\n", label, bounded(visible(d.message), kMaxMessage));
  std::string_view line = d.where.line_text();
  if (!line.empty()) {
    // A long line is shown as a window around the caret, so that a megabyte-long expression
    // does not echo a megabyte.
    std::vector<size_t> starts;  // byte offset of each code point
    for (size_t i = 0; i < line.size();) {
      starts.push_back(i);
      i += utf8_len(static_cast<unsigned char>(line[i]));
    }
    const int n = static_cast<int>(starts.size());
    int first = 0, last = n;  // code points shown: [first, last)
    if (n > kMaxLine) {
      int caret = std::clamp(d.where.column > 0 ? d.where.column - 1 : 0, 0, n);
      first = std::max(0, std::min(caret - kMaxLine / 2, n - kMaxLine));
      last = std::min(n, first + kMaxLine);
    }
    auto byte = [&](int cp) { return cp >= n ? line.size() : starts[cp]; };
    // A raw control character in the line is shown as U+FFFD, one code point for one, so that
    // the caret stays under its column.
    std::string shown(line.substr(byte(first), byte(last) - byte(first)));
    for (size_t i = 0; i < shown.size(); ++i) {
      const auto c = static_cast<unsigned char>(shown[i]);
      if ((c < 0x20 && c != '\t') || c == 0x7F) shown.replace(i, 1, "\xEF\xBF\xBD"), i += 2;
    }
    const std::string lead = first > 0 ? "..." : "";
    out += "  " + lead + shown + (last < n ? "..." : "") + "\n";
    if (d.where.column > 0) {
      // Tabs are kept so that the caret lines up under the same tab stops.
      std::string pad(lead.size(), ' ');
      int col = first + 1;
      size_t i = 0;
      while (col < d.where.column && i < shown.size()) {
        unsigned char c = static_cast<unsigned char>(shown[i]);
        pad += (c == '\t') ? '\t' : ' ';
        i += utf8_len(c);
        ++col;
      }
      while (col < d.where.column) { pad += ' '; ++col; }
      out += "  " + pad + "^\n";
    }
  }
  if (!d.hint.empty()) out += fmt::format("  {}: {}\n", msg("diag.hint"), bounded(visible(d.hint), kMaxMessage));
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
