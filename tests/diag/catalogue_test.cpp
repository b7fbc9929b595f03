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

#include <fmt/args.h>

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
  std::vector<fs::path> files;
  for (const auto& f : fs::directory_iterator(kCatalogue / "vi"))
    if (f.path().extension() == ".inc") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) read_file(f, c);
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

namespace {

/// The placeholders of `text` as (index, spec) pairs: "{1:n}" gives (1, "n").
std::vector<std::pair<int, std::string>> indexed_placeholders(const std::string& text) {
  std::vector<std::pair<int, std::string>> out;
  std::string stray;
  for (const std::string& p : placeholders(text, stray)) {
    size_t colon = p.find(':');
    int index = std::stoi(p.substr(1));
    out.emplace_back(index, colon == std::string::npos ? "" : p.substr(colon + 1, p.size() - colon - 2));
  }
  return out;
}

/// A spec that asks for the reader's number style: "n" or ".<digits>n".
bool local_spec(const std::string& spec) { return std::regex_match(spec, std::regex(R"((\.[0-9]+)?n)")); }
/// fmt's own integer specs the catalogue uses ({1:o} for a file mode, {0:02X} for a byte).
bool integer_spec(const std::string& spec) { return spec == "o" || spec == "02X"; }

}  // namespace

TEST_CASE("every placeholder spec in the catalogue is none, the number style n or .Nn, or an integer spec fmt knows", "[diag]") {
  for (const Catalogue& c : {english(), vietnamese()})
    for (const Entry& e : c.entries)
      for (const auto& [index, spec] : indexed_placeholders(e.text)) {
        INFO(e.id << " at " << e.where << ": {" << index << ":" << spec << "}");
        CHECK((spec.empty() || local_spec(spec) || integer_spec(spec)));
      }
}

TEST_CASE("every catalogue text formats, in both languages, with numbers where its specs ask for one and texts elsewhere", "[diag]") {
  LangGuard guard;
  for (Lang lang : {Lang::kEn, Lang::kVi}) {
    set_lang(lang);
    for (const Catalogue& c : {english(), vietnamese()})
      for (const Entry& e : c.entries) {
        // The kind each index asks for; a text for an index with no spec or the number style's
        // spec (a caller may pass a number it has formatted itself), a number otherwise.
        fmt::dynamic_format_arg_store<fmt::format_context> numbers, texts;
        std::map<int, std::string> spec_of;
        for (const auto& [index, spec] : indexed_placeholders(e.text)) spec_of.emplace(index, spec);
        for (int i = 0; i < 10; ++i) {
          const std::string spec = spec_of.count(i) ? spec_of[i] : "";
          if (integer_spec(spec)) {
            numbers.push_back(NumberArg<int>{200});
            texts.push_back(NumberArg<int>{200});
          } else if (local_spec(spec)) {
            numbers.push_back(NumberArg<double>{14601.5});
            texts.push_back(TextArg{"14.601,5"});
          } else {
            numbers.push_back(TextArg{"x"});
            texts.push_back(TextArg{"x"});
          }
        }
        INFO(e.id << " at " << e.where << ": \"" << e.text << "\"");
        CHECK_NOTHROW(fmt::vformat(e.text, numbers));
        CHECK_NOTHROW(fmt::vformat(e.text, texts));
      }
  }
}

TEST_CASE("a number under {n:n} is in the reader's style and under a plain placeholder stays as it is", "[diag]") {
  LangGuard guard;
  add_messages(Lang::kEn, {{"test.numbers", "{0:n} households in {1} (line {2}), share {3:n}, {4:.2n} billion, {5:n} communes"}});
  add_messages(Lang::kVi, {{"test.numbers", "{0:n} hộ năm {1} (dòng {2}), tỷ lệ {3:n}, {4:.2n} tỷ, {5:n} xã"}});
  CHECK(msg("test.numbers", 14601, 2025, 1234, 0.5, 1408.536, 32.0) ==
        "14,601 households in 2025 (line 1234), share 0.5, 1,408.54 billion, 32 communes");
  set_lang(Lang::kVi);
  CHECK(msg("test.numbers", 14601, 2025, 1234, 0.5, 1408.536, 32.0) == "14.601 hộ năm 2025 (dòng 1234), tỷ lệ 0,5, 1.408,54 tỷ, 32 xã");
  CHECK(msg("test.numbers", std::size_t{1020}, 2030, 7, -0.0, -0.001, 870.0f) == "1.020 hộ năm 2030 (dòng 7), tỷ lệ 0, 0,00 tỷ, 870 xã");
}

TEST_CASE("a text under an n placeholder prints as it is, and a text that does not fit its arguments is shown rather than thrown", "[diag]") {
  LangGuard guard;
  add_messages(Lang::kEn, {{"test.numbers.text", "{0:n} of {1:.1n}"}, {"test.numbers.unfit", "{0} and {3}"}});
  add_messages(Lang::kVi, {{"test.numbers.text", "{0:n} trên {1:.1n}"}, {"test.numbers.unfit", "{0} và {1:x}"}});
  CHECK(msg("test.numbers.text", "many", std::string("all")) == "many of all");
  CHECK(msg("test.numbers.unfit", "a", "b") == "[test.numbers.unfit]");
  set_lang(Lang::kVi);
  CHECK(msg("test.numbers.text", "870", 1020) == "870 trên 1.020");
  CHECK(msg("test.numbers.unfit", "a", "b", "c", "d") == "a and d");
}

TEST_CASE("msg takes every kind of argument it was given before: texts, characters, truth values and numbers of any width", "[diag]") {
  LangGuard guard;
  add_messages(Lang::kEn, {{"test.numbers.kinds", "{0}|{1}|{2}|{3}|{4}|{5}|{6:n}|{7:n}|{8}"}});
  const char* none = nullptr;
  std::string s = "text";
  std::string_view v = "view";
  CHECK(msg("test.numbers.kinds", s, v, "literal", none, 'c', true, static_cast<unsigned char>(200), -1234567LL, 0.1) ==
        "text|view|literal||c|true|200|-1,234,567|0.1");
}
