#pragma once
// Private to engine/config: typed reading of TomlValue tables, collecting every problem.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/rule_file.h"
#include "config/toml_tree.h"
#include "diag/diagnostic.h"

namespace lotrinh::config::detail {

/// Collects problems while a reader keeps going; throws them together, in file order.
class Problems {
 public:
  /// Records an error at `at`.
  void error(const diag::SourceLoc& at, std::string message, std::string hint = {});
  /// Throws InputError with every problem, sorted by line and column, if there is any.
  void throw_if_errors() const;

 private:
  std::vector<diag::Diagnostic> list_;
};

/// The TOML type a key should have.
enum class Want { kString, kNumber, kInteger, kBool, kDate, kTable, kArray };

/// True when `v` has the type `want` (an integer is also a number).
bool has_type(const TomlValue& v, Want want);
/// "a string", "a whole number", ... for the type of `v`.
std::string type_name(const TomlValue& v);
/// "a string", "a number", ... for `want`.
std::string want_name(Want want);
/// How to write a value of type `want`.
std::string want_hint(Want want);
/// A suggestion for a misspelt word: did-you-mean, or the list of words allowed.
std::string choice_hint(std::string_view word, const std::vector<std::string>& words);
/// "use one of: a, b, c".
std::string one_of_hint(const std::vector<std::string>& words);
/// "2016-2020", "2021-..." for a period of years (0 = open).
std::string years_text(int from, int until);

/// Reads one table: reports its unknown keys when made, and wrong types as keys are read.
class TableReader {
 public:
  /// `context` names the table in messages ("parameter 'x'"); `allowed` are its keys.
  TableReader(const TomlValue& table, std::string context, const std::vector<std::string>& allowed,
              Problems& problems);

  /// The table read.
  const TomlValue& table() const { return table_; }
  /// The name of the table in messages.
  const std::string& context() const { return context_; }
  /// True when the key is present (whatever its type).
  bool has(std::string_view key) const { return table_.find(key) != nullptr; }
  /// The value of `key` when present and of type `want`; a wrong type is reported.
  const TomlValue* get(std::string_view key, Want want) const;
  /// The value of `key` as a string, number, ...; nullopt when absent or of a wrong type.
  std::optional<std::string> string(std::string_view key) const;
  std::optional<double> number(std::string_view key) const;
  std::optional<int> integer(std::string_view key) const;
  std::optional<bool> boolean(std::string_view key) const;
  std::optional<Date> date(std::string_view key) const;
  /// A string with the place of its first character (see ExprText::exact).
  std::optional<ExprText> expr(std::string_view key) const;
  /// A table { vi = "...", en = "...", vi_translated = true|false }, or a string (taken as
  /// English).
  Text text(std::string_view key) const;
  /// A word from `words`; another word is reported with a suggestion.
  std::optional<std::string> word(std::string_view key, const std::vector<std::string>& words) const;
  /// Reports that the required `key` is missing (at the table), with `hint`.
  void missing(std::string_view key, std::string hint) const;
  /// Reports that `v`, the value of `key`, is not of type `want`.
  void wrong_type(const TomlValue& v, std::string_view key, Want want) const;

 private:
  const TomlValue& table_;
  std::string context_;
  Problems& problems_;
};

/// Reports that `v`, a whole entry (a parameter, a criterion, ...), is not of type `want`.
void wrong_entry_type(Problems& problems, const TomlValue& v, const std::string& context, Want want,
                      std::string hint);

}  // namespace lotrinh::config::detail
