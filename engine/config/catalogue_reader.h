#pragma once
// TOML text -> data::Catalogue (rules/indicators.toml). The format:
//
//   [indicators.poverty_rate_2016]                # one table per indicator; the key is its id
//   name.vi = "Tỷ lệ hộ nghèo (chuẩn 2016-2020)"   # or name = "..." (English only)
//   name.en = "Poverty rate (2016-2020 standard)"
//   unit = "fraction"                # fraction | count | households | people | km | flag | ...
//   range = [0, 1]                   # optional: valid values, inclusive (min <= max; inf allowed)
//   csv_unit = "percent"             # optional: the CSV column holds percent (converted to 0..1)
//   standard = "59/2015"             # optional: the poverty standard it is measured under
//   aggregate = "weighted"           # none | sum | weighted (needs weight) |
//                                    # max | min | any   (default none)
//   weight = "households"            # with weighted: the indicator that weights the mean
//   note = "..."
//
//   [aliases.poverty_rate]           # a name resolving to an indicator by data year
//   name.vi = "..."
//   name.en = "..."
//   periods = [ { from = 2016, until = 2020, indicator = "poverty_rate_2016" },
//               { from = 2021, until = 2030, indicator = "poverty_rate_2022" } ]
//
// Period years are inclusive; `from` or `until` may be omitted (open). Errors, all reported
// together: unknown keys, wrong types, range min > max, an unknown aggregate or csv_unit, a
// weighted aggregate without a weight, a weight that is no indicator or given to another
// aggregate, an alias period naming no indicator, overlapping periods, an id both indicator and
// alias.
#include <string>
#include <string_view>

#include "data/catalogue.h"

namespace lotrinh::config {

/// Parses an indicator catalogue; every problem in the file is thrown together as InputError.
data::Catalogue parse_catalogue(const std::string& path, std::string_view text);
/// Reads and parses `path` (empty and non-UTF-8 files are errors located in the file).
data::Catalogue read_catalogue(const std::string& path);

}  // namespace lotrinh::config
