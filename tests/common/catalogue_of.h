#pragma once
// A catalogue of plain indicators for tests, from (id, unit) pairs.
#include <initializer_list>
#include <string>
#include <utility>

#include "data/catalogue.h"

namespace lotrinh::testing {

/// One indicator per pair, named by its id, with the given unit and no range.
inline data::Catalogue catalogue_of(std::initializer_list<std::pair<const char*, const char*>> indicators) {
  data::Catalogue c;
  for (const auto& [id, unit] : indicators) {
    data::Indicator ind;
    ind.id = id;
    ind.name_en = id;
    ind.unit = unit;
    c.add(ind);
  }
  return c;
}

}  // namespace lotrinh::testing
