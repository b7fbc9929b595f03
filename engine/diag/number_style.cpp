#include "diag/number_style.h"

#include "diag/messages.h"

namespace lotrinh::diag {

std::string local_number(const std::string& plain, NumberKind kind) {
  if (lang() != Lang::kVi || plain.empty()) return plain;
  size_t start = plain[0] == '-' ? 1 : 0;
  size_t dot = plain.find('.');
  size_t whole_end = dot == std::string::npos ? plain.size() : dot;
  if (whole_end == start) return plain;
  for (size_t i = start; i < plain.size(); ++i)
    if (i != dot && (plain[i] < '0' || plain[i] > '9')) return plain;
  std::string whole = plain.substr(start, whole_end - start);
  if (kind == NumberKind::kQuantity && whole.size() >= 4) {
    std::string grouped;
    for (size_t i = 0; i < whole.size(); ++i) {
      if (i && (whole.size() - i) % 3 == 0) grouped += '.';
      grouped += whole[i];
    }
    whole = grouped;
  }
  std::string out = plain.substr(0, start) + whole;
  if (dot != std::string::npos) out += ',' + plain.substr(dot + 1);
  return out;
}

}  // namespace lotrinh::diag
