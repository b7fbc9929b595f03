#pragma once
// Text made safe for HTML and SVG (the characters & < > " escaped).
#include <string>

namespace lotrinh::html {

/// `s` with & < > " replaced by their entities.
std::string esc(const std::string& s);

}  // namespace lotrinh::html
