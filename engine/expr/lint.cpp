#include "expr/lint.h"

#include <muParser.h>

#include <set>
#include <vector>

#include "expr/token.h"

namespace lotrinh::expr {
namespace {

struct BuiltinNames {
  std::set<std::string, std::less<>> constants, functions;
};

const BuiltinNames& builtin_names() {
  static const BuiltinNames b = [] {
    BuiltinNames out;
    mu::Parser p;
    for (const auto& [name, callback] : p.GetFunDef()) out.functions.insert(name);
    for (const auto& [name, value] : p.GetConst()) out.constants.insert(name);
    return out;
  }();
  return b;
}

}  // namespace

std::optional<Reserved> reserved_name(std::string_view name) {
  const BuiltinNames& b = builtin_names();
  if (b.constants.find(name) != b.constants.end()) return Reserved::kConstant;
  if (b.functions.find(name) != b.functions.end()) return Reserved::kFunction;
  return std::nullopt;
}

Shape shape_of(std::string_view text) {
  std::vector<Token> tokens = tokenize(text);
  // Outer parentheses around the whole expression do not change its shape.
  size_t begin = 0, end = tokens.size();
  while (end - begin >= 2 && tokens[begin].kind == TokenKind::kOpen && tokens[end - 1].kind == TokenKind::kClose) {
    int depth = 0;
    bool wraps = true;
    for (size_t i = begin; i < end; ++i) {
      if (tokens[i].kind == TokenKind::kOpen) ++depth;
      if (tokens[i].kind == TokenKind::kClose && --depth == 0 && i + 1 < end) wraps = false;
    }
    if (!wraps) break;
    ++begin;
    --end;
  }
  if (end - begin == 1 && tokens[begin].kind == TokenKind::kName) return Shape::kName;
  for (size_t i = begin; i < end; ++i) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::kQuestion) return Shape::kTruth;
    if (t.kind == TokenKind::kOperator) {
      std::string_view op = token_text(text, t);
      if (op == "<" || op == "<=" || op == ">" || op == ">=" || op == "==" || op == "!=" || op == "&&" || op == "||")
        return Shape::kTruth;
    }
  }
  return Shape::kOther;
}

}  // namespace lotrinh::expr
