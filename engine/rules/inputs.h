#pragma once
// Where an evaluation reads its columns, and the parameter values set from outside.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "data/commune_table.h"

namespace lotrinh::rules {

/// Where an evaluation gets its values: n units, and for a name (an indicator, alias or derived
/// id) a column of n values, or nullptr when the data has no such column (all missing). The
/// columns must stay unchanged while a workspace reads them (until its next reset).
struct Inputs {
  size_t n = 0;
  std::function<const double*(const std::string& name)> column;
};

/// Inputs from the rows `rows` of `table` (gathered into `storage` unless contiguous).
Inputs table_inputs(const data::CommuneTable& table, const std::vector<size_t>& rows,
                    std::shared_ptr<std::map<std::string, std::vector<double>>> storage);

/// Parameter values set from outside (`--set name=value`), by parameter name.
using Overrides = std::map<std::string, double>;

}  // namespace lotrinh::rules
