#include "data/commune_table.h"

#include <algorithm>

namespace lotrinh::data {

const std::vector<double>* CommuneTable::column(const std::string& id) const {
  auto it = values.find(id);
  return it == values.end() ? nullptr : &it->second;
}

std::vector<size_t> CommuneTable::rows_in_year(int y) const {
  std::vector<size_t> out;
  for (size_t i = 0; i < year.size(); ++i)
    if (year[i] == y) out.push_back(i);
  return out;
}

std::vector<int> CommuneTable::years() const {
  std::vector<int> out(year.begin(), year.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

long CommuneTable::find_row(const std::string& unit_key, int y) const {
  for (size_t i = 0; i < unit.size(); ++i)
    if (year[i] == y && unit[i] == unit_key) return static_cast<long>(i);
  return -1;
}

}  // namespace lotrinh::data
