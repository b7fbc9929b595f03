#pragma once
// A loaded text file and positions in it, for diagnostics with a caret line.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lotrinh::diag {

/// The text of one input file, split into lines, kept so that a diagnostic can echo the line.
struct SourceFile {
  std::string path;                ///< As the user named it.
  std::vector<std::string> lines;  ///< Without line terminators.

  /// Splits `text` on \n (dropping a trailing \r). Never fails.
  static std::shared_ptr<const SourceFile> from_text(std::string path, std::string_view text);
};

/// A 1-based line and column (in characters, not bytes) in a SourceFile. line == 0: the file as
/// a whole; file == nullptr: no file (a command-line option, say).
struct SourceLoc {
  std::shared_ptr<const SourceFile> file;
  int line = 0;
  int column = 0;

  /// The same place moved `columns` characters to the right.
  SourceLoc shifted(int columns) const { return {file, line, column + columns}; }
  /// The text of the line, or "" when unknown.
  std::string_view line_text() const;
};

/// Number of UTF-8 code points in `s` (invalid bytes count one each).
int utf8_length(std::string_view s);

}  // namespace lotrinh::diag
