#include "rules/workspace.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "rules/column_kernels.h"

namespace lotrinh::rules {

// Data are decimal, doubles are binary: without this 0.35 + 0.30 gives 0.6499999999999999, just
// short of a 65 % threshold.
double round_to_12_digits(double v) {
  if (!std::isfinite(v) || v == 0) return v;
  const double scale = std::pow(10.0, 11 - static_cast<int>(std::floor(std::log10(std::fabs(v)))));
  const double r = std::round(v * scale) / scale;
  return std::isfinite(r) ? r : v;
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using kernels::Word;

std::string year_ranges(const std::vector<config::ParamValue>& values) {
  std::string s;
  for (const auto& v : values) {
    if (!s.empty()) s += ", ";
    s += (v.from_year ? std::to_string(v.from_year) : std::string("...")) + "-" +
         (v.until_year ? std::to_string(v.until_year) : std::string("..."));
  }
  return s;
}

// Grows `v` to at least `size` elements (never shrinks, so a smaller year allocates nothing).
template <class T>
void grow(std::vector<T>& v, size_t size) {
  if (v.size() < size) v.resize(size);
}

}  // namespace

Workspace::Workspace(std::shared_ptr<const RuleSet> rules) : rules_(std::move(rules)) {
  const RuleSet& rs = *rules_;
  const size_t slots = rs.slots.size(), nodes = rs.nodes.size();
  col_.assign(slots, nullptr);
  col_epoch_.assign(slots, 0);
  owned_.resize(slots);
  param_.assign(slots, kNaN);
  resolved_.resize(slots);
  for (size_t s = 0; s < slots; ++s) resolved_[s] = &rs.slots[s].name;
  derived_of_slot_.assign(slots, -1);
  for (size_t d = 0; d < rs.derived.size(); ++d) derived_of_slot_[rs.derived[d].slot] = static_cast<int>(d);
  cols_.assign(slots, nullptr);

  canon_.resize(nodes);
  for (size_t n = 0; n < nodes; ++n) {
    int c = static_cast<int>(n);
    for (;;) {  // a reference stands for its criterion's root, a repeated leaf for its first
      const Node& nd = rs.nodes[c];
      if (nd.kind == Node::Kind::kRef) c = rs.criteria[nd.ref].root;
      else if (nd.same_as >= 0) c = nd.same_as;
      else break;
    }
    canon_[n] = c;
  }
  node_epoch_.assign(nodes, 0);
  byte_epoch_.assign(nodes, 0);
  group_of_.assign(nodes, -1);
  std::map<int, int> group_of_slot;
  for (size_t n = 0; n < nodes; ++n) {
    const Node& nd = rs.nodes[n];
    if (nd.kind != Node::Kind::kLeaf || !nd.expr || nd.same_as >= 0 || !nd.expr->comparison()) continue;
    const expr::Comparison& cmp = *nd.expr->comparison();
    if (cmp.rhs_slot >= 0 && rs.slots[cmp.rhs_slot].kind != SlotKind::kParameter) continue;
    auto [it, added] = group_of_slot.emplace(cmp.lhs_slot, static_cast<int>(groups_.size()));
    if (added) groups_.push_back(LeafGroup{cmp.lhs_slot, {}, {}, {}, {}, 0});
    LeafGroup& g = groups_[it->second];
    g.leaves.push_back(static_cast<int>(n));
    g.ops.push_back(cmp.op);
    group_of_[n] = it->second;
  }
  for (auto& g : groups_) {
    g.constants.resize(g.leaves.size());
    g.pass.resize(g.leaves.size());
  }
  classes_.resize(rs.classifications.size());
  class_epoch_.assign(rs.classifications.size(), 0);
  size_t longest = 0;
  for (const auto& c : rs.classifications) longest = std::max(longest, c.order.size());
  when_t_.resize(longest);
  when_f_.resize(longest);
  take_.resize(longest);
  leaf_eval_.resize(nodes);
  derived_eval_.resize(rs.derived.size());
}

Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

void Workspace::reset(Inputs inputs, int year, const Overrides& overrides, bool check_year) {
  const RuleSet& rs = *rules_;
  ++epoch_;  // first: whatever fails below, nothing of the last year is kept
  n_ = 0;
  nonfinite_.clear();
  words_ = 0;
  diag::DiagnosticSink sink;
  if (check_year && !rs.applies_to_year(year)) {
    diag::Diagnostic d;
    d.subject = rs.path;
    d.message = diag::msg("rules.year_outside", rs.id, year, rs.period_text());
    d.hint = diag::msg("rules.year_outside.hint");
    throw diag::InputError(d);
  }
  for (const auto& [name, value] : overrides) {
    if (!rs.find_parameter(name)) {
      std::vector<std::string> names;
      for (const auto& p : rs.parameters) names.push_back(p.decl.name);
      diag::Diagnostic d;
      d.subject = "--set";
      d.message = diag::msg("rules.set_unknown", name, rs.id);
      d.hint = diag::did_you_mean(name, names);
      if (d.hint.empty()) d.hint = diag::msg("rules.set_unknown.hint");
      sink.add(d);
    }
  }
  std::fill(param_.begin(), param_.end(), kNaN);
  for (const auto& p : rs.parameters) {
    if (auto it = overrides.find(p.decl.name); it != overrides.end()) {
      param_[p.slot] = it->second;
      continue;
    }
    if (!p.known()) continue;
    bool found = false;
    for (const auto& v : p.decl.values) {
      if ((v.from_year == 0 || v.from_year <= year) && (v.until_year == 0 || year <= v.until_year)) {
        param_[p.slot] = v.value;
        found = true;
        break;
      }
    }
    if (!found && check_year)
      sink.error(p.decl.loc, diag::msg("rules.param_no_value_in_year", p.decl.name, year, year_ranges(p.decl.values)),
                 diag::msg("rules.param_no_value_in_year.hint"));
  }
  sink.throw_if_errors();
  // An alias reads the indicator in force in this year (looked up in place: no string copied).
  for (size_t s = 0; s < rs.slots.size(); ++s) {
    resolved_[s] = &rs.slots[s].name;
    if (rs.slots[s].kind != SlotKind::kAlias) continue;
    if (const data::Alias* a = rs.catalogue->find_alias(rs.slots[s].name))
      for (const auto& p : a->periods)
        if ((p.from_year == 0 || year >= p.from_year) && (p.until_year == 0 || year <= p.until_year)) {
          resolved_[s] = &p.indicator;
          break;
        }
  }
  inputs_ = std::move(inputs);
  year_ = year;
  n_ = inputs_.n;
  words_ = kernels::words(n_);
  grow(bits_, 2 * words_ * rs.nodes.size());
}

const double* Workspace::column(int slot) {
  if (col_epoch_[slot] == epoch_) return col_[slot];
  const RuleSet& rs = *rules_;
  const Slot& s = rs.slots[slot];
  std::vector<double>& owned = owned_[slot];
  const double* p = nullptr;
  switch (s.kind) {
    case SlotKind::kIndicator:
    case SlotKind::kAlias:
      p = inputs_.column(s.name);
      // An alias reads the indicator it resolves to in this year; with none, the slot is missing.
      if (!p && resolved_[slot] != &s.name) p = inputs_.column(*resolved_[slot]);
      break;
    case SlotKind::kParameter:
      owned.assign(n_, param_[slot]);
      p = owned.data();
      break;
    case SlotKind::kDerived: {
      p = inputs_.column(s.name);
      if (p) break;
      const int d = derived_of_slot_[slot];
      if (d < 0) break;
      const expr::CompiledExpr& e = rs.derived[d].expr;
      expr::Evaluator& ev = evaluator(derived_eval_[d], e);
      owned.resize(n_);
      eval_into(ev, e, owned.data());
      for (double& v : owned) v = round_to_12_digits(v);
      p = owned.data();
      break;
    }
  }
  if (!p) {
    owned.assign(n_, kNaN);
    p = owned.data();
  }
  col_[slot] = p;
  col_epoch_[slot] = epoch_;
  return p;
}

expr::Evaluator& Workspace::evaluator(std::unique_ptr<expr::Evaluator>& slot, const expr::CompiledExpr& e) {
  if (!slot) slot = std::make_unique<expr::Evaluator>(e);
  return *slot;
}

void Workspace::eval_into(expr::Evaluator& ev, const expr::CompiledExpr& e, double* out) {
  // Columns first: a derived column may itself need this workspace's scratch pointers.
  for (int s : e.slots()) column(s);
  for (int s : e.slots()) cols_[s] = col_[s];
  ev.eval_columns(cols_.data(), n_, out);
  if (const size_t bad = ev.nonfinite()) {
    size_t first = 0;
    for (; first < n_; ++first) {
      bool present = true;
      for (int s : e.slots()) present = present && !std::isnan(cols_[s][first]);
      if (present && std::isnan(out[first])) break;
    }
    for (auto& nf : nonfinite_)
      if (nf.text == e.text()) return;  // the same text again (a target evaluated twice)
    nonfinite_.push_back({e.text(), bad, first});
  }
}

bool Workspace::nonfinite_at(const expr::CompiledExpr& e, size_t i) {
  std::vector<double> values(rules_->slots.size(), kNaN);
  for (int s : e.slots()) values[s] = value(s, i);
  expr::Evaluator ev(e);
  ev.eval(values.data());
  return ev.nonfinite() > 0;
}

void Workspace::evaluate(const expr::CompiledExpr& e, double* out) {
  // Keyed by text: the same text compiled against this rule set's symbols reads the same slots.
  auto it = other_eval_.find(e.text());
  if (it == other_eval_.end() || it->second->slots() != e.slots())
    it = other_eval_.insert_or_assign(e.text(), std::make_unique<expr::Evaluator>(e)).first;
  eval_into(*it->second, e, out);
}

std::vector<double> Workspace::evaluate(const expr::CompiledExpr& e) {
  std::vector<double> out(n_);
  evaluate(e, out.data());
  return out;
}

void Workspace::eval_group(LeafGroup& g) {
  const double* x = column(g.slot);
  for (size_t k = 0; k < g.leaves.size(); ++k) {
    const expr::Comparison& cmp = *rules_->nodes[g.leaves[k]].expr->comparison();
    // A parameter is a constant for the whole column: folded here, not read per unit.
    g.constants[k] = cmp.rhs_slot < 0 ? cmp.rhs_constant : param_[cmp.rhs_slot];
    g.pass[k] = bits_of(g.leaves[k]);
  }
  // The known bits go to the first leaf's false bits, then each leaf's false bits are
  // known & ~true.
  Word* known = bits_of(g.leaves[0]) + words_;
  kernels::compare_constants(x, n_, g.leaves.size(), g.ops.data(), g.constants.data(), known, g.pass.data());
  for (size_t k = g.leaves.size(); k-- > 0;) {
    Word* t = bits_of(g.leaves[k]);
    Word* f = t + words_;
    const bool unknown_constant = g.constants[k] != g.constants[k];
    for (size_t w = 0; w < words_; ++w) f[w] = unknown_constant ? 0 : known[w] & ~t[w];
    node_epoch_[g.leaves[k]] = epoch_;
  }
  g.epoch = epoch_;
}

void Workspace::eval_leaf(int n, Word* t, Word* f) {
  const Node& node = rules_->nodes[n];
  const expr::CompiledExpr& e = *node.expr;
  if (const auto& cmp = e.comparison(); cmp && cmp->rhs_slot >= 0) {  // two columns
    kernels::compare_columns(cmp->op, column(cmp->lhs_slot), column(cmp->rhs_slot), n_, t, f);
    for (size_t w = 0; w < words_; ++w) f[w] &= ~t[w];
    return;
  }
  grow(scratch_, n_);
  eval_into(evaluator(leaf_eval_[n], e), e, scratch_.data());
  kernels::truth_of_values(scratch_.data(), n_, t, f);
}

void Workspace::eval_node(int n) {
  if (group_of_[n] >= 0) {
    eval_group(groups_[group_of_[n]]);
    return;
  }
  const Node& node = rules_->nodes[n];
  Word* t = bits_of(n);
  Word* f = t + words_;
  const size_t W = words_;
  const Word last = n_ % 64 ? (Word{1} << (n_ % 64)) - 1 : ~Word{0};
  switch (node.kind) {
    case Node::Kind::kLeaf:
      if (node.expr) {
        eval_leaf(n, t, f);
        break;
      }
      [[fallthrough]];
    case Node::Kind::kRef:  // never evaluated here: canon_ stands a reference for its criterion
    case Node::Kind::kUnknown:
      std::fill(t, t + 2 * W, Word{0});
      break;
    case Node::Kind::kAll:
    case Node::Kind::kAny: {
      const bool all = node.kind == Node::Kind::kAll;
      bool first = true;
      for (int c : node.children) {
        const Word* ct = bits(c);
        const Word* cf = ct + W;
        if (first) {
          std::copy(ct, ct + 2 * W, t);
        } else if (all) {
          for (size_t w = 0; w < W; ++w) t[w] &= ct[w], f[w] |= cf[w];
        } else {
          for (size_t w = 0; w < W; ++w) t[w] |= ct[w], f[w] &= cf[w];
        }
        first = false;
        // Short-circuit over the whole column: once every unit is decided (all false for
        // `all`, all true for `any`), the remaining children cannot change anything.
        const Word* decided = all ? f : t;
        bool done = W > 0;
        for (size_t w = 0; w + 1 < W && done; ++w) done = decided[w] == ~Word{0};
        if (done && (decided[W - 1] & last) != last) done = false;
        if (done) break;
      }
      if (first) std::fill(t, t + 2 * W, Word{0});
      break;
    }
    case Node::Kind::kNot: {
      const Word* ct = bits(node.children.at(0));
      std::copy(ct + W, ct + 2 * W, t);
      std::copy(ct, ct + W, f);
      break;
    }
    case Node::Kind::kAtLeast: {
      std::fill(t, t + 2 * W, Word{0});
      const unsigned k = static_cast<unsigned>(node.at_least);
      for (size_t w = 0; w < W; ++w) {
        const size_t end = std::min<size_t>(64, n_ - 64 * w);
        for (size_t j = 0; j < end; ++j) {
          unsigned yes = 0, maybe = 0;
          for (int c : node.children) {
            const Word* ct = bits(c);
            yes += (ct[w] >> j) & 1;
            maybe += !((ct[w] >> j) & 1) && !((ct[W + w] >> j) & 1);
          }
          t[w] |= static_cast<Word>(yes >= k) << j;
          f[w] |= static_cast<Word>(yes + maybe < k) << j;
        }
      }
      break;
    }
  }
  node_epoch_[n] = epoch_;
}

const Workspace::Word* Workspace::bits(int n) {
  n = canon_[n];
  if (node_epoch_[n] != epoch_) eval_node(n);
  return bits_of(n);
}

const unsigned char* Workspace::node(int n) {
  n = canon_[n];
  grow(bytes_, n_ * rules_->nodes.size());
  unsigned char* out = bytes_.data() + static_cast<size_t>(n) * n_;
  if (byte_epoch_[n] != epoch_) {
    const Word* t = bits(n);
    kernels::truth_bytes(t, t + words_, n_, out);
    byte_epoch_[n] = epoch_;
  }
  return out;
}

Truth Workspace::node(int n, size_t i) {
  const Word* t = bits(n);
  const Word bit = Word{1} << (i % 64);
  if (t[i / 64] & bit) return kTrue;
  return t[words_ + i / 64] & bit ? kFalse : kUnknown;
}

Truth Workspace::criterion(const std::string& name, size_t i) {
  int c = rules_->criterion_index(name);
  if (c < 0) return kUnknown;
  return node(rules_->criteria[c].root, i);
}

const std::vector<int>& Workspace::classes(const Classification& c) {
  const auto& all = rules_->classifications;
  size_t ci = 0;
  while (ci < all.size() && &all[ci] != &c) ++ci;
  if (ci == all.size()) {  // a copy: found by name
    ci = 0;
    while (ci < all.size() && all[ci].name != c.name) ++ci;
    if (ci == all.size()) throw std::invalid_argument("classification '" + c.name + "' is not in rule set " + rules_->id);
  }
  std::vector<int>& out = classes_[ci];
  if (class_epoch_[ci] == epoch_) return out;
  const Classification& cl = all[ci];
  // The pure fallback, and an intended catch-all that is also last, take the rest whatever its
  // own `when` says (a miss there is reported by the gap search, not hidden in the classes).
  size_t m = 0;
  int rest = -2;  // no rule matched, no fallback
  for (size_t r = 0; r < cl.order.size(); ++r) {
    const ClassRule& rule = cl.order[r];
    if (rule.when < 0 || (rule.fallback && r + 1 == cl.order.size())) {
      rest = static_cast<int>(r);
      break;
    }
    when_t_[m] = bits(rule.when);
    when_f_[m] = when_t_[m] + words_;
    ++m;
  }
  out.resize(n_);
  kernels::classify(when_t_.data(), when_f_.data(), m, rest, n_, take_.data(), out.data());
  class_epoch_[ci] = epoch_;
  return out;
}

std::string Workspace::class_name(const Classification& c, size_t i) {
  int k = classes(c)[i];
  if (k == -1) return "unknown";
  if (k == -2) return "none";
  return c.order[k].cls;
}

}  // namespace lotrinh::rules
