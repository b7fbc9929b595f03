#include "diag/source_file.h"

namespace lotrinh::diag {

std::shared_ptr<const SourceFile> SourceFile::from_text(std::string path, std::string_view text) {
  auto file = std::make_shared<SourceFile>();
  file->path = std::move(path);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (start < text.size()) file->lines.emplace_back(text.substr(start));
      break;
    }
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    file->lines.emplace_back(line);
    start = end + 1;
  }
  return file;
}

std::string_view SourceLoc::line_text() const {
  if (!file || line < 1 || line > static_cast<int>(file->lines.size())) return {};
  return file->lines[line - 1];
}

int utf8_length(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace lotrinh::diag
