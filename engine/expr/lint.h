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

/// The shape of an expression's top level (outside parentheses).
enum class Shape {
  kTruth,  ///< A comparison, `&&`, `||` or `?:` at the top level: a truth value.
  kName,   ///< A single name (true when its value is not zero).
  kOther,  ///< Arithmetic, a number or a function call: any non-zero value counts as true.
};

/// The shape of `text` (tokens only: no names are looked up).
Shape shape_of(std::string_view text);

}  // namespace lotrinh::expr
