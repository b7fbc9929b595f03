#include "diag/diagnostic.h"

#include <catch2/catch.hpp>

#include "diag/messages.h"
#include "diag/spelling.h"
#include "diag/text_file.h"

using namespace lotrinh::diag;

TEST_CASE("a diagnostic prints file, line, column, the line and a caret", "[diag]") {
  auto file = SourceFile::from_text("r.toml", "a = 1\nall = [\"povety_rate < 0.5\"]\n");
  Diagnostic d = error_at({file, 2, 9}, "unknown variable 'povety_rate'", "did you mean 'poverty_rate'?");
  CHECK(format(d) ==
        "r.toml:2:9: error: unknown variable 'povety_rate'\n"
        "  all = [\"povety_rate < 0.5\"]\n"
        "          ^\n"
        "  hint: did you mean 'poverty_rate'?\n");
}

TEST_CASE("the caret counts characters, not bytes, after Vietnamese text", "[diag]") {
  auto file = SourceFile::from_text("t.csv", "Mường Hoong,x\n");
  Diagnostic d = error_at({file, 1, 13}, "bad");
  CHECK(format(d) == "t.csv:1:13: error: bad\n  Mường Hoong,x\n              ^\n");
}

TEST_CASE("a diagnostic without a file names its subject", "[diag]") {
  Diagnostic d = error_about("--year", "not a year: 'abc'", "give a year such as 2020");
  CHECK(format(d) == "--year: error: not a year: 'abc'\n  hint: give a year such as 2020\n");
}

TEST_CASE("did you mean finds a close name and ignores far ones", "[diag]") {
  std::vector<std::string> names{"poverty_rate", "population", "households"};
  CHECK(closest_match("povety_rate", names) == std::optional<std::string>("poverty_rate"));
  CHECK_FALSE(closest_match("zzz", names).has_value());
  CHECK(did_you_mean("popluation", names) == "did you mean 'population'?");
}

TEST_CASE("an empty file is refused with a hint", "[diag]") {
  try {
    checked_text("e.toml", " \n");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          "e.toml: error: the file is empty\n"
          "  hint: give a file with content, or check that the right path was named\n");
  }
}

TEST_CASE("a bad byte after long ASCII runs and Vietnamese text is found at its line and character column", "[diag]") {
  // The check reads ASCII eight bytes at a time; the bad byte and a NUL sit inside and just after
  // such runs, on a later line than a line of multi-byte characters.
  const std::string head = "slug,name\nmuong-hoong,M\xC6\xB0\xE1\xBB\x9Dng Hoong,Đăk Glei,12345678\n";
  for (size_t pad : {0, 1, 7, 8, 9, 16}) {
    const std::string lead = std::string(pad, 'x');
    try {
      checked_text("t.csv", head + "ng\xE1\xBB\x8D" "c-linh," + lead + "\xC3(,1\n");
      FAIL("no error");
    } catch (const InputError& e) {
      const std::string first = "t.csv:3:" + std::to_string(11 + pad) + ": error: the file is not valid UTF-8 (byte 0xC3 at this column)\n";
      CHECK(std::string(e.what()).substr(0, first.size()) == first);
    }
    try {
      checked_text("t.csv", head + lead + std::string(1, '\0') + "abcdefghij\n");
      FAIL("no error");
    } catch (const InputError& e) {
      const std::string first = "t.csv:3:" + std::to_string(1 + pad) + ": error: ";
      CHECK(std::string(e.what()).substr(0, first.size()) == first);
    }
  }
}

TEST_CASE("a file that is not UTF-8 is refused at the bad byte", "[diag]") {
  try {
    checked_text("l.toml", "a = 1\n# \xff bad\n");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          "l.toml:2:3: error: the file is not valid UTF-8 (byte 0xFF at this column)\n"
          "  # ? bad\n"
          "    ^\n"
          "  hint: save the file as UTF-8 (in Excel: Save As > CSV UTF-8; in an editor: encoding UTF-8)\n");
  }
}

TEST_CASE("Vietnamese is chosen by a LANG value", "[diag]") {
  CHECK(lang_from_string("vi_VN.UTF-8") == Lang::kVi);
  CHECK(lang_from_string("vi") == Lang::kVi);
  CHECK(lang_from_string("en_US") == Lang::kEn);
  CHECK(lang_from_string("C.UTF-8") == Lang::kEn);
}

TEST_CASE("an id without a Vietnamese text falls back to English, an unknown id shows itself", "[diag]") {
  set_lang(Lang::kVi);
  CHECK(std::string(text("no.such.id")) == "[no.such.id]");
  set_lang(Lang::kEn);
  CHECK(std::string(text("diag.hint")) == "hint");
}

TEST_CASE("a long line is shown as a window around the caret, marked where it is cut", "[diag][lint]") {
  auto file = SourceFile::from_text("r.toml", "x = " + std::string(300, 'a') + "\n");
  Diagnostic d = error_at({file, 1, 200}, "bad");
  CHECK(format(d) == "r.toml:1:200: error: bad\n"
                     "  ..." + std::string(200, 'a') + "...\n"
                     "  " + std::string(103, ' ') + "^\n");
  // Near the start, only the end is cut; Vietnamese text is cut between characters.
  auto vi = SourceFile::from_text("t.csv", "Mường," + std::string(200, 'b') + "\n");
  CHECK(format(error_at({vi, 1, 2}, "bad")) == "t.csv:1:2: error: bad\n"
                                               "  Mường," + std::string(194, 'b') + "...\n"
                                               "   ^\n");
}

TEST_CASE("a huge name inside a message or hint is cut, so an error stays a few lines", "[diag][lint]") {
  std::string name(100000, 'n');
  Diagnostic d = error_about("--set", "no parameter '" + name + "'", "did you mean '" + name + "'?");
  std::string text = format(d);
  CHECK(text == "--set: error: no parameter '" + std::string(986, 'n') + "...\n"
                "  hint: did you mean '" + std::string(986, 'n') + "...\n");
}

namespace {
std::string checked_error(const std::string& text) {
  try {
    checked_text("t.csv", text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("a UTF-16 file is refused with a hint to save it as UTF-8", "[diag][lint]") {
  const std::string hint = "  hint: save the file as UTF-8 (in Excel: Save As > CSV UTF-8; in an editor: encoding UTF-8)\n";
  CHECK(checked_error(std::string("\xFF\xFE" "c\0o\0", 6)) == "t.csv: error: the file is UTF-16 text; lotrinh reads UTF-8\n" + hint);
  CHECK(checked_error(std::string("\xFE\xFF\0c\0o", 6)) == "t.csv: error: the file is UTF-16 text; lotrinh reads UTF-8\n" + hint);
  CHECK(checked_error(std::string("c\0o\0m\0", 6)) == "t.csv: error: the file is UTF-16 text; lotrinh reads UTF-8\n" + hint);
}

TEST_CASE("a NUL byte is refused at its line and column, the echo showing it as ?", "[diag][lint]") {
  CHECK(checked_error(std::string("commune,year\nxa-a,20\0" "20\n", 24)) ==
        "t.csv:2:8: error: a NUL byte (0x00) at this column: text files hold none\n"
        "  xa-a,20?20\n"
        "         ^\n"
        "  hint: remove it; if a program saved the file as binary or UTF-16, save it again as UTF-8 text\n");
}

TEST_CASE("CR-only line ends are line ends, and CRLF is kept", "[diag][lint]") {
  CHECK(checked_text("t.csv", "commune,year\rxa-a,2020\r") == "commune,year\nxa-a,2020\n");
  CHECK(checked_text("t.csv", "commune,year\r\nxa-a,2020\r\n") == "commune,year\r\nxa-a,2020\r\n");
  CHECK(checked_text("t.csv", "a\r\rb") == "a\n\nb");
}

TEST_CASE("a NUL or an escape sequence inside a name is shown as a \\u escape, so the message is printed whole", "[diag]") {
  auto file = SourceFile::from_text("r.toml", std::string("a\x01 = 1\n", 7));
  Diagnostic d = error_at({file, 1, 4}, std::string("name 'pov\0erty' and '\x1b[2J'", 26), std::string("remove \0", 8));
  CHECK(format(d) ==
        "r.toml:1:4: error: name 'pov\\u0000erty' and '\\u001B[2J'\n"
        "  a\xEF\xBF\xBD = 1\n"
        "     ^\n"
        "  hint: remove \\u0000\n");
}
