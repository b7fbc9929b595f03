#pragma once
// The words a planner reads in place of the engine's codes: truth values (true / false /
// unknown), class names (out-of-scope, unknown), diff kinds, reproduce statuses, provenance
// kinds, targets' outcomes, units. Codes stay codes in machine-readable output (JSON, and any
// output with --codes); words replace them in Vietnamese output (--lang vi), where the catalogue
// has a word ("word.<kind>.<code>"). English output keeps the codes, which are English words.
#include <string>
#include <string_view>

namespace lotrinh::diag {

/// Keeps codes as codes (process-wide; set by the CLI for --codes and for JSON output).
void set_codes(bool codes);
bool codes();
/// True when words replace codes: Vietnamese output without --codes.
bool words();
/// The word for `code` of kind `kind` ("truth", "class", "diff", "repro", "check", "source",
/// "provenance", "target", "unit", "gap", "transition", "event", "algorithm"): the catalogue's "word.<kind>.<code>" when words()
/// and the catalogue has that id, else `code` unchanged.
std::string word(std::string_view kind, std::string_view code);
/// A text a rule file or the indicator catalogue gives in two languages: `vi` when words()
/// and it is not empty, else `en`, else `vi`, else `fallback` (an id).
std::string pick(const std::string& vi, const std::string& en, const std::string& fallback = {});

}  // namespace lotrinh::diag
