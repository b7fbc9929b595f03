#pragma once
// "Did you mean ...?" suggestions by edit distance.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotrinh::diag {

/// Damerau-Levenshtein (optimal string alignment) distance, over bytes.
int edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible misspelling
/// (distance <= max(1, len/3)); ties go to the first candidate.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// msg("diag.did_you_mean", match) or "" when there is no close candidate.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace lotrinh::diag
