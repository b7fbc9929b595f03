#include "config/rule_file_reader.h"

#include <algorithm>
#include <limits>
#include <cmath>
#include <unordered_map>

#include "config/table_reader.h"
#include "config/toml_tree.h"
#include "diag/messages.h"
#include "diag/text_file.h"

namespace lotrinh::config {
namespace {

using detail::Problems;
using detail::TableReader;
using detail::TomlEntry;
using detail::TomlValue;
using detail::Want;
using diag::msg;
using diag::SourceLoc;

using Words = std::vector<std::string>;
const Words kTopKeys = {"ruleset", "parameters", "derived", "criteria", "classification", "target", "test"};
const Words kRulesetKeys = {"id", "kind", "level", "status", "title", "source", "effective", "extends", "notes"};
const Words kUnitLevels = {"commune", "village"};
const Words kStatuses = {"in-force", "superseded", "draft", "resolution", "programme"};
const Words kEffectiveKeys = {"from", "until"};
const Words kParameterKeys = {"value", "values", "unit", "source", "note"};
const Words kValueKeys = {"from", "until", "value"};
const Words kDerivedKeys = {"expr", "unit", "note"};
const Words kNodeKeys = {"all", "any", "at_least", "of", "not", "expr", "unknown", "source", "note", "title"};
const Words kNodeKinds = {"all", "any", "at_least", "not", "expr", "unknown"};
const Words kClassificationKeys = {"title", "order"};
const Words kClassEntryKeys = {"class", "when", "fallback", "title"};
const Words kTargetKeys = {"id", "title", "source", "level", "aggregate", "of", "class", "weight",
                           "where", "change", "years", "year", "compare", "value", "reported"};
const Words kLevels = {"province", "district"};
const Words kAggregates = {"mean", "weighted_mean", "count", "share", "sum", "min", "max"};
const Words kChanges = {"per_year", "difference", "ratio"};
const Words kCompares = {"<=", ">=", "<", ">", "=="};  // two-character ones first: "=<" suggests "<="
const Words kReportedKeys = {"outcome", "source"};
const Words kTestKeys = {"name", "year", "given", "set", "expect"};
const Words kOutcomes = {"met", "not-met", "unknown"};
const Words kOutcomeKeys = {"outcome", "value"};

const TomlEntry* entry_of(const TomlValue& table, std::string_view key) {
  for (const auto& e : table.entries)
    if (e.key == key) return &e;
  return nullptr;
}

std::string date_text(const Date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

bool before(const SourceLoc& a, const SourceLoc& b) {
  return std::pair(a.line, a.column) < std::pair(b.line, b.column);
}

// Where an expression-like string is best pointed at: its first character when exact.
SourceLoc text_loc(const TomlValue& v) { return v.type == TomlValue::Type::kString && v.text.exact ? v.text.loc : v.loc; }

class RuleFileReader {
 public:
  RuleFileReader(RuleFile& out, Problems& problems) : out_(out), problems_(problems) {}

  void read(const TomlValue& root) {
    TableReader top(root, msg("config.ctx.top"), kTopKeys, problems_);
    for (const auto& e : root.entries) {
      if (e.key == "ruleset") read_ruleset(e);
      else if (e.key == "parameters") read_section(e, &RuleFileReader::read_parameter);
      else if (e.key == "derived") read_section(e, &RuleFileReader::read_derived);
      else if (e.key == "criteria") read_section(e, &RuleFileReader::read_criterion);
      else if (e.key == "classification") read_section(e, &RuleFileReader::read_classification);
      else if (e.key == "target") read_list(e, &RuleFileReader::read_target);
      else if (e.key == "test") read_list(e, &RuleFileReader::read_test);
    }
    if (!root.find("ruleset"))
      problems_.error(SourceLoc{root.loc.file, 0, 0}, msg("config.no_ruleset"), msg("config.no_ruleset.hint"));
    check_duplicate_names();
  }

 private:
  using EntryFn = void (RuleFileReader::*)(const TomlEntry&);
  using ItemFn = void (RuleFileReader::*)(const TomlValue&, int);

  // A table of named entries: [parameters], [derived], [criteria], [classification].
  void read_section(const TomlEntry& section, EntryFn fn) {
    if (section.value.type != TomlValue::Type::kTable) {
      detail::wrong_entry_type(problems_, section.value, msg("config.ctx.key", section.key), Want::kTable,
                               msg("config.section_table.hint", section.key));
      return;
    }
    for (const auto& e : section.value.entries) (this->*fn)(e);
  }

  // An array of tables: [[target]], [[test]].
  void read_list(const TomlEntry& section, ItemFn fn) {
    if (section.value.type != TomlValue::Type::kArray) {
      detail::wrong_entry_type(problems_, section.value, msg("config.ctx.key", section.key), Want::kArray,
                               msg("config.section_array.hint", section.key));
      return;
    }
    int i = 0;
    for (const auto& item : section.value.items) {
      ++i;
      if (item.type != TomlValue::Type::kTable) {
        detail::wrong_entry_type(problems_, item, msg("config.ctx.item", section.key, i), Want::kTable,
                                 msg("config.section_array.hint", section.key));
        continue;
      }
      (this->*fn)(item, i);
    }
  }

  void read_ruleset(const TomlEntry& e) {
    const TomlValue& v = e.value;
    out_.loc = v.loc;
    std::string ctx = msg("config.ctx.ruleset");
    if (v.type != TomlValue::Type::kTable) {
      detail::wrong_entry_type(problems_, v, ctx, Want::kTable, msg("config.section_table.hint", e.key));
      return;
    }
    TableReader t(v, ctx, kRulesetKeys, problems_);
    if (auto id = t.string("id")) {
      out_.id = *id;
      out_.id_loc = text_loc(*v.find("id"));
      if (id->find_first_not_of(" \t") == std::string::npos)
        problems_.error(v.find("id")->loc, msg("config.empty_value", ctx, "id"), msg("config.missing_id.hint"));
    } else if (!t.has("id")) {
      t.missing("id", msg("config.missing_id.hint"));
    }
    out_.kind = t.string("kind").value_or("");
    out_.level = t.word("level", kUnitLevels).value_or("");
    out_.status = t.word("status", kStatuses).value_or("");
    out_.title = t.text("title");
    out_.source = t.string("source").value_or("");
    out_.notes = t.string("notes").value_or("");
    if (const TomlValue* ext = t.get("extends", Want::kString)) {
      out_.extends = ext->str;
      out_.extends_loc = ext->loc;
    }
    if (const TomlValue* eff = t.get("effective", Want::kTable)) {
      TableReader et(*eff, ctx, kEffectiveKeys, problems_);
      out_.effective_from = et.date("from");
      out_.effective_until = et.date("until");
      if (!et.has("from")) et.missing("from", msg("config.missing_from.hint"));
      if (out_.effective_from && out_.effective_until && *out_.effective_until < *out_.effective_from)
        problems_.error(eff->find("until")->loc,
                        msg("config.period_reversed", ctx, date_text(*out_.effective_from), date_text(*out_.effective_until)),
                        msg("config.period_reversed.hint"));
    }
  }

  void read_parameter(const TomlEntry& e) {
    std::string ctx = msg("config.ctx.parameter", e.key);
    declare(e.key, "config.what.parameter", e.key_loc);
    if (e.value.type != TomlValue::Type::kTable) {
      detail::wrong_entry_type(problems_, e.value, ctx, Want::kTable, msg("config.parameter_table.hint", e.key));
      return;
    }
    TableReader t(e.value, ctx, kParameterKeys, problems_);
    ParameterDecl d;
    d.name = e.key;
    d.loc = e.key_loc;
    d.unit = t.string("unit").value_or("");
    d.source = t.string("source").value_or("");
    d.note = t.string("note").value_or("");
    if (t.has("value") && t.has("values")) {
      problems_.error(entry_of(e.value, "values")->key_loc, msg("config.conflicting_keys", ctx, "value", "values"),
                      msg("config.value_and_values.hint"));
    } else if (t.has("value")) {
      if (auto x = t.number("value")) d.values.push_back(ParamValue{*x, 0, 0, e.value.find("value")->loc});
    } else if (const TomlValue* list = t.get("values", Want::kArray)) {
      read_dated_values(*list, ctx, d.values);
    }
    out_.parameters.push_back(std::move(d));
  }

  void read_dated_values(const TomlValue& list, const std::string& ctx, std::vector<ParamValue>& out) {
    if (list.items.empty()) problems_.error(list.loc, msg("config.empty_list", ctx, "values"), msg("config.empty_values.hint"));
    for (const auto& item : list.items) {
      if (item.type != TomlValue::Type::kTable) {
        problems_.error(item.loc, msg("config.wrong_item_type", ctx, "values", detail::want_name(Want::kTable), detail::type_name(item)),
                        msg("config.values_item.hint"));
        continue;
      }
      TableReader t(item, ctx, kValueKeys, problems_);
      ParamValue pv;
      pv.loc = item.loc;
      pv.from_year = t.integer("from").value_or(0);
      pv.until_year = t.integer("until").value_or(0);
      auto x = t.number("value");
      if (!t.has("value")) t.missing("value", msg("config.missing_value.hint"));
      if (!x) continue;
      pv.value = *x;
      if (pv.from_year && pv.until_year && pv.until_year < pv.from_year) {
        problems_.error(item.loc, msg("config.period_reversed", ctx, pv.from_year, pv.until_year), msg("config.period_reversed.hint"));
        continue;
      }
      for (const auto& prev : out) {
        bool apart = (prev.until_year && pv.from_year && prev.until_year < pv.from_year) ||
                     (pv.until_year && prev.from_year && pv.until_year < prev.from_year);
        if (!apart) {
          problems_.error(item.loc,
                          msg("config.periods_overlap", ctx, detail::years_text(pv.from_year, pv.until_year),
                              detail::years_text(prev.from_year, prev.until_year), prev.loc.line),
                          msg("config.periods_overlap.hint"));
          break;
        }
      }
      out.push_back(pv);
    }
  }

  void read_derived(const TomlEntry& e) {
    std::string ctx = msg("config.ctx.derived", e.key);
    declare(e.key, "config.what.derived", e.key_loc);
    if (e.value.type != TomlValue::Type::kTable) {
      detail::wrong_entry_type(problems_, e.value, ctx, Want::kTable, msg("config.derived_table.hint", e.key));
      return;
    }
    TableReader t(e.value, ctx, kDerivedKeys, problems_);
    DerivedDecl d;
    d.name = e.key;
    d.loc = e.key_loc;
    if (auto x = t.expr("expr")) d.expr = *x;
    else if (!t.has("expr")) t.missing("expr", msg("config.missing_expr.hint"));
    d.unit = t.string("unit").value_or("");
    d.note = t.string("note").value_or("");
    out_.derived.push_back(std::move(d));
  }

  void read_criterion(const TomlEntry& e) {
    std::string ctx = msg("config.ctx.criterion", e.key);
    declare(e.key, "config.what.criterion", e.key_loc);
    out_.criteria.push_back(CriterionDecl{e.key, read_node(e.value, ctx), e.key_loc});
  }

  CriterionNode read_node(const TomlValue& v, const std::string& ctx) {
    using K = CriterionNode::Kind;
    CriterionNode n;
    n.loc = v.loc;
    if (v.type == TomlValue::Type::kString) {
      n.kind = K::kLeaf;
      n.expr = v.text;
      return n;
    }
    if (v.type != TomlValue::Type::kTable) {
      problems_.error(v.loc, msg("config.node_wrong_type", ctx, detail::type_name(v)), msg("config.node.hint"));
      return n;
    }
    TableReader t(v, ctx, kNodeKeys, problems_);
    n.source = t.string("source").value_or("");
    n.note = t.string("note").value_or("");
    n.title = t.text("title");
    std::vector<const TomlEntry*> kinds;
    for (const auto& e : v.entries)
      if (std::find(kNodeKinds.begin(), kNodeKinds.end(), e.key) != kNodeKinds.end()) kinds.push_back(&e);
    const TomlEntry* of = entry_of(v, "of");
    if (of && !t.has("at_least"))
      problems_.error(of->key_loc, msg("config.of_without_at_least", ctx), msg("config.of_without_at_least.hint"));
    if (kinds.empty()) {
      if (!of) problems_.error(v.loc, msg("config.node_no_kind", ctx), msg("config.node.hint"));
      return n;
    }
    if (kinds.size() > 1) {
      problems_.error(kinds[1]->key_loc, msg("config.node_two_kinds", ctx, kinds[0]->key, kinds[1]->key),
                      msg("config.node_two_kinds.hint"));
      return n;
    }
    const std::string& kind = kinds[0]->key;
    if (kind == "all" || kind == "any") {
      n.kind = kind == "all" ? K::kAll : K::kAny;
      if (const TomlValue* list = t.get(kind, Want::kArray)) n.children = read_nodes(*list, ctx, kind);
    } else if (kind == "at_least") {
      n.kind = K::kAtLeast;
      auto k = t.integer("at_least");
      if (!of) {
        problems_.error(kinds[0]->key_loc, msg("config.at_least_without_of", ctx), msg("config.at_least_without_of.hint"));
        return n;
      }
      if (const TomlValue* list = t.get("of", Want::kArray)) {
        n.children = read_nodes(*list, ctx, "of");
        int count = static_cast<int>(n.children.size());
        if (k && !n.children.empty() && (*k < 1 || *k > count))
          problems_.error(kinds[0]->value.loc, msg("config.at_least_range", ctx, *k, count), msg("config.at_least_range.hint"));
      }
      n.at_least = k.value_or(0);
    } else if (kind == "not") {
      n.kind = K::kNot;
      const TomlValue& x = kinds[0]->value;
      if (x.type == TomlValue::Type::kArray) {
        if (x.items.size() != 1)
          problems_.error(x.loc, msg("config.not_one", ctx, x.items.size()), msg("config.not_one.hint"));
        else
          n.children.push_back(read_node(x.items[0], ctx));
      } else {
        n.children.push_back(read_node(x, ctx));
      }
    } else if (kind == "expr") {
      n.kind = K::kLeaf;
      if (auto x = t.expr("expr")) n.expr = *x;
    } else {
      n.kind = K::kUnknown;
      n.unknown_note = t.string("unknown").value_or("");
    }
    return n;
  }

  std::vector<CriterionNode> read_nodes(const TomlValue& list, const std::string& ctx, const std::string& key) {
    std::vector<CriterionNode> out;
    if (list.items.empty()) problems_.error(list.loc, msg("config.empty_list", ctx, key), msg("config.empty_nodes.hint"));
    for (const auto& item : list.items) out.push_back(read_node(item, ctx));
    return out;
  }

  void read_classification(const TomlEntry& e) {
    std::string ctx = msg("config.ctx.classification", e.key);
    declare(e.key, "config.what.classification", e.key_loc);
    if (e.value.type != TomlValue::Type::kTable) {
      detail::wrong_entry_type(problems_, e.value, ctx, Want::kTable, msg("config.classification_table.hint", e.key));
      return;
    }
    TableReader t(e.value, ctx, kClassificationKeys, problems_);
    ClassificationDecl c;
    c.name = e.key;
    c.loc = e.key_loc;
    c.title = t.text("title");
    const TomlValue* order = t.get("order", Want::kArray);
    if (!t.has("order")) t.missing("order", msg("config.missing_order.hint"));
    if (order && order->items.empty())
      problems_.error(order->loc, msg("config.empty_list", ctx, "order"), msg("config.missing_order.hint"));
    if (order) {
      for (const auto& item : order->items) {
        if (item.type != TomlValue::Type::kTable) {
          problems_.error(item.loc, msg("config.wrong_item_type", ctx, "order", detail::want_name(Want::kTable), detail::type_name(item)),
                          msg("config.order_item.hint"));
          continue;
        }
        TableReader et(item, ctx, kClassEntryKeys, problems_);
        ClassEntry ce;
        ce.loc = item.loc;
        auto cls = et.string("class");
        ce.cls = cls.value_or("");
        if (!et.has("class")) et.missing("class", msg("config.missing_class.hint"));
        else if (cls && ce.cls.find_first_not_of(" \t") == std::string::npos)
          problems_.error(item.find("class")->loc, msg("config.empty_value", ctx, "class"), msg("config.missing_class.hint"));
        ce.when = et.expr("when");
        ce.fallback = et.boolean("fallback").value_or(false);
        ce.title = et.text("title");
        c.order.push_back(std::move(ce));
      }
      for (size_t i = 0; i + 1 < c.order.size(); ++i) {
        if (!c.order[i].when && !order->items[i].find("when"))
          problems_.error(c.order[i].loc, msg("config.fallback_not_last", ctx, c.order[i].cls), msg("config.fallback_not_last.hint"));
      }
    }
    out_.classifications.push_back(std::move(c));
  }

  void read_target(const TomlValue& v, int index) {
    const TomlValue* idv = v.find("id");
    std::string ctx = idv && idv->type == TomlValue::Type::kString ? msg("config.ctx.target", idv->str)
                                                                    : msg("config.ctx.item", "target", index);
    TableReader t(v, ctx, kTargetKeys, problems_);
    TargetDecl d;
    d.loc = v.loc;
    if (auto id = t.string("id")) d.id = *id;
    else if (!t.has("id")) t.missing("id", msg("config.missing_target_id.hint"));
    d.title = t.text("title");
    Text source = t.text("source");  // a string, or source.en / source.vi
    d.source = source.en;
    d.source_vi = source.vi;
    d.level = t.word("level", kLevels).value_or("province");
    d.aggregate = t.word("aggregate", kAggregates).value_or("");
    if (!t.has("aggregate")) t.missing("aggregate", detail::one_of_hint(kAggregates));
    d.of = t.expr("of");
    d.class_ref = t.string("class").value_or("");
    d.weight = t.expr("weight");
    d.where = t.expr("where");
    d.change = t.word("change", kChanges).value_or("");
    d.compare = t.word("compare", kCompares).value_or("");
    d.value = t.number("value");
    if (const TomlValue* rep = t.get("reported", Want::kTable)) {
      TableReader rt(*rep, ctx, kReportedKeys, problems_);
      Text outcome = rt.text("outcome");  // a string (English), or outcome.en / outcome.vi
      d.reported_outcome = outcome.en;
      d.reported_outcome_vi = outcome.vi;
      Text rsource = rt.text("source");
      d.reported_source = rsource.en;
      d.reported_source_vi = rsource.vi;
    }

    if (t.has("of") && t.has("class"))
      problems_.error(entry_of(v, "class")->key_loc, msg("config.conflicting_keys", ctx, "of", "class"), msg("config.of_and_class.hint"));
    if (!d.class_ref.empty() && d.class_ref.find(':') == std::string::npos)
      problems_.error(text_loc(*v.find("class")), msg("config.bad_class_ref", ctx, d.class_ref), msg("config.bad_class_ref.hint"));
    bool counting = d.aggregate == "count" || d.aggregate == "share";
    if (!d.aggregate.empty() && !t.has("of") && !(counting && t.has("class")))
      t.missing("of", msg(counting ? "config.missing_of_count.hint" : "config.missing_of.hint"));
    if (d.aggregate == "weighted_mean" && !t.has("weight")) t.missing("weight", msg("config.missing_weight.hint"));
    if (t.has("value") && !t.has("compare")) t.missing("compare", detail::one_of_hint(kCompares));

    const TomlValue* years = t.get("years", Want::kArray);
    bool bad_year = false;  // an entry already refused: no second error about the pair
    if (years) {
      for (const auto& y : years->items) {
        const bool whole = y.type == TomlValue::Type::kInteger;
        if (whole && y.integer >= std::numeric_limits<int>::min() && y.integer <= std::numeric_limits<int>::max()) {
          d.years.push_back(static_cast<int>(y.integer));
          continue;
        }
        bad_year = true;
        if (whole)
          problems_.error(y.loc, msg("config.integer_range", ctx, "years", y.integer), msg("config.integer_range.hint"));
        else
          problems_.error(y.loc, msg("config.wrong_item_type", ctx, "years", detail::want_name(Want::kInteger), detail::type_name(y)),
                          detail::want_hint(Want::kInteger));
      }
    }
    if (t.has("year") && t.has("years")) {
      problems_.error(entry_of(v, "year")->key_loc, msg("config.conflicting_keys", ctx, "year", "years"), msg("config.year_and_years.hint"));
    } else if (auto year = t.integer("year")) {
      d.years = {*year};
    }
    if (t.has("change")) {
      bool two = years && d.years.size() == 2 && years->items.size() == 2 && d.years[0] < d.years[1];
      if (!two && !bad_year) problems_.error(years ? years->loc : entry_of(v, "change")->key_loc, msg("config.change_needs_years", ctx),
                                msg("config.change_needs_years.hint"));
    } else if (years) {
      problems_.error(entry_of(v, "years")->key_loc, msg("config.years_without_change", ctx), msg("config.years_without_change.hint"));
    }
    if (!d.id.empty()) {
      for (const auto& prev : out_.targets)
        if (prev.id == d.id)
          problems_.error(text_loc(*idv), msg("config.duplicate_target", d.id, prev.loc.line), msg("config.duplicate_target.hint"));
    }
    out_.targets.push_back(std::move(d));
  }

  void read_test(const TomlValue& v, int index) {
    const TomlValue* namev = v.find("name");
    std::string ctx = namev && namev->type == TomlValue::Type::kString ? msg("config.ctx.test", namev->str)
                                                                        : msg("config.ctx.item", "test", index);
    TableReader t(v, ctx, kTestKeys, problems_);
    TestCase tc;
    tc.loc = v.loc;
    if (auto name = t.string("name")) tc.name = *name;
    else if (!t.has("name")) t.missing("name", msg("config.missing_test_name.hint"));
    tc.year = t.integer("year");
    auto numbers = [&](const char* key, std::vector<NamedValue>& out) {
      const TomlValue* table = t.get(key, Want::kTable);
      if (!table) return;
      for (const auto& e : table->entries) {
        if (e.value.is_number()) out.push_back(NamedValue{e.key, e.value.number, e.key_loc});
        else t.wrong_type(e.value, e.key, Want::kNumber);
      }
    };
    const TomlValue* given = v.find("given");
    tc.targets = given && given->type == TomlValue::Type::kArray;
    if (tc.targets) read_rows(*given, ctx, tc.rows);
    else numbers("given", tc.given);
    numbers("set", tc.set);
    const TomlValue* expect = t.get("expect", Want::kTable);
    if (expect && expect->entries.empty())
      problems_.error(expect->loc, msg("config.empty_expect", ctx), msg("config.empty_expect.hint"));
    if (expect && tc.targets) {
      for (const auto& e : expect->entries) read_target_expect(e, ctx, tc.expect_targets);
    } else if (expect) {
      for (const auto& e : expect->entries) {
        const TomlValue& x = e.value;
        if (x.type == TomlValue::Type::kString) tc.expect.push_back(Expectation{e.key, x.str, e.key_loc});
        else if (x.type == TomlValue::Type::kBool) tc.expect.push_back(Expectation{e.key, x.boolean, e.key_loc});
        else if (x.is_number()) tc.expect.push_back(Expectation{e.key, x.number, e.key_loc});
        else problems_.error(x.loc, msg("config.bad_expect", ctx, e.key, detail::type_name(x)), msg("config.bad_expect.hint"));
      }
    } else if (!t.has("expect")) {
      t.missing("expect", msg("config.missing_expect.hint"));
    }
    out_.tests.push_back(std::move(tc));
  }

  // A targets test's table: `given = [ { unit = "a", district = "D", year = 2021, x = 0.3 }, ... ]`.
  void read_rows(const TomlValue& list, const std::string& ctx, std::vector<GivenRow>& out) {
    if (list.items.empty()) problems_.error(list.loc, msg("config.empty_list", ctx, "given"), msg("config.given_row.hint"));
    for (const auto& item : list.items) {
      if (item.type != TomlValue::Type::kTable) {
        problems_.error(item.loc, msg("config.wrong_item_type", ctx, "given", detail::want_name(Want::kTable), detail::type_name(item)),
                        msg("config.given_row.hint"));
        continue;
      }
      GivenRow row;
      row.loc = item.loc;
      bool has_unit = false, has_year = false;
      for (const auto& e : item.entries) {
        const TomlValue& x = e.value;
        auto wrong = [&](Want want) {
          problems_.error(x.loc, msg("config.wrong_type", ctx, e.key, detail::want_name(want), detail::type_name(x)),
                          detail::want_hint(want));
        };
        if (e.key == "unit" || e.key == "district") {
          if (x.type != TomlValue::Type::kString) { wrong(Want::kString); continue; }
          (e.key == "unit" ? row.unit : row.district) = x.str;
          has_unit = has_unit || e.key == "unit";
        } else if (e.key == "year") {
          if (x.type != TomlValue::Type::kInteger) { wrong(Want::kInteger); continue; }
          row.year = static_cast<int>(x.integer);
          has_year = true;
        } else if (x.is_number()) {
          row.values.push_back(NamedValue{e.key, x.number, e.key_loc});
        } else {
          wrong(Want::kNumber);
        }
      }
      if (!has_unit && !item.find("unit"))
        problems_.error(item.loc, msg("config.row_missing", ctx, "unit"), msg("config.given_row.hint"));
      if (!has_year && !item.find("year"))
        problems_.error(item.loc, msg("config.row_missing", ctx, "year"), msg("config.given_row.hint"));
      if (has_unit && has_year) {
        for (const auto& prev : out)
          if (prev.unit == row.unit && prev.year == row.year) {
            problems_.error(item.loc, msg("config.row_twice", ctx, row.unit, row.year, prev.loc.line), msg("config.row_twice.hint"));
            break;
          }
      }
      out.push_back(std::move(row));
    }
  }

  // One entry of a targets test's `expect`: "target-id" = "met", = { outcome = "met", value = x },
  // or, for a district target, = { "District" = "met", ... }.
  void read_target_expect(const TomlEntry& e, const std::string& ctx, std::vector<TargetExpectation>& out) {
    auto outcome = [&](const TomlValue& x, const std::string& what, std::optional<std::string> district, const SourceLoc& loc) {
      TargetExpectation te{e.key, std::move(district), "", std::nullopt, loc};
      if (x.type == TomlValue::Type::kString) {
        te.outcome = x.str;
        if (std::find(kOutcomes.begin(), kOutcomes.end(), x.str) == kOutcomes.end()) {
          problems_.error(x.loc, msg("config.bad_outcome", ctx, what, x.str), detail::choice_hint(x.str, kOutcomes));
          return;
        }
      } else {
        TableReader ot(x, ctx, kOutcomeKeys, problems_);
        auto word = ot.word("outcome", kOutcomes);
        if (!ot.has("outcome")) ot.missing("outcome", detail::one_of_hint(kOutcomes));
        if (!word) return;
        te.outcome = *word;
        if (const TomlValue* v = x.find("value")) {
          if (v->is_number()) te.value = v->number;
          else if (v->type == TomlValue::Type::kString && v->str == "unknown") te.value = NAN;
          else {
            problems_.error(v->loc, msg("config.bad_target_value", ctx, what, detail::type_name(*v)), msg("config.bad_target_value.hint"));
            return;
          }
        }
      }
      out.push_back(std::move(te));
    };
    const TomlValue& x = e.value;
    if (x.type == TomlValue::Type::kString || (x.type == TomlValue::Type::kTable && (x.find("outcome") || x.find("value")))) {
      outcome(x, e.key, std::nullopt, e.key_loc);
    } else if (x.type == TomlValue::Type::kTable && x.entries.empty()) {
      problems_.error(x.loc, msg("config.empty_list", ctx, e.key), msg("config.bad_target_expect.hint"));
    } else if (x.type == TomlValue::Type::kTable) {
      for (const auto& d : x.entries) {
        const TomlValue& y = d.value;
        if (y.type == TomlValue::Type::kString || y.type == TomlValue::Type::kTable)
          outcome(y, e.key + " (" + d.key + ")", d.key, d.key_loc);
        else
          problems_.error(y.loc, msg("config.bad_target_expect", ctx, e.key + " (" + d.key + ")", detail::type_name(y)),
                          msg("config.bad_target_expect.hint"));
      }
    } else {
      problems_.error(x.loc, msg("config.bad_target_expect", ctx, e.key, detail::type_name(x)), msg("config.bad_target_expect.hint"));
    }
  }

  struct Name {
    std::string name;
    std::string what;  // message id
    SourceLoc loc;
  };

  void declare(const std::string& name, std::string what, const SourceLoc& loc) { names_.push_back({name, std::move(what), loc}); }

  // One name space for parameters, derived indicators, criteria and classifications: a name
  // used twice is reported at its later use.
  void check_duplicate_names() {
    std::stable_sort(names_.begin(), names_.end(), [](const Name& a, const Name& b) { return before(a.loc, b.loc); });
    std::unordered_map<std::string, size_t> first;  // name -> its first use
    for (size_t i = 0; i < names_.size(); ++i) {
      auto [it, added] = first.try_emplace(names_[i].name, i);
      if (added) continue;
      const Name& j = names_[it->second];
      problems_.error(names_[i].loc, msg("config.duplicate_name", names_[i].name, msg(j.what), j.loc.line),
                      msg("config.duplicate_name.hint"));
    }
  }

  RuleFile& out_;
  Problems& problems_;
  std::vector<Name> names_;
};

}  // namespace

RuleFile parse_rule_file(const std::string& path, std::string_view text) {
  std::string checked = diag::checked_text(path, std::string(text));
  auto file = diag::SourceFile::from_text(path, checked);
  TomlValue root = detail::parse_toml(file, checked);
  RuleFile out;
  out.path = path;
  out.loc = SourceLoc{file, 0, 0};
  Problems problems;
  RuleFileReader(out, problems).read(root);
  problems.throw_if_errors();
  return out;
}

RuleFile read_rule_file(const std::string& path) {
  std::string text = diag::read_file(path);
  return parse_rule_file(diag::input_name(path), text);
}

}  // namespace lotrinh::config
