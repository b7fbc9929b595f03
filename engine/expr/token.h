#pragma once
// Internal to expr: a lexer for expression text, enough to check names, quotes, '=' and commas
// before muParser sees the text, and to recognise the comparison fast path.
#include <string_view>
#include <vector>

namespace lotrinh::expr {

enum class TokenKind {
  kName,      ///< [A-Za-z_] then [A-Za-z0-9_] or any non-ASCII byte (so 'tỷ_lệ' is one name).
  kNumber,    ///< 12, 1.5, .5, 5., 1e-3 (no sign).
  kOperator,  ///< < <= > >= == != && || = + - * / ^
  kOpen,
  kClose,
  kComma,
  kQuestion,
  kColon,
  kString,  ///< From a quote to the matching quote (or the end of the text).
  kOther,   ///< Any other character (one UTF-8 sequence).
};

/// A token: its kind and its byte range in the text.
struct Token {
  TokenKind kind;
  size_t pos;  ///< Byte offset of the first character.
  size_t len;  ///< Length in bytes.
};

/// Splits `text` into tokens, skipping whitespace (bytes <= ' ', as muParser does). Never fails.
std::vector<Token> tokenize(std::string_view text);

/// The token's text.
inline std::string_view token_text(std::string_view text, const Token& t) { return text.substr(t.pos, t.len); }

}  // namespace lotrinh::expr
