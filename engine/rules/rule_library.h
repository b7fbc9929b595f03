#pragma once
// The rule files a command works with: loading, `extends` chains, and which rule set is in
// force for a data year.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/rule_file.h"
#include "data/catalogue.h"
#include "rules/rule_set.h"

namespace lotrinh::rules {

/// Rule files by id, compiled on demand. Files named by the user are "selected"; files found
/// in the search folders are there to resolve `extends` and "in force" look-ups.
class RuleLibrary {
 public:
  /// `catalogue` must outlive the library.
  explicit RuleLibrary(const data::Catalogue& catalogue) : catalogue_(&catalogue) {}

  /// Loads a file, or every *.toml under a folder (except indicators.toml). Marks them selected.
  /// Throws InputError with the problems of every file that failed to parse.
  void load(const std::vector<std::string>& paths, bool selected = true);
  /// Adds an already parsed file. A selected file replaces an unselected one of the same id
  /// (a user's edited copy shadows the bundled file); two selected files with one id are an error.
  void add(config::RuleFile file, bool selected = true);

  /// Marks the loaded rule set `id` selected (a rule set named by its id rather than its file).
  /// Throws InputError (did you mean) when no file has that id.
  void select(const std::string& id);

  /// Ids of the selected files, in load order.
  std::vector<std::string> selected() const { return selected_; }
  const config::RuleFile* file(const std::string& id) const;

  /// The compiled rule set `id` with its `extends` chain. Throws InputError for a missing id
  /// (did you mean), an `extends` naming a missing rule set, a cycle of `extends`, or any
  /// compile problem.
  std::shared_ptr<const RuleSet> get(const std::string& id) const;

  /// The rule set of `kind` in force on 31 December of `year`, drafts excluded. Throws
  /// InputError when none or more than one is.
  std::shared_ptr<const RuleSet> in_force(const std::string& kind, int year) const;

  const data::Catalogue& catalogue() const { return *catalogue_; }

  /// The warnings of the selected rule sets compiled so far (not of the bundled files looked
  /// at to find the one in force) and of the files added (a selected file that takes the id of
  /// another file), each once, in order.
  std::vector<diag::Diagnostic> warnings() const;

 private:
  std::vector<const config::RuleFile*> chain(const std::string& id) const;

  const data::Catalogue* catalogue_;
  std::map<std::string, config::RuleFile> files_;
  std::map<std::string, std::string> path_to_id_;
  std::vector<std::string> selected_;
  mutable std::map<std::string, std::shared_ptr<const RuleSet>> compiled_;
  std::vector<diag::Diagnostic> warnings_;
};

/// Every rule file path under `path` (itself if a file), sorted; indicators.toml excluded.
std::vector<std::string> rule_file_paths(const std::string& path);

}  // namespace lotrinh::rules
