#pragma once
// How one cell is written in each format (shared by the renderers; not used outside report/).
#include <string>

#include "report/result_table.h"

namespace lotrinh::report {

/// The cell as shown in a terminal table: "-" when missing, a number with its decimals, a
/// percentage as "18.70 %", in the number style of the current language ("18,70 %" in
/// Vietnamese, see diag::local_number).
std::string table_text(const Cell& cell);
/// A number in shortest round-trip form ("0.187", "3", "1e+20"); -0 is written as 0.
std::string shortest_number(double v);

}  // namespace lotrinh::report
