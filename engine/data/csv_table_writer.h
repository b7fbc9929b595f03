#pragma once
// Writing commune tables as CSV that lotrinh reads back unchanged.
#include <string>
#include <string_view>

#include "data/commune_table.h"

namespace lotrinh::data {

/// Appends one RFC 4180 field to `out`, quoted when it holds a ',', a '"', a line break, or
/// spaces at its edges (which the reader would trim).
void append_csv_cell(std::string& out, std::string_view cell);

/// The table as RFC 4180 CSV (',' between fields, '.' decimal point, LF line ends): header
/// `commune,year`, then `name` and `district` when any row has one, then the indicator columns.
/// Values are written in engine units (no percent conversion), shortest round-trip; NaN = empty.
std::string write_commune_csv(const CommuneTable& table);

}  // namespace lotrinh::data
