#pragma once
// The Kon Tum commune dataset (scenarios/kontum/communes.csv and provenance.csv), estimated from
// the units tables and the figures of report 141-BC/TU and the 2020/2021 poverty reviews by a
// seeded, integer-only procedure: the same inputs and seed give the same bytes on every machine.
// scenarios/kontum/DATA.md describes the steps.
#include <cstdint>
#include <string>

namespace lotrinh::estimate {

/// The seed of the shipped dataset (the date of report 141-BC/TU, 8 Nov 2021).
inline constexpr std::uint64_t kDefaultSeed = 20211108;

/// The two CSV files of the dataset, as text.
struct EstimatedDataset {
  std::string communes_csv;    ///< commune,year,name,district, then indicator columns.
  std::string provenance_csv;  ///< commune,year,indicator,kind,source: one row per value.
};

/// Estimates the dataset from `units_dir`/units.csv (with units_2025.csv, lineage.csv) and
/// `units_dir`/districts.csv. Throws InputError when the tables lack what the estimate needs.
EstimatedDataset estimate_kontum(const std::string& units_dir, std::uint64_t seed = kDefaultSeed);

/// Estimates from `units_dir` and writes communes.csv and provenance.csv into `out_dir`, each
/// atomically.
void write_kontum_dataset(const std::string& units_dir, const std::string& out_dir,
                          std::uint64_t seed = kDefaultSeed);

}  // namespace lotrinh::estimate
