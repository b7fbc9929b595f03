#include "graph/commune_graph.h"

#include <algorithm>
#include <map>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "graph/road_checks.h"

namespace lotrinh::graph {
namespace {

using diag::msg;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Each edge knows its road (index into the road list) and the road's current travel time.
struct EdgeProps {
  std::size_t road = 0;
  double hours = 0;
};
// Vertex i is unit i: vecS keeps vertex descriptors equal to unit indices.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, EdgeProps>;

double travel_hours(const Road& r, const Speeds& s) {
  // Two divisions rather than length * (paved / v + ...): exact for round figures such as 20 km at 40 km/h.
  return r.length_km * r.paved_share / s.paved_kmh + r.length_km * (1 - r.paved_share) / s.unpaved_kmh;
}

std::pair<std::string, std::string> unordered_pair(const std::string& a, const std::string& b) {
  return a < b ? std::pair{a, b} : std::pair{b, a};
}

std::string unknown_hint(std::string_view word, const std::vector<std::string>& candidates, const char* fallback) {
  std::string hint = diag::did_you_mean(word, candidates);
  return hint.empty() ? msg(fallback) : hint;
}

// The districts in order of first appearance, with their units and centres.
struct District {
  std::string key;
  std::vector<std::size_t> units, centres;
};

}  // namespace

struct CommuneGraph::Impl {
  std::vector<Unit> units;
  std::vector<Road> roads;
  Speeds speeds;
  Graph graph;
  std::map<std::string, std::size_t, std::less<>> index;  // slug -> unit
  std::vector<std::size_t> centre_of;                     // unit -> its district's centre
  std::vector<std::size_t> centres;                       // one per district

  // The unit called `slug`; throws InputError when there is none.
  std::size_t vertex(std::string_view slug) const {
    auto it = index.find(slug);
    if (it != index.end()) return it->second;
    std::vector<std::string> slugs;
    for (const auto& u : units) slugs.push_back(u.slug);
    throw diag::InputError(
        diag::error_at({}, msg("graph.unknown_unit_query", slug), unknown_hint(slug, slugs, "graph.unknown_unit.hint")));
  }

  // Hours from `source` to every unit by the fastest path.
  std::vector<double> hours_from(std::size_t source) const {
    std::vector<double> dist(units.size());
    boost::dijkstra_shortest_paths(
        graph, source,
        boost::weight_map(boost::get(&EdgeProps::hours, graph))
            .distance_map(boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, graph))));
    return dist;
  }
};

CommuneGraph::CommuneGraph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CommuneGraph::CommuneGraph(const CommuneGraph& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
CommuneGraph& CommuneGraph::operator=(const CommuneGraph& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}
CommuneGraph::CommuneGraph(CommuneGraph&&) noexcept = default;
CommuneGraph& CommuneGraph::operator=(CommuneGraph&&) noexcept = default;
CommuneGraph::~CommuneGraph() = default;

CommuneGraph CommuneGraph::build(std::vector<Unit> units, std::vector<Road> roads, const DistrictBorders& borders,
                                 Speeds speeds) {
  auto impl = std::make_unique<Impl>();
  diag::DiagnosticSink sink;
  if (!(speeds.paved_kmh > 0)) sink.error({}, msg("graph.bad_paved_speed", speeds.paved_kmh));
  if (!(speeds.unpaved_kmh > 0)) sink.error({}, msg("graph.bad_unpaved_speed", speeds.unpaved_kmh));

  // Units and their districts.
  std::vector<std::string> slugs;
  std::vector<District> districts;
  std::map<std::string, std::size_t, std::less<>> district_index;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    slugs.push_back(u.slug);
    if (!impl->index.emplace(u.slug, i).second) {
      sink.error(u.where, msg("graph.duplicate_unit", u.slug), msg("graph.duplicate_unit.hint"));
    }
    if (u.district.empty()) {
      sink.error(u.where, msg("graph.no_district", u.slug), msg("graph.no_district.hint"));
      continue;
    }
    auto [it, added] = district_index.emplace(u.district, districts.size());
    if (added) districts.push_back({u.district, {}, {}});
    District& d = districts[it->second];
    d.units.push_back(i);
    if (u.district_centre) d.centres.push_back(i);
  }
  impl->centre_of.assign(units.size(), kNone);
  for (const District& d : districts) {
    if (d.centres.empty()) {
      sink.error(units[d.units[0]].where, msg("graph.no_centre", d.key), msg("graph.no_centre.hint"));
    } else if (d.centres.size() > 1) {
      std::string names;
      for (std::size_t c : d.centres) names += (names.empty() ? "" : ", ") + units[c].slug;
      sink.error(units[d.centres[1]].where, msg("graph.many_centres", d.key, d.centres.size(), names),
                 msg("graph.many_centres.hint"));
    } else {
      impl->centres.push_back(d.centres[0]);
      for (std::size_t i : d.units) impl->centre_of[i] = d.centres[0];
    }
  }

  // District borders.
  std::vector<std::string> district_keys;
  for (const District& d : districts) district_keys.push_back(d.key);
  std::set<std::pair<std::string, std::string>> bordering;
  std::set<std::string> reported;
  for (const auto& [a, b] : borders) {
    for (const std::string& name : {a, b}) {
      if (!district_index.count(name) && reported.insert(name).second) {
        sink.error({}, msg("graph.unknown_district", name),
                   unknown_hint(name, district_keys, "graph.unknown_district.hint"));
      }
    }
    bordering.insert(unordered_pair(a, b));
  }

  // Roads.
  impl->graph = Graph(units.size());
  std::map<std::pair<std::string, std::string>, std::size_t> seen;  // ends -> first road
  std::vector<bool> unsure(units.size(), false);                    // at the end of a road whose other end is unknown
  for (std::size_t r = 0; r < roads.size(); ++r) {
    const Road& road = roads[r];
    auto a = impl->index.find(road.from), b = impl->index.find(road.to);
    const bool self = road.from == road.to;
    if (a == impl->index.end()) {
      sink.error(road.where.from, msg("graph.unknown_unit", road.from, road.from, road.to),
                 unknown_hint(road.from, slugs, "graph.unknown_unit.hint"));
    }
    if (b == impl->index.end() && !self) {
      sink.error(road.where.to, msg("graph.unknown_unit", road.to, road.from, road.to),
                 unknown_hint(road.to, slugs, "graph.unknown_unit.hint"));
    }
    if (self) sink.error(road.where.from, msg("graph.self_road", road.from), msg("graph.self_road.hint"));
    check_length(road, sink);
    check_paved_share(road, sink);
    if (a == impl->index.end() || b == impl->index.end()) {
      if (a != impl->index.end()) unsure[a->second] = true;
      if (b != impl->index.end()) unsure[b->second] = true;
      continue;
    }
    if (self) continue;
    auto [first, added] = seen.emplace(unordered_pair(road.from, road.to), r);
    if (!added) {
      const int line = roads[first->second].where.from.line;
      sink.error(road.where.from,
                 line > 0 ? msg("graph.duplicate_road.line", road.from, road.to, line)
                          : msg("graph.duplicate_road", road.from, road.to),
                 msg("graph.duplicate_road.hint"));
      continue;
    }
    const std::string& da = units[a->second].district;
    const std::string& db = units[b->second].district;
    if (da != db && !da.empty() && !db.empty() && !bordering.count(unordered_pair(da, db))) {
      sink.error(road.where.from, msg("graph.not_bordering", road.from, road.to, da, db),
                 msg("graph.not_bordering.hint", da, db));
    }
    boost::add_edge(a->second, b->second, EdgeProps{r, travel_hours(road, speeds)}, impl->graph);
  }

  // Every unit must reach its centre; the path may cross into other districts.
  std::vector<std::size_t> component(units.size());
  boost::connected_components(impl->graph, component.data());
  for (std::size_t i = 0; i < units.size(); ++i) {
    const std::size_t c = impl->centre_of[i];
    const bool repeated = impl->index.find(units[i].slug)->second != i;  // already reported; roads go to the first
    if (c == kNone || unsure[i] || repeated || component[i] == component[c]) continue;
    sink.error(units[i].where, msg("graph.cut_off", units[i].slug, units[c].slug), msg("graph.cut_off.hint"));
  }
  sink.throw_if_errors();

  impl->units = std::move(units);
  impl->roads = std::move(roads);
  impl->speeds = speeds;
  return CommuneGraph(std::move(impl));
}

std::size_t CommuneGraph::unit_count() const { return impl_->units.size(); }
std::size_t CommuneGraph::road_count() const { return impl_->roads.size(); }
const std::vector<Unit>& CommuneGraph::units() const { return impl_->units; }
const std::vector<Road>& CommuneGraph::roads() const { return impl_->roads; }

double CommuneGraph::hours_to_centre(std::string_view slug) const {
  const std::size_t v = impl_->vertex(slug);
  return impl_->hours_from(impl_->centre_of[v])[v];
}

std::vector<double> CommuneGraph::hours_to_centres() const {
  std::vector<double> hours(impl_->units.size());
  for (std::size_t centre : impl_->centres) {
    // Roads are undirected, so the hours from the centre are the hours to it.
    std::vector<double> from = impl_->hours_from(centre);
    for (std::size_t i = 0; i < hours.size(); ++i)
      if (impl_->centre_of[i] == centre) hours[i] = from[i];
  }
  return hours;
}

void CommuneGraph::set_paved_share(std::string_view a, std::string_view b, double share) {
  const std::size_t va = impl_->vertex(a), vb = impl_->vertex(b);
  auto [e, found] = boost::edge(va, vb, impl_->graph);
  if (!found) {
    throw diag::InputError(
        diag::error_at({}, msg("graph.no_road", a, b), msg("graph.no_road.hint")));
  }
  if (!(share >= 0 && share <= 1)) throw diag::InputError(bad_paved_share({}, a, b, share));
  Road& road = impl_->roads[impl_->graph[e].road];
  road.paved_share = share;
  impl_->graph[e].hours = travel_hours(road, impl_->speeds);
}

std::vector<std::string> CommuneGraph::neighbours(std::string_view slug) const {
  std::vector<std::string> out;
  auto [it, end] = boost::adjacent_vertices(impl_->vertex(slug), impl_->graph);
  for (; it != end; ++it) out.push_back(impl_->units[*it].slug);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace lotrinh::graph
