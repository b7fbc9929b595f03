#pragma once
// Internal to expr: the checks made on an expression's tokens before muParser sees it, the
// translation of muParser's errors, and the comparison fast path. No mu:: type appears here.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/compiled_expr.h"
#include "expr/token.h"

namespace lotrinh::expr {

/// muParser's built-in functions (with their argument count, -1 for "one or more") and constants.
struct Builtins {
  std::vector<std::string> functions;
  std::vector<int> arities;
  std::vector<std::string> constants;

  /// The argument count of function `name`, or nullopt when there is no such function.
  std::optional<int> arity(std::string_view name) const;
  bool is_constant(std::string_view name) const;
};

/// A problem in an expression at a byte offset into its text; compile() locates it in the file.
struct Problem {
  size_t pos = 0;
  std::string message;
  std::string hint;
};

/// What the token checks found: the slots read and whether `&&` or `||` occur.
struct TokenCheck {
  std::vector<int> slots;  ///< Ascending, without duplicates.
  bool has_logic = false;
  std::vector<Problem> problems;
};

/// Rejects string literals, a lone `=`, unknown names and functions, a function name without
/// its parentheses, and a comma outside a function's argument list.
TokenCheck check_tokens(std::string_view text, const std::vector<Token>& tokens, const SymbolTable& symbols,
                        const Builtins& builtins);

/// The catalogue message for a muParser error (its code, 0-based position and token).
Problem translate_parser_error(int code, int pos, const std::string& token, const std::string& mu_message,
                               std::string_view text, const Builtins& builtins);

/// The comparison fast path, when the tokens are NAME OP NAME, NAME OP NUMBER or NUMBER OP NAME
/// (one pair of outer parentheses allowed), normalised so the constant is on the right.
std::optional<Comparison> find_comparison(std::string_view text, const std::vector<Token>& tokens,
                                          const SymbolTable& symbols, const Builtins& builtins);

}  // namespace lotrinh::expr
