#pragma once
// How many terminal columns a UTF-8 string takes, for lining up table columns.
#include <string_view>

namespace lotrinh::report {

/// Terminal columns taken by UTF-8 `s`: one per code point, except combining marks (so an NFD
/// "ọ" = o + U+0323 takes one) and zero-width characters take none, and East Asian wide
/// characters take two. An invalid byte counts as one column.
int display_width(std::string_view s);

}  // namespace lotrinh::report
