#include "diag/text_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "diag/diagnostic.h"
#include "diag/messages.h"

namespace lotrinh::diag {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if it is invalid.
size_t utf8_sequence(const std::string& s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c >= 0xE0 && c <= 0xEF) len = 3;
  else if (c >= 0xF0 && c <= 0xF4) len = 4;
  else return 0;
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
  if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
  if (c == 0xED && c1 >= 0xA0) return 0;  // surrogates
  if (c == 0xF0 && c1 < 0x90) return 0;
  if (c == 0xF4 && c1 >= 0x90) return 0;
  return len;
}

}  // namespace

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Diagnostic d;
    d.subject = path;
    d.message = msg("io.cannot_read", std::strerror(errno));
    throw InputError(d);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return checked_text(path, ss.str());
}

std::string checked_text(const std::string& path, std::string text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    Diagnostic d;
    d.where.file = SourceFile::from_text(path, "");
    d.message = msg("io.empty_file");
    d.hint = msg("io.empty_file.hint");
    throw InputError(std::move(d));
  }
  int line = 1, col = 1;
  for (size_t i = 0; i < text.size();) {
    size_t len = utf8_sequence(text, i);
    if (len == 0) {
      // Show the line with the bad bytes replaced, so the echo itself is valid UTF-8.
      size_t bol = text.rfind('\n', i);
      bol = bol == std::string::npos ? 0 : bol + 1;
      size_t eol = text.find('\n', i);
      std::string shown;
      for (size_t k = bol; k < (eol == std::string::npos ? text.size() : eol);) {
        size_t l = utf8_sequence(text, k);
        if (l == 0) { shown += '?'; ++k; } else { shown.append(text, k, l); k += l; }
      }
      auto shown_file = std::make_shared<SourceFile>();
      shown_file->path = path;
      shown_file->lines.assign(static_cast<size_t>(line), std::string());
      shown_file->lines[line - 1] = shown;
      Diagnostic d;
      d.where = SourceLoc{shown_file, line, col};
      d.message = msg("io.not_utf8", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
      d.hint = msg("io.not_utf8.hint");
      throw InputError(std::move(d));
    }
    if (text[i] == '\n') { ++line; col = 1; } else { ++col; }
    i += len;
  }
  return text;
}

void write_file_atomic(const std::string& path, const std::string& content) {
  std::string tmp = path + ".tmp-lotrinh";
  auto fail = [&](int err) {
    std::remove(tmp.c_str());
    Diagnostic d;
    d.subject = path;
    d.message = msg("io.cannot_write", std::strerror(err));
    throw InputError(d);
  };
  {
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) fail(errno);
    if (std::fwrite(content.data(), 1, content.size(), f) != content.size()) { int e = errno; std::fclose(f); fail(e); }
    if (std::fflush(f) != 0) { int e = errno; std::fclose(f); fail(e); }
    if (std::fclose(f) != 0) fail(errno);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) fail(errno);
}

}  // namespace lotrinh::diag
