#pragma once
// TOML text -> data::Catalogue (rules/indicators.toml).
#include <string>
#include <string_view>

#include "data/catalogue.h"

namespace lotrinh::config {

/// Parses an indicator catalogue; every problem in the file is thrown together as InputError.
data::Catalogue parse_catalogue(const std::string& path, std::string_view text);
data::Catalogue read_catalogue(const std::string& path);

}  // namespace lotrinh::config
