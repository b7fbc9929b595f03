#include "data/csv_trailer.h"

namespace lotrinh::data {

std::string_view without_trailer(std::string_view text) {
  size_t cut = text.size(), end = text.size();
  bool trailer = false;
  while (end > 0) {
    size_t e = end;  // the last line of text[0, end), without its line end and blank lines
    while (e > 0 && (text[e - 1] == '\n' || text[e - 1] == '\r')) --e;
    if (e == 0) break;
    size_t nl = text.rfind('\n', e - 1);
    size_t start = nl == std::string_view::npos ? 0 : nl + 1;
    if (text[start] != '#') break;
    trailer = true;
    cut = end = start;
  }
  return trailer ? text.substr(0, cut) : text;
}

}  // namespace lotrinh::data
