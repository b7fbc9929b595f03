#include "rules/gap_search.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "rules/evaluation.h"

namespace lotrinh::rules {
namespace {

void collect(const RuleSet& rs, int n, std::map<int, std::set<double>>& thresholds, std::vector<bool>& seen,
             const Workspace& params) {
  const Node& nd = rs.nodes[n];
  if (nd.kind == Node::Kind::kRef) {
    if (!seen[nd.ref]) {
      seen[nd.ref] = true;
      collect(rs, rs.criteria[nd.ref].root, thresholds, seen, params);
    }
    return;
  }
  if (nd.kind == Node::Kind::kLeaf && nd.expr) {
    const auto& cmp = nd.expr->comparison();
    for (int s : nd.expr->slots())
      if (rs.slots[s].kind != SlotKind::kParameter) thresholds[s];
    if (cmp && rs.slots[cmp->lhs_slot].kind != SlotKind::kParameter) {
      double t = cmp->rhs_slot < 0 ? cmp->rhs_constant
                 : rs.slots[cmp->rhs_slot].kind == SlotKind::kParameter ? params.parameter(cmp->rhs_slot)
                                                                       : NAN;
      if (!std::isnan(t)) thresholds[cmp->lhs_slot].insert(t);
    }
  }
  for (int c : nd.children) collect(rs, c, thresholds, seen, params);
}

}  // namespace

std::string box_size_text(double combinations) {
  if (combinations < 9007199254740992.0) return fmt::format("{}", static_cast<unsigned long long>(combinations));
  return fmt::format("≈ {:.2g}", combinations);
}

GapReport search_gaps(const std::shared_ptr<const RuleSet>& rules, const Classification& c, int year, size_t cap) {
  const RuleSet& rs = *rules;
  GapReport rep;
  // Parameter values for the year, from an evaluation over no units.
  Inputs none;
  none.column = [](const std::string&) -> const double* { return nullptr; };
  Evaluation params(rules, none, year);
  std::map<int, std::set<double>> thresholds;
  std::vector<bool> seen(rs.criteria.size(), false);
  for (const auto& r : c.order)
    if (r.when >= 0) collect(rs, r.when, thresholds, seen, params);
  for (const auto& [slot, ts] : thresholds) {
    std::set<double> vals;
    if (rs.slots[slot].unit == "flag") vals = {0, 1};
    for (double t : ts) {
      double d = std::max(1e-4, std::fabs(t) * 1e-4);
      // Rounded to 12 significant digits so that reports show 0.1999, not 0.19990000000000002.
      auto tidy = [](double v) { return std::stod(fmt::format("{:.12g}", v)); };
      vals.insert(tidy(t - d));
      vals.insert(t);
      vals.insert(tidy(t + d));
    }
    if (vals.empty()) vals = {0, 1};
    rep.variables.push_back(rs.slots[slot].name);
    rep.candidates.emplace_back(vals.begin(), vals.end());
  }
  // The true count in double; the sampled box's size_t count stops growing past cap * 1000 (the
  // stride spreads the cap's samples over that part of the box: the leading variables vary).
  size_t total = 1;
  rep.combinations = 1;
  for (const auto& v : rep.candidates) {
    rep.combinations *= static_cast<double>(v.size());
    total = total > cap * 1000 ? total : total * v.size();
  }
  size_t stride = total > cap ? (total + cap - 1) / cap : 1;
  size_t n = (total + stride - 1) / stride;
  rep.examined = n;
  auto cols = std::make_shared<std::map<std::string, std::vector<double>>>();
  for (size_t v = 0; v < rep.variables.size(); ++v) (*cols)[rep.variables[v]].resize(n);
  for (size_t k = 0; k < n; ++k) {
    size_t idx = k * stride;
    for (size_t v = rep.variables.size(); v-- > 0;) {
      const auto& cand = rep.candidates[v];
      (*cols)[rep.variables[v]][k] = cand[idx % cand.size()];
      idx /= cand.size();
    }
  }
  Inputs in;
  in.n = n;
  in.column = [cols](const std::string& name) -> const double* {
    auto it = cols->find(name);
    return it == cols->end() ? nullptr : it->second.data();
  };
  Evaluation ev(rules, in, year);
  const auto& classes = ev.classes(c);
  std::map<GapFinding::Kind, int> shown;
  auto example = [&](GapFinding::Kind kind, size_t k, std::string detail) {
    if (shown[kind]++ >= 10) return;
    GapFinding f{kind, {}, std::move(detail)};
    for (const auto& v : rep.variables) f.values.push_back((*cols)[v][k]);
    rep.examples.push_back(std::move(f));
  };
  for (size_t k = 0; k < n; ++k) {
    int decided = classes[k];
    std::vector<std::string> claim;
    for (const auto& r : c.order)
      if (r.when >= 0 && !r.fallback && ev.node(r.when, k) == kTrue) claim.push_back(r.cls);
    if (decided == -2) {
      ++rep.gaps;
      example(GapFinding::Kind::kGap, k, "");
    } else if (decided == -1) {
      ++rep.undecided;
    } else if (c.order[decided].fallback && c.order[decided].when >= 0 && ev.node(c.order[decided].when, k) == kFalse) {
      ++rep.accidents;
      example(GapFinding::Kind::kAccident, k, c.order[decided].cls);
    }
    if (claim.size() >= 2) {
      ++rep.overlaps;
      std::string d;
      for (const auto& s : claim) d += (d.empty() ? "" : ", ") + s;
      example(GapFinding::Kind::kOverlap, k, d);
    }
  }
  return rep;
}

}  // namespace lotrinh::rules
