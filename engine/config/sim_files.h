#pragma once
// The simulator's two input files as plain structs (read by sim_file_reader.h; the format is
// documented in docs/simulator.md). No toml++ type appears here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/rule_file.h"
#include "diag/source_file.h"

namespace lotrinh::config {

/// A model parameter: a central value, what it means, where it comes from, and its uncertainty.
struct ModelParameter {
  std::string name;
  double value = 0;                 ///< Central value (the deterministic projection uses it).
  std::string unit, meaning, source;
  std::string distribution = "fixed";  ///< fixed | uniform | triangular | normal
  double low = 0, high = 0;         ///< Range (uniform, triangular; normal is truncated to it).
  double sd = 0;                    ///< normal: standard deviation.
  diag::SourceLoc loc;
};

/// A named intermediate expression, evaluated per commune and year in file order.
struct ModelTerm {
  std::string name;
  ExprText expr;
  diag::SourceLoc loc;
};

/// A state variable: a catalogue indicator or alias, updated each year or held.
struct ModelState {
  std::string id;
  std::optional<ExprText> update;  ///< Absent: held at its starting value.
  std::string note;
  /// How the state is combined when communes merge (sum, household_weighted,
  /// population_weighted, max, min, any); empty: the catalogue's rule.
  std::string merge;
  diag::SourceLoc loc;
};

/// The neighbours' mean of a state (over the road graph), readable as `name`.
struct ModelSpillover {
  std::string name, of;
  diag::SourceLoc loc;
};

/// A random event raising relapse for a year: readable as `shock_<name>` (0 or 1).
struct ModelShock {
  std::string name;
  double probability = 0;  ///< Per year (and per district for the district scopes).
  std::string scope = "province";  ///< province | district | district_and_neighbours
  std::string note, source;
  /// `title` (English) or `title.en` / `title.vi`: the shock's name for a planner ("natural
  /// disaster"); may be empty (the outputs then show `name`).
  std::string title, title_vi;
  diag::SourceLoc loc;
};

/// Commune-and-year noise, normal(0, sd), readable as `name`.
struct ModelNoise {
  std::string name;
  double sd = 0;
  diag::SourceLoc loc;
};

/// A change of measurement standard: from `year` on, the alias resolves to another indicator,
/// and the carried value is multiplied by `factor`.
struct ModelConversion {
  std::string alias;
  int year = 0;
  double factor = 1;
  std::string source, note;
  std::string source_vi, note_vi;  ///< `source.vi`, `note.vi`: shown under --lang vi; may be empty.
  diag::SourceLoc loc;
};

struct ModelFile {
  std::string path, id, title, notes;
  std::string title_vi;  ///< `title.vi`: the model's title under --lang vi; may be empty.
  std::string poverty;  ///< The state that is the poverty rate (for the outputs).
  std::vector<ModelParameter> parameters;
  std::vector<ModelTerm> terms;
  std::vector<ModelState> states;
  std::vector<ModelSpillover> spillovers;
  std::vector<ModelShock> shocks;
  std::vector<ModelNoise> noises;
  std::vector<ModelConversion> conversions;
};

/// Which rule set classifies which data years.
struct ScenarioRules {
  std::string id;
  int from = 0, until = 0;
  std::string assumption;  ///< A stated stand-in (printed in every output); may be empty.
  std::string assumption_vi;  ///< `assumption.vi`, shown under --lang vi; may be empty.
  diag::SourceLoc loc;
};

/// Money from one source for one purpose, the same amount each year of [from, until].
struct ScenarioBudget {
  std::string id, source, purpose;
  int from = 0, until = 0;
  std::int64_t amount_vnd = 0;  ///< Per year, whole dong.
  /// "" (the scenario's allocation) or "twinning": split equally among the twinning agencies
  /// active in the year, each agency's part going to the commune it is twinned with.
  std::string allocation;
  diag::SourceLoc loc, amount_loc;
};

/// The twinning agencies' workdays: `workdays` a year over [from, until], split equally (whole
/// workdays, largest remainder) among the agencies active in the year, each part going to the
/// commune it is twinned with, as the agencies' money is.
struct ScenarioWorkdays {
  std::string id, source;
  int from = 0, until = 0;
  std::int64_t workdays = 0;  ///< Per year, all agencies together.
  std::string basis;          ///< reported | derived | estimated | assumed (printed in every output)
  std::string note;
  std::string source_vi, note_vi;  ///< `source.vi`, `note.vi`, shown under --lang vi; may be empty.
  diag::SourceLoc loc;
};

/// A labelled assumption: a value the data lacks, readable by the allocation formula as `name`.
struct ScenarioAssumption {
  std::string name;
  double value = 0;
  std::string text;
  std::string text_vi;  ///< `text.vi`, shown under --lang vi; may be empty.
  diag::SourceLoc loc;
};

/// An event of the run. road_paved: the road between `from` and `to` gets `paved_share` from
/// `year` on. merger: from data year `year` on, the communes are the units they merged into
/// (by the province's lineage), their state combined by each indicator's rule.
/// twinning_reassign: from `year` on, `agency` is twinned with `to` instead of `from`.
/// Events that cost money (docs/simulator.md): road_paved with `cost_vnd`; housing (a housing
/// programme on `communes`, each year of [year, until]); resettlement (`households` moved from
/// `from` to `to`, a commune or "outside"). Their cost is paid from the budget line `budget`.
struct ScenarioEvent {
  std::string kind;
  int year = 0;
  int until = 0;  ///< housing: the programme's last year (0: `year` only)
  std::string from, to, agency;
  double paved_share = 1;
  /// Whole dong (a year, for housing); -1: the event costs nothing. When only
  /// cost_per_household_vnd is given, the reader sets it to households x that.
  std::int64_t cost_vnd = -1;
  std::int64_t cost_per_household_vnd = -1;  ///< -1: not given
  std::int64_t households = 0;               ///< housing (optional), resettlement: households
  std::int64_t poor_households = -1;         ///< resettlement: poor among them (-1: the source's rate)
  std::string budget, source;                ///< the budget line paying the cost; where the cost comes from
  std::string source_vi;                     ///< `source.vi`: shown under --lang vi; may be empty
  std::vector<std::string> communes;         ///< housing: start-year slugs (or units after a merger)
  std::vector<diag::SourceLoc> communes_loc;
  diag::SourceLoc loc, cost_loc, budget_loc, households_loc, from_loc, to_loc;
};

/// A reported figure the calibration compares with the central projection: the mean of a state
/// (household-weighted when weight = "households") over the communes where `where` holds (on the
/// start year's data; all when absent), in `year`.
struct ScenarioTarget {
  std::string name, state, weight, source;
  std::string name_vi, source_vi;  ///< `name.vi`, `source.vi`: shown under --lang vi; may be empty.
  int year = 0;
  std::optional<ExprText> where;
  double reported = 0;
  bool fit = true;  ///< false: a check the fit does not see.
  diag::SourceLoc loc;
};

/// A parameter value read from a fitted-parameters file.
struct ParameterValue {
  std::string name;
  double value = 0;
  diag::SourceLoc loc;
};

/// An official list as the simulation would make it: the data of `data_year` (on the units in
/// force on 1 January of the next year, i.e. after a merger in that year) classified with the
/// rule set the scenario gives for `rules_year`.
struct ScenarioList {
  std::string name;
  int data_year = 0, rules_year = 0;
  diag::SourceLoc loc;
};

struct ScenarioFile {
  std::string path, dir;  ///< The file, and the folder relative paths are read from.
  std::string id, title;
  std::string title_vi;   ///< `title.vi`, shown under --lang vi; may be empty.
  std::string data;       ///< Province folder.
  std::string model;      ///< Model file.
  int start_year = 0, end_year = 0;
  int runs = 100;
  std::uint64_t seed = 1;
  std::string classification = "region";
  std::string region_iii = "III";
  std::vector<std::string> holding_back_exclude;
  std::vector<ScenarioRules> rules;
  std::vector<ScenarioBudget> budget;
  std::vector<ScenarioWorkdays> workdays;  ///< The twinning agencies' workdays.
  /// The strategy: formula | table | equal | per-capita | per-poor-household | greedy | lp.
  std::string allocation = "formula";
  std::string objective;                  ///< lp: "population-weighted-poverty"
  std::int64_t floor_vnd = 0, cap_vnd = -1;  ///< greedy, lp: per commune and year (-1: no cap)
  std::int64_t increment_vnd = 0;         ///< greedy: the increment (0: the stated default)
  /// Targeted: only these communes (start-year slugs; after a merger, the units they joined)
  /// receive the strategy's money. Empty: all.
  std::vector<std::string> allocation_communes;
  std::vector<diag::SourceLoc> allocation_communes_loc;
  std::optional<ExprText> formula;
  std::string allocation_table;  ///< CSV commune,year,purpose,amount_vnd
  diag::SourceLoc allocation_loc;
  std::vector<ScenarioAssumption> assumptions;
  std::vector<ScenarioEvent> events;
  std::vector<ScenarioList> lists;
  std::string parameters;                 ///< A fitted-parameters file (central values), or "".
  std::vector<ScenarioTarget> targets;    ///< For lotrinh calibrate.
  /// The targets rule sets checked in every run ([scenario] targets); absent: the province
  /// manifest's [rules] targets.
  std::optional<std::vector<std::string>> target_sets;
  diag::SourceLoc target_sets_loc;
  std::vector<std::string> fit;           ///< The parameters calibrate fits.
  std::string calibration_output;         ///< Where calibrate writes the fitted parameters.
  diag::SourceLoc fit_loc;
  diag::SourceLoc loc;
};

/// The spending purposes a budget line may name.
const std::vector<std::string>& spending_purposes();

}  // namespace lotrinh::config
