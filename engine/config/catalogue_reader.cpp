#include "config/catalogue_reader.h"

#include <algorithm>

#include "config/table_reader.h"
#include "config/toml_tree.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "diag/text_file.h"

namespace lotrinh::config {
namespace {

using detail::Problems;
using detail::TableReader;
using detail::TomlEntry;
using detail::TomlValue;
using detail::Want;
using diag::msg;

using Words = std::vector<std::string>;
const Words kTopKeys = {"indicators", "aliases"};
const Words kIndicatorKeys = {"name", "unit", "range", "csv_unit", "standard", "aggregate", "weight", "note"};
const Words kAliasKeys = {"name", "periods"};
const Words kPeriodKeys = {"from", "until", "indicator"};
const Words kCsvUnits = {"percent"};
const Words kAggregations = {"none", "sum", "weighted", "max", "min", "any"};

data::Aggregation aggregation_of(const std::string& word) {
  using A = data::Aggregation;
  if (word == "sum") return A::kSum;
  if (word == "weighted") return A::kWeighted;
  if (word == "max") return A::kMax;
  if (word == "min") return A::kMin;
  if (word == "any") return A::kAny;
  return A::kNone;
}

// The entries of a top-level table, or none (reporting a wrong type).
const std::vector<TomlEntry>* section(const TomlValue& root, const char* key, Problems& problems) {
  const TomlValue* v = root.find(key);
  if (!v) return nullptr;
  if (v->type != TomlValue::Type::kTable) {
    detail::wrong_entry_type(problems, *v, msg("config.ctx.key", key), Want::kTable, msg("config.section_table.hint", key));
    return nullptr;
  }
  return &v->entries;
}

void read_name(const TableReader& t, std::string& vi, std::string& en) {
  Text name = t.text("name");
  vi = name.vi;
  en = name.en;
}

data::Indicator read_indicator(const TomlEntry& e, Problems& problems) {
  data::Indicator ind;
  ind.id = e.key;
  ind.loc = e.key_loc;
  std::string ctx = msg("config.ctx.indicator", e.key);
  if (e.value.type != TomlValue::Type::kTable) {
    detail::wrong_entry_type(problems, e.value, ctx, Want::kTable, msg("config.indicator_table.hint", e.key));
    return ind;
  }
  TableReader t(e.value, ctx, kIndicatorKeys, problems);
  read_name(t, ind.name_vi, ind.name_en);
  ind.unit = t.string("unit").value_or("");
  ind.csv_unit = t.word("csv_unit", kCsvUnits).value_or("");
  ind.standard = t.string("standard").value_or("");
  ind.aggregation = aggregation_of(t.word("aggregate", kAggregations).value_or("none"));
  ind.weight = t.string("weight").value_or("");
  if (ind.aggregation == data::Aggregation::kWeighted && !t.has("weight"))
    t.missing("weight", msg("config.indicator_weight.hint"));
  if (ind.aggregation != data::Aggregation::kWeighted && t.has("weight"))
    problems.error(e.value.find("weight")->loc, msg("config.weight_unweighted", ctx), msg("config.weight_unweighted.hint"));
  ind.note = t.string("note").value_or("");
  if (const TomlValue* range = t.get("range", Want::kArray)) {
    bool ok = range->items.size() == 2 && range->items[0].is_number() && range->items[1].is_number();
    if (!ok) {
      problems.error(range->loc, msg("config.bad_range", ctx), msg("config.bad_range.hint"));
    } else if (range->items[0].number > range->items[1].number) {
      problems.error(range->loc, msg("config.range_reversed", ctx, range->items[0].number, range->items[1].number),
                     msg("config.bad_range.hint"));
    } else {
      ind.min = range->items[0].number;
      ind.max = range->items[1].number;
    }
  }
  return ind;
}

data::Alias read_alias(const TomlEntry& e, const std::vector<std::string>& indicator_ids, Problems& problems) {
  data::Alias alias;
  alias.id = e.key;
  alias.loc = e.key_loc;
  std::string ctx = msg("config.ctx.alias", e.key);
  if (e.value.type != TomlValue::Type::kTable) {
    detail::wrong_entry_type(problems, e.value, ctx, Want::kTable, msg("config.alias_table.hint", e.key));
    return alias;
  }
  TableReader t(e.value, ctx, kAliasKeys, problems);
  read_name(t, alias.name_vi, alias.name_en);
  const TomlValue* periods = t.get("periods", Want::kArray);
  if (!t.has("periods")) t.missing("periods", msg("config.missing_periods.hint"));
  if (!periods) return alias;
  if (periods->items.empty()) problems.error(periods->loc, msg("config.empty_list", ctx, "periods"), msg("config.missing_periods.hint"));
  std::vector<diag::SourceLoc> locs;
  for (const auto& item : periods->items) {
    if (item.type != TomlValue::Type::kTable) {
      problems.error(item.loc, msg("config.wrong_item_type", ctx, "periods", detail::want_name(Want::kTable), detail::type_name(item)),
                     msg("config.missing_periods.hint"));
      continue;
    }
    TableReader pt(item, ctx, kPeriodKeys, problems);
    data::Alias::Period p;
    p.from_year = pt.integer("from").value_or(0);
    p.until_year = pt.integer("until").value_or(0);
    auto indicator = pt.string("indicator");
    if (!pt.has("indicator")) pt.missing("indicator", msg("config.missing_period_indicator.hint"));
    if (!indicator) continue;
    p.indicator = *indicator;
    if (std::find(indicator_ids.begin(), indicator_ids.end(), p.indicator) == indicator_ids.end()) {
      const TomlValue& v = *item.find("indicator");
      std::string hint = diag::did_you_mean(p.indicator, indicator_ids);
      problems.error(v.text.exact ? v.text.loc : v.loc, msg("config.alias_unknown_indicator", ctx, p.indicator),
                     hint.empty() ? msg("config.alias_unknown_indicator.hint", p.indicator) : hint);
    }
    if (p.from_year && p.until_year && p.until_year < p.from_year) {
      problems.error(item.loc, msg("config.period_reversed", ctx, p.from_year, p.until_year), msg("config.period_reversed.hint"));
      continue;
    }
    for (size_t i = 0; i < alias.periods.size(); ++i) {
      const auto& prev = alias.periods[i];
      bool apart = (prev.until_year && p.from_year && prev.until_year < p.from_year) ||
                   (p.until_year && prev.from_year && p.until_year < prev.from_year);
      if (!apart) {
        problems.error(item.loc,
                       msg("config.periods_overlap", ctx, detail::years_text(p.from_year, p.until_year),
                           detail::years_text(prev.from_year, prev.until_year), locs[i].line),
                       msg("config.periods_overlap.hint"));
        break;
      }
    }
    alias.periods.push_back(p);
    locs.push_back(item.loc);
  }
  return alias;
}

}  // namespace

data::Catalogue parse_catalogue(const std::string& path, std::string_view text) {
  std::string checked = diag::checked_text(path, std::string(text));
  auto file = diag::SourceFile::from_text(path, checked);
  TomlValue root = detail::parse_toml(file, checked);
  Problems problems;
  TableReader top(root, msg("config.ctx.top"), kTopKeys, problems);
  data::Catalogue out;
  std::vector<std::string> indicator_ids;
  if (const auto* entries = section(root, "indicators", problems)) {
    for (const auto& e : *entries) {
      out.add(read_indicator(e, problems));
      indicator_ids.push_back(e.key);
    }
  }
  if (const auto* entries = section(root, "aliases", problems)) {
    for (const auto& e : *entries) {
      if (const data::Indicator* ind = out.find(e.key)) {
        problems.error(e.key_loc, msg("config.alias_is_indicator", e.key, ind->loc.line), msg("config.alias_is_indicator.hint"));
        continue;
      }
      out.add(read_alias(e, indicator_ids, problems));
    }
  }
  // A weight names an indicator of the catalogue.
  if (const TomlValue* table = root.find("indicators"); table && table->type == TomlValue::Type::kTable) {
    for (const auto& e : table->entries) {
      const data::Indicator* ind = out.find(e.key);
      if (!ind || ind->weight.empty() || out.find(ind->weight)) continue;
      const TomlValue& v = *e.value.find("weight");
      std::string hint = diag::did_you_mean(ind->weight, indicator_ids);
      problems.error(v.text.exact ? v.text.loc : v.loc, msg("config.unknown_weight", msg("config.ctx.indicator", e.key), ind->weight),
                     hint.empty() ? msg("config.indicator_weight.hint") : hint);
    }
  }
  problems.throw_if_errors();
  return out;
}

data::Catalogue read_catalogue(const std::string& path) { return parse_catalogue(path, diag::read_file(path)); }

}  // namespace lotrinh::config
