#include "sim/model_program.h"

#include <algorithm>
#include <set>

#include "config/sim_files.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"

namespace lotrinh::sim {

ModelProgram::ModelProgram(const config::ModelFile& model, const data::Catalogue& catalogue)
    : file_(std::make_shared<config::ModelFile>(model)) {
  diag::DiagnosticSink sink;
  ModelLayout& L = layout_;
  std::set<std::string> names;
  auto add = [&](const std::string& name, const diag::SourceLoc& loc) {
    if (!names.insert(name).second) sink.error(loc, diag::msg("sim.model.duplicate", name), diag::msg("sim.model.duplicate.hint"));
    L.symbols.add(name);
  };
  L.state0 = 0;
  for (const auto& s : model.states) {
    std::string ind = s.id;
    if (const data::Alias* a = catalogue.find_alias(s.id)) {
      ind = a->periods.empty() ? "" : a->periods.front().indicator;
    } else if (!catalogue.find(s.id)) {
      sink.error(s.loc, diag::msg("sim.state.unknown", s.id), diag::did_you_mean(s.id, catalogue.ids()));
    }
    const data::Indicator* i = catalogue.find(ind);
    L.states.push_back(s.id);
    L.state_units.push_back(i ? i->unit : "");
    L.state_min.push_back(i ? i->min : -1e300);
    L.state_max.push_back(i ? i->max : 1e300);
    add(s.id, s.loc);
  }
  for (size_t i = 0; i < model.states.size(); ++i)
    if (model.states[i].id == model.poverty) L.poverty = static_cast<int>(i);
  if (L.poverty < 0)
    sink.error(diag::SourceLoc{std::make_shared<diag::SourceFile>(diag::SourceFile{model.path, {}}), 0, 0},
               diag::msg("sim.model.poverty_unknown", model.poverty), diag::msg("sim.model.poverty.hint"));
  L.param0 = L.symbols.size();
  for (const auto& p : model.parameters) add(p.name, p.loc);
  L.term0 = L.symbols.size();
  for (const auto& t : model.terms) add(t.name, t.loc);
  L.spend0 = L.symbols.size();
  for (const auto& p : config::spending_purposes()) add("spend_" + p, {});
  L.travel = L.symbols.size();
  add("travel_hours", {});
  L.twinned = L.symbols.size();
  add("twinned_agencies", {});
  L.workdays = L.symbols.size();
  add("twin_workdays", {});
  L.spill0 = L.symbols.size();
  for (const auto& s : model.spillovers) {
    add(s.name, s.loc);
    int of = -1;
    for (size_t i = 0; i < L.states.size(); ++i)
      if (L.states[i] == s.of) of = static_cast<int>(i);
    if (of < 0) sink.error(s.loc, diag::msg("sim.spillover.unknown", s.name, s.of), diag::did_you_mean(s.of, L.states));
    L.spill_of.push_back(of);
  }
  L.shock0 = L.symbols.size();
  for (const auto& s : model.shocks) add("shock_" + s.name, s.loc);
  L.noise0 = L.symbols.size();
  for (const auto& n : model.noises) add(n.name, n.loc);
  L.year = L.symbols.size();
  add("year", {});
  L.slots = L.symbols.size();
  for (const auto& c : model.conversions) {
    if (!catalogue.find_alias(c.alias) || std::find(L.states.begin(), L.states.end(), c.alias) == L.states.end())
      sink.error(c.loc, diag::msg("sim.conversion.alias", c.alias), diag::msg("sim.conversion.alias.hint"));
  }
  sink.throw_if_errors();

  std::vector<diag::Diagnostic> problems;
  for (size_t ti = 0; ti < model.terms.size(); ++ti) {
    const auto& t = model.terms[ti];
    if (auto e = expr::CompiledExpr::compile(t.expr.text, L.symbols, t.expr.loc, t.expr.exact, problems)) {
      // Terms are evaluated in file order: a term may read only the terms above it.
      for (int slot : e->slots())
        if (slot >= L.term0 + static_cast<int>(ti) && slot < L.spend0)
          problems.push_back(diag::error_at(t.expr.loc, diag::msg("sim.term.order", t.name, L.symbols.names()[static_cast<size_t>(slot)]),
                                            diag::msg("sim.term.order.hint", t.name, L.symbols.names()[static_cast<size_t>(slot)])));
      terms_.push_back(std::move(*e));
      term_locs_.push_back(t.expr.loc);
    }
  }
  for (size_t i = 0; i < model.states.size(); ++i) {
    const auto& s = model.states[i];
    if (!s.update) continue;
    if (auto e = expr::CompiledExpr::compile(s.update->text, L.symbols, s.update->loc, s.update->exact, problems)) {
      updates_.push_back(std::move(*e));
      update_locs_.push_back(s.update->loc);
      L.updated.push_back(static_cast<int>(i));
    }
  }
  if (!problems.empty()) throw diag::InputError(problems);
  for (const auto& e : terms_) term_evals_.emplace_back(e);
  for (const auto& e : updates_) update_evals_.emplace_back(e);
}

}  // namespace lotrinh::sim
