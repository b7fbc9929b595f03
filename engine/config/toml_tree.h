#pragma once
// Private to engine/config: a TOML document as plain structs with source places, so that the
// readers never see toml++ (only toml_tree.cpp includes it). Tables keep document order.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/rule_file.h"
#include "diag/source_file.h"

namespace lotrinh::config::detail {

struct TomlEntry;

/// One TOML value and where it starts.
struct TomlValue {
  enum class Type { kTable, kArray, kString, kInteger, kFloat, kBool, kDate, kTime, kDateTime };
  Type type = Type::kTable;
  diag::SourceLoc loc;           ///< First character of the value (a quote, `{`, `[`, a digit).
  std::string str;               ///< kString.
  ExprText text;                 ///< kString: the text with the place of its first character.
  std::int64_t integer = 0;      ///< kInteger.
  double number = 0;             ///< kInteger and kFloat.
  bool boolean = false;          ///< kBool.
  Date date;                     ///< kDate.
  std::vector<TomlEntry> entries;  ///< kTable, in document order.
  std::vector<TomlValue> items;    ///< kArray.

  bool is_number() const { return type == Type::kInteger || type == Type::kFloat; }
  /// The entry named `key` of a table, or nullptr.
  const TomlValue* find(std::string_view key) const;
};

/// A key of a table and its value.
struct TomlEntry {
  std::string key;
  diag::SourceLoc key_loc;
  TomlValue value;
};

/// Parses TOML `text` (already checked to be UTF-8) whose lines are `file`. Throws InputError
/// located at the first syntax error.
TomlValue parse_toml(const std::shared_ptr<const diag::SourceFile>& file, std::string_view text);

}  // namespace lotrinh::config::detail
