#include <charconv>
#include <cmath>
#include <limits>

#include "expr/checks.h"

namespace lotrinh::expr {

double compare(CompareOp op, double lhs, double rhs) {
  if (std::isnan(lhs) || std::isnan(rhs)) return std::numeric_limits<double>::quiet_NaN();
  bool r = false;
  switch (op) {
    case CompareOp::kLt: r = lhs < rhs; break;
    case CompareOp::kLe: r = lhs <= rhs; break;
    case CompareOp::kGt: r = lhs > rhs; break;
    case CompareOp::kGe: r = lhs >= rhs; break;
    case CompareOp::kEq: r = lhs == rhs; break;
    case CompareOp::kNe: r = lhs != rhs; break;
  }
  return r ? 1.0 : 0.0;
}

namespace {

struct Operand {
  int slot = -1;  ///< -1: the constant `value`.
  double value = 0;
};

std::optional<CompareOp> op_from(std::string_view s) {
  if (s == "<") return CompareOp::kLt;
  if (s == "<=") return CompareOp::kLe;
  if (s == ">") return CompareOp::kGt;
  if (s == ">=") return CompareOp::kGe;
  if (s == "==") return CompareOp::kEq;
  if (s == "!=") return CompareOp::kNe;
  return std::nullopt;
}

// `a OP b` is `b OP' a`.
CompareOp mirrored(CompareOp op) {
  switch (op) {
    case CompareOp::kLt: return CompareOp::kGt;
    case CompareOp::kLe: return CompareOp::kGe;
    case CompareOp::kGt: return CompareOp::kLt;
    case CompareOp::kGe: return CompareOp::kLe;
    default: return op;
  }
}

// Reads a name with a slot, or a number with an optional sign, at tokens[i] (advancing i).
// from_chars rounds correctly, as muParser's stream extraction does, so the constant is the
// very double muParser compares with.
std::optional<Operand> read_operand(std::string_view text, const std::vector<Token>& tokens, size_t& i, size_t end,
                                    const SymbolTable& symbols, const Builtins& builtins) {
  if (i >= end) return std::nullopt;
  if (tokens[i].kind == TokenKind::kName) {
    std::string name(token_text(text, tokens[i]));
    auto slot = builtins.is_constant(name) ? std::nullopt : symbols.find(name);
    if (!slot) return std::nullopt;
    ++i;
    return Operand{*slot, 0};
  }
  double sign = 1;
  if (tokens[i].kind == TokenKind::kOperator && (token_text(text, tokens[i]) == "-" || token_text(text, tokens[i]) == "+")) {
    sign = token_text(text, tokens[i]) == "-" ? -1 : 1;
    if (++i >= end) return std::nullopt;
  }
  if (tokens[i].kind != TokenKind::kNumber) return std::nullopt;
  std::string_view s = token_text(text, tokens[i]);
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  ++i;
  return Operand{-1, sign * v};
}

}  // namespace

std::optional<Comparison> find_comparison(std::string_view text, const std::vector<Token>& tokens,
                                          const SymbolTable& symbols, const Builtins& builtins) {
  size_t i = 0, end = tokens.size();
  if (end >= 2 && tokens[0].kind == TokenKind::kOpen && tokens[end - 1].kind == TokenKind::kClose) {
    ++i;
    --end;
  }
  auto lhs = read_operand(text, tokens, i, end, symbols, builtins);
  if (!lhs || i >= end || tokens[i].kind != TokenKind::kOperator) return std::nullopt;
  auto op = op_from(token_text(text, tokens[i++]));
  if (!op) return std::nullopt;
  auto rhs = read_operand(text, tokens, i, end, symbols, builtins);
  if (!rhs || i != end || (lhs->slot < 0 && rhs->slot < 0)) return std::nullopt;
  if (lhs->slot < 0) {
    std::swap(lhs, rhs);
    op = mirrored(*op);
  }
  return Comparison{lhs->slot, *op, rhs->slot, rhs->slot < 0 ? rhs->value : 0};
}

}  // namespace lotrinh::expr
