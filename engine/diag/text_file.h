#pragma once
// Reading input files (checked for emptiness and UTF-8, recorded in InputFiles) and writing
// outputs atomically without ever replacing an input.
#include <memory>
#include <string>

#include "diag/source_file.h"

namespace lotrinh::diag {

/// The largest input file read_file accepts, in bytes (default 512 MiB; --max-input-mb).
constexpr size_t kDefaultMaxInputBytes = size_t{512} << 20;
void set_max_input_bytes(size_t bytes);
size_t max_input_bytes();

/// The path that names standard input as an input: "-".
inline bool is_stdin(const std::string& path) { return path == "-"; }
/// How an input is named in messages: "<stdin>" for "-", else its path.
std::string input_name(const std::string& path);

/// Reads `path` and records it in InputFiles; throws InputError naming the file when it cannot
/// be read, is empty, is larger than max_input_bytes(), or is not a regular file (a device such
/// as /dev/zero, a FIFO or a socket: opened without blocking, then refused). A folder reads as
/// an empty file. "-" reads standard input (a pipe or a terminal too), under the same limit and
/// named "<stdin>"; a run reads it once (a second "-" is refused).
std::string read_file(const std::string& path);

/// Checks that `text` is non-empty, valid UTF-8 without NUL bytes; throws InputError located at
/// the first bad byte (line and column) otherwise, or naming the file when it is UTF-16. A UTF-8
/// byte-order mark is accepted and dropped; a CR alone (old Mac line end) becomes a line end.
std::string checked_text(const std::string& path, std::string text);

/// What check_output_target found at an output path.
struct OutputTarget {
  bool exists = false;  ///< a regular file is there (and will be replaced)
  unsigned mode = 0;    ///< its permission bits
  unsigned uid = 0, gid = 0;
};

/// Checks that `path` may be written as an output: it is not the same file (by device and
/// inode) as any input this run read (InputFiles), and it is either absent in an existing
/// folder or a regular file that is not read-only; a folder, device, FIFO, socket or symbolic
/// link is refused. Throws InputError located at `option` (e.g. "--out"; the path if empty).
OutputTarget check_output_target(const std::string& path, const std::string& option = "--out");

/// Writes `content` to `path` after check_output_target: through a temporary file created
/// exclusively under a unique name (.lotrinh-XXXXXX) in the same folder, fsync, and a rename, so
/// a reader never sees a half-written file and a planted symlink is never followed. A replaced
/// file keeps its mode. SIGINT or SIGTERM during the write removes the temporary file; after
/// SIGKILL a stale .lotrinh-* file may remain (lotrinh never reads it). Throws InputError.
void write_file_atomic(const std::string& path, const std::string& content, const std::string& option = "--out");

}  // namespace lotrinh::diag
