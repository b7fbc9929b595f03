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

namespace detail {

std::string local_text(long long v, int) { return local_number(fmt::format("{}", v)); }
std::string local_text(unsigned long long v, int) { return local_number(fmt::format("{}", v)); }
std::string local_text(double v, int decimals) {
  if (v == 0) v = 0;  // no "-0"
  std::string plain = decimals < 0 ? fmt::format("{}", v) : fmt::format("{:.{}f}", v, decimals);
  if (plain.size() > 1 && plain[0] == '-' && plain.find_first_not_of("0.", 1) == std::string::npos) plain.erase(0, 1);
  return local_number(plain);
}

}  // namespace detail

std::string money_text(double dong) {
  const bool billions = std::fabs(dong) >= 1e9;
  std::string digits = fmt::format("{:.2f}", dong / (billions ? 1e9 : 1e6));
  if (digits == "-0.00") digits = "0.00";
  return local_number(digits) + " " + msg(billions ? "money.billion" : "money.million");
}

}  // namespace lotrinh::diag
