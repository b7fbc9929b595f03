#pragma once
// The published figures the Kon Tum estimate reproduces: report 141-BC/TU (8 Nov 2021), the
// province's end-2020 poverty review and the end-2021 district review (as restated in
// shared/report-facts.md and shared/domain-facts.md section 7). Rates are in basis points.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace lotrinh::estimate {

/// One district row of the end-2021 poverty review (new standard), bandantoc.kontum.gov.vn.
struct DistrictReview {
  std::string_view slug;  ///< District slug of units.csv.
  std::int64_t households, em_households, em_poor;
  std::int64_t em_poor_share_bp;  ///< EM share of poor households, as printed (99.13 % = 9913).
};

/// The ten districts of the review.
inline constexpr std::array<DistrictReview, 10> kReview2021 = {{
    {"dak-glei", 13389, 11710, 2510, 9913},
    {"ngoc-hoi", 16029, 9133, 942, 9554},
    {"dak-to", 12572, 6302, 1795, 9492},
    {"dak-ha", 18106, 8114, 2545, 9454},
    {"sa-thay", 14118, 7885, 2633, 9353},
    {"kon-tum", 44451, 12729, 772, 7338},
    {"kon-ray", 7378, 4812, 1746, 9520},
    {"kon-plong", 7551, 6495, 3353, 10000},
    {"tu-mo-rong", 6805, 6452, 3545, 9997},
    {"ia-hdrai", 3162, 1944, 976, 7578},
}};

/// The review row of a district, or nullptr.
const DistrictReview* find_review(std::string_view district_slug);
/// "dak-glei, ngoc-hoi, ..." for messages.
std::string review_district_list();
/// Poor households of a district: the one count whose EM share, rounded to the printed
/// digits, is the printed share (derived; the ten sum to 21,989, the province's count).
std::int64_t review_poor(const DistrictReview& d);

/// Communes twinned at the start of 2016 and at the report's date (footnote 9).
inline constexpr size_t kReportTwinned = 51;
/// Rates the report gives for single communes at the end of 2020 (III.2).
inline constexpr std::array<std::pair<std::string_view, std::int64_t>, 2> kReportedPoverty2020 = {{
    {"ngoc-linh", 7649}, {"muong-hoong", 5909}}};
/// Plain means of the twinned communes' poverty rates (II.2) and the count above 35 % (III.2).
inline constexpr std::int64_t kTwinnedMean2016 = 5099, kTwinnedMean2020 = 2536;
inline constexpr size_t kTwinnedAbove35 = 13;
inline constexpr std::int64_t kThreshold35 = 3500;
/// Province, end-2020 review (kontum.gov.vn): poor households, poverty rate, near-poor
/// households, EM poverty rate (poor EM households / EM households).
inline constexpr std::int64_t kPoor2020 = 14601, kPovertyRate2020 = 1029, kNearPoor2020 = 8372,
                              kEmPovertyRate2020 = 1875;
/// Province, end-2021 review (new standard, thoidai.com.vn): near-poor households.
inline constexpr std::int64_t kNearPoor2021 = 9091;
/// Villages of the 51 twinned communes at the report's date (II.5: "125 of 367").
inline constexpr std::int64_t kTwinnedVillages = 367;
/// Special-difficulty villages of Kon Tum on the 2016-2020 list (Decision 582/QĐ-TTg, 2017).
inline constexpr std::int64_t kSdVillages582 = 429;
/// ASSUMPTION, not a source figure: the province's poverty rate at the end of 2016. The sources
/// say only "over 26 %" at the start of 2016 and "under 24 %" at the start of 2017 (kontumtv).
inline constexpr std::int64_t kAssumedPovertyRate2016 = 2350;

}  // namespace lotrinh::estimate
