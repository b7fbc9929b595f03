#include "sim/calibration.h"

#include <nlopt.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "expr/compiled_expr.h"
#include "sim/simulation.h"

namespace lotrinh::sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_targets(const config::ScenarioFile& s, const config::ModelFile& m, const World& w) {
  diag::DiagnosticSink sink;
  std::vector<std::string> states;
  for (const auto& st : m.states) states.push_back(st.id);
  for (const auto& t : s.targets) {
    if (std::find(states.begin(), states.end(), t.state) == states.end())
      sink.error(t.loc, diag::msg("sim.target.state", t.name, t.state), diag::did_you_mean(t.state, states));
    if (t.year <= s.start_year || t.year > s.end_year)
      sink.error(t.loc, diag::msg("sim.target.year", t.name, t.year, s.start_year + 1, s.end_year), diag::msg("sim.target.hint"));
  }
  std::vector<std::string> names;
  for (const auto& p : m.parameters) names.push_back(p.name);
  for (const auto& f : s.fit)
    if (std::find(names.begin(), names.end(), f) == names.end())
      sink.error(s.fit_loc, diag::msg("sim.fit.unknown", f), diag::did_you_mean(f, names));
  (void)w;
  sink.throw_if_errors();
}

struct Fit {
  const config::ScenarioFile* scenario;
  const config::ModelFile* model;
  const World* world;
  const data::Catalogue* catalogue;
  const rules::RuleLibrary* library;
  std::vector<std::string> state_ids;
  int evaluations = 0;

  // The targets' values with the fitted parameters set to x.
  std::vector<double> values(const std::vector<double>& x) {
    std::map<std::string, double> set;
    for (size_t i = 0; i < x.size(); ++i) set[scenario->fit[i]] = x[i];
    Simulation s(*scenario, *model, *world, *catalogue, *library, set);
    ++evaluations;
    std::vector<double> out;
    for (const auto& t : scenario->targets)
      out.push_back(target_value(t, s.projection().states, state_ids, *world, scenario->start_year));
    return out;
  }

  double objective(const std::vector<double>& x) {
    std::vector<double> v = values(x);
    double sum = 0;
    for (size_t i = 0; i < v.size(); ++i) {
      if (!scenario->targets[i].fit) continue;
      double d = (v[i] - scenario->targets[i].reported) * 100;
      sum += std::isnan(d) ? 1e6 : d * d;
    }
    return sum;
  }
};

double fit_objective(const std::vector<double>& x, std::vector<double>& /*grad*/, void* data) {
  return static_cast<Fit*>(data)->objective(x);
}

CalibrationResult finish(Fit& f, const std::vector<double>& x, const std::string& algorithm) {
  CalibrationResult r;
  r.algorithm = algorithm;
  for (size_t i = 0; i < x.size(); ++i) r.fitted.push_back({f.scenario->fit[i], x[i]});
  std::vector<double> v = f.values(x);
  double sum = 0;
  int count = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    r.targets.push_back({&f.scenario->targets[i], v[i]});
    if (!f.scenario->targets[i].fit) continue;
    double d = (v[i] - f.scenario->targets[i].reported) * 100;
    sum += d * d;
    ++count;
  }
  r.rms_points = count ? std::sqrt(sum / count) : 0;
  r.evaluations = f.evaluations;
  return r;
}

Fit make_fit(const config::ScenarioFile& scenario, const config::ModelFile& model, const World& world,
             const data::Catalogue& catalogue, const rules::RuleLibrary& library) {
  check_targets(scenario, model, world);
  Fit f{&scenario, &model, &world, &catalogue, &library, {}, 0};
  for (const auto& st : model.states) f.state_ids.push_back(st.id);
  return f;
}

}  // namespace

double target_value(const config::ScenarioTarget& target, const std::vector<std::vector<std::vector<double>>>& states,
                    const std::vector<std::string>& state_ids, const World& world, int start_year) {
  const size_t s = static_cast<size_t>(std::find(state_ids.begin(), state_ids.end(), target.state) - state_ids.begin());
  const auto& col = states.at(static_cast<size_t>(target.year - start_year)).at(s);
  std::vector<double> mask(world.size(), 1.0);
  if (target.where) {
    expr::SymbolTable symbols;
    std::vector<const double*> cols;
    for (const auto& [id, v] : world.columns) {
      symbols.add(id);
      cols.push_back(v.data());
    }
    std::vector<diag::Diagnostic> problems;
    auto e = expr::CompiledExpr::compile(target.where->text, symbols, target.where->loc, target.where->exact, problems);
    if (!e) throw diag::InputError(problems);
    expr::Evaluator(*e).eval_columns(cols, world.size(), mask.data());
  }
  const std::vector<double>* hh = nullptr;
  if (target.weight == "households") {
    auto it = world.columns.find("households");
    if (it != world.columns.end()) hh = &it->second;
  }
  double num = 0, den = 0;
  for (size_t c = 0; c < world.size(); ++c) {
    if (!(mask[c] != 0) || std::isnan(mask[c])) continue;
    const double w = hh ? (*hh)[c] : 1.0;
    num += w * col[c];
    den += w;
  }
  return den > 0 ? num / den : kNaN;
}

CalibrationResult calibrate(const config::ScenarioFile& scenario, const config::ModelFile& model, const World& world,
                            const data::Catalogue& catalogue, const rules::RuleLibrary& library) {
  Fit f = make_fit(scenario, model, world, catalogue, library);
  const size_t dim = scenario.fit.size();
  std::vector<double> lo, hi, x;
  for (const auto& name : scenario.fit)
    for (const auto& p : model.parameters)
      if (p.name == name) {
        lo.push_back(p.low);
        hi.push_back(p.high);
        x.push_back(p.value);
      }
  if (dim == 0) return finish(f, x, "none");
  nlopt::opt opt(nlopt::LN_BOBYQA, static_cast<unsigned>(dim));
  opt.set_lower_bounds(lo);
  opt.set_upper_bounds(hi);
  opt.set_min_objective(fit_objective, &f);
  opt.set_xtol_rel(1e-4);
  opt.set_maxeval(300);
  double best = 0;
  try {
    opt.optimize(x, best);
  } catch (const nlopt::roundoff_limited&) {
    // The best point found so far is in x.
  }
  return finish(f, x, opt.get_algorithm_name());
}

CalibrationResult evaluate_targets(const config::ScenarioFile& scenario, const config::ModelFile& model, const World& world,
                                   const data::Catalogue& catalogue, const rules::RuleLibrary& library) {
  Fit f = make_fit(scenario, model, world, catalogue, library);
  std::vector<double> x;
  Simulation s(scenario, model, world, catalogue, library);
  for (const auto& name : scenario.fit)
    for (const auto& p : s.parameters())
      if (p.name == name) x.push_back(p.value);
  return finish(f, x, "none");
}

}  // namespace lotrinh::sim
