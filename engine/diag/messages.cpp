#include "diag/messages.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace lotrinh::diag {
namespace {

using Table = std::unordered_map<std::string_view, std::string_view>;

Table& english() {
#define M(id, text) {id, text},
  static Table table = {
#include "diag/catalogue/en/diag.inc"
#include "diag/catalogue/en/data.inc"
#include "diag/catalogue/en/config.inc"
#include "diag/catalogue/en/expr.inc"
#include "diag/catalogue/en/rules.inc"
#include "diag/catalogue/en/graph.inc"
#include "diag/catalogue/en/report.inc"
#include "diag/catalogue/en/html.inc"
#include "diag/catalogue/en/cli.inc"
#include "diag/catalogue/en/repro.inc"
#include "diag/catalogue/en/sim.inc"
  };
#undef M
  return table;
}

Table& vietnamese() {
#define M(id, text) {id, text},
  static Table table = {
#include "diag/catalogue/vi/all.inc"
#include "diag/catalogue/vi/sim.inc"
  };
#undef M
  return table;
}

Lang g_lang = Lang::kEn;

}  // namespace

void set_lang(Lang l) { g_lang = l; }
Lang lang() { return g_lang; }

Lang lang_from_string(std::string_view s) {
  std::string lower(s.substr(0, 2));
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower == "vi" ? Lang::kVi : Lang::kEn;
}

std::string_view text(std::string_view id) {
  if (g_lang == Lang::kVi) {
    auto it = vietnamese().find(id);
    if (it != vietnamese().end()) return it->second;
  }
  auto it = english().find(id);
  if (it != english().end()) return it->second;
  static thread_local std::string missing;
  missing = "[" + std::string(id) + "]";
  return missing;
}

bool has_message(std::string_view id) { return english().count(id) > 0; }

namespace detail {

std::string format_message(std::string_view id, fmt::format_args args) {
  std::string_view t = text(id);
  try {
    return fmt::vformat(t, args);
  } catch (const fmt::format_error&) {
  }
  // The text does not fit its arguments (a catalogue bug, caught by tests/diag/catalogue_test.cpp):
  // the English text if it fits, else the id, rather than an exception out of a message.
  auto it = english().find(id);
  if (it != english().end() && it->second != t) {
    try {
      return fmt::vformat(it->second, args);
    } catch (const fmt::format_error&) {
    }
  }
  return "[" + std::string(id) + "]";
}

}  // namespace detail

void add_messages(Lang l, std::initializer_list<std::pair<std::string_view, std::string_view>> entries) {
  Table& table = l == Lang::kVi ? vietnamese() : english();
  for (const auto& [id, text] : entries) table.emplace(id, text);
}

}  // namespace lotrinh::diag
