#pragma once
// The published figures the Kon Tum estimate reproduces, read from data files of the province
// folder, never written in code: the figures of report 141-BC/TU from its figures file
// (report-141-figures.toml, by figure id), and the inputs that file lacks from
// estimate-inputs.csv (key,value,source) and poverty-review-2021.csv (the district table of the
// end-2021 review). Rates are held in basis points, as the estimate computes.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lotrinh::estimate {

/// One district row of the end-2021 poverty review (new standard), bandantoc.kontum.gov.vn.
struct DistrictReview {
  std::string slug;  ///< District slug of units.csv.
  std::int64_t households = 0, em_households = 0, em_poor = 0;
  std::int64_t em_poor_share_bp = 0;  ///< EM share of poor households, as printed (99.13 % = 9913).
  /// Poor households: the one count whose EM share, rounded to the printed digits, is the printed
  /// share (derived; the ten sum to 21,989, the province's count).
  std::int64_t poor() const;
};

/// A figure of the report as the estimate uses it: its value and how to cite it.
struct Target {
  std::int64_t v = 0;    ///< Basis points for a percent, else the count.
  std::string printed;   ///< As the report prints it, at the figure's decimals ("81", "93.21").
  std::string section;   ///< "II.2"
};

/// Everything the estimate is fitted to.
struct Inputs {
  std::string report;  ///< "141-BC/TU"
  std::vector<DistrictReview> review;  ///< poverty-review-2021.csv, in file order.
  // From the figures file, by figure id (DATA.md, "Inputs").
  Target twinned_2016, twinned_now;             ///< twinned-2016, twinned-now
  Target poverty_2016, poverty_now, above;      ///< poverty-2016, poverty-now, poverty-above-35
  Target villages;                              ///< villages
  std::vector<std::pair<std::string, Target>> pinned_2020;  ///< `value` figures of poverty_rate_2016, 2020
  /// The mean and count figures of the other indicators, by figure id.
  std::vector<std::pair<std::string, Target>> figures;
  // From estimate-inputs.csv, with the text as written (for citing).
  std::int64_t threshold_bp = 0;
  std::int64_t poor_2020 = 0, poverty_rate_2020_bp = 0, near_poor_2020 = 0, em_poverty_rate_2020_bp = 0;
  std::int64_t near_poor_2021 = 0, sd_villages_2016 = 0, assumed_rate_2016_bp = 0;
  std::string poverty_rate_2020_text, em_poverty_rate_2020_text, assumed_rate_2016_text;
  std::int64_t em_scope_bp = 0, em_units_under_scope = 0;  ///< Decision 33 scope; the 2022 re-review's count under it.
  std::string em_scope_text;
  /// Units whose twinned flag at the report's date is an inference although units.csv marks the
  /// unit reported (a footnote names it for 2016 only), and why.
  std::vector<std::string> twinned_now_inferred;
  std::string twinned_now_inferred_why;

  /// The review row of a district, or nullptr.
  const DistrictReview* find_review(std::string_view district_slug) const;
  /// "dak-glei, ngoc-hoi, ..." for messages.
  std::string review_district_list() const;
  /// The figure `id` of `figures` (throws std::out_of_range: read_inputs has checked them).
  const Target& figure(std::string_view id) const;
};

/// Reads the three files of `dir`. Every problem (a missing file, key, column or figure, a value
/// that is not a number) is located and thrown together as InputError.
Inputs read_inputs(const std::string& dir);

/// "14,601": a count with thousands separators.
std::string with_commas(std::int64_t n);

}  // namespace lotrinh::estimate
