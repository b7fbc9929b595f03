#include "diag/words.h"

#include "diag/messages.h"

namespace lotrinh::diag {
namespace {
bool g_codes = false;
}  // namespace

void set_codes(bool c) { g_codes = c; }
bool codes() { return g_codes; }
bool words() { return !g_codes && lang() == Lang::kVi; }

std::string word(std::string_view kind, std::string_view code) {
  if (!words()) return std::string(code);
  std::string id = "word." + std::string(kind) + "." + std::string(code);
  if (!has_message(id)) return std::string(code);
  return std::string(text(id));
}

std::string term(std::string_view kind, std::string_view code) {
  if (codes()) return std::string(code);
  std::string id = "term." + std::string(kind) + "." + std::string(code);
  if (!has_message(id)) return std::string(code);
  return std::string(text(id));
}

std::string pick(const std::string& vi, const std::string& en, const std::string& fallback) {
  if (words() && !vi.empty()) return vi;
  if (!en.empty()) return en;
  if (!vi.empty()) return vi;
  return fallback;
}

std::string named(const std::string& vi, const std::string& en, const std::string& code) {
  if (g_codes) return code;
  const bool in_vi = lang() == Lang::kVi;
  const std::string& first = in_vi ? vi : en;
  const std::string& second = in_vi ? en : vi;
  if (!first.empty()) return first;
  if (!second.empty()) return second;
  return code;
}

}  // namespace lotrinh::diag
