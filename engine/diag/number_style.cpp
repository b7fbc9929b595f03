#include "diag/number_style.h"

#include <fmt/format.h>

#include <cmath>

#include "diag/messages.h"

namespace lotrinh::diag {

std::string local_number(const std::string& plain, NumberKind kind) {
  if (plain.empty()) return plain;
  const bool vi = lang() == Lang::kVi;
  const char group = vi ? '.' : ',', decimal = vi ? ',' : '.';
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
      if (i && (whole.size() - i) % 3 == 0) grouped += group;
      grouped += whole[i];
    }
    whole = grouped;
  }
  std::string out = plain.substr(0, start) + whole;
  if (dot != std::string::npos) out += decimal + plain.substr(dot + 1);
  return out;
}

std::string money_text(double dong) {
  const bool billions = std::fabs(dong) >= 1e9;
  std::string digits = fmt::format("{:.2f}", dong / (billions ? 1e9 : 1e6));
  if (digits == "-0.00") digits = "0.00";
  return local_number(digits) + " " + msg(billions ? "money.billion" : "money.million");
}

}  // namespace lotrinh::diag
