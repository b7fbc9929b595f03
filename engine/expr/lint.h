#pragma once
// Checks on names and expression shapes made when a rule set is compiled, beyond what compile()
// refuses: names muParser reserves for itself, and whether an expression yields a truth value.
#include <optional>
#include <string>
#include <string_view>

namespace lotrinh::expr {

/// What muParser reserves a name for.
enum class Reserved { kConstant, kFunction };

/// Whether `name` is one of muParser's built-in constants (`_pi`, `_e`) or functions (`sin`,
/// `min`, ...). A variable of such a name is shadowed by the built-in in every expression.
std::optional<Reserved> reserved_name(std::string_view name);

/// The shape of an expression, as far as its truth is concerned.
enum class Shape {
  kTruth,  ///< A comparison, `&&`, `||` or `?:` somewhere: taken as a truth value
           ///< (`(x >= t) * 1` is one; the check is for the plain mistake, not for every form).
  kName,   ///< A single name, perhaps in parentheses (true when its value is not zero).
  kOther,  ///< Arithmetic, a number or a function call with no comparison in it: any non-zero
           ///< value would count as true.
};

/// The shape of `text` (tokens only: no names are looked up).
Shape shape_of(std::string_view text);

}  // namespace lotrinh::expr
