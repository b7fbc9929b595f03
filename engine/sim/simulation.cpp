#include "sim/simulation.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "diag/words.h"
#include "expr/compiled_expr.h"
#include "config/sim_file_reader.h"
#include "sim/allocation.h"
#include "sim/allocation_table.h"
#include "sim/classifier.h"
#include "sim/exit_gain.h"
#include "data/successor_aggregation.h"
#include "sim/model_program.h"
#include "sim/random.h"
#include "sim/shocks.h"
#include "sim/strategy.h"
#include "sim/target_tracker.h"

namespace lotrinh::sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string class_var(const std::string& cls) {
  std::string out = "class_";
  for (char ch : cls) out += std::isalnum(static_cast<unsigned char>(ch)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(ch))) : '_';
  return out;
}

}  // namespace

// Everything one thread needs: its own compiled model and rule sets, and buffers sized once.
struct Simulation::Worker {
  const Simulation& sim;
  ModelProgram program;
  Classifier classifier;
  const World* W0;    // the start year's communes
  const World* cur;   // the units of the current year (W0, or the merged units)
  size_t n0, n;       // their counts
  int Y;
  std::vector<std::vector<double>> st, next, tmp;  // [state][unit]; sized n0, the first n used
  std::vector<std::vector<int>> members;            // merged unit -> its old communes
  std::vector<size_t> merge_rows, merge_unit_of, merge_absent;  // the same, as data::combine_column reads it
  std::vector<double> vals, params, spill, shocks, noises, twinned, workdays;
  std::vector<std::uint64_t> noise_keys;  // per noise: its name's key
  std::vector<const std::vector<double>*> start_cols;  // per state: its start-year column
  std::vector<unsigned char> iii, exited;
  std::vector<unsigned char> unit_left;  // per merged unit: its last region III commune has left
  std::vector<int> hold, classes;
  std::vector<std::map<std::string, int>> by_name;  // per year index: indicator id -> state
  std::vector<double> group_num, group_den;
  TargetTracker targets;  // the targets files' targets, checked in each run
  // The model's columns of a year: per slot a pointer (and whether it is one value for all).
  std::vector<const double*> cols;
  std::vector<unsigned char> scalar;
  std::vector<double> spend_cols, noise_cols, term_cols;  // [purpose/noise/term * n0 + unit]
  double year_value = 0;

  explicit Worker(const Simulation& s)
      : sim(s),
        program(s.model_, s.catalogue_),
        classifier(s.scenario_.rules, s.scenario_.classification, s.scenario_.region_iii, s.scenario_.holding_back_exclude,
                   s.library_),
        W0(&s.world_),
        cur(&s.world_),
        n0(s.world_.size()),
        n(n0),
        Y(s.years()),
        targets(s.targets_, s.scenario_.start_year, s.years()) {
    const ModelLayout& L = program.layout();
    st.assign(L.states.size(), std::vector<double>(n));
    next = st;
    tmp = st;
    if (W0->merged) {
      members.assign(W0->merged->size(), {});
      for (size_t c = 0; c < n0; ++c) members[static_cast<size_t>(W0->successor[c])].push_back(static_cast<int>(c));
      for (size_t u = 0; u < members.size(); ++u)
        for (int c : members[u]) {
          merge_rows.push_back(static_cast<size_t>(c));
          merge_unit_of.push_back(u);
        }
      merge_absent.assign(members.size(), 0);
      unit_left.assign(members.size(), 0);
    }
    vals.assign(static_cast<size_t>(L.slots), 0);
    params.assign(s.params_.size(), 0);
    spill.assign(L.spill_of.size() * n, 0);
    shocks.assign(s.model_.shocks.size() * n, 0);
    noises.assign(s.model_.noises.size(), 0);
    twinned.assign(n, 0);
    workdays.assign(n, 0);
    for (const auto& nz : s.model_.noises) noise_keys.push_back(name_key(nz.name));
    iii.assign(n, 0);
    exited.assign(n, 0);
    hold.assign(n, -1);
    group_num.assign(s.world_.district_ids.size() + 1, 0);
    group_den = group_num;
    cols.assign(static_cast<size_t>(L.slots), nullptr);
    scalar.assign(static_cast<size_t>(L.slots), 0);
    spend_cols.assign(config::spending_purposes().size() * n0, 0);
    noise_cols.assign(s.model_.noises.size() * n0, 0);
    term_cols.assign(program.terms().size() * n0, 0);
    for (size_t p = 0; p < s.params_.size(); ++p) {
      cols[static_cast<size_t>(L.param0) + p] = &params[p];
      scalar[static_cast<size_t>(L.param0) + p] = 1;
    }
    cols[static_cast<size_t>(L.year)] = &year_value;
    scalar[static_cast<size_t>(L.year)] = 1;
    for (size_t t = 0; t < program.terms().size(); ++t) cols[static_cast<size_t>(L.term0) + t] = &term_cols[t * n0];
    for (int k = 0; k <= Y; ++k) {
      int year = s.scenario_.start_year + k;
      std::map<std::string, int> m;
      for (size_t i = 0; i < L.states.size(); ++i) {
        auto r = s.catalogue_.resolve(L.states[i], year);
        m[r ? *r : L.states[i]] = static_cast<int>(i);
      }
      by_name.push_back(std::move(m));
    }
  }

  ColumnLookup lookup(int k) {
    return [this, k](const std::string& id) -> const double* {
      const auto& m = by_name[static_cast<size_t>(k)];
      if (auto it = m.find(id); it != m.end()) return st[static_cast<size_t>(it->second)].data();
      auto w = cur->columns.find(id);
      return w == cur->columns.end() ? nullptr : w->second.data();
    };
  }

  // The units merge: each state combined over each new unit's communes by its rule.
  void merge_state() {
    const ModelLayout& L = program.layout();
    const World& M = *W0->merged;
    for (size_t s = 0; s < L.states.size(); ++s) {
      const data::Aggregation rule = sim.merge_rules_[s];
      const double* w = rule == data::Aggregation::kWeighted ? column_of(sim.merge_weights_[s]) : nullptr;
      // The catalogue's column-wise aggregation (engine/data), as `lotrinh aggregate` applies it.
      const std::vector<double> out = data::combine_column(rule, st[s].data(), w, merge_rows, merge_unit_of, merge_absent);
      std::copy(out.begin(), out.end(), tmp[s].begin());
    }
    for (size_t s = 0; s < L.states.size(); ++s) std::copy(tmp[s].begin(), tmp[s].begin() + static_cast<long>(M.size()), st[s].begin());
    cur = &M;
    n = M.size();
  }

  // Whether the scenario's allocation may give money to unit c of the current year.
  bool targeted(size_t c) const {
    if (sim.scenario_.allocation_communes.empty()) return true;
    if (cur == W0) return sim.targeted_[c] != 0;
    for (int m : members[c])
      if (sim.targeted_[static_cast<size_t>(m)]) return true;
    return false;
  }

  // The old commune c's unit in the current year.
  size_t unit_of(size_t c) const { return cur == W0 ? c : static_cast<size_t>(W0->successor[c]); }

  const double* column_of(const std::string& id) const {
    const ModelLayout& L = program.layout();
    for (size_t i = 0; i < L.states.size(); ++i)
      if (L.states[i] == id) return st[i].data();
    auto w = cur->columns.find(id);
    return w == cur->columns.end() ? nullptr : w->second.data();
  }

  void start_state() {
    const ModelLayout& L = program.layout();
    if (start_cols.empty())  // resolved once per worker: later runs allocate nothing here
      for (size_t i = 0; i < L.states.size(); ++i) {
        auto r = sim.catalogue_.resolve(L.states[i], sim.scenario_.start_year);
        start_cols.push_back(&sim.world_.columns.at(r ? *r : L.states[i]));
      }
    for (size_t i = 0; i < L.states.size(); ++i) st[i] = *start_cols[i];
    cur = W0;
    n = n0;
    std::fill(exited.begin(), exited.end(), 0);
    std::fill(unit_left.begin(), unit_left.end(), 0);
  }

  // Merged unit u's communes that were region III at the start have all left (and one was).
  bool unit_has_left(size_t u) const {
    bool any = false;
    for (int c : members[u])
      if (sim.start_iii_[static_cast<size_t>(c)]) {
        if (!exited[static_cast<size_t>(c)]) return false;
        any = true;
      }
    return any;
  }

  [[noreturn]] void fail(const diag::SourceLoc& loc, const std::string& text, double v, std::uint64_t run, bool central,
                         size_t c, int year) {
    std::string run_text = central ? diag::msg("sim.run.central") : std::to_string(run);
    throw diag::InputError(diag::error_at(loc, diag::msg("sim.nonfinite", text, std::isnan(v) ? "NaN" : "inf", run_text,
                                                          cur->slugs[c], year),
                                          diag::msg("sim.nonfinite.hint")));
  }

  // One run (central: the deterministic projection). `agg` may be null (projection only).
  void run(std::uint64_t r, bool central, Aggregates* agg, Projection* proj) {
    const ModelLayout& L = program.layout();
    const auto& S = sim.scenario_;
    const std::uint64_t seed = S.seed;
    for (size_t p = 0; p < sim.params_.size(); ++p) {
      const auto& P = sim.params_[p];
      double v = P.value;
      if (!central && P.distribution != "fixed") {
        double u = keyed_uniform(seed, r, 0, Draw::kParameter, name_key(P.name));
        if (P.distribution == "uniform") {
          v = P.low + (P.high - P.low) * u;
        } else if (P.distribution == "triangular") {
          double a = P.low, b = P.high, m = P.value;
          double f = b > a ? (m - a) / (b - a) : 0;
          v = u < f ? a + std::sqrt(u * (b - a) * (m - a)) : b - std::sqrt((1 - u) * (b - a) * (b - m));
        } else {
          v = std::clamp(P.value + P.sd * keyed_normal(seed, r, 0, Draw::kParameter, name_key(P.name)), P.low, P.high);
        }
      }
      params[p] = v;
    }
    start_state();
    // The parameters are the same for every commune and year of the run: written once.
    for (size_t p = 0; p < params.size(); ++p) vals[static_cast<size_t>(L.param0) + p] = params[p];
    if (proj) proj->poverty[0] = st[static_cast<size_t>(L.poverty)];
    if (proj) proj->start_state = st;
    if (proj) proj->states[0] = st;
    for (int k = 1; k <= Y; ++k) {
      const int year = S.start_year + k;
      if (W0->merger_year == year) {
        merge_state();
        if (central && proj) {
          // The previous year's classes of the new units (what the plan's class flags read).
          classifier.classify(year - 1, n, lookup(k - 1), iii.data(), hold.data(), &classes);
          proj_classes[static_cast<size_t>(k - 1)] = classes;
        }
      }
      // Official lists made from the data of the previous year, on the units of this year.
      for (size_t li = 0; li < S.lists.size(); ++li) {
        if (S.lists[li].data_year != year - 1) continue;
        classifier.classify_with(S.lists[li].rules_year, year - 1, n, lookup(k - 1), iii.data(), hold.data());
        if (agg)
          for (size_t c = 0; c < n0; ++c)
            if (iii[unit_of(c)] == 1) ++agg->listed(li, c);
      }
      // Resettlements of the year, after the lists (made from last year's data), before the plan.
      resettle(year, central);
      const World& W = *cur;
      // Shocks.
      for (size_t s = 0; s < sim.model_.shocks.size(); ++s) {
        double* hit = &shocks[s * n];
        if (central) std::fill(hit, hit + n, 0.0);
        else shock_hits(sim.model_.shocks[s], W, seed, r, year, hit);
      }
      // Spillovers: neighbours' mean of last year's state.
      for (size_t s = 0; s < L.spill_of.size(); ++s) {
        const auto& col = st[static_cast<size_t>(L.spill_of[s])];
        for (size_t c = 0; c < n; ++c) {
          const auto& nb = W.neighbours[c];
          if (nb.empty()) { spill[s * n + c] = col[c]; continue; }
          double sum = 0;
          for (int j : nb) sum += col[static_cast<size_t>(j)];
          spill[s * n + c] = sum / static_cast<double>(nb.size());
        }
      }
      std::fill(twinned.begin(), twinned.begin() + static_cast<long>(n), 0.0);
      if (static_cast<size_t>(k) < W0->twinning.size())
        for (int c : W0->twinning[static_cast<size_t>(k)]) twinned[unit_of(static_cast<size_t>(c))] += 1;
      // The agencies' workdays of the year, each agency's part to its commune's unit.
      std::fill(workdays.begin(), workdays.begin() + static_cast<long>(n), 0.0);
      for (size_t c = 0; c < n0; ++c) workdays[unit_of(c)] += static_cast<double>(sim.workdays_[static_cast<size_t>(k)][c]);
      if (central && proj) sim_plan(k, *proj);
      if (central && proj) place_housing(k, *proj);
      const std::vector<std::int64_t>& spend =
          central && proj ? proj->spend[static_cast<size_t>(k)] : sim.projection_.spend[static_cast<size_t>(k)];
      const double* hh = households_col();
      const size_t P = config::spending_purposes().size();
      // The year's columns, one per slot the expressions read (parameters and the year: one
      // value each); then each term and update over every unit, column-wise.
      for (size_t i = 0; i < L.states.size(); ++i) cols[static_cast<size_t>(L.state0) + i] = st[i].data();
      for (size_t p = 0; p < P; ++p) {
        double* out = &spend_cols[p * n0];
        for (size_t c = 0; c < n; ++c) {
          const double h = hh ? hh[c] : kNaN;
          out[c] = h > 0 ? static_cast<double>(spend[p * n + c]) / 1e6 / h : kNaN;
        }
        cols[static_cast<size_t>(L.spend0) + p] = out;
      }
      cols[static_cast<size_t>(L.travel)] = W.travel_hours[static_cast<size_t>(k)].data();
      cols[static_cast<size_t>(L.twinned)] = twinned.data();
      cols[static_cast<size_t>(L.workdays)] = workdays.data();
      for (size_t s = 0; s < L.spill_of.size(); ++s) cols[static_cast<size_t>(L.spill0) + s] = &spill[s * n];
      for (size_t s = 0; s < sim.model_.shocks.size(); ++s) cols[static_cast<size_t>(L.shock0) + s] = &shocks[s * n];
      for (size_t s = 0; s < sim.model_.noises.size(); ++s) {
        double* out = &noise_cols[s * n0];
        const double sd = sim.model_.noises[s].sd;
        for (size_t c = 0; c < n; ++c) out[c] = central ? 0.0 : sd * keyed_normal(seed, r, year, Draw::kNoise, noise_keys[s], c);
        cols[static_cast<size_t>(L.noise0) + s] = out;
      }
      year_value = year;
      size_t nonfinite = 0;
      for (size_t t = 0; t < program.terms().size(); ++t)
        nonfinite += program.eval_term_columns(t, cols.data(), scalar.data(), n, &term_cols[t * n0]);
      for (size_t u = 0; u < program.updates().size(); ++u)
        nonfinite += program.eval_update_columns(u, cols.data(), scalar.data(), n, next[static_cast<size_t>(L.updated[u])].data());
      if (nonfinite) fail_first(r, central, year);
      for (size_t u = 0; u < program.updates().size(); ++u) {
        const size_t s = static_cast<size_t>(L.updated[u]);
        double* v = next[s].data();
        const double lo = L.state_min[s], hi = L.state_max[s];
        for (size_t c = 0; c < n; ++c) {
          if (!std::isfinite(v[c])) {  // a missing input (a non-finite result has failed above)
            if (agg) ++agg->missing(s);
            v[c] = kNaN;
          } else if (v[c] < lo || v[c] > hi) {
            v[c] = std::clamp(v[c], lo, hi);
            if (agg) ++agg->clamps(s);
          }
        }
      }
      for (size_t u = 0; u < L.updated.size(); ++u) std::swap(st[static_cast<size_t>(L.updated[u])], next[static_cast<size_t>(L.updated[u])]);
      for (const auto& conv : sim.model_.conversions)
        if (conv.year == year)
          for (size_t i = 0; i < L.states.size(); ++i)
            if (L.states[i] == conv.alias)
              for (double& v : st[i]) v = std::clamp(v * conv.factor, L.state_min[i], L.state_max[i]);
      // Classification of the year.
      const bool target_classes = agg && targets.needs_classes(k);
      classifier.classify(year, n, lookup(k), iii.data(), hold.data(), central || target_classes ? &classes : nullptr);
      if (agg && targets.needs(k)) targets.observe(k, n, lookup(k), W.district.data(), iii.data(), target_classes ? &classes : nullptr);
      if (central && proj) proj_classes[static_cast<size_t>(k)] = classes;
      const auto& pov = st[static_cast<size_t>(L.poverty)];
      if (proj) {
        auto& out = proj->poverty[static_cast<size_t>(k)];
        out.resize(n0);
        for (size_t c = 0; c < n0; ++c) out[c] = pov[unit_of(c)];
        auto& all = proj->states[static_cast<size_t>(k)];
        all.assign(L.states.size(), std::vector<double>(n0));
        for (size_t s = 0; s < L.states.size(); ++s)
          for (size_t c = 0; c < n0; ++c) all[s][c] = st[s][unit_of(c)];
      }
      for (size_t c = 0; c < n0; ++c)
        if (sim.start_iii_[c] && !exited[c] && iii[unit_of(c)] == 0) {
          exited[c] = 1;
          if (agg) ++agg->exit(c, static_cast<size_t>(k - 1));
          if (proj) proj->exit_year[c] = year;
        }
      if (agg)
        for (size_t u = 0; u < unit_left.size(); ++u)
          if (!unit_left[u] && unit_has_left(u)) {
            unit_left[u] = 1;
            ++agg->unit_exit(u, static_cast<size_t>(k - 1));
          }
      if (!agg) continue;
      std::fill(group_num.begin(), group_num.end(), 0.0);
      std::fill(group_den.begin(), group_den.end(), 0.0);
      for (size_t c = 0; c < n; ++c) {
        const size_t g = static_cast<size_t>(W.district[c]) + 1;
        if (iii[c] == 1) { ++agg->iii(0, static_cast<size_t>(k - 1)); ++agg->iii(g, static_cast<size_t>(k - 1)); }
        if (iii[c] == 2) ++agg->unknown(static_cast<size_t>(k - 1));
        double w = hh && hh[c] > 0 ? hh[c] : 1.0;
        if (std::isnan(pov[c])) continue;
        group_num[0] += w * pov[c]; group_den[0] += w;
        group_num[g] += w * pov[c]; group_den[g] += w;
      }
      for (size_t g = 0; g < group_num.size(); ++g)
        if (group_den[g] > 0) ++agg->fan(g, static_cast<size_t>(k - 1))[Aggregates::bin(group_num[g] / group_den[g])];
      if (k == Y) {
        for (size_t c = 0; c < n0; ++c) {
          const size_t u = unit_of(c);
          if (!std::isnan(pov[u])) ++agg->last(c)[Aggregates::bin(pov[u])];
          if (pov[u] > Simulation::kLeftBehind) ++agg->behind(c);
          if (iii[u] == 1 && hold[u] >= 0) ++agg->holding(c, static_cast<size_t>(hold[u]));
        }
      }
    }
    if (proj) proj->last_state = st;
    if (agg) {
      targets.finish(*agg);
      ++agg->runs();
      for (size_t c = 0; c < n0; ++c)
        if (!exited[c]) ++agg->exit(c, static_cast<size_t>(Y));
      for (size_t u = 0; u < unit_left.size(); ++u)
        if (!unit_left[u]) ++agg->unit_exit(u, static_cast<size_t>(Y));
    }
  }

  bool reads_nan(const expr::CompiledExpr& e) const {
    for (int s : e.slots())
      if (std::isnan(vals[static_cast<size_t>(s)])) return true;
    return false;
  }

  // Some term or update made a non-finite value from present inputs this year: fails at the
  // first commune, and there at the first expression in evaluation order, that did (where a
  // commune-by-commune evaluation would have stopped).
  [[noreturn]] void fail_first(std::uint64_t r, bool central, int year) {
    const ModelLayout& L = program.layout();
    auto reads_nan_at = [&](const expr::CompiledExpr& e, size_t c) {
      for (int s : e.slots())
        if (std::isnan(scalar[static_cast<size_t>(s)] ? cols[static_cast<size_t>(s)][0] : cols[static_cast<size_t>(s)][c])) return true;
      return false;
    };
    for (size_t c = 0; c < n; ++c) {
      for (size_t t = 0; t < program.terms().size(); ++t) {
        const auto& e = program.terms()[t];
        const double v = term_cols[t * n0 + c];
        if (!std::isfinite(v) && !reads_nan_at(e, c)) fail(program.term_loc(t), e.text(), v, r, central, c, year);
      }
      for (size_t u = 0; u < program.updates().size(); ++u) {
        const auto& e = program.updates()[u];
        const double v = next[static_cast<size_t>(L.updated[u])][c];
        if (!std::isfinite(v) && !reads_nan_at(e, c)) fail(program.update_loc(u), e.text(), v, r, central, c, year);
      }
    }
    throw std::logic_error("a non-finite model value was counted but not found");
  }

  const double* households_col() const { return column_of("households"); }

  // The resettlements of `year`: households (and poor households, at the source's rate unless
  // stated) move from one unit to another or out of the province; population moves with them
  // when it is a state (the source's people per household). The other states keep their values.
  void resettle(int year, bool central) {
    const ModelLayout& L = program.layout();
    for (const Resettlement& m : sim.events_.moves) {
      if (m.year != year) continue;
      const config::ScenarioEvent& e = sim.scenario_.events[m.event];
      int hs = -1, ps = -1;
      for (size_t i = 0; i < L.states.size(); ++i) {
        if (L.states[i] == "households") hs = static_cast<int>(i);
        if (L.states[i] == "population") ps = static_cast<int>(i);
      }
      double* hh = st[static_cast<size_t>(hs)].data();
      double* pov = st[static_cast<size_t>(L.poverty)].data();
      const size_t a = static_cast<size_t>(m.from);
      const double have = hh[a];
      double moved = static_cast<double>(e.households);
      if (!(moved <= have)) {
        if (central)
          throw diag::InputError(diag::error_at(e.households_loc, diag::msg("sim.event.too_many", diag::msg("sim.ctx.event", e.kind, e.year),
                                                                             e.households, e.from, have, year),
                                                diag::msg("sim.event.too_many.hint")));
        moved = std::isfinite(have) ? std::max(0.0, have) : 0.0;
      }
      // The poor among them, kept so that both rates stay within 0 and 1.
      const double poor_have = pov[a] * have;
      double poor = e.poor_households >= 0 ? static_cast<double>(e.poor_households) : moved * pov[a];
      const double lo = std::max(0.0, poor_have - (have - moved));
      poor = std::clamp(poor, lo, std::max(lo, std::min(moved, poor_have)));
      const double people = ps >= 0 && have > 0 ? st[static_cast<size_t>(ps)][a] * moved / have : 0.0;
      hh[a] = have - moved;
      if (hh[a] > 0) pov[a] = (poor_have - poor) / hh[a];
      if (ps >= 0) st[static_cast<size_t>(ps)][a] -= people;
      if (m.to < 0) continue;  // out of the province
      const size_t b = static_cast<size_t>(m.to);
      if (hh[b] + moved > 0) pov[b] = (pov[b] * hh[b] + poor) / (hh[b] + moved);
      hh[b] += moved;
      if (ps >= 0) st[static_cast<size_t>(ps)][b] += people;
    }
  }

  // The housing programmes of year k: their money is housing money on their communes' units,
  // split by households (largest remainder), so the model's housing response applies.
  void place_housing(int k, Projection& proj) {
    const int year = sim.scenario_.start_year + k;
    const auto& purposes = config::spending_purposes();
    const size_t h = static_cast<size_t>(std::find(purposes.begin(), purposes.end(), "housing") - purposes.begin());
    std::vector<std::int64_t>& out = proj.spend[static_cast<size_t>(k)];
    const double* hh = households_col();
    for (const EventCost& c : sim.events_.costs) {
      if (!c.placed || c.year != year) continue;
      std::vector<double> w;
      for (int u : c.units) w.push_back(hh && hh[u] > 0 ? hh[u] : 0.0);
      if (std::all_of(w.begin(), w.end(), [](double v) { return v <= 0; })) std::fill(w.begin(), w.end(), 1.0);
      const auto parts = split_largest_remainder(c.cost_vnd, w);
      for (size_t i = 0; i < c.units.size(); ++i) out[h * n + static_cast<size_t>(c.units[i])] += parts[i];
    }
  }

  // Plans year k's spending on the projection: the formula reads the state at the end of the
  // previous year and its classes, or the allocation table gives it.
  void sim_plan(int k, Projection& proj);
  // The strategies other than the formula and the table (sim/strategy.h), into `out`.
  void plan_strategy(int k, const std::vector<std::int64_t>& twin, std::vector<std::int64_t>& out, PlanStats& stats);
  // Commune c's poverty after year k on the projection, with `spend` (dong per purpose).
  double next_poverty(size_t c, int k, const std::int64_t* spend);
  // Writes commune c's inputs of year k on the projection into `vals` (shocks and noise 0), with
  // `spend` (dong per purpose); then the poverty update from them (terms evaluated first).
  void load_inputs(size_t c, int k, const std::int64_t* spend);
  double poverty_from_inputs(size_t c);
  // greedy: year k's plan by marginal expected exits (sim/exit_gain.h) within `bounds`.
  std::vector<std::int64_t> plan_exits(int k, const std::vector<std::int64_t>& twin, const PlanProblem& bounds,
                                       std::int64_t increment, PlanFailure& failure);
  void add_twinning(int k, std::vector<std::int64_t>& out);

  std::vector<std::vector<int>> proj_classes;
  std::unique_ptr<expr::CompiledExpr> formula;
  std::unique_ptr<expr::Evaluator> formula_eval;
  expr::SymbolTable formula_symbols;
  std::vector<std::string> formula_columns;  // slot -> indicator id ("" for class flags / assumptions)
};

void Simulation::Worker::sim_plan(int k, Projection& proj) {
  const auto& S = sim.scenario_;
  const size_t P = config::spending_purposes().size();
  std::vector<std::int64_t>& out = proj.spend[static_cast<size_t>(k)];
  out.assign(P * n, 0);
  const int year = S.start_year + k;
  if (S.allocation == "table") {
    for (size_t p = 0; p < P; ++p)
      for (size_t c = 0; c < n; ++c) {
        auto it = sim.table_plan_.find({year, static_cast<int>(p), cur->slugs[c]});
        if (it != sim.table_plan_.end()) out[p * n + c] = it->second;
      }
    add_twinning(k, out);
    return;
  }
  if (S.allocation != "formula") {
    std::vector<std::int64_t> twin(P * n, 0);
    add_twinning(k, twin);
    const auto t0 = std::chrono::steady_clock::now();
    plan_strategy(k, twin, out, proj.plan_stats[static_cast<size_t>(k)]);
    proj.plan_stats[static_cast<size_t>(k)].plan_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (size_t i = 0; i < out.size(); ++i) out[i] += twin[i];
    return;
  }
  if (!formula) {
    // Symbols: every column of the world or state, class flags of every rule set, assumptions.
    std::vector<std::string> names;
    for (const auto& [id, col] : sim.world_.columns) names.push_back(id);
    if (sim.world_.merged)
      for (const auto& [id, col] : sim.world_.merged->columns) names.push_back(id);
    for (const auto& s : program.layout().states) names.push_back(s);
    for (const auto& t : S.rules)
      for (int y = t.from; y <= t.until; ++y)
        if (classifier.entry_for(y) >= 0) {
          for (const auto& cls : classifier.class_names(y)) names.push_back(class_var(cls));
          break;
        }
    for (const auto& a : S.assumptions) names.push_back(a.name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const auto& nm : names) formula_symbols.add(nm);
    std::vector<diag::Diagnostic> problems;
    auto e = expr::CompiledExpr::compile(S.formula->text, formula_symbols, S.formula->loc, S.formula->exact, problems);
    if (!e) throw diag::InputError(problems);
    formula = std::make_unique<expr::CompiledExpr>(std::move(*e));
    formula_eval = std::make_unique<expr::Evaluator>(*formula);
  }
  // Values of the previous year (k - 1).
  std::vector<double> v(static_cast<size_t>(formula_symbols.size()), 0.0);
  std::vector<double> weights(n);
  const auto prev_names = classifier.class_names(year - 1);
  auto look = lookup(k - 1);
  for (size_t c = 0; c < n; ++c) {
    for (int s = 0; s < formula_symbols.size(); ++s) {
      const std::string& nm = formula_symbols.names()[static_cast<size_t>(s)];
      double x = 0;
      bool found = false;
      for (const auto& a : S.assumptions)
        if (a.name == nm) { x = a.value; found = true; }
      if (!found && nm.rfind("class_", 0) == 0) {
        // A class flag: 1 when the commune was in that class in the previous year.
        int cls = proj_classes[static_cast<size_t>(k - 1)][c];
        x = cls >= 0 && class_var(prev_names[static_cast<size_t>(cls)]) == nm ? 1.0 : 0.0;
        found = true;
      }
      if (!found) {
        auto r = sim.catalogue_.resolve(nm, year - 1);
        const double* col = look(r ? *r : nm);
        if (!col) col = look(nm);
        x = col ? col[c] : kNaN;
      }
      v[static_cast<size_t>(s)] = x;
    }
    double w = formula_eval->eval(v.data());
    if (!std::isfinite(w) || w < 0)
      throw diag::InputError(diag::error_at(S.formula->loc, diag::msg("sim.allocation.weight", fmt::format("{}", w), cur->slugs[c], year),
                                            diag::msg("sim.allocation.weight.hint")));
    weights[c] = targeted(c) ? w : 0.0;
  }
  for (size_t p = 0; p < P; ++p) {
    auto parts = split_largest_remainder(sim.budget_[static_cast<size_t>(k)][p], weights);
    for (size_t c = 0; c < n; ++c) out[p * n + c] = parts[c];
  }
  add_twinning(k, out);
}

double Simulation::Worker::next_poverty(size_t c, int k, const std::int64_t* spend) {
  load_inputs(c, k, spend);
  return poverty_from_inputs(c);
}

void Simulation::Worker::load_inputs(size_t c, int k, const std::int64_t* spend) {
  const ModelLayout& L = program.layout();
  const World& W = *cur;
  const double* hh = households_col();
  const size_t P = config::spending_purposes().size();
  for (size_t i = 0; i < L.states.size(); ++i) vals[static_cast<size_t>(L.state0) + i] = st[i][c];
  for (size_t p = 0; p < P; ++p) {
    const double h = hh ? hh[c] : kNaN;
    vals[static_cast<size_t>(L.spend0) + p] = h > 0 ? static_cast<double>(spend[p]) / 1e6 / h : kNaN;
  }
  vals[static_cast<size_t>(L.travel)] = W.travel_hours[static_cast<size_t>(k)][c];
  vals[static_cast<size_t>(L.twinned)] = twinned[c];
  vals[static_cast<size_t>(L.workdays)] = workdays[c];
  for (size_t s = 0; s < L.spill_of.size(); ++s) vals[static_cast<size_t>(L.spill0) + s] = spill[s * n + c];
  for (size_t s = 0; s < sim.model_.shocks.size(); ++s) vals[static_cast<size_t>(L.shock0) + s] = 0.0;
  for (size_t s = 0; s < sim.model_.noises.size(); ++s) vals[static_cast<size_t>(L.noise0) + s] = 0.0;
  vals[static_cast<size_t>(L.year)] = sim.scenario_.start_year + k;
}

double Simulation::Worker::poverty_from_inputs(size_t c) {
  const ModelLayout& L = program.layout();
  for (size_t t = 0; t < program.terms().size(); ++t) vals[static_cast<size_t>(L.term0) + t] = program.eval_term(t, vals.data());
  for (size_t u = 0; u < program.updates().size(); ++u)
    if (L.updated[u] == L.poverty) {
      const double v = program.eval_update(u, vals.data());
      return std::isfinite(v) ? std::clamp(v, L.state_min[static_cast<size_t>(L.poverty)], L.state_max[static_cast<size_t>(L.poverty)]) : kNaN;
    }
  return st[static_cast<size_t>(L.poverty)][c];
}

void Simulation::Worker::plan_strategy(int k, const std::vector<std::int64_t>& twin, std::vector<std::int64_t>& out, PlanStats& stats) {
  const auto& S = sim.scenario_;
  const size_t P = config::spending_purposes().size();
  const int year = S.start_year + k;
  const ModelLayout& L = program.layout();
  const double* hh = households_col();
  const double* pop = column_of("population");
  const auto& pov = st[static_cast<size_t>(L.poverty)];
  auto value = [](const double* col, size_t c) { return col && std::isfinite(col[c]) && col[c] > 0 ? col[c] : 0.0; };
  if (S.allocation == "equal" || S.allocation == "per-capita" || S.allocation == "per-poor-household") {
    std::vector<double> w(n, 1.0);
    for (size_t c = 0; c < n; ++c) {
      if (S.allocation == "per-capita") w[c] = value(pop, c);
      if (S.allocation == "per-poor-household") w[c] = value(hh, c) * (std::isfinite(pov[c]) ? pov[c] : 0.0);
    }
    // With no weight anywhere (no data), the money is split equally rather than lost.
    if (std::all_of(w.begin(), w.end(), [](double v) { return v <= 0; })) std::fill(w.begin(), w.end(), 1.0);
    for (size_t c = 0; c < n; ++c)
      if (!targeted(c)) w[c] = 0;
    for (size_t p = 0; p < P; ++p) {
      auto parts = split_largest_remainder(sim.budget_[static_cast<size_t>(k)][p], w);
      std::copy(parts.begin(), parts.end(), out.begin() + static_cast<long>(p * n));
    }
    return;
  }
  // greedy and lp: the budget, floors and caps. lp: the gain of money to (commune, purpose) is
  // the population-weighted fall in next year's poverty on the projection, the other purposes at
  // the twinning money only, sampled at kPieces equal steps up to 4 times the commune's share by
  // households. greedy measures expected exits itself (plan_exits).
  constexpr int kPieces = 8;
  constexpr double kSpan = 4.0;
  PlanProblem pr;
  pr.communes = n;
  pr.purposes = P;
  pr.budget.assign(P, 0);
  for (size_t p = 0; p < P; ++p) pr.budget[p] = sim.budget_[static_cast<size_t>(k)][p];
  pr.floor.assign(n, S.floor_vnd);
  pr.cap.assign(n, S.cap_vnd);
  for (size_t c = 0; c < n; ++c)
    if (!targeted(c)) pr.floor[c] = pr.cap[c] = 0;
  pr.gain.assign(P * n, {});
  double hh_total = 0;
  for (size_t c = 0; c < n; ++c) hh_total += value(hh, c);
  std::vector<std::int64_t> spend(P);
  const bool sample = S.allocation == "lp";
  for (size_t c = 0; c < n && sample; ++c) {
    const double weight = pop ? value(pop, c) : value(hh, c);
    for (size_t q = 0; q < P; ++q) spend[q] = twin[q * n + c];
    const double base = next_poverty(c, k, spend.data());
    for (size_t p = 0; p < P; ++p) {
      const double span = hh_total > 0 ? kSpan * static_cast<double>(pr.budget[p]) * value(hh, c) / hh_total : 0;
      if (span < kPieces || std::isnan(base)) continue;
      double before = base;
      for (int j = 1; j <= kPieces; ++j) {
        spend[p] = twin[p * n + c] + static_cast<std::int64_t>(span * j / kPieces);
        const double after = next_poverty(c, k, spend.data());
        const double slope = std::isfinite(after) ? std::max(0.0, weight * (before - after) / (span / kPieces)) : 0.0;
        pr.gain[p * n + c].push_back({span / kPieces, slope});
        if (std::isfinite(after)) before = after;
      }
      spend[p] = twin[p * n + c];
    }
  }
  PlanFailure failure;
  std::vector<std::int64_t> x;
  if (S.allocation == "lp") {
    x = plan_lp(pr, failure, &stats);
  } else {
    std::int64_t total = 0;
    for (auto b : pr.budget) total += b;
    // The stated default increment: a tenth of an equal share of the year's budget.
    const std::int64_t inc = S.increment_vnd > 0 ? S.increment_vnd : std::max<std::int64_t>(1, total / static_cast<std::int64_t>(10 * std::max<size_t>(n, 1)));
    x = plan_exits(k, twin, pr, inc, failure);
  }
  switch (failure.kind) {
    case PlanFailure::Kind::kNone: break;
    case PlanFailure::Kind::kFloors:
      throw diag::InputError(diag::error_at(S.allocation_loc, diag::msg("sim.strategy.floors", year, n, failure.sum, failure.budget),
                                            diag::msg("sim.strategy.floors.hint")));
    case PlanFailure::Kind::kCaps:
      throw diag::InputError(diag::error_at(S.allocation_loc,
                                            diag::msg("sim.strategy.caps", year, n, failure.sum, failure.budget, failure.budget - failure.sum),
                                            diag::msg("sim.strategy.caps.hint")));
    case PlanFailure::Kind::kSolver:
      throw diag::InputError(diag::error_at(S.allocation_loc, diag::msg("sim.strategy.solver", year, failure.detail),
                                            diag::msg("sim.strategy.solver.hint")));
  }
  std::copy(x.begin(), x.end(), out.begin());
}

std::vector<std::int64_t> Simulation::Worker::plan_exits(int k, const std::vector<std::int64_t>& twin, const PlanProblem& bounds,
                                                        std::int64_t increment, PlanFailure& failure) {
  // docs/simulator.md, "Strategies" (greedy): next year's states on the projection with the
  // twinning money only, converted as the run converts them; per commune the poverty value at
  // which the rule set of the year lets it leave region III (the other states held at their
  // projection), and the standard deviation of its next-year poverty from what the runs draw:
  // the model's noises, shocks and uncertain parameters (delta method, at the twinning money).
  constexpr int kBisections = 40;
  const auto& S = sim.scenario_;
  const ModelLayout& L = program.layout();
  const size_t P = config::spending_purposes().size(), ns = L.states.size();
  const size_t pov = static_cast<size_t>(L.poverty);
  const int year = S.start_year + k;
  const World& W = *cur;
  const auto& M = sim.model_;
  std::vector<double> factor(ns, 1.0);  // the year's conversions
  for (const auto& conv : M.conversions)
    if (conv.year == year)
      for (size_t i = 0; i < ns; ++i)
        if (L.states[i] == conv.alias) factor[i] *= conv.factor;
  // Per shock and unit: the probability that the unit is hit in a year (shocks.h's scopes).
  std::vector<double> hit(M.shocks.size() * n, 0.0);
  for (size_t s = 0; s < M.shocks.size(); ++s) {
    const double q = std::clamp(M.shocks[s].probability, 0.0, 1.0);
    std::vector<double> by_district(W.district_ids.size(), q);
    if (M.shocks[s].scope == "district_and_neighbours") {
      std::vector<int> sources(W.district_ids.size(), 1);  // epicentres that hit the district
      for (size_t d = 0; d < W.district_borders.size(); ++d)
        for (int b : W.district_borders[d])
          if (static_cast<size_t>(b) != d) ++sources[static_cast<size_t>(b)];
      for (size_t d = 0; d < by_district.size(); ++d) by_district[d] = 1 - std::pow(1 - q, sources[d]);
    }
    for (size_t c = 0; c < n; ++c)
      hit[s * n + c] = M.shocks[s].scope == "province" ? q : by_district[static_cast<size_t>(W.district[c])];
  }
  // Per parameter: the standard deviation of its draws in the runs (0: fixed).
  std::vector<double> spread(sim.params_.size(), 0.0);
  for (size_t q = 0; q < spread.size(); ++q) {
    const auto& pa = sim.params_[q];
    const double a = pa.low, b = pa.high, m = pa.value;
    if (pa.distribution == "uniform") spread[q] = (b - a) / std::sqrt(12.0);
    else if (pa.distribution == "triangular") spread[q] = std::sqrt(std::max(0.0, (a * a + b * b + m * m - a * b - a * m - b * m) / 18));
    else if (pa.distribution == "normal") spread[q] = pa.sd;
  }
  // The year's columns as the run sets them after the plan (which sets them again), with the
  // twinning money, shocks and noises 0; every variation below is evaluated column-wise.
  const double* hh = households_col();
  std::vector<double> money(P * n), zeros(n, 0.0), varied(n);
  for (size_t p = 0; p < P; ++p)
    for (size_t c = 0; c < n; ++c) {
      const double h = hh ? hh[c] : kNaN;
      money[p * n + c] = h > 0 ? static_cast<double>(twin[p * n + c]) / 1e6 / h : kNaN;
    }
  for (size_t i = 0; i < ns; ++i) cols[static_cast<size_t>(L.state0) + i] = st[i].data();
  for (size_t p = 0; p < P; ++p) cols[static_cast<size_t>(L.spend0) + p] = &money[p * n];
  cols[static_cast<size_t>(L.travel)] = W.travel_hours[static_cast<size_t>(k)].data();
  cols[static_cast<size_t>(L.twinned)] = twinned.data();
  cols[static_cast<size_t>(L.workdays)] = workdays.data();
  for (size_t s = 0; s < L.spill_of.size(); ++s) cols[static_cast<size_t>(L.spill0) + s] = &spill[s * n];
  for (size_t s = 0; s < M.shocks.size(); ++s) cols[static_cast<size_t>(L.shock0) + s] = zeros.data();
  for (size_t s = 0; s < M.noises.size(); ++s) cols[static_cast<size_t>(L.noise0) + s] = zeros.data();
  year_value = year;
  size_t u_pov = 0;
  for (size_t u = 0; u < L.updated.size(); ++u)
    if (static_cast<size_t>(L.updated[u]) == pov) u_pov = u;
  const bool pov_updated = !L.updated.empty() && static_cast<size_t>(L.updated[u_pov]) == pov;
  // The terms, then update u (clamped to its state's range; NaN where not finite) into `out`.
  auto evaluate = [&](size_t u, double* out) {
    for (size_t t = 0; t < program.terms().size(); ++t) program.eval_term_columns(t, cols.data(), scalar.data(), n, &term_cols[t * n0]);
    program.eval_update_columns(u, cols.data(), scalar.data(), n, out);
    const size_t i = static_cast<size_t>(L.updated[u]);
    for (size_t c = 0; c < n; ++c) out[c] = std::isfinite(out[c]) ? std::clamp(out[c], L.state_min[i], L.state_max[i]) : kNaN;
  };
  std::vector<std::vector<double>> ahead(ns);
  for (size_t i = 0; i < ns; ++i) ahead[i].assign(st[i].begin(), st[i].begin() + static_cast<long>(n));
  for (size_t u = 0; u < L.updated.size(); ++u) evaluate(u, ahead[static_cast<size_t>(L.updated[u])].data());
  std::vector<double> raw = ahead[pov], var(n, 0.0), up(n), down(n);
  auto add = [&](double scale) {  // (up - down) x scale, squared, to the variance
    for (size_t c = 0; c < n; ++c) {
      const double d = (up[c] - down[c]) * scale;
      if (std::isfinite(d)) var[c] += d * d;
    }
  };
  if (pov_updated) {
    for (size_t s = 0; s < M.noises.size(); ++s) {
      const double*& slot = cols[static_cast<size_t>(L.noise0) + s];
      slot = varied.data();
      std::fill(varied.begin(), varied.end(), M.noises[s].sd);
      evaluate(u_pov, up.data());
      std::fill(varied.begin(), varied.end(), -M.noises[s].sd);
      evaluate(u_pov, down.data());
      slot = zeros.data();
      add(0.5);
    }
    for (size_t q = 0; q < spread.size(); ++q) {
      const double v = params[q], a = std::max(sim.params_[q].low, v - spread[q]), b = std::min(sim.params_[q].high, v + spread[q]);
      if (!(spread[q] > 0) || !(b > a)) continue;
      params[q] = b;
      evaluate(u_pov, up.data());
      params[q] = a;
      evaluate(u_pov, down.data());
      params[q] = v;
      add(spread[q] / (b - a));
    }
    std::fill(varied.begin(), varied.end(), 1.0);
    for (size_t s = 0; s < M.shocks.size(); ++s) {
      const double*& slot = cols[static_cast<size_t>(L.shock0) + s];
      slot = varied.data();
      evaluate(u_pov, up.data());
      slot = zeros.data();
      for (size_t c = 0; c < n; ++c) {
        const double h = hit[s * n + c], d = up[c] - raw[c];
        if (std::isfinite(d)) var[c] += h * (1 - h) * d * d;
      }
    }
  }
  for (size_t i = 0; i < ns; ++i)
    if (factor[i] != 1.0)
      for (double& v : ahead[i]) v = std::clamp(v * factor[i], L.state_min[i], L.state_max[i]);
  // The rule set of the year on those states, the poverty rate replaced by trial values.
  std::vector<double> column(n);
  std::vector<unsigned char> flags(n);
  std::vector<int> holds(n);
  const auto& names = by_name[static_cast<size_t>(k)];
  const ColumnLookup look = [&](const std::string& id) -> const double* {
    if (auto it = names.find(id); it != names.end())
      return static_cast<size_t>(it->second) == pov ? column.data() : ahead[static_cast<size_t>(it->second)].data();
    auto w = W.columns.find(id);
    return w == W.columns.end() ? nullptr : w->second.data();
  };
  const LeaveTest leaves = [&](const std::vector<double>& v, std::vector<unsigned char>& out) {
    for (size_t c = 0; c < n; ++c) column[c] = std::clamp(v[c] * factor[pov], L.state_min[pov], L.state_max[pov]);
    classifier.classify(year, n, look, flags.data(), holds.data());
    for (size_t c = 0; c < n; ++c) out[c] = flags[c] == 0 ? 1 : 0;
  };
  ExitProblem ep;
  ep.plan = bounds;
  ep.threshold = exit_thresholds(raw, L.state_min[pov], L.state_max[pov], kBisections, leaves);
  ep.weight.assign(n, 0.0);
  for (size_t c = 0; c < n0; ++c)  // the start's region III communes not yet out on the projection
    if (sim.start_iii_[c] && !exited[c]) ep.weight[unit_of(c)] += 1;
  ep.sd.resize(n);
  for (size_t c = 0; c < n; ++c) ep.sd[c] = std::sqrt(var[c]);
  const double* pop = column_of("population");
  ep.people.resize(n);
  for (size_t c = 0; c < n; ++c) {
    const double v = pop ? pop[c] : (hh ? hh[c] : 0.0);
    ep.people[c] = std::isfinite(v) && v > 0 ? v : 0.0;
  }
  std::vector<std::int64_t> spend(P);
  const PovertyOf poverty = [&](size_t c, const std::int64_t* given) {
    for (size_t p = 0; p < P; ++p) spend[p] = given[p] + twin[p * n + c];
    return next_poverty(c, k, spend.data());
  };
  return plan_greedy_exits(ep, increment, poverty, failure);
}

void Simulation::Worker::add_twinning(int k, std::vector<std::int64_t>& out) {
  // Money through the twinning agencies: equal shares per active agency, to its commune's unit.
  const size_t P = config::spending_purposes().size();
  if (static_cast<size_t>(k) >= W0->twinning.size()) return;  // no agencies (and so no such money)
  const auto& agencies = W0->twinning[static_cast<size_t>(k)];
  for (size_t p = 0; p < P; ++p) {
    const std::int64_t amount = sim.twin_budget_[static_cast<size_t>(k)][p];
    if (amount == 0) continue;
    auto parts = split_largest_remainder(amount, std::vector<double>(agencies.size(), 1.0));
    for (size_t a = 0; a < agencies.size(); ++a) out[p * n + unit_of(static_cast<size_t>(agencies[a]))] += parts[a];
  }
}

Simulation::Simulation(const config::ScenarioFile& scenario, const config::ModelFile& model, World world,
                       const data::Catalogue& catalogue, const rules::RuleLibrary& library,
                       const std::map<std::string, double>& overrides)
    : scenario_(scenario), model_(model), world_(std::move(world)), catalogue_(catalogue), library_(library) {
  program_ = std::make_unique<ModelProgram>(model_, catalogue_);
  const int Y = years();
  diag::DiagnosticSink sink;
  // Overrides.
  params_ = model_.parameters;
  if (!scenario_.parameters.empty()) {
    // Central values from a fitted-parameters file (--set still overrides them).
    const std::string path = (std::filesystem::path(scenario_.dir) / scenario_.parameters).string();
    std::vector<std::string> names;
    for (const auto& p : params_) names.push_back(p.name);
    for (const auto& v : config::read_parameter_values(path)) {
      auto it = std::find_if(params_.begin(), params_.end(), [&](const config::ModelParameter& p) { return p.name == v.name; });
      if (it == params_.end()) {
        sink.error(v.loc, diag::msg("sim.fitted.unknown", v.name), diag::did_you_mean(v.name, names));
      } else if (v.value < it->low || v.value > it->high) {
        sink.error(v.loc, diag::msg("sim.fitted.range", v.name, v.value, it->low, it->high), diag::msg("sim.fitted.range.hint"));
      } else {
        // The runs draw around the fitted value: a uniform range becomes triangular with its mode there.
        it->value = v.value;
        if (it->distribution == "uniform") it->distribution = "triangular";
      }
    }
  }
  std::vector<std::string> known;
  for (auto& p : params_) known.push_back(p.name);
  for (const auto& b : scenario_.budget) known.push_back("budget." + b.id);
  for (const auto& w : scenario_.workdays) known.push_back("workdays." + w.id);
  for (const auto& a : scenario_.assumptions) known.push_back("assumption." + a.name);
  for (const auto& [name, value] : overrides) {
    bool done = false;
    for (auto& p : params_)
      if (p.name == name) { p.value = value; p.distribution = "fixed"; p.low = p.high = value; done = true; }
    for (auto& b : scenario_.budget)
      if ("budget." + b.id == name) {
        if (value < 0 || value != std::floor(value)) {
          sink.add(diag::error_about("--set", diag::msg("sim.set.budget", name, fmt::format("{}", value)), diag::msg("sim.budget.negative.hint")));
        }
        b.amount_vnd = static_cast<std::int64_t>(value);
        done = true;
      }
    for (auto& w : scenario_.workdays)
      if ("workdays." + w.id == name) {
        if (value < 0 || value != std::floor(value))
          sink.add(diag::error_about("--set", diag::msg("sim.set.workdays", name, fmt::format("{}", value)), diag::msg("sim.workdays.negative.hint")));
        w.workdays = static_cast<std::int64_t>(value);
        done = true;
      }
    for (auto& a : scenario_.assumptions)
      if ("assumption." + a.name == name) {
        a.value = value;
        done = true;
      }
    if (!done) {
      std::string hint = diag::did_you_mean(name, known);
      sink.add(diag::error_about("--set", diag::msg("sim.set.unknown", name), hint.empty() ? diag::msg("sim.set.unknown.hint") : hint));
    }
  }
  // The starting state must be in the data.
  const auto& L = program_->layout();
  for (size_t i = 0; i < L.states.size(); ++i) {
    auto r = catalogue_.resolve(L.states[i], scenario_.start_year);
    if (!r || !world_.columns.count(*r))
      sink.error(model_.states[i].loc, diag::msg("sim.state.no_data", L.states[i], r ? *r : L.states[i], scenario_.start_year),
                 diag::msg("sim.state.no_data.hint"));
  }
  // An alias state whose indicator changes during the run needs a stated conversion that year.
  for (size_t i = 0; i < L.states.size(); ++i) {
    if (!catalogue_.find_alias(L.states[i])) continue;
    for (int y = scenario_.start_year + 1; y <= scenario_.end_year; ++y) {
      if (catalogue_.resolve(L.states[i], y) == catalogue_.resolve(L.states[i], y - 1)) continue;
      bool stated = false;
      for (const auto& c : model_.conversions) stated = stated || (c.alias == L.states[i] && c.year == y);
      if (!stated)
        sink.error(model_.states[i].loc, diag::msg("sim.state.no_conversion", L.states[i], y,
                                                   catalogue_.resolve(L.states[i], y - 1).value_or("-"),
                                                   catalogue_.resolve(L.states[i], y).value_or("-")),
                   diag::msg("sim.state.no_conversion.hint", L.states[i], y));
    }
  }
  // How each state combines at the merger: the model's word, else the catalogue's rule.
  merge_rules_.assign(L.states.size(), data::Aggregation::kNone);
  merge_weights_.assign(L.states.size(), std::string());
  for (size_t i = 0; i < L.states.size(); ++i) {
    static const std::map<std::string, std::pair<data::Aggregation, std::string>> words = {
        {"sum", {data::Aggregation::kSum, ""}}, {"household_weighted", {data::Aggregation::kWeighted, "households"}},
        {"population_weighted", {data::Aggregation::kWeighted, "population"}}, {"max", {data::Aggregation::kMax, ""}},
        {"min", {data::Aggregation::kMin, ""}}, {"any", {data::Aggregation::kAny, ""}}};
    if (auto it = words.find(model_.states[i].merge); it != words.end()) {
      merge_rules_[i] = it->second.first;
      merge_weights_[i] = it->second.second;
      continue;
    }
    if (!world_.merged) continue;
    auto r = catalogue_.resolve(L.states[i], world_.merger_year - 1);
    const data::Indicator* ind = r ? catalogue_.find(*r) : nullptr;
    if (ind) {
      merge_rules_[i] = ind->aggregation;
      merge_weights_[i] = ind->weight;
    }
    if (merge_rules_[i] == data::Aggregation::kNone)
      sink.error(model_.states[i].loc, diag::msg("sim.state.no_merge", L.states[i], world_.merger_year),
                 diag::msg("sim.state.no_merge.hint"));
  }
  // The rule-set timeline covers every year from the start.
  for (int y = scenario_.start_year; y <= scenario_.end_year; ++y) {
    int covering = 0;
    for (const auto& t : scenario_.rules) covering += t.from <= y && y <= t.until;
    if (covering != 1)
      sink.add(diag::error_about(scenario_.path, diag::msg(covering ? "sim.rules.overlap" : "sim.rules.gap", y), diag::msg("sim.rules.hint")));
  }
  // Lists: made from a simulated year's data (not the last) with a rule set of the timeline.
  for (const auto& l : scenario_.lists) {
    bool rules_known = false;
    for (const auto& t : scenario_.rules) rules_known = rules_known || (t.from <= l.rules_year && l.rules_year <= t.until);
    if (l.data_year < scenario_.start_year || l.data_year >= scenario_.end_year || !rules_known)
      sink.error(l.loc, diag::msg("sim.list.years", l.name, l.data_year, l.rules_year, scenario_.start_year, scenario_.end_year - 1),
                 diag::msg("sim.list.hint"));
  }
  // Budget lines within the simulated years.
  budget_.assign(static_cast<size_t>(Y) + 1, std::vector<std::int64_t>(config::spending_purposes().size(), 0));
  twin_budget_ = budget_;
  for (const auto& b : scenario_.budget) {
    if (b.from <= scenario_.start_year || b.until > scenario_.end_year || b.from > b.until) {
      sink.error(b.loc, diag::msg("sim.budget.years", b.id, b.from, b.until, scenario_.start_year + 1, scenario_.end_year),
                 diag::msg("sim.budget.hint"));
      continue;
    }
    size_t p = static_cast<size_t>(std::find(config::spending_purposes().begin(), config::spending_purposes().end(), b.purpose) -
                                   config::spending_purposes().begin());
    if (p >= config::spending_purposes().size()) continue;
    for (int y = b.from; y <= b.until; ++y) {
      const size_t k = static_cast<size_t>(y - scenario_.start_year);
      if (b.allocation == "twinning") {
        twin_budget_[k][p] += b.amount_vnd;
        if (b.amount_vnd > 0 && (k >= world_.twinning.size() || world_.twinning[k].empty()))
          sink.error(b.loc, diag::msg("sim.budget.no_agency", b.id, y), diag::msg("sim.budget.no_agency.hint"));
      } else {
        budget_[k][p] += b.amount_vnd;
      }
    }
  }
  // Events that cost money: each cost is taken from its budget line in its year, before the
  // strategy splits the rest (docs/simulator.md, Events that cost money).
  events_ = plan_costed_events(scenario_, world_, std::find(L.states.begin(), L.states.end(), "households") != L.states.end(), sink);
  for (size_t k = 0; k < budget_.size(); ++k)
    for (size_t p = 0; p < budget_[k].size(); ++p) {
      budget_[k][p] -= events_.from_allocation[k][p];
      twin_budget_[k][p] -= events_.from_twinning[k][p];
    }
  // The twinning agencies' workdays: each year's total split equally among the active agencies
  // (whole workdays, largest remainder), each part to the commune it is twinned with that year.
  workdays_.assign(static_cast<size_t>(Y) + 1, std::vector<std::int64_t>(world_.size(), 0));
  for (const auto& w : scenario_.workdays) {
    if (w.from <= scenario_.start_year || w.until > scenario_.end_year || w.from > w.until) {
      sink.error(w.loc, diag::msg("sim.workdays.years", w.id, w.from, w.until, scenario_.start_year + 1, scenario_.end_year),
                 diag::msg("sim.workdays.years.hint"));
      continue;
    }
    for (int y = w.from; y <= w.until; ++y) {
      const size_t k = static_cast<size_t>(y - scenario_.start_year);
      const std::vector<int> none;
      const std::vector<int>& agencies = k < world_.twinning.size() ? world_.twinning[k] : none;
      if (w.workdays > 0 && agencies.empty()) {
        sink.error(w.loc, diag::msg("sim.workdays.no_agency", w.id, y), diag::msg("sim.workdays.no_agency.hint"));
        break;  // once per line: the first such year
      }
      const auto parts = split_largest_remainder(w.workdays, std::vector<double>(agencies.size(), 1.0));
      for (size_t a = 0; a < agencies.size(); ++a) workdays_[k][static_cast<size_t>(agencies[a])] += parts[a];
    }
  }
  targeted_.assign(world_.size(), 0);
  for (size_t i = 0; i < scenario_.allocation_communes.size(); ++i) {
    const std::string& slug = scenario_.allocation_communes[i];
    auto it = std::find(world_.slugs.begin(), world_.slugs.end(), slug);
    if (it == world_.slugs.end())
      sink.error(scenario_.allocation_communes_loc[i], diag::msg("sim.strategy.commune", slug, world_.start_year),
                 diag::did_you_mean(slug, world_.slugs));
    else targeted_[static_cast<size_t>(it - world_.slugs.begin())] = 1;
  }
  sink.throw_if_errors();
  // The targets checked in every run; a measure that reads nothing the model updates cannot move.
  std::vector<std::string> simulated;
  for (int u : L.updated) {
    const std::string& id = L.states[static_cast<size_t>(u)];
    simulated.push_back(id);
    for (int y = scenario_.start_year; y <= scenario_.end_year; ++y)
      if (auto r = catalogue_.resolve(id, y)) simulated.push_back(*r);
  }
  targets_ = plan_targets(scenario_, world_, simulated, catalogue_, library_);
  if (scenario_.allocation == "table") {
    std::string path = (std::filesystem::path(scenario_.dir) / scenario_.allocation_table).string();
    table_plan_ = read_allocation_table(path, world_, scenario_.start_year + 1, scenario_.end_year, budget_, scenario_.start_year);
  }
  plan_and_project();
}

Simulation::~Simulation() = default;

std::int64_t Simulation::workdays(int k) const {
  std::int64_t sum = 0;
  for (auto v : workdays_[static_cast<size_t>(k)]) sum += v;
  return sum;
}

void Simulation::plan_and_project() {
  Worker w(*this);
  const int Y = years();
  const size_t n = world_.size();
  // Region III at the start.
  start_iii_.assign(n, 0);
  std::vector<int> hold(n);
  std::vector<int> classes;
  w.start_state();
  w.classifier.classify(scenario_.start_year, n, w.lookup(0), start_iii_.data(), hold.data(), &classes);
  for (auto& v : start_iii_) v = v == 1;
  last_criteria_ = w.classifier.criteria_names(scenario_.end_year);
  last_criteria_vi_ = w.classifier.criteria_titles_vi(scenario_.end_year);
  last_criteria_en_ = w.classifier.criteria_titles_en(scenario_.end_year);
  projection_.exit_year.assign(n, 0);
  projection_.poverty.assign(static_cast<size_t>(Y) + 1, {});
  projection_.spend.assign(static_cast<size_t>(Y) + 1, {});
  projection_.states.assign(static_cast<size_t>(Y) + 1, {});
  projection_.plan_stats.assign(static_cast<size_t>(Y) + 1, {});
  w.proj_classes.assign(static_cast<size_t>(Y) + 1, {});
  w.proj_classes[0] = classes;
  Projection p = projection_;
  w.run(0, true, nullptr, &p);
  projection_ = std::move(p);
}

AggregateShape Simulation::shape() const {
  return {world_.size(), world_.district_ids.size() + 1, static_cast<size_t>(years()), last_criteria_.size(),
          program_->layout().states.size(), scenario_.lists.size(), target_pairs(targets_),
          world_.merged ? world_.merged->size() : 0};
}

std::string Simulation::last_criterion_name(size_t k) const {
  return diag::named(last_criteria_vi_.at(k), last_criteria_en_.at(k), last_criteria_.at(k));
}

std::string Simulation::rules_id(int year) const { return rules_entry(year).id; }
std::string Simulation::rules_title(int year) const {
  const rules::RuleSet& rs = *library_.get(rules_entry(year).id);
  return rs.display_title();
}
const config::ScenarioRules& Simulation::rules_entry(int year) const {
  for (const auto& t : scenario_.rules)
    if (t.from <= year && year <= t.until) return t;
  return scenario_.rules.front();
}

std::int64_t Simulation::money(int year_index) const {
  std::int64_t sum = 0;
  for (auto v : projection_.spend[static_cast<size_t>(year_index)]) sum += v;
  for (const EventCost& c : events_.costs)
    if (!c.placed && c.year == scenario_.start_year + year_index) sum += c.cost_vnd;
  return sum;
}

std::int64_t Simulation::money() const {
  std::int64_t sum = 0;
  for (int k = 1; k <= years(); ++k) sum += money(k);
  return sum;
}

std::string Simulation::fingerprint() const {
  std::string s = fmt::format("{}|{}|{}|{}|", scenario_.seed, scenario_.start_year, scenario_.end_year, world_.size());
  for (const auto& slug : world_.slugs) s += slug + ",";
  for (const auto& p : params_) s += fmt::format("{}={}:{}:{}:{}:{};", p.name, p.value, p.distribution, p.low, p.high, p.sd);
  for (const auto& y : projection_.spend)
    for (auto v : y) s += std::to_string(v) + ",";
  for (const auto& t : targets_) s += t.rules->id + ":" + t.decl().id + ",";
  for (const auto& y : workdays_)
    for (auto v : y) s += std::to_string(v) + ",";
  // The costed events (nothing is added without them, so older fingerprints stay the same).
  for (const EventCost& c : events_.costs) s += fmt::format("e{}:{}:{}:{};", c.event, c.year, c.purpose, c.cost_vnd);
  for (const Resettlement& m : events_.moves) {
    const auto& e = scenario_.events[m.event];
    s += fmt::format("m{}:{}:{}:{}:{};", m.year, m.from, m.to, e.households, e.poor_households);
  }
  std::uint64_t h = 0;
  for (unsigned char c : s) h = mix64(h ^ c);
  return fmt::format("{:016x}", h);
}

Aggregates Simulation::run(std::uint64_t from, std::uint64_t to, int threads, std::atomic<std::uint64_t>* done) const {
  if (to <= from) return Aggregates(shape());
  const std::uint64_t count = to - from;
  const std::uint64_t T = std::max<std::uint64_t>(1, std::min<std::uint64_t>(static_cast<std::uint64_t>(std::max(threads, 1)), count));
  // One part per thread, each made in place (a commune's last-year histogram makes them large).
  std::vector<Aggregates> parts;
  parts.reserve(T);
  for (std::uint64_t t = 0; t < T; ++t) parts.emplace_back(shape());
  std::vector<std::exception_ptr> errors(T);
  std::vector<std::uint64_t> error_run(T, 0);
  // Workers are built here, one after another: building one compiles rule sets through the
  // library, whose cache is not safe to fill from two threads at once.
  std::vector<std::unique_ptr<Worker>> workers;
  for (std::uint64_t t = 0; t < T; ++t) workers.push_back(std::make_unique<Worker>(*this));
  auto body = [&](std::uint64_t t) {
    std::uint64_t a = from + count * t / T, b = from + count * (t + 1) / T;
    std::uint64_t r = a;
    try {
      Worker& w = *workers[t];
      for (; r < b; ++r) {
        w.run(r, false, &parts[t], nullptr);
        if (done) done->fetch_add(1, std::memory_order_relaxed);
      }
    } catch (...) {
      errors[t] = std::current_exception();
      error_run[t] = r;
    }
  };
  std::vector<std::thread> pool;
  for (std::uint64_t t = 1; t < T; ++t) pool.emplace_back(body, t);
  body(0);
  for (auto& th : pool) th.join();
  for (std::uint64_t t = 0; t < T; ++t)
    if (errors[t]) std::rethrow_exception(errors[t]);  // the lowest thread holds the lowest runs
  // The first part becomes the total (integer sums: the same counts as adding it to zeros).
  Aggregates total = std::move(parts[0]);
  for (std::uint64_t t = 1; t < T; ++t) total.add(parts[t]);
  return total;
}

Aggregates Simulation::run_paired(std::uint64_t from, std::uint64_t to, int threads, std::vector<RunFigures>& figures) const {
  Aggregates total(shape());
  figures.assign(to > from ? to - from : 0, {});
  if (to <= from) return total;
  const std::uint64_t count = to - from;
  const std::uint64_t T = std::max<std::uint64_t>(1, std::min<std::uint64_t>(static_cast<std::uint64_t>(std::max(threads, 1)), count));
  const size_t Y = static_cast<size_t>(years()), n = world_.size();
  std::vector<Aggregates> parts(T, Aggregates(shape()));
  std::vector<std::exception_ptr> errors(T);
  std::vector<std::unique_ptr<Worker>> workers;
  for (std::uint64_t t = 0; t < T; ++t) workers.push_back(std::make_unique<Worker>(*this));
  auto body = [&](std::uint64_t t) {
    try {
      Worker& w = *workers[t];
      Aggregates& a = parts[t];
      std::vector<std::int64_t> exit_before(n * Y), iii_before(Y);
      const size_t pairs = target_pairs(targets_);
      for (std::uint64_t r = from + count * t / T; r < from + count * (t + 1) / T; ++r) {
        for (size_t c = 0; c < n; ++c)
          for (size_t k = 0; k < Y; ++k) exit_before[c * Y + k] = a.exit(c, k);
        for (size_t k = 0; k < Y; ++k) iii_before[k] = a.iii(0, k);
        w.run(r, false, &a, nullptr);
        RunFigures& f = figures[r - from];
        f.exits_by.assign(Y, 0);
        f.iii.assign(Y, 0);
        for (size_t k = 0; k < Y; ++k) {
          for (size_t c = 0; c < n; ++c) f.exits_by[k] += static_cast<std::int32_t>(a.exit(c, k) - exit_before[c * Y + k]);
          if (k > 0) f.exits_by[k] += f.exits_by[k - 1];
          f.iii[k] = static_cast<std::int32_t>(a.iii(0, k) - iii_before[k]);
        }
        f.targets_met.assign(pairs, 0);
        for (size_t p = 0; p < pairs; ++p) f.targets_met[p] = w.targets.met(p) ? 1 : 0;
      }
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (std::uint64_t t = 1; t < T; ++t) pool.emplace_back(body, t);
  body(0);
  for (auto& th : pool) th.join();
  for (std::uint64_t t = 0; t < T; ++t)
    if (errors[t]) std::rethrow_exception(errors[t]);
  for (const auto& p : parts) total.add(p);
  return total;
}

}  // namespace lotrinh::sim
