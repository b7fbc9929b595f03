#include "sim/target_plan.h"

#include <algorithm>
#include <cmath>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/words.h"
#include "rules/target_check.h"
#include "rules/workspace.h"
#include "sim/target_tracker.h"

namespace lotrinh::sim {
namespace {

// The rule set that classifies data year `year`: the scenario's timeline from its start year,
// the library's rule set of the same kind in force before it (null when none is).
std::shared_ptr<const rules::RuleSet> class_rules(const config::ScenarioFile& S, const rules::RuleLibrary& library, int year) {
  for (const auto& t : S.rules)
    if (t.from <= year && year <= t.until) return library.get(t.id);
  if (S.rules.empty()) return nullptr;
  try {
    return library.in_force(library.get(S.rules.front().id)->kind, year);
  } catch (const diag::InputError&) {
    return nullptr;
  }
}

// The catalogue ids and aliases an expression names, in catalogue order.
std::vector<std::string> names_in(const std::string& text, const data::Catalogue& catalogue) {
  std::vector<std::string> out;
  for (const auto& id : catalogue.ids())
    if (rules::mentions_name(text, id)) out.push_back(id);
  for (const auto& [id, alias] : catalogue.aliases())
    if (rules::mentions_name(text, id)) out.push_back(id);
  return out;
}

// The fixed values of check c's year slot (a year up to the start year), over the world's start
// columns (year == start) or the data table's rows of that year.
void fix_year(TargetCheck& c, size_t slot, const config::ScenarioFile& S, const World& W, const rules::RuleLibrary& library) {
  const int y = c.years[slot];
  std::vector<int> district;
  std::shared_ptr<std::map<std::string, std::vector<double>>> storage;
  rules::Inputs in;
  if (y == S.start_year) {
    in.n = W.size();
    in.column = [&W](const std::string& id) -> const double* {
      auto it = W.columns.find(id);
      return it == W.columns.end() ? nullptr : it->second.data();
    };
    district = W.district;
  } else {
    std::vector<size_t> rows = W.table ? W.table->rows_in_year(y) : std::vector<size_t>{};
    if (rows.empty()) {
      c.fixed_reason = diag::msg("targets.no_data_year", y);
      return;
    }
    storage = std::make_shared<std::map<std::string, std::vector<double>>>();
    in = rules::table_inputs(*W.table, rows, storage);
    for (size_t r : rows) {
      auto it = std::find(W.district_names.begin(), W.district_names.end(), W.table->district[r]);
      district.push_back(it == W.district_names.end() ? -1 : static_cast<int>(it - W.district_names.begin()));
    }
  }
  const size_t n = in.n;
  std::vector<double> class_x;
  if (c.counts_class) {
    const std::string& ref = c.decl().class_ref;
    const std::string cname = ref.substr(0, ref.find(':'));
    auto rs = class_rules(S, library, y);
    const rules::Classification* cl = rs ? rs->find_classification(cname) : nullptr;
    if (!cl || c.class_index[slot] < 0) {
      c.fixed_reason = diag::msg("targets.no_classification", cname, y);
      return;
    }
    rules::Workspace cw(rs);
    cw.reset(in, y, {}, false);
    const std::vector<int>& cls = cw.classes(*cl);
    class_x.resize(n);
    for (size_t i = 0; i < n; ++i) class_x[i] = cls[i] < 0 ? NAN : cls[i] == c.class_index[slot] ? 1.0 : 0.0;
  }
  rules::Workspace ws(c.rules);
  try {
    ws.reset(in, y, {}, false);
  } catch (const diag::InputError& e) {
    c.fixed_reason = e.diagnostics().front().message;
    return;
  }
  TargetBuffers buf;
  c.fixed[slot].assign(c.groups, NAN);
  c.fixed_why[slot].assign(c.groups, kTargetUndefined);
  evaluate_target_year(c, slot, ws, n, district.data(), class_x.empty() ? nullptr : class_x.data(), buf,
                       c.fixed[slot].data(), c.fixed_why[slot].data());
}

}  // namespace

size_t target_pairs(const std::vector<TargetCheck>& checks) {
  return checks.empty() ? 0 : checks.back().first_pair + checks.back().groups;
}

std::vector<TargetCheck> plan_targets(const config::ScenarioFile& S, const World& W, const std::vector<std::string>& simulated,
                                      const data::Catalogue& catalogue, const rules::RuleLibrary& library) {
  const bool named = S.target_sets.has_value();
  const std::vector<std::string>& ids = named ? *S.target_sets : W.target_sets;
  std::vector<TargetCheck> out;
  size_t pair = 0;
  for (const auto& id : ids) {
    std::shared_ptr<const rules::RuleSet> rs;
    if (named) {
      try {
        rs = library.get(id);
      } catch (const diag::InputError& e) {
        throw diag::InputError(diag::error_at(S.target_sets_loc, e.diagnostics().front().message, e.diagnostics().front().hint));
      }
      if (rs->targets.empty())
        throw diag::InputError(diag::error_at(S.target_sets_loc, diag::msg("sim.targets.none", id), diag::msg("sim.targets.none.hint")));
    } else {
      if (!library.file(id)) continue;  // as `lotrinh targets`: a manifest's id the library lacks is skipped
      rs = library.get(id);
    }
    for (size_t ti = 0; ti < rs->targets.size(); ++ti) {
      const config::TargetDecl& t = rs->targets[ti];
      TargetCheck c;
      c.rules = rs;
      c.index = ti;
      c.years = t.years;
      if (c.years.empty()) c.years.push_back(S.end_year);  // a target naming no year: the last simulated year
      if (t.change.empty() && c.years.size() > 1) c.years.resize(1);
      c.district = t.level == "district";
      c.groups = c.district ? std::max<size_t>(1, W.district_ids.size()) : 1;
      c.first_pair = pair;
      pair += c.groups;
      c.simulated.assign(c.years.size(), false);
      c.fixed.assign(c.years.size(), {});
      c.fixed_why.assign(c.years.size(), {});
      c.class_index.assign(c.years.size(), -1);
      bool any_simulated = false;
      for (size_t s = 0; s < c.years.size(); ++s) {
        c.simulated[s] = c.years[s] > S.start_year;
        any_simulated = any_simulated || c.simulated[s];
      }
      // What the detail says: the reported outcome, the source, a break in the series.
      if (!t.reported_outcome.empty()) c.detail = diag::msg("targets.reported", diag::pick(t.reported_outcome_vi, t.reported_outcome), diag::pick(t.reported_source_vi, t.reported_source));
      if (!t.source.empty()) c.detail += (c.detail.empty() ? "" : "; ") + diag::pick(t.source_vi, t.source);
      // A change across the merger compares other units (fewer after it): say so.
      if (W.merged && c.years.size() == 2 && c.years[0] < W.merger_year && W.merger_year <= c.years[1])
        c.detail += (c.detail.empty() ? "" : "; ") + diag::msg("sim.targets.across_merger", c.years[0], W.size(), W.merger_year, W.merged->size(), c.years[1]);
      // Reasons it is unknown in every run.
      if (!t.value) c.fixed_reason = diag::msg("targets.value_unknown");
      for (int y : c.years)
        if (c.fixed_reason.empty() && y > S.end_year) c.fixed_reason = diag::msg("sim.targets.after_end", y, S.end_year);
      if (!t.class_ref.empty()) {
        c.counts_class = true;
        const std::string cname = t.class_ref.substr(0, t.class_ref.find(':'));
        const std::string cls = t.class_ref.substr(t.class_ref.find(':') + 1);
        if (cname != S.classification) {
          if (c.fixed_reason.empty()) c.fixed_reason = diag::msg("sim.targets.other_classification", cname, S.classification);
        } else {
          c.region_iii = cls == S.region_iii;
          for (size_t s = 0; s < c.years.size(); ++s) {
            auto crs = class_rules(S, library, c.years[s]);
            const rules::Classification* cl = crs ? crs->find_classification(cname) : nullptr;
            if (!cl) continue;
            c.class_rules = crs;
            for (size_t i = 0; i < cl->order.size(); ++i)
              if (cl->order[i].cls == cls) c.class_index[s] = static_cast<int>(i);
          }
        }
      } else if (t.of && any_simulated && c.fixed_reason.empty()) {
        // A measure that reads nothing the model updates does not move in the runs.
        bool moves = false;
        for (const auto& name : simulated) moves = moves || rules::mentions_name(t.of->text, name);
        if (!moves) {
          std::string held;
          // By the indicators' names in the output's language (their ids with --codes).
          for (const auto& nm : names_in(t.of->text, catalogue)) {
            const data::Indicator* ind = catalogue.find(nm);
            const data::Alias* al = ind ? nullptr : catalogue.find_alias(nm);
            const std::string shown = ind ? diag::named(ind->name_vi, ind->name_en, nm) : al ? diag::named(al->name_vi, al->name_en, nm) : nm;
            if (held.find(shown) == std::string::npos) held += (held.empty() ? "" : "; ") + shown;
          }
          c.fixed_reason = diag::msg("sim.targets.held", held.empty() ? t.of->text : held);
        }
      }
      for (size_t s = 0; s < c.years.size() && c.fixed_reason.empty(); ++s)
        if (!c.simulated[s]) fix_year(c, s, S, W, library);
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace lotrinh::sim
