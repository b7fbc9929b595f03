#pragma once
// Numbers in the reader's language: "59.09" in English, "59,09" in Vietnamese.
#include <string>

namespace lotrinh::diag {

/// `plain` (a number as C++ formats it: optional '-', digits, optional '.' and digits) in the
/// number style of the current language (diag::lang()). English: unchanged. Vietnamese: ','
/// as decimal mark and '.' between thousands when the whole part has five digits or more
/// ("59,09", "14.601", "1408,54": a four-digit whole part, such as a year, stays ungrouped).
/// Any other text (an exponent, words) is returned unchanged.
std::string local_number(const std::string& plain);

}  // namespace lotrinh::diag
