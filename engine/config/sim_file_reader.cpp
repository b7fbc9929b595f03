#include "config/sim_file_reader.h"

#include <filesystem>
#include <set>

#include "config/table_reader.h"
#include "config/toml_tree.h"
#include "diag/messages.h"
#include "diag/text_file.h"

namespace lotrinh::config {
namespace {

using detail::Problems;
using detail::TableReader;
using detail::TomlValue;
using detail::Want;
using diag::msg;
using diag::SourceLoc;
using Words = std::vector<std::string>;

const Words kModelTop = {"model", "parameters", "terms", "state", "spillover", "shocks", "noise", "conversion"};
const Words kModelKeys = {"id", "title", "notes", "poverty"};
const Words kParamKeys = {"value", "unit", "meaning", "source", "distribution", "range", "sd", "note"};
const Words kDistributions = {"fixed", "uniform", "triangular", "normal"};
const Words kStateKeys = {"update", "held", "note", "merge"};
const Words kMergeRules = {"sum", "household_weighted", "population_weighted", "max", "min", "any"};
const Words kSpillKeys = {"of"};
const Words kShockKeys = {"probability", "scope", "note", "source", "title"};
const Words kScopes = {"province", "district", "district_and_neighbours"};
const Words kNoiseKeys = {"sd"};
const Words kConversionKeys = {"alias", "year", "factor", "source", "note"};

const Words kScenarioTop = {"scenario", "rules", "budget", "allocation", "assumption", "event", "target", "calibration", "list", "workdays"};
const Words kWorkdaysKeys = {"id", "source", "from", "until", "workdays", "basis", "note"};
const Words kWorkdaysBases = {"reported", "derived", "estimated", "assumed"};
const Words kListKeys = {"name", "data_year", "rules_year"};
const Words kScenarioKeys = {"id", "title", "data", "model", "start_year", "end_year", "runs", "seed",
                             "classification", "region_iii", "holding_back_exclude", "parameters", "targets"};
const Words kTargetKeys = {"name", "year", "state", "where", "weight", "reported", "source", "fit"};
const Words kWeights = {"households", "none"};
const Words kCalibrationKeys = {"fit", "output"};
const Words kRulesKeys = {"id", "from", "until", "assumption"};
const Words kBudgetKeys = {"id", "source", "purpose", "from", "until", "amount_vnd", "allocation"};
const Words kBudgetAllocations = {"twinning"};
const Words kAllocationKeys = {"method", "strategy", "formula", "table", "objective", "floor_vnd", "cap_vnd", "increment_vnd", "communes"};
const Words kAllocationMethods = {"formula", "table", "equal", "per-capita", "per-poor-household", "greedy", "lp"};
const Words kObjectives = {"population-weighted-poverty"};
const Words kAssumptionKeys = {"name", "value", "text"};
const Words kEventKeys = {"kind", "year", "until", "from", "to", "paved_share", "agency", "cost_vnd", "cost_per_household_vnd",
                          "households", "poor_households", "budget", "source", "communes", "note"};
const Words kEventKinds = {"road_paved", "merger", "twinning_reassign", "housing", "resettlement"};

/// The items of an array of tables `key` (a missing key gives none).
std::vector<const TomlValue*> table_items(const TomlValue& root, const std::string& key, Problems& p) {
  std::vector<const TomlValue*> out;
  const TomlValue* list = root.find(key);
  if (!list) return out;
  if (list->type != TomlValue::Type::kArray) {
    detail::wrong_entry_type(p, *list, msg("config.ctx.key", key), Want::kArray, msg("config.section_array.hint", key));
    return out;
  }
  int i = 0;
  for (const auto& item : list->items) {
    ++i;
    if (item.type != TomlValue::Type::kTable) {
      detail::wrong_entry_type(p, item, msg("config.ctx.item", key, i), Want::kTable, msg("config.section_array.hint", key));
      continue;
    }
    out.push_back(&item);
  }
  return out;
}

/// The entries of a table of tables `key`, each checked to be a table.
template <class F>
void each_entry(const TomlValue& root, const std::string& key, Problems& p, F&& f) {
  const TomlValue* t = root.find(key);
  if (!t) return;
  if (t->type != TomlValue::Type::kTable) {
    detail::wrong_entry_type(p, *t, msg("config.ctx.key", key), Want::kTable, detail::want_hint(Want::kTable));
    return;
  }
  for (const auto& e : t->entries) f(e);
}

// A text given as a string (English) or as `key.en` / `key.vi` (the Vietnamese shown under
// --lang vi).
void both(const TableReader& t, const char* key, std::string& en, std::string& vi) {
  Text x = t.text(key);
  en = x.en;
  vi = x.vi;
}

class ModelReader {
 public:
  ModelReader(ModelFile& out, Problems& p) : out_(out), p_(p) {}

  void read(const TomlValue& root) {
    TableReader top(root, msg("config.ctx.top"), kModelTop, p_);
    if (const TomlValue* m = top.get("model", Want::kTable)) {
      TableReader t(*m, "[model]", kModelKeys, p_);
      out_.id = t.string("id").value_or("");
      if (!t.has("id")) t.missing("id", msg("sim.model.id.hint"));
      both(t, "title", out_.title, out_.title_vi);
      out_.notes = t.string("notes").value_or("");
      out_.poverty = t.string("poverty").value_or("");
      if (!t.has("poverty")) t.missing("poverty", msg("sim.model.poverty.hint"));
    } else if (!top.has("model")) {
      top.missing("model", msg("sim.model.section.hint"));
    }
    each_entry(root, "parameters", p_, [&](const detail::TomlEntry& e) { parameter(e); });
    each_entry(root, "terms", p_, [&](const detail::TomlEntry& e) {
      if (e.value.type != TomlValue::Type::kString) {
        detail::wrong_entry_type(p_, e.value, msg("sim.ctx.term", e.key), Want::kString, detail::want_hint(Want::kString));
        return;
      }
      out_.terms.push_back({e.key, e.value.text, e.key_loc});
    });
    each_entry(root, "state", p_, [&](const detail::TomlEntry& e) { state(e); });
    each_entry(root, "spillover", p_, [&](const detail::TomlEntry& e) {
      if (!is_table(e, msg("sim.ctx.spillover", e.key))) return;
      TableReader t(e.value, msg("sim.ctx.spillover", e.key), kSpillKeys, p_);
      ModelSpillover s{e.key, t.string("of").value_or(""), e.key_loc};
      if (!t.has("of")) t.missing("of", msg("sim.spillover.of.hint"));
      out_.spillovers.push_back(s);
    });
    each_entry(root, "shocks", p_, [&](const detail::TomlEntry& e) { shock(e); });
    each_entry(root, "noise", p_, [&](const detail::TomlEntry& e) {
      if (!is_table(e, msg("sim.ctx.noise", e.key))) return;
      TableReader t(e.value, msg("sim.ctx.noise", e.key), kNoiseKeys, p_);
      ModelNoise n{e.key, t.number("sd").value_or(0), e.key_loc};
      if (!t.has("sd")) t.missing("sd", msg("sim.noise.sd.hint"));
      if (n.sd < 0) p_.error(e.value.find("sd")->loc, msg("sim.negative", msg("sim.ctx.noise", e.key), "sd"), msg("sim.negative.hint"));
      out_.noises.push_back(n);
    });
    for (const TomlValue* v : table_items(root, "conversion", p_)) {
      TableReader t(*v, msg("config.ctx.key", "conversion"), kConversionKeys, p_);
      ModelConversion c;
      c.loc = v->loc;
      c.alias = t.string("alias").value_or("");
      if (!t.has("alias")) t.missing("alias", msg("sim.conversion.hint"));
      c.year = t.integer("year").value_or(0);
      if (!t.has("year")) t.missing("year", msg("sim.conversion.hint"));
      c.factor = t.number("factor").value_or(1);
      if (!t.has("factor")) t.missing("factor", msg("sim.conversion.hint"));
      both(t, "source", c.source, c.source_vi);
      if (!t.has("source")) t.missing("source", msg("sim.source.hint"));
      both(t, "note", c.note, c.note_vi);
      out_.conversions.push_back(c);
    }
  }

 private:
  bool is_table(const detail::TomlEntry& e, const std::string& ctx) {
    if (e.value.type == TomlValue::Type::kTable) return true;
    detail::wrong_entry_type(p_, e.value, ctx, Want::kTable, detail::want_hint(Want::kTable));
    return false;
  }

  void parameter(const detail::TomlEntry& e) {
    std::string ctx = msg("config.ctx.parameter", e.key);
    if (!is_table(e, ctx)) return;
    TableReader t(e.value, ctx, kParamKeys, p_);
    ModelParameter m;
    m.name = e.key;
    m.loc = e.key_loc;
    m.value = t.number("value").value_or(0);
    if (!t.has("value")) t.missing("value", msg("sim.param.value.hint"));
    m.unit = t.string("unit").value_or("");
    m.meaning = t.string("meaning").value_or("");
    if (!t.has("meaning")) t.missing("meaning", msg("sim.param.meaning.hint"));
    m.source = t.string("source").value_or("");
    if (!t.has("source")) t.missing("source", msg("sim.source.hint"));
    m.distribution = t.word("distribution", kDistributions).value_or("fixed");
    m.low = m.high = m.value;
    if (const TomlValue* r = t.get("range", Want::kArray)) {
      if (r->items.size() != 2 || !r->items[0].is_number() || !r->items[1].is_number()) {
        p_.error(r->loc, msg("sim.param.range", ctx), msg("sim.param.range.hint"));
      } else {
        m.low = r->items[0].number;
        m.high = r->items[1].number;
        if (!(m.low <= m.value && m.value <= m.high))
          p_.error(r->loc, msg("sim.param.outside_range", ctx, m.value, m.low, m.high), msg("sim.param.range.hint"));
      }
    } else if (m.distribution != "fixed" && !t.has("range")) {
      t.missing("range", msg("sim.param.range.hint"));
    }
    m.sd = t.number("sd").value_or(0);
    if (m.distribution == "normal" && !t.has("sd")) t.missing("sd", msg("sim.param.sd.hint"));
    if (m.sd < 0) p_.error(e.value.find("sd")->loc, msg("sim.negative", ctx, "sd"), msg("sim.negative.hint"));
    out_.parameters.push_back(m);
  }

  void state(const detail::TomlEntry& e) {
    std::string ctx = msg("sim.ctx.state", e.key);
    if (!is_table(e, ctx)) return;
    TableReader t(e.value, ctx, kStateKeys, p_);
    ModelState s;
    s.id = e.key;
    s.loc = e.key_loc;
    s.update = t.expr("update");
    bool held = t.boolean("held").value_or(false);
    s.note = t.string("note").value_or("");
    s.merge = t.word("merge", kMergeRules).value_or("");
    if (s.update && held)
      p_.error(e.value.find("held")->loc, msg("sim.state.both", ctx), msg("sim.state.both.hint"));
    if (!s.update && !held && !t.has("update")) p_.error(e.value.loc, msg("sim.state.neither", ctx), msg("sim.state.both.hint"));
    out_.states.push_back(s);
  }

  void shock(const detail::TomlEntry& e) {
    std::string ctx = msg("sim.ctx.shock", e.key);
    if (!is_table(e, ctx)) return;
    TableReader t(e.value, ctx, kShockKeys, p_);
    ModelShock s;
    s.name = e.key;
    s.loc = e.key_loc;
    s.probability = t.number("probability").value_or(0);
    if (!t.has("probability")) t.missing("probability", msg("sim.shock.probability.hint"));
    else if (s.probability < 0 || s.probability > 1)
      p_.error(e.value.find("probability")->loc, msg("sim.shock.probability", ctx, s.probability),
               msg("sim.shock.probability.hint"));
    s.scope = t.word("scope", kScopes).value_or("province");
    both(t, "title", s.title, s.title_vi);
    s.note = t.string("note").value_or("");
    s.source = t.string("source").value_or("");
    if (!t.has("source")) t.missing("source", msg("sim.source.hint"));
    out_.shocks.push_back(s);
  }

  ModelFile& out_;
  Problems& p_;
};

class ScenarioReader {
 public:
  ScenarioReader(ScenarioFile& out, Problems& p) : out_(out), p_(p) {}

  void read(const TomlValue& root) {
    TableReader top(root, msg("config.ctx.top"), kScenarioTop, p_);
    out_.loc = SourceLoc{root.loc.file, 0, 0};
    if (const TomlValue* s = top.get("scenario", Want::kTable)) {
      TableReader t(*s, "[scenario]", kScenarioKeys, p_);
      out_.id = t.string("id").value_or("");
      both(t, "title", out_.title, out_.title_vi);
      required_string(t, "data", out_.data);
      required_string(t, "model", out_.model);
      out_.start_year = t.integer("start_year").value_or(0);
      if (!t.has("start_year")) t.missing("start_year", msg("sim.scenario.years.hint"));
      out_.end_year = t.integer("end_year").value_or(0);
      if (!t.has("end_year")) t.missing("end_year", msg("sim.scenario.years.hint"));
      if (t.has("start_year") && t.has("end_year") && out_.end_year <= out_.start_year)
        p_.error(s->find("end_year")->loc, msg("sim.scenario.years", out_.start_year, out_.end_year),
                 msg("sim.scenario.years.hint"));
      out_.runs = t.integer("runs").value_or(100);
      if (out_.runs < 1) p_.error(s->find("runs")->loc, msg("sim.scenario.runs", out_.runs), msg("sim.scenario.runs.hint"));
      if (auto seed = t.integer("seed")) out_.seed = static_cast<std::uint64_t>(*seed);
      out_.classification = t.string("classification").value_or("region");
      out_.region_iii = t.string("region_iii").value_or("III");
      out_.parameters = t.string("parameters").value_or("");
      if (const TomlValue* x = t.get("holding_back_exclude", Want::kArray))
        for (const auto& item : x->items)
          if (item.type == TomlValue::Type::kString) out_.holding_back_exclude.push_back(item.str);
      if (const TomlValue* x = t.get("targets", Want::kArray)) {
        // The targets rule sets the runs check (instead of the province manifest's).
        out_.target_sets.emplace();
        out_.target_sets_loc = x->loc;
        for (const auto& item : x->items)
          if (item.type == TomlValue::Type::kString) out_.target_sets->push_back(item.str);
      }
    } else if (!top.has("scenario")) {
      top.missing("scenario", msg("sim.scenario.section.hint"));
    }
    for (const TomlValue* v : table_items(root, "rules", p_)) {
      TableReader t(*v, msg("config.ctx.key", "rules"), kRulesKeys, p_);
      ScenarioRules r;
      r.loc = v->loc;
      required_string(t, "id", r.id);
      r.from = t.integer("from").value_or(0);
      r.until = t.integer("until").value_or(0);
      if (!t.has("from")) t.missing("from", msg("sim.rules.hint"));
      if (!t.has("until")) t.missing("until", msg("sim.rules.hint"));
      both(t, "assumption", r.assumption, r.assumption_vi);
      out_.rules.push_back(r);
    }
    std::set<std::string> budget_ids;
    for (const TomlValue* v : table_items(root, "budget", p_)) {
      TableReader t(*v, msg("config.ctx.key", "budget"), kBudgetKeys, p_);
      ScenarioBudget b;
      b.loc = v->loc;
      required_string(t, "id", b.id);
      if (!b.id.empty() && !budget_ids.insert(b.id).second)
        p_.error(v->find("id")->loc, msg("sim.budget.duplicate", b.id), msg("sim.budget.duplicate.hint"));
      required_string(t, "source", b.source);
      if (auto p = t.word("purpose", spending_purposes())) b.purpose = *p;
      else if (!t.has("purpose")) t.missing("purpose", detail::one_of_hint(spending_purposes()));
      b.from = t.integer("from").value_or(0);
      b.until = t.integer("until").value_or(0);
      if (!t.has("from")) t.missing("from", msg("sim.budget.hint"));
      if (!t.has("until")) t.missing("until", msg("sim.budget.hint"));
      if (const TomlValue* a = t.get("amount_vnd", Want::kInteger)) {
        b.amount_vnd = a->integer;
        b.amount_loc = a->loc;
        if (b.amount_vnd < 0) p_.error(a->loc, msg("sim.budget.negative", b.id, b.amount_vnd), msg("sim.budget.negative.hint"));
      } else if (!t.has("amount_vnd")) {
        t.missing("amount_vnd", msg("sim.budget.hint"));
      }
      b.allocation = t.word("allocation", kBudgetAllocations).value_or("");
      out_.budget.push_back(b);
    }
    for (const TomlValue* v : table_items(root, "workdays", p_)) {
      // The twinning agencies' workdays: the same number each year of [from, until], split
      // equally among the agencies active that year, each part to the commune it is twinned with.
      TableReader t(*v, msg("config.ctx.key", "workdays"), kWorkdaysKeys, p_);
      ScenarioWorkdays w;
      w.loc = v->loc;
      required_string(t, "id", w.id);
      both(t, "source", w.source, w.source_vi);
      if (!t.has("source")) t.missing("source", msg("sim.required.hint", "source"));
      w.from = t.integer("from").value_or(0);
      w.until = t.integer("until").value_or(0);
      if (!t.has("from")) t.missing("from", msg("sim.budget.hint"));
      if (!t.has("until")) t.missing("until", msg("sim.budget.hint"));
      if (const TomlValue* a = t.get("workdays", Want::kInteger)) {
        w.workdays = a->integer;
        if (w.workdays < 0) p_.error(a->loc, msg("sim.workdays.negative", w.id, w.workdays), msg("sim.workdays.negative.hint"));
      } else if (!t.has("workdays")) {
        t.missing("workdays", msg("sim.workdays.hint"));
      }
      w.basis = t.word("basis", kWorkdaysBases).value_or("");
      if (!t.has("basis")) t.missing("basis", detail::one_of_hint(kWorkdaysBases));
      both(t, "note", w.note, w.note_vi);
      out_.workdays.push_back(w);
    }
    if (const TomlValue* a = top.get("allocation", Want::kTable)) {
      TableReader t(*a, "[allocation]", kAllocationKeys, p_);
      out_.allocation_loc = a->loc;
      const char* key = t.has("strategy") ? "strategy" : "method";
      out_.allocation = t.word(key, kAllocationMethods).value_or(t.has(key) ? "" : "formula");
      out_.objective = t.word("objective", kObjectives).value_or("");
      if (out_.allocation == "lp" && !t.has("objective")) t.missing("objective", msg("sim.strategy.objective.hint"));
      for (auto [key, field] : {std::pair{"floor_vnd", &out_.floor_vnd}, {"cap_vnd", &out_.cap_vnd}, {"increment_vnd", &out_.increment_vnd}}) {
        const TomlValue* v = t.get(key, Want::kInteger);
        if (!v) continue;
        if (v->integer < 0) p_.error(v->loc, msg("sim.strategy.negative", key, v->integer), msg("sim.budget.negative.hint"));
        else *field = v->integer;
      }
      if (const TomlValue* x = t.get("communes", Want::kArray))
        for (const auto& item : x->items)
          if (item.type == TomlValue::Type::kString) {
            out_.allocation_communes.push_back(item.str);
            out_.allocation_communes_loc.push_back(item.loc);
          }
      if (out_.cap_vnd >= 0 && out_.floor_vnd > out_.cap_vnd)
        p_.error(a->loc, msg("sim.strategy.floor_cap", out_.floor_vnd, out_.cap_vnd), msg("sim.strategy.floor_cap.hint"));
      out_.formula = t.expr("formula");
      out_.allocation_table = t.string("table").value_or("");
      if (out_.allocation == "formula" && !out_.formula) t.missing("formula", msg("sim.allocation.hint"));
      if (out_.allocation == "table" && out_.allocation_table.empty()) t.missing("table", msg("sim.allocation.hint"));
    } else if (!top.has("allocation")) {
      top.missing("allocation", msg("sim.allocation.hint"));
    }
    for (const TomlValue* v : table_items(root, "assumption", p_)) {
      TableReader t(*v, msg("config.ctx.key", "assumption"), kAssumptionKeys, p_);
      ScenarioAssumption a;
      a.loc = v->loc;
      required_string(t, "name", a.name);
      a.value = t.number("value").value_or(0);
      if (!t.has("value")) t.missing("value", msg("sim.assumption.hint"));
      both(t, "text", a.text, a.text_vi);
      if (!t.has("text")) t.missing("text", msg("sim.required.hint", "text"));
      out_.assumptions.push_back(a);
    }
    for (const TomlValue* v : table_items(root, "list", p_)) {
      TableReader t(*v, msg("config.ctx.key", "list"), kListKeys, p_);
      ScenarioList l;
      l.loc = v->loc;
      required_string(t, "name", l.name);
      l.data_year = t.integer("data_year").value_or(0);
      l.rules_year = t.integer("rules_year").value_or(0);
      if (!t.has("data_year")) t.missing("data_year", msg("sim.list.hint"));
      if (!t.has("rules_year")) t.missing("rules_year", msg("sim.list.hint"));
      out_.lists.push_back(l);
    }
    for (const TomlValue* v : table_items(root, "target", p_)) {
      TableReader t(*v, msg("config.ctx.key", "target"), kTargetKeys, p_);
      ScenarioTarget g;
      g.loc = v->loc;
      both(t, "name", g.name, g.name_vi);  // a string, or name.en / name.vi (and source likewise)
      if (!t.has("name")) t.missing("name", msg("sim.required.hint", "name"));
      required_string(t, "state", g.state);
      both(t, "source", g.source, g.source_vi);
      if (!t.has("source")) t.missing("source", msg("sim.required.hint", "source"));
      g.year = t.integer("year").value_or(0);
      if (!t.has("year")) t.missing("year", msg("sim.target.hint"));
      g.where = t.expr("where");
      g.weight = t.word("weight", kWeights).value_or("households");
      g.reported = t.number("reported").value_or(0);
      if (!t.has("reported")) t.missing("reported", msg("sim.target.hint"));
      g.fit = t.boolean("fit").value_or(true);
      out_.targets.push_back(g);
    }
    if (const TomlValue* c = top.get("calibration", Want::kTable)) {
      TableReader t(*c, "[calibration]", kCalibrationKeys, p_);
      out_.fit_loc = c->loc;
      if (const TomlValue* f = t.get("fit", Want::kArray))
        for (const auto& item : f->items)
          if (item.type == TomlValue::Type::kString) out_.fit.push_back(item.str);
      out_.calibration_output = t.string("output").value_or("");
    }
    for (const TomlValue* v : table_items(root, "event", p_)) {
      TableReader t(*v, msg("config.ctx.key", "event"), kEventKeys, p_);
      ScenarioEvent e;
      e.loc = v->loc;
      e.kind = t.word("kind", kEventKinds).value_or("");
      if (!t.has("kind")) t.missing("kind", detail::one_of_hint(kEventKinds));
      e.year = t.integer("year").value_or(0);
      if (!t.has("year")) t.missing("year", msg("sim.event.hint"));
      const bool housing = e.kind == "housing", resettlement = e.kind == "resettlement";
      if (e.kind != "merger" && !housing) {
        required_string(t, "from", e.from);
        required_string(t, "to", e.to);
        if (const TomlValue* x = v->find("from")) e.from_loc = x->loc;
        if (const TomlValue* x = v->find("to")) e.to_loc = x->loc;
      }
      e.paved_share = t.number("paved_share").value_or(1);
      if (e.kind == "twinning_reassign") required_string(t, "agency", e.agency);
      costed_event(t, *v, e, housing, resettlement);
      out_.events.push_back(e);
    }
  }

 private:
  // The keys of an event that costs money: road_paved (cost optional), housing, resettlement.
  void costed_event(const TableReader& t, const TomlValue& v, ScenarioEvent& e, bool housing, bool resettlement) {
    const std::string ctx = msg("sim.ctx.event", e.kind, e.year);
    auto whole = [&](const char* key, std::int64_t& out, diag::SourceLoc* at) {
      const TomlValue* x = t.get(key, Want::kInteger);
      if (!x) return false;
      if (at) *at = x->loc;
      if (x->integer < 0) {
        p_.error(x->loc, msg("sim.event.negative", ctx, key, x->integer), msg("sim.event.negative.hint"));
        return false;
      }
      out = x->integer;
      return true;
    };
    const bool can_cost = housing || resettlement || e.kind == "road_paved";
    if (!can_cost) {
      // A merger or a reassignment is not paid for here.
      for (const char* key : {"cost_vnd", "cost_per_household_vnd", "budget", "households", "poor_households", "communes", "until"})
        if (const TomlValue* x = v.find(key)) p_.error(x->loc, msg("sim.event.no_such_key", e.kind, key), msg("sim.event.costed.hint"));
      return;
    }
    if (!housing && !resettlement)
      for (const char* key : {"cost_per_household_vnd", "households", "poor_households", "communes", "until"})
        if (const TomlValue* x = v.find(key)) p_.error(x->loc, msg("sim.event.no_such_key", e.kind, key), msg("sim.event.costed.hint"));
    if (housing) {
      if (const TomlValue* x = t.get("communes", Want::kArray)) {
        for (const auto& item : x->items)
          if (item.type == TomlValue::Type::kString) {
            e.communes.push_back(item.str);
            e.communes_loc.push_back(item.loc);
          } else {
            detail::wrong_entry_type(p_, item, msg("config.ctx.key", "communes"), Want::kString, detail::want_hint(Want::kString));
          }
        if (x->items.empty()) p_.error(x->loc, msg("sim.event.no_communes", ctx), msg("sim.event.housing.hint"));
      } else if (!t.has("communes")) {
        t.missing("communes", msg("sim.event.housing.hint"));
      }
      if (const TomlValue* x = t.get("until", Want::kInteger)) {
        e.until = static_cast<int>(x->integer);
        if (e.until < e.year) p_.error(x->loc, msg("sim.event.until", ctx, e.until), msg("sim.event.housing.hint"));
      }
    }
    const bool has_households = whole("households", e.households, &e.households_loc);
    if (resettlement && !t.has("households")) t.missing("households", msg("sim.event.resettlement.hint"));
    if (resettlement && has_households && e.households == 0)
      p_.error(e.households_loc, msg("sim.event.no_households", ctx), msg("sim.event.resettlement.hint"));
    if (resettlement && whole("poor_households", e.poor_households, nullptr) && e.poor_households > e.households)
      p_.error(v.find("poor_households")->loc, msg("sim.event.poor_over", ctx, e.poor_households, e.households),
               msg("sim.event.resettlement.hint"));
    const bool has_cost = whole("cost_vnd", e.cost_vnd, &e.cost_loc);
    diag::SourceLoc per_loc;
    const bool has_per = whole("cost_per_household_vnd", e.cost_per_household_vnd, &per_loc);
    if (has_per) {
      if (!v.find("households") && !resettlement) t.missing("households", msg("sim.event.per_household.hint"));
      std::int64_t product = 0;
      if (__builtin_mul_overflow(e.households, e.cost_per_household_vnd, &product)) {
        p_.error(per_loc, msg("sim.event.cost_overflow", ctx, e.households, e.cost_per_household_vnd), msg("sim.event.negative.hint"));
      } else if (has_cost && product != e.cost_vnd) {
        p_.error(e.cost_loc, msg("sim.event.cost_product", ctx, e.cost_vnd, e.households, e.cost_per_household_vnd, product),
                 msg("sim.event.per_household.hint"));
      } else if (!has_cost) {
        e.cost_vnd = product;
        e.cost_loc = per_loc;
      }
    }
    const bool priced = t.has("cost_vnd") || t.has("cost_per_household_vnd");
    if ((housing || resettlement) && !priced) t.missing("cost_vnd", msg("sim.event.cost.hint"));
    if (priced || housing || resettlement) {
      if (auto b = t.string("budget")) {
        e.budget = *b;
        e.budget_loc = v.find("budget")->loc;
      } else if (!t.has("budget")) {
        t.missing("budget", msg("sim.event.budget.hint"));
      }
      both(t, "source", e.source, e.source_vi);  // a string, or source.en / source.vi
      if (!t.has("source")) t.missing("source", msg("sim.required.hint", "source"));
    } else if (const TomlValue* x = v.find("budget")) {
      p_.error(x->loc, msg("sim.event.budget_no_cost", ctx), msg("sim.event.cost.hint"));
    }
  }

  void required_string(const TableReader& t, const char* key, std::string& out) {
    if (auto s = t.string(key)) out = *s;
    else if (!t.has(key)) t.missing(key, msg("sim.required.hint", key));
  }

  ScenarioFile& out_;
  Problems& p_;
};

TomlValue parse_root(const std::string& path, std::string_view text) {
  std::string checked = diag::checked_text(path, std::string(text));
  auto file = diag::SourceFile::from_text(path, checked);
  return detail::parse_toml(file, checked);
}

}  // namespace

const std::vector<std::string>& spending_purposes() {
  static const std::vector<std::string> p = {"infrastructure", "production", "social", "housing"};
  return p;
}

ModelFile parse_model_file(const std::string& path, std::string_view text) {
  TomlValue root = parse_root(path, text);
  ModelFile out;
  out.path = path;
  Problems problems;
  ModelReader(out, problems).read(root);
  problems.throw_if_errors();
  return out;
}

ModelFile read_model_file(const std::string& path) { return parse_model_file(path, diag::read_file(path)); }

ScenarioFile parse_scenario_file(const std::string& path, std::string_view text) {
  TomlValue root = parse_root(path, text);
  ScenarioFile out;
  out.path = path;
  out.dir = std::filesystem::path(path).parent_path().string();
  Problems problems;
  ScenarioReader(out, problems).read(root);
  problems.throw_if_errors();
  return out;
}

ScenarioFile read_scenario_file(const std::string& path) { return parse_scenario_file(path, diag::read_file(path)); }

std::vector<ParameterValue> read_parameter_values(const std::string& path) {
  TomlValue root = parse_root(path, diag::read_file(path));
  Problems problems;
  TableReader top(root, msg("config.ctx.top"), {"parameters", "fitted"}, problems);
  std::vector<ParameterValue> out;
  if (const TomlValue* ps = top.get("parameters", Want::kTable)) {
    for (const auto& e : ps->entries) {
      if (!e.value.is_number()) {
        detail::wrong_entry_type(problems, e.value, msg("config.ctx.parameter", e.key), Want::kNumber, detail::want_hint(Want::kNumber));
        continue;
      }
      out.push_back({e.key, e.value.number, e.key_loc});
    }
  } else if (!top.has("parameters")) {
    top.missing("parameters", msg("sim.parameters_file.hint"));
  }
  problems.throw_if_errors();
  return out;
}

}  // namespace lotrinh::config
