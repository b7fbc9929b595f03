#pragma once
// The message catalogue: every user-facing text, keyed by id, in English and Vietnamese.
// The texts live in engine/diag/catalogue/<lang>/<module>.inc, one line per message:
//   M("csv.ragged_row", "row has {0} fields but the header has {1}")
// Placeholders are fmt's indexed ones ({0}, {1}) so a translation may reorder them.
//
// Numbers in a message. A number argument (an integer or a floating-point value) prints as fmt
// prints it ("14601", "0.5", "2025") unless its placeholder asks for the reader's number style
// with the presentation type `n`:
//   {1:n}    a quantity (a count, an amount, a rate) in the current language's style, through
//            diag::local_number: "14,601" / "14.601", "0.5" / "0,5"; a whole floating-point
//            value prints as a count ("32", not "32.0000")
//   {1:.2n}  the same with exactly that many decimals ("1,408.54" / "1.408,54"); integers
//            ignore the precision
// A plain placeholder keeps the number as it is: years ("2025"), seeds, ids, line and column
// numbers ("file:12:5") must never be grouped, so `n` is asked for, never the default. fmt's own
// specs ({0:02X}, {1:o}) keep working on numbers. A text argument (a number already formatted
// by the caller, a name) prints unchanged under `n` too, so a placeholder's spec cannot make a
// message throw; a text whose placeholders do not fit its arguments at all is shown as the
// English text, else as "[id]", never thrown (tests/diag/catalogue_test.cpp formats every
// catalogue text with arguments of the kinds its specs ask for, and checks that English and
// Vietnamese give each placeholder the same spec).
#include <fmt/format.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

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

/// A number given to msg(): fmt's formatting, or the reader's style under the `n` spec (above).
template <class T>
struct NumberArg {
  T value;
};
/// A text given to msg(): printed as it is, also under the `n` spec.
struct TextArg {
  std::string_view value;
};

namespace detail {
/// `v` in the current language's number style (see the top of this file); `decimals` < 0 for
/// the shortest form.
std::string local_text(long long v, int decimals);
std::string local_text(unsigned long long v, int decimals);
std::string local_text(double v, int decimals);
/// Fills the text of `id` in the current language; never throws fmt::format_error (see above).
std::string format_message(std::string_view id, fmt::format_args args);

/// Parses an `n` or `.<digits>n` spec at [begin, end) that ends the placeholder. Returns the
/// position after the `n` (and the precision, -1 without) or `begin` when the spec is not one.
template <class It>
constexpr It parse_local_spec(It begin, It end, int& decimals) {
  It p = begin;
  int d = -1;
  if (p != end && *p == '.') {
    ++p;
    It digits = p;
    d = 0;
    while (p != end && *p >= '0' && *p <= '9' && d < 100) d = d * 10 + (*p++ - '0');
    if (p == digits) return begin;
  }
  if (p == end || *p != 'n') return begin;
  ++p;
  if (p != end && *p != '}') return begin;
  decimals = d;
  return p;
}

template <class T>
constexpr bool kIsChar = std::is_same_v<T, char> || std::is_same_v<T, wchar_t> || std::is_same_v<T, char8_t> ||
                         std::is_same_v<T, char16_t> || std::is_same_v<T, char32_t>;

/// What msg() hands fmt for one argument: numbers and texts wrapped (above), anything else as is.
template <class T>
decltype(auto) message_arg(const T& v) {
  if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool> && !kIsChar<T>) {
    return NumberArg<T>{v};
  } else if constexpr (std::is_pointer_v<T> && std::is_convertible_v<const T&, std::string_view>) {
    return TextArg{v ? std::string_view(v) : std::string_view()};
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    return TextArg{std::string_view(v)};
  } else {
    return (v);
  }
}
}  // namespace detail

/// The message `id` with its placeholders filled.
template <class... Args>
std::string msg(std::string_view id, const Args&... args) {
  return detail::format_message(id, fmt::make_format_args(detail::message_arg(args)...));
}

}  // namespace lotrinh::diag

template <class T>
struct fmt::formatter<lotrinh::diag::NumberArg<T>> : fmt::formatter<T> {
  int decimals = -1;
  bool local = false;
  constexpr auto parse(fmt::format_parse_context& ctx) {
    auto after = lotrinh::diag::detail::parse_local_spec(ctx.begin(), ctx.end(), decimals);
    if (after == ctx.begin()) return fmt::formatter<T>::parse(ctx);
    local = true;
    return after;
  }
  template <class Context>
  auto format(const lotrinh::diag::NumberArg<T>& a, Context& ctx) const {
    if (!local) return fmt::formatter<T>::format(a.value, ctx);
    std::string s;
    if constexpr (std::is_floating_point_v<T>) s = lotrinh::diag::detail::local_text(static_cast<double>(a.value), decimals);
    else if constexpr (std::is_signed_v<T>) s = lotrinh::diag::detail::local_text(static_cast<long long>(a.value), decimals);
    else s = lotrinh::diag::detail::local_text(static_cast<unsigned long long>(a.value), decimals);
    return std::copy(s.begin(), s.end(), ctx.out());
  }
};

template <>
struct fmt::formatter<lotrinh::diag::TextArg> : fmt::formatter<std::string_view> {
  bool local = false;
  constexpr auto parse(fmt::format_parse_context& ctx) {
    int decimals = -1;
    auto after = lotrinh::diag::detail::parse_local_spec(ctx.begin(), ctx.end(), decimals);
    if (after == ctx.begin()) return fmt::formatter<std::string_view>::parse(ctx);
    local = true;
    return after;
  }
  template <class Context>
  auto format(const lotrinh::diag::TextArg& a, Context& ctx) const {
    if (local) return std::copy(a.value.begin(), a.value.end(), ctx.out());
    return fmt::formatter<std::string_view>::format(a.value, ctx);
  }
};
