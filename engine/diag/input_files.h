#pragma once
// The files this run has read, by identity (device and inode), so that no output replaces one.
#include <optional>
#include <string>
#include <vector>

namespace lotrinh::diag {

/// A process-wide record of the input files read since the last clear(). diag::read_file
/// records every file it opens; the output writer refuses a target that is one of them, by
/// identity rather than by name (a hard link, a symlinked folder or "./x" name the same file).
class InputFiles {
 public:
  /// Records the file open on `fd`, shown as `path` in messages.
  static void record(int fd, const std::string& path);
  /// Records the file at `path` (followed through symlinks) if it exists: for an input named on
  /// the command line that this run may not get to read.
  static void record(const std::string& path);
  /// The path an input with this identity was read as, if any.
  static std::optional<std::string> find(unsigned long long dev, unsigned long long ino);
  /// The paths of every recorded input, sorted (to name them, with their hashes, in a report).
  static std::vector<std::string> paths();
  /// Forgets every record (a new command run begins); standard input may be read again.
  static void clear();
  /// Marks standard input read; false when this run has read it already (it can be read once).
  static bool claim_stdin();
};

}  // namespace lotrinh::diag
