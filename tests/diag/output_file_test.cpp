// The output writer never replaces an input, a non-file or a read-only file, never follows a
// planted symlink, keeps the replaced file's mode, and leaves no temporary file behind.
#include <catch2/catch.hpp>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/input_files.h"
#include "diag/text_file.h"

namespace fs = std::filesystem;
using namespace lotrinh::diag;

namespace {

// A fresh, empty folder for one test; the input registry starts empty too.
fs::path scratch(const std::string& name) {
  InputFiles::clear();
  fs::path dir = fs::temp_directory_path() / ("lotrinh-out-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void spit(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The error text of writing `content` to `path`, or "" when it is written.
std::string refusal(const fs::path& path, const std::string& content = "new\n") {
  try {
    write_file_atomic(path.string(), content, "--out");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

const std::string kTable = "commune,year\nxa-a,2020\n";

}  // namespace

TEST_CASE("an output that is an input under another name (a hard link) is refused and the input kept", "[diag]") {
  fs::path dir = scratch("hardlink");
  spit(dir / "communes.csv", kTable);
  fs::create_hard_link(dir / "communes.csv", dir / "copy.csv");
  read_file((dir / "communes.csv").string());
  CHECK(refusal(dir / "copy.csv") == "--out: error: '" + (dir / "copy.csv").string() +
                                         "' is the same file as the input '" + (dir / "communes.csv").string() +
                                         "'; writing it would destroy the input\n"
                                         "  hint: name a new file for the output; lotrinh never writes over a file it reads\n");
  CHECK(slurp(dir / "communes.csv") == kTable);
  CHECK(entries(dir) == std::vector<std::string>{"communes.csv", "copy.csv"});
  fs::remove_all(dir);
}

TEST_CASE("an output that is an input reached through a symlinked folder is refused and the input kept", "[diag]") {
  fs::path dir = scratch("linked-folder");
  fs::create_directory(dir / "real");
  spit(dir / "real" / "communes.csv", kTable);
  fs::create_directory_symlink(dir / "real", dir / "alias");
  read_file((dir / "real" / "communes.csv").string());
  std::string what = refusal(dir / "alias" / "communes.csv");
  CHECK(what.find("' is the same file as the input '" + (dir / "real" / "communes.csv").string() + "'") != std::string::npos);
  CHECK(slurp(dir / "real" / "communes.csv") == kTable);
  CHECK(entries(dir / "real") == std::vector<std::string>{"communes.csv"});
  fs::remove_all(dir);
}

TEST_CASE("a file read by an earlier run is no longer an input once the registry is cleared", "[diag]") {
  fs::path dir = scratch("cleared");
  spit(dir / "communes.csv", kTable);
  read_file((dir / "communes.csv").string());
  InputFiles::clear();
  CHECK(refusal(dir / "communes.csv") == "");
  CHECK(slurp(dir / "communes.csv") == "new\n");
  fs::remove_all(dir);
}

TEST_CASE("an output onto a device is refused", "[diag]") {
  InputFiles::clear();
  CHECK(refusal("/dev/null") ==
        "--out: error: '/dev/null' is a device, not a regular file; lotrinh does not replace it\n"
        "  hint: outputs are regular files; to send the output to a device or pipe, give '--out -' and redirect standard output\n");
  struct stat st {};
  REQUIRE(::stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("an output onto a named pipe is refused and the pipe kept", "[diag]") {
  fs::path dir = scratch("fifo");
  REQUIRE(::mkfifo((dir / "pipe").c_str(), 0644) == 0);
  CHECK(refusal(dir / "pipe") == "--out: error: '" + (dir / "pipe").string() +
                                     "' is a named pipe (FIFO), not a regular file; lotrinh does not replace it\n"
                                     "  hint: outputs are regular files; to send the output to a device or pipe, give '--out -' and redirect standard output\n");
  CHECK(fs::is_fifo(dir / "pipe"));
  CHECK(entries(dir) == std::vector<std::string>{"pipe"});
  fs::remove_all(dir);
}

TEST_CASE("an output onto a socket is refused and the socket kept", "[diag]") {
  fs::path dir = scratch("socket");
  fs::path sock = dir / "s";
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  REQUIRE(sock.string().size() < sizeof addr.sun_path);
  std::strcpy(addr.sun_path, sock.c_str());
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  CHECK(refusal(sock) == "--out: error: '" + sock.string() +
                             "' is a socket, not a regular file; lotrinh does not replace it\n"
                             "  hint: outputs are regular files; to send the output to a device or pipe, give '--out -' and redirect standard output\n");
  CHECK(fs::is_socket(sock));
  ::close(fd);
  fs::remove_all(dir);
}

TEST_CASE("an output onto a folder is refused and the folder left empty", "[diag]") {
  fs::path dir = scratch("folder");
  fs::create_directory(dir / "taken");
  CHECK(refusal(dir / "taken") == "--out: error: '" + (dir / "taken").string() + "' is a folder, not a file\n"
                                      "  hint: name a file inside it, e.g. '" + (dir / "taken").string() + "/result.csv'\n");
  CHECK(fs::is_empty(dir / "taken"));
  CHECK(entries(dir) == std::vector<std::string>{"taken"});
  fs::remove_all(dir);
}

TEST_CASE("an output in a folder that does not exist is refused naming the folder", "[diag]") {
  fs::path dir = scratch("missing");
  CHECK(refusal(dir / "no-such" / "out.csv") == "--out: error: the folder '" + (dir / "no-such").string() +
                                                    "' does not exist\n"
                                                    "  hint: create the folder first (mkdir -p), or name a file in a folder that exists\n");
  CHECK(entries(dir).empty());
  fs::remove_all(dir);
}

TEST_CASE("an output that is a symlink is refused and neither the link nor its target changes", "[diag]") {
  fs::path dir = scratch("symlink");
  spit(dir / "target.csv", kTable);
  fs::create_symlink(dir / "target.csv", dir / "link.csv");
  CHECK(refusal(dir / "link.csv") == "--out: error: '" + (dir / "link.csv").string() +
                                         "' is a symbolic link; lotrinh does not replace a link with a file, nor write through it\n"
                                         "  hint: name the file the link points to, or another file\n");
  CHECK(fs::is_symlink(dir / "link.csv"));
  CHECK(fs::read_symlink(dir / "link.csv") == dir / "target.csv");
  CHECK(slurp(dir / "target.csv") == kTable);
  fs::remove_all(dir);
}

TEST_CASE("a symlink planted at the old fixed temporary name is never followed", "[diag]") {
  fs::path dir = scratch("planted");
  spit(dir / "victim.txt", "PRECIOUS\n");
  fs::create_symlink(dir / "victim.txt", dir / "report.txt.tmp-lotrinh");
  CHECK(refusal(dir / "report.txt", "commune,region\n") == "");
  CHECK(slurp(dir / "report.txt") == "commune,region\n");
  CHECK(slurp(dir / "victim.txt") == "PRECIOUS\n");
  CHECK(fs::read_symlink(dir / "report.txt.tmp-lotrinh") == dir / "victim.txt");
  CHECK(entries(dir) == std::vector<std::string>{"report.txt", "report.txt.tmp-lotrinh", "victim.txt"});
  fs::remove_all(dir);
}

TEST_CASE("a read-only output file is refused and left unchanged", "[diag]") {
  fs::path dir = scratch("read-only");
  spit(dir / "result.csv", "old\n");
  fs::permissions(dir / "result.csv", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  CHECK(refusal(dir / "result.csv") == "--out: error: '" + (dir / "result.csv").string() +
                                           "' is read-only (mode 444); lotrinh does not replace it\n"
                                           "  hint: make it writable (chmod u+w) if it may be replaced, or name another file\n");
  CHECK(slurp(dir / "result.csv") == "old\n");
  CHECK((fs::status(dir / "result.csv").permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read));
  CHECK(entries(dir) == std::vector<std::string>{"result.csv"});
  fs::remove_all(dir);
}

TEST_CASE("a replaced output keeps its mode and no temporary file is left", "[diag]") {
  fs::path dir = scratch("mode");
  spit(dir / "result.csv", "old\n");
  REQUIRE(::chmod((dir / "result.csv").c_str(), 0640) == 0);
  CHECK(refusal(dir / "result.csv", "new,content\n") == "");
  CHECK(slurp(dir / "result.csv") == "new,content\n");
  struct stat st {};
  REQUIRE(::stat((dir / "result.csv").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(entries(dir) == std::vector<std::string>{"result.csv"});
  fs::remove_all(dir);
}

TEST_CASE("a new output file gets the usual mode, 0666 less the umask", "[diag]") {
  fs::path dir = scratch("new-mode");
  mode_t old = ::umask(022);
  CHECK(refusal(dir / "result.csv", "x\n") == "");
  ::umask(old);
  struct stat st {};
  REQUIRE(::stat((dir / "result.csv").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0644);
  fs::remove_all(dir);
}

namespace {
std::string read_error(const std::string& path) {
  try {
    read_file(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("an input that is a device or a FIFO is refused at once, not read until memory runs out or forever",
          "[diag]") {
  CHECK(read_error("/dev/zero") ==
        "/dev/zero: error: is not a regular file (a device, FIFO or socket): inputs are read only from files\n"
        "  hint: save the input to a file and give its path\n");
  const fs::path fifo = fs::temp_directory_path() / ("lotrinh-fifo-" + std::to_string(::getpid()));
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string e = read_error(fifo.string());
  fs::remove(fifo);
  CHECK(e == fifo.string() + ": error: is not a regular file (a device, FIFO or socket): inputs are read only from files\n"
                             "  hint: save the input to a file and give its path\n");
}

TEST_CASE("an input larger than the limit is refused with its size and how to raise the limit", "[diag]") {
  const fs::path p = fs::temp_directory_path() / ("lotrinh-big-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(p) << std::string(100, 'a') << "\n";
  set_max_input_bytes(100);
  const std::string e = read_error(p.string());
  set_max_input_bytes(kDefaultMaxInputBytes);
  CHECK(e == p.string() + ": error: is 101 bytes, more than the input limit of 100 bytes\n"
                          "  hint: check that this is the intended file, or raise the limit with --max-input-mb N\n");
  CHECK(read_file(p.string()).size() == 101);
  fs::remove(p);
}
