#include "rules/gap_search.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>
#include <utility>

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
    std::vector<bool> has;
    for (const Point* p : pts) {
      if ((*p)[v] >= has.size()) has.resize((*p)[v] + 1, false);
      has[(*p)[v]] = true;
    }
    for (size_t i = 0; i < has.size(); ++i)
      if (has[i]) lists[v].push_back(static_cast<int>(i));
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


// Every combination, the last variable varying fastest.
std::vector<Point> every_combination(const std::vector<size_t>& sizes) {
  std::vector<Point> rows;
  Point p(sizes.size(), 0);
  for (size_t s : sizes)
    if (s == 0) return rows;
  for (;;) {
    rows.push_back(p);
    size_t v = sizes.size();
    while (v-- > 0) {
      if (++p[v] < sizes[v]) break;
      p[v] = 0;
    }
    if (v == static_cast<size_t>(-1)) return rows;
  }
}

// The pairs of values of two variables, each a flag: covered yet or not.
class PairTable {
 public:
  explicit PairTable(const std::vector<size_t>& sizes) : sizes_(sizes), base_(sizes.size() * sizes.size(), 0) {
    const size_t nv = sizes.size();
    size_t total = 0;
    for (size_t i = 0; i < nv; ++i)
      for (size_t j = i + 1; j < nv; ++j) {
        base_[i * nv + j] = total;
        total += sizes[i] * sizes[j];
      }
    covered_.assign(total, false);
    left_ = total;
    open_.resize(nv);
    for (size_t v = 0; v < nv; ++v) {
      size_t others = 0;
      for (size_t u = 0; u < nv; ++u)
        if (u != v) others += sizes[u];
      open_[v].assign(sizes[v], others);
    }
  }
  size_t left() const { return left_; }
  bool covered(size_t i, uint32_t a, size_t j, uint32_t b) const {
    if (i > j) std::swap(i, j), std::swap(a, b);
    return covered_[index(i, a, j, b)];
  }
  /// Pairs of value a of variable v not covered yet, with any value of another variable.
  size_t open(size_t v, uint32_t a) const { return open_[v][a]; }
  void cover(const Point& p) {
    const size_t nv = sizes_.size();
    for (size_t i = 0; i < nv; ++i)
      for (size_t j = i + 1; j < nv; ++j) {
        size_t k = index(i, p[i], j, p[j]);
        if (covered_[k]) continue;
        covered_[k] = true;
        --left_;
        --open_[i][p[i]];
        --open_[j][p[j]];
      }
  }
  /// The first pair not covered at or after `from` (a position in the table): its variables,
  /// values and position; false when every pair is covered.
  bool first_open(size_t& from, size_t& i, uint32_t& a, size_t& j, uint32_t& b) const {
    const size_t nv = sizes_.size();
    while (from < covered_.size() && covered_[from]) ++from;
    if (from == covered_.size()) return false;
    for (i = 0; i < nv; ++i)
      for (j = i + 1; j < nv; ++j) {
        size_t base = base_[i * nv + j];
        if (from < base || from >= base + sizes_[i] * sizes_[j]) continue;
        a = static_cast<uint32_t>((from - base) / sizes_[j]);
        b = static_cast<uint32_t>((from - base) % sizes_[j]);
        return true;
      }
    return false;
  }

 private:
  size_t index(size_t i, uint32_t a, size_t j, uint32_t b) const {
    return base_[i * sizes_.size() + j] + a * sizes_[j] + b;
  }
  std::vector<size_t> sizes_;
  std::vector<size_t> base_;  // per (i, j) with i < j: where its pairs start
  std::vector<bool> covered_;
  std::vector<std::vector<size_t>> open_;
  size_t left_ = 0;
};

// A combination's 64-bit fingerprint: two distinct combinations share one with a chance of
// about 2^-64 per pair (a repeat would only leave one combination out of the sample).
uint64_t fingerprint(const Point& p) {
  uint64_t h = 0;
  for (size_t v = 0; v < p.size(); ++v) h = mix(h ^ coord_hash(v, p[v]));
  return h;
}

}  // namespace

// The order of the rows: (1) as many rows as the longest list of values, row r taking value
// r modulo its count of each variable (so every value of each variable is examined); (2) rows
// built one at a time around the first pair of values of two variables not yet examined
// together, each other variable taking the value that completes the most pairs not yet examined
// (ties: the value with the most such pairs left, then the smaller), until every pair has been
// examined; (3) distinct combinations drawn at random with a fixed seed up to `cap`. Stops at
// `cap` wherever it is, and says what was covered. No clock, no global state.
BoxSample sample_box(const std::vector<size_t>& sizes, size_t cap) {
  BoxSample out;
  auto& rows = out.rows;
  const size_t nv = sizes.size();
  std::unordered_set<uint64_t> taken;
  taken.reserve(cap);
  PairTable pairs(sizes);
  // `fresh`: known to differ from every row so far (it holds a pair none of them has).
  auto add = [&](Point p, bool fresh = false) {
    if (rows.size() >= cap || (!taken.insert(fingerprint(p)).second && !fresh)) return;
    if (pairs.left() > 0) pairs.cover(p);
    rows.push_back(std::move(p));
  };
  size_t longest = 0;
  for (size_t s : sizes) longest = std::max(longest, s);
  for (size_t r = 0; r < longest; ++r) {
    Point p(nv);
    for (size_t v = 0; v < nv; ++v) p[v] = static_cast<uint32_t>(r % sizes[v]);
    add(std::move(p));
  }
  if (rows.size() < longest) {
    out.covering = rows.size();
    out.coverage = GapReport::Coverage::kSome;
    return out;
  }
  size_t from = 0, i = 0, j = 0;
  uint32_t a = 0, b = 0;
  while (rows.size() < cap && pairs.first_open(from, i, a, j, b)) {
    constexpr uint32_t kUnset = std::numeric_limits<uint32_t>::max();
    Point p(nv, kUnset);
    p[i] = a;
    p[j] = b;
    for (size_t u = 0; u < nv; ++u) {
      if (p[u] != kUnset) continue;
      uint32_t best = 0;
      size_t best_new = 0, best_open = 0;
      for (uint32_t x = 0; x < sizes[u]; ++x) {
        size_t fresh = 0;
        for (size_t w = 0; w < nv; ++w)
          if (p[w] != kUnset && w != u && !pairs.covered(u, x, w, p[w])) ++fresh;
        size_t open = pairs.open(u, x);
        if (x == 0 || fresh > best_new || (fresh == best_new && open > best_open))
          best = x, best_new = fresh, best_open = open;
      }
      p[u] = best;
    }
    add(std::move(p), true);  // it holds the pair (i a, j b), which no row so far has
  }
  out.covering = rows.size();
  out.coverage = pairs.left() > 0 ? GapReport::Coverage::kValues : GapReport::Coverage::kPairs;
  if (pairs.left() > 0) return out;
  // The rest at random, distinct from the rows so far (a bounded number of draws: near the
  // box's size most draws repeat a row, and the sample may stop short of `cap`).
  uint64_t state = 0x6c6f7472696e68ULL;  // the fixed seed
  for (size_t draws = 0; rows.size() < cap && draws < 64 * cap; ++draws) {
    Point p(nv);
    for (size_t v = 0; v < nv; ++v) {
      state += 0x9e3779b97f4a7c15ULL;
      p[v] = static_cast<uint32_t>(mix(state) % sizes[v]);
    }
    add(std::move(p));
  }
  return out;
}

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
  // The true count in double; every combination when there are at most `cap`, else a covering
  // sample of `cap` of them (sample_box).
  rep.combinations = 1;
  std::vector<size_t> sizes;
  for (const auto& v : rep.candidates) {
    rep.combinations *= static_cast<double>(v.size());
    sizes.push_back(v.size());
  }
  const size_t nv = rep.variables.size();
  std::vector<Point> rows;
  if (rep.combinations <= static_cast<double>(cap)) {
    rows = every_combination(sizes);
    rep.coverage = GapReport::Coverage::kAll;
  } else {
    BoxSample sample = sample_box(sizes, cap);
    rows = std::move(sample.rows);
    rep.coverage = sample.coverage;
    rep.covering = sample.covering;
  }
  const size_t n = rows.size();
  rep.examined = n;
  auto point = [&](size_t k) -> const Point& { return rows[k]; };
  auto cols = std::make_shared<std::map<std::string, std::vector<double>>>();
  for (size_t v = 0; v < nv; ++v) (*cols)[rep.variables[v]].resize(n);
  std::vector<std::vector<bool>> taken(nv);
  for (size_t v = 0; v < nv; ++v) taken[v].assign(rep.candidates[v].size(), false);
  std::vector<double*> col(nv);
  for (size_t v = 0; v < nv; ++v) col[v] = (*cols)[rep.variables[v]].data();
  for (size_t k = 0; k < n; ++k) {
    const Point& p = point(k);
    for (size_t v = 0; v < nv; ++v) {
      col[v][k] = rep.candidates[v][p[v]];
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
    std::vector<const Point*> all;
    all.reserve(ks.size());
    for (size_t k : ks) all.push_back(&point(k));
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
      for (const Point* p : all) {
        bool in_box = true;
        for (size_t v = 0; v < nv && in_box; ++v)
          in_box = std::binary_search(b.values[v].begin(), b.values[v].end(), static_cast<int>((*p)[v]));
        if (!in_box) continue;
        for (size_t v = 0; v < nv; ++v) b.example.push_back(rep.candidates[v][(*p)[v]]);
        break;
      }
    }
    rep.groups.push_back(std::move(g));
  }
  return rep;
}

}  // namespace lotrinh::rules
