#include "sim/strategy.h"

#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <queue>
#include <tuple>

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

std::vector<std::int64_t> plan_lp(const PlanProblem& pr, PlanFailure& failure, PlanStats* stats) {
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
    stats->rows = P + n, stats->columns = owner.size(), stats->nonzeros = ia.size() - 1, stats->solves = 1;
    stats->solver_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  if (rc != 0 || status != GLP_OPT) {
    failure = {PlanFailure::Kind::kSolver, 0, total_budget(pr),
               rc != 0 ? fmt::format("glp_simplex returned {}", rc) : fmt::format("status {}", status)};
    return x;
  }
  std::vector<double> exact(n * P, 0);
  for (size_t j = 0; j < owner.size(); ++j) exact[owner[j]] += std::max(0.0, glp_get_col_prim(lp.get(), static_cast<int>(j + 1)));
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

std::vector<std::int64_t> plan_greedy(const PlanProblem& pr, std::int64_t increment, PlanFailure& failure) {
  const size_t n = pr.communes, P = pr.purposes;
  std::vector<std::int64_t> x(n * P, 0), total(n, 0);
  failure = check_bounds(pr);
  if (failure.kind != PlanFailure::Kind::kNone) return x;
  increment = std::max<std::int64_t>(1, increment);
  for (size_t p = 0; p < P; ++p) {
    std::int64_t left = pr.budget[p];
    // The next increment of commune c: communes under their floor first, then by gain.
    auto step = [&](size_t c) {
      std::int64_t d = increment;
      if (total[c] < pr.floor[c]) d = std::min(d, pr.floor[c] - total[c]);
      if (pr.cap[c] >= 0) d = std::min(d, pr.cap[c] - total[c]);
      return d;
    };
    using Key = std::tuple<int, double, std::int64_t>;  // under floor, gain, -index
    auto key = [&](size_t c, std::int64_t d) -> Key {
      const auto& g = pr.gain[p * n + c];
      const double x0 = static_cast<double>(x[p * n + c]);
      return {total[c] < pr.floor[c] ? 1 : 0, curve(g, x0 + static_cast<double>(d)) - curve(g, x0), -static_cast<std::int64_t>(c)};
    };
    std::priority_queue<Key> heap;
    for (size_t c = 0; c < n; ++c)
      if (step(c) > 0) heap.push(key(c, step(c)));
    while (left > 0 && !heap.empty()) {
      const size_t c = static_cast<size_t>(-std::get<2>(heap.top()));
      heap.pop();
      const std::int64_t d = std::min(step(c), left);
      if (d <= 0) continue;
      x[p * n + c] += d;
      total[c] += d;
      left -= d;
      if (step(c) > 0) heap.push(key(c, step(c)));
    }
    if (left > 0) {
      failure = {PlanFailure::Kind::kCaps, pr.budget[p] - left, pr.budget[p], ""};
      return x;
    }
  }
  return x;
}

}  // namespace lotrinh::sim
