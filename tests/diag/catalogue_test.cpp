// The message catalogue as text: every English id has a Vietnamese text with the same placeholders.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "diag/messages.h"

namespace fs = std::filesystem;
using namespace lotrinh::diag;

namespace {

const fs::path kCatalogue = fs::path(LOTRINH_SOURCE_HOME) / "engine" / "diag" / "catalogue";
const fs::path kTools = fs::path(LOTRINH_SOURCE_HOME) / "tools";

/// The catalogue files of the programs under tools/ (tools/<program>/catalogue/<lang>.inc).
std::vector<fs::path> tool_catalogues(const std::string& lang) {
  std::vector<fs::path> out;
  for (const auto& t : fs::directory_iterator(kTools))
    if (fs::exists(t.path() / "catalogue" / (lang + ".inc"))) out.push_back(t.path() / "catalogue" / (lang + ".inc"));
  std::sort(out.begin(), out.end());
  return out;
}

/// One M("id", "text") line of a catalogue file.
struct Entry {
  std::string id;
  std::string text;
  std::string where;  // file:line
};

/// Everything read from the catalogue files of one language.
struct Catalogue {
  std::vector<Entry> entries;
  std::vector<std::string> malformed;  // file:line of lines starting with M( that do not parse
};

/// Reads a C string literal starting at s[i] == '"'; leaves i after the closing quote.
bool read_literal(const std::string& s, size_t& i, std::string& out) {
  if (i >= s.size() || s[i] != '"') return false;
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') {
      if (++i >= s.size()) return false;
      out += s[i];
    } else if (s[i] == '"') {
      ++i;
      return true;
    } else {
      out += s[i];
    }
  }
  return false;
}

/// Parses `M("id", "text")`, the whole line.
bool parse_line(const std::string& line, Entry& e) {
  size_t i = 2;
  if (line.rfind("M(", 0) != 0 || !read_literal(line, i, e.id)) return false;
  if (line.compare(i, 2, ", ") != 0) return false;
  i += 2;
  if (!read_literal(line, i, e.text)) return false;
  return line.substr(i) == ")";
}

void read_file(const fs::path& path, Catalogue& c) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.rfind("M(", 0) != 0) continue;
    Entry e;
    e.where = fs::relative(path, LOTRINH_SOURCE_HOME).string() + ":" + std::to_string(n);
    if (parse_line(line, e)) c.entries.push_back(e);
    else c.malformed.push_back(e.where);
  }
}

Catalogue english() {
  Catalogue c;
  std::vector<fs::path> files;
  for (const auto& f : fs::directory_iterator(kCatalogue / "en"))
    if (f.path().extension() == ".inc") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : tool_catalogues("en")) files.push_back(f);
  REQUIRE(files.size() >= 10);
  for (const auto& f : files) read_file(f, c);
  return c;
}

Catalogue vietnamese() {
  Catalogue c;
  read_file(kCatalogue / "vi" / "all.inc", c);
  for (const auto& f : tool_catalogues("vi")) read_file(f, c);
  return c;
}

/// The placeholders of a fmt text ({0}, {1:02X}); `stray` gets any brace that is neither a
/// placeholder nor an escaped {{ or }}.
std::multiset<std::string> placeholders(const std::string& text, std::string& stray) {
  static const std::regex kPlaceholder(R"(\{[0-9]+(:[^}]*)?\})");
  std::multiset<std::string> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
      ++i;
    } else if (text[i] == '{') {
      std::smatch m;
      std::string rest = text.substr(i);
      if (std::regex_search(rest, m, kPlaceholder, std::regex_constants::match_continuous)) {
        out.insert(m.str());
        i += m.length() - 1;
      } else {
        stray += text.substr(i, 8) + " ";
      }
    } else if (text[i] == '}') {
      stray += text.substr(std::max<size_t>(i, 4) - 4, 8) + " ";
    }
  }
  return out;
}

std::set<std::string> as_set(const std::multiset<std::string>& m) { return {m.begin(), m.end()}; }

/// Restores English when a test that switched to Vietnamese ends, even on failure.
struct LangGuard {
  ~LangGuard() { set_lang(Lang::kEn); }
};

}  // namespace

TEST_CASE("every line of the catalogue files parses as M with an id and a text", "[diag]") {
  Catalogue en = english();
  Catalogue vi = vietnamese();
  CHECK(en.malformed.empty());
  CHECK(vi.malformed.empty());
  CHECK(en.entries.size() > 600);
  CHECK(vi.entries.size() > 600);
}

TEST_CASE("no message id appears twice in the English or the Vietnamese catalogue", "[diag]") {
  for (const Catalogue& c : {english(), vietnamese()}) {
    std::map<std::string, std::string> seen;
    for (const Entry& e : c.entries) {
      auto [it, fresh] = seen.emplace(e.id, e.where);
      INFO(e.id << " at " << e.where << ", first at " << it->second);
      CHECK(fresh);
    }
  }
}

TEST_CASE("every English message has a Vietnamese text and every Vietnamese id is English", "[diag]") {
  std::set<std::string> en_ids, vi_ids;
  for (const Entry& e : english().entries) en_ids.insert(e.id);
  for (const Entry& e : vietnamese().entries) vi_ids.insert(e.id);
  std::vector<std::string> untranslated, unknown;
  std::set_difference(en_ids.begin(), en_ids.end(), vi_ids.begin(), vi_ids.end(), std::back_inserter(untranslated));
  std::set_difference(vi_ids.begin(), vi_ids.end(), en_ids.begin(), en_ids.end(), std::back_inserter(unknown));
  for (const auto& id : untranslated) FAIL_CHECK("no Vietnamese text for " << id);
  for (const auto& id : unknown) FAIL_CHECK("Vietnamese text for an id English does not have: " << id);
  CHECK(has_message("diag.hint"));
}

TEST_CASE("a Vietnamese text has the same placeholders as its English text and no stray brace", "[diag]") {
  std::map<std::string, Entry> en;
  for (const Entry& e : english().entries) {
    std::string stray;
    placeholders(e.text, stray);
    INFO("English " << e.id << " at " << e.where);
    CHECK(stray.empty());
    en.emplace(e.id, e);
  }
  for (const Entry& v : vietnamese().entries) {
    auto it = en.find(v.id);
    if (it == en.end()) continue;
    std::string stray;
    std::set<std::string> vi_set = as_set(placeholders(v.text, stray));
    std::string en_stray;
    std::set<std::string> en_set = as_set(placeholders(it->second.text, en_stray));
    INFO(v.id << " at " << v.where << ": \"" << v.text << "\" vs \"" << it->second.text << "\"");
    CHECK(vi_set == en_set);
    CHECK(stray.empty());
  }
}

TEST_CASE("the placeholder check tells escaped braces from placeholders", "[diag]") {
  std::string stray;
  CHECK(as_set(placeholders("write {{ from = {0} }} or {1:02X}", stray)) == std::set<std::string>{"{0}", "{1:02X}"});
  CHECK(stray.empty());
  placeholders("a { b", stray);
  CHECK_FALSE(stray.empty());
}

TEST_CASE("with Vietnamese chosen a message comes out in Vietnamese", "[diag]") {
  LangGuard guard;
  set_lang(Lang::kVi);
  CHECK(msg("diag.hint") == "gợi ý");
  CHECK(msg("io.cannot_read", "xa.csv") == "không đọc được tệp: xa.csv");
  CHECK(msg("io.not_utf8", 0xC3) == "tệp không phải là UTF-8 hợp lệ (byte 0xC3 tại cột này)");
  set_lang(Lang::kEn);
  CHECK(msg("diag.hint") == "hint");
}
