#include "diag/input_files.h"

#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <utility>

namespace lotrinh::diag {
namespace {

std::mutex& lock() {
  static std::mutex m;
  return m;
}

std::map<std::pair<unsigned long long, unsigned long long>, std::string>& files() {
  static std::map<std::pair<unsigned long long, unsigned long long>, std::string> f;
  return f;
}

}  // namespace

void InputFiles::record(int fd, const std::string& path) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return;
  std::lock_guard<std::mutex> g(lock());
  files().emplace(std::make_pair(static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)),
                  path);
}

void InputFiles::record(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
  std::lock_guard<std::mutex> g(lock());
  files().emplace(std::make_pair(static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)),
                  path);
}

std::optional<std::string> InputFiles::find(unsigned long long dev, unsigned long long ino) {
  std::lock_guard<std::mutex> g(lock());
  auto it = files().find({dev, ino});
  if (it == files().end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> InputFiles::paths() {
  std::vector<std::string> out;
  {
    std::lock_guard<std::mutex> g(lock());
    for (const auto& [id, path] : files()) out.push_back(path);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {
bool g_stdin_read = false;  // guarded by lock()
}  // namespace

void InputFiles::clear() {
  std::lock_guard<std::mutex> g(lock());
  files().clear();
  g_stdin_read = false;
}

bool InputFiles::claim_stdin() {
  std::lock_guard<std::mutex> g(lock());
  if (g_stdin_read) return false;
  g_stdin_read = true;
  return true;
}

}  // namespace lotrinh::diag
