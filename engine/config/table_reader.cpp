#include "config/table_reader.h"

#include <algorithm>
#include <limits>

#include "diag/messages.h"
#include "diag/spelling.h"

namespace lotrinh::config::detail {

void Problems::error(const diag::SourceLoc& at, std::string message, std::string hint) {
  list_.push_back({diag::Severity::kError, at, {}, std::move(message), std::move(hint)});
}

void Problems::throw_if_errors() const {
  if (list_.empty()) return;
  std::vector<diag::Diagnostic> sorted = list_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  diag::DiagnosticSink sink;
  for (auto& d : sorted) sink.add(std::move(d));
  sink.throw_if_errors();
}

bool has_type(const TomlValue& v, Want want) {
  using T = TomlValue::Type;
  switch (want) {
    case Want::kString: return v.type == T::kString;
    case Want::kNumber: return v.is_number();
    case Want::kInteger: return v.type == T::kInteger;
    case Want::kBool: return v.type == T::kBool;
    case Want::kDate: return v.type == T::kDate;
    case Want::kTable: return v.type == T::kTable;
    case Want::kArray: return v.type == T::kArray;
  }
  return false;
}

std::string type_name(const TomlValue& v) {
  using T = TomlValue::Type;
  switch (v.type) {
    case T::kTable: return diag::msg("config.type.table");
    case T::kArray: return diag::msg("config.type.array");
    case T::kString: return diag::msg("config.type.string");
    case T::kInteger: return diag::msg("config.type.integer");
    case T::kFloat: return diag::msg("config.type.float");
    case T::kBool: return diag::msg("config.type.bool");
    case T::kDate: return diag::msg("config.type.date");
    case T::kTime: return diag::msg("config.type.time");
    case T::kDateTime: return diag::msg("config.type.date_time");
  }
  return {};
}

namespace {
const char* want_id(Want want) {
  switch (want) {
    case Want::kString: return "string";
    case Want::kNumber: return "number";
    case Want::kInteger: return "integer";
    case Want::kBool: return "bool";
    case Want::kDate: return "date";
    case Want::kTable: return "table";
    case Want::kArray: return "array";
  }
  return "string";
}
}  // namespace

std::string want_name(Want want) { return diag::msg(std::string("config.type.") + want_id(want)); }
std::string want_hint(Want want) { return diag::msg(std::string("config.hint.") + want_id(want)); }

std::string choice_hint(std::string_view word, const std::vector<std::string>& words) {
  std::string hint = diag::did_you_mean(word, words);
  return hint.empty() ? one_of_hint(words) : hint;
}

std::string one_of_hint(const std::vector<std::string>& words) {
  std::string list;
  for (const auto& w : words) list += (list.empty() ? "" : ", ") + w;
  return diag::msg("config.one_of.hint", list);
}

std::string years_text(int from, int until) {
  return fmt::format("{}-{}", from ? std::to_string(from) : "...", until ? std::to_string(until) : "...");
}

TableReader::TableReader(const TomlValue& table, std::string context, const std::vector<std::string>& allowed,
                         Problems& problems)
    : table_(table), context_(std::move(context)), problems_(problems) {
  for (const auto& e : table_.entries) {
    if (std::find(allowed.begin(), allowed.end(), e.key) != allowed.end()) continue;
    problems_.error(e.key_loc, diag::msg("config.unknown_key", context_, e.key), choice_hint(e.key, allowed));
  }
}

void TableReader::wrong_type(const TomlValue& v, std::string_view key, Want want) const {
  problems_.error(v.loc, diag::msg("config.wrong_type", context_, key, want_name(want), type_name(v)), want_hint(want));
}

const TomlValue* TableReader::get(std::string_view key, Want want) const {
  const TomlValue* v = table_.find(key);
  if (!v) return nullptr;
  if (has_type(*v, want)) return v;
  wrong_type(*v, key, want);
  return nullptr;
}

std::optional<std::string> TableReader::string(std::string_view key) const {
  const TomlValue* v = get(key, Want::kString);
  return v ? std::optional(v->str) : std::nullopt;
}

std::optional<double> TableReader::number(std::string_view key) const {
  const TomlValue* v = get(key, Want::kNumber);
  return v ? std::optional(v->number) : std::nullopt;
}

std::optional<int> TableReader::integer(std::string_view key) const {
  const TomlValue* v = get(key, Want::kInteger);
  if (!v) return std::nullopt;
  if (v->integer < std::numeric_limits<int>::min() || v->integer > std::numeric_limits<int>::max()) {
    problems_.error(v->loc, diag::msg("config.integer_range", context_, key, v->integer), diag::msg("config.integer_range.hint"));
    return std::nullopt;
  }
  return static_cast<int>(v->integer);
}

std::optional<bool> TableReader::boolean(std::string_view key) const {
  const TomlValue* v = get(key, Want::kBool);
  return v ? std::optional(v->boolean) : std::nullopt;
}

std::optional<Date> TableReader::date(std::string_view key) const {
  const TomlValue* v = get(key, Want::kDate);
  return v ? std::optional(v->date) : std::nullopt;
}

std::optional<ExprText> TableReader::expr(std::string_view key) const {
  const TomlValue* v = get(key, Want::kString);
  return v ? std::optional(v->text) : std::nullopt;
}

Text TableReader::text(std::string_view key) const {
  Text out;
  const TomlValue* v = table_.find(key);
  if (!v) return out;
  if (v->type == TomlValue::Type::kString) {
    out.en = v->str;
  } else if (v->type == TomlValue::Type::kTable) {
    TableReader t(*v, context_, {"vi", "en", "vi_translated"}, problems_);
    out.vi = t.string("vi").value_or("");
    out.en = t.string("en").value_or("");
    out.vi_translated = t.boolean("vi_translated").value_or(false);
  } else {
    wrong_type(*v, key, Want::kTable);
  }
  return out;
}

std::optional<std::string> TableReader::word(std::string_view key, const std::vector<std::string>& words) const {
  const TomlValue* v = get(key, Want::kString);
  if (!v) return std::nullopt;
  if (std::find(words.begin(), words.end(), v->str) != words.end()) return v->str;
  problems_.error(v->text.exact ? v->text.loc : v->loc, diag::msg("config.unknown_word", context_, key, v->str),
                  choice_hint(v->str, words));
  return std::nullopt;
}

void TableReader::missing(std::string_view key, std::string hint) const {
  problems_.error(table_.loc, diag::msg("config.missing_key", context_, key), std::move(hint));
}

void wrong_entry_type(Problems& problems, const TomlValue& v, const std::string& context, Want want,
                      std::string hint) {
  problems.error(v.loc, diag::msg("config.wrong_entry_type", context, want_name(want), type_name(v)), std::move(hint));
}

}  // namespace lotrinh::config::detail
