#pragma once
// The caveats lotrinh writes at the end of a CSV file (`# rule set ...` lines, one per note):
// the CSV reader leaves them out.
#include <string_view>

namespace lotrinh::data {

/// `text` without its trailer: the lines at its end that start with '#' (and any blank lines
/// among or after them). A '#' line followed by a data line is not a trailer and stays.
std::string_view without_trailer(std::string_view text);

}  // namespace lotrinh::data
