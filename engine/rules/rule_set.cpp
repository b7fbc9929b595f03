#include "rules/rule_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "diag/words.h"
#include "expr/lint.h"
#include "rules/value_checks.h"

namespace lotrinh::rules {
namespace {

bool is_identifier(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Replaces the element named like `item` in `list`, or appends it (keeps the base's order).
// `index` holds the list's positions by name, so that merging n items takes linear time.
template <class T, class Key>
void merge_by(std::vector<T>& list, std::unordered_map<std::string, size_t>& index, const T& item, Key key) {
  auto [it, added] = index.try_emplace(key(item), list.size());
  if (added) list.push_back(item);
  else list[it->second] = item;
}

class Compiler {
 public:
  Compiler(RuleSet& rs, diag::DiagnosticSink& sink) : rs_(rs), sink_(sink) {}

  void declare_symbols(const std::vector<config::ParameterDecl>& params,
                       const std::vector<config::DerivedDecl>& derived) {
    for (const auto& [id, ind] : rs_.catalogue->indicators()) add_slot(id, SlotKind::kIndicator, ind.unit);
    for (const auto& [id, alias] : rs_.catalogue->aliases()) {
      std::string unit;
      if (!alias.periods.empty())
        if (auto* ind = rs_.catalogue->find(alias.periods.front().indicator)) unit = ind->unit;
      add_slot(id, SlotKind::kAlias, unit);
    }
    for (const auto& p : params) {
      if (reserved(p.name, p.loc)) continue;
      if (rs_.symbols.find(p.name)) {
        sink_.error(p.loc, diag::msg("rules.name_taken", p.name), diag::msg("rules.name_taken.hint"));
        continue;
      }
      check_parameter(p);
      Parameter param{p, add_slot(p.name, SlotKind::kParameter, p.unit)};
      rs_.parameters.push_back(std::move(param));
    }
    for (const auto& d : derived) {
      if (reserved(d.name, d.loc)) continue;
      if (rs_.symbols.find(d.name)) {
        sink_.error(d.loc, diag::msg("rules.name_taken", d.name), diag::msg("rules.name_taken.hint"));
        continue;
      }
      add_slot(d.name, SlotKind::kDerived, d.unit);
    }
  }

  void compile_derived(const std::vector<config::DerivedDecl>& decls) {
    // Compile each, then order by dependencies (depth-first; a cycle is an error).
    std::vector<std::optional<expr::CompiledExpr>> compiled;
    std::vector<const config::DerivedDecl*> kept;
    for (const auto& d : decls) {
      auto slot = rs_.symbols.find(d.name);
      if (!slot || rs_.slots[*slot].kind != SlotKind::kDerived) continue;
      compiled.push_back(compile_expr(d.expr));
      kept.push_back(&d);
    }
    std::map<int, size_t> by_slot;
    for (size_t i = 0; i < kept.size(); ++i) by_slot[*rs_.symbols.find(kept[i]->name)] = i;
    std::vector<int> state(kept.size(), 0);  // 0 new, 1 on stack, 2 done
    std::vector<size_t> stack;
    std::function<void(size_t)> visit = [&](size_t i) {
      if (state[i] == 2) return;
      if (state[i] == 1) {
        std::string path;
        auto start = std::find(stack.begin(), stack.end(), i);
        for (auto it = start; it != stack.end(); ++it) path += kept[*it]->name + " -> ";
        path += kept[i]->name;
        sink_.error(kept[i]->loc, diag::msg("rules.derived_cycle", path), diag::msg("rules.cycle.hint"));
        return;
      }
      state[i] = 1;
      stack.push_back(i);
      if (compiled[i])
        for (int s : compiled[i]->slots())
          if (auto it = by_slot.find(s); it != by_slot.end()) visit(it->second);
      stack.pop_back();
      if (state[i] == 1) {
        state[i] = 2;
        if (compiled[i]) {
          rs_.derived.push_back(Derived{*kept[i], *rs_.symbols.find(kept[i]->name), std::move(*compiled[i])});
          compiled[i].reset();
        }
      }
    };
    for (size_t i = 0; i < kept.size(); ++i) visit(i);
  }

  void compile_criteria(const std::vector<config::CriterionDecl>& decls) {
    for (const auto& c : decls) {
      if (reserved(c.name, c.loc)) continue;
      if (rs_.symbols.find(c.name)) {
        sink_.error(c.loc, diag::msg("rules.name_taken", c.name), diag::msg("rules.name_taken.hint"));
        continue;
      }
      rs_.criterion_ids.emplace(c.name, static_cast<int>(rs_.criteria.size()));
      rs_.criteria.push_back(Criterion{c.name, -1, c.loc, c.root.title});
    }
    // Declarations by name (the merged list has each name once).
    std::unordered_map<std::string, const config::CriterionDecl*> decl_of;
    for (const auto& d : decls) decl_of.emplace(d.name, &d);
    for (auto& crit : rs_.criteria) crit.root = add_node(decl_of.at(crit.name)->root);
    check_criteria_cycles();
  }

  void compile_classifications(const std::vector<config::ClassificationDecl>& decls) {
    for (const auto& c : decls) {
      Classification out{c.name, c.title, {}, c.loc};
      for (const auto& e : c.order) {
        ClassRule r{e.cls, -1, e.fallback, e.loc, e.title};
        if (e.when) {
          config::CriterionNode leaf;
          leaf.kind = config::CriterionNode::Kind::kLeaf;
          leaf.expr = *e.when;
          leaf.loc = e.when->loc;
          r.when = add_node(leaf);
        }
        out.order.push_back(r);
      }
      rs_.classifications.push_back(std::move(out));
    }
  }


  // A name muParser keeps for itself would be shadowed by the built-in in every expression.
  bool reserved(const std::string& name, const diag::SourceLoc& loc) {
    auto r = expr::reserved_name(name);
    if (!r) return false;
    sink_.error(loc, diag::msg(*r == expr::Reserved::kConstant ? "rules.reserved_constant" : "rules.reserved_function", name),
                diag::msg("rules.reserved.hint"));
    return true;
  }

  void warn(const diag::SourceLoc& loc, std::string message, std::string hint) {
    diag::Diagnostic d = diag::error_at(loc, std::move(message), std::move(hint));
    d.severity = diag::Severity::kWarning;
    sink_.add(std::move(d));
  }

  void check_parameter(const config::ParameterDecl& p) {
    if (p.source.empty()) warn(p.loc, diag::msg("rules.parameter_no_source", p.name), diag::msg("rules.parameter_no_source.hint"));
    for (const auto& v : p.values)
      if (auto problem = check_value(diag::msg("rules.what.parameter", p.name), v.value, p.unit))
        sink_.error(v.loc, problem->message, problem->hint);
  }

  // A leaf must be a truth value: a comparison (or `&&`, `||`, `?:`), or a flag read alone.
  void check_truth(const config::ExprText& e, const std::string& text) {
    expr::Shape shape = expr::shape_of(text);
    if (shape == expr::Shape::kTruth) return;
    if (shape == expr::Shape::kName) {
      std::string name;
      for (char ch : text)
        if (ch != '(' && ch != ')' && ch != ' ' && ch != '\t') name += ch;
      auto slot = rs_.symbols.find(name);
      if (slot && rs_.slots[*slot].unit == "flag") return;
    }
    int lead = static_cast<int>(e.text.find_first_not_of(" \t"));
    sink_.error(e.exact ? e.loc.shifted(std::max(lead, 0)) : e.loc,
                diag::msg(shape == expr::Shape::kName ? "rules.leaf_not_flag" : "rules.leaf_not_truth", text),
                diag::msg("rules.leaf_not_truth.hint", text));
  }

 public:
  // Criteria that nothing uses, and classes that no test of the rule set expects.
  void check_use(const std::vector<config::TargetDecl>& targets, const std::shared_ptr<const diag::SourceFile>& own_file) {
    std::vector<bool> used(rs_.criteria.size(), false);
    for (size_t c = 0; c < rs_.criteria.size(); ++c) {
      std::vector<int> refs;
      if (rs_.criteria[c].root >= 0) refs_of(rs_.criteria[c].root, refs);
      for (int r : refs)
        if (r != static_cast<int>(c)) used[r] = true;
    }
    for (const auto& cl : rs_.classifications)
      for (const auto& r : cl.order)
        if (r.when >= 0) {
          std::vector<int> refs;
          refs_of(r.when, refs);
          for (int x : refs) used[x] = true;
        }
    for (const auto& t : targets)
      for (const auto* e : {&t.of, &t.where})
        if (*e)
          if (int i = rs_.criterion_index(trim((*e)->text)); i >= 0) used[i] = true;
    for (size_t c = 0; c < rs_.criteria.size(); ++c)
      if (!used[c])
        warn(rs_.criteria[c].loc, diag::msg("rules.criterion_unused", rs_.criteria[c].name),
             diag::msg("rules.criterion_unused.hint"));
    // Parameters the rule set's own file declares that no expression reads: in a draft that
    // extends an act, most often a misspelt override, which would leave the act's value in force.
    std::vector<bool> read(rs_.slots.size(), false);
    auto mark = [&](const std::optional<expr::CompiledExpr>& e) {
      if (e)
        for (int s : e->slots()) read[static_cast<size_t>(s)] = true;
    };
    for (const auto& node : rs_.nodes) mark(node.expr);
    for (const auto& d : rs_.derived)
      for (int s : d.expr.slots()) read[static_cast<size_t>(s)] = true;
    for (const auto& t : rs_.compiled_targets)
      for (const auto* o : {&t.of, &t.weight, &t.where})
        if (*o) mark((*o)->expr);
    std::vector<std::string> readable;  // parameters some expression reads: the likely meant names
    for (const auto& p : rs_.parameters)
      if (read[static_cast<size_t>(p.slot)]) readable.push_back(p.decl.name);
    for (const auto& p : rs_.parameters) {
      if (read[static_cast<size_t>(p.slot)] || p.decl.loc.file != own_file) continue;
      std::string hint = diag::did_you_mean(p.decl.name, readable);
      warn(p.decl.loc, diag::msg("rules.parameter_unused", p.decl.name),
           hint.empty() ? diag::msg("rules.parameter_unused.hint") : hint);
    }
    // Only the classifications the rule set's own file declares: a draft's few tests need not
    // reach every class of the act it extends. A class that clauses of unknown text keep from
    // ever being decided (its `when` can never be true, or an earlier one never false) is left
    // out: no test can expect it.
    for (const auto& cl : rs_.classifications) {
      if (cl.loc.file != own_file) continue;
      std::set<std::string> seen;
      bool earlier_can_fail = true;
      for (const auto& r : cl.order) {
        bool reachable = earlier_can_fail && (r.when < 0 || can_be(r.when, true));
        earlier_can_fail = earlier_can_fail && r.when >= 0 && can_be(r.when, false);
        if (!reachable) continue;
        if (!seen.insert(r.cls).second) continue;
        bool reached = false;
        for (const auto& t : rs_.tests)
          for (const auto& x : t.expect)
            if (x.key == cl.name)
              if (auto* s = std::get_if<std::string>(&x.value); s && *s == r.cls) reached = true;
        if (!reached)
          warn(r.loc, diag::msg("rules.class_untested", r.cls, cl.name), diag::msg("rules.class_untested.hint", cl.name, r.cls));
      }
    }
  }

  // The tests' values fit their units, and what they expect can be: a class of the
  // classification, or a truth value of a criterion.
  void check_tests() {
    for (const auto& t : rs_.tests) {
      auto check_given = [&](const config::NamedValue& g, int year) {
        auto slot = rs_.symbols.find(g.name);
        if (!slot || rs_.slots[*slot].kind == SlotKind::kParameter) return;  // reported by run_tests
        double min = -std::numeric_limits<double>::infinity(), max = std::numeric_limits<double>::infinity();
        std::string id = g.name;
        if (const data::Alias* a = rs_.catalogue->find_alias(g.name)) {
          auto r = year ? rs_.catalogue->resolve(g.name, year) : std::nullopt;
          id = r ? *r : a->periods.empty() ? g.name : a->periods.front().indicator;
        }
        if (const data::Indicator* ind = rs_.catalogue->find(id)) {
          min = ind->min;
          max = ind->max;
        }
        if (auto problem = check_value(diag::msg("rules.what.given", g.name), g.value, rs_.slots[*slot].unit, min, max))
          sink_.error(g.loc, problem->message, problem->hint);
      };
      for (const auto& g : t.given) check_given(g, t.year.value_or(0));
      for (const auto& row : t.rows)
        for (const auto& g : row.values) check_given(g, row.year);
      for (const auto& s : t.set) {
        const Parameter* p = rs_.find_parameter(s.name);
        if (!p) continue;  // reported when the test runs
        if (auto problem = check_value(diag::msg("rules.what.set", s.name), s.value, p->decl.unit))
          sink_.error(s.loc, problem->message, problem->hint);
      }
      for (const auto& x : t.expect) {
        const std::string* word = std::get_if<std::string>(&x.value);
        if (const Classification* c = rs_.find_classification(x.key)) {
          std::vector<std::string> classes{"unknown"};
          for (const auto& r : c->order) classes.push_back(r.cls);
          if (!word) {
            sink_.error(x.loc, diag::msg("rules.test_expect_not_class", x.key), diag::msg("rules.test_expect_class.hint", x.key));
          } else if (std::find(classes.begin(), classes.end(), *word) == classes.end()) {
            std::string hint = diag::did_you_mean(*word, classes);
            sink_.error(x.loc, diag::msg("rules.test_expect_no_class", x.key, *word),
                        hint.empty() ? diag::msg("rules.test_expect_class.hint", x.key) : hint);
          }
        } else if (rs_.find_criterion(x.key)) {
          bool ok = std::holds_alternative<bool>(x.value) || (word && (*word == "unknown" || *word == "true" || *word == "false"));
          if (!ok)
            sink_.error(x.loc, diag::msg("rules.test_expect_not_truth", x.key), diag::msg("rules.test_expect_truth.hint"));
        }
      }
    }
  }

  void compile_targets(const std::vector<config::TargetDecl>& decls) {
    for (const auto& t : decls) {
      CompiledTarget out;
      auto operand = [&](const std::optional<config::ExprText>& e) -> std::optional<TargetOperand> {
        if (!e) return std::nullopt;
        TargetOperand o;
        o.criterion = rs_.criterion_index(trim(e->text));
        if (o.criterion < 0) o.expr = compile_expr(*e);
        return o;
      };
      out.of = operand(t.of);
      out.weight = operand(t.weight);
      out.where = operand(t.where);
      rs_.compiled_targets.push_back(std::move(out));
    }
  }

 private:
  // Whether node `n` can come out `value` (true or false) for some data: a clause of unknown
  // text never does, and neither does a tree that needs one to.
  bool can_be(int n, bool value, int depth = 0) const {
    const Node& node = rs_.nodes[n];
    if (depth > 200) return true;  // deep reference chains: assume it can (a warning at most)
    auto count = [&](bool v) {
      int k = 0;
      for (int c : node.children) k += can_be(c, v, depth + 1);
      return k;
    };
    const int children = static_cast<int>(node.children.size());
    switch (node.kind) {
      case Node::Kind::kLeaf: return true;
      case Node::Kind::kUnknown: return false;
      case Node::Kind::kRef: {
        int root = node.ref >= 0 ? rs_.criteria[node.ref].root : -1;
        return root < 0 || can_be(root, value, depth + 1);
      }
      case Node::Kind::kNot: return children == 0 || can_be(node.children[0], !value, depth + 1);
      case Node::Kind::kAll: return value ? count(true) == children : count(false) > 0;
      case Node::Kind::kAny: return value ? count(true) > 0 : count(false) == children;
      case Node::Kind::kAtLeast: return value ? count(true) >= node.at_least : count(false) > children - node.at_least;
    }
    return true;
  }

  int add_slot(const std::string& name, SlotKind kind, const std::string& unit) {
    int s = rs_.symbols.add(name);
    if (s >= static_cast<int>(rs_.slots.size())) rs_.slots.push_back(Slot{name, kind, unit});
    return s;
  }

  std::optional<expr::CompiledExpr> compile_expr(const config::ExprText& e) {
    std::vector<diag::Diagnostic> out;
    auto c = expr::CompiledExpr::compile(e.text, rs_.symbols, e.loc, e.exact, out);
    for (auto& d : out) {
      // A criterion name inside an expression: say how to combine criteria instead.
      for (const auto& crit : rs_.criteria)
        if (d.message.find("'" + crit.name + "'") != std::string::npos && d.hint.find(crit.name) == std::string::npos)
          d.hint = diag::msg("rules.criterion_in_expr.hint", crit.name);
      sink_.add(std::move(d));
    }
    return c;
  }

  int add_node(const config::CriterionNode& n) {
    Node node;
    node.loc = n.loc;
    node.note = n.note;
    node.source = n.source;
    node.title = n.title;
    using K = config::CriterionNode::Kind;
    switch (n.kind) {
      case K::kLeaf: {
        std::string text = trim(n.expr.text);
        node.text = text;
        if (is_identifier(text) && !rs_.symbols.find(text)) {
          int idx = rs_.criterion_index(text);
          if (idx >= 0) {
            node.kind = Node::Kind::kRef;
            node.ref = idx;
          } else {
            std::vector<std::string> names = rs_.symbols.names();
            for (const auto& c : rs_.criteria) names.push_back(c.name);
            int lead = static_cast<int>(n.expr.text.find_first_not_of(" \t"));
            sink_.error(n.expr.exact ? n.expr.loc.shifted(std::max(lead, 0)) : n.expr.loc,
                        diag::msg("rules.unknown_reference", text), diag::did_you_mean(text, names));
          }
        } else {
          node.kind = Node::Kind::kLeaf;
          node.expr = compile_expr(n.expr);
          if (node.expr) check_truth(n.expr, text);
        }
        break;
      }
      case K::kAll: node.kind = Node::Kind::kAll; break;
      case K::kAny: node.kind = Node::Kind::kAny; break;
      case K::kAtLeast: node.kind = Node::Kind::kAtLeast; node.at_least = n.at_least; break;
      case K::kNot: node.kind = Node::Kind::kNot; break;
      case K::kUnknown: node.kind = Node::Kind::kUnknown; node.note = n.unknown_note; break;
    }
    std::vector<int> children;
    for (const auto& c : n.children) children.push_back(add_node(c));
    node.children = std::move(children);
    rs_.nodes.push_back(std::move(node));
    return static_cast<int>(rs_.nodes.size()) - 1;
  }

  void refs_of(int n, std::vector<int>& out) const {
    const Node& node = rs_.nodes[n];
    if (node.kind == Node::Kind::kRef) out.push_back(node.ref);
    for (int c : node.children) refs_of(c, out);
  }

  // Depth-first over the references between criteria, with a stack of its own: a chain of
  // tens of thousands of criteria must not exhaust the call stack.
  void check_criteria_cycles() {
    const size_t n = rs_.criteria.size();
    std::vector<std::vector<int>> refs(n);
    for (size_t i = 0; i < n; ++i)
      if (rs_.criteria[i].root >= 0) refs_of(rs_.criteria[i].root, refs[i]);
    std::vector<int> state(n, 0);  // 0 new, 1 on the path, 2 done
    std::vector<bool> reported(n, false);
    std::vector<int> depth(n, 0);  // the longest chain of references below each criterion
    bool too_deep = false;
    std::vector<std::pair<int, size_t>> path;  // (criterion, next reference to follow)
    for (size_t start = 0; start < n; ++start) {
      if (state[start] != 0) continue;
      state[start] = 1;
      path.emplace_back(static_cast<int>(start), 0);
      while (!path.empty()) {
        auto& [i, next] = path.back();
        if (next == refs[i].size()) {
          state[i] = 2;
          for (int r : refs[i]) depth[i] = std::max(depth[i], depth[r] + 1);
          if (depth[i] > kMaxCriteriaChain && !too_deep) {
            too_deep = true;
            sink_.error(rs_.criteria[i].loc, diag::msg("rules.chain_too_deep", rs_.criteria[i].name, kMaxCriteriaChain),
                        diag::msg("rules.chain_too_deep.hint"));
          }
          path.pop_back();
          continue;
        }
        const int r = refs[i][next++];
        if (state[r] == 0) {
          state[r] = 1;
          path.emplace_back(r, 0);
        } else if (state[r] == 1 && !reported[r]) {
          reported[r] = true;
          std::string cycle;
          auto at = std::find_if(path.begin(), path.end(), [&](const auto& p) { return p.first == r; });
          for (auto it = at; it != path.end(); ++it) cycle += rs_.criteria[it->first].name + " -> ";
          cycle += rs_.criteria[r].name;
          sink_.error(rs_.criteria[r].loc, diag::msg("rules.criteria_cycle", cycle), diag::msg("rules.cycle.hint"));
        }
      }
    }
  }

  RuleSet& rs_;
  diag::DiagnosticSink& sink_;
};

std::string date_text(const config::Date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

}  // namespace

std::shared_ptr<const RuleSet> RuleSet::compile(const std::vector<const config::RuleFile*>& chain,
                                                const data::Catalogue& catalogue) {
  auto rs = std::make_shared<RuleSet>();
  rs->catalogue = &catalogue;
  std::vector<config::ParameterDecl> params;
  std::vector<config::DerivedDecl> derived;
  std::vector<config::CriterionDecl> criteria;
  std::vector<config::ClassificationDecl> classifications;
  std::unordered_map<std::string, size_t> param_at, derived_at, criterion_at, classification_at, target_at;
  for (const config::RuleFile* f : chain) {
    rs->id = f->id;
    rs->path = f->path;
    rs->extends = f->extends;
    rs->title = f->title;
    rs->source = f->source;
    rs->notes = f->notes;
    rs->status = f->status;  // never inherited: a draft of an in-force act is a draft
    if (!f->kind.empty()) rs->kind = f->kind;
    if (!f->level.empty()) rs->level = f->level;
    if (f->effective_from) rs->effective_from = f->effective_from;
    if (f->effective_until) rs->effective_until = f->effective_until;
    auto name = [](auto& x) -> const std::string& { return x.name; };
    for (const auto& p : f->parameters) merge_by(params, param_at, p, name);
    for (const auto& d : f->derived) merge_by(derived, derived_at, d, name);
    for (const auto& c : f->criteria) merge_by(criteria, criterion_at, c, name);
    for (const auto& c : f->classifications) merge_by(classifications, classification_at, c, name);
    for (const auto& t : f->targets) merge_by(rs->targets, target_at, t, [](auto& x) -> const std::string& { return x.id; });
  }
  rs->tests = chain.back()->tests;

  diag::DiagnosticSink sink;
  Compiler c(*rs, sink);
  c.declare_symbols(params, derived);
  c.compile_derived(derived);
  c.compile_criteria(criteria);
  c.compile_classifications(classifications);
  c.compile_targets(rs->targets);
  c.check_tests();
  if (!sink.has_errors()) c.check_use(rs->targets, chain.back()->loc.file);
  std::vector<diag::Diagnostic> errors;
  for (const auto& d : sink.list())
    (d.severity == diag::Severity::kWarning ? rs->warnings : errors).push_back(d);
  if (!errors.empty()) throw diag::InputError(errors);  // warnings would only bury the errors
  std::stable_sort(rs->warnings.begin(), rs->warnings.end(), [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
    auto key = [](const diag::Diagnostic& d) { return std::tuple(d.where.file ? d.where.file->path : "", d.where.line, d.where.column); };
    return key(a) < key(b);
  });
  // The same leaf written in several places ("mekong_delta == 1") is evaluated once.
  std::map<std::string, int> first_leaf;
  for (size_t n = 0; n < rs->nodes.size(); ++n) {
    Node& node = rs->nodes[n];
    if (node.kind != Node::Kind::kLeaf || !node.expr) continue;
    auto [it, inserted] = first_leaf.emplace(node.text, static_cast<int>(n));
    if (!inserted) node.same_as = it->second;
  }
  return rs;
}

const Criterion* RuleSet::find_criterion(const std::string& name) const {
  int i = criterion_index(name);
  return i < 0 ? nullptr : &criteria[i];
}

int RuleSet::criterion_index(const std::string& name) const {
  auto it = criterion_ids.find(name);
  return it == criterion_ids.end() ? -1 : it->second;
}

std::string Classification::class_title(const std::string& code) const {
  if (diag::codes()) return code;
  for (const auto& r : order) {
    if (r.cls != code) continue;
    const std::string& t = diag::lang() == diag::Lang::kVi ? r.title.vi : r.title.en;
    if (!t.empty()) return t;
    break;
  }
  return diag::word("class", code);
}

bool Classification::class_title_translated(const std::string& code) const {
  if (diag::codes() || diag::lang() != diag::Lang::kVi) return false;
  for (const auto& r : order)
    if (r.cls == code) return !r.title.vi.empty() && r.title.vi_translated;
  return false;
}

const Classification* RuleSet::find_classification(const std::string& name) const {
  for (const auto& c : classifications)
    if (c.name == name) return &c;
  return nullptr;
}

const Parameter* RuleSet::find_parameter(const std::string& name) const {
  for (const auto& p : parameters)
    if (p.decl.name == name) return &p;
  return nullptr;
}

std::vector<int> RuleSet::input_slots() const {
  std::set<int> used;
  auto add = [&](const expr::CompiledExpr& e) {
    for (int s : e.slots())
      if (slots[s].kind == SlotKind::kIndicator || slots[s].kind == SlotKind::kAlias) used.insert(s);
  };
  for (const auto& n : nodes)
    if (n.expr) add(*n.expr);
  for (const auto& d : derived) add(d.expr);
  return {used.begin(), used.end()};
}

bool RuleSet::applies_to_year(int year) const {
  config::Date dec31{year, 12, 31};
  if (effective_from && dec31 < *effective_from) return false;
  if (effective_until && *effective_until < dec31) return false;
  return true;
}

std::string RuleSet::period_text() const {
  std::string from = effective_from ? date_text(*effective_from) : "...";
  std::string until = effective_until ? date_text(*effective_until) : "...";
  return diag::msg("rules.period", from, until);
}

std::string RuleSet::display_title() const {
  if (diag::lang() == diag::Lang::kVi && !title.vi.empty()) return title.vi;
  return title.en.empty() ? title.vi : title.en;
}

std::string RuleSet::render_node(int n) const {
  const Node& node = nodes[n];
  auto list = [&](std::string head) {
    std::string s = head + "[";
    for (size_t i = 0; i < node.children.size(); ++i) {
      if (i) s += ", ";
      s += render_node(node.children[i]);
    }
    return s + "]";
  };
  switch (node.kind) {
    case Node::Kind::kLeaf: return "\"" + node.text + "\"";
    case Node::Kind::kRef: return node.text;
    case Node::Kind::kAll: return list("all ");
    case Node::Kind::kAny: return list("any ");
    case Node::Kind::kAtLeast: return list(fmt::format("at least {} of ", node.at_least));
    case Node::Kind::kNot: return "not " + render_node(node.children.at(0));
    case Node::Kind::kUnknown: return "unknown(\"" + node.note + "\")";
  }
  return {};
}

}  // namespace lotrinh::rules
