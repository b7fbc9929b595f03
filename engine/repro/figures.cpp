#include "repro/figures.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/number_style.h"
#include "diag/spelling.h"
#include "diag/words.h"
#include "expr/compiled_expr.h"
#include "rules/rule_set.h"
#include "rules/target_check.h"

namespace lotrinh::repro {
namespace {

using config::FigureDecl;
using config::FigureKind;
using config::Rounding;

double pow10(int d) { return std::pow(10.0, d); }

// The printed value as an integer count of the last digit (exact comparisons, no 0.1 + 0.2).
long long digits(double v, int decimals) { return std::llround(v * pow10(decimals)); }

std::string fixed(double v, int decimals) { return fmt::format("{:.{}f}", v, decimals); }

// The reported value has at most `decimals` decimals.
bool has_at_most(double reported, int decimals) {
  double x = reported * pow10(decimals);
  return std::fabs(x - std::round(x)) < 1e-6;
}

bool scaled(const std::string& unit) { return unit == "percent" || unit == "points"; }

// The name a planner reads for indicator or alias `id`: its name in the output's language
// (name.vi / name.en), the id itself with --codes or when the catalogue has no name.
std::string indicator_words(const std::string& id, const data::Catalogue& catalogue) {
  if (diag::codes()) return id;
  if (const data::Indicator* ind = catalogue.find(id)) return diag::pick(ind->name_vi, ind->name_en, id);
  if (const data::Alias* a = catalogue.find_alias(id)) return diag::pick(a->name_vi, a->name_en, id);
  return id;
}

const data::Indicator* indicator_of(const std::string& id, int year, const data::Catalogue& catalogue) {
  if (const data::Indicator* ind = catalogue.find(id)) return ind;
  auto resolved = catalogue.resolve(id, year);
  return resolved ? catalogue.find(*resolved) : nullptr;
}

struct Token {
  enum Kind { kName, kNumber, kOther } kind;
  std::string text;
};

std::vector<Token> tokens_of(const std::string& text) {
  std::vector<Token> out;
  size_t i = 0;
  auto is_name = [](char c, bool first) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (!first && std::isdigit(static_cast<unsigned char>(c))); };
  while (i < text.size()) {
    char c = text[i];
    size_t j = i + 1;
    Token::Kind kind = Token::kOther;
    if (c == ' ') {
      ++i;
      continue;
    }
    if (is_name(c, true)) {
      kind = Token::kName;
      while (j < text.size() && is_name(text[j], false)) ++j;
    } else if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ||
               (c == '-' && j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])) &&
                (out.empty() || (out.back().kind == Token::kOther && out.back().text != ")")))) {  // a negative number
      kind = Token::kNumber;
      while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.')) ++j;
    } else if (j < text.size() && std::string("=!<>&|").find(c) != std::string::npos && std::string("=&|").find(text[j]) != std::string::npos) {
      ++j;
    }
    out.push_back({kind, text.substr(i, j - i)});
    i = j;
  }
  return out;
}

std::string op_words(const std::string& op) {
  if (op == "==") return "=";
  if (op == ">=") return "≥";
  if (op == "<=") return "≤";
  if (op == "!=") return "≠";
  if (op == "&&" || op == "and") return diag::msg("repro.expr.and");
  if (op == "||" || op == "or") return diag::msg("repro.expr.or");
  return op;
}

// An expression of a figures file as a planner reads it: indicators by their names, numbers in
// the language's style, a flag compared with 1 or 0 as "= yes" / "= no", a fraction compared
// with a number as a percentage ("Poverty rate (...) > 35 %"). With --codes, the text as written.
std::string expr_words(const std::string& text, int year, const data::Catalogue& catalogue) {
  if (diag::codes()) return text;
  std::vector<Token> t = tokens_of(text);
  std::string out;
  auto add = [&](const std::string& piece) {
    if (piece.empty()) return;
    bool tight = piece == ")" || (!out.empty() && out.back() == '(');
    out += (out.empty() || tight ? "" : " ") + piece;
  };
  for (size_t k = 0; k < t.size(); ++k) {
    const Token& tok = t[k];
    bool comparison = k + 2 < t.size() && tok.kind == Token::kName && t[k + 2].kind == Token::kNumber &&
                      (t[k + 1].text == "==" || t[k + 1].text == "!=" || t[k + 1].text == ">" || t[k + 1].text == "<" ||
                       t[k + 1].text == ">=" || t[k + 1].text == "<=");
    const data::Indicator* ind = tok.kind == Token::kName ? indicator_of(tok.text, year, catalogue) : nullptr;
    if (comparison && ind) {
      const std::string& op = t[k + 1].text;
      const std::string& num = t[k + 2].text;
      std::string name = indicator_words(tok.text, catalogue);
      if (ind->unit == "flag" && (num == "1" || num == "0") && (op == "==" || op == "!=")) {
        bool yes = (num == "1") == (op == "==");
        add(name + " = " + diag::msg(yes ? "repro.expr.yes" : "repro.expr.no"));
      } else if (ind->unit == "fraction") {
        add(name + " " + op_words(op) + " " + diag::local_number(fmt::format("{}", std::round(std::strtod(num.c_str(), nullptr) * 1e8) / 1e6)) + " %");
      } else {
        add(name + " " + op_words(op) + " " + diag::local_number(num));
      }
      k += 2;
      continue;
    }
    if (tok.kind == Token::kName) add(catalogue.knows(tok.text) ? indicator_words(tok.text, catalogue) : op_words(tok.text));
    else if (tok.kind == Token::kNumber) add(diag::local_number(tok.text));
    else add(op_words(tok.text));
  }
  return out;
}

// The numbers of the report's own arithmetic ("436.414 + 972.12") in the language's style.
std::string arithmetic_words(const std::string& text) {
  if (diag::codes()) return text;
  std::string out;
  for (const Token& tok : tokens_of(text)) {
    std::string piece = tok.kind == Token::kNumber ? diag::local_number(tok.text) : tok.text;
    bool tight = piece == ")" || (!out.empty() && out.back() == '(');
    out += (out.empty() || tight ? "" : " ") + piece;
  }
  return out;
}

std::string label_of(const FigureDecl& f) {
  return diag::lang() == diag::Lang::kVi && !f.label.vi.empty() ? f.label.vi : f.label.en;
}

std::string rounding_text(const FigureDecl& f) {
  return diag::msg(f.rounding == Rounding::kRound ? "repro.measure.rounded" : "repro.measure.truncated", f.decimals);
}

// What an aggregate figure computes, in words.
std::string aggregate_measure(const FigureDecl& f, int units, const data::CommuneTable& table, const data::Catalogue& catalogue) {
  auto words = [&](const std::optional<config::ExprText>& e) { return e ? expr_words(e->text, f.year, catalogue) : ""; };
  std::string where = f.where ? diag::msg("repro.measure.where", words(f.where)) : "";
  std::string of = words(f.of);
  std::string m;
  if (f.aggregate == "mean") m = diag::msg("repro.measure.mean", of, units, where, f.year);
  else if (f.aggregate == "weighted_mean") m = diag::msg("repro.measure.weighted_mean", of, words(f.weight), units, where, f.year);
  else if (f.aggregate == "count") m = diag::msg("repro.measure.count", of, units, where, f.year);
  else if (f.aggregate == "share") m = diag::msg("repro.measure.share", of, units, where, f.year);
  else if (f.aggregate == "sum") m = diag::msg("repro.measure.sum", of, units, where, f.year);
  else if (f.aggregate == "value") {
    long r = table.find_row(f.commune, f.year);
    std::string name = r >= 0 ? table.name[static_cast<size_t>(r)] : "";
    m = diag::codes() || name.empty() ? diag::msg("repro.measure.value", of, f.commune, name, f.year)
                                      : diag::msg("repro.measure.value_named", of, name, f.year);
  }
  if (scaled(f.unit)) m += diag::msg("repro.measure.times_100");
  return m + rounding_text(f);
}

// The rows of `unit` only, as a table of their own.
data::CommuneTable rows_of(const data::CommuneTable& t, const std::string& unit) {
  data::CommuneTable out;
  out.path = t.path;
  out.columns = t.columns;
  for (const auto& c : t.columns) out.values[c];
  for (size_t r = 0; r < t.rows(); ++r) {
    if (t.unit[r] != unit) continue;
    out.unit.push_back(t.unit[r]);
    out.year.push_back(t.year[r]);
    out.name.push_back(t.name[r]);
    out.district.push_back(t.district[r]);
    for (const auto& c : t.columns) out.values[c].push_back(t.values.at(c)[r]);
  }
  return out;
}

config::TargetDecl target_of(const FigureDecl& f) {
  config::TargetDecl t;
  t.id = f.id;
  t.title = f.label;
  t.aggregate = f.aggregate == "value" ? "sum" : f.aggregate;
  t.of = f.of;
  t.where = f.aggregate == "value" ? std::nullopt : f.where;
  t.weight = f.weight;
  t.years = {f.year};
  t.compare = ">=";  // unused: a value is given so that a missing result keeps its reason
  t.value = 0;
  t.loc = f.loc;
  return t;
}

// Computes aggregate figures with the target checker: figure id -> result.
std::map<std::string, rules::TargetResult> compute(const std::vector<const FigureDecl*>& figures, const data::CommuneTable& table,
                                                   const data::Catalogue& catalogue, const std::string& path,
                                                   std::shared_ptr<const rules::RuleSet>* compiled) {
  config::RuleFile rf;
  rf.id = "figures";
  rf.path = path;
  rf.kind = "figures";
  rf.level = "commune";
  for (const auto* f : figures) rf.targets.push_back(target_of(*f));
  auto rs = rules::RuleSet::compile({&rf}, catalogue);
  if (compiled) *compiled = rs;
  std::map<std::string, rules::TargetResult> out;
  int year = figures.empty() ? 0 : figures.front()->year;
  for (auto& r : rules::check_targets(rs, table, year, [](int) { return nullptr; }, {})) out[r.id] = std::move(r);
  return out;
}

// Why an aggregate gave no value: a column the table lacks or has no values of, else `why`.
std::string missing_reason(const FigureDecl& f, const rules::RuleSet& rs, const data::CommuneTable& table,
                           const data::Catalogue& catalogue, const std::string& why) {
  std::vector<size_t> rows = table.rows_in_year(f.year);
  if (rows.empty()) return diag::msg("repro.note.no_rows", f.year);
  if (f.aggregate == "value") {
    long r = table.find_row(f.commune, f.year);
    if (r < 0) return diag::msg("repro.note.no_unit_row", f.commune, f.year);
    rows = {static_cast<size_t>(r)};
  }
  for (const auto* e : {&f.of, &f.where, &f.weight}) {
    if (!*e) continue;
    std::vector<diag::Diagnostic> ds;
    auto c = expr::CompiledExpr::compile((*e)->text, rs.symbols, (*e)->loc, (*e)->exact, ds);
    if (!c) continue;
    for (int s : c->slots()) {
      const std::string& name = rs.slots[s].name;
      std::string id = catalogue.resolve(name, f.year).value_or(name);
      const std::vector<double>* col = table.column(id);
      if (!col) return diag::msg("repro.note.no_column", id);
      size_t present = 0;
      for (size_t r : rows) present += !std::isnan((*col)[r]);
      if (present == 0) return diag::msg("repro.note.no_values", id, f.year);
    }
  }
  return why.empty() ? diag::msg("targets.cannot_compute") : why;
}

void join(std::string& into, const std::string& more) {
  if (more.empty()) return;
  into += (into.empty() ? "" : "; ") + more;
}

// Judges a computed row against its reported value. Arithmetic over the report's own figures
// that does not give its printed result is the report disagreeing with itself.
void judge(FigureRow& row, const FigureDecl& f) {
  if (std::isnan(row.computed) || !f.reported) return;
  Verdict v = compare_printed(row.computed, *f.reported, f.decimals, f.rounding);
  if (v.status == Status::kMismatch && row.basis == Basis::kReport) {
    v.status = Status::kSourceInconsistent;
    v.note = diag::msg("repro.note.report_disagrees", row.computed, *f.reported);
  }
  row.status = v.status;
  std::string note = v.note;
  join(note, diag::pick(f.note_vi, f.note));
  row.note = note;
}

}  // namespace

const char* status_word(Status s) {
  switch (s) {
    case Status::kMatch: return "match";
    case Status::kMatchRounding: return "match-rounding";
    case Status::kSourceInconsistent: return "source-inconsistent";
    case Status::kNotReproducible: return "not-reproducible";
    case Status::kMismatch: return "mismatch";
  }
  return "mismatch";
}

const char* basis_word(Basis b) {
  switch (b) {
    case Basis::kData: return "data";
    case Basis::kReport: return "report";
    case Basis::kNone: return "";
  }
  return "";
}

const char* check_word(config::FigureCheck c) {
  switch (c) {
    case config::FigureCheck::kFitted: return "fitted";
    case config::FigureCheck::kIndependent: return "independent";
    case config::FigureCheck::kNone: return "";
  }
  return "";
}

double printed_value(double v, int decimals, Rounding rounding) {
  double x = v * pow10(decimals);
  // A value meant to be exact (0.81 × 100) may sit a hair under its digit in binary.
  double y = rounding == Rounding::kRound ? std::round(x) : std::trunc(x + std::copysign(1e-6, x));
  return y / pow10(decimals);
}

Verdict compare_printed(double computed, double reported, int decimals, Rounding rounding) {
  auto equal_at = [&](int d, Rounding r) { return digits(printed_value(computed, d, r), d) == digits(reported, d); };
  Verdict v;
  if (equal_at(decimals, rounding)) {
    v.status = Status::kMatch;
    return v;
  }
  // The notes' figures in the reader's number style ("1.408,54" under --lang vi).
  auto shown = [](double v, int d) { return diag::local_number(fixed(v, d)); };
  if (decimals > 0 && has_at_most(reported, decimals - 1) && equal_at(decimals - 1, rounding)) {
    v.status = Status::kMatchRounding;
    v.note = diag::msg("repro.note.fewer_digits", shown(printed_value(computed, decimals, rounding), decimals), reported, decimals);
    return v;
  }
  Rounding other = rounding == Rounding::kRound ? Rounding::kTruncate : Rounding::kRound;
  if (equal_at(decimals, other)) {
    v.status = Status::kMatchRounding;
    v.note = diag::msg(other == Rounding::kTruncate ? "repro.note.truncates" : "repro.note.rounds", shown(computed, decimals + 4),
                       shown(printed_value(computed, decimals, rounding), decimals), reported);
    return v;
  }
  v.status = Status::kMismatch;
  v.note = diag::msg("repro.note.mismatch", shown(printed_value(computed, decimals, rounding), decimals), reported);
  return v;
}

std::vector<FigureRow> reproduce_figures(const config::FiguresFile& file, const data::CommuneTable& table,
                                         const data::Catalogue& catalogue) {
  diag::DiagnosticSink sink;
  // The units the `value` figures name must be in the table.
  std::vector<std::string> units;
  for (size_t r = 0; r < table.rows(); ++r)
    if (units.empty() || units.back() != table.unit[r]) units.push_back(table.unit[r]);
  std::vector<const FigureDecl*> over_table;
  std::vector<const FigureDecl*> values;
  for (const auto& f : file.figures) {
    if (f.kind != FigureKind::kAggregate) continue;
    if (f.aggregate != "value") {
      over_table.push_back(&f);
      continue;
    }
    if (std::find(units.begin(), units.end(), f.commune) == units.end()) {
      std::string hint = diag::did_you_mean(f.commune, units);
      sink.error(f.commune_loc, diag::msg("repro.commune_unknown", f.id, f.commune, table.path),
                 hint.empty() ? diag::msg("repro.commune_unknown.hint") : hint);
      continue;
    }
    values.push_back(&f);
  }
  // Arithmetic over the report's own numbers: no names to read.
  std::map<std::string, double> arithmetic;
  expr::SymbolTable none;
  for (const auto& f : file.figures) {
    if (f.kind != FigureKind::kArithmetic || !f.arithmetic) continue;
    std::vector<diag::Diagnostic> ds;
    auto c = expr::CompiledExpr::compile(f.arithmetic->text, none, f.arithmetic->loc, f.arithmetic->exact, ds);
    for (auto& d : ds) {
      if (d.hint.empty()) d.hint = diag::msg("repro.arithmetic_names.hint");
      sink.add(d);
    }
    if (c) arithmetic[f.id] = expr::Evaluator(*c).eval(nullptr);
  }
  sink.throw_if_errors();

  std::shared_ptr<const rules::RuleSet> rs;
  auto results = compute(over_table, table, catalogue, file.path, &rs);
  for (const auto* f : values) {
    data::CommuneTable one = rows_of(table, f->commune);
    auto r = compute({f}, one, catalogue, file.path, nullptr);
    results.insert(r.begin(), r.end());
  }

  std::vector<FigureRow> out;
  std::map<std::string, const FigureRow*> by_id;
  std::map<std::string, const FigureDecl*> decl_by_id;
  out.reserve(file.figures.size());
  for (const auto& f : file.figures) {
    FigureRow row;
    row.id = f.id;
    row.section = diag::pick(f.section_vi, f.section);
    row.label = label_of(f);
    row.reported = f.reported;
    row.printed = diag::pick(f.printed_vi, f.printed);
    row.unit = f.unit;
    row.decimals = f.decimals;
    row.check = f.check;
    switch (f.kind) {
      case FigureKind::kAggregate: {
        row.basis = Basis::kData;
        auto it = results.find(f.id);
        double v = it == results.end() ? NAN : it->second.computed;
        row.units = it == results.end() ? 0 : it->second.units;
        row.computed = scaled(f.unit) ? v * 100 : v;
        row.measure = aggregate_measure(f, row.units, table, catalogue);
        if (std::isnan(v)) {
          row.status = Status::kNotReproducible;
          row.note = missing_reason(f, *rs, table, catalogue, it == results.end() ? "" : it->second.detail);
          join(row.note, diag::pick(f.note_vi, f.note));
        }
        break;
      }
      case FigureKind::kChange: {
        row.basis = Basis::kData;
        const FigureRow* a = by_id.count(f.from) ? by_id[f.from] : nullptr;
        const FigureRow* b = by_id.count(f.to) ? by_id[f.to] : nullptr;
        const FigureDecl* da = decl_by_id.count(f.from) ? decl_by_id[f.from] : nullptr;
        const FigureDecl* db = decl_by_id.count(f.to) ? decl_by_id[f.to] : nullptr;
        if (!a || !b || !da || !db) break;  // the reader has reported it
        int years = db->year - da->year;
        bool fall = f.change == "fall_per_year" || f.change == "fall";
        double diff = fall ? a->computed - b->computed : b->computed - a->computed;
        // Figures by their labels; by their ids with --codes.
        auto named = [&](const FigureDecl* d) { return diag::codes() ? d->id : label_of(*d); };
        const std::string first = named(fall ? da : db);
        const std::string second = named(fall ? db : da);
        if (f.change == "per_year" || f.change == "fall_per_year") {
          row.computed = diff / years;
          row.measure = diag::msg("repro.measure.per_year", first, second, years);
        } else {
          row.computed = diff;
          row.measure = diag::msg("repro.measure.difference", first, second);
        }
        row.measure += rounding_text(f);
        row.units = b->units;
        if (std::isnan(row.computed)) {
          row.status = Status::kNotReproducible;
          row.note = diag::msg("repro.note.needs", named(std::isnan(a->computed) ? da : db));
          join(row.note, diag::pick(f.note_vi, f.note));
        }
        break;
      }
      case FigureKind::kArithmetic:
        row.basis = Basis::kReport;
        row.computed = arithmetic.count(f.id) ? arithmetic[f.id] : NAN;
        row.measure = diag::msg("repro.measure.arithmetic", f.arithmetic ? arithmetic_words(f.arithmetic->text) : "") + rounding_text(f);
        break;
      case FigureKind::kSourceInconsistent: {
        row.status = Status::kSourceInconsistent;
        std::string both;
        bool vi = diag::words() && f.figures_vi.size() == f.figures.size();
        for (const auto& s : vi ? f.figures_vi : f.figures) both += (both.empty() ? "" : diag::msg("repro.note.versus")) + s;
        row.note = both;
        join(row.note, diag::pick(f.note_vi, f.note));
        break;
      }
      case FigureKind::kNotReproducible:
        row.status = Status::kNotReproducible;
        row.note = diag::pick(f.reason_vi, f.reason);
        join(row.note, diag::pick(f.note_vi, f.note));
        break;
    }
    if (f.kind == FigureKind::kAggregate || f.kind == FigureKind::kChange || f.kind == FigureKind::kArithmetic) judge(row, f);
    out.push_back(std::move(row));
    by_id[f.id] = &out.back();  // stable: `out` was reserved for every figure
    decl_by_id[f.id] = &f;
  }
  return out;
}

}  // namespace lotrinh::repro
