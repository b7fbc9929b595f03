#include "expr/compiled_expr.h"

#include <muParser.h>

#include <cmath>
#include <limits>

#include "diag/messages.h"
#include "expr/checks.h"
#include "expr/token.h"

namespace lotrinh::expr {

struct CompiledExpr::Impl {
  std::string text;
  std::vector<int> slots;
  std::vector<std::string> names;  ///< names[k] is the name of slots[k].
  std::optional<Comparison> comparison;
  bool has_logic = false;
};

struct Evaluator::State {
  std::vector<int> slots;
  std::vector<double> buffer;  ///< buffer[k] is the value of slots[k]; muParser reads it by address.
  mu::Parser parser;           ///< Declared after `buffer`, so it is destroyed first.
};

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const Builtins& builtins() {
  static const Builtins b = [] {
    Builtins out;
    mu::Parser p;
    for (const auto& [name, callback] : p.GetFunDef()) {
      out.functions.push_back(name);
      out.arities.push_back(callback.GetArgc());
    }
    for (const auto& [name, value] : p.GetConst()) out.constants.push_back(name);
    return out;
  }();
  return b;
}

bool is_blank(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) > ' ') return false;
  return true;
}

// A byte offset into the expression becomes a place in the file: the exact column when the
// expression's text is the file's text from `loc` on, else `loc` with the offset in the message.
diag::Diagnostic locate(const Problem& p, std::string_view text, const diag::SourceLoc& loc, bool exact_loc) {
  const int offset = diag::utf8_length(text.substr(0, std::min(p.pos, text.size())));
  diag::Diagnostic d = diag::error_at(loc, p.message, p.hint);
  if (exact_loc) {
    d.where = loc.shifted(offset);
  } else {
    d.message = diag::msg("expr.at_offset", p.message, offset);
  }
  return d;
}

// The first comma outside any parentheses (a backstop: check_tokens reports such commas).
size_t first_top_level_comma(std::string_view text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')') --depth;
    if (text[i] == ',' && depth <= 0) return i;
  }
  return 0;
}

}  // namespace

std::optional<CompiledExpr> CompiledExpr::compile(const std::string& text, const SymbolTable& symbols,
                                                  const diag::SourceLoc& loc, bool exact_loc,
                                                  std::vector<diag::Diagnostic>& out) {
  auto fail = [&](const Problem& p) {
    out.push_back(locate(p, text, loc, exact_loc));
    return std::nullopt;
  };
  if (is_blank(text)) return fail({0, diag::msg("expr.empty"), diag::msg("expr.empty.hint")});
  const std::vector<Token> tokens = tokenize(text);
  TokenCheck check = check_tokens(text, tokens, symbols, builtins());
  if (!check.problems.empty()) {
    for (const auto& p : check.problems) out.push_back(locate(p, text, loc, exact_loc));
    return std::nullopt;
  }

  auto impl = std::make_unique<Impl>();
  impl->text = text;
  impl->slots = std::move(check.slots);
  impl->has_logic = check.has_logic;
  for (int s : impl->slots) impl->names.push_back(symbols.names()[s]);
  try {
    // muParser parses here: every syntax error surfaces now, not in a run. The trial parser is
    // dropped: each thread's Evaluator parses its own.
    auto trial = Evaluator::bind(*impl);
    if (trial->parser.GetNumResults() != 1)
      return fail({first_top_level_comma(text), diag::msg("expr.stray_comma"), diag::msg("expr.stray_comma.hint")});
  } catch (const mu::Parser::exception_type& e) {
    return fail(translate_parser_error(e.GetCode(), e.GetPos(), e.GetToken(), e.GetMsg(), text, builtins()));
  }
  impl->comparison = find_comparison(text, tokens, symbols, builtins());
  return CompiledExpr(std::move(impl));
}

CompiledExpr::CompiledExpr(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompiledExpr::CompiledExpr(CompiledExpr&&) noexcept = default;
CompiledExpr& CompiledExpr::operator=(CompiledExpr&&) noexcept = default;
CompiledExpr::~CompiledExpr() = default;

const std::string& CompiledExpr::text() const { return impl_->text; }
const std::vector<int>& CompiledExpr::slots() const { return impl_->slots; }
const std::optional<Comparison>& CompiledExpr::comparison() const { return impl_->comparison; }

std::unique_ptr<Evaluator::State> Evaluator::bind(const CompiledExpr::Impl& e) {
  auto st = std::make_unique<State>();
  st->slots = e.slots;
  st->buffer.assign(e.slots.size(), 1.0);
  // Constant folding evaluates `0.5 || 0` as 0 (it truncates operands to int), unlike the run
  // time code (non-zero is true); without `&&`/`||` folding is correct and kept for speed.
  st->parser.EnableOptimizer(!e.has_logic);
  for (size_t k = 0; k < e.slots.size(); ++k) st->parser.DefineVar(e.names[k], &st->buffer[k]);
  st->parser.SetExpr(e.text);
  st->parser.Eval();  // parses now, so that no later Eval allocates
  return st;
}

Evaluator::Evaluator(const CompiledExpr& expr) : state_(bind(*expr.impl_)) {}
const std::vector<int>& Evaluator::slots() const { return state_->slots; }
Evaluator::Evaluator(Evaluator&&) noexcept = default;
Evaluator& Evaluator::operator=(Evaluator&&) noexcept = default;
Evaluator::~Evaluator() = default;

double Evaluator::eval(const double* values) {
  const std::vector<int>& slots = state_->slots;
  double* buffer = state_->buffer.data();
  const size_t n = slots.size();
  for (size_t k = 0; k < n; ++k) {
    const double v = values[slots[k]];
    if (std::isnan(v)) return kNaN;  // muParser would take NaN as true in &&, || and ?:
    buffer[k] = v;
  }
  return state_->parser.Eval();
}

void Evaluator::eval_columns(const double* const* columns, size_t n, double* out) {
  const std::vector<int>& slots = state_->slots;
  double* buffer = state_->buffer.data();
  mu::Parser& parser = state_->parser;
  const size_t used = slots.size();
  for (size_t row = 0; row < n; ++row) {
    bool missing = false;
    for (size_t k = 0; k < used; ++k) {
      const double v = columns[slots[k]][row];
      missing = missing || std::isnan(v);
      buffer[k] = v;
    }
    out[row] = missing ? kNaN : parser.Eval();
  }
}

}  // namespace lotrinh::expr
