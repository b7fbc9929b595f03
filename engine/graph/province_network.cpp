#include "graph/province_network.h"

#include <filesystem>
#include <optional>
#include <set>

#include "data/csv_table_reader.h"
#include "data/headed_csv.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "diag/text_file.h"
#include "graph/roads_csv.h"

namespace lotrinh::graph {
namespace {

using diag::msg;
using diag::SourceLoc;


using Table = data::HeadedCsv;

// Reads `path` and checks that its header names every column of `required`.
Table read_table(const std::string& path, std::initializer_list<const char*> required, diag::DiagnosticSink& sink) {
  const std::string text = diag::checked_text(path, diag::read_file(path));
  return data::read_headed_csv(path, text, required, {"graph.network.missing_column", "graph.network.columns.hint"},
                               sink);
}

std::optional<data::UnitDate> parse_date(const std::string& s) {
  auto digits = [&](size_t at, size_t n) {
    for (size_t i = at; i < at + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(0, 4) || !digits(5, 2) || !digits(8, 2))
    return std::nullopt;
  data::UnitDate d{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0))
    return std::nullopt;
  return d;
}

// Every unit slug of the registry, for did-you-mean hints.
std::vector<std::string> all_slugs(const data::UnitRegistry& registry) {
  std::vector<std::string> out;
  for (const auto& u : registry.units()) out.push_back(u.slug);
  return out;
}

std::string hint_or(std::string_view word, const std::vector<std::string>& candidates, std::string fallback) {
  std::string hint = diag::did_you_mean(word, candidates);
  return hint.empty() ? fallback : hint;
}

// Checks that `slug` names a unit of `district` that existed in `year`.
void check_centre(const data::UnitRegistry& registry, const std::string& district, const std::string& slug,
                  const SourceLoc& where, int year, diag::DiagnosticSink& sink) {
  const data::Unit* u = registry.by_slug(slug);
  if (!u) {
    sink.error(where, msg("graph.network.unknown_centre", slug, district),
               hint_or(slug, all_slugs(registry), msg("graph.network.unknown_centre.hint")));
  } else if (u->district != district) {
    sink.error(where, msg("graph.network.centre_elsewhere", slug, district, u->district),
               msg("graph.network.centre_elsewhere.hint"));
  } else if (!u->exists_in(year)) {
    sink.error(where, msg("graph.network.centre_not_in_year", slug, district, year),
               msg("graph.network.centre_not_in_year.hint", year));
  }
}

// The unit of `year` with the territory of `slug`: itself, or the unit it was renamed from or
// to (a lineage step whose event is renamed or unchanged); empty when there is none.
std::string same_territory(const data::UnitRegistry& registry, const std::string& slug, int year) {
  const data::Unit* u = registry.by_slug(slug);
  if (!u || u->exists_in(year)) return slug;
  for (const auto& step : registry.lineage()) {
    if (step.event != "renamed" && step.event != "unchanged") continue;
    const std::string other = step.new_slug == slug ? step.old_slug : step.old_slug == slug ? step.new_slug : std::string();
    if (other.empty()) continue;
    const data::Unit* o = registry.by_slug(other);
    if (o && o->exists_in(year)) return other;
  }
  return {};
}

void check_year(const NetworkSources& sources, int year) {
  if (year < sources.first_year || year > sources.last_year) {
    throw diag::InputError(diag::error_about(
        "--year", msg("graph.network.year", sources.first_year, sources.last_year, year),
        msg("graph.network.year.hint", sources.first_year, sources.last_year, sources.years_from)));
  }
}

}  // namespace

DistrictBorders read_district_borders(const std::string& path) {
  diag::DiagnosticSink sink;
  Table t = read_table(path, {"district_a", "district_b"}, sink);
  sink.throw_if_errors();
  DistrictBorders borders;
  for (const auto& r : t.rows) {
    for (const char* c : {"district_a", "district_b"}) {
      if (t.cell(r, c).empty())
        sink.error(t.loc(r, c), msg("graph.csv.empty_cell", c), msg("graph.network.empty_district.hint"));
    }
    borders.emplace_back(t.cell(r, "district_a"), t.cell(r, "district_b"));
  }
  sink.throw_if_errors();
  return borders;
}

std::map<std::string, std::string> read_district_centres(const NetworkSources& sources,
                                                         const data::UnitRegistry& registry, int year) {
  namespace fs = std::filesystem;
  diag::DiagnosticSink sink;
  Table districts = read_table(sources.districts, {"slug", "centre"}, sink);
  sink.throw_if_errors();

  std::map<std::string, std::string> centres;       // district -> centre slug
  std::map<std::string, SourceLoc> where;           // district -> the cell that named it
  std::vector<std::string> district_slugs;
  for (const auto& r : districts.rows) {
    const std::string slug = districts.cell(r, "slug");
    district_slugs.push_back(slug);
    centres[slug] = districts.cell(r, "centre");
    where[slug] = districts.loc(r, "centre");
  }

  const fs::path extra = sources.district_centres;
  if (!sources.district_centres.empty() && fs::exists(extra)) {
    Table t = read_table(extra.string(), {"district", "centre", "from", "until", "basis"}, sink);
    sink.throw_if_errors();
    const data::UnitDate last{year, 12, 31};
    for (const auto& r : t.rows) {
      const std::string district = t.cell(r, "district");
      bool ok = true;
      if (!centres.count(district)) {
        sink.error(t.loc(r, "district"), msg("graph.network.unknown_district", district),
                   hint_or(district, district_slugs, msg("graph.network.unknown_district.hint")));
        ok = false;
      }
      std::optional<data::UnitDate> dates[2];
      const char* date_columns[2] = {"from", "until"};
      for (int k = 0; k < 2; ++k) {
        const std::string cell = t.cell(r, date_columns[k]);
        if (cell.empty()) continue;
        dates[k] = parse_date(cell);
        if (!dates[k]) {
          sink.error(t.loc(r, date_columns[k]), msg("graph.network.bad_date", cell, date_columns[k]),
                     msg("graph.network.bad_date.hint"));
          ok = false;
        }
      }
      const std::string basis = t.cell(r, "basis");
      if (basis != "reported" && basis != "derived" && basis != "inferred") {
        sink.error(t.loc(r, "basis"), msg("graph.network.bad_basis", basis), msg("graph.network.bad_basis.hint"));
      }
      const bool covers = (!dates[0] || *dates[0] <= last) && (!dates[1] || last < *dates[1]);
      if (ok && covers) {
        centres[district] = t.cell(r, "centre");
        where[district] = t.loc(r, "centre");
      }
    }
  }

  // Districts with units in `year` need a centre that existed then.
  std::set<std::string> present;
  for (const data::Unit* u : registry.units_in(year)) present.insert(u->district);
  for (const auto& [district, centre] : centres) {
    if (!present.count(district)) continue;
    if (centre.empty()) {
      sink.error(where[district], msg("graph.network.no_centre", district, year), msg("graph.network.no_centre.hint"));
    } else {
      check_centre(registry, district, centre, where[district], year, sink);
    }
  }
  sink.throw_if_errors();
  return centres;
}

NetworkSources NetworkSources::in_dir(const std::string& dir, int first_year, int last_year) {
  namespace fs = std::filesystem;
  auto in = [&](const char* name) { return (fs::path(dir) / name).string(); };
  return {in("districts.csv"), in("district_centres.csv"), in("district_borders.csv"), in("roads.csv"), first_year,
          last_year, dir, {}};
}

CommuneGraph load_province_network(const std::string& dir, int year, int first_year, int last_year) {
  const NetworkSources sources = NetworkSources::in_dir(dir, first_year, last_year);
  check_year(sources, year);
  return load_province_network(data::UnitRegistry::load_dir(dir), sources, year);
}

CommuneGraph load_province_network(const data::UnitRegistry& registry, const NetworkSources& sources, int year) {
  check_year(sources, year);
  const auto centres = read_district_centres(sources, registry, year);
  std::vector<Unit> units;
  for (const data::Unit* u : registry.units_in(year)) {
    auto it = centres.find(u->district);
    units.push_back({u->slug, u->district, it != centres.end() && it->second == u->slug, u->loc});
  }
  DistrictBorders borders = read_district_borders(sources.district_borders);
  std::vector<Road> roads = read_roads_csv(sources.roads);

  diag::DiagnosticSink sink;
  for (Road& road : roads) {
    for (auto [end, loc] : {std::pair{&road.from, &road.where.from}, std::pair{&road.to, &road.where.to}}) {
      const std::string now = same_territory(registry, *end, year);
      if (now.empty()) {
        sink.error(*loc, msg("graph.network.road_unit_not_in_year", road.from, road.to, *end, year),
                   msg("graph.network.road_unit_not_in_year.hint"));
      } else {
        *end = now;
      }
    }
  }
  sink.throw_if_errors();
  return CommuneGraph::build(std::move(units), std::move(roads), borders, sources.speeds);
}

}  // namespace lotrinh::graph
