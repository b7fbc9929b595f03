#include "rules/explanation.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "diag/number_style.h"
#include "diag/messages.h"
#include "diag/words.h"

namespace lotrinh::rules {
namespace {

std::string truth_word(Truth t) { return diag::word("truth", t == kTrue ? "true" : t == kFalse ? "false" : "unknown"); }

const char* op_text(expr::CompareOp op) {
  switch (op) {
    case expr::CompareOp::kLt: return "<";
    case expr::CompareOp::kLe: return "≤";
    case expr::CompareOp::kGt: return ">";
    case expr::CompareOp::kGe: return "≥";
    case expr::CompareOp::kEq: return "=";
    case expr::CompareOp::kNe: return "≠";
  }
  return "?";
}

std::string trim(const std::string& s) { return s.empty() || s[0] != ' ' ? s : s.substr(1); }

std::string num(double v) { return diag::local_number(fmt::format("{}", std::round(v * 1e10) / 1e10)); }

// Under `names` (explain: Vietnamese without --codes): the name a planner reads for slot s, the
// catalogue's name of the indicator read (for an alias, of the indicator in force) in the
// output's language, else the id.
std::string slot_words(Workspace& ev, int s, bool names) {
  const RuleSet& rs = ev.rules();
  const Slot& slot = rs.slots[s];
  if (!names || !rs.catalogue) return slot.name;
  if (const data::Indicator* ind = rs.catalogue->find(ev.resolved_name(s)))
    return diag::named(ind->name_vi, ind->name_en, slot.name);
  if (const data::Alias* a = rs.catalogue->find_alias(slot.name)) return diag::named(a->name_vi, a->name_en, slot.name);
  return slot.name;
}

// A value in the unit of its slot, for words: a fraction as "18,7 %", a count as "663".
std::string value_words(double v, const std::string& unit) {
  if (std::isnan(v)) return diag::msg("explain.missing");
  if (unit == "fraction") return num(v * 100) + " %";
  if (unit == "flag" && (v == 0 || v == 1)) return diag::word("flag", v == 1 ? "1" : "0");
  if (unit == "km" || unit == "households" || unit == "people" || unit == "ratio") return num(v) + " " + diag::word("unit", unit);
  return num(v);
}

// A margin in percentage points with enough decimals that a non-zero margin does not read as
// zero: one decimal, or up to four where one would round to 0.
std::string points(double gap) {
  int decimals = 1;
  while (decimals < 4 && gap > 0 && std::round(gap * 100 * std::pow(10, decimals)) == 0) ++decimals;
  return diag::local_number(fmt::format("{:.{}f}", gap * 100, decimals));
}

class Explainer {
 public:
  Explainer(Workspace& ev, size_t i) : ev_(ev), rs_(ev.rules()), i_(i) {}

  void classification(const Classification& c) {
    std::string cls = ev_.class_name(c, i_);
    lines_.push_back({0, diag::words() && !c.title.vi.empty() ? c.title.vi : c.name, class_word(c, cls), class_detail(c, cls)});
    int decided = ev_.classes(c)[i_];
    for (size_t r = 0; r < c.order.size(); ++r) {
      const ClassRule& rule = c.order[r];
      if (rule.when < 0) {
        lines_.push_back({1, diag::msg("explain.otherwise", class_word(c, rule.cls)), static_cast<int>(r) == decided ? truth_word(kTrue) : "-", ""});
      } else {
        lines_.push_back({1, diag::msg("explain.class_if", class_word(c, rule.cls)), truth_word(ev_.node(rule.when, i_)),
                          rule.fallback ? diag::msg("explain.fallback") : ""});
        node(rule.when, 2);
      }
      if (static_cast<int>(r) == decided || (decided == -1 && ev_.node(rule.when, i_) == kUnknown)) break;
    }
  }

  std::vector<ExplainLine> take() {
    if (translated_) lines_.push_back({0, diag::msg("explain.translation_note"), "", ""});
    return std::move(lines_);
  }

 private:
  // A class's title (Classification::class_title), a project translation marked with '*'.
  std::string class_word(const Classification& c, const std::string& cls) {
    if (!c.class_title_translated(cls)) return c.class_title(cls);
    translated_ = true;
    return c.class_title(cls) + "*";
  }

  std::string class_detail(const Classification& c, const std::string& cls) {
    if (cls != "unknown") return {};
    std::set<std::string> missing;
    for (const auto& rule : c.order)
      if (rule.when >= 0) collect_missing(rule.when, missing);
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    return list.empty() ? diag::msg("explain.unknown_law") : diag::msg("explain.settled_by", list);
  }

  void collect_missing(int n, std::set<std::string>& out) {
    const Node& nd = rs_.nodes[n];
    if (ev_.node(n, i_) != kUnknown) return;
    if (nd.kind == Node::Kind::kRef) return collect_missing(rs_.criteria[nd.ref].root, out);
    if (nd.kind == Node::Kind::kLeaf && nd.expr) {
      for (int s : nd.expr->slots())
        if (std::isnan(ev_.value(s, i_)) && !derived_nonfinite(s)) out.insert(slot_label(s));
    }
    for (int c : nd.children) collect_missing(c, out);
  }

  // A derived value that is NaN because its arithmetic failed: no data would settle it.
  bool derived_nonfinite(int s) {
    for (const auto& d : rs_.derived)
      if (d.slot == s) return ev_.nonfinite_at(d.expr, i_);
    return false;
  }

  std::string slot_label(int s) {
    const Slot& slot = rs_.slots[s];
    if (slot.kind == SlotKind::kParameter) return diag::msg("explain.param_label", slot.name);
    if (ev_.resolved_name(s) != slot.name) return slot.name + " (" + ev_.resolved_name(s) + ")";
    return slot.name;
  }

  std::string criterion_label(const Criterion& c) { return rules::criterion_label(rs_, c, diag::words(), &translated_); }

  // `show_clause` is false for a criterion's root, whose clause its criterion line shows.
  void node(int n, int depth, bool show_clause = true) {
    const Node& nd = rs_.nodes[n];
    Truth t = ev_.node(n, i_);
    std::string clause = nd.source.empty() || !show_clause ? "" : " [" + nd.source + "]";
    switch (nd.kind) {
      case Node::Kind::kRef: {
        const Criterion& c = rs_.criteria[nd.ref];
        std::string label = criterion_label(c);
        bool titled = label != c.name;  // the title names the clause: no "[source]" after it
        if (expanded_.count(nd.ref)) {
          lines_.push_back({depth, label, truth_word(t), diag::msg("explain.see_above")});
          return;
        }
        expanded_.insert(nd.ref);
        const Node& root = rs_.nodes[c.root];
        if (root.kind == Node::Kind::kLeaf) {
          lines_.push_back({depth, titled ? label : c.name + ": " + root.text, truth_word(t),
                            leaf_detail(ev_, c.root, i_) + (titled ? "" : clause)});
        } else if (root.kind == Node::Kind::kUnknown && titled) {
          lines_.push_back({depth, label, truth_word(t), diag::msg("explain.unknown_law")});
        } else {
          lines_.push_back({depth, label, truth_word(t), root.source.empty() || titled ? "" : "[" + root.source + "]"});
          node(c.root, depth + 1, false);
        }
        return;
      }
      case Node::Kind::kLeaf:
        lines_.push_back({depth, leaf_label(ev_, n, i_, diag::words()), truth_word(t), leaf_detail(ev_, n, i_) + clause});
        return;
      case Node::Kind::kUnknown:
        lines_.push_back({depth, diag::msg("explain.unknown_clause"), truth_word(kUnknown), nd.note + clause});
        return;
      case Node::Kind::kAll: lines_.push_back({depth, diag::msg("explain.all"), truth_word(t), trim(clause)}); break;
      case Node::Kind::kAny: lines_.push_back({depth, diag::msg("explain.any"), truth_word(t), trim(clause)}); break;
      case Node::Kind::kNot: lines_.push_back({depth, diag::msg("explain.not"), truth_word(t), trim(clause)}); break;
      case Node::Kind::kAtLeast: {
        int yes = 0;
        for (int c : nd.children) yes += ev_.node(c, i_) == kTrue;
        lines_.push_back({depth, diag::msg("explain.at_least", nd.at_least, nd.children.size()), truth_word(t),
                          diag::msg("explain.count_met", yes) + clause});
        break;
      }
    }
    for (int c : nd.children) node(c, depth + 1);
  }

  Workspace& ev_;
  const RuleSet& rs_;
  size_t i_;
  std::vector<ExplainLine> lines_;
  std::set<int> expanded_;
  bool translated_ = false;  ///< A title shown is the project's translation: footnote it.
};

}  // namespace

std::string criterion_label(const RuleSet& rs, const Criterion& c, bool names, bool* translated) {
  if (!names) return c.name;
  if (diag::lang() != diag::Lang::kVi) return c.title.en.empty() ? c.name : c.title.en;
  if (c.title.vi.empty()) return c.name;
  if (translated) *translated = *translated || c.title.vi_translated;
  const std::string& src = rs.nodes[c.root].source;
  return (src.empty() ? "" : src + ": ") + c.title.vi + (c.title.vi_translated ? "*" : "");
}

std::string leaf_label(Workspace& ev, int n, size_t i, bool names) {
  const Node& nd = ev.rules().nodes[n];
  if (!names || !nd.expr || !nd.expr->comparison()) return nd.text;
  const auto& cmp = *nd.expr->comparison();
  const Slot& lhs = ev.rules().slots[cmp.lhs_slot];
  double c = cmp.rhs_slot < 0 ? cmp.rhs_constant : ev.value(cmp.rhs_slot, i);
  return slot_words(ev, cmp.lhs_slot, names) + " " + op_text(cmp.op) + " " + value_words(c, lhs.unit);
}

std::string display_value(double v, const std::string& unit) {
  if (diag::words()) return value_words(v, unit);
  if (std::isnan(v)) return diag::msg("explain.missing");
  if (unit == "fraction") return fmt::format("{} ({} %)", num(v), num(v * 100));
  return num(v);
}

std::string leaf_detail(Workspace& ev, int n, size_t i) { return leaf_detail(ev, n, i, diag::words()); }

std::string leaf_detail(Workspace& ev, int n, size_t i, bool names) {
  const RuleSet& rs = ev.rules();
  const Node& nd = rs.nodes[n];
  if (nd.kind != Node::Kind::kLeaf || !nd.expr) return {};
  auto label = [&](int s) {
    const Slot& slot = rs.slots[s];
    if (names) return slot_words(ev, s, names);
    return ev.resolved_name(s) != slot.name ? slot.name + "[" + ev.resolved_name(s) + "]" : slot.name;
  };
  auto shown = [&](double v, const std::string& unit) { return names ? value_words(v, unit) : display_value(v, unit); };
  auto values_of = [&](const expr::CompiledExpr& e) {
    std::string vals;
    for (int s : e.slots())
      vals += (vals.empty() ? "" : ", ") + label(s) + " " + shown(ev.value(s, i), rs.slots[s].unit);
    return vals;
  };
  // Missing values and unknown parameters first: they decide that the leaf is unknown.
  std::string missing, nonfinite;
  for (int s : nd.expr->slots()) {
    if (!std::isnan(ev.value(s, i))) continue;
    const Slot& slot = rs.slots[s];
    const Derived* d = nullptr;
    for (const auto& x : rs.derived)
      if (x.slot == s) d = &x;
    if (slot.kind == SlotKind::kDerived && d && ev.nonfinite_at(d->expr, i)) {
      nonfinite += (nonfinite.empty() ? "" : "; ") + diag::msg("explain.derived_nonfinite", slot.name, d->expr.text(), values_of(d->expr));
    } else if (slot.kind == SlotKind::kParameter) {
      const Parameter* p = rs.find_parameter(slot.name);
      missing += (missing.empty() ? "" : "; ") +
                 diag::msg("explain.param_unknown", slot.name, p ? p->decl.source : "", p ? p->decl.note : "");
    } else {
      missing += (missing.empty() ? "" : "; ") + diag::msg("explain.value_missing", label(s));
    }
  }
  if (!missing.empty()) return missing + diag::msg("explain.would_settle") + (nonfinite.empty() ? "" : "; " + nonfinite);
  if (!nonfinite.empty()) return nonfinite;
  if (ev.node(n, i) == kUnknown && ev.nonfinite_at(*nd.expr, i))
    return diag::msg("explain.nonfinite", nd.expr->text(), values_of(*nd.expr));
  const auto& cmp = nd.expr->comparison();
  if (!cmp) {
    std::string vals;
    for (int s : nd.expr->slots())
      vals += (vals.empty() ? "" : ", ") + label(s) + " " + shown(ev.value(s, i), rs.slots[s].unit);
    return vals;
  }
  const Slot& lhs = rs.slots[cmp->lhs_slot];
  double v = ev.value(cmp->lhs_slot, i);
  double c = cmp->rhs_slot < 0 ? cmp->rhs_constant : ev.value(cmp->rhs_slot, i);
  std::string rhs_name = cmp->rhs_slot < 0 ? "" : " (" + rs.slots[cmp->rhs_slot].name + ")";
  // Under words the leaf's label already names the indicator and the threshold: the value alone.
  std::string head = names ? value_words(v, lhs.unit)
                                   : fmt::format("{} {}, {} {} {}{}", label(cmp->lhs_slot), display_value(v, lhs.unit),
                                                 diag::msg("explain.needs"), op_text(cmp->op), num(c), rhs_name);
  bool pass = expr::compare(cmp->op, v, c) != 0;
  if (cmp->op == expr::CompareOp::kEq || cmp->op == expr::CompareOp::kNe)
    return head + ": " + diag::msg(pass ? "explain.met" : "explain.not_met");
  double gap = std::fabs(v - c);
  std::string amount = lhs.unit == "fraction" ? diag::msg("explain.points", points(gap))
                                              : (num(gap) + (lhs.unit.empty() || lhs.unit == "flag" ? "" : " " + diag::word("unit", lhs.unit)));
  if (gap == 0) return head + ": " + diag::msg("explain.exactly_at");
  return head + ": " + diag::msg(pass ? "explain.to_spare" : "explain.short", amount);
}

std::vector<ExplainLine> explain_unit(Workspace& ev, size_t i, const std::string& classification) {
  Explainer ex(ev, i);
  for (const auto& c : ev.rules().classifications)
    if (classification.empty() || c.name == classification) ex.classification(c);
  return ex.take();
}

std::string render_explanation(const std::vector<ExplainLine>& lines) {
  std::string out;
  for (const auto& l : lines) {
    out += std::string(static_cast<size_t>(l.depth) * 2, ' ');
    if (l.result.empty() && l.detail.empty()) {  // a footnote
      out += l.item + "\n";
      continue;
    }
    out += l.item + ": " + l.result;
    if (!l.detail.empty()) out += "  — " + l.detail;
    out += "\n";
  }
  return out;
}

}  // namespace lotrinh::rules
