// The simulator's one reader of province data (tables, units, roads, districts, provenance).
#include <algorithm>
#include <filesystem>
#include <map>

#include "data/csv_table_reader.h"
#include "data/twinning.h"
#include "data/provenance.h"
#include "data/unit_registry.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "graph/commune_graph.h"
#include "config/province_reader.h"
#include "data/successor_aggregation.h"
#include "graph/province_network.h"
#include "sim/world.h"

namespace lotrinh::sim {

namespace {

// The units the communes merged into, through the province's lineage (the successor aggregation
// of the start year's rows gives the members and the held columns' combined values).
void add_merger(World& w, int year, const data::CommuneTable& table, const data::Catalogue& catalogue,
                const data::UnitRegistry& registry, const std::map<std::string, int>& commune_index) {
  data::SuccessorAggregation agg = data::aggregate_to_successors(table, w.start_year, catalogue, registry);
  auto m = std::make_shared<World>();
  m->start_year = w.start_year;
  m->district_ids = w.district_ids;
  m->district_names = w.district_names;
  m->district_borders = w.district_borders;
  m->has_provenance = w.has_provenance;
  w.successor.assign(w.size(), -1);
  const std::vector<double>& hh = w.columns.at("households");
  std::vector<std::vector<int>> members;
  for (size_t ui = 0; ui < agg.units.size(); ++ui) {
    const auto& u = agg.units[ui];
    std::vector<int> mem;
    for (const data::Unit* old : u.members)
      if (auto it = commune_index.find(old->slug); it != commune_index.end()) mem.push_back(it->second);
    if (mem.empty()) continue;
    const int index = static_cast<int>(m->slugs.size());
    for (int c : mem) w.successor[static_cast<size_t>(c)] = index;
    m->slugs.push_back(u.unit->slug);
    m->names.push_back(u.unit->name);
    m->district.push_back(w.district[static_cast<size_t>(mem.front())]);
    int est = 0, val = 0;
    for (int c : mem) { est += w.estimated[static_cast<size_t>(c)]; val += w.values[static_cast<size_t>(c)]; }
    m->estimated.push_back(est);
    m->values.push_back(val);
    for (const auto& [id, v] : agg.columns) m->columns[id].push_back(v[ui]);
    members.push_back(std::move(mem));
  }
  const size_t n1 = m->slugs.size();
  m->neighbours.assign(n1, {});
  for (size_t c = 0; c < w.size(); ++c)
    for (int nb : w.neighbours[c]) {
      int a = w.successor[c], b = w.successor[static_cast<size_t>(nb)];
      if (a == b) continue;
      auto& list = m->neighbours[static_cast<size_t>(a)];
      if (std::find(list.begin(), list.end(), b) == list.end()) list.push_back(b);
    }
  for (auto& list : m->neighbours) std::sort(list.begin(), list.end());
  for (const auto& hours : w.travel_hours) {
    std::vector<double> out(n1, 0.0);
    for (size_t u = 0; u < n1; ++u) {
      double s = 0, ws = 0;
      for (int c : members[u]) { s += hours[static_cast<size_t>(c)] * hh[static_cast<size_t>(c)]; ws += hh[static_cast<size_t>(c)]; }
      out[u] = ws > 0 ? s / ws : 0.0;
    }
    m->travel_hours.push_back(std::move(out));
  }
  w.merger_year = year;
  w.merged = std::move(m);
}

}  // namespace

World load_world(const std::string& dir, int start_year, int end_year, const std::vector<config::ScenarioEvent>& events,
                 const data::Catalogue& catalogue) {
  namespace fs = std::filesystem;
  // The province's manifest names its tables (scenarios/README.md).
  const config::ProvinceFile p = config::read_province_dir(dir);
  auto need = [&](const std::string& table, const char* key) {
    if (table.empty())
      throw diag::InputError(diag::error_about(p.path, diag::msg("cli.province_lacks_table", "simulate", p.path, key),
                                               diag::msg("cli.province_lacks_table.hint", key, p.path)));
    return p.path_of(table);
  };
  const std::string table_path = need(p.communes, "communes");
  data::CommuneTable table = data::read_commune_table(table_path, catalogue, data::CsvDialect::kRfc4180);
  std::vector<size_t> rows = table.rows_in_year(start_year);
  if (rows.empty()) {
    std::string years;
    for (int y : table.years()) years += (years.empty() ? "" : ", ") + std::to_string(y);
    throw diag::InputError(diag::error_about(table_path, diag::msg("sim.world.no_year", start_year), diag::msg("sim.world.no_year.hint", years)));
  }
  std::vector<std::string> units_paths;
  for (const auto& u : p.units) units_paths.push_back(p.path_of(u));
  data::UnitRegistry registry = data::UnitRegistry::load(units_paths, p.path_of(p.lineage));
  graph::NetworkSources sources;
  sources.districts = need(p.districts, "districts");
  sources.district_borders = need(p.district_borders, "district_borders");
  sources.roads = need(p.roads, "roads");
  sources.district_centres = p.path_of(p.district_centres);
  sources.first_year = start_year;
  sources.last_year = start_year;
  sources.years_from = p.path;
  if (p.paved_kmh) sources.speeds.paved_kmh = *p.paved_kmh;
  if (p.unpaved_kmh) sources.speeds.unpaved_kmh = *p.unpaved_kmh;
  graph::CommuneGraph g = graph::load_province_network(registry, sources, start_year);
  const graph::DistrictBorders borders = graph::read_district_borders(sources.district_borders);
  auto prov = data::ProvenanceTable::read_if_present(p.path_of(p.provenance));

  World w;
  w.start_year = start_year;
  std::map<std::string, size_t> graph_index;
  for (size_t i = 0; i < g.units().size(); ++i) graph_index[g.units()[i].slug] = i;
  std::map<std::string, int> district_index;
  std::map<std::string, int> commune_index;
  for (size_t r : rows) {
    const data::Unit& u = registry.find(table.unit[r], start_year);
    auto git = graph_index.find(u.slug);
    if (git == graph_index.end())
      throw diag::InputError(diag::error_about(table_path, diag::msg("sim.world.not_in_graph", u.slug, start_year), diag::msg("sim.world.not_in_graph.hint")));
    auto [dit, fresh] = district_index.emplace(u.district, static_cast<int>(w.district_ids.size()));
    if (fresh) {
      w.district_ids.push_back(u.district);
      w.district_names.push_back(u.district_name);
    }
    commune_index[u.slug] = static_cast<int>(w.slugs.size());
    w.slugs.push_back(u.slug);
    w.names.push_back(table.name[r].empty() ? u.name : table.name[r]);
    w.district.push_back(dit->second);
  }
  const size_t n = w.slugs.size();
  for (const auto& id : table.columns) {
    std::vector<double>& col = w.columns[id];
    const auto& src = table.values.at(id);
    for (size_t r : rows) col.push_back(src[r]);
  }
  w.district_borders.assign(w.district_ids.size(), {});
  for (const auto& [a, b] : borders) {
    auto ia = district_index.find(a), ib = district_index.find(b);
    if (ia == district_index.end() || ib == district_index.end()) continue;
    w.district_borders[ia->second].push_back(ib->second);
    w.district_borders[ib->second].push_back(ia->second);
  }
  w.neighbours.assign(n, {});
  for (size_t c = 0; c < n; ++c)
    for (const auto& s : g.neighbours(w.slugs[c]))
      if (auto it = commune_index.find(s); it != commune_index.end()) w.neighbours[c].push_back(it->second);
  // Travel times year by year, paving roads from their event years.
  for (const auto& e : events) {
    if (e.kind == "merger") continue;
    if (e.year <= start_year || e.year > end_year)
      throw diag::InputError(diag::error_at(e.loc, diag::msg("sim.event.year", e.year, start_year + 1, end_year), diag::msg("sim.event.hint")));
  }
  for (int y = start_year; y <= end_year; ++y) {
    for (const auto& e : events)
      if (e.kind == "road_paved" && e.year == y) {
        try {
          g.set_paved_share(e.from, e.to, e.paved_share);
        } catch (const diag::InputError& err) {
          throw diag::InputError(diag::error_at(e.loc, diag::msg("sim.event.road", e.from, e.to), err.diagnostics().front().message));
        }
      }
    std::vector<double> all = g.hours_to_centres();
    std::vector<double> hours(n);
    for (size_t c = 0; c < n; ++c) hours[c] = all[graph_index[w.slugs[c]]];
    w.travel_hours.push_back(std::move(hours));
  }
  // Twinning agencies year by year, with the scenario's reassignments.
  {
    if (!p.twinning.empty() && p.history_until && p.first_year) {
      const data::UnitDate until{p.history_until->year, p.history_until->month, p.history_until->day};
      const data::TwinningSpan span{{*p.first_year, 1, 1}, until};
      data::TwinningHistory tw = data::TwinningHistory::load_dir(dir, registry, span);
      std::vector<std::string> agencies;
      for (const auto& a : tw.agencies()) agencies.push_back(a.id);
      std::sort(agencies.begin(), agencies.end());
      for (const auto& e : events)
        if (e.kind == "twinning_reassign" && !std::binary_search(agencies.begin(), agencies.end(), e.agency))
          throw diag::InputError(diag::error_at(e.loc, diag::msg("sim.event.agency", e.agency), diag::did_you_mean(e.agency, agencies)));
      std::map<std::string, std::string> moved;  // agency -> commune after a reassignment event
      for (int y = start_year; y <= end_year; ++y) {
        // The history on 31 December (the report's date for later years), then the events.
        const data::UnitDate at = y >= until.year ? until : data::UnitDate{y, 12, 31};
        std::map<std::string, std::string> where;
        for (const auto& t : tw.twinnings())
          if (t.active_on(at)) where[t.agency] = t.commune;
        for (const auto& [a, c] : moved) where[a] = c;
        for (const auto& e : events) {
          if (e.kind != "twinning_reassign" || e.year != y) continue;
          auto it = where.find(e.agency);
          if (it == where.end() || it->second != e.from)
            throw diag::InputError(diag::error_at(e.loc, diag::msg("sim.event.twinning_from", e.agency, e.from,
                                                                   it == where.end() ? "-" : it->second, y),
                                                  diag::msg("sim.event.hint")));
          if (!commune_index.count(e.to))
            throw diag::InputError(diag::error_at(e.loc, diag::msg("sim.event.commune", e.to, start_year), diag::did_you_mean(e.to, w.slugs)));
          where[e.agency] = e.to;
          moved[e.agency] = e.to;
        }
        std::vector<int> year_list;
        for (const auto& [a, c] : where)
          if (auto it = commune_index.find(c); it != commune_index.end()) year_list.push_back(it->second);
        w.twinning.push_back(std::move(year_list));
      }
    } else {
      w.twinning.assign(static_cast<size_t>(end_year - start_year + 1), {});
    }
  }
  w.has_provenance = !prov.empty();
  w.target_sets = p.target_rule_sets;
  w.estimated.assign(n, 0);
  w.values.assign(n, 0);
  for (size_t c = 0; c < n; ++c) {
    for (const auto& id : table.columns) {
      if (std::isnan(w.columns[id][c])) continue;
      ++w.values[c];
      const data::Provenance* p = prov.find(table.unit[rows[c]], start_year, id);
      if (p && p->kind == "estimated") ++w.estimated[c];
    }
  }
  for (const auto& e : events)
    if (e.kind == "merger") {
      if (e.year <= start_year + 1 || e.year > end_year)
        throw diag::InputError(diag::error_at(e.loc, diag::msg("sim.event.year", e.year, start_year + 2, end_year), diag::msg("sim.event.hint")));
      add_merger(w, e.year, table, catalogue, registry, commune_index);
    }
  w.table = std::make_shared<const data::CommuneTable>(std::move(table));
  return w;
}

}  // namespace lotrinh::sim
