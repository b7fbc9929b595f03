#include "expr/checks.h"

#include <algorithm>
#include <cctype>

#include "diag/messages.h"
#include "diag/spelling.h"

namespace lotrinh::expr {

std::optional<int> Builtins::arity(std::string_view name) const {
  for (size_t i = 0; i < functions.size(); ++i)
    if (functions[i] == name) return arities[i];
  return std::nullopt;
}

bool Builtins::is_constant(std::string_view name) const {
  return std::find(constants.begin(), constants.end(), name) != constants.end();
}

namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// Walks the tokens once, collecting slots and problems. Each kind of problem about a quote or a
// comma is reported once; each unknown name once, at its first use.
class TokenChecker {
 public:
  TokenChecker(std::string_view text, const std::vector<Token>& tokens, const SymbolTable& symbols,
               const Builtins& builtins)
      : text_(text), tokens_(tokens), symbols_(symbols), builtins_(builtins) {}

  TokenCheck run() {
    // A NUL (a TOML "\u0000" escape) ends the text for muParser, which would read only what
    // comes before it; the tokens skip it as whitespace.
    if (const size_t nul = text_.find('\0'); nul != std::string_view::npos)
      add(nul, diag::msg("expr.nul_char"), diag::msg("expr.nul_char.hint"));
    std::vector<bool> paren_is_call;  // one entry per open '(': does it hold function arguments?
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      const std::string_view s = token_text(text_, t);
      switch (t.kind) {
        case TokenKind::kString:
          if (!string_seen_) add(t.pos, diag::msg("expr.string"), diag::msg("expr.string.hint"));
          string_seen_ = true;
          break;
        case TokenKind::kOperator:
          if (s == "&&" || s == "||") result_.has_logic = true;
          if (s == "=") check_assignment(t);
          break;
        case TokenKind::kOpen:
          // After any name, so `min (a, b)` gets one error (about the space), not one per comma.
          paren_is_call.push_back(i > 0 && tokens_[i - 1].kind == TokenKind::kName);
          break;
        case TokenKind::kClose:
          if (!paren_is_call.empty()) paren_is_call.pop_back();
          break;
        case TokenKind::kComma: {
          const bool stray = paren_is_call.empty() || !paren_is_call.back();
          if (stray && !comma_seen_) add(t.pos, diag::msg("expr.stray_comma"), diag::msg("expr.stray_comma.hint"));
          comma_seen_ = comma_seen_ || stray;
          break;
        }
        case TokenKind::kName:
          check_name(i);
          break;
        default:
          break;
      }
    }
    auto& slots = result_.slots;
    std::sort(slots.begin(), slots.end());
    slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
    return std::move(result_);
  }

 private:
  void add(size_t pos, std::string message, std::string hint) {
    result_.problems.push_back({pos, std::move(message), std::move(hint)});
  }

  // Token i is a name written directly before the next token, an opening parenthesis.
  bool adjacent_name(size_t i) const {
    return tokens_[i].kind == TokenKind::kName && i + 1 < tokens_.size() &&
           tokens_[i + 1].kind == TokenKind::kOpen && tokens_[i + 1].pos == tokens_[i].pos + tokens_[i].len;
  }

  // muParser would store into the variable (`x = 5`); `=>` and `=<` are likely swapped `>=`/`<=`.
  void check_assignment(const Token& t) {
    std::string hint = diag::msg("expr.assignment.hint");
    const size_t next = t.pos + 1;
    if (next < text_.size() && (text_[next] == '<' || text_[next] == '>'))
      hint = diag::msg("expr.assignment.order_hint", std::string(1, text_[next]));
    add(t.pos, diag::msg("expr.assignment"), hint);
  }

  void check_name(size_t i) {
    const Token& t = tokens_[i];
    const std::string name(token_text(text_, t));
    const bool first_use = std::find(reported_.begin(), reported_.end(), name) == reported_.end();
    if (adjacent_name(i)) {
      if (builtins_.arity(name) || !first_use) return;
      reported_.push_back(name);
      std::string hint = diag::did_you_mean(name, builtins_.functions);
      if (hint.empty()) hint = diag::msg("expr.functions.hint", joined(builtins_.functions));
      add(t.pos, diag::msg("expr.unknown_function", name), hint);
      return;
    }
    if (builtins_.is_constant(name)) return;
    auto slot = symbols_.find(name);
    if (slot && is_ascii(name)) {
      result_.slots.push_back(*slot);
      return;
    }
    if (!first_use) return;
    reported_.push_back(name);
    if (slot) {
      add(t.pos, diag::msg("expr.non_ascii_name", name), diag::msg("expr.non_ascii_name.hint"));
    } else if (builtins_.arity(name)) {
      add(t.pos, diag::msg("expr.function_needs_parens", name), diag::msg("expr.function_needs_parens.hint", name));
    } else {
      add(t.pos, diag::msg("expr.unknown_name", name), unknown_name_hint(name));
    }
  }

  std::string unknown_name_hint(const std::string& name) const {
    std::string hint = diag::did_you_mean(name, symbols_.names());
    if (!hint.empty()) return hint;
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == "and" || lower == "or" || lower == "not") return diag::msg("expr.logic_word.hint");
    if (!is_ascii(name)) return diag::msg("expr.non_ascii_name.hint");
    return {};
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const SymbolTable& symbols_;
  const Builtins& builtins_;
  TokenCheck result_;
  std::vector<std::string> reported_;
  bool string_seen_ = false;
  bool comma_seen_ = false;
};

}  // namespace

TokenCheck check_tokens(std::string_view text, const std::vector<Token>& tokens, const SymbolTable& symbols,
                        const Builtins& builtins) {
  return TokenChecker(text, tokens, symbols, builtins).run();
}

}  // namespace lotrinh::expr
