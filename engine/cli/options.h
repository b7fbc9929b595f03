#pragma once
// The parsed command line, shared by every command.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lotrinh::cli {

struct Options {
  std::string command;
  std::vector<std::string> paths;       ///< check, test: files or folders; diff: two rule sets.
  std::vector<std::string> rules;       ///< --rules: a rule file path or a rule set id.
  std::string data;                     ///< --data: a commune table (CSV).
  std::string csv_dialect = "rfc4180";  ///< --csv-dialect: rfc4180 | excel-vi
  std::optional<int> year;              ///< --year: the data year.
  std::vector<std::string> set;         ///< --set name=value, as given.
  std::string format;                   ///< --format; empty: from --out's extension, else table
  double max_input_mb = 512;            ///< --max-input-mb: the largest input file read, in MiB
  std::string out = "-";                ///< --out
  std::string commune;                  ///< explain --commune
  std::string class_filter;             ///< classify --class: only the units of this class
  std::string district;                 ///< classify --district: only the units of this district
  std::string on;                       ///< aggregate --on: the day whose units to aggregate to
  std::string classification;           ///< --classification (sweep, check --gaps)
  std::string param;                    ///< sweep --param
  double from = 0, to = 0, step = 0;    ///< sweep range (the rule sweep; when the texts below are empty)
  /// sweep --from, --to, --step as typed ("" when not given): numbers, or for a scenario sweep
  /// of the budget a percentage such as "50%".
  std::string from_text, to_text, step_text;
  std::string value;                    ///< sweep --value: the scenario value a scenario sweep moves
  bool excel = false;                   ///< --excel: CSV for Vietnamese Excel (BOM, ';', decimal comma)
  bool codes = false;                   ///< --codes: ids and codes instead of the language's words
  double max_steps = 10000;             ///< --max-steps: the most values a sweep evaluates
  bool gaps = false;                    ///< check --gaps
  bool params = false;                  ///< check --params
  bool transitions = false;             ///< reproduce --transitions
  size_t cap = 200000;                  ///< gap search cap
  std::optional<long long> runs;        ///< simulate --runs
  std::optional<long long> seed;        ///< simulate --seed
  std::optional<int> threads;           ///< simulate --threads
  std::optional<std::uint64_t> runs_from, runs_to;  ///< simulate --runs-from, --runs-to (exclusive)
  std::string report;                   ///< simulate/classify --report: also write an HTML report here
  std::string partial;                  ///< simulate --partial: write a shard's aggregates here
};

/// Runs the command; returns the exit code (0 ok, 1 failures found, 2 invalid input).
/// Throws diag::InputError for invalid input (the caller prints it and exits 2).
int run_command(const Options& o);

}  // namespace lotrinh::cli
