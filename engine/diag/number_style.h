#pragma once
// Numbers in the reader's language: "1,408.54" in English, "1.408,54" in Vietnamese.
#include <string>

namespace lotrinh::diag {

/// What a number counts, for its style: a quantity (a count, money, a rate, a value) is grouped
/// by thousands; a year never is.
enum class NumberKind { kQuantity, kYear };

/// `plain` (a number as C++ formats it: optional '-', digits, optional '.' and digits) in the
/// number style of the current language (diag::lang()). English: '.' as decimal mark and, for a
/// quantity, ',' between thousands from four digits on ("59.09", "14,601", "1,408.54").
/// Vietnamese: ',' as decimal mark and '.' between thousands ("59,09", "14.601", "1.408,54",
/// "2.500"). A year stays "2025" in both. Any other text (an exponent, words) is returned
/// unchanged.
std::string local_number(const std::string& plain, NumberKind kind = NumberKind::kQuantity);
/// An amount of money given in dong, in the unit a planner uses, in the current language's
/// number style with two decimals: billions from 1 billion on ("1,408.54 billion VND",
/// "1.408,54 tỷ đồng"), else millions ("350.00 million VND", "350,00 triệu đồng").
std::string money_text(double dong);

}  // namespace lotrinh::diag
