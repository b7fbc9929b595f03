#pragma once
// province.toml -> ProvinceFile (the format: scenarios/README.md).
#include <string>
#include <string_view>

#include "config/province_file.h"

namespace lotrinh::config {

/// The manifest's file name in a province folder.
inline constexpr const char* kProvinceManifest = "province.toml";

/// Parses a manifest read from `path` (in folder `dir`). Every problem (TOML syntax, unknown keys,
/// wrong types, a missing communes table, a table file that does not exist, years out of order)
/// is thrown together as diag::InputError, located in the file.
ProvinceFile parse_province_file(const std::string& path, const std::string& dir, std::string_view text);

/// Reads `dir`/province.toml.
ProvinceFile read_province_dir(const std::string& dir);

}  // namespace lotrinh::config
