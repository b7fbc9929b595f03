#pragma once
// Helpers for the rules tests: a small catalogue and rule sets from inline TOML.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../common/catalogue_of.h"
#include "config/rule_file_reader.h"
#include "data/catalogue.h"
#include "diag/diagnostic.h"
#include "rules/evaluation.h"
#include "rules/rule_library.h"

namespace lotrinh::rules::testing {

/// Indicators x, y, poverty_rate (fraction), road_km (km), flag (flag), households (count).
inline const data::Catalogue& test_catalogue() {
  static const data::Catalogue cat = [] {
    data::Catalogue c = lotrinh::testing::catalogue_of({{"x", "fraction"}, {"y", "fraction"},
                                                        {"poverty_rate_old", "fraction"}, {"poverty_rate_new", "fraction"},
                                                        {"road_km", "km"}, {"flag", "flag"}, {"households", "count"}});
    data::Alias a;
    a.id = "poverty_rate";
    a.periods = {{2016, 2020, "poverty_rate_old"}, {2021, 2030, "poverty_rate_new"}};
    c.add(a);
    return c;
  }();
  return cat;
}

/// Compiles one rule file given as text (named `name`).
inline std::shared_ptr<const RuleSet> compile_text(const std::string& name, const std::string& text) {
  auto lib = std::make_shared<RuleLibrary>(test_catalogue());
  lib->add(config::parse_rule_file(name, text));
  return lib->get(lib->selected().front());
}

/// The error text (as the CLI prints it) of compiling `text`, or "" if it compiles.
inline std::string compile_error(const std::string& name, const std::string& text) {
  try {
    compile_text(name, text);
  } catch (const diag::InputError& e) {
    return e.what();
  }
  return "";
}

/// Inputs of n units from named columns.
inline Inputs columns(std::map<std::string, std::vector<double>> cols) {
  auto store = std::make_shared<std::map<std::string, std::vector<double>>>(std::move(cols));
  Inputs in;
  in.n = store->empty() ? 0 : store->begin()->second.size();
  in.column = [store](const std::string& name) -> const double* {
    auto it = store->find(name);
    return it == store->end() ? nullptr : it->second.data();
  };
  return in;
}

}  // namespace lotrinh::rules::testing
