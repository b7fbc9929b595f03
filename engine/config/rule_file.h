#pragma once
// A rule file as typed structs: what engine/config reads from TOML, before any compilation.
// No toml++ type appears here. Every element keeps the SourceLoc of its TOML node.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/source_file.h"

namespace lotrinh::config {

/// A text in both languages (either may be empty). `vi_translated`: the Vietnamese is the
/// project's translation, not the law's wording (`title.vi_translated = true`).
struct Text {
  std::string vi, en;
  bool vi_translated = false;
};

/// A calendar date (from a TOML date).
struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
};

/// An expression as written, with the place of its first character.
struct ExprText {
  std::string text;
  diag::SourceLoc loc;  ///< First character of the expression inside its quotes.
  /// True when columns inside `text` map one to one onto the file (a literal string, or a basic
  /// string without escapes); otherwise `loc` points at the value as a whole.
  bool exact = true;
};

/// One value of a parameter, in force for data years [from_year, until_year] (0 = open end).
struct ParamValue {
  double value = 0;
  int from_year = 0, until_year = 0;
  diag::SourceLoc loc;
};

struct ParameterDecl {
  std::string name;
  std::vector<ParamValue> values;  ///< Empty: the value is not known. One undated: constant.
  std::string unit, source, note;
  diag::SourceLoc loc;  ///< The key.
};

struct DerivedDecl {
  std::string name;
  ExprText expr;
  std::string unit, note;
  diag::SourceLoc loc;
};

/// A node of a criteria tree, as written.
struct CriterionNode {
  enum class Kind { kLeaf, kAll, kAny, kAtLeast, kNot, kUnknown };
  Kind kind = Kind::kLeaf;
  ExprText expr;                       ///< kLeaf: the expression, or a criterion name.
  int at_least = 0;                    ///< kAtLeast: k.
  std::vector<CriterionNode> children; ///< kAll, kAny, kAtLeast, kNot (one child).
  std::string unknown_note;            ///< kUnknown: why it is unknown.
  std::string source, note;
  Text title;
  diag::SourceLoc loc;
};

struct CriterionDecl {
  std::string name;
  CriterionNode root;
  diag::SourceLoc loc;  ///< The key.
};

struct ClassEntry {
  std::string cls;
  std::optional<ExprText> when;  ///< Absent: the fallback (must be last).
  bool fallback = false;         ///< `fallback = true`: the intended catch-all.
  Text title;                    ///< The class's name for a planner ("Khu vực III", "Region III").
  diag::SourceLoc loc;
};

struct ClassificationDecl {
  std::string name;
  Text title;
  std::vector<ClassEntry> order;
  diag::SourceLoc loc;
};

struct TargetDecl {
  std::string id;
  Text title;
  std::string source;
  std::string level = "province";  ///< province | district
  std::string aggregate;           ///< mean | weighted_mean | count | share | sum | min | max
  std::optional<ExprText> of;      ///< Expression or criterion name.
  std::string class_ref;           ///< "classification:class", for count/share.
  std::optional<ExprText> weight;
  std::optional<ExprText> where;
  std::string change;              ///< "" | per_year | difference | ratio
  std::vector<int> years;          ///< Two years with `change`; else zero or one.
  std::string compare;             ///< < <= > >= ==
  std::optional<double> value;     ///< Absent: the target's value is not known.
  std::string reported_outcome, reported_source;
  std::string reported_outcome_vi;  ///< `outcome.vi`, shown under --lang vi; may be empty.
  std::string source_vi, reported_source_vi;  ///< `source.vi` of each, shown under --lang vi.
  diag::SourceLoc loc;
};

/// An expected result in a test: a class or "unknown" (string), a criterion (bool or
/// "unknown"), or a derived value (number).
struct Expectation {
  std::string key;
  std::variant<std::string, bool, double> value;
  diag::SourceLoc loc;
};

struct NamedValue {
  std::string name;
  double value = 0;
  diag::SourceLoc loc;
};

/// One row of a targets test's table (`given = [ { unit, year, ... }, ... ]`): a unit in a year.
struct GivenRow {
  std::string unit, district;
  int year = 0;
  std::vector<NamedValue> values;  ///< Indicator values; an indicator not named is missing.
  diag::SourceLoc loc;
};

/// What a targets test expects of one target (of one district, for a district target).
struct TargetExpectation {
  std::string target;                   ///< The target's id.
  std::optional<std::string> district;  ///< Set when written under a district name.
  std::string outcome;                  ///< met | not-met | unknown
  std::optional<double> value;          ///< The computed measure (NaN: "unknown"), when given.
  diag::SourceLoc loc;                  ///< The key naming the target (or the district).
};

struct TestCase {
  std::string name;
  std::optional<int> year;
  std::vector<NamedValue> given;
  std::vector<NamedValue> set;
  std::vector<Expectation> expect;
  /// A targets test: `given` is a table of rows (several units, several years) and `expect`
  /// names targets. `given` and `expect` above are then empty.
  bool targets = false;
  std::vector<GivenRow> rows;
  std::vector<TargetExpectation> expect_targets;
  diag::SourceLoc loc;
};

/// One rule file.
struct RuleFile {
  std::string path;
  std::string id;
  std::string kind, level, status;  ///< Empty when not given (inherited through `extends`).
  Text title;
  std::string source, notes;
  std::optional<Date> effective_from, effective_until;
  std::optional<std::string> extends;
  diag::SourceLoc loc;          ///< The [ruleset] table.
  diag::SourceLoc extends_loc;  ///< The `extends` value.
  diag::SourceLoc id_loc;       ///< The `id` value.
  std::vector<ParameterDecl> parameters;
  std::vector<DerivedDecl> derived;
  std::vector<CriterionDecl> criteria;
  std::vector<ClassificationDecl> classifications;
  std::vector<TargetDecl> targets;
  std::vector<TestCase> tests;
};

}  // namespace lotrinh::config
