#include "rules/borderline.h"

#include <cmath>
#include <set>

#include "rules/explanation.h"

namespace lotrinh::rules {
namespace {

struct Walk {
  Workspace& ev;
  const RuleSet& rs;
  size_t i;
  double margin;
  std::set<int> seen;
  std::vector<NearThreshold> out;

  void node(int n, const std::string& criterion) {
    const Node& nd = rs.nodes[static_cast<size_t>(n)];
    if (nd.kind == Node::Kind::kRef) {
      const Criterion& c = rs.criteria[static_cast<size_t>(nd.ref)];
      return node(c.root, c.name);
    }
    for (int c : nd.children) node(c, criterion);
    if (nd.kind != Node::Kind::kLeaf || !nd.expr || !seen.insert(n).second) return;
    const auto& cmp = nd.expr->comparison();
    if (!cmp || cmp->op == expr::CompareOp::kEq || cmp->op == expr::CompareOp::kNe) return;
    const double v = ev.value(cmp->lhs_slot, i);
    const double t = cmp->rhs_slot < 0 ? cmp->rhs_constant : ev.value(cmp->rhs_slot, i);
    if (!std::isfinite(v) || !std::isfinite(t)) return;
    const bool rate = rs.slots[static_cast<size_t>(cmp->lhs_slot)].unit == "fraction";
    const double gap = std::fabs(v - t);
    // A hair of tolerance so that a value exactly `margin` away counts despite rounding.
    const double limit = (rate ? margin : margin * std::fabs(t)) * (1 + 1e-9) + 1e-12;
    if (gap > limit) return;
    out.push_back({n, criterion, nd.text, leaf_detail(ev, n, i), gap, rate});
  }
};

}  // namespace

std::vector<NearThreshold> near_thresholds(Workspace& ev, size_t i, const Classification& c, double margin) {
  Walk w{ev, ev.rules(), i, margin, {}, {}};
  const int decided = ev.classes(c)[i];
  for (size_t r = 0; r < c.order.size(); ++r) {
    const ClassRule& rule = c.order[r];
    if (rule.when >= 0) w.node(rule.when, "");
    if (static_cast<int>(r) == decided || (rule.when >= 0 && ev.node(rule.when, i) == kUnknown)) break;
  }
  return std::move(w.out);
}

}  // namespace lotrinh::rules
