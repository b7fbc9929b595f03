#include "expr/compiled_expr.h"

#include <algorithm>

namespace lotrinh::expr {

int SymbolTable::add(const std::string& name) {
  if (auto slot = find(name)) return *slot;
  names_.push_back(name);
  return size() - 1;
}

std::optional<int> SymbolTable::find(const std::string& name) const {
  auto it = std::find(names_.begin(), names_.end(), name);
  if (it == names_.end()) return std::nullopt;
  return static_cast<int>(it - names_.begin());
}

}  // namespace lotrinh::expr
