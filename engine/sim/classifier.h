#pragma once
// Classifying simulated years with the rule sets in force: the simulator's one use of the rules
// evaluation. Each Classifier holds its own compiled copies of the rule sets (a compiled
// expression must not be evaluated by two threads at once), so make one per thread. Each rule
// set is evaluated in a rules::Workspace of the Classifier's own, reset with each year's columns.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "config/sim_files.h"
#include "rules/rule_library.h"
#include "rules/workspace.h"

namespace lotrinh::sim {

/// Names the value columns of a year: indicator id -> n values, or nullptr when absent.
using ColumnLookup = std::function<const double*(const std::string& id)>;

class Classifier {
 public:
  /// Compiles each rule set of the timeline (from `library`); checks that the classification
  /// and its region III class exist in each. Throws InputError located at the [[rules]] entry.
  Classifier(const std::vector<config::ScenarioRules>& timeline, const std::string& classification,
             const std::string& region_iii, const std::vector<std::string>& holding_back_exclude,
             const rules::RuleLibrary& library);

  /// The timeline entry in force for data year `year`, or -1 when none is.
  int entry_for(int year) const;
  /// Classifies n communes in `year`: `region_iii[c]` is 1 when commune c is region III, 2 when
  /// its class is unknown (or none), else 0; and,
  /// for those, `holding[c]` is the index (into criteria_names(year)) of the first candidate
  /// criterion that holds, or -1. Requires entry_for(year) >= 0.
  void classify(int year, size_t n, const ColumnLookup& columns, unsigned char* region_iii, int* holding,
                std::vector<int>* classes = nullptr);
  /// The same with the rule set in force for `rules_year`, applied to the data of `data_year`
  /// (an official list made from earlier data).
  void classify_with(int rules_year, int data_year, size_t n, const ColumnLookup& columns, unsigned char* region_iii,
                     int* holding);
  /// The candidate "holding back" criteria of the rule set of `year`: criteria that refer to no
  /// other criterion, are not the class's own condition, and are not excluded by the scenario.
  const std::vector<std::string>& criteria_names(int year) const;
  /// The Vietnamese titles of criteria_names(year), in order ("" where a criterion has none).
  std::vector<std::string> criteria_titles_vi(int year) const;
  /// Their English titles, in order ("" where a criterion has none).
  std::vector<std::string> criteria_titles_en(int year) const;
  /// The class names of the classification in the rule set of `year`.
  std::vector<std::string> class_names(int year) const;
  /// The id and title of the rule set of `year`.
  std::string rules_id(int year) const;
  std::string rules_title(int year) const;

 private:
  struct Entry {
    int from, until;
    std::shared_ptr<const rules::RuleSet> rules;
    const rules::Classification* classification = nullptr;
    int iii = -1;  ///< Index of the region III class in the classification's order.
    std::vector<std::string> candidates;
    std::vector<int> candidate_roots;  ///< Their root nodes.
    /// This thread's evaluation state for the rule set: reset each year, so that classifying
    /// a year of as many units as before allocates nothing.
    std::unique_ptr<rules::Workspace> workspace;
  };
  std::vector<const unsigned char*> columns_;  // scratch: one result column per candidate
  void classify_entry(Entry& e, int year, size_t n, const ColumnLookup& columns, unsigned char* region_iii,
                      int* holding, std::vector<int>* classes);
  std::vector<Entry> entries_;
};

}  // namespace lotrinh::sim
