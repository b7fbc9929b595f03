#pragma once
// Writing commune tables as CSV that lotrinh reads back unchanged.
#include <string>

#include "data/commune_table.h"

namespace lotrinh::data {

/// The table as RFC 4180 CSV (',' between fields, '.' decimal point, LF line ends): header
/// `commune,year`, then `name` and `district` when any row has one, then the indicator columns.
/// Values are written in engine units (no percent conversion), shortest round-trip; NaN = empty.
std::string write_commune_csv(const CommuneTable& table);

}  // namespace lotrinh::data
