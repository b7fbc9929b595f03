#include "diag/text_file.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>

#include "diag/diagnostic.h"
#include "diag/input_files.h"
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

std::atomic<size_t> g_max_input_bytes{kDefaultMaxInputBytes};

}  // namespace

void set_max_input_bytes(size_t bytes) { g_max_input_bytes = bytes; }
size_t max_input_bytes() { return g_max_input_bytes; }

std::string input_name(const std::string& path) { return is_stdin(path) ? "<stdin>" : path; }

namespace {

// Standard input, to its end, at most max_input_bytes().
std::string read_stdin() {
  const std::string name = input_name("-");
  auto refuse = [&](std::string message, std::string hint) {
    Diagnostic d;
    d.subject = name;
    d.message = std::move(message);
    d.hint = std::move(hint);
    throw InputError(d);
  };
  if (!InputFiles::claim_stdin()) refuse(msg("io.stdin_twice"), msg("io.stdin_twice.hint"));
  InputFiles::record(STDIN_FILENO, name);
  const size_t limit = max_input_bytes();
  std::string text;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n > 0) {
      text.append(buf, static_cast<size_t>(n));
      if (text.size() > limit) refuse(msg("io.stdin_too_large", limit), msg("io.too_large.hint"));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {  // stdin left non-blocking by a parent
      pollfd p{STDIN_FILENO, POLLIN, 0};
      ::poll(&p, 1, -1);
      continue;
    }
    if (n < 0 && errno != EISDIR) {
      Diagnostic d;
      d.subject = name;
      d.message = msg("io.cannot_read", std::strerror(errno));
      throw InputError(d);
    }
    break;
  }
  return checked_text(name, std::move(text));
}

}  // namespace

std::string read_file(const std::string& path) {
  if (is_stdin(path)) return read_stdin();
  auto fail = [&](int err) {
    Diagnostic d;
    d.subject = path;
    d.message = msg("io.cannot_read", std::strerror(err));
    throw InputError(d);
  };
  auto refuse = [&](int fd, std::string message, std::string hint) {
    ::close(fd);
    Diagnostic d;
    d.subject = path;
    d.message = std::move(message);
    d.hint = std::move(hint);
    throw InputError(d);
  };
  // Without blocking: opening a FIFO would wait for a writer.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) fail(errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) { int e = errno; ::close(fd); fail(e); }
  if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
    refuse(fd, msg("io.not_regular"), msg("io.not_regular.hint"));
  const size_t limit = max_input_bytes();
  if (static_cast<unsigned long long>(st.st_size) > limit)
    refuse(fd, msg("io.too_large", static_cast<unsigned long long>(st.st_size), limit), msg("io.too_large.hint"));
  InputFiles::record(fd, path);
  std::string text;
  text.reserve(static_cast<size_t>(st.st_size) + 1);  // one allocation for a file that does not grow
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      text.append(buf, static_cast<size_t>(n));
      if (text.size() > limit)  // the file grew while read
        refuse(fd, msg("io.too_large", static_cast<unsigned long long>(text.size()), limit), msg("io.too_large.hint"));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    // A folder reads as nothing, and is then reported as an empty file, as before.
    if (n < 0 && errno != EISDIR) { int e = errno; ::close(fd); fail(e); }
    break;
  }
  ::close(fd);
  return checked_text(path, std::move(text));
}

std::string checked_text(const std::string& path, std::string text) {
  // UTF-16 (Excel's "Unicode text", Notepad's "Unicode"): a byte-order mark, or a NUL in every
  // other byte of the first characters.
  bool utf16 = text.size() >= 2 && (text.compare(0, 2, "\xFF\xFE") == 0 || text.compare(0, 2, "\xFE\xFF") == 0);
  if (!utf16 && text.size() >= 4)
    utf16 = (text[0] != 0 && text[1] == 0 && text[2] != 0 && text[3] == 0) ||
            (text[0] == 0 && text[1] != 0 && text[2] == 0 && text[3] != 0);
  if (utf16) {
    Diagnostic d;
    d.subject = path;
    d.message = msg("io.utf16");
    d.hint = msg("io.not_utf8.hint");
    throw InputError(std::move(d));
  }
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  // Old Mac line ends (CR alone) are line ends: without this a whole file is one line.
  for (size_t i = text.find('\r'); i != std::string::npos; i = text.find('\r', i + 1))
    if (i + 1 == text.size() || text[i + 1] != '\n') text[i] = '\n';
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    Diagnostic d;
    d.where.file = SourceFile::from_text(path, "");
    d.message = msg("io.empty_file");
    d.hint = msg("io.empty_file.hint");
    throw InputError(std::move(d));
  }
  for (size_t i = 0; i < text.size();) {
    // Eight ASCII bytes at a time (no high bit, no NUL): most of a table is ASCII.
    if (i + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      constexpr std::uint64_t kLow = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
      if ((w & kHigh) == 0 && ((w - kLow) & ~w & kHigh) == 0) {
        i += 8;
        continue;
      }
    }
    size_t len = text[i] == '\0' ? 0 : utf8_sequence(text, i);
    if (len == 0) {
      // Where the bad byte is: its line, and its column in code points.
      const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(i), '\n'));
      int col = 1;
      for (size_t k = text.rfind('\n', i) == std::string::npos ? 0 : text.rfind('\n', i) + 1; k < i; ++col)
        k += std::max<size_t>(1, utf8_sequence(text, k));
      // Show the line with the bad bytes replaced, so the echo itself is valid UTF-8.
      size_t bol = text.rfind('\n', i);
      bol = bol == std::string::npos ? 0 : bol + 1;
      size_t eol = text.find('\n', i);
      std::string shown;
      for (size_t k = bol; k < (eol == std::string::npos ? text.size() : eol);) {
        size_t l = utf8_sequence(text, k);
        if (l == 0 || text[k] == '\0') { shown += '?'; ++k; } else { shown.append(text, k, l); k += l; }
      }
      auto shown_file = std::make_shared<SourceFile>();
      shown_file->path = path;
      shown_file->lines.assign(static_cast<size_t>(line), std::string());
      shown_file->lines[line - 1] = shown;
      Diagnostic d;
      d.where = SourceLoc{shown_file, line, col};
      if (text[i] == '\0') {
        d.message = msg("io.nul_byte");
        d.hint = msg("io.nul_byte.hint");
      } else {
        d.message = msg("io.not_utf8", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
        d.hint = msg("io.not_utf8.hint");
      }
      throw InputError(std::move(d));
    }
    i += len;
  }
  return text;
}

namespace {

// The temporary file being written, for the SIGINT/SIGTERM handler (which may only use
// async-signal-safe calls: so a fixed buffer and a flag, no std::string).
char g_tmp[PATH_MAX + 1];
volatile std::sig_atomic_t g_tmp_live = 0;
struct sigaction g_old_int, g_old_term;

extern "C" void remove_tmp_and_reraise(int sig) {
  if (g_tmp_live) {
    ::unlink(g_tmp);
    g_tmp_live = 0;
  }
  ::sigaction(sig, sig == SIGINT ? &g_old_int : &g_old_term, nullptr);
  ::raise(sig);  // delivered when this handler returns, to whatever handled it before
}

// Blocks SIGINT and SIGTERM for its lifetime, so the handler never sees a half-updated state.
struct SignalsBlocked {
  sigset_t old;
  SignalsBlocked() {
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    sigaddset(&s, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &s, &old);
  }
  ~SignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &old, nullptr); }
};

void install_handlers() {
  struct sigaction sa {};
  sa.sa_handler = remove_tmp_and_reraise;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGINT, &sa, &g_old_int);
  ::sigaction(SIGTERM, &sa, &g_old_term);
  // A signal the caller ignores (nohup) stays ignored.
  if (g_old_int.sa_handler == SIG_IGN) ::sigaction(SIGINT, &g_old_int, nullptr);
  if (g_old_term.sa_handler == SIG_IGN) ::sigaction(SIGTERM, &g_old_term, nullptr);
}

void restore_handlers() {
  ::sigaction(SIGINT, &g_old_int, nullptr);
  ::sigaction(SIGTERM, &g_old_term, nullptr);
}

[[noreturn]] void refuse(const std::string& option, const std::string& path, std::string message, std::string hint) {
  Diagnostic d;
  d.subject = option.empty() ? path : option;
  d.message = std::move(message);
  d.hint = std::move(hint);
  throw InputError(d);
}

std::string folder_of(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

std::mutex& write_lock() {
  static std::mutex m;
  return m;
}

}  // namespace

OutputTarget check_output_target(const std::string& path, const std::string& option) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0)
    if (auto input = InputFiles::find(static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)))
      refuse(option, path, msg("io.out_is_input", path, *input), msg("io.out_is_input.hint"));
  OutputTarget t;
  if (::lstat(path.c_str(), &st) != 0) {
    int err = errno;
    if (err != ENOENT) refuse(option, path, msg("io.cannot_write", path, std::strerror(err)), msg("io.cannot_write.hint"));
    std::string dir = folder_of(path);
    struct stat ds {};
    if (::stat(dir.c_str(), &ds) != 0 || !S_ISDIR(ds.st_mode))
      refuse(option, path, msg("io.out_no_folder", dir), msg("io.out_no_folder.hint"));
    return t;
  }
  if (S_ISLNK(st.st_mode)) refuse(option, path, msg("io.out_is_symlink", path), msg("io.out_is_symlink.hint"));
  if (S_ISDIR(st.st_mode)) refuse(option, path, msg("io.out_is_folder", path), msg("io.out_is_folder.hint", path));
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
    refuse(option, path, msg("io.out_is_device", path), msg("io.out_not_file.hint"));
  if (S_ISFIFO(st.st_mode)) refuse(option, path, msg("io.out_is_fifo", path), msg("io.out_not_file.hint"));
  if (S_ISSOCK(st.st_mode)) refuse(option, path, msg("io.out_is_socket", path), msg("io.out_not_file.hint"));
  // Read-only by its mode bits, not by access(W_OK), which is always true for root.
  if ((st.st_mode & 0222) == 0)
    refuse(option, path, msg("io.out_read_only", path, static_cast<unsigned>(st.st_mode & 07777)),
           msg("io.out_read_only.hint"));
  t.exists = true;
  t.mode = st.st_mode & 07777;
  t.uid = st.st_uid;
  t.gid = st.st_gid;
  return t;
}

void write_file_atomic(const std::string& path, const std::string& content, const std::string& option) {
  std::lock_guard<std::mutex> guard(write_lock());
  const OutputTarget target = check_output_target(path, option);
  const std::string tmpl = folder_of(path) + "/.lotrinh-XXXXXX";
  if (tmpl.size() > PATH_MAX) refuse(option, path, msg("io.cannot_write", path, std::strerror(ENAMETOOLONG)), msg("io.cannot_write.hint"));

  int fd = -1, mk_err = 0;
  {
    SignalsBlocked blocked;
    install_handlers();
    std::memcpy(g_tmp, tmpl.c_str(), tmpl.size() + 1);
    // O_CREAT|O_EXCL under a fresh name: an existing file or planted symlink is never opened.
    fd = ::mkostemp(g_tmp, O_CLOEXEC);
    mk_err = errno;
    if (fd >= 0) g_tmp_live = 1;
    else restore_handlers();
  }
  if (fd < 0) refuse(option, path, msg("io.cannot_write", path, std::strerror(mk_err)), msg("io.cannot_write.hint"));
  const std::string tmp = g_tmp;

  // On any failure: the temporary file goes, the handlers are restored, the target is untouched.
  bool fd_open = true;
  auto fail = [&](int err) {
    if (fd_open) ::close(fd);
    {
      SignalsBlocked blocked;
      ::unlink(tmp.c_str());
      g_tmp_live = 0;
      restore_handlers();
    }
    refuse(option, path, msg("io.cannot_write", path, std::strerror(err)), msg("io.cannot_write.hint"));
  };
  // A replaced file keeps its mode (and, where allowed, its owner); a new one gets 0666 less the umask.
  mode_t mode = target.mode;
  if (!target.exists) {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0) fail(errno);
  if (target.exists && (target.uid != ::geteuid() || target.gid != ::getegid()))
    (void)!::fchown(fd, target.uid, target.gid);  // only root may; otherwise the file becomes ours
  for (size_t done = 0; done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(errno);
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) fail(errno);
  fd_open = false;
  if (::close(fd) != 0) fail(errno);
  {
    SignalsBlocked blocked;
    int rc = ::rename(tmp.c_str(), path.c_str());
    int err = errno;
    if (rc != 0) ::unlink(tmp.c_str());
    g_tmp_live = 0;
    restore_handlers();
    if (rc != 0) refuse(option, path, msg("io.cannot_write", path, std::strerror(err)), msg("io.cannot_write.hint"));
  }
  // The rename itself is durable once the folder is synced.
  int dfd = ::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace lotrinh::diag
