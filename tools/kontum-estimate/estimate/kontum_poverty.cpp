// Steps 1-12 of the Kon Tum estimate: households, poverty, ethnic minorities, near-poor
// households, population (scenarios/kontum/DATA.md).
#include <algorithm>
#include <map>

#include "estimate/kontum_model.h"
#include "estimate/kontum_inputs.h"

namespace lotrinh::estimate {
namespace {

using I = std::int64_t;
using Units = std::vector<size_t>;

constexpr const char* kSrcH21 = "estimate:step1 households-2021: district total (reported, 2021 review) split by drawn unit sizes";
constexpr const char* kSrcP20Pin = "estimate:step3 poverty-2020-twinned: reported rate x households";
constexpr const char* kSrcP21 = "estimate:step5 poverty-2021: district total (derived from the 2021 review) split by odds-scaled 2020 rates";
constexpr const char* kSrcEm21 = "estimate:step6 em-2021: district total (reported, 2021 review) split by drawn EM shares";
constexpr const char* kSrcEm20 = "estimate:step7 em-2020: 2021 EM households scaled by the unit's household change";
constexpr const char* kSrcH16 = "estimate:step8 households-2016: 2020 households times a drawn 0.900-0.970";
constexpr const char* kSrcEm16 = "estimate:step10 em-2016: 2020 EM households and EM share of the poor scaled to 2016";
constexpr const char* kSrcPop = "estimate:step12 population: households x drawn household size";

// Rate of the district in the 2021 review (poor / households, basis points): the shape the
// estimate gives poverty inside and across districts.
I district_rate(const Model& m, size_t u) {
  const DistrictReview* d = m.inputs.find_review(m.units[u].unit->district);
  return d ? rate_bp(d->poor(), d->households) : 1500;
}

Units units_of(const Model& m, int s, std::string_view district) {
  Units out;
  for (size_t u : m.in[s])
    if (m.units[u].unit->district == district) out.push_back(u);
  return out;
}

std::vector<I> get(const Model& m, int s, const Units& us, Col c) {
  std::vector<I> v;
  for (size_t u : us) v.push_back(m.val(s, u, c));
  return v;
}

void put_all(Model& m, int s, const Units& us, Col c, const std::vector<I>& v, const std::string& source) {
  for (size_t i = 0; i < us.size(); ++i) m.put(s, us[i], c, v[i], Kind::kEstimated, source);
}

// Step 1: 2021 households, the district totals of the review split by drawn sizes.
void households_2021(Model& m) {
  for (const auto& d : m.inputs.review) {
    Units us = units_of(m, k2021, d.slug);
    std::vector<I> w, lo(us.size(), 150), hi(us.size(), d.households);
    for (size_t u : us) {
      I base = m.kind(u) == "ward" ? 230 : m.kind(u) == "town" ? 250 : m.hard(u, k2021) ? 75 : 100;
      w.push_back(base * m.rng("households-2021", u).uniform(75, 125));
    }
    put_all(m, k2021, us, kHouseholds, checked(allocate(d.households, w, lo, hi), "households", d.slug), kSrcH21);
  }
}

// Step 2: 2020 households. The total is the one for which 14,601 poor households are 10.29 %.
void households_2020(Model& m) {
  const Units& us = m.in[k2020];
  const Inputs& in = m.inputs;
  const I total = div_round(in.poor_2020 * kBp, in.poverty_rate_2020_bp);
  std::vector<I> w, lo(us.size(), 100), hi;
  for (size_t u : us) {
    const I h21 = m.units[u].exists[k2021] ? m.val(k2021, u, kHouseholds) : 1000;
    w.push_back(h21 * m.rng("households-2020", u).uniform(985, 1005));
    hi.push_back(h21 + 300);
  }
  put_all(m, k2020, us, kHouseholds, checked(allocate(total, w, lo, hi), "households", "2020"),
          "estimate:step2 households-2020: " + with_commas(total) + " = " + with_commas(in.poor_2020) + " / " +
              in.poverty_rate_2020_text + " % (reported, 2020 review) split like 2021");
}

// Step 3a: a commune whose 2020 rate is reported needs a household count for which some whole
// number of poor households gives that rate to four decimals; the nearest such count is taken
// and the difference moved to the largest other unit of its district.
I pin_reported_rate(Model& m, size_t u, I target) {
  const I h = m.val(k2020, u, kHouseholds);
  for (I step = 0; step < 400; ++step) {
    const I delta = step % 2 == 0 ? step / 2 : -(step / 2 + 1);
    const I hh = h + delta;
    const I p = div_round(target * hh, kBp);
    if (hh <= 0 || rate_bp(p, hh) != target) continue;
    size_t other = u;
    for (size_t v : units_of(m, k2020, m.units[u].unit->district))
      if (v != u && (other == u || m.val(k2020, v, kHouseholds) > m.val(k2020, other, kHouseholds))) other = v;
    m.at(k2020, u, kHouseholds).v = hh;
    m.at(k2020, other, kHouseholds).v -= delta;
    return p;
  }
  checked(std::nullopt, "households", m.slug(u));
  return 0;
}

// Steps 3b-c: the twinned communes of 2020. The 11 highest drawn rates (besides the two
// reported ones) go above 35 %, the other 38 are scaled to the mean, counts are rounded, and
// single households move until the printed mean is 25.36 %.
void poverty_2020_twinned(Model& m) {
  const Units twinned = m.twinned_in(k2020);
  std::map<size_t, I> pinned;
  const Inputs& in = m.inputs;
  for (const auto& [slug, target] : in.pinned_2020)
    for (size_t u : twinned)
      if (m.slug(u) == slug) pinned[u] = pin_reported_rate(m, u, target.v);
  Units rest;
  std::vector<std::pair<I, size_t>> raw;
  for (size_t u : twinned) {
    if (pinned.count(u)) continue;
    I r = district_rate(m, u) * m.rng("poverty-2020-twinned", u).uniform(60, 150) / 100;
    if (m.units[u].new_rural_2019) r = r * 40 / 100;
    raw.push_back({std::clamp<I>(r, 200, 9000), u});
  }
  std::stable_sort(raw.begin(), raw.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  const size_t n_high = static_cast<size_t>(in.above.v) - pinned.size();
  std::map<size_t, I> rate;
  I fixed_sum = 0;
  for (auto [u, p] : pinned) fixed_sum += rate_bp(p, m.val(k2020, u, kHouseholds));
  for (size_t i = 0; i < n_high && i < raw.size(); ++i) {
    const size_t u = raw[i].second;
    rate[u] = m.rng("poverty-2020-twinned", u).uniform(in.threshold_bp + 60, 5600);
    fixed_sum += rate[u];
  }
  // The low group: odds scaled by the largest factor whose clamped sum stays within the target.
  const I kLowMin = 300, kLowMax = in.threshold_bp - 100;
  const I goal = static_cast<I>(twinned.size()) * in.poverty_now.v;
  Units low;
  std::vector<I> low_raw;
  for (size_t i = n_high; i < raw.size(); ++i) {
    low.push_back(raw[i].second);
    low_raw.push_back(raw[i].first);
  }
  auto low_sum = [&](I f) {
    I s = 0;
    for (I r : low_raw) s += std::clamp(scale_odds_bp(r, f), kLowMin, kLowMax);
    return s;
  };
  I a = 1, b = 100000;
  while (b - a > 1) {
    const I mid = (a + b) / 2;
    (low_sum(mid) <= goal - fixed_sum ? a : b) = mid;
  }
  std::vector<I> low_rate;
  for (I r : low_raw) low_rate.push_back(std::clamp(scale_odds_bp(r, a), kLowMin, kLowMax));
  if (!fit_sum(low_rate, std::vector<I>(low.size(), kLowMin), std::vector<I>(low.size(), kLowMax), goal - fixed_sum))
    checked(std::nullopt, "poverty", "twinned-2020");
  for (size_t i = 0; i < low.size(); ++i) rate[low[i]] = low_rate[i];

  std::map<size_t, I> poor = pinned;
  for (auto [u, r] : rate) poor[u] = div_round(m.val(k2020, u, kHouseholds) * r, kBp);
  auto printed_sum = [&] {
    I s = 0;
    for (auto [u, p] : poor) s += rate_bp(p, m.val(k2020, u, kHouseholds));
    return s;
  };
  // Move single households in the low group, in table order, until the printed mean rounds right.
  const I half = static_cast<I>(twinned.size()) / 2;
  for (int guard = 0; std::abs(printed_sum() - goal) > half; ++guard) {
    if (guard > 100000 || low.empty()) checked(std::nullopt, "poverty", "twinned-2020");
    const size_t u = low[static_cast<size_t>(guard) % low.size()];
    const I h = m.val(k2020, u, kHouseholds);
    const I p = poor[u] + (printed_sum() < goal ? 1 : -1);
    if (rate_bp(p, h) >= kLowMin && rate_bp(p, h) <= kLowMax) poor[u] = p;
  }
  for (auto [u, p] : poor)
    m.put(k2020, u, kPoorHouseholds, p, Kind::kEstimated,
          pinned.count(u) ? std::string(kSrcP20Pin)
                          : "estimate:step3 poverty-2020-twinned: rates drawn and fitted to the " + std::to_string(twinned.size()) +
                                "-commune mean " + in.poverty_now.printed + " % with " + in.above.printed + " above " +
                                std::to_string(in.threshold_bp / 100) + " % (" + in.report + " " + in.poverty_now.section +
                                ", " + in.above.section + ")");
}

// Step 4: the other units of 2020 share what is left of the province's 14,601.
void poverty_2020_others(Model& m) {
  Units us;
  I left = m.inputs.poor_2020;
  for (size_t u : m.in[k2020]) {
    if (m.twinned(u, k2020))
      left -= m.val(k2020, u, kPoorHouseholds);
    else
      us.push_back(u);
  }
  std::vector<I> h, r, noise(us.size(), 1000), lo(us.size(), 0), hi;
  for (size_t u : us) {
    // Twinned in 2016 but not in 2021: the communes that left special-difficulty status (fn9).
    const bool left_status = m.units[u].twinned_2016 && !m.units[u].twinned_2021;
    const I factor = m.urban(u)                     ? (m.kind(u) == "ward" ? 15 : 30)
                     : m.units[u].new_rural_2019 ? 35
                     : left_status               ? 50
                     : m.hard(u, k2020)          ? 110
                                                 : 70;
    h.push_back(m.val(k2020, u, kHouseholds));
    r.push_back(std::clamp<I>(district_rate(m, u) * factor / 100 * m.rng("poverty-2020-others", u).uniform(70, 130) / 100,
                              20, 9000));
    hi.push_back(h.back() * 6000 / kBp);
  }
  put_all(m, k2020, us, kPoorHouseholds, checked(odds_allocate(left, h, r, noise, lo, hi), "poor households", "2020"),
          "estimate:step4 poverty-2020-others: " + with_commas(m.inputs.poor_2020) +
              " (reported) less the twinned communes' split by odds-scaled rates");
}

// Step 5: 2021 (new standard): each district's poor households, split by the odds of 2020 rates.
void poverty_2021(Model& m) {
  for (const auto& d : m.inputs.review) {
    Units us = units_of(m, k2021, d.slug);
    std::vector<I> h, r, noise, lo(us.size(), 0), hi;
    for (size_t u : us) {
      h.push_back(m.val(k2021, u, kHouseholds));
      r.push_back(std::max<I>(30, m.units[u].exists[k2020] ? m.poverty_bp(k2020, u) : 1000));
      noise.push_back(m.rng("poverty-2021", u).uniform(800, 1250));
      hi.push_back(h.back() * 9500 / kBp);
    }
    put_all(m, k2021, us, kPoorHouseholds, checked(odds_allocate(d.poor(), h, r, noise, lo, hi), "poor households", d.slug),
            kSrcP21);
  }
}

// Step 8: 2016 households from the 2020 unit the 2016 unit became.
void households_2016(Model& m) {
  for (size_t u : m.in[k2016]) {
    const size_t v = static_cast<size_t>(m.next[u]);
    m.put(k2016, u, kHouseholds, div_round(m.val(k2020, v, kHouseholds) * m.rng("households-2016", u).uniform(900, 970), 1000),
          Kind::kEstimated, kSrcH16);
  }
}

// Step 9: 2016 poverty. Twinned communes: the odds of the 2020 rate times one common factor
// (and a drawn 0.7-1.4 per commune), fitted to the mean 50.99 %. Others: odds-scaled to the
// province rate assumed for 2016.
void poverty_2016(Model& m) {
  const Units twinned = m.twinned_in(k2016);
  constexpr I kMax = 9300;
  std::vector<I> base, noise, lo, hi(twinned.size(), kMax);
  for (size_t u : twinned) {
    base.push_back(m.poverty_bp(k2020, static_cast<size_t>(m.next[u])));
    noise.push_back(m.rng("poverty-2016", u).uniform(700, 1400));
    lo.push_back(std::min(kMax, base.back() + 300));
  }
  const I goal = static_cast<I>(twinned.size()) * m.inputs.poverty_2016.v;
  auto rates = [&](I f) {
    std::vector<I> r;
    for (size_t i = 0; i < twinned.size(); ++i) r.push_back(std::clamp(scale_odds_bp(base[i], f * noise[i] / 1000), lo[i], hi[i]));
    return r;
  };
  auto sum = [](const std::vector<I>& v) {
    I s = 0;
    for (I x : v) s += x;
    return s;
  };
  I a = 1000, b = 1000000;
  while (b - a > 1) {
    const I mid = (a + b) / 2;
    (sum(rates(mid)) <= goal ? a : b) = mid;
  }
  std::vector<I> r = rates(a);
  if (!fit_sum(r, lo, hi, goal)) checked(std::nullopt, "poverty", "twinned-2016");
  std::vector<I> poor;
  for (size_t i = 0; i < twinned.size(); ++i) poor.push_back(div_round(m.val(k2016, twinned[i], kHouseholds) * r[i], kBp));
  auto printed_sum = [&] {
    I s = 0;
    for (size_t i = 0; i < twinned.size(); ++i) s += rate_bp(poor[i], m.val(k2016, twinned[i], kHouseholds));
    return s;
  };
  const I half = static_cast<I>(twinned.size()) / 2;
  for (int guard = 0; std::abs(printed_sum() - goal) > half; ++guard) {
    if (guard > 100000) checked(std::nullopt, "poverty", "twinned-2016");
    const size_t i = static_cast<size_t>(guard) % twinned.size();
    const I h = m.val(k2016, twinned[i], kHouseholds);
    const I p = poor[i] + (printed_sum() < goal ? 1 : -1);
    if (rate_bp(p, h) >= lo[i] - 100 && rate_bp(p, h) <= kMax + 100) poor[i] = p;
  }
  put_all(m, k2016, twinned, kPoorHouseholds, poor,
          "estimate:step9 poverty-2016-twinned: odds of the 2020 rate scaled so the " + std::to_string(twinned.size()) +
              "-commune mean is " + m.inputs.poverty_2016.printed + " % (" + m.inputs.report + " " +
              m.inputs.poverty_2016.section + ")");

  Units us;
  I all = 0, left = 0;
  for (size_t u : m.in[k2016]) {
    all += m.val(k2016, u, kHouseholds);
    if (!m.twinned(u, k2016)) us.push_back(u);
  }
  left = div_round(all * m.inputs.assumed_rate_2016_bp, kBp) - sum(poor);
  std::vector<I> h, rr, nz, lo2(us.size(), 0), hi2;
  for (size_t u : us) {
    h.push_back(m.val(k2016, u, kHouseholds));
    rr.push_back(std::max<I>(30, m.poverty_bp(k2020, static_cast<size_t>(m.next[u]))));
    nz.push_back(m.rng("poverty-2016", u).uniform(850, 1200));
    hi2.push_back(h.back() * 9000 / kBp);
  }
  put_all(m, k2016, us, kPoorHouseholds, checked(odds_allocate(left, h, rr, nz, lo2, hi2), "poor households", "2016"),
          "estimate:step9 poverty-2016-others: province rate " + m.inputs.assumed_rate_2016_text +
              " % (assumed) less the twinned communes' split by odds-scaled 2020 rates");
}

}  // namespace

void estimate_households(Model& m) {
  households_2021(m);
  households_2020(m);
}

void estimate_poverty(Model& m) {
  poverty_2020_twinned(m);
  poverty_2020_others(m);
  poverty_2021(m);
  households_2016(m);
  poverty_2016(m);
}

// Steps 6, 7 and 10: EM households and poor EM households. Bounds keep every count possible:
// poor EM households <= poor households and <= EM households, and the non-EM poor fit in the
// non-EM households.
void estimate_ethnic_minority(Model& m) {
  for (size_t u : m.in[k2021]) {
    auto rng = m.rng("em-2021", u);
    m.em_target[u] = m.kind(u) == "ward"   ? rng.uniform(800, 2500)
                     : m.kind(u) == "town" ? rng.uniform(3000, 5500)
                     : m.twinned(u, k2021) ? rng.uniform(9000, 9950)
                     : m.hard(u, k2021)    ? rng.uniform(8500, 9900)
                                           : rng.uniform(4000, 8000);
  }
  for (size_t u : m.in[k2016])  // a unit that ended before 2021 takes its successor's share
    if (!m.units[u].exists[k2021]) m.em_target[u] = m.em_target[static_cast<size_t>(m.next[u])];
  // The 2022 re-review counts the units whose EM households are under the scope threshold
  // (15 %): the units with the lowest drawn shares are held under it, every other unit at or above.
  const Inputs& in = m.inputs;
  std::vector<bool> under(m.units.size(), false);
  {
    Units order = m.in[k2021];
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return m.em_target[a] < m.em_target[b]; });
    for (size_t i = 0; i < order.size() && i < static_cast<size_t>(in.em_units_under_scope); ++i) under[order[i]] = true;
    for (size_t u : m.in[k2016])
      if (!m.units[u].exists[k2021]) under[u] = under[static_cast<size_t>(m.next[u])];
  }
  // The largest count under the threshold, and the smallest at or above it, of h households.
  auto under_max = [&](I h) {
    I e = h * in.em_scope_bp / kBp + 1;
    while (e > 0 && rate_bp(e, h) >= in.em_scope_bp) --e;
    return e;
  };
  auto scope_min = [&](I h) {
    I e = std::max<I>(0, h * in.em_scope_bp / kBp - 1);
    while (rate_bp(e, h) < in.em_scope_bp) ++e;
    return e;
  };
  auto keep_side = [&](size_t u, I em, I h) { return under[u] ? std::min(em, under_max(h)) : std::max(em, std::min(h, scope_min(h))); };
  const std::string src21 = std::string(kSrcEm21) + "; the " + std::to_string(in.em_units_under_scope) +
                            " lowest held under " + in.em_scope_text + " %, the others at or above (2022 re-review)";
  for (const auto& d : m.inputs.review) {
    Units us = units_of(m, k2021, d.slug);
    std::vector<I> h = get(m, k2021, us, kHouseholds), p = get(m, k2021, us, kPoorHouseholds);
    std::vector<I> w, zero(us.size(), 0);
    for (size_t i = 0; i < us.size(); ++i) w.push_back(p[i] * m.em_target[us[i]]);
    std::vector<I> em_poor = checked(allocate(d.em_poor, w, zero, p), "poor EM households", d.slug);
    std::vector<I> lo = em_poor, hi, w2;
    for (size_t i = 0; i < us.size(); ++i) {
      hi.push_back(h[i] - (p[i] - em_poor[i]));
      if (under[us[i]]) hi[i] = std::min(hi[i], under_max(h[i]));
      else lo[i] = std::max(lo[i], scope_min(h[i]));
      w2.push_back(h[i] * m.em_target[us[i]]);
    }
    put_all(m, k2021, us, kEmPoorHouseholds, em_poor, kSrcEm21);
    put_all(m, k2021, us, kEmHouseholds, checked(allocate(d.em_households, w2, lo, hi), "EM households", d.slug), src21);
  }
  // 2020: EM households follow the unit's household change; poor EM households are 18.75 % of
  // all EM households.
  const Units& us = m.in[k2020];
  I em_all = 0;
  std::vector<I> w, lo, hi;
  for (size_t u : us) {
    const I h = m.val(k2020, u, kHouseholds), p = m.val(k2020, u, kPoorHouseholds);
    const I h21 = m.val(k2021, u, kHouseholds);
    const I em = keep_side(u, h21 > 0 ? std::min(h, div_round(m.val(k2021, u, kEmHouseholds) * h, h21)) : h / 2, h);
    m.put(k2020, u, kEmHouseholds, em, Kind::kEstimated, kSrcEm20);
    em_all += em;
    w.push_back(p * m.em_target[u]);
    lo.push_back(std::max<I>(0, p - (h - em)));
    hi.push_back(std::min(p, em));
  }
  put_all(m, k2020, us, kEmPoorHouseholds,
          checked(allocate(div_round(em_all * m.inputs.em_poverty_rate_2020_bp, kBp), w, lo, hi), "poor EM households", "2020"),
          "estimate:step7 em-2020: EM poverty " + m.inputs.em_poverty_rate_2020_text + " % (reported, 2020 review) split over the poor");
  // 2016: from the 2020 unit, scaled by households; the EM share of the poor kept.
  for (size_t u : m.in[k2016]) {
    const size_t v = static_cast<size_t>(m.next[u]);
    const I h = m.val(k2016, u, kHouseholds), p = m.val(k2016, u, kPoorHouseholds);
    const I em = keep_side(u, std::min(h, div_round(m.val(k2020, v, kEmHouseholds) * h, m.val(k2020, v, kHouseholds))), h);
    const I p20 = m.val(k2020, v, kPoorHouseholds);
    I em_poor = p20 > 0 ? div_round(p * m.val(k2020, v, kEmPoorHouseholds), p20) : div_round(p * em, h);
    em_poor = std::clamp(em_poor, std::max<I>(0, p - (h - em)), std::min(p, em));
    m.put(k2016, u, kEmHouseholds, em, Kind::kEstimated, kSrcEm16);
    m.put(k2016, u, kEmPoorHouseholds, em_poor, Kind::kEstimated, kSrcEm16);
  }
}

// Steps 11 and 12: near-poor households (a share peaking at middling poverty; 2020 and 2021
// split the reported province totals) and population (households x a drawn household size).
void estimate_near_poor_population(Model& m) {
  auto near_poor_bp = [](I r) { return 300 + 4 * r * (kBp - r) / 100000; };
  for (int s = 0; s < kSnaps; ++s) {
    const Units& us = m.in[s];
    std::vector<I> w, lo(us.size(), 0), hi;
    for (size_t u : us) {
      const I h = m.val(s, u, kHouseholds), p = m.val(s, u, kPoorHouseholds);
      w.push_back(h * near_poor_bp(m.poverty_bp(s, u)) * m.rng("near-poor-" + std::to_string(kYears[s]), u).uniform(70, 130));
      hi.push_back(h - p);
    }
    std::vector<I> np;
    if (s == k2016) {
      for (size_t i = 0; i < us.size(); ++i) np.push_back(std::min(hi[i], div_round(w[i], 100 * kBp)));
    } else {
      np = checked(allocate(s == k2020 ? m.inputs.near_poor_2020 : m.inputs.near_poor_2021, w, lo, hi), "near-poor households",
                   std::to_string(kYears[s]));
    }
    for (size_t i = 0; i < us.size(); ++i) m.near_poor[s][us[i]] = np[i];
  }
  for (int s = 0; s < kSnaps; ++s)
    for (size_t u : m.in[s]) {
      auto rng = m.rng("population", u);
      const I size = m.kind(u) == "ward" ? rng.uniform(350, 380)
                     : m.kind(u) == "town" ? rng.uniform(355, 390)
                     : m.hard(u, k2016) ? rng.uniform(390, 450)
                                        : rng.uniform(365, 410);
      m.put(s, u, kPopulation, div_round(m.val(s, u, kHouseholds) * size, 100), Kind::kEstimated, kSrcPop);
    }
}

}  // namespace lotrinh::estimate
