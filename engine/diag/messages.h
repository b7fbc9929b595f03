#pragma once
// The message catalogue: every user-facing text, keyed by id, in English and Vietnamese.
// The texts live in engine/diag/catalogue/<lang>/<module>.inc, one line per message:
//   M("csv.ragged_row", "row has {0} fields but the header has {1}")
// Placeholders are fmt's indexed ones ({0}, {1}) so a translation may reorder them.
#include <fmt/format.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <string_view>

namespace lotrinh::diag {

enum class Lang { kEn, kVi };

/// Chooses the language for all later messages (process-wide; set once by the CLI).
void set_lang(Lang lang);
Lang lang();
/// Parses "vi", "en", or a LANG value such as "vi_VN.UTF-8"; anything else is English.
Lang lang_from_string(std::string_view s);

/// The text of message `id` in the current language, falling back to English. An id missing from
/// the catalogue is a bug: the id itself is returned, in brackets.
std::string_view text(std::string_view id);
/// True when `id` has an English text.
bool has_message(std::string_view id);
/// Adds the messages of a program built on the engine (texts with static storage, such as string
/// literals) to the catalogue of `lang`; an id already there keeps its text. Not thread-safe:
/// call before the first message is shown.
void add_messages(Lang lang, std::initializer_list<std::pair<std::string_view, std::string_view>> entries);

/// The message `id` with its placeholders filled.
template <class... Args>
std::string msg(std::string_view id, const Args&... args) {
  return fmt::vformat(text(id), fmt::make_format_args(args...));
}

}  // namespace lotrinh::diag
