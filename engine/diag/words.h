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
/// The word for `code` of kind `kind` in either language: the catalogue's "term.<kind>.<code>"
/// unless codes() or the catalogue has no such id, else `code` unchanged. For codes that are not
/// English words either (rule-set kinds such as "village-sd").
std::string term(std::string_view kind, std::string_view code);
/// A text a rule file or the indicator catalogue gives in two languages: `vi` when words()
/// and it is not empty, else `en`, else `vi`, else `fallback` (an id).
std::string pick(const std::string& vi, const std::string& en, const std::string& fallback = {});
/// The name a planner reads for a thing that has a code and may have titles (a criterion, an
/// indicator, a model, a shock): `code` with --codes; else the title in the output's language
/// (`vi` under --lang vi, `en` in English), else the other title, else `code`.
std::string named(const std::string& vi, const std::string& en, const std::string& code);

}  // namespace lotrinh::diag
