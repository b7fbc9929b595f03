#pragma once
// A province folder's manifest (province.toml) as plain structs: which tables the folder holds,
// its default rule sets and targets, its years, and what the commands need to know of it.
// The format is documented in scenarios/README.md.
#include <optional>
#include <string>
#include <vector>

#include "config/rule_file.h"

namespace lotrinh::config {

/// The rule sets and years of `lotrinh reproduce --transitions`, and the figures that give the
/// report's own count.
struct TransitionsDecl {
  std::string before_rules, after_rules;  ///< Rule set ids.
  int before_year = 0, after_year = 0;    ///< The data years each is applied to.
  std::string exits_figure;               ///< A figure id: the report's count of exits ("" = none).
  std::string of_figure;                  ///< A figure id: the number the exits are out of.
};

/// One province.toml. Table paths are absolute or relative to the manifest's folder as written;
/// `path_of` resolves them. An empty path means the folder has no such table.
struct ProvinceFile {
  std::string path;      ///< The manifest file.
  std::string dir;       ///< Its folder, as given (for outputs: "./scenarios/x").
  std::string id;        ///< A short key, such as the slug of the province (the DOT graph's name).
  Text name;             ///< The province's name.

  // [tables]
  std::string communes, provenance, lineage, districts, district_centres, district_borders, roads, agencies,
      twinning, funding, figures, official_lists;
  std::vector<std::string> units;  ///< The units tables, read in order (e.g. before and after a merger).

  // [years]
  std::optional<int> first_year, last_year;  ///< The years the units (and the network) cover.
  std::optional<int> network_year;           ///< The year the roads table describes.
  std::optional<Date> history_until;         ///< The end of the twinning history (a report's date).

  // [rules]
  std::vector<std::string> target_rule_sets;  ///< `targets` checks these without --rules.
  std::optional<TransitionsDecl> transitions;

  // [network]
  std::optional<double> paved_kmh, unpaved_kmh;  ///< Speeds that turn roads into hours.
  Text network_method;   ///< How the network was obtained (shown under `graph`).
  Text network_caveat;   ///< What in it is inferred ("" = nothing).

  /// `table` (a path from the manifest) resolved against the manifest's folder; "" stays "".
  std::string path_of(const std::string& table) const;
};

}  // namespace lotrinh::config
