#include "report/output.h"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "diag/diagnostic.h"

namespace fs = std::filesystem;
using lotrinh::diag::InputError;
using lotrinh::report::write_output;

namespace {

// A fresh, empty folder for one test.
fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("lotrinh-report-" + std::to_string(::getpid()) + "-" + name);
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

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  return names;
}

// Runs `f` with file descriptor 1 pointing at `target`, then restores it.
template <class F>
void with_stdout_to(const char* target, F f) {
  std::fflush(stdout);
  int saved = ::dup(1);
  int fd = ::open(target, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  ::dup2(fd, 1);
  ::close(fd);
  try {
    f();
  } catch (...) {
    std::clearerr(stdout);
    ::dup2(saved, 1);
    ::close(saved);
    throw;
  }
  std::fflush(stdout);
  ::dup2(saved, 1);
  ::close(saved);
}

}  // namespace

TEST_CASE("output to a file replaces it whole and leaves no temporary file", "[report]") {
  fs::path dir = scratch("write");
  fs::path out = dir / "kết quả.csv";
  write_output(out.string(), "old,content\n1,2\n");
  write_output(out.string(), "commune,rate\nMường Hoong,0.187\n");
  CHECK(slurp(out) == "commune,rate\nMường Hoong,0.187\n");
  CHECK(entries(dir) == std::vector<std::string>{"kết quả.csv"});
  fs::remove_all(dir);
}

TEST_CASE("output to a missing folder is refused naming the folder", "[report]") {
  fs::path dir = scratch("missing");
  std::string path = (dir / "no-such-folder" / "out.csv").string();
  try {
    write_output(path, "x\n");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          "--out: error: the folder '" + (dir / "no-such-folder").string() + "' does not exist\n"
          "  hint: create the folder first (mkdir -p), or name a file in a folder that exists\n");
  }
  CHECK(entries(dir).empty());
  fs::remove_all(dir);
}

TEST_CASE("output onto a folder is refused and nothing is written", "[report]") {
  fs::path dir = scratch("onto-dir");
  fs::create_directory(dir / "taken");
  std::string path = (dir / "taken").string();
  try {
    write_output(path, "x\n");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          "--out: error: '" + path + "' is a folder, not a file\n"
          "  hint: name a file inside it, e.g. '" + path + "/result.csv'\n");
  }
  CHECK(entries(dir) == std::vector<std::string>{"taken"});
  CHECK(fs::is_empty(dir / "taken"));
  fs::remove_all(dir);
}

TEST_CASE("a dash or an empty path writes to standard output", "[report]") {
  fs::path dir = scratch("stdout");
  fs::path captured = dir / "stdout.txt";
  with_stdout_to(captured.c_str(), [] {
    write_output("-", "Mường Hoong\n");
    write_output("", "Ngọc Linh\n");
  });
  CHECK(slurp(captured) == "Mường Hoong\nNgọc Linh\n");
  fs::remove_all(dir);
}

TEST_CASE("a failed write to standard output is reported with a hint", "[report]") {
  std::string what;
  with_stdout_to("/dev/full", [&] {
    try {
      write_output("-", "x\n");
    } catch (const InputError& e) {
      what = e.what();
    }
  });
  CHECK(what ==
        "lotrinh: error: cannot write to standard output: No space left on device\n"
        "  hint: check the disk or program that standard output goes to, or name a file with --out\n");
}
