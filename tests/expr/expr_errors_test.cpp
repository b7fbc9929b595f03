#include <catch2/catch.hpp>

#include "diag/messages.h"
#include "expr/compiled_expr.h"

using namespace lotrinh;
using namespace lotrinh::expr;

namespace {

SymbolTable symbols() {
  SymbolTable s;
  for (const char* name : {"poverty_rate", "population", "households", "new_rural", "x"}) s.add(name);
  return s;
}

// What the CLI would print for the TOML line `all = ["<text>"]`, the expression at column 9.
std::string error_text(const std::string& text) {
  auto file = diag::SourceFile::from_text("r.toml", "all = [\"" + text + "\"]\n");
  std::vector<diag::Diagnostic> out;
  auto c = CompiledExpr::compile(text, symbols(), {file, 1, 9}, true, out);
  CHECK_FALSE(c);
  return diag::format(out);
}

}  // namespace

TEST_CASE("an unknown name is reported at its column with a did-you-mean hint", "[expr]") {
  CHECK(error_text("povety_rate < 0.5") ==
        "r.toml:1:9: error: unknown name 'povety_rate'\n"
        "  all = [\"povety_rate < 0.5\"]\n"
        "          ^\n"
        "  hint: did you mean 'poverty_rate'?\n");
}

TEST_CASE("each unknown name is reported once, at its first use", "[expr]") {
  CHECK(error_text("zz > 1 && popluation > 2 && zz < 3") ==
        "r.toml:1:9: error: unknown name 'zz'\n"
        "  all = [\"zz > 1 && popluation > 2 && zz < 3\"]\n"
        "          ^\n"
        "r.toml:1:19: error: unknown name 'popluation'\n"
        "  all = [\"zz > 1 && popluation > 2 && zz < 3\"]\n"
        "                    ^\n"
        "  hint: did you mean 'population'?\n");
}

TEST_CASE("the words and or not get a hint about the logical operators", "[expr]") {
  CHECK(error_text("x > 1 and x < 2") ==
        "r.toml:1:15: error: unknown name 'and'\n"
        "  all = [\"x > 1 and x < 2\"]\n"
        "                ^\n"
        "  hint: write '&&' for and, '||' for or, and 'x == 0' for not x\n");
}

TEST_CASE("a name with accents is reported whole with a hint about the allowed letters", "[expr]") {
  CHECK(error_text("tỷ_lệ < 1") ==
        "r.toml:1:9: error: unknown name 'tỷ_lệ'\n"
        "  all = [\"tỷ_lệ < 1\"]\n"
        "          ^\n"
        "  hint: names in expressions use only the letters a-z and A-Z without accents, digits and '_'\n");
  SymbolTable s;
  s.add("tỷ_lệ");
  std::vector<diag::Diagnostic> out;
  CHECK_FALSE(CompiledExpr::compile("tỷ_lệ < 1", s, {}, true, out));
  CHECK(diag::format(out) ==
        "lotrinh: error: 'tỷ_lệ' cannot be read in an expression\n"
        "  hint: names in expressions use only the letters a-z and A-Z without accents, digits and '_'\n");
}

TEST_CASE("a lone equals sign is refused at its column because muParser would assign", "[expr]") {
  CHECK(error_text("x = 5") ==
        "r.toml:1:11: error: '=' assigns a value; an expression here must compare\n"
        "  all = [\"x = 5\"]\n"
        "            ^\n"
        "  hint: write '==' to test equality\n");
  CHECK(error_text("x += 1") ==
        "r.toml:1:12: error: '=' assigns a value; an expression here must compare\n"
        "  all = [\"x += 1\"]\n"
        "             ^\n"
        "  hint: write '==' to test equality\n");
  CHECK(error_text("x => 1") ==
        "r.toml:1:11: error: '=' assigns a value; an expression here must compare\n"
        "  all = [\"x => 1\"]\n"
        "            ^\n"
        "  hint: write '>=' (the '=' comes second)\n");
}

TEST_CASE("double equals and the two-character comparisons are not assignments", "[expr]") {
  std::vector<diag::Diagnostic> out;
  for (const char* text : {"x == 1", "x <= 1", "x >= 1", "x != 1"}) CHECK(CompiledExpr::compile(text, symbols(), {}, true, out));
  CHECK(out.empty());
  CHECK(error_text("x === 1").find("'=' assigns a value") != std::string::npos);
}

TEST_CASE("a string literal is refused at its quote", "[expr]") {
  CHECK(error_text("new_rural == 'yes' || ab == 'c'") ==
        "r.toml:1:22: error: text values cannot be compared; classes and flags are numbers\n"
        "  all = [\"new_rural == 'yes' || ab == 'c'\"]\n"
        "                       ^\n"
        "  hint: write new_rural == 1 rather than a string\n"
        "r.toml:1:31: error: unknown name 'ab'\n"
        "  all = [\"new_rural == 'yes' || ab == 'c'\"]\n"
        "                                ^\n");
}

TEST_CASE("an empty expression is refused", "[expr]") {
  CHECK(error_text("  ") ==
        "r.toml:1:9: error: the expression is empty\n"
        "  all = [\"  \"]\n"
        "          ^\n"
        "  hint: write an expression, e.g. poverty_rate < 0.1\n");
}

TEST_CASE("a decimal comma is refused since muParser would return the last value", "[expr]") {
  CHECK(error_text("x < 0,5") ==
        "r.toml:1:14: error: ',' can only separate the arguments of a function; an expression gives one value\n"
        "  all = [\"x < 0,5\"]\n"
        "               ^\n"
        "  hint: write decimals with a point (0.5, not 0,5) and join conditions with && or ||\n");
  CHECK(error_text("(x < 1), 5").find("r.toml:1:16: error: ',' can only") == 0);
  CHECK(error_text("x < (0,5)").find("r.toml:1:15: error: ',' can only") == 0);
}

TEST_CASE("an unknown function is reported with a suggestion or the list of functions", "[expr]") {
  CHECK(error_text("mx(x, 1) > 2") ==
        "r.toml:1:9: error: unknown function 'mx'\n"
        "  all = [\"mx(x, 1) > 2\"]\n"
        "          ^\n"
        "  hint: did you mean 'max'?\n");
  CHECK(error_text("round(x)") ==
        "r.toml:1:9: error: unknown function 'round'\n"
        "  all = [\"round(x)\"]\n"
        "          ^\n"
        "  hint: the functions are abs, acos, acosh, asin, asinh, atan, atan2, atanh, avg, cos, cosh, exp, ln, "
        "log, log10, log2, max, min, rint, sign, sin, sinh, sqrt, sum, tan, tanh\n");
}

TEST_CASE("a function name apart from its parenthesis is refused once", "[expr]") {
  CHECK(error_text("min (x, 1)") ==
        "r.toml:1:9: error: 'min' is a function: its arguments must follow it in parentheses\n"
        "  all = [\"min (x, 1)\"]\n"
        "          ^\n"
        "  hint: write min(...) with no space before '('\n");
}

TEST_CASE("a wrong number of function arguments is reported at the function", "[expr]") {
  CHECK(error_text("x + sin(1, 2)") ==
        "r.toml:1:13: error: too many arguments for 'sin'\n"
        "  all = [\"x + sin(1, 2)\"]\n"
        "              ^\n"
        "  hint: 'sin' takes one argument\n");
  CHECK(error_text("atan2(1)") ==
        "r.toml:1:9: error: too few arguments for 'atan2'\n"
        "  all = [\"atan2(1)\"]\n"
        "          ^\n"
        "  hint: 'atan2' takes 2 arguments\n");
  CHECK(error_text("min()") ==
        "r.toml:1:9: error: too few arguments for 'min'\n"
        "  all = [\"min()\"]\n"
        "          ^\n"
        "  hint: 'min' takes one or more arguments, separated by ','\n");
}

TEST_CASE("muParser syntax errors become catalogue messages at their column", "[expr]") {
  CHECK(error_text("x < < 1") ==
        "r.toml:1:13: error: unexpected operator '<'\n"
        "  all = [\"x < < 1\"]\n"
        "              ^\n"
        "  hint: an operator needs a value on each side\n");
  CHECK(error_text("x < ") ==
        "r.toml:1:12: error: the expression ends too early\n"
        "  all = [\"x < \"]\n"
        "             ^\n"
        "  hint: complete the expression after its last operator\n");
  CHECK(error_text("2x") ==
        "r.toml:1:10: error: expected an operator before 'x'\n"
        "  all = [\"2x\"]\n"
        "           ^\n"
        "  hint: put an operator between two values, e.g. a * b or a && b\n");
  CHECK(error_text("x < 1)") ==
        "r.toml:1:14: error: unexpected ')'\n"
        "  all = [\"x < 1)\"]\n"
        "               ^\n"
        "  hint: check that each '(' has a matching ')' with a value inside\n");
  CHECK(error_text("(x < 1 && (x > 0)") ==
        "r.toml:1:9: error: '(' is never closed\n"
        "  all = [\"(x < 1 && (x > 0)\"]\n"
        "          ^\n"
        "  hint: add the missing ')'\n");
  CHECK(error_text("min(, 1)") ==
        "r.toml:1:13: error: unexpected ','\n"
        "  all = [\"min(, 1)\"]\n"
        "              ^\n"
        "  hint: a comma separates two arguments of a function: write a value on each side\n");
  CHECK(error_text("x < 1e999") ==
        "r.toml:1:13: error: cannot read the number '1e999'\n"
        "  all = [\"x < 1e999\"]\n"
        "              ^\n"
        "  hint: write numbers like 12, 0.5 or 1.5e3 (at most about 1.8e308)\n");
}

TEST_CASE("conditional operator mistakes are reported at the lone question mark or colon", "[expr]") {
  CHECK(error_text("? 1 : 2") ==
        "r.toml:1:9: error: '?' needs a condition before it\n"
        "  all = [\"? 1 : 2\"]\n"
        "          ^\n"
        "  hint: write condition ? value_if_true : value_if_false\n");
  CHECK(error_text("x ? 1 : 2 ? 3") ==
        "r.toml:1:19: error: '?' has no ':' part\n"
        "  all = [\"x ? 1 : 2 ? 3\"]\n"
        "                    ^\n"
        "  hint: write condition ? value_if_true : value_if_false\n");
  CHECK(error_text("x ? (1 : 2)") ==
        "r.toml:1:16: error: ':' has no '?' before it\n"
        "  all = [\"x ? (1 : 2)\"]\n"
        "                 ^\n"
        "  hint: write condition ? value_if_true : value_if_false\n");
}

TEST_CASE("an unexpected character is reported with the operator it may stand for", "[expr]") {
  CHECK(error_text("x ≤ 1") ==
        "r.toml:1:11: error: unexpected character '≤'\n"
        "  all = [\"x ≤ 1\"]\n"
        "            ^\n"
        "  hint: write '<=' for '≤'\n");
  CHECK(error_text("x > 0 & x < 1") ==
        "r.toml:1:15: error: unexpected character '&'\n"
        "  all = [\"x > 0 & x < 1\"]\n"
        "                ^\n"
        "  hint: write '&&' for '&'\n");
  CHECK(error_text("x < 1;") ==
        "r.toml:1:14: error: unexpected character ';'\n"
        "  all = [\"x < 1;\"]\n"
        "               ^\n"
        "  hint: the operators are + - * / ^ < <= > >= == != && || and ? :\n");
}

TEST_CASE("an error in an expression that is not the file text verbatim gives its offset", "[expr]") {
  auto file = diag::SourceFile::from_text("r.toml", "when = \"x \\u003d 5\"\n");
  std::vector<diag::Diagnostic> out;
  CHECK_FALSE(CompiledExpr::compile("x = 5", symbols(), {file, 1, 8}, false, out));
  CHECK(diag::format(out) ==
        "r.toml:1:8: error: '=' assigns a value; an expression here must compare (at offset 2 in the expression)\n"
        "  when = \"x \\u003d 5\"\n"
        "         ^\n"
        "  hint: write '==' to test equality\n");
}

TEST_CASE("every message the expr module uses is in the catalogue", "[expr]") {
  for (const char* id : {"expr.malformed", "expr.at_offset", "expr.unexpected_char.hint", "expr.arity_one.hint"})
    CHECK(diag::has_message(id));
}

TEST_CASE("a muParser error without a catalogue message is passed on as malformed", "[expr]") {
  SymbolTable s;
  const std::string name(300, 'a');
  s.add(name);
  std::vector<diag::Diagnostic> out;
  CHECK_FALSE(CompiledExpr::compile(name + " < 1", s, {}, true, out));
  CHECK(diag::format(out) == "lotrinh: error: malformed expression: Identifier too long\n");
}

TEST_CASE("a NUL character (a TOML \\u0000 escape) is refused since muParser would stop reading there", "[expr]") {
  // Found by the expr fuzz target (tests/fuzz/regressions/expr): muParser read "x" alone, and
  // the checking text then failed to parse, an internal error.
  auto file = diag::SourceFile::from_text("r.toml", "when = \"x\\u0000 > 0\"\n");
  std::vector<diag::Diagnostic> out;
  auto c = CompiledExpr::compile(std::string("x\0 > 0", 6), symbols(), {file, 1, 9}, false, out);
  CHECK_FALSE(c);
  CHECK(diag::format(out) ==
        "r.toml:1:9: error: the expression holds a NUL character (\\u0000), which would end it there "
        "(at offset 1 in the expression)\n"
        "  when = \"x\\u0000 > 0\"\n"
        "          ^\n"
        "  hint: remove the \\u0000 escape from the expression\n");
}
