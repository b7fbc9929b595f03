#include "rules/evaluation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "rules/column_kernels.h"

namespace lotrinh::rules {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Derived values are rounded to 12 significant digits: data are decimal, doubles are binary,
// and without this 0.35 + 0.30 gives 0.6499999999999999, just short of a 65 % threshold.
double round_to_12_digits(double v) {
  if (!std::isfinite(v) || v == 0) return v;
  const double scale = std::pow(10.0, 11 - static_cast<int>(std::floor(std::log10(std::fabs(v)))));
  const double r = std::round(v * scale) / scale;
  return std::isfinite(r) ? r : v;
}

std::string year_ranges(const std::vector<config::ParamValue>& values) {
  std::string s;
  for (const auto& v : values) {
    if (!s.empty()) s += ", ";
    s += (v.from_year ? std::to_string(v.from_year) : std::string("...")) + "-" +
         (v.until_year ? std::to_string(v.until_year) : std::string("..."));
  }
  return s;
}

}  // namespace

Inputs table_inputs(const data::CommuneTable& table, const std::vector<size_t>& rows,
                    std::shared_ptr<std::map<std::string, std::vector<double>>> storage) {
  Inputs in;
  in.n = rows.size();
  bool contiguous = true;
  for (size_t i = 1; i < rows.size(); ++i) contiguous = contiguous && rows[i] == rows[0] + i;
  in.column = [&table, rows, storage, contiguous](const std::string& name) -> const double* {
    const std::vector<double>* col = table.column(name);
    if (!col) return nullptr;
    if (rows.empty()) return col->data();
    if (contiguous) return col->data() + rows[0];
    auto& out = (*storage)[name];
    if (out.empty()) {
      out.reserve(rows.size());
      for (size_t r : rows) out.push_back((*col)[r]);
    }
    return out.data();
  };
  return in;
}

Evaluation::Evaluation(std::shared_ptr<const RuleSet> rules, Inputs inputs, int year, Overrides overrides,
                       bool check_year)
    : rules_(std::move(rules)), inputs_(std::move(inputs)), year_(year), n_(inputs_.n) {
  const RuleSet& rs = *rules_;
  diag::DiagnosticSink sink;
  if (check_year && !rs.applies_to_year(year)) {
    diag::Diagnostic d;
    d.subject = rs.path;
    d.message = diag::msg("rules.year_outside", rs.id, year, rs.period_text());
    d.hint = diag::msg("rules.year_outside.hint");
    throw diag::InputError(d);
  }
  const size_t slots = rs.slots.size();
  col_.assign(slots, nullptr);
  owned_.resize(slots);
  param_.assign(slots, kNaN);
  resolved_.resize(slots);
  for (size_t s = 0; s < slots; ++s) resolved_[s] = rs.slots[s].name;
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
  for (size_t s = 0; s < slots; ++s) {
    if (rs.slots[s].kind != SlotKind::kAlias) continue;
    auto r = rs.catalogue->resolve(rs.slots[s].name, year);
    if (r) resolved_[s] = *r;
  }
  sink.throw_if_errors();
  nodes_.resize(rs.nodes.size());
}

const double* Evaluation::column(int slot) {
  if (col_[slot]) return col_[slot];
  const RuleSet& rs = *rules_;
  const Slot& s = rs.slots[slot];
  const double* p = nullptr;
  switch (s.kind) {
    case SlotKind::kIndicator:
    case SlotKind::kAlias:
      p = inputs_.column(s.name);
      // An alias reads the indicator it resolves to in this year; with none, the slot is missing.
      if (!p && resolved_[slot] != s.name) p = inputs_.column(resolved_[slot]);
      break;
    case SlotKind::kParameter:
      owned_[slot].assign(n_, param_[slot]);
      p = owned_[slot].data();
      break;
    case SlotKind::kDerived: {
      p = inputs_.column(s.name);
      if (p) break;
      for (const auto& d : rs.derived) {
        if (d.slot != slot) continue;
        std::vector<const double*> cols(rs.slots.size(), nullptr);
        for (int used : d.expr.slots()) cols[used] = column(used);
        owned_[slot].resize(n_);
        d.expr.eval_columns(cols, n_, owned_[slot].data());
        for (double& v : owned_[slot]) v = round_to_12_digits(v);
        p = owned_[slot].data();
      }
      break;
    }
  }
  if (!p) {
    owned_[slot].assign(n_, kNaN);
    p = owned_[slot].data();
  }
  col_[slot] = p;
  return p;
}

void Evaluation::eval_leaf(const Node& node, unsigned char* out) {
  const expr::CompiledExpr& e = *node.expr;
  if (const auto& cmp = e.comparison()) {
    const double* x = column(cmp->lhs_slot);
    if (cmp->rhs_slot < 0 || rules_->slots[cmp->rhs_slot].kind == SlotKind::kParameter) {
      // A parameter is a constant for the whole column: folded here, not read per unit.
      double c = cmp->rhs_slot < 0 ? cmp->rhs_constant : param_[cmp->rhs_slot];
      kernels::compare_constant(cmp->op, x, c, n_, out);
    } else {
      kernels::compare_columns(cmp->op, x, column(cmp->rhs_slot), n_, out);
    }
    return;
  }
  std::vector<const double*> cols(rules_->slots.size(), nullptr);
  for (int used : e.slots()) cols[used] = column(used);
  scratch_.resize(n_);
  e.eval_columns(cols, n_, scratch_.data());
  for (size_t i = 0; i < n_; ++i) {
    double v = scratch_[i];
    out[i] = std::isnan(v) ? kUnknown : (v != 0 ? kTrue : kFalse);
  }
}

void Evaluation::eval_node(int n) {
  const Node& node = rules_->nodes[n];
  // Not value-initialised: every case below writes all n bytes.
  std::unique_ptr<unsigned char[]> buffer(new unsigned char[n_ ? n_ : 1]);
  unsigned char* out = buffer.get();
  switch (node.kind) {
    case Node::Kind::kLeaf:
      if (node.expr) eval_leaf(node, out);
      else std::fill(out, out + n_, kUnknown);
      break;
    case Node::Kind::kRef:  // never stored: node() answers with the criterion's own column
      break;
    case Node::Kind::kUnknown:
      std::fill(out, out + n_, kUnknown);
      break;
    case Node::Kind::kAll:
    case Node::Kind::kAny: {
      bool all = node.kind == Node::Kind::kAll;
      bool first = true;
      for (int c : node.children) {
        const unsigned char* v = this->node(c);
        if (first) std::copy(v, v + n_, out);
        else if (all) kernels::and_into(out, v, n_);
        else kernels::or_into(out, v, n_);
        first = false;
        // Short-circuit over the whole column: once every unit is decided (all false for
        // `all`, all true for `any`), the remaining children cannot change anything.
        if (kernels::all_equal(out, n_, all ? kFalse : kTrue)) break;
      }
      break;
    }
    case Node::Kind::kNot: {
      kernels::negate(this->node(node.children.at(0)), n_, out);
      break;
    }
    case Node::Kind::kAtLeast: {
      std::vector<unsigned short> yes(n_, 0), maybe(n_, 0);
      for (int c : node.children) {
        const unsigned char* v = this->node(c);
        for (size_t i = 0; i < n_; ++i) {
          yes[i] += v[i] == kTrue;
          maybe[i] += v[i] == kUnknown;
        }
      }
      const unsigned k = static_cast<unsigned>(node.at_least);
      for (size_t i = 0; i < n_; ++i)
        out[i] = yes[i] >= k ? kTrue : (yes[i] + maybe[i] < k ? kFalse : kUnknown);
      break;
    }
  }
  nodes_[n] = std::move(buffer);
}

const unsigned char* Evaluation::node(int n) {
  const Node& nd = rules_->nodes[n];
  if (nd.kind == Node::Kind::kRef) return node(rules_->criteria[nd.ref].root);
  if (nd.same_as >= 0) return node(nd.same_as);
  if (!nodes_[n]) eval_node(n);
  return nodes_[n].get();
}

Truth Evaluation::criterion(const std::string& name, size_t i) {
  int c = rules_->criterion_index(name);
  if (c < 0) return kUnknown;
  return node(rules_->criteria[c].root, i);
}

const std::vector<int>& Evaluation::classes(const Classification& c) {
  auto it = classes_.find(c.name);
  if (it != classes_.end()) return it->second;
  constexpr int kPending = -3;
  std::vector<int> out(n_, kPending);
  for (size_t r = 0; r < c.order.size(); ++r) {
    const ClassRule& rule = c.order[r];
    // The pure fallback, and an intended catch-all that is also last, take the rest whatever its
    // own `when` says (a miss there is reported by the gap search, not hidden in the classes).
    if (rule.when < 0 || (rule.fallback && r + 1 == c.order.size())) {
      kernels::classify_rest(static_cast<int>(r), kPending, n_, out.data());
      break;
    }
    kernels::classify_step(node(rule.when), static_cast<int>(r), kPending, -1, n_, out.data());
  }
  kernels::classify_rest(-2, kPending, n_, out.data());  // no rule matched, no fallback
  return classes_.emplace(c.name, std::move(out)).first->second;
}

std::string Evaluation::class_name(const Classification& c, size_t i) {
  int k = classes(c)[i];
  if (k == -1) return "unknown";
  if (k == -2) return "none";
  return c.order[k].cls;
}

}  // namespace lotrinh::rules
