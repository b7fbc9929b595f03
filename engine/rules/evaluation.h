#pragma once
// Evaluating a compiled rule set over many units at once, column by column: every leaf is
// applied to the whole column of units (a native loop for plain comparisons, muParser for the
// rest), then the criteria trees combine whole columns of three-valued results.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "data/commune_table.h"
#include "rules/rule_set.h"

namespace lotrinh::rules {

/// Where an evaluation gets its values: n units, and for a name (an indicator, alias or derived
/// id) a column of n values, or nullptr when the data has no such column (all missing).
struct Inputs {
  size_t n = 0;
  std::function<const double*(const std::string& name)> column;
};

/// Inputs from the rows `rows` of `table` (gathered into `storage` unless contiguous).
Inputs table_inputs(const data::CommuneTable& table, const std::vector<size_t>& rows,
                    std::shared_ptr<std::map<std::string, std::vector<double>>> storage);

/// Parameter values set from outside (`--set name=value`), by parameter name.
using Overrides = std::map<std::string, double>;

/// The results of one rule set over n units in one data year. Lazily evaluated: a node or a
/// derived column is computed the first time it is asked for, then kept.
class Evaluation {
 public:
  /// Requires: the rule set applies to `year` (throws InputError otherwise, and for an override
  /// naming no parameter, a dated parameter with no value in `year`, or an alias with no
  /// indicator in `year`).
  Evaluation(std::shared_ptr<const RuleSet> rules, Inputs inputs, int year, Overrides overrides = {},
             bool check_year = true);

  size_t size() const { return n_; }
  int year() const { return year_; }
  const RuleSet& rules() const { return *rules_; }

  /// The n values of slot `s` (indicator, alias, parameter, or derived).
  const double* column(int slot);
  double value(int slot, size_t i) { return column(slot)[i]; }
  /// Value of parameter slot `s` in this year (NaN when not known).
  double parameter(int slot) const { return param_[slot]; }
  /// For an alias slot, the indicator it resolved to in this year; else the slot's name.
  const std::string& resolved_name(int slot) const { return resolved_[slot]; }

  /// Three-valued result of node `n` for each unit (size() bytes, valid while *this lives).
  const unsigned char* node(int n);
  Truth node(int n, size_t i) { return static_cast<Truth>(node(n)[i]); }
  Truth criterion(const std::string& name, size_t i);

  /// Index into the classification's order for each unit; -1 when an earlier rule is unknown,
  /// -2 when no rule matches (no fallback).
  const std::vector<int>& classes(const Classification& c);
  /// The class name of unit i, "unknown" or "none".
  std::string class_name(const Classification& c, size_t i);

 private:
  void eval_leaf(const Node& node, unsigned char* out);
  void eval_node(int n);

  std::shared_ptr<const RuleSet> rules_;
  Inputs inputs_;
  int year_;
  size_t n_;
  std::vector<const double*> col_;
  std::vector<std::vector<double>> owned_;
  std::vector<double> param_;
  std::vector<std::string> resolved_;
  std::vector<std::unique_ptr<unsigned char[]>> nodes_;  // null until evaluated
  std::map<std::string, std::vector<int>> classes_;
  std::vector<double> scratch_;
};

}  // namespace lotrinh::rules
