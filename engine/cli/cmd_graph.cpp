// lotrinh graph, lotrinh aggregate.
#include "cli/cmd_graph.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <tuple>

#include "data/unit_registry.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/words.h"
#include "graph/province_network.h"
#include "data/successor_aggregation.h"
#include "report/render.h"

namespace lotrinh::cli {
namespace {

using diag::msg;

// "xã Hòa Bình": the unit's name after its kind word.
std::string with_kind(const data::Unit& u) { return msg("graph.kind." + u.kind, u.name); }

// A unit's first day as the reader writes a date: "01/07/2025" under words, else "2025-07-01".
std::string date_words(const data::UnitDate& d) {
  return diag::words() ? fmt::format("{:02}/{:02}/{}", d.day, d.month, d.year) : d.str();
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

void emit_table(Context& ctx, const report::ResultTable& t) {
  ctx.emit(t);
  if (ctx.format() == report::Format::kCsv) std::fputs(report::render_notes(t).c_str(), stderr);
}

// The province's units, or an InputError naming --data.
const data::UnitRegistry& registry_of(Context& ctx, const std::string& command) {
  const config::ProvinceFile& p = ctx.need_province(command);
  const data::UnitRegistry* r = ctx.province_units();
  if (!r) throw diag::InputError(diag::error_about("--data", msg("cli.province_lacks_table", command, p.path, "units"),
                                                   msg("cli.province_lacks_table.hint", "units", p.path)));
  return *r;
}

// The years the province's units cover ([years] of its manifest, else the table's years).
std::pair<int, int> year_range(Context& ctx, const std::string& command) {
  const config::ProvinceFile& p = ctx.need_province(command);
  if (p.first_year && p.last_year) return {*p.first_year, *p.last_year};
  auto years = ctx.table().years();  // read only when the manifest does not give the years
  const int first = p.first_year.value_or(years.empty() ? 0 : years.front());
  const int last = p.last_year.value_or(years.empty() ? 0 : years.back());
  return {first, last};
}

// lotrinh aggregate --commune: the unit the commune became part of.
int part_of(Context& ctx, const data::UnitRegistry& registry) {
  const auto& o = ctx.options();
  // Without --year, the last year of the province's years in which the name is found.
  const data::Unit* unit = nullptr;
  const auto [first, last] = year_range(ctx, "aggregate");
  int year = o.year.value_or(last);
  if (o.year) {
    unit = &registry.find(o.commune, year);
  } else {
    for (int y = last; y >= first && !unit; --y) {
      try {
        unit = &registry.find(o.commune, y);
        year = y;
      } catch (const diag::InputError&) {
        if (y == first) registry.find(o.commune, last);  // rethrows the error of the latest year
      }
    }
  }
  const data::Unit* next = registry.successor(unit->slug);
  const data::Unit& target = next ? *next : *unit;
  const int target_year = target.from ? target.from->year : year;
  report::ResultTable t;
  t.title = msg("graph.aggregate.part_of.title", o.commune, target_year);
  t.columns = {{"unit", msg("col.unit")},
               {"name", msg("col.name")},
               {"district", msg("col.district")},
               {"part_of", msg("graph.aggregate.col.part_of")},
               {"part_of_name", msg("graph.aggregate.col.part_of_name", target_year)},
               {"from", msg("graph.aggregate.col.from")}};
  t.add_row({report::text(unit->slug), report::text(with_kind(*unit)), report::text(unit->district_name),
             report::text(target.slug), report::text(msg("graph.aggregate.unit_of_year", with_kind(target), target_year)),
             next && target.from ? report::text(date_words(*target.from)) : report::missing()});
  t.notes.push_back(next ? msg("graph.aggregate.part_of.note", with_kind(*unit), unit->district_name,
                               msg("graph.aggregate.unit_of_year", with_kind(target), target_year))
                         : msg("graph.aggregate.part_of.itself", with_kind(*unit), year));
  emit_table(ctx, t);
  return 0;
}

}  // namespace

int cmd_graph(Context& ctx) {
  const auto& o = ctx.options();
  const config::ProvinceFile& p = ctx.need_province("graph");
  const data::UnitRegistry& registry = registry_of(ctx, "graph");
  graph::NetworkSources sources;
  sources.districts = ctx.province_table("graph", "districts");
  sources.district_borders = ctx.province_table("graph", "district_borders");
  sources.roads = ctx.province_table("graph", "roads");
  sources.district_centres = p.path_of(p.district_centres);
  std::tie(sources.first_year, sources.last_year) = year_range(ctx, "graph");
  sources.years_from = p.path;
  if (p.paved_kmh) sources.speeds.paved_kmh = *p.paved_kmh;
  if (p.unpaved_kmh) sources.speeds.unpaved_kmh = *p.unpaved_kmh;
  const int year = o.year.value_or(p.network_year.value_or(sources.last_year));
  const auto g = graph::load_province_network(registry, sources, year);
  if (o.format == "dot") {
    ctx.emit(g.to_dot([&](const std::string& slug) { return registry.by_slug(slug)->name; }, p.id));
    return 0;
  }
  const bool vi = diag::lang() == diag::Lang::kVi;
  auto text = [vi](const config::Text& t) { return vi && !t.vi.empty() ? t.vi : t.en.empty() ? t.vi : t.en; };
  report::ResultTable t;
  t.title = msg("graph.cmd.title", year, text(p.name).empty() ? p.id : text(p.name));
  t.columns = {{"unit", msg("col.unit")},
               {"name", msg("col.name")},
               {"kind", msg("col.kind")},
               {"district", msg("col.district")},
               {"centre", msg("graph.cmd.col.centre")},
               {"hours_to_centre", msg("graph.cmd.col.hours"), report::Align::kRight},
               {"neighbours", msg("graph.cmd.col.neighbours"), report::Align::kRight}};
  const std::vector<double> hours = g.hours_to_centres();
  std::map<std::string, std::string> centre_of;  // district -> centre slug
  for (const auto& u : g.units())
    if (u.district_centre) centre_of[u.district] = u.slug;
  for (size_t i = 0; i < g.units().size(); ++i) {
    const graph::Unit& u = g.units()[i];
    const data::Unit& d = *registry.by_slug(u.slug);
    // The kind and the district centre in words (the centre by its name); codes with --codes.
    const std::string& centre = centre_of[u.district];
    const data::Unit* c = centre.empty() ? nullptr : registry.by_slug(centre);
    t.add_row({report::text(u.slug), report::text(d.name), report::text(diag::term("unit_kind", d.kind)), report::text(d.district_name),
               report::text(diag::codes() || !c ? centre : c->name), report::number(hours[i], 2),
               report::number(static_cast<double>(g.neighbours(u.slug).size()))});
  }
  t.notes.push_back(msg("graph.cmd.note.size", g.unit_count(), g.road_count(), year));
  const std::string method = text(p.network_method), caveat = text(p.network_caveat);
  const double paved = sources.speeds.paved_kmh, unpaved = sources.speeds.unpaved_kmh;
  t.notes.push_back(method.empty()   ? msg("graph.cmd.note.speeds", paved, unpaved)
                    : caveat.empty() ? msg("graph.cmd.note.method", paved, unpaved, method)
                                     : msg("graph.cmd.note.estimated", paved, unpaved, method, caveat));
  emit_table(ctx, t);
  return 0;
}

int cmd_aggregate(Context& ctx) {
  const data::UnitRegistry& registry = registry_of(ctx, "aggregate");
  if (!ctx.options().commune.empty()) return part_of(ctx, registry);
  std::optional<data::UnitDate> on;
  if (!ctx.options().on.empty()) {
    on = data::UnitDate::parse(ctx.options().on);
    if (!on) throw diag::InputError(diag::error_about("--on", msg("cli.bad_on", ctx.options().on), msg("cli.bad_on.hint")));
  }
  const int year = ctx.year();
  const auto agg = data::aggregate_to_successors(ctx.table(), year, ctx.catalogue(), registry, on);
  report::ResultTable t;
  int units_year = year;  // the year the successors begin (the latest among them)
  for (const auto& u : agg.units)
    if (u.unit->from) units_year = std::max(units_year, u.unit->from->year);
  t.title = on ? msg("graph.aggregate.title", year, agg.units.size(), on->str())
             : msg("graph.aggregate.title", year, agg.units.size(), units_year);
  t.columns = {{"unit", msg("col.unit")},
               {"name", msg("col.name")},
               {"members", msg("graph.aggregate.col.members")},
               {"missing", msg("graph.aggregate.col.missing")}};
  // Under words (Vietnamese without --codes), indicators and old units by their names.
  auto indicator = [&](const std::string& id) {
    if (!diag::words()) return id;
    if (const data::Indicator* ind = ctx.catalogue().find(id)) return diag::pick(ind->name_vi, ind->name_en, id);
    if (const data::Alias* a = ctx.catalogue().find_alias(id)) return diag::pick(a->name_vi, a->name_en, id);
    return id;
  };
  auto indicators = [&](const std::vector<std::string>& ids) {  // names may hold commas: "; " between them
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : diag::words() ? "; " : ", ") + indicator(id);
    return out;
  };
  for (const auto& id : agg.indicators) t.columns.push_back({id, indicator(id), report::Align::kRight});
  size_t incomplete = 0;
  for (size_t i = 0; i < agg.units.size(); ++i) {
    const data::AggregatedUnit& u = agg.units[i];
    std::vector<std::string> members, missing;
    for (const auto* m : u.members) members.push_back(diag::words() ? m->name : m->slug);
    for (const auto* m : u.missing) missing.push_back(diag::words() ? m->name : m->slug);
    incomplete += !missing.empty();
    std::vector<report::Cell> row{report::text(u.unit->slug), report::text(with_kind(*u.unit)),
                                  report::text(join(members)), report::text(join(missing))};
    for (const auto& id : agg.indicators) {
      const data::Indicator* ind = nullptr;
      if (auto resolved = ctx.catalogue().resolve(id, year)) ind = ctx.catalogue().find(*resolved);
      const double v = agg.value(id, i);
      row.push_back(ind && ind->unit == "fraction" ? report::percent(v, 2) : report::number(v));
    }
    t.add_row(std::move(row));
  }
  t.notes.push_back(msg("graph.aggregate.note.rules"));
  if (!agg.not_aggregated.empty()) t.notes.push_back(msg("graph.aggregate.note.none", indicators(agg.not_aggregated)));
  if (!agg.no_weight.empty()) t.notes.push_back(msg("graph.aggregate.note.no_weight", indicators(agg.no_weight)));
  if (incomplete) t.notes.push_back(msg("graph.aggregate.note.incomplete", incomplete, agg.units.size()));
  // The values combined rest on the table's values: say how many of those are estimated.
  if (std::string e = ctx.estimated_note(agg.indicators, ctx.table().rows_in_year(year)); !e.empty())
    t.notes.push_back(e);
  emit_table(ctx, t);
  return 0;
}

}  // namespace lotrinh::cli
