#include "sim/strategy.h"

#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>

#include <fmt/format.h>

#include "sim/allocation.h"

namespace lotrinh::sim {
namespace {

// The gain of `x` dong on one curve.
double curve(const std::vector<GainPiece>& pieces, double x) {
  double g = 0;
  for (const auto& piece : pieces) {
    if (x <= 0) break;
    const double take = std::min(x, piece.width);
    g += take * piece.slope;
    x -= take;
  }
  return g;
}

std::int64_t total_budget(const PlanProblem& pr) {
  std::int64_t b = 0;
  for (auto v : pr.budget) b += v;
  return b;
}

}  // namespace

double plan_gain(const PlanProblem& pr, const std::vector<std::int64_t>& x) {
  double g = 0;
  for (size_t i = 0; i < pr.gain.size() && i < x.size(); ++i) g += curve(pr.gain[i], static_cast<double>(x[i]));
  return g;
}

PlanFailure check_bounds(const PlanProblem& pr) {
  PlanFailure f;
  const std::int64_t b = total_budget(pr);
  std::int64_t floors = 0, caps = 0;
  bool capped = true;
  for (size_t c = 0; c < pr.communes; ++c) {
    floors += pr.floor[c];
    if (pr.cap[c] < 0) capped = false;
    else caps += pr.cap[c];
  }
  if (floors > b) f = {PlanFailure::Kind::kFloors, floors, b, ""};
  else if (capped && caps < b) f = {PlanFailure::Kind::kCaps, caps, b, ""};
  return f;
}

namespace {

// The exact solution (dong, as doubles) split to whole dong per purpose by the largest remainder;
// a commune the rounding pushes over its cap or under its floor trades those dong, within a
// purpose, with one that has room.
std::vector<std::int64_t> round_plan(const PlanProblem& pr, const std::vector<double>& exact) {
  const size_t n = pr.communes, P = pr.purposes;
  const std::vector<std::int64_t>& lo = pr.floor;
  const std::vector<std::int64_t>& hi = pr.cap;
  std::vector<std::int64_t> x(n * P, 0);
  for (size_t p = 0; p < P; ++p) {
    std::vector<double> w(exact.begin() + static_cast<long>(p * n), exact.begin() + static_cast<long>((p + 1) * n));
    auto parts = split_largest_remainder(pr.budget[p], w);
    std::copy(parts.begin(), parts.end(), x.begin() + static_cast<long>(p * n));
  }
  // The rounding moves a commune's total by less than a dong per purpose: a commune pushed over
  // its cap or under its floor trades those dong, within a purpose, with one that has room.
  std::vector<std::int64_t> total(n, 0);
  for (size_t p = 0; p < P; ++p)
    for (size_t c = 0; c < n; ++c) total[c] += x[p * n + c];
  auto over = [&](size_t c) { return hi[c] >= 0 && total[c] > hi[c]; };
  auto under = [&](size_t c) { return total[c] < lo[c]; };
  for (size_t c = 0; c < n; ++c)
    for (size_t p = 0; p < P && (over(c) || under(c)); ++p)
      for (size_t d = 0; d < n && (over(c) || under(c)); ++d) {
        if (d == c) continue;
        if (over(c) && x[p * n + c] > 0 && (hi[d] < 0 || total[d] < hi[d])) {
          --x[p * n + c], --total[c], ++x[p * n + d], ++total[d];
        } else if (under(c) && x[p * n + d] > 0 && total[d] > lo[d]) {
          ++x[p * n + c], ++total[c], --x[p * n + d], --total[d];
        }
      }
  return x;
}


}  // namespace

std::vector<std::int64_t> plan_lp_full(const PlanProblem& pr, PlanFailure& failure, PlanStats* stats) {
  const size_t n = pr.communes, P = pr.purposes;
  std::vector<std::int64_t> x(n * P, 0);
  failure = check_bounds(pr);
  if (failure.kind != PlanFailure::Kind::kNone) return x;
  const std::vector<std::int64_t>& lo = pr.floor;
  const std::vector<std::int64_t>& hi = pr.cap;
  std::unique_ptr<glp_prob, decltype(&glp_delete_prob)> lp(glp_create_prob(), &glp_delete_prob);
  glp_set_obj_dir(lp.get(), GLP_MAX);
  constexpr double kM = 1e6;  // the programme counts million dong
  glp_add_rows(lp.get(), static_cast<int>(P + n));
  for (size_t p = 0; p < P; ++p) {
    const double b = static_cast<double>(pr.budget[p]) / kM;
    glp_set_row_bnds(lp.get(), static_cast<int>(p + 1), GLP_FX, b, b);
  }
  for (size_t c = 0; c < n; ++c) {
    const double l = static_cast<double>(lo[c]) / kM, h = static_cast<double>(hi[c]) / kM;
    const int row = static_cast<int>(P + c + 1);
    if (hi[c] < 0) glp_set_row_bnds(lp.get(), row, GLP_LO, l, 0);
    else if (hi[c] == lo[c]) glp_set_row_bnds(lp.get(), row, GLP_FX, l, l);
    else glp_set_row_bnds(lp.get(), row, GLP_DB, l, h);
  }
  // Columns: the pieces of each (purpose, commune), then a last piece of slope 0 without bound.
  std::vector<size_t> owner;  // column -> p * n + c
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  for (size_t p = 0; p < P; ++p)
    for (size_t c = 0; c < n; ++c) {
      const auto& pieces = pr.gain[p * n + c];
      for (size_t k = 0; k <= pieces.size(); ++k) {
        const int col = glp_add_cols(lp.get(), 1);
        owner.push_back(p * n + c);
        if (k < pieces.size()) {
          glp_set_col_bnds(lp.get(), col, GLP_DB, 0, pieces[k].width / kM);
          glp_set_obj_coef(lp.get(), col, pieces[k].slope * kM);
        } else {
          glp_set_col_bnds(lp.get(), col, GLP_LO, 0, 0);
        }
        ia.push_back(static_cast<int>(p + 1)), ja.push_back(col), ar.push_back(1);
        ia.push_back(static_cast<int>(P + c + 1)), ja.push_back(col), ar.push_back(1);
      }
    }
  glp_load_matrix(lp.get(), static_cast<int>(ia.size() - 1), ia.data(), ja.data(), ar.data());
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_ON;
  const auto t0 = std::chrono::steady_clock::now();
  const int rc = glp_simplex(lp.get(), &parm);
  const int status = glp_get_status(lp.get());
  if (stats) {
    stats->rows = stats->whole_rows = P + n, stats->columns = stats->whole_columns = owner.size();
    stats->nonzeros = ia.size() - 1, stats->solves = 1, stats->rounds = 1;
    stats->solver_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  if (rc != 0 || status != GLP_OPT) {
    failure = {PlanFailure::Kind::kSolver, 0, total_budget(pr),
               rc != 0 ? fmt::format("glp_simplex returned {}", rc) : fmt::format("status {}", status)};
    return x;
  }
  std::vector<double> exact(n * P, 0);
  for (size_t j = 0; j < owner.size(); ++j) exact[owner[j]] += std::max(0.0, glp_get_col_prim(lp.get(), static_cast<int>(j + 1)));
  return round_plan(pr, exact);
}

// The programme solved in two steps (docs/simulator.md, "How the programme is solved"). First the
// purposes' prices, by Kelley's cutting planes on the Lagrangian dual (the purposes' rows
// relaxed: the communes then part independently). Then the working-set method from those
// prices: the whole programme's columns, most of them fixed at 0 or at their width as the prices
// say, the others free in a smaller programme GLPK solves; the duals of that programme then
// price every fixed column, the ones whose reduced cost has the wrong sign are freed, and the
// smaller programme is solved again, until no column prices out. The result is then an optimum
// of the whole programme (every column's reduced cost agrees with its value, to GLPK's
// tolerance); the prices only choose where the working set starts.
std::vector<std::int64_t> plan_lp(const PlanProblem& pr, PlanFailure& failure, PlanStats* stats) {
  const size_t n = pr.communes, P = pr.purposes;
  failure = check_bounds(pr);
  if (failure.kind != PlanFailure::Kind::kNone) return std::vector<std::int64_t>(n * P, 0);
  constexpr double kM = 1e6;  // the programmes count million dong
  constexpr double kInf = std::numeric_limits<double>::infinity();
  // Every column of the whole programme: the pieces of each (purpose, commune), then its surplus
  // (slope 0, no bound). In million dong; objective coefficients per million dong.
  struct Col {
    double width, obj;
    std::uint32_t p, c;
  };
  std::vector<Col> cols;
  for (size_t p = 0; p < P; ++p)
    for (size_t c = 0; c < n; ++c) {
      for (const auto& g : pr.gain[p * n + c]) cols.push_back({g.width / kM, g.slope * kM, static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(c)});
      cols.push_back({kInf, 0.0, static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(c)});
    }
  const size_t N = cols.size();
  std::vector<double> budget(P), lo(n), hi(n);
  for (size_t p = 0; p < P; ++p) budget[p] = static_cast<double>(pr.budget[p]) / kM;
  for (size_t c = 0; c < n; ++c) {
    lo[c] = static_cast<double>(pr.floor[c]) / kM;
    hi[c] = pr.cap[c] < 0 ? kInf : static_cast<double>(pr.cap[c]) / kM;
  }
  // The purposes' prices (docs/simulator.md): given a price lambda_p per million dong of each
  // purpose, the programme splits by commune: each commune takes its columns in falling order of
  // slope - lambda_p while that is positive and under its cap, then on to its floor; the sum
  // L(lambda) = sum_p lambda_p budget_p + sum_c (what commune c gains at those prices) bounds the
  // programme's optimum from above, and its minimum over lambda equals it (LP duality). L is
  // convex and piecewise linear in P prices: Kelley's cutting planes minimise it, each cut from
  // one pass over the communes, the next prices from a small master programme (P + 1 columns, a
  // row per cut) solved by GLPK. A commune's money is bounded by the whole budget (no plan gives
  // it more), which keeps L finite.
  enum : unsigned char { kEmpty, kFull, kFree };
  std::vector<unsigned char> state(N, kEmpty);
  double max_obj = 0, all = 0;
  for (const auto& col : cols) max_obj = std::max(max_obj, std::abs(col.obj));
  for (double b : budget) all += b;
  std::vector<std::vector<std::uint32_t>> of_commune(n);  // a commune's columns
  for (size_t j = 0; j < N; ++j) of_commune[cols[j].c].push_back(static_cast<std::uint32_t>(j));
  // Each (purpose, commune)'s columns in falling order of slope: [group[i], group[i + 1]) of `ranked`.
  std::vector<std::uint32_t> ranked(N);
  std::vector<size_t> group(n * P + 1, N);
  for (size_t j = 0; j < N; ++j) {
    ranked[j] = static_cast<std::uint32_t>(j);
    const size_t i = cols[j].p * n + cols[j].c;
    group[i] = std::min(group[i], j);
  }
  for (size_t i = n * P; i-- > 0;)
    if (group[i] == N) group[i] = group[i + 1];
  for (size_t i = 0; i < n * P; ++i)
    std::stable_sort(ranked.begin() + static_cast<long>(group[i]), ranked.begin() + static_cast<long>(group[i + 1]),
                     [&](std::uint32_t a, std::uint32_t b) { return cols[a].obj > cols[b].obj; });
  std::vector<double> used(P), mu0(n);
  // L(lambda); `used` gets what each purpose's communes take (budget - used is a subgradient),
  // mu0 each commune's price (0 inside its bounds), `take` (when given) each column's money.
  auto dual = [&](const std::vector<double>& lam, std::vector<double>* take) {
    std::fill(used.begin(), used.end(), 0.0);
    double L = 0;
    for (size_t p = 0; p < P; ++p) L += lam[p] * budget[p];
    std::vector<size_t> head(P);
    for (size_t c = 0; c < n; ++c) {
      for (size_t p = 0; p < P; ++p) head[p] = group[p * n + c];
      double t = 0, mu = 0;
      const double cap = std::min(hi[c], all);
      for (;;) {
        size_t best = P;
        double v = 0;
        for (size_t p = 0; p < P; ++p)
          if (head[p] < group[p * n + c + 1]) {
            const double vp = cols[ranked[head[p]]].obj - lam[p];
            if (best == P || vp > v) best = p, v = vp;
          }
        if (best == P || (v <= 0 && t >= lo[c])) break;
        const std::uint32_t j = ranked[head[best]++];
        const double w = std::min(cols[j].width, all), need = v > 0 ? cap - t : lo[c] - t;
        const double y = std::max(0.0, std::min(w, need));
        if (take) (*take)[j] = y;
        t += y, used[best] += y, L += v * y;
        if (y < w) {
          mu = v;
          break;
        }
      }
      mu0[c] = mu;
    }
    return L;
  };
  std::vector<double> lambda0(P, 0.0);
  for (size_t p = 0; p < P; ++p) {  // a start: each purpose's budget to its best pieces, no floors or caps
    std::vector<std::uint32_t> order;
    for (size_t j = 0; j < N; ++j)
      if (cols[j].p == p) order.push_back(static_cast<std::uint32_t>(j));
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return cols[a].obj > cols[b].obj; });
    double left = budget[p];
    for (std::uint32_t j : order) {
      if (left <= 0) break;
      lambda0[p] = cols[j].obj;
      left -= cols[j].width;
    }
  }
  PlanStats st;
  st.whole_rows = P + n, st.whole_columns = N;
  {
    std::unique_ptr<glp_prob, decltype(&glp_delete_prob)> master(glp_create_prob(), &glp_delete_prob);
    glp_set_obj_dir(master.get(), GLP_MIN);
    glp_add_cols(master.get(), static_cast<int>(P + 1));
    const double box = 4 * (max_obj + 1e-9);
    for (size_t p = 0; p < P; ++p) glp_set_col_bnds(master.get(), static_cast<int>(p + 1), GLP_DB, -box, box);
    glp_set_col_bnds(master.get(), static_cast<int>(P + 1), GLP_FR, 0, 0);
    glp_set_obj_coef(master.get(), static_cast<int>(P + 1), 1);
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.meth = GLP_DUALP;
    std::vector<double> lam = lambda0, best_lam = lambda0;
    double upper = kInf;
    std::vector<int> ind(P + 2);
    std::vector<double> val(P + 2);
    for (int k = 0; k < pr.max_cuts; ++k) {
      const double L = dual(lam, nullptr);
      if (L < upper) upper = L, best_lam = lam;
      // The cut z >= L + sum_p (budget_p - used_p) (lambda_p - lam_p).
      double rhs = L;
      for (size_t p = 0; p < P; ++p) {
        const double g = budget[p] - used[p];
        ind[p + 1] = static_cast<int>(p + 1), val[p + 1] = -g;
        rhs -= g * lam[p];
      }
      ind[P + 1] = static_cast<int>(P + 1), val[P + 1] = 1;
      const int row = glp_add_rows(master.get(), 1);
      glp_set_mat_row(master.get(), row, static_cast<int>(P + 1), ind.data(), val.data());
      glp_set_row_bnds(master.get(), row, GLP_LO, rhs, 0);
      const auto t0 = std::chrono::steady_clock::now();
      const int rc = glp_simplex(master.get(), &parm);
      st.solver_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      ++st.solves, ++st.cuts;
      if (rc != 0 || glp_get_status(master.get()) != GLP_OPT) break;
      const double lower = glp_get_obj_val(master.get());
      if (upper - lower <= 1e-9 * std::max(1.0, std::abs(upper))) break;
      for (size_t p = 0; p < P; ++p) lam[p] = glp_get_col_prim(master.get(), static_cast<int>(p + 1));
    }
    lambda0 = best_lam;
  }
  std::vector<double> y0(N, 0.0);
  dual(lambda0, &y0);
  // The first working set: the columns whose reduced cost at those prices is within `band` of 0
  // (and the ones a commune fills in part) are free, the others full or empty as the prices say.
  double band = 1e-6 * (1 + max_obj);
  auto set_states = [&] {
    for (size_t j = 0; j < N; ++j) {
      if (state[j] == kFree) continue;
      const double d = cols[j].obj - lambda0[cols[j].p] - mu0[cols[j].c];
      const bool part = y0[j] > 0 && y0[j] < std::min(cols[j].width, all);
      state[j] = part || std::abs(d) <= band || (d > 0 && std::isinf(cols[j].width)) ? kFree : (d > 0 ? kFull : kEmpty);
    }
  };
  set_states();
  const double tol = 1e-9 * (1 + max_obj);
  std::vector<double> value(N, 0.0);
  for (int round = 0;; ++round) {
    // Fixed money per purpose and commune; whether each commune has a free column.
    std::vector<double> fixed_p(P, 0.0), fixed_c(n, 0.0), free_room(n, 0.0);
    std::vector<unsigned char> has_free(n, 0);
    for (size_t j = 0; j < N; ++j) {
      if (state[j] == kFull) fixed_p[cols[j].p] += cols[j].width, fixed_c[cols[j].c] += cols[j].width;
      if (state[j] == kFree) has_free[cols[j].c] = 1, free_room[cols[j].c] += cols[j].width;
    }
    // A commune whose fixed money is over its cap, or which cannot reach its floor with its free
    // columns, or which has no free column and sits on its floor or cap, gets columns freed: the
    // best empty ones (and its surplus) under its floor, the worst full ones over its cap. The same
    // for a purpose whose fixed money is over its budget or cannot reach it.
    bool changed = false;
    auto release = [&](std::vector<std::uint32_t> js, bool under, double need) {
      std::sort(js.begin(), js.end(), [&](std::uint32_t a, std::uint32_t b) {
        return under ? cols[a].obj > cols[b].obj : cols[a].obj < cols[b].obj;
      });
      for (std::uint32_t j : js) {
        if (need < 0) break;
        if (state[j] != (under ? kEmpty : kFull)) continue;
        state[j] = kFree;
        changed = true;
        need -= cols[j].width;
      }
    };
    for (size_t c = 0; c < n; ++c) {
      const double f = fixed_c[c];
      const bool on_bound = !has_free[c] && (f <= lo[c] + 1e-9 || f >= hi[c] - 1e-9);
      if (f + free_room[c] <= lo[c] + 1e-9 || (on_bound && f <= lo[c] + 1e-9)) {
        release(of_commune[c], true, lo[c] - f - free_room[c]);
      }
      if (f >= hi[c] - 1e-9) release(of_commune[c], false, f - hi[c]);
    }
    for (size_t p = 0; p < P; ++p) {
      double room = 0;
      size_t closest = N;  // a purpose without a free column frees the one nearest its price
      bool any = false;
      for (size_t j = 0; j < N; ++j) {
        if (cols[j].p != p) continue;
        if (state[j] == kFree) room += cols[j].width, any = true;
        if (closest == N || std::abs(cols[j].obj - lambda0[p] - mu0[cols[j].c]) < std::abs(cols[closest].obj - lambda0[p] - mu0[cols[closest].c]))
          closest = j;
      }
      if (!any && closest < N) state[closest] = kFree, changed = true;
      const bool over = fixed_p[p] > budget[p] + 1e-9, under = fixed_p[p] + room < budget[p] - 1e-9;
      if (!over && !under) continue;
      std::vector<std::uint32_t> js;
      for (size_t j = 0; j < N; ++j)
        if (cols[j].p == p) js.push_back(static_cast<std::uint32_t>(j));
      release(std::move(js), under, under ? budget[p] - fixed_p[p] - room : fixed_p[p] - budget[p]);
    }
    if (changed) continue;
    // The smaller programme: the purposes' rows, and the rows of the communes whose floor or cap
    // the free columns can reach (the others cannot bind: their dual is 0). A commune with one
    // free column has no row: its floor and cap become that column's bounds, and its dual is
    // read from the column's reduced cost when the column stops on such a bound.
    std::vector<int> row_of(n, 0);
    std::vector<std::uint32_t> n_free(n, 0), one_free(n, 0);
    for (size_t j = 0; j < N; ++j)
      if (state[j] == kFree) ++n_free[cols[j].c], one_free[cols[j].c] = static_cast<std::uint32_t>(j);
    std::vector<double> col_lo(n, 0.0), col_hi(n, kInf);  // the bounds of a single free column
    std::vector<unsigned char> single(n, 0);
    std::unique_ptr<glp_prob, decltype(&glp_delete_prob)> lp(glp_create_prob(), &glp_delete_prob);
    glp_set_obj_dir(lp.get(), GLP_MAX);
    glp_add_rows(lp.get(), static_cast<int>(P));
    for (size_t p = 0; p < P; ++p) {
      const double b = budget[p] - fixed_p[p];
      glp_set_row_bnds(lp.get(), static_cast<int>(p + 1), GLP_FX, b, b);
    }
    int rows = static_cast<int>(P);
    for (size_t c = 0; c < n; ++c) {
      if (!has_free[c]) continue;
      const bool floor_binds = fixed_c[c] < lo[c] + 1e-9;
      const bool cap_binds = fixed_c[c] + free_room[c] > hi[c] - 1e-9;
      if (!floor_binds && !cap_binds) continue;
      const double l = lo[c] - fixed_c[c], h = hi[c] - fixed_c[c];
      if (n_free[c] == 1) {
        const double w = cols[one_free[c]].width;
        const double cl = std::max(0.0, l), ch = std::min(w, h);
        if (cl <= ch) {
          single[c] = 1, col_lo[c] = cl, col_hi[c] = ch;
          continue;
        }
      }
      row_of[c] = ++rows;
      glp_add_rows(lp.get(), 1);
      if (std::isinf(h)) glp_set_row_bnds(lp.get(), rows, GLP_LO, l, 0);
      else if (h <= l) glp_set_row_bnds(lp.get(), rows, GLP_FX, l, l);
      else glp_set_row_bnds(lp.get(), rows, GLP_DB, l, h);
    }
    std::vector<std::uint32_t> free_cols;
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0};
    for (size_t j = 0; j < N; ++j) {
      if (state[j] != kFree) continue;
      free_cols.push_back(static_cast<std::uint32_t>(j));
      const int col = static_cast<int>(free_cols.size());
      const Col& cj = cols[j];
      ia.push_back(static_cast<int>(cj.p + 1)), ja.push_back(col), ar.push_back(1);
      if (row_of[cj.c]) ia.push_back(row_of[cj.c]), ja.push_back(col), ar.push_back(1);
    }
    glp_add_cols(lp.get(), static_cast<int>(free_cols.size()));
    for (size_t k = 0; k < free_cols.size(); ++k) {
      const Col& cj = cols[free_cols[k]];
      const int col = static_cast<int>(k + 1);
      const double cl = single[cj.c] ? col_lo[cj.c] : 0.0, ch = single[cj.c] ? col_hi[cj.c] : cj.width;
      if (std::isinf(ch)) glp_set_col_bnds(lp.get(), col, GLP_LO, cl, 0);
      else if (ch <= cl) glp_set_col_bnds(lp.get(), col, GLP_FX, cl, cl);
      else glp_set_col_bnds(lp.get(), col, GLP_DB, cl, ch);
      glp_set_obj_coef(lp.get(), col, cj.obj);
    }
    glp_load_matrix(lp.get(), static_cast<int>(ia.size() - 1), ia.data(), ja.data(), ar.data());
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    parm.meth = GLP_DUALP;   // the dual simplex with long steps (bound flips): most columns are
    parm.r_test = GLP_RT_FLIP;  // bounded pieces
    const auto t0 = std::chrono::steady_clock::now();
    const int rc = glp_simplex(lp.get(), &parm);
    const int status = glp_get_status(lp.get());
    st.solver_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ++st.solves, ++st.rounds;
    st.rows = std::max(st.rows, static_cast<size_t>(rows));
    st.columns = std::max(st.columns, free_cols.size());
    st.nonzeros = std::max(st.nonzeros, ia.size() - 1);
    const bool all_free = free_cols.size() == N;
    if (rc != 0 || status != GLP_OPT) {
      // The fixed columns made the smaller programme infeasible: widen the band of reduced
      // costs around the prices that frees columns (in the end, every column: the whole
      // programme), unless that was the whole programme already.
      if (!all_free && (rc == GLP_ENOPFS || status == GLP_NOFEAS || status == GLP_INFEAS)) {
        band *= 100;
        if (band > 4 * (1 + max_obj)) std::fill(state.begin(), state.end(), static_cast<unsigned char>(kFree));
        else set_states();
        continue;
      }
      failure = {PlanFailure::Kind::kSolver, 0, 0,
                 rc != 0 ? fmt::format("glp_simplex returned {}", rc) : fmt::format("status {}", status)};
      return std::vector<std::int64_t>(n * P, 0);
    }
    std::vector<double> lambda(P), mu(n, 0.0);
    for (size_t p = 0; p < P; ++p) lambda[p] = glp_get_row_dual(lp.get(), static_cast<int>(p + 1));
    for (size_t c = 0; c < n; ++c)
      if (row_of[c]) mu[c] = glp_get_row_dual(lp.get(), row_of[c]);
    for (size_t k = 0; k < free_cols.size(); ++k) {
      const std::uint32_t j = free_cols[k];
      const int col = static_cast<int>(k + 1);
      value[j] = glp_get_col_prim(lp.get(), col);
      const size_t c = cols[j].c;
      if (!single[c]) continue;
      // The commune's dual: the column's reduced cost when the column stops on the bound its
      // floor (at the lower) or cap (at the upper) set; 0 when it stops inside or on its own.
      const double r = glp_get_col_dual(lp.get(), col);
      const int cs = glp_get_col_stat(lp.get(), col);
      const bool floor_bound = col_lo[c] > 0, cap_bound = col_hi[c] < cols[j].width;
      if ((cs == GLP_NL || cs == GLP_NS) && floor_bound && r <= 0) mu[c] = r;
      else if ((cs == GLP_NU || cs == GLP_NS) && cap_bound && r >= 0) mu[c] = r;
    }
    // Pricing: a fixed column whose reduced cost says it should move is freed.
    size_t priced_out = 0;
    for (size_t j = 0; j < N; ++j) {
      if (state[j] == kFree) continue;
      const double d = cols[j].obj - lambda[cols[j].p] - mu[cols[j].c];
      if ((state[j] == kEmpty && d > tol) || (state[j] == kFull && d < -tol)) {
        state[j] = kFree;
        ++priced_out;
      }
    }
    if (priced_out == 0) break;
  }
  std::vector<double> exact(n * P, 0);
  for (size_t j = 0; j < N; ++j) {
    const double v = state[j] == kFull ? cols[j].width : (state[j] == kFree ? value[j] : 0.0);
    exact[cols[j].p * n + cols[j].c] += std::max(0.0, v);
  }
  if (stats) *stats = st;
  return round_plan(pr, exact);
}


}  // namespace lotrinh::sim
