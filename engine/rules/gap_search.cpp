#include "rules/gap_search.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "rules/evaluation.h"
#include "rules/value_checks.h"

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


// Whether a combination's clause node `n` is worth naming: a criterion with a title or an
// article, or a node with an article of its own.
bool labelled(const RuleSet& rs, int n) {
  const Node& nd = rs.nodes[n];
  if (nd.kind == Node::Kind::kRef) {
    const Criterion& c = rs.criteria[nd.ref];
    return !c.title.vi.empty() || !c.title.en.empty() || !rs.nodes[c.root].source.empty();
  }
  return !nd.source.empty() || !nd.title.vi.empty() || !nd.title.en.empty();
}

// The clauses that make true node `n` true for unit k: at each `any`, the first alternative
// that holds (in the file's order), named where it has a title or an article, else looked into
// further. An `at least k of n` is not looked into: which k hold would split the findings into
// every subset; the criterion holding it names it.
void chosen(Workspace& ev, int n, size_t k, std::vector<int>& out) {
  const RuleSet& rs = ev.rules();
  const Node& nd = rs.nodes[n];
  switch (nd.kind) {
    case Node::Kind::kRef: return chosen(ev, rs.criteria[nd.ref].root, k, out);
    case Node::Kind::kAll:
      for (int c : nd.children) chosen(ev, c, k, out);
      return;
    case Node::Kind::kAny:
      for (int c : nd.children) {
        if (ev.node(c, k) != kTrue) continue;
        if (labelled(rs, c)) out.push_back(c);
        else chosen(ev, c, k, out);
        return;
      }
      return;
    default: return;
  }
}

// The unknown clauses (or leaves) under node `n` that leave it unknown for unit k.
void unknowns(Workspace& ev, int n, size_t k, std::vector<int>& out) {
  const RuleSet& rs = ev.rules();
  const Node& nd = rs.nodes[n];
  if (ev.node(n, k) != kUnknown) return;
  if (nd.kind == Node::Kind::kUnknown || nd.kind == Node::Kind::kLeaf) {
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    return;
  }
  if (nd.kind == Node::Kind::kRef) return unknowns(ev, rs.criteria[nd.ref].root, k, out);
  for (int c : nd.children) unknowns(ev, c, k, out);
}

// A combination as candidate indexes, one per variable.
using Point = std::vector<uint32_t>;

uint64_t mix(uint64_t x) {  // splitmix64's finaliser: a fixed, well-spread hash
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
uint64_t coord_hash(size_t v, uint32_t value) { return mix((static_cast<uint64_t>(v) << 32) | value); }

std::vector<std::vector<int>> value_lists(const std::vector<const Point*>& pts, size_t nv) {
  std::vector<std::vector<int>> lists(nv);
  for (size_t v = 0; v < nv; ++v) {
    std::set<int> s;
    for (const Point* p : pts) s.insert((*p)[v]);
    lists[v].assign(s.begin(), s.end());
  }
  return lists;
}

// Cuts a set of combinations into boxes. A variable whose values fall into parts with the same
// combinations of the other variables (a hash of the set of their projections, a sum of 64-bit
// hashes) splits the set by those parts; the variable making the fewest parts is taken.
void cut(const std::vector<const Point*>& pts, size_t nv, std::vector<GapBox>& out, size_t max_boxes) {
  auto lists = value_lists(pts, nv);
  double product = 1;
  for (const auto& l : lists) product *= static_cast<double>(l.size());
  if (product == static_cast<double>(pts.size()) || out.size() >= max_boxes) {
    GapBox b;
    b.values = std::move(lists);
    b.count = pts.size();
    b.exact = product == static_cast<double>(pts.size());
    out.push_back(std::move(b));
    return;
  }
  std::vector<uint64_t> h(pts.size(), 0);
  for (size_t i = 0; i < pts.size(); ++i)
    for (size_t v = 0; v < nv; ++v) h[i] += coord_hash(v, (*pts[i])[v]);
  auto signatures = [&](size_t v) {
    std::map<int, uint64_t> sig;  // a value of v -> the hash of its projections' set
    for (size_t i = 0; i < pts.size(); ++i) sig[(*pts[i])[v]] += mix(h[i] - coord_hash(v, (*pts[i])[v]));
    return sig;
  };
  size_t best = nv, best_parts = std::numeric_limits<size_t>::max();
  for (size_t v = 0; v < nv; ++v) {
    if (lists[v].size() < 2) continue;
    std::set<uint64_t> parts;
    for (const auto& [value, s] : signatures(v)) parts.insert(s);
    if (parts.size() >= 2 && parts.size() < best_parts) best = v, best_parts = parts.size();
  }
  if (best == nv) {  // every variable factors out: a box after all (cannot happen; kept safe)
    GapBox b;
    b.values = std::move(lists);
    b.count = pts.size();
    b.exact = false;
    out.push_back(std::move(b));
    return;
  }
  auto sig = signatures(best);
  std::map<uint64_t, int> first_value;  // each part, by its smallest value of `best`
  for (const auto& [value, s] : sig) first_value.emplace(s, value);
  std::map<int, std::vector<const Point*>> parts;
  for (const Point* p : pts) parts[first_value.at(sig.at((*p)[best]))].push_back(p);
  for (const auto& [value, part] : parts) cut(part, nv, out, max_boxes);
}

}  // namespace

std::string box_size_text(double combinations) {
  if (combinations < 9007199254740992.0) return fmt::format("{}", static_cast<unsigned long long>(combinations));
  return fmt::format("≈ {:.2g}", combinations);
}

GapReport search_gaps(const std::shared_ptr<const RuleSet>& rules, const Classification& c, int year, size_t cap) {
  const RuleSet& rs = *rules;
  GapReport rep;
  rep.rules = rules;
  rep.classification = c.name;
  rep.year = year;
  // Parameter values for the year, from an evaluation over no units.
  Inputs none;
  none.column = [](const std::string&) -> const double* { return nullptr; };
  Evaluation params(rules, none, year);
  std::map<int, std::set<double>> thresholds;
  std::vector<bool> seen(rs.criteria.size(), false);
  for (const auto& r : c.order)
    if (r.when >= 0) collect(rs, r.when, thresholds, seen, params);
  for (const auto& [slot, ts] : thresholds) {
    const std::string& unit = rs.slots[slot].unit;
    std::set<double> vals;
    if (unit == "flag") {
      vals = {0, 1};  // a flag is 0 or 1: the loaders refuse anything else
    } else {
      for (double t : ts) {
        double d = std::max(1e-4, std::fabs(t) * 1e-4);
        // Rounded to 12 significant digits so that reports show 0.1999, not 0.19990000000000002.
        auto tidy = [](double v) { return std::stod(fmt::format("{:.12g}", v)); };
        // A value its unit cannot take (a share below 0 or above 1, a negative count) is no unit's.
        for (double v : {tidy(t - d), t, tidy(t + d)})
          if (!check_value(rs.slots[slot].name, v, unit, -1e300, 1e300)) vals.insert(v);
      }
    }
    if (vals.empty()) vals = {0, 1};
    rep.variables.push_back(rs.slots[slot].name);
    rep.slots.push_back(slot);
    rep.candidates.emplace_back(vals.begin(), vals.end());
    rep.thresholds.emplace_back(ts.begin(), ts.end());
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
  const size_t nv = rep.variables.size();
  // The candidate indexes of examined combination k.
  auto point = [&](size_t k) {
    Point p(nv);
    size_t idx = k * stride;
    for (size_t v = nv; v-- > 0;) {
      p[v] = static_cast<uint32_t>(idx % rep.candidates[v].size());
      idx /= rep.candidates[v].size();
    }
    return p;
  };
  auto cols = std::make_shared<std::map<std::string, std::vector<double>>>();
  for (size_t v = 0; v < nv; ++v) (*cols)[rep.variables[v]].resize(n);
  std::vector<std::vector<bool>> taken(nv);
  for (size_t v = 0; v < nv; ++v) taken[v].assign(rep.candidates[v].size(), false);
  for (size_t k = 0; k < n; ++k) {
    Point p = point(k);
    for (size_t v = 0; v < nv; ++v) {
      (*cols)[rep.variables[v]][k] = rep.candidates[v][p[v]];
      taken[v][p[v]] = true;
    }
  }
  rep.seen.resize(nv);
  for (size_t v = 0; v < nv; ++v)
    for (size_t i = 0; i < taken[v].size(); ++i)
      if (taken[v][i]) rep.seen[v].push_back(static_cast<int>(i));
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
  // Kind, rules, decided rule, clauses: the findings that share them make a group.
  using Key = std::tuple<int, std::vector<int>, int, std::vector<std::vector<int>>>;
  std::map<Key, std::vector<size_t>> members;
  for (size_t k = 0; k < n; ++k) {
    int decided = classes[k];
    std::vector<int> claim;
    for (size_t r = 0; r < c.order.size(); ++r)
      if (c.order[r].when >= 0 && !c.order[r].fallback && ev.node(c.order[r].when, k) == kTrue)
        claim.push_back(static_cast<int>(r));
    if (decided == -2) {
      ++rep.gaps;
      example(GapFinding::Kind::kGap, k, "");
      members[Key{static_cast<int>(GapFinding::Kind::kGap), {}, -1, {}}].push_back(k);
    } else if (decided == -1) {
      ++rep.undecided;
      for (size_t r = 0; r < c.order.size(); ++r) {
        if (c.order[r].when < 0 || ev.node(c.order[r].when, k) != kUnknown) continue;
        std::vector<int> why;
        unknowns(ev, c.order[r].when, k, why);
        members[Key{static_cast<int>(GapFinding::Kind::kUndecided), {static_cast<int>(r)}, -1, {why}}].push_back(k);
        break;
      }
    } else if (c.order[decided].fallback && c.order[decided].when >= 0 && ev.node(c.order[decided].when, k) == kFalse) {
      ++rep.accidents;
      example(GapFinding::Kind::kAccident, k, c.order[decided].cls);
      members[Key{static_cast<int>(GapFinding::Kind::kAccident), {decided}, -1, {{c.order[decided].when}}}].push_back(k);
    }
    if (claim.size() >= 2) {
      ++rep.overlaps;
      std::string d;
      for (int r : claim) d += (d.empty() ? "" : ", ") + c.order[r].cls;
      example(GapFinding::Kind::kOverlap, k, d);
      std::vector<std::vector<int>> why;
      for (int r : claim) {
        std::vector<int> w;
        chosen(ev, c.order[r].when, k, w);
        if (w.empty()) w.push_back(c.order[r].when);
        why.push_back(std::move(w));
      }
      members[Key{static_cast<int>(GapFinding::Kind::kOverlap), claim, decided, why}].push_back(k);
    }
  }
  // Each group cut into boxes; one that takes more than a few is described by its bounds alone.
  constexpr size_t kMaxBoxes = 8;
  for (const auto& [key, ks] : members) {
    GapGroup g;
    g.kind = static_cast<GapFinding::Kind>(std::get<0>(key));
    g.rules = std::get<1>(key);
    g.decided = std::get<2>(key);
    g.clauses = std::get<3>(key);
    g.count = ks.size();
    std::vector<Point> pts;
    pts.reserve(ks.size());
    for (size_t k : ks) pts.push_back(point(k));
    std::vector<const Point*> all;
    for (const auto& p : pts) all.push_back(&p);
    // A sampled search saw scattered combinations: cutting them would only describe the sample.
    if (static_cast<double>(rep.examined) == rep.combinations) cut(all, nv, g.boxes, kMaxBoxes + 1);
    bool whole = !g.boxes.empty() && g.boxes.size() <= kMaxBoxes;
    for (const auto& b : g.boxes) whole = whole && b.exact;
    if (!whole) {
      g.boxes.clear();
      GapBox b;
      b.values = value_lists(all, nv);
      b.count = all.size();
      double product = 1;
      for (const auto& l : b.values) product *= static_cast<double>(l.size());
      b.exact = product == static_cast<double>(b.count);
      g.boxes.push_back(std::move(b));
    }
    // An example per box: its first combination in the order examined.
    for (auto& b : g.boxes) {
      for (const auto& p : pts) {
        bool in_box = true;
        for (size_t v = 0; v < nv && in_box; ++v)
          in_box = std::binary_search(b.values[v].begin(), b.values[v].end(), static_cast<int>(p[v]));
        if (!in_box) continue;
        for (size_t v = 0; v < nv; ++v) b.example.push_back(rep.candidates[v][p[v]]);
        break;
      }
    }
    rep.groups.push_back(std::move(g));
  }
  return rep;
}

}  // namespace lotrinh::rules
