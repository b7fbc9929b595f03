#include "estimate/kontum_estimator.h"

#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <set>

#include "data/commune_table.h"
#include "data/csv_table_reader.h"
#include "data/csv_table_writer.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/text_file.h"
#include "estimate/kontum_model.h"
#include "estimate/kontum_inputs.h"

namespace lotrinh::estimate {
namespace {

using diag::msg;
using I = std::int64_t;

struct ColumnDef {
  std::string_view id;
  int decimals;
};

constexpr ColumnDef kColumns[kColCount] = {
    {"poverty_rate_2016", 4}, {"near_poor_rate_2016", 4}, {"poverty_rate_2022", 4}, {"near_poor_rate_2022", 4},
    {"households", 0}, {"poor_households", 0}, {"em_households", 0}, {"em_poor_households", 0},
    {"em_household_share", 4}, {"em_poor_share", 4}, {"population", 0}, {"urban", 0}, {"twinned", 0},
    {"poor_district", 0}, {"new_rural", 0}, {"villages", 0}, {"sd_villages", 0}, {"sd_village_share", 4},
    {"em_illiterate_share", 4}, {"untrained_labour_share", 4}, {"road_to_centre_km", 1},
    {"road_unpaved_share", 4}, {"main_road_not_hardened", 0}, {"roads_hardened_share", 4},
    {"grid_power_share", 4}, {"hygienic_water_share", 4}, {"kindergarten_solid_share", 4},
    {"primary_solid_share", 4}, {"lower_secondary_solid_share", 4}, {"primary_school_standard", 0},
    {"lower_secondary_school_standard", 0}, {"health_station_standard", 0}, {"child_malnutrition_rate", 4},
    {"natural_growth_rate", 4}, {"mekong_delta", 0}, {"southeast", 0},
};

// The cells of one table, by column name, with the place of each cell for diagnostics.
struct CsvColumns {
  std::shared_ptr<const diag::SourceFile> file;
  std::vector<data::CsvRecord> records;
  std::map<std::string, size_t, std::less<>> index;

  CsvColumns(const std::string& path, const std::string& text) : file(diag::SourceFile::from_text(path, text)) {
    records = data::parse_csv(path, text, data::CsvDialect::kRfc4180);
    if (!records.empty())
      for (size_t i = 0; i < records[0].cells.size(); ++i) index[records[0].cells[i]] = i;
  }
  diag::SourceLoc header_loc() const { return {file, 1, 1}; }
  diag::SourceLoc loc(size_t r, size_t c) const { return {file, records[r].line[c], records[r].column[c]}; }
  // Reports every missing column.
  void require(std::initializer_list<std::string_view> names, diag::DiagnosticSink& sink) const {
    for (auto name : names)
      if (!index.count(name))
        sink.error(header_loc(), msg("estimate.missing_column", name), msg("estimate.missing_column.hint"));
  }
  const std::string& cell(size_t r, std::string_view name) const {
    static const std::string empty;
    size_t c = index.find(name)->second;
    return c < records[r].cells.size() ? records[r].cells[c] : empty;
  }
};

bool read_flag(const CsvColumns& t, size_t r, std::string_view name, diag::DiagnosticSink& sink) {
  const std::string& v = t.cell(r, name);
  if (v == "1") return true;
  if (v != "0") {
    size_t c = t.index.find(name)->second;
    sink.error(t.loc(r, c), msg("estimate.bad_flag", v, name), msg("estimate.bad_flag.hint"));
  }
  return false;
}

// Periods "2018-2020;2021-2025" of districts.csv poor_district_years.
std::vector<std::pair<int, int>> read_periods(const CsvColumns& t, size_t r, diag::DiagnosticSink& sink) {
  std::vector<std::pair<int, int>> out;
  const std::string& text = t.cell(r, "poor_district_years");
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    const std::string part = text.substr(start, end - start);
    int a = 0, b = 0;
    char tail = 0;
    if (part.size() == 9 && std::sscanf(part.c_str(), "%4d-%4d%c", &a, &b, &tail) == 2 && a <= b) {
      out.push_back({a, b});
    } else {
      size_t c = t.index.find("poor_district_years")->second;
      sink.error(t.loc(r, c), msg("estimate.bad_period", part), msg("estimate.bad_period.hint"));
    }
    start = end + 1;
  }
  return out;
}

Model load_model(const std::string& dir, std::uint64_t seed, const data::UnitRegistry& registry) {
  Inputs inputs = read_inputs(dir);
  namespace fs = std::filesystem;
  const std::string units_path = (fs::path(dir) / "units.csv").string();
  const std::string districts_path = (fs::path(dir) / "districts.csv").string();
  const CsvColumns units(units_path, diag::read_file(units_path));
  const CsvColumns districts(districts_path, diag::read_file(districts_path));
  diag::DiagnosticSink sink;
  units.require({"slug", "p135_2016", "new_rural_by", "twinned_2016", "twinned_2021", "twinned_basis", "twinned_rule"},
                sink);
  districts.require({"slug", "centre", "poor_district_years"}, sink);
  sink.throw_if_errors();

  std::map<std::string, std::vector<std::pair<int, int>>, std::less<>> periods;
  std::set<std::string, std::less<>> centres;
  int first_list_year = std::numeric_limits<int>::max();
  for (size_t r = 1; r < districts.records.size(); ++r) {
    periods[districts.cell(r, "slug")] = read_periods(districts, r, sink);
    for (auto [a, b] : periods[districts.cell(r, "slug")]) first_list_year = std::min(first_list_year, a);
    if (!districts.cell(r, "centre").empty()) centres.insert(districts.cell(r, "centre"));
  }

  Model m;
  m.seed = seed;
  m.inputs = std::move(inputs);
  std::map<std::string, size_t, std::less<>> row_of;
  for (size_t r = 1; r < units.records.size(); ++r) row_of[units.cell(r, "slug")] = r;
  for (const auto& unit : registry.units()) {
    auto it = row_of.find(unit.slug);
    if (it == row_of.end()) continue;  // a unit of units_2025.csv
    const size_t r = it->second;
    UnitInfo info;
    info.unit = &unit;
    for (int s = 0; s < kSnaps; ++s) info.exists[s] = unit.exists_in(kYears[s]);
    info.p135 = read_flag(units, r, "p135_2016", sink);
    info.twinned_2016 = read_flag(units, r, "twinned_2016", sink);
    info.twinned_2021 = read_flag(units, r, "twinned_2021", sink);
    info.new_rural_2019 = !units.cell(r, "new_rural_by").empty();
    info.twinned_basis = units.cell(r, "twinned_basis");
    info.twinned_rule = units.cell(r, "twinned_rule");
    info.district_centre = centres.count(unit.slug) > 0;
    for (int s = 0; s < kSnaps; ++s) {
      auto p = periods.find(unit.district);
      info.poor_district[s] = kYears[s] < first_list_year ? -1 : 0;
      if (p != periods.end())
        for (auto [a, b] : p->second)
          if (a <= kYears[s] && kYears[s] <= b) info.poor_district[s] = 1;
    }
    if (info.exists[k2021] && !m.inputs.find_review(unit.district))
      sink.error(unit.loc, msg("estimate.unknown_district", unit.district, unit.slug),
                 msg("estimate.unknown_district.hint", m.inputs.review_district_list()));
    m.units.push_back(std::move(info));
  }
  sink.throw_if_errors();

  std::map<std::string, size_t, std::less<>> index;
  for (size_t u = 0; u < m.units.size(); ++u) index[m.slug(u)] = u;
  for (int s = 0; s < kSnaps; ++s)
    for (size_t u = 0; u < m.units.size(); ++u)
      if (m.units[u].exists[s]) m.in[s].push_back(u);
  // A unit of 2016 that ended before 2020 continues as the unit its lineage step names.
  m.next.assign(m.units.size(), -1);
  m.previous.assign(m.units.size(), -1);
  for (size_t u = 0; u < m.units.size(); ++u) {
    const auto& e = m.units[u].exists;
    if (e[k2016] && e[k2020]) m.next[u] = m.previous[u] = static_cast<long>(u);
  }
  for (const auto& step : registry.lineage()) {
    auto from = index.find(step.old_slug), to = index.find(step.new_slug);
    if (from == index.end() || to == index.end() || step.date.year > kYears[k2020]) continue;
    if (m.units[from->second].exists[k2016] && m.units[to->second].exists[k2020]) {
      m.next[from->second] = static_cast<long>(to->second);
      m.previous[to->second] = static_cast<long>(from->second);
      if (m.units[to->second].district_centre && step.event == "renamed") m.units[from->second].district_centre = true;
    }
  }
  for (int s : {k2016, k2020}) {  // 2021 reads the same column as 2020
    const size_t n = m.twinned_in(s).size();
    const size_t want = static_cast<size_t>(s == k2016 ? m.inputs.twinned_2016.v : m.inputs.twinned_now.v);
    if (n != want)
      sink.add(diag::error_at({units.file, 0, 0},
                              msg("estimate.twinned_count", n, s == k2016 ? "twinned_2016" : "twinned_2021",
                                  kYears[s], want),
                              msg("estimate.twinned_count.hint")));
  }
  for (const auto& [slug, target] : m.inputs.pinned_2020) {
    auto it = index.find(slug);
    if (it == index.end() || !m.units[it->second].exists[k2020] || !m.units[it->second].twinned_2021)
      sink.add(diag::error_at({units.file, 0, 0}, msg("estimate.missing_unit", slug, kYears[k2020]),
                              msg("estimate.missing_unit.hint")));
  }
  for (size_t u : m.in[k2020])
    if (m.previous[u] < 0)
      sink.error(m.units[u].unit->loc, msg("estimate.no_2016_unit", m.slug(u)), msg("estimate.no_2016_unit.hint"));
  sink.throw_if_errors();
  for (int s = 0; s < kSnaps; ++s) {
    m.cells[s].resize(m.units.size());
    m.near_poor[s].assign(m.units.size(), 0);
  }
  m.em_target.assign(m.units.size(), 0);
  return m;
}

EstimatedDataset render(const Model& m) {
  data::CommuneTable table;
  for (int c = 0; c < kColCount; ++c) table.columns.push_back(std::string(col_id(static_cast<Col>(c))));
  std::string prov = "commune,year,indicator,kind,source,from\n";
  static constexpr double kScale[] = {1, 10, 100, 1000, 10000};
  for (int s = 0; s < kSnaps; ++s) {
    for (size_t u : m.in[s]) {
      const data::Unit& unit = *m.units[u].unit;
      table.unit.push_back(unit.slug);
      table.year.push_back(kYears[s]);
      table.name.push_back(unit.name);
      table.district.push_back(unit.district_name);
      for (int c = 0; c < kColCount; ++c) {
        const Cell& cell = m.at(s, u, static_cast<Col>(c));
        auto& column = table.values[table.columns[static_cast<size_t>(c)]];
        if (!cell.set) {
          column.push_back(std::numeric_limits<double>::quiet_NaN());
          continue;
        }
        // An integer divided by a power of ten is correctly rounded, and the writer prints the
        // shortest text that reads back as the same double: the decimals of the integer.
        column.push_back(static_cast<double>(cell.v) / kScale[col_decimals(static_cast<Col>(c))]);
        data::append_csv_cell(prov, unit.slug);
        prov += ',' + std::to_string(kYears[s]) + ',';
        prov += col_id(static_cast<Col>(c));
        prov += ',';
        prov += kind_name(cell.kind);
        prov += ',';
        data::append_csv_cell(prov, cell.source);
        prov += ',';
        data::append_csv_cell(prov, cell.from);
        prov += '\n';
      }
    }
  }
  return {data::write_commune_csv(table), prov};
}

}  // namespace

std::string_view col_id(Col c) { return kColumns[c].id; }
int col_decimals(Col c) { return kColumns[c].decimals; }

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::kReported: return "reported";
    case Kind::kDerived: return "derived";
    case Kind::kEstimated: break;
  }
  return "estimated";
}

std::vector<size_t> Model::twinned_in(int s) const {
  std::vector<size_t> out;
  for (size_t u : in[s])
    if (twinned(u, s)) out.push_back(u);
  return out;
}

void Model::put(int s, size_t u, Col c, std::int64_t v, Kind kind, std::string source) {
  Cell& cell = cells[s][u][c];
  cell.set = true;
  cell.v = v;
  cell.kind = kind;
  cell.source = std::move(source);
  cell.from.clear();
}

void Model::derive(int s, size_t u, Col c, std::int64_t v, const std::string& rule, const std::vector<Ref>& inputs) {
  bool estimated = false;
  std::string from;
  for (const Ref& r : inputs) {
    estimated = estimated || cells[r.s][r.u][r.c].kind == Kind::kEstimated;
    if (!from.empty()) from += ';';
    if (r.u != u) from += slug(r.u) + '/' + std::to_string(kYears[r.s]) + '/';
    else if (r.s != s) from += std::to_string(kYears[r.s]) + '/';
    from += col_id(r.c);
  }
  put(s, u, c, v, estimated ? Kind::kEstimated : Kind::kDerived,
      estimated ? "computed from estimated values: " + rule : rule);
  cells[s][u][c].from = std::move(from);
}

std::vector<std::int64_t> checked(std::optional<std::vector<std::int64_t>> x, std::string_view what,
                                  std::string_view where) {
  if (!x) throw diag::InputError(diag::error_about("estimate", msg("estimate.infeasible", what, where),
                                                   msg("estimate.infeasible.hint", what, where)));
  return std::move(*x);
}

EstimatedDataset estimate_kontum(const std::string& units_dir, std::uint64_t seed) {
  const data::UnitRegistry registry = data::UnitRegistry::load_dir(units_dir);
  Model m = load_model(units_dir, seed, registry);
  estimate_households(m);
  estimate_poverty(m);
  estimate_ethnic_minority(m);
  estimate_near_poor_population(m);
  for (int s = 0; s < kSnaps; ++s) m.routes[s] = routes_to_centres(registry, units_dir, kYears[s]);
  estimate_villages_roads_labour(m);
  estimate_report_aggregates(m);
  fill_status_columns(m);
  derive_shares(m);
  return render(m);
}

void write_kontum_dataset(const std::string& units_dir, const std::string& out_dir, std::uint64_t seed) {
  const EstimatedDataset d = estimate_kontum(units_dir, seed);
  namespace fs = std::filesystem;
  const std::string communes = (fs::path(out_dir) / "communes.csv").string();
  const std::string provenance = (fs::path(out_dir) / "provenance.csv").string();
  // Both targets are checked before either is written, so a refusal leaves the folder as it was.
  diag::check_output_target(communes, "--out");
  diag::check_output_target(provenance, "--out");
  diag::write_file_atomic(communes, d.communes_csv, "--out");
  diag::write_file_atomic(provenance, d.provenance_csv, "--out");
}

}  // namespace lotrinh::estimate
