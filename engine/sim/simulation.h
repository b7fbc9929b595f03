#pragma once
// A scenario ready to run: the model compiled, the rule-set timeline checked, the budget
// planned on the deterministic projection (central parameters, no shocks, no noise), then any
// range of Monte Carlo runs executed on any number of threads into integer aggregates.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/sim_files.h"
#include "data/catalogue.h"
#include "rules/rule_library.h"
#include "sim/aggregates.h"
#include "sim/costed_events.h"
#include "sim/strategy.h"
#include "sim/target_plan.h"
#include "sim/world.h"

namespace lotrinh::sim {

class ModelProgram;

/// The deterministic projection: central parameters, no shocks, no noise.
struct Projection {
  std::vector<int> exit_year;             ///< Per commune: first year no longer region III; 0: never (or not III).
  std::vector<std::vector<double>> poverty;  ///< [year index 0..Y][commune].
  std::vector<std::vector<std::int64_t>> spend;  ///< [year index 1..Y, 0 unused][purpose * n + commune], dong.
  std::vector<std::vector<double>> start_state, last_state;  ///< [model state][commune], first and last year.
  /// [year index][model state][start-year commune] (after a merger, the commune's unit's value).
  std::vector<std::vector<std::vector<double>>> states;
  /// [year index 1..Y, 0 unused]: what planning each year cost (greedy and lp; zeros otherwise).
  std::vector<PlanStats> plan_stats;
};

class Simulation {
 public:
  /// `overrides`: model parameter name -> value (fixes it), "budget.<id>" -> dong per year,
  /// "workdays.<id>" -> workdays per year, or "assumption.<name>" -> the assumption's value.
  /// Throws InputError for every invalid input, located.
  Simulation(const config::ScenarioFile& scenario, const config::ModelFile& model, World world,
             const data::Catalogue& catalogue, const rules::RuleLibrary& library,
             const std::map<std::string, double>& overrides = {});
  ~Simulation();

  const config::ScenarioFile& scenario() const { return scenario_; }
  const config::ModelFile& model() const { return model_; }
  const World& world() const { return world_; }
  int years() const { return scenario_.end_year - scenario_.start_year; }
  /// Region III at the start (the data year classified by the rule set in force for it).
  const std::vector<unsigned char>& start_iii() const { return start_iii_; }
  const Projection& projection() const { return projection_; }
  /// Budget per year index (1..Y) and purpose, dong: all the money in, the events' costs included.
  std::int64_t budget(int year_index, size_t purpose) const {
    const size_t k = static_cast<size_t>(year_index);
    return budget_[k][purpose] + twin_budget_[k][purpose] + events_.from_allocation[k][purpose] + events_.from_twinning[k][purpose];
  }
  /// The events that cost money, one entry per event and year (taken from their budget lines
  /// before the strategy splits the rest).
  const std::vector<EventCost>& event_costs() const { return events_.costs; }
  /// All the money of year index k (1..Y), dong: what the plan places on the communes
  /// (projection().spend: the strategy's, the twinning lines', the housing programmes') plus the
  /// costs of the events not placed there (paving, resettlement). Equals the year's budget.
  std::int64_t money(int year_index) const;
  /// money(k) over the simulated years (what the cost per exit divides).
  std::int64_t money() const;
  /// The twinning agencies' workdays in year index k (1..Y): all agencies together, and those
  /// going to start-year commune c through its agencies (before any merger).
  std::int64_t workdays(int k) const;
  std::int64_t workdays(int k, size_t c) const { return workdays_[static_cast<size_t>(k)][c]; }
  /// Candidate criteria of the last year's rule set, and the id/title/assumption per year.
  const std::vector<std::string>& last_criteria() const { return last_criteria_; }
  /// Their Vietnamese titles, in the same order ("" where a criterion has none).
  const std::vector<std::string>& last_criteria_vi() const { return last_criteria_vi_; }
  /// Last_criteria()[k] as a planner reads it: its title in the output's language, its id with
  /// --codes or where it has no title (diag::named).
  std::string last_criterion_name(size_t k) const;
  /// The catalogue the model's states are indicators or aliases of.
  const data::Catalogue& catalogue() const { return catalogue_; }
  std::string rules_id(int year) const;
  std::string rules_title(int year) const;
  const config::ScenarioRules& rules_entry(int year) const;
  /// Group index of each commune's district (0 is the province).
  AggregateShape shape() const;
  /// Parameter central values after overrides, in model order.
  const std::vector<config::ModelParameter>& parameters() const { return params_; }
  /// The targets checked in every run (the targets files in force), with their pair indexes.
  const std::vector<TargetCheck>& targets() const { return targets_; }
  /// A digest of everything that decides the aggregates (to refuse merging unlike shards).
  std::string fingerprint() const;

  /// Runs [from, to) on `threads` threads into aggregates. A model expression that yields NaN or
  /// an infinity from finite inputs stops the run: InputError naming the expression's place,
  /// the run, the commune and the year (the lowest such run when several threads fail).
  /// `done`, when given, counts the runs finished (for a progress display).
  Aggregates run(std::uint64_t from, std::uint64_t to, int threads, std::atomic<std::uint64_t>* done = nullptr) const;

  /// What `run_paired` keeps of each run, for paired comparisons (lotrinh compare): per year
  /// index k = 1..Y (stored at k - 1), the communes that left region III by then, and the region
  /// III count.
  struct RunFigures {
    std::vector<std::int32_t> exits_by, iii;
    std::vector<std::uint8_t> targets_met;  ///< Per (target, group) pair: 1 when met in the run.
  };
  /// As run(), and also each run's figures in run order (figures->size() == to - from). The
  /// figures of a run depend on its number only, so they do not depend on `threads`.
  Aggregates run_paired(std::uint64_t from, std::uint64_t to, int threads, std::vector<RunFigures>& figures) const;

  /// The left-behind line (poverty above 35 %).
  static constexpr double kLeftBehind = 0.35;

 private:
  struct Worker;
  friend struct Worker;
  void plan_and_project();

  config::ScenarioFile scenario_;
  config::ModelFile model_;
  World world_;
  const data::Catalogue& catalogue_;
  const rules::RuleLibrary& library_;
  std::unique_ptr<ModelProgram> program_;
  std::vector<config::ModelParameter> params_;
  std::vector<std::vector<std::int64_t>> budget_;       ///< [yi][purpose], by the scenario's allocation
  std::vector<std::vector<std::int64_t>> twin_budget_;  ///< [yi][purpose], through the twinning agencies
  CostedEvents events_;  ///< The events that cost money (their costs are out of budget_ and twin_budget_).
  std::vector<unsigned char> start_iii_;
  std::vector<TargetCheck> targets_;
  std::vector<std::vector<std::int64_t>> workdays_;   ///< [yi][start-year commune], twinning workdays
  std::vector<unsigned char> targeted_;  ///< Per commune: named by [allocation] communes.
  std::vector<std::string> last_criteria_, last_criteria_vi_, last_criteria_en_;
  Projection projection_;
  std::map<std::tuple<int, int, std::string>, std::int64_t> table_plan_;  ///< allocation table
  std::vector<data::Aggregation> merge_rules_;  ///< Per model state: how it combines at the merger.
  std::vector<std::string> merge_weights_;     ///< Per model state: the weighting indicator of kWeighted.
};

}  // namespace lotrinh::sim
