#include "data/catalogue.h"

#include <algorithm>

namespace lotrinh::data {

void Catalogue::add(Indicator ind) {
  std::string id = ind.id;
  indicators_.insert_or_assign(std::move(id), std::move(ind));
}

void Catalogue::add(Alias alias) {
  std::string id = alias.id;
  aliases_.insert_or_assign(std::move(id), std::move(alias));
}

const Indicator* Catalogue::find(const std::string& id) const {
  auto it = indicators_.find(id);
  return it == indicators_.end() ? nullptr : &it->second;
}

const Alias* Catalogue::find_alias(const std::string& id) const {
  auto it = aliases_.find(id);
  return it == aliases_.end() ? nullptr : &it->second;
}

std::optional<std::string> Catalogue::resolve(const std::string& id, int year) const {
  if (find(id)) return id;
  const Alias* alias = find_alias(id);
  if (!alias) return std::nullopt;
  for (const auto& p : alias->periods) {
    if ((p.from_year == 0 || year >= p.from_year) && (p.until_year == 0 || year <= p.until_year))
      return p.indicator;
  }
  return std::nullopt;
}

std::vector<std::string> Catalogue::ids() const {
  std::vector<std::string> out;
  out.reserve(indicators_.size() + aliases_.size());
  for (const auto& [id, ind] : indicators_) out.push_back(id);
  for (const auto& [id, alias] : aliases_) out.push_back(id);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace lotrinh::data
