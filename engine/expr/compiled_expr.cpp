#include "expr/compiled_expr.h"

#include <muParser.h>

#include <cmath>
#include <limits>

#include "diag/messages.h"
#include "expr/checks.h"
#include "expr/column_program.h"
#include "expr/token.h"

namespace lotrinh::expr {

struct CompiledExpr::Impl {
  std::string text;
  std::vector<int> slots;
  std::vector<std::string> names;  ///< names[k] is the name of slots[k].
  std::optional<Comparison> comparison;
  bool has_logic = false;
  std::string checked;  ///< The text muParser evaluates: `text` with finiteness checks (see checked_text).
  /// muParser's bytecode of `checked`, translated for column-wise evaluation (null: not covered).
  std::shared_ptr<const ColumnProgram> program;
};

struct Evaluator::State {
  std::vector<int> slots;
  std::vector<double> buffer;  ///< buffer[k] is the value of slots[k]; muParser reads it by address.
  mu::Parser parser;           ///< Declared after `buffer`, so it is destroyed first.
  size_t nonfinite = 0;        ///< Results of the last eval or eval_columns made non-finite.
  std::shared_ptr<const ColumnProgram> program;  ///< The column-wise path, when it covers the expression.
  ColumnProgram::Scratch scratch;
  std::vector<const double*> cols;   ///< per slot read (k): its column
  std::vector<unsigned char> scalar; ///< per slot read (k): one value for every row
};

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The check muParser calls around every operand (see checked_text): it notes, for this thread's
// current evaluation, a value that is not finite. Each thread evaluates with parsers of its own,
// one expression at a time, so a thread-local flag is exact.
thread_local bool t_nonfinite = false;
constexpr const char* kCheck = "_lotrinh_finite";

double check_finite(double v) {
  if (!std::isfinite(v)) t_nonfinite = true;
  return v;
}

bool is_separator(const Token& t, std::string_view text) {
  if (t.kind == TokenKind::kComma || t.kind == TokenKind::kQuestion || t.kind == TokenKind::kColon) return true;
  if (t.kind != TokenKind::kOperator) return false;
  const std::string_view op = token_text(text, t);
  return op != "+" && op != "-" && op != "*" && op != "/" && op != "^";
}

// Rewrites tokens [i, end) of one bracket level: each operand between separators (comparisons,
// && and ||, ?, :, commas), each bracketed group and each function's result becomes
// `_lotrinh_finite(...)`. Separators bind looser than arithmetic, so the value is unchanged.
void rewrite(std::string_view text, const std::vector<Token>& tokens, size_t& i, std::string& out) {
  bool open_operand = false;
  auto close_operand = [&] {
    if (open_operand) out += ')';
    open_operand = false;
  };
  while (i < tokens.size() && tokens[i].kind != TokenKind::kClose) {
    const Token& t = tokens[i];
    if (is_separator(t, text)) {
      close_operand();
      out += ' ';
      out += token_text(text, t);
      out += ' ';
      ++i;
      continue;
    }
    if (!open_operand) {
      out += kCheck;
      out += '(';
      open_operand = true;
    }
    if (t.kind == TokenKind::kOpen) {
      const bool call = i > 0 && tokens[i - 1].kind == TokenKind::kName && tokens[i - 1].pos + tokens[i - 1].len == t.pos;
      out += '(';
      ++i;
      rewrite(text, tokens, i, out);
      out += ')';
      if (call) out += ')';  // closes the check opened before the function's name
      if (i < tokens.size()) ++i;  // the ')'
      continue;
    }
    if (t.kind == TokenKind::kName && i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::kOpen &&
        t.pos + t.len == tokens[i + 1].pos) {
      out += kCheck;
      out += '(';
    }
    out += token_text(text, t);
    if (t.kind != TokenKind::kName) out += ' ';  // a function's name must touch its '('
    else if (i + 1 < tokens.size() && tokens[i + 1].kind != TokenKind::kOpen) out += ' ';
    ++i;
  }
  close_operand();
}

// The text the parsers evaluate: `text` with each operand of a comparison, logical or
// conditional operator, each bracketed group, each function argument and each function result
// wrapped in a call that notes a non-finite value. Any infinity or NaN made by the arithmetic
// (a division by zero, sqrt(-1), log(0), an overflow) shows at one of those places, or in the
// final value: only an arithmetic chain with no brackets that turns an infinity back into a
// finite number (`1e308 * 10 / 1e308 * 0` is NaN, and found; `2 / 0 * 0 + 1` likewise) could
// hide one, and a chain that does so without brackets keeps it non-finite.
std::string checked_text(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  std::string out;
  size_t i = 0;
  rewrite(text, tokens, i, out);
  return out;
}

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

// muParser's unary minus, as its bytecode calls it: the function of `-a` (found once).
void (*unary_minus())() {
  static void (*const f)() = [] {
    mu::Parser p;
    double a = 1;
    p.DefineVar("a", &a);
    p.SetExpr("-a");
    p.Eval();
    const mu::ParserByteCode& bc = p.GetByteCode();
    for (std::size_t i = 0; i < bc.GetSize(); ++i)
      if (bc.GetBase()[i].Cmd == mu::cmFUNC && bc.GetBase()[i].Fun.argc == 1) return bc.GetBase()[i].Fun.cb._pRawFun;
    return static_cast<void (*)()>(nullptr);
  }();
  return f;
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
  impl->checked = checked_text(text);
  // The checked text parses as the text did (a failure is a bug: exit 3); its bytecode is what
  // the column-wise path runs.
  auto st = Evaluator::bind(*impl);
  impl->program = ColumnProgram::translate(st->parser, st->buffer.data(), st->buffer.size(),
                                           reinterpret_cast<void (*)()>(&check_finite), unary_minus());
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
  // Not optimizable: a folded `_lotrinh_finite(1/0)` would be checked once, at parse time.
  st->parser.DefineFun(kCheck, check_finite, false);
  st->parser.SetExpr(e.checked.empty() ? e.text : e.checked);
  st->parser.Eval();  // parses now, so that no later Eval allocates
  if (e.program) {
    st->program = e.program;
    st->scratch = e.program->scratch();
    st->cols.assign(e.slots.size(), nullptr);
    st->scalar.assign(e.slots.size(), 0);
  }
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
  t_nonfinite = false;
  const double r = state_->parser.Eval();
  state_->nonfinite = t_nonfinite;
  return t_nonfinite ? kNaN : r;
}

size_t Evaluator::nonfinite() const { return state_->nonfinite; }

bool Evaluator::column_wise() const { return state_->program != nullptr; }

void Evaluator::eval_columns(const double* const* columns, size_t n, double* out) { eval_columns(columns, nullptr, n, out); }

void Evaluator::eval_columns(const double* const* columns, const unsigned char* scalar, size_t n, double* out) {
  if (state_->program) {
    State& st = *state_;
    for (size_t k = 0; k < st.slots.size(); ++k) {
      st.cols[k] = columns[st.slots[k]];
      st.scalar[k] = scalar ? scalar[st.slots[k]] : 0;
    }
    st.nonfinite = st.program->run(st.cols.data(), st.scalar.data(), n, out, st.scratch);
    return;
  }
  eval_rows(columns, scalar, n, out);
}

void Evaluator::eval_rows(const double* const* columns, const unsigned char* scalar, size_t n, double* out) {
  const std::vector<int>& slots = state_->slots;
  double* buffer = state_->buffer.data();
  mu::Parser& parser = state_->parser;
  const size_t used = slots.size();
  size_t nonfinite = 0;
  for (size_t row = 0; row < n; ++row) {
    bool missing = false;
    for (size_t k = 0; k < used; ++k) {
      const double v = scalar && scalar[slots[k]] ? columns[slots[k]][0] : columns[slots[k]][row];
      missing = missing || std::isnan(v);
      buffer[k] = v;
    }
    if (missing) {
      out[row] = kNaN;
      continue;
    }
    t_nonfinite = false;
    const double r = parser.Eval();
    nonfinite += t_nonfinite;
    out[row] = t_nonfinite ? kNaN : r;
  }
  state_->nonfinite = nonfinite;
}

}  // namespace lotrinh::expr
