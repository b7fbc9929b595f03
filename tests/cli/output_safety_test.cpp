// --out never loses anything: an input named as the output is refused, and the real binary,
// interrupted while it writes, leaves the old output intact (SIGTERM also removes its temporary).
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/options.h"
#include "diag/diagnostic.h"

namespace fs = std::filesystem;
using lotrinh::cli::Options;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;

fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("lotrinh-cli-out-" + std::to_string(::getpid()) + "-" + name);
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

std::vector<std::string> temporaries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind(".lotrinh-", 0) == 0) names.push_back(e.path().filename().string());
  return names;
}

// The example table repeated `copies` times under distinct unit ids: a large output to write.
void write_large_table(const fs::path& path, int copies) {
  std::istringstream example(slurp(kHome + "/scenarios/example/communes.csv"));
  std::string header, line;
  std::getline(example, header);
  std::vector<std::string> rows;
  while (std::getline(example, line))
    if (!line.empty()) rows.push_back(line);
  std::ofstream out(path, std::ios::binary);
  out << header << '\n';
  for (int i = 0; i < copies; ++i)
    for (const auto& r : rows) {
      size_t comma = r.find(',');
      out << r.substr(0, comma) << '-' << i << r.substr(comma) << '\n';
    }
}

struct Outcome {
  bool signalled_while_writing = false;  // `sig` ended it after its temporary file was created
  int status = 0;
};

// Runs the real lotrinh writing a large --out into `dir`; sends `sig` as soon as its temporary
// file appears there, and waits for it to end.
Outcome run_and_signal(const fs::path& dir, const fs::path& table, const fs::path& out, int sig) {
  int in = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  REQUIRE(in >= 0);
  REQUIRE(::inotify_add_watch(in, dir.c_str(), IN_CREATE) >= 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execl(LOTRINH_BINARY, LOTRINH_BINARY, "--lang", "en", "classify", "--data", table.c_str(), "--year", "2020",
            "--format", "json", "--out", out.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  Outcome o;
  bool sent = false;
  for (;;) {
    pollfd p{in, POLLIN, 0};
    ::poll(&p, 1, 20);
    alignas(inotify_event) char buf[sizeof(inotify_event) + NAME_MAX + 1];
    ssize_t n;
    while (!sent && (n = ::read(in, buf, sizeof buf)) > 0) {
      for (char* q = buf; q < buf + n;) {
        auto* ev = reinterpret_cast<inotify_event*>(q);
        if (ev->len > 0 && std::string(ev->name).rfind(".lotrinh-", 0) == 0 && !sent) {
          ::kill(pid, sig);
          sent = true;
        }
        q += sizeof(inotify_event) + ev->len;
      }
    }
    if (::waitpid(pid, &o.status, WNOHANG) == pid) break;
  }
  ::close(in);
  // Killed before the rename: a SIGKILL leaves its temporary (only a rename removes it then); a
  // SIGTERM that came after the rename ends the process too, so the caller also checks that the
  // output was not replaced.
  o.signalled_while_writing = sent && WIFSIGNALED(o.status) && WTERMSIG(o.status) == sig &&
                              (sig != SIGKILL || !temporaries(dir).empty());
  return o;
}

}  // namespace

TEST_CASE("classify with --out naming its own --data table is refused and the table kept byte for byte", "[cli]") {
  fs::path dir = scratch("self");
  fs::copy_file(kHome + "/scenarios/example/communes.csv", dir / "self.csv");
  const std::string before = slurp(dir / "self.csv");
  Options o;
  o.command = "classify";
  o.data = (dir / "self.csv").string();
  o.year = 2020;
  o.out = o.data;
  std::string what;
  try {
    lotrinh::cli::run_command(o);
  } catch (const lotrinh::diag::InputError& e) {
    what = e.what();
  }
  CHECK(what == "--out: error: '" + o.out + "' is the same file as the input '" + o.data +
                    "'; writing it would destroy the input\n"
                    "  hint: name a new file for the output; lotrinh never writes over a file it reads\n");
  CHECK(slurp(dir / "self.csv") == before);
  CHECK(temporaries(dir).empty());
  fs::remove_all(dir);
}

TEST_CASE("a command that does not read the --data table still refuses it as --out", "[cli]") {
  fs::path dir = scratch("named");
  fs::copy_file(kHome + "/scenarios/example/communes.csv", dir / "self.csv");
  const std::string before = slurp(dir / "self.csv");
  Options o;
  o.command = "check";
  o.data = (dir / "self.csv").string();
  o.out = "./" + fs::relative(o.data).string();
  std::string what;
  try {
    lotrinh::cli::run_command(o);
  } catch (const lotrinh::diag::InputError& e) {
    what = e.what();
  }
  CHECK(what == "--out: error: '" + o.out + "' is the same file as the input '" + o.data +
                    "'; writing it would destroy the input\n"
                    "  hint: name a new file for the output; lotrinh never writes over a file it reads\n");
  CHECK(slurp(dir / "self.csv") == before);
  fs::remove_all(dir);
}

TEST_CASE("classify with --out naming a rule file it loaded is refused", "[cli]") {
  fs::path dir = scratch("rules");
  fs::create_hard_link(kHome + "/rules/indicators.toml", dir / "catalogue.toml");
  const std::string before = slurp(dir / "catalogue.toml");
  Options o;
  o.command = "classify";
  o.data = kHome + "/scenarios/example/communes.csv";
  o.out = (dir / "catalogue.toml").string();
  std::string what;
  try {
    lotrinh::cli::run_command(o);
  } catch (const lotrinh::diag::InputError& e) {
    what = e.what();
  }
  CHECK(what.rfind("--out: error: '" + o.out + "' is the same file as the input '", 0) == 0);
  CHECK(what.find("indicators.toml'; writing it would destroy the input\n") != std::string::npos);
  CHECK(slurp(dir / "catalogue.toml") == before);
  fs::remove_all(dir);
}

TEST_CASE("lotrinh killed with SIGKILL while writing --out leaves the old file intact", "[cli][slow]") {
  fs::path dir = scratch("kill9");
  write_large_table(dir / "big.csv", 300);
  const std::string old = "the previous output, which must survive\n";
  int caught = 0;
  for (int attempt = 0; attempt < 8 && caught < 2; ++attempt) {
    std::ofstream(dir / "result.json", std::ios::binary) << old;
    Outcome o = run_and_signal(dir, dir / "big.csv", dir / "result.json", SIGKILL);
    if (!o.signalled_while_writing) continue;  // it finished first: try again
    ++caught;
    CHECK(slurp(dir / "result.json") == old);
    for (const auto& t : temporaries(dir)) fs::remove(dir / t);  // the stale temporary, never read
  }
  CHECK(caught > 0);
  fs::remove_all(dir);
}

TEST_CASE("lotrinh stopped with SIGTERM or SIGINT while writing --out removes its temporary and keeps the old file", "[cli][slow]") {
  const int sig = GENERATE(SIGTERM, SIGINT);
  fs::path dir = scratch("term-" + std::to_string(sig));
  write_large_table(dir / "big.csv", 300);
  const std::string old = "the previous output, which must survive\n";
  int caught = 0;
  for (int attempt = 0; attempt < 8 && caught < 2; ++attempt) {
    std::ofstream(dir / "result.json", std::ios::binary) << old;
    Outcome o = run_and_signal(dir, dir / "big.csv", dir / "result.json", sig);
    if (!o.signalled_while_writing || slurp(dir / "result.json") != old) continue;  // it finished first
    ++caught;
    CHECK(temporaries(dir).empty());
  }
  CHECK(caught > 0);
  fs::remove_all(dir);
}
