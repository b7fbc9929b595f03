#include "report/display_width.h"

#include <cstddef>

namespace lotrinh::report {
namespace {

// Decodes the code point at s[i] and sets `len` to its byte length; an invalid byte decodes as
// itself with length 1 (it still takes a column when printed, as a replacement character).
char32_t decode(std::string_view s, size_t i, size_t& len) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) { len = 1; return c; }
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) { len = 1; return c; }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  len = n;
  return cp;
}

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

bool zero_width(char32_t cp) {
  return in(cp, 0x0300, 0x036F)     // combining diacritical marks (Vietnamese tones in NFD)
         || in(cp, 0x1AB0, 0x1AFF)  // combining diacritical marks extended
         || in(cp, 0x1DC0, 0x1DFF)  // combining diacritical marks supplement
         || in(cp, 0x20D0, 0x20FF)  // combining marks for symbols
         || in(cp, 0xFE20, 0xFE2F)  // combining half marks
         || in(cp, 0x200B, 0x200F)  // zero-width space, joiners, direction marks
         || cp == 0xFEFF;           // byte-order mark / zero-width no-break space
}

bool wide(char32_t cp) {
  return in(cp, 0x1100, 0x115F) || in(cp, 0x2E80, 0x303E) || in(cp, 0x3041, 0x33FF) ||
         in(cp, 0x3400, 0x4DBF) || in(cp, 0x4E00, 0x9FFF) || in(cp, 0xA000, 0xA4CF) ||
         in(cp, 0xAC00, 0xD7A3) || in(cp, 0xF900, 0xFAFF) || in(cp, 0xFE30, 0xFE4F) ||
         in(cp, 0xFF00, 0xFF60) || in(cp, 0xFFE0, 0xFFE6) || in(cp, 0x20000, 0x3FFFD);
}

}  // namespace

int display_width(std::string_view s) {
  int width = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t cp = decode(s, i, len);
    i += len;
    if (zero_width(cp)) continue;
    width += wide(cp) ? 2 : 1;
  }
  return width;
}

}  // namespace lotrinh::report
