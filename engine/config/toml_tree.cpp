// The only file of lotrinh that includes toml++: it turns a toml++ tree into detail::TomlValue.
#include "config/toml_tree.h"

#include <toml++/toml.h>

#include <algorithm>

#include "diag/diagnostic.h"
#include "diag/messages.h"

namespace lotrinh::config::detail {
namespace {

using Loc = diag::SourceLoc;

Loc loc_of(const std::shared_ptr<const diag::SourceFile>& file, const toml::source_region& r) {
  return Loc{file, static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}

// Byte offset of 1-based character column `column` in `line` (npos when past the end).
size_t byte_offset(std::string_view line, int column) {
  int col = 1;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (col == column) return i;
    ++col;
  }
  return std::string_view::npos;
}

// Where the characters of a string value start: one past its quote when the text between the
// quotes is the value itself (a literal string, or a basic string without escapes).
ExprText text_of(const std::string& value, const Loc& loc) {
  ExprText out{value, loc, false};
  std::string_view line = loc.line_text();
  size_t at = byte_offset(line, loc.column);
  if (at == std::string_view::npos) return out;
  char quote = line[at];
  if (quote != '"' && quote != '\'') return out;
  if (line.compare(at, 3, std::string(3, quote)) == 0) return out;  // multi-line string
  size_t start = at + 1;
  if (line.compare(start, value.size(), value) == 0 && start + value.size() < line.size() &&
      line[start + value.size()] == quote) {
    out.loc = loc.shifted(1);
    out.exact = true;
  }
  return out;
}

TomlValue convert(const std::shared_ptr<const diag::SourceFile>& file, const toml::node& node) {
  TomlValue v;
  v.loc = loc_of(file, node.source());
  switch (node.type()) {
    case toml::node_type::table: {
      v.type = TomlValue::Type::kTable;
      for (auto&& [key, child] : *node.as_table())
        v.entries.push_back(TomlEntry{std::string(key.str()), loc_of(file, key.source()), convert(file, child)});
      std::stable_sort(v.entries.begin(), v.entries.end(), [](const TomlEntry& a, const TomlEntry& b) {
        return std::pair(a.key_loc.line, a.key_loc.column) < std::pair(b.key_loc.line, b.key_loc.column);
      });
      break;
    }
    case toml::node_type::array:
      v.type = TomlValue::Type::kArray;
      for (const toml::node& item : *node.as_array()) v.items.push_back(convert(file, item));
      break;
    case toml::node_type::string:
      v.type = TomlValue::Type::kString;
      v.str = node.as_string()->get();
      v.text = text_of(v.str, v.loc);
      break;
    case toml::node_type::integer:
      v.type = TomlValue::Type::kInteger;
      v.integer = node.as_integer()->get();
      v.number = static_cast<double>(v.integer);
      break;
    case toml::node_type::floating_point:
      v.type = TomlValue::Type::kFloat;
      v.number = node.as_floating_point()->get();
      break;
    case toml::node_type::boolean:
      v.type = TomlValue::Type::kBool;
      v.boolean = node.as_boolean()->get();
      break;
    case toml::node_type::date: {
      v.type = TomlValue::Type::kDate;
      const toml::date& d = node.as_date()->get();
      v.date = Date{d.year, d.month, d.day};
      break;
    }
    case toml::node_type::time: v.type = TomlValue::Type::kTime; break;
    default: v.type = TomlValue::Type::kDateTime; break;
  }
  return v;
}

}  // namespace

const TomlValue* TomlValue::find(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key == key) return &e.value;
  return nullptr;
}

TomlValue parse_toml(const std::shared_ptr<const diag::SourceFile>& file, std::string_view text) {
  try {
    toml::table root = toml::parse(text, std::string_view(file->path));
    return convert(file, root);
  } catch (const toml::parse_error& e) {
    // toml++ says "Error while parsing <what>: <problem>" (in English, like its <what>).
    std::string_view what = "document", problem = e.description();
    constexpr std::string_view kPrefix = "Error while parsing ";
    size_t colon = problem.find(": ");
    if (problem.substr(0, kPrefix.size()) == kPrefix && colon != std::string_view::npos) {
      what = problem.substr(kPrefix.size(), colon - kPrefix.size());
      problem = problem.substr(colon + 2);
    }
    std::string message = diag::msg("config.toml_syntax", what, problem);
    throw diag::InputError(diag::Diagnostic{diag::Severity::kError, loc_of(file, e.source()), {}, std::move(message),
                                            diag::msg("config.toml_syntax.hint")});
  }
}

}  // namespace lotrinh::config::detail
