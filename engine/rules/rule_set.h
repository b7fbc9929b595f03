#pragma once
// A compiled rule set: parameters, derived indicators, criteria trees and classifications, with
// every expression compiled once against one symbol table. Immutable once built.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/rule_file.h"
#include "data/catalogue.h"
#include "diag/diagnostic.h"
#include "expr/compiled_expr.h"

namespace lotrinh::rules {

/// Three-valued truth, ordered so that AND is min and OR is max.
enum Truth : unsigned char { kFalse = 0, kUnknown = 1, kTrue = 2 };

/// The longest chain of references between criteria a rule set may have (a criterion naming one
/// that names another ...). No act nests more than a few levels; the limit keeps the recursive
/// walkers (evaluation, explain, diff, the gap search) within the executable's stack.
inline constexpr int kMaxCriteriaChain = 50000;

/// What a slot of the symbol table stands for.
enum class SlotKind { kIndicator, kAlias, kParameter, kDerived };

struct Slot {
  std::string name;
  SlotKind kind;
  std::string unit;  ///< From the catalogue or the declaration.
};

struct Parameter {
  config::ParameterDecl decl;
  int slot = -1;
  bool known() const { return !decl.values.empty(); }
};

struct Derived {
  config::DerivedDecl decl;
  int slot = -1;
  expr::CompiledExpr expr;
};

/// A node of a compiled criteria tree. Nodes live in RuleSet::nodes; children are indexes.
struct Node {
  enum class Kind { kLeaf, kRef, kAll, kAny, kAtLeast, kNot, kUnknown };
  Kind kind = Kind::kLeaf;
  std::string text;                  ///< Leaf expression or referenced criterion name.
  std::optional<expr::CompiledExpr> expr;  ///< kLeaf.
  int ref = -1;                      ///< kRef: index into RuleSet::criteria.
  int same_as = -1;                  ///< kLeaf: an earlier leaf with the same text (evaluated once).
  int at_least = 0;
  std::vector<int> children;
  std::string note, source;          ///< Clause annotations (kUnknown: why unknown).
  config::Text title;                ///< The clause's title, where the file gives one.
  diag::SourceLoc loc;
};

struct Criterion {
  std::string name;
  int root = -1;
  diag::SourceLoc loc;
  config::Text title;  ///< Its root's title (title.vi / title.en), where the file gives one.
};

struct ClassRule {
  std::string cls;
  int when = -1;  ///< Node index, or -1 for the pure fallback.
  bool fallback = false;
  diag::SourceLoc loc;  ///< The entry in `order`.
  config::Text title;   ///< The class's name for a planner, where the file gives one.
};

struct Classification {
  std::string name;
  config::Text title;
  std::vector<ClassRule> order;
  diag::SourceLoc loc;

  /// The name a planner reads for class `code` ("Khu vực III" under --lang vi, "Region III" in
  /// English): its entry's title in the output's language; the code itself with --codes (and in
  /// JSON); else the catalogue's word for the code (diag::word("class", ...), which gives
  /// "unknown" and "out-of-scope" their words) when the entry has no title in that language.
  std::string class_title(const std::string& code) const;
  /// True when class_title(code) shows a Vietnamese title the project translated.
  bool class_title_translated(const std::string& code) const;
};

/// A target's `of`, `weight` or `where`: a criterion's name (its truth: 1, 0, or NaN when
/// unknown) or an expression.
struct TargetOperand {
  int criterion = -1;                      ///< Index into RuleSet::criteria, or -1.
  std::optional<expr::CompiledExpr> expr;  ///< When not a criterion.
};

/// The expressions of one target, compiled with the rule set (so `check` finds their errors).
struct CompiledTarget {
  std::optional<TargetOperand> of, weight, where;
};

/// A rule set compiled from a rule file and the chain of files it extends.
class RuleSet {
 public:
  /// Compiles `chain` (base first, the rule set itself last). Throws InputError with every
  /// problem found: unknown names, malformed expressions, cycles, references to missing criteria,
  /// names muParser reserves, parameter values outside their unit's range, leaves that are not
  /// truth values, tests expecting classes or truth values that cannot be. Lesser problems are
  /// kept in `warnings` (see rules/README.md, "Checks on load").
  static std::shared_ptr<const RuleSet> compile(const std::vector<const config::RuleFile*>& chain,
                                                const data::Catalogue& catalogue);

  // Metadata (inherited through `extends` where the file is silent).
  std::string id, kind, level, status, path, source, notes;
  std::optional<std::string> extends;
  config::Text title;
  std::optional<config::Date> effective_from, effective_until;

  std::vector<Slot> slots;  ///< Symbol table order.
  expr::SymbolTable symbols;
  std::vector<Parameter> parameters;
  std::vector<Derived> derived;  ///< In dependency order.
  std::vector<Node> nodes;
  std::vector<Criterion> criteria;
  std::unordered_map<std::string, int> criterion_ids;  ///< criteria's indexes by name.
  std::vector<Classification> classifications;
  std::vector<config::TargetDecl> targets;
  std::vector<CompiledTarget> compiled_targets;  ///< targets[i]'s expressions.
  std::vector<config::TestCase> tests;  ///< The rule set's own tests (not its base's).
  const data::Catalogue* catalogue = nullptr;
  /// Problems that do not stop the rule set from being used (a parameter without `source`, a
  /// criterion nothing uses, a class no test expects), in file order.
  std::vector<diag::Diagnostic> warnings;

  const Criterion* find_criterion(const std::string& name) const;
  const Classification* find_classification(const std::string& name) const;
  const Parameter* find_parameter(const std::string& name) const;
  int criterion_index(const std::string& name) const;

  /// Indicator and alias slots that some leaf or derived indicator reads, ascending.
  std::vector<int> input_slots() const;
  /// True when 31 December of `year` lies in the effective period.
  bool applies_to_year(int year) const;
  /// The effective period as text, e.g. "2020-12-31 to 2025-11-30".
  std::string period_text() const;
  /// Display title in the current language.
  std::string display_title() const;
  /// A readable one-line rendering of node `n` (for diffs and explanations).
  std::string render_node(int n) const;
};

}  // namespace lotrinh::rules
