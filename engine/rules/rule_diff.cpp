#include "rules/rule_diff.h"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "diag/messages.h"
#include "diag/words.h"
#include "rules/explanation.h"

namespace lotrinh::rules {
namespace {

// The value of p in force in `year`, when known.
std::optional<double> param_value(const Parameter& p, int year) {
  for (const auto& v : p.decl.values)
    if ((v.from_year == 0 || v.from_year <= year) && (v.until_year == 0 || year <= v.until_year)) return v.value;
  return std::nullopt;
}

std::string param_text(const Parameter& p, int year) {
  if (!p.known()) return diag::msg("diff.value_unknown");
  for (const auto& v : p.decl.values)
    if ((v.from_year == 0 || v.from_year <= year) && (v.until_year == 0 || year <= v.until_year))
      return fmt::format("{}", v.value);
  return diag::msg("diff.no_value_in_year", year);
}

std::string classification_text(const RuleSet& rs, const Classification& c) {
  std::string s;
  for (const auto& r : c.order) {
    if (!s.empty()) s += "; ";
    s += r.cls + (r.when >= 0 ? " if " + rs.render_node(r.when) : "");
  }
  return s;
}

// Leaves reachable from node n, keyed by text, in traversal order.
void leaves(const RuleSet& rs, int n, std::vector<int>& out, std::vector<bool>& seen_crit) {
  const Node& nd = rs.nodes[n];
  if (nd.kind == Node::Kind::kLeaf || nd.kind == Node::Kind::kUnknown) out.push_back(n);
  if (nd.kind == Node::Kind::kRef && !seen_crit[nd.ref]) {
    seen_crit[nd.ref] = true;
    leaves(rs, rs.criteria[nd.ref].root, out, seen_crit);
  }
  for (int c : nd.children) leaves(rs, c, out, seen_crit);
}

std::vector<int> classification_leaves(const RuleSet& rs, const Classification& c) {
  std::vector<int> out;
  std::vector<bool> seen(rs.criteria.size(), false);
  for (const auto& r : c.order)
    if (r.when >= 0) leaves(rs, r.when, out, seen);
  return out;
}

std::string word(Truth t) { return diag::word("truth", t == kTrue ? "true" : t == kFalse ? "false" : "unknown"); }

}  // namespace

std::vector<RuleChange> diff_rules(const RuleSet& a, const RuleSet& b, int year) {
  std::vector<RuleChange> out;
  for (const auto& pb : b.parameters) {
    const Parameter* pa = a.find_parameter(pb.decl.name);
    std::string after = param_text(pb, year);
    if (!pa) out.push_back({"parameter", pb.decl.name, "", after, std::nullopt, param_value(pb, year), pb.decl.unit});
    else if (param_text(*pa, year) != after)
      out.push_back({"parameter", pb.decl.name, param_text(*pa, year), after, param_value(*pa, year), param_value(pb, year), pb.decl.unit});
  }
  for (const auto& pa : a.parameters)
    if (!b.find_parameter(pa.decl.name)) out.push_back({"parameter", pa.decl.name, param_text(pa, year), "", param_value(pa, year), std::nullopt, pa.decl.unit});
  auto derived_text = [](const RuleSet& rs, const std::string& name) -> std::string {
    for (const auto& d : rs.derived)
      if (d.decl.name == name) return d.decl.expr.text;
    return {};
  };
  for (const auto& d : b.derived) {
    std::string before = derived_text(a, d.decl.name);
    if (before != d.decl.expr.text) out.push_back({"derived", d.decl.name, before, d.decl.expr.text, std::nullopt, std::nullopt, ""});
  }
  for (const auto& d : a.derived)
    if (derived_text(b, d.decl.name).empty()) out.push_back({"derived", d.decl.name, d.decl.expr.text, "", std::nullopt, std::nullopt, ""});
  for (const auto& cb : b.criteria) {
    std::string after = b.render_node(cb.root);
    const Criterion* ca = a.find_criterion(cb.name);
    std::string before = ca ? a.render_node(ca->root) : "";
    if (before != after) out.push_back({"criterion", cb.name, before, after, std::nullopt, std::nullopt, ""});
  }
  for (const auto& ca : a.criteria)
    if (!b.find_criterion(ca.name)) out.push_back({"criterion", ca.name, a.render_node(ca.root), "", std::nullopt, std::nullopt, ""});
  for (const auto& cb : b.classifications) {
    const Classification* ca = a.find_classification(cb.name);
    std::string after = classification_text(b, cb), before = ca ? classification_text(a, *ca) : "";
    if (before != after) out.push_back({"classification", cb.name, before, after, std::nullopt, std::nullopt, ""});
  }
  for (const auto& ca : a.classifications)
    if (!b.find_classification(ca.name)) out.push_back({"classification", ca.name, classification_text(a, ca), "", std::nullopt, std::nullopt, ""});
  return out;
}

std::vector<ClassChange> diff_classes(Workspace& a, Workspace& b) {
  std::vector<ClassChange> out;
  const RuleSet& ra = a.rules();
  const RuleSet& rb = b.rules();
  for (const auto& cb : rb.classifications) {
    const Classification* ca = ra.find_classification(cb.name);
    if (!ca) continue;
    std::vector<int> la = classification_leaves(ra, *ca), lb = classification_leaves(rb, cb);
    std::map<std::string, int> a_by_text;
    for (int n : la) a_by_text.emplace(ra.nodes[n].text + "|" + ra.nodes[n].note, n);
    for (size_t i = 0; i < b.size(); ++i) {
      std::string before = a.class_name(*ca, i), after = b.class_name(cb, i);
      if (before == after) continue;
      std::string deciding;
      for (int n : lb) {  // the first leaf that reads the same but answers differently
        auto it = a_by_text.find(rb.nodes[n].text + "|" + rb.nodes[n].note);
        if (it == a_by_text.end()) continue;
        Truth ta = a.node(it->second, i), tb = b.node(n, i);
        if (ta != tb) {
          deciding = diag::msg("diff.leaf_changed", rb.nodes[n].text, word(ta), word(tb), leaf_detail(b, n, i));
          break;
        }
      }
      if (deciding.empty()) {
        for (int n : lb) {  // else the first leaf that only the new rule set has
          const Node& nd = rb.nodes[n];
          if (a_by_text.count(nd.text + "|" + nd.note)) continue;
          Truth tb = b.node(n, i);
          std::string text = nd.kind == Node::Kind::kUnknown ? diag::msg("explain.unknown_clause") + ": " + nd.note : nd.text;
          deciding = diag::msg("diff.leaf_new", text, word(tb), leaf_detail(b, n, i));
          break;
        }
      }
      out.push_back({i, cb.name, before, after, deciding});
    }
  }
  return out;
}

}  // namespace lotrinh::rules
