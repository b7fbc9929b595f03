// Steps 13-17 of the Kon Tum estimate (villages, roads, labour and literacy, the report's other
// aggregates over the twinned communes) and the columns copied or derived from the units tables
// (scenarios/kontum/DATA.md).
#include <algorithm>
#include <string>

#include "estimate/kontum_model.h"
#include "estimate/kontum_inputs.h"

namespace lotrinh::estimate {
namespace {

using I = std::int64_t;
using Units = std::vector<size_t>;

size_t prev(const Model& m, size_t u) { return static_cast<size_t>(m.previous[u]); }
size_t next(const Model& m, size_t u) { return static_cast<size_t>(m.next[u]); }

// A draw from the range of the unit's kind: ward/town, twinned, other hard commune, commune.
struct KindRanges {
  I urb_lo, urb_hi, tw_lo, tw_hi, hard_lo, hard_hi, com_lo, com_hi;
  I draw(const Model& m, int s, size_t u, RandomStream& rng) const {
    if (m.urban(u)) return rng.uniform(urb_lo, urb_hi);
    if (m.twinned(u, s)) return rng.uniform(tw_lo, tw_hi);
    if (m.hard(u, s)) return rng.uniform(hard_lo, hard_hi);
    return rng.uniform(com_lo, com_hi);
  }
};

// Step 13: villages (held constant 2016-2021) and special-difficulty villages.
void villages(Model& m) {
  const Inputs& in = m.inputs;
  const std::string src = "estimate:step13 villages: the twinned communes share " + in.villages.printed + " (" + in.report + " " +
                          in.villages.section + "), others from households";
  const std::string same = "villages held constant over 2016-2021 (the 2020 value)";
  Units tw = m.twinned_in(k2020), others;
  std::vector<I> w, lo(tw.size(), 3), hi(tw.size(), 16);
  for (size_t u : tw) w.push_back(m.val(k2020, u, kHouseholds) * m.rng("villages", u).uniform(80, 120));
  std::vector<I> v = checked(allocate(in.villages.v, w, lo, hi), "villages", "twinned communes");
  for (size_t i = 0; i < tw.size(); ++i) m.put(k2020, tw[i], kVillages, v[i], Kind::kEstimated, src);
  for (size_t u : m.in[k2020])
    if (!m.twinned(u, k2020))
      m.put(k2020, u, kVillages,
            std::clamp<I>(div_round(m.val(k2020, u, kHouseholds) * m.rng("villages", u).uniform(80, 120), 15000), 4, 15),
            Kind::kEstimated, src);
  for (size_t u : m.in[k2021])
    if (m.units[u].exists[k2020]) m.derive(k2021, u, kVillages, m.val(k2020, u, kVillages), same, {{k2020, u, kVillages}});
  for (size_t u : m.in[k2016])
    m.derive(k2016, u, kVillages, m.val(k2020, next(m, u), kVillages), same, {{k2020, next(m, u), kVillages}});

  const Units& us = m.in[k2016];
  std::vector<I> ws, los(us.size(), 0), his;
  for (size_t u : us) {
    const I r = m.poverty_bp(k2016, u);
    ws.push_back(m.val(k2016, u, kVillages) * (r * r / kBp + 1));
    his.push_back(m.urban(u) ? 0 : m.val(k2016, u, kVillages));
  }
  std::vector<I> sd = checked(allocate(in.sd_villages_2016, ws, los, his), "special-difficulty villages", "2016");
  for (size_t i = 0; i < us.size(); ++i)
    m.put(k2016, us[i], kSdVillages, sd[i], Kind::kEstimated,
          "estimate:step13 sd-villages: " + std::to_string(in.sd_villages_2016) +
              " (Decision 582/QĐ-TTg list for 2016-2020, reported) split by villages x poverty^2");
  for (size_t u : m.in[k2020])
    m.derive(k2020, u, kSdVillages, m.val(k2016, prev(m, u), kSdVillages),
             "the 2016-2020 list (Decision 582/QĐ-TTg) holds for the 2016 and 2020 rows", {{k2016, prev(m, u), kSdVillages}});
  for (size_t u : m.in[k2021])
    if (m.units[u].exists[k2020])
      m.put(k2021, u, kSdVillages, div_round(m.val(k2020, u, kSdVillages) * m.rng("sd-villages-2021", u).uniform(450, 1000), 1000),
            Kind::kEstimated, "estimate:step13 sd-villages-2021: 2020 count x a drawn 0.45-1 (the 2021-2025 list is not in the sources)");
}

// Step 14: the road from the district centre, read off the network (roads.csv): its length and
// unpaved share are those of the shortest path to the centre (kontum_roads.h), in every snapshot.
void roads(Model& m) {
  const std::string km = "estimate:step14 roads: length of the shortest path in roads.csv (lengths estimated, rule L) to the district centre";
  const std::string unpaved = "estimate:step14 roads: unpaved share of that path (roads.csv paved_share, estimated, rule P)";
  for (int s = 0; s < kSnaps; ++s)
    for (size_t u : m.in[s]) {
      const CentreRoute& r = m.routes[s].at(m.slug(u));
      if (r.length_dm == 0 && m.units[u].district_centre) {
        m.put(s, u, kRoadToCentreKm, 0, Kind::kDerived, "seat of its district (districts.csv centre)");
        m.put(s, u, kRoadUnpavedShare, 0, Kind::kDerived, "seat of its district (districts.csv centre)");
      } else if (r.length_dm == 0) {
        const std::string c = "estimate:step14 roads: 0, the district centre inferred by district_centres.csv rule C1";
        m.put(s, u, kRoadToCentreKm, 0, Kind::kEstimated, c);
        m.put(s, u, kRoadUnpavedShare, 0, Kind::kEstimated, c);
      } else {
        m.put(s, u, kRoadToCentreKm, r.length_dm, Kind::kEstimated, km);
        m.put(s, u, kRoadUnpavedShare, r.unpaved_bp(), Kind::kEstimated, unpaved);
      }
    }
}

// Step 15: illiteracy among EM people aged 15-60 and untrained workers, falling over time.
void labour_literacy(Model& m) {
  const KindRanges illiterate{100, 1200, 1500, 4500, 1000, 3000, 500, 2000};
  const KindRanges untrained{3000, 7000, 8000, 9500, 7500, 9000, 6500, 8500};
  const std::string src16 = "estimate:step15 labour-literacy: drawn by unit kind";
  for (size_t u : m.in[k2016]) {
    auto rng = m.rng("labour-literacy", u);
    m.put(k2016, u, kEmIlliterateShare, illiterate.draw(m, k2016, u, rng), Kind::kEstimated, src16);
    m.put(k2016, u, kUntrainedLabourShare, untrained.draw(m, k2016, u, rng), Kind::kEstimated, src16);
  }
  for (int s : {k2020, k2021})
    for (size_t u : m.in[s]) {
      const size_t p = s == k2020 ? prev(m, u) : u;
      const int ps = s == k2020 ? k2016 : k2020;
      auto rng = m.rng("labour-literacy-" + std::to_string(kYears[s]), u);
      const I keep = s == k2020 ? rng.uniform(700, 900) : rng.uniform(920, 1000);
      const I drop = s == k2020 ? rng.uniform(200, 900) : rng.uniform(0, 300);
      const std::string src = s == k2020 ? "estimate:step15 labour-literacy: 2016 value x 0.7-0.9 (illiteracy), -2 to -9 points (untrained)"
                                         : "estimate:step15 labour-literacy: 2020 value x 0.92-1 (illiteracy), 0 to -3 points (untrained)";
      m.put(s, u, kEmIlliterateShare, div_round(m.val(ps, p, kEmIlliterateShare) * keep, 1000), Kind::kEstimated, src);
      m.put(s, u, kUntrainedLabourShare, std::max<I>(1000, m.val(ps, p, kUntrainedLabourShare) - drop), Kind::kEstimated, src);
    }
}

// A share or rate the report averages over the twinned communes in 2016 and "now": the figure
// ids of its means in the figures file (empty: none reported) and how the values are drawn.
struct ReportShare {
  Col col;
  KindRanges start;       ///< 2016 draw (twinned range used for the twinned communes).
  I change_lo, change_hi;  ///< 2020 = 2016 + a drawn change.
  int monotone;           ///< +1: a twinned commune never falls; 0: free.
  const char* fig16;      ///< Figure id of the 2016 mean ("" for none).
  const char* fig20;      ///< Figure id of the "now" mean.
  I min, max;
};

const ReportShare kShares[] = {
    {kRoadsHardenedShare, {9000, 10000, 5000, 10000, 6000, 10000, 7500, 10000}, 0, 2500, 1, "roads-2016", "roads-now", 0, 10000},
    {kGridPowerShare, {9900, 10000, 8800, 10000, 9300, 10000, 9700, 10000}, 0, 800, 1, "", "power-households", 0, 10000},
    {kHygienicWaterShare, {8500, 10000, 5000, 9500, 6000, 9500, 7000, 9800}, -900, 900, 0, "water-2016", "water-now", 0, 10000},
    {kKindergartenSolidShare, {8000, 10000, 4000, 10000, 5000, 10000, 6500, 10000}, 0, 3500, 1, "kindergarten-solid-2016",
     "kindergarten-solid-now", 0, 10000},
    {kPrimarySolidShare, {8500, 10000, 5000, 10000, 6000, 10000, 7000, 10000}, 0, 2500, 1, "primary-solid-2016",
     "primary-solid-now", 0, 10000},
    {kLowerSecondarySolidShare, {9000, 10000, 7000, 10000, 7500, 10000, 8000, 10000}, 0, 1500, 1,
     "lower-secondary-solid-2016", "lower-secondary-solid-now", 0, 10000},
    {kChildMalnutritionRate, {600, 1500, 1800, 3500, 1500, 3000, 1000, 2400}, -900, 100, 0, "malnutrition-2016",
     "malnutrition-now", 300, 6000},
    {kNaturalGrowthRate, {70, 150, 120, 280, 110, 250, 90, 200}, -110, 20, 0, "population-growth-2016",
     "population-growth-now", 30, 400},
};

// "81 % (141-BC/TU II.2)"
std::string cite(const Inputs& in, const char* id) {
  const Target& t = in.figure(id);
  return t.printed + " % (" + in.report + " " + t.section + ")";
}

std::string fitted(const Model& m, const ReportShare& r, int s) {
  return "estimate:step16 " + std::string(col_id(r.col)) + ": drawn, twinned communes shifted to the plain mean " +
         cite(m.inputs, s == k2016 ? r.fig16 : r.fig20);
}

// Fits the twinned communes of `s` to the reported mean (sum = 51 x mean exactly), each at
// least its `floor` (empty: the indicator's minimum).
void fit_twinned(Model& m, const ReportShare& r, int s, I mean, const std::vector<I>& floor) {
  const Units tw = m.twinned_in(s);
  std::vector<I> v, lo, hi(tw.size(), r.max);
  for (size_t i = 0; i < tw.size(); ++i) {
    v.push_back(m.val(s, tw[i], r.col));
    lo.push_back(std::max(r.min, floor.empty() ? r.min : floor[i]));
  }
  if (!fit_sum(v, lo, hi, mean * static_cast<I>(tw.size()))) checked(std::nullopt, std::string(col_id(r.col)), "twinned communes");
  for (size_t i = 0; i < tw.size(); ++i) m.put(s, tw[i], r.col, v[i], Kind::kEstimated, fitted(m, r, s));
}

// Step 16: the report's shares and rates.
void report_shares(Model& m) {
  for (const auto& r : kShares) {
    const std::string step = "report-" + std::string(col_id(r.col));
    for (size_t u : m.in[k2016]) {
      auto rng = m.rng(step, u);
      m.put(k2016, u, r.col, r.start.draw(m, k2016, u, rng), Kind::kEstimated,
            "estimate:step16 " + std::string(col_id(r.col)) + ": drawn by unit kind");
    }
    if (*r.fig16) fit_twinned(m, r, k2016, m.inputs.figure(r.fig16).v, {});
    for (size_t u : m.in[k2020]) {
      auto rng = m.rng(step + "-2020", u);
      const I v = std::clamp(m.val(k2016, prev(m, u), r.col) + rng.uniform(r.change_lo, r.change_hi), r.min, r.max);
      m.put(k2020, u, r.col, v, Kind::kEstimated,
            "estimate:step16 " + std::string(col_id(r.col)) + ": 2016 value plus a drawn change");
    }
    std::vector<I> floor;
    for (size_t u : m.twinned_in(k2020)) floor.push_back(r.monotone > 0 ? m.val(k2016, prev(m, u), r.col) : r.min);
    fit_twinned(m, r, k2020, m.inputs.figure(r.fig20).v, floor);
    for (size_t u : m.in[k2021])
      if (m.units[u].exists[k2020])
        m.derive(k2021, u, r.col, m.val(k2020, u, r.col), "the 2020 value (the report's 'now' is put in the 2020 and 2021 rows alike)",
                 {{k2020, u, r.col}});
  }
}

// A facility count the report gives for the twinned communes (one flag per commune): the ids of
// its figures in the figures file and how the other units are drawn.
struct ReportCount {
  Col col;
  const char* fig16;
  const char* fig20;
  I p_urb, p_hard, p_com;  ///< Chance (per mille) of a 1 in 2016 for the other units.
  I p_gain;                ///< Chance (per mille) that another unit gains the flag by 2020.
};

const ReportCount kCounts[] = {
    {kHealthStationStandard, "health-stations-2016", "health-stations-now", 900, 400, 600, 700},
    {kPrimarySchoolStandard, "primary-standard-2016", "primary-standard-now", 800, 350, 500, 400},
    {kLowerSecondarySchoolStandard, "lower-secondary-standard-2016", "lower-secondary-standard-now", 600, 200, 350, 300},
};

// "11 of the 51 twinned communes (141-BC/TU II.3)"
std::string cite_count(const Model& m, const char* id, int s) {
  const Target& t = m.inputs.figure(id);
  return t.printed + " of the " + std::to_string(m.twinned_in(s).size()) + " twinned communes (" + m.inputs.report + " " +
         t.section + ")";
}

// The `n` units of `us` with the highest scores (ties: table order).
std::vector<bool> top(const std::vector<I>& score, size_t n) {
  std::vector<size_t> order(score.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score[a] > score[b]; });
  std::vector<bool> pick(score.size(), false);
  for (size_t i = 0; i < n && i < order.size(); ++i) pick[order[i]] = true;
  return pick;
}

// Step 17: the report's facility counts as flags of the twinned communes.
void report_counts(Model& m) {
  for (const auto& c : kCounts) {
    const std::string id(col_id(c.col)), step = "report-" + id;
    const std::string drawn = "estimate:step17 " + id + ": drawn by unit kind";
    auto score = [&](int s, size_t u) { return m.rng(step + "-score", u).uniform(0, 9999) - m.poverty_bp(s, u); };
    for (size_t u : m.in[k2016]) {
      const I p = m.urban(u) ? c.p_urb : m.hard(u, k2016) ? c.p_hard : c.p_com;
      m.put(k2016, u, c.col, m.rng(step, u).uniform(0, 999) < p ? 1 : 0, Kind::kEstimated, drawn);
    }
    const Units tw16 = m.twinned_in(k2016);
    std::vector<I> s16;
    for (size_t u : tw16) s16.push_back(score(k2016, u));
    std::vector<bool> pick16 = top(s16, static_cast<size_t>(m.inputs.figure(c.fig16).v));
    for (size_t i = 0; i < tw16.size(); ++i)
      m.put(k2016, tw16[i], c.col, pick16[i] ? 1 : 0, Kind::kEstimated,
            "estimate:step17 " + id + ": the twinned communes with the highest drawn scores, " + cite_count(m, c.fig16, k2016));
    for (size_t u : m.in[k2020]) {
      const bool had = m.val(k2016, prev(m, u), c.col) == 1;
      m.put(k2020, u, c.col, had || m.rng(step + "-2020", u).uniform(0, 999) < c.p_gain ? 1 : 0, Kind::kEstimated,
            "estimate:step17 " + id + ": the 2016 flag, or gained with a drawn chance");
    }
    // Twinned communes of 2020: those flagged in 2016 keep the flag, the best scores fill up.
    const Units tw20 = m.twinned_in(k2020);
    std::vector<I> s20;
    for (size_t u : tw20) s20.push_back(score(k2020, u) + (m.val(k2016, prev(m, u), c.col) == 1 ? 100000 : 0));
    std::vector<bool> pick20 = top(s20, static_cast<size_t>(m.inputs.figure(c.fig20).v));
    for (size_t i = 0; i < tw20.size(); ++i)
      m.put(k2020, tw20[i], c.col, pick20[i] ? 1 : 0, Kind::kEstimated,
            "estimate:step17 " + id + ": 2016 flags kept, the highest drawn scores added up to " + cite_count(m, c.fig20, k2020));
    for (size_t u : m.in[k2021])
      if (m.units[u].exists[k2020])
        m.derive(k2021, u, c.col, m.val(k2020, u, c.col), "the 2020 value (the report's 'now' is put in the 2020 and 2021 rows alike)",
                 {{k2020, u, c.col}});
  }
}

std::string twinned_source(const UnitInfo& info, int s) {
  return "units.csv " + std::string(s == k2016 ? "twinned_2016" : "twinned_2021") + ", rule " + info.twinned_rule +
         (info.twinned_basis == "inferred" ? " (inferred, scenarios/kontum/README.md)" : "");
}

Kind twinned_kind(const UnitInfo& info) {
  if (info.twinned_basis == "reported") return Kind::kReported;
  if (info.twinned_basis == "derived") return Kind::kDerived;
  return Kind::kEstimated;
}

}  // namespace

void estimate_villages_roads_labour(Model& m) {
  villages(m);
  roads(m);
  labour_literacy(m);
}

void estimate_report_aggregates(Model& m) {
  report_shares(m);
  report_counts(m);
}

void fill_status_columns(Model& m) {
  for (int s = 0; s < kSnaps; ++s)
    for (size_t u : m.in[s]) {
      const UnitInfo& info = m.units[u];
      m.put(s, u, kUrban, m.urban(u) ? 1 : 0, Kind::kDerived, "units.csv kind (ward or town)");
      // The regional variants of Decisions 33/2020 and 50/2016 (Mekong Delta, South-East) do not
      // apply: Kon Tum is a Central Highlands (Tây Nguyên) province.
      m.put(s, u, kMekongDelta, 0, Kind::kDerived, "Kon Tum is in the Central Highlands, not the Mekong Delta");
      m.put(s, u, kSoutheast, 0, Kind::kDerived, "Kon Tum is in the Central Highlands, not the South-East");
      const auto& inferred = m.inputs.twinned_now_inferred;
      if (s != k2016 && std::find(inferred.begin(), inferred.end(), m.slug(u)) != inferred.end())
        m.put(s, u, kTwinned, m.twinned(u, s) ? 1 : 0, Kind::kEstimated,
              "units.csv twinned_2021, rule " + info.twinned_rule + " holds for 2016 only; at the report's date inferred (estimate-inputs.csv): " +
                  m.inputs.twinned_now_inferred_why);
      else
        m.put(s, u, kTwinned, m.twinned(u, s) ? 1 : 0, twinned_kind(info), twinned_source(info, s));
      if (info.poor_district[s] >= 0)
        m.put(s, u, kPoorDistrict, info.poor_district[s], Kind::kReported,
              "districts.csv poor_district_years (Decisions 275/QĐ-TTg, 353/QĐ-TTg)");
      if (m.urban(u)) {
        m.put(s, u, kNewRural, 0, Kind::kDerived, "wards and towns are not new-rural communes");
      } else if (info.new_rural_2019) {
        if (s != k2016)
          m.put(s, u, kNewRural, 1, Kind::kReported, "units.csv new_rural_by 2019-05 (kontum.gov.vn, 17 communes)");
      } else if (s == k2016) {
        m.put(s, u, kNewRural, 0, Kind::kDerived, "not new-rural by 05/2019, so not in 2016");
      } else {
        m.put(s, u, kNewRural, 0, Kind::kEstimated,
              "estimate:step18 new-rural: 0, not on the 05/2019 list; later recognitions are not named in the sources");
      }
    }
}

void derive_shares(Model& m) {
  for (int s = 0; s < kSnaps; ++s)
    for (size_t u : m.in[s]) {
      const I h = m.val(s, u, kHouseholds), p = m.val(s, u, kPoorHouseholds);
      const Col rate = s == k2021 ? kPovertyRate2022 : kPovertyRate2016;
      const Col near = s == k2021 ? kNearPoorRate2022 : kNearPoorRate2016;
      const Target* reported = nullptr;
      if (s == k2020)
        for (const auto& [slug, target] : m.inputs.pinned_2020)
          if (m.slug(u) == slug) reported = &target;
      if (reported)
        m.put(s, u, rate, rate_bp(p, h), Kind::kReported, "report " + m.inputs.report + ", " + reported->section);
      else
        m.derive(s, u, rate, rate_bp(p, h), "poor_households / households", {{s, u, kPoorHouseholds}, {s, u, kHouseholds}});
      m.put(s, u, near, rate_bp(m.near_poor[s][u], h), Kind::kEstimated,
            s == k2016   ? "estimate:step11 near-poor: drawn share peaking at middling poverty"
            : "estimate:step11 near-poor: " + with_commas(s == k2020 ? m.inputs.near_poor_2020 : m.inputs.near_poor_2021) +
                  " households (reported, " + std::to_string(kYears[s]) + " review) split by a drawn share");
      m.derive(s, u, kEmHouseholdShare, rate_bp(m.val(s, u, kEmHouseholds), h), "em_households / households",
               {{s, u, kEmHouseholds}, {s, u, kHouseholds}});
      if (p > 0)
        m.derive(s, u, kEmPoorShare, rate_bp(m.val(s, u, kEmPoorHouseholds), p), "em_poor_households / poor_households",
                 {{s, u, kEmPoorHouseholds}, {s, u, kPoorHouseholds}});
      const I v = m.val(s, u, kVillages);
      if (v > 0)
        m.derive(s, u, kSdVillageShare, rate_bp(m.val(s, u, kSdVillages), v), "sd_villages / villages",
                 {{s, u, kSdVillages}, {s, u, kVillages}});
      m.derive(s, u, kMainRoadNotHardened, m.val(s, u, kRoadUnpavedShare) > 0 ? 1 : 0, "road_unpaved_share > 0",
               {{s, u, kRoadUnpavedShare}});
    }
}

}  // namespace lotrinh::estimate
