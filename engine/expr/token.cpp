#include "expr/token.h"

#include <algorithm>

namespace lotrinh::expr {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80; }

size_t utf8_sequence_length(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Digits, an optional fraction, and an exponent only when digits follow it (so "1e" is "1" then
// the name "e", as muParser reads it: an error either way).
size_t number_length(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && is_digit(s[j])) ++j;
  if (j < s.size() && s[j] == '.') {
    ++j;
    while (j < s.size() && is_digit(s[j])) ++j;
  }
  if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
    size_t k = j + 1;
    if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
    if (k < s.size() && is_digit(s[k])) {
      while (k < s.size() && is_digit(s[k])) ++k;
      j = k;
    }
  }
  return j - i;
}

size_t operator_length(std::string_view s, size_t i) {
  static constexpr std::string_view kTwo[] = {"<=", ">=", "!=", "==", "&&", "||"};
  for (auto op : kTwo)
    if (s.substr(i, 2) == op) return 2;
  static constexpr std::string_view kOne = "<>=+-*/^";
  return kOne.find(s[i]) != std::string_view::npos ? 1 : 0;
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) <= ' ') {
      ++i;
      continue;
    }
    Token t{TokenKind::kOther, i, 1};
    if (is_name_start(c)) {
      size_t j = i + 1;
      while (j < s.size() && is_name_char(s[j])) ++j;
      t = {TokenKind::kName, i, j - i};
    } else if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
      t = {TokenKind::kNumber, i, number_length(s, i)};
    } else if (c == '"' || c == '\'') {
      size_t end = s.find(c, i + 1);
      t = {TokenKind::kString, i, (end == std::string_view::npos ? s.size() : end + 1) - i};
    } else if (size_t n = operator_length(s, i)) {
      t = {TokenKind::kOperator, i, n};
    } else if (c == '(') {
      t.kind = TokenKind::kOpen;
    } else if (c == ')') {
      t.kind = TokenKind::kClose;
    } else if (c == ',') {
      t.kind = TokenKind::kComma;
    } else if (c == '?') {
      t.kind = TokenKind::kQuestion;
    } else if (c == ':') {
      t.kind = TokenKind::kColon;
    } else {
      t.len = std::min(utf8_sequence_length(static_cast<unsigned char>(c)), s.size() - i);
    }
    out.push_back(t);
    i += t.len;
  }
  return out;
}

}  // namespace lotrinh::expr
