#pragma once
// Numbers in the reader's language: "1408.54" in English, "1.408,54" in Vietnamese.
#include <string>

namespace lotrinh::diag {

/// What a number counts, for its style: a quantity (a count, money, a rate, a value) is grouped
/// by thousands in Vietnamese; a year never is.
enum class NumberKind { kQuantity, kYear };

/// `plain` (a number as C++ formats it: optional '-', digits, optional '.' and digits) in the
/// number style of the current language (diag::lang()). English: unchanged. Vietnamese: ','
/// as decimal mark and, for a quantity, '.' between thousands from four digits on ("59,09",
/// "14.601", "1.408,54", "2.500"); a year stays "2025". Any other text (an exponent, words) is
/// returned unchanged.
std::string local_number(const std::string& plain, NumberKind kind = NumberKind::kQuantity);

}  // namespace lotrinh::diag
