#include <muParserDef.h>

#include <algorithm>
#include <utility>

#include "diag/messages.h"
#include "expr/checks.h"

// muParser's error texts are English and name internal notions ("unassignable token"); the common
// codes become catalogue messages, located where the user can act on them.
namespace lotrinh::expr {
namespace {

size_t clamp(std::string_view text, int pos) {
  return pos < 0 ? 0 : std::min(static_cast<size_t>(pos), text.size());
}

// The last `c` at or before `pos` (muParser often reports the position after the culprit).
size_t back_to(std::string_view text, char c, int pos) {
  if (text.empty()) return 0;
  size_t k = text.rfind(c, std::min(clamp(text, pos), text.size() - 1));
  return k == std::string_view::npos ? clamp(text, pos) : k;
}

// The innermost '(' (or '?' when `open` is '?') never closed by ')' (or ':').
size_t last_unclosed(std::string_view text, char open, char close) {
  std::vector<size_t> stack;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == open) stack.push_back(i);
    if (text[i] == close && !stack.empty()) stack.pop_back();
  }
  return stack.empty() ? 0 : stack.back();
}

// Just after the last non-blank character.
size_t end_of_text(std::string_view text) {
  size_t n = text.size();
  while (n > 0 && static_cast<unsigned char>(text[n - 1]) <= ' ') --n;
  return n;
}

std::string first_character(std::string_view text, size_t pos) {
  if (pos >= text.size()) return {};
  size_t n = 1;
  while (pos + n < text.size() && (static_cast<unsigned char>(text[pos + n]) & 0xC0) == 0x80) ++n;
  return std::string(text.substr(pos, n));
}

std::string without_final_period(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  return s;
}

// The number-like run of characters at `pos` (digits, '.', exponent letters and signs).
std::string number_at(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size()) {
    const char c = text[end];
    const bool sign = (c == '+' || c == '-') && (text[end - 1] == 'e' || text[end - 1] == 'E');
    if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || sign)) break;
    ++end;
  }
  return std::string(text.substr(pos, end - pos));
}

// Characters that stand for an operator written otherwise (Word's '≤', C's '&').
std::string unexpected_char_hint(std::string_view text, size_t pos) {
  static constexpr std::pair<std::string_view, std::string_view> kOperators[] = {
      {"≤", "<="}, {"≥", ">="}, {"≠", "!="}, {"&", "&&"}, {"|", "||"}};
  const std::string c = first_character(text, pos);
  for (const auto& [written, op] : kOperators)
    if (c == written) return diag::msg("expr.operator_spelling.hint", op, written);
  return diag::msg("expr.unexpected_char.hint");
}

std::string arity_hint(const Builtins& builtins, const std::string& name) {
  auto n = builtins.arity(name);
  if (!n) return {};
  if (*n < 0) return diag::msg("expr.arity_many.hint", name);
  return *n == 1 ? diag::msg("expr.arity_one.hint", name) : diag::msg("expr.arity_n.hint", name, *n);
}

}  // namespace

Problem translate_parser_error(int code, int pos, const std::string& token, const std::string& mu_message,
                               std::string_view text, const Builtins& builtins) {
  using diag::msg;
  const size_t at = clamp(text, pos);
  switch (code) {
    case mu::ecUNEXPECTED_OPERATOR:
      return {at, msg("expr.unexpected_operator", token), msg("expr.unexpected_operator.hint")};
    case mu::ecUNEXPECTED_EOF:
      return {end_of_text(text), msg("expr.unexpected_end"), msg("expr.unexpected_end.hint")};
    case mu::ecUNEXPECTED_ARG_SEP:
      return {back_to(text, ',', pos), msg("expr.unexpected_comma"), msg("expr.unexpected_comma.hint")};
    case mu::ecUNEXPECTED_ARG:
      return {back_to(text, ',', pos), msg("expr.stray_comma"), msg("expr.stray_comma.hint")};
    case mu::ecUNEXPECTED_VAL:
    case mu::ecUNEXPECTED_VAR:
    case mu::ecUNEXPECTED_FUN:
      return {at, msg("expr.missing_operator", token), msg("expr.missing_operator.hint")};
    case mu::ecUNEXPECTED_PARENS:
      return {at, msg("expr.unexpected_paren", token), msg("expr.unexpected_paren.hint")};
    case mu::ecMISSING_PARENS:
      return {last_unclosed(text, '(', ')'), msg("expr.unclosed_paren"), msg("expr.unclosed_paren.hint")};
    case mu::ecTOO_MANY_PARAMS:
    case mu::ecTOO_FEW_PARAMS: {
      size_t name_at = text.rfind(token, at);
      return {name_at == std::string_view::npos ? at : name_at,
              msg(code == mu::ecTOO_MANY_PARAMS ? "expr.too_many_args" : "expr.too_few_args", token),
              arity_hint(builtins, token)};
    }
    case mu::ecUNEXPECTED_CONDITIONAL:
      return {at, msg("expr.unexpected_question"), msg("expr.ternary.hint")};
    case mu::ecMISSING_ELSE_CLAUSE:
      return {last_unclosed(text, '?', ':'), msg("expr.missing_else"), msg("expr.ternary.hint")};
    case mu::ecMISPLACED_COLON:
      return {back_to(text, ':', pos), msg("expr.misplaced_colon"), msg("expr.ternary.hint")};
    case mu::ecUNASSIGNABLE_TOKEN:
      if (at < text.size() && ((text[at] >= '0' && text[at] <= '9') || text[at] == '.'))
        return {at, msg("expr.bad_number", number_at(text, at)), msg("expr.bad_number.hint")};
      return {at, msg("expr.unexpected_char", first_character(text, at)), unexpected_char_hint(text, at)};
    case mu::ecEMPTY_EXPRESSION:
      return {0, msg("expr.empty"), msg("expr.empty.hint")};
    default:
      return {at, msg("expr.malformed", without_final_period(mu_message)), {}};
  }
}

}  // namespace lotrinh::expr
