#include "sim/aggregates.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace lotrinh::sim {

size_t Aggregates::bin(double fraction) {
  double b = std::round(fraction * 1000.0);
  if (!(b > 0)) return 0;
  if (b >= static_cast<double>(kBins - 1)) return kBins - 1;
  return static_cast<size_t>(b);
}

Aggregates::Aggregates(const AggregateShape& s) : shape_(s) {
  size_t at = 1;
  exit_ = at; at += s.communes * (s.years + 1);
  iii_ = at; at += s.groups * s.years;
  unknown_ = at; at += s.years;
  listed_ = at; at += s.lists * s.communes;
  fan_ = at; at += s.groups * s.years * kBins;
  last_ = at; at += s.communes * kBins;
  behind_ = at; at += s.communes;
  hold_ = at; at += s.communes * s.criteria;
  clamp_ = at; at += s.states;
  missing_ = at; at += s.states;
  target_ = at; at += s.targets * kTargetOutcomes;
  v_.assign(at, 0);
}

void Aggregates::add(const Aggregates& o) {
  if (!(o.shape_ == shape_)) throw std::invalid_argument("aggregate shapes differ");
  for (size_t i = 0; i < v_.size(); ++i) v_[i] += o.v_[i];
}

std::string Aggregates::counts_text() const {
  std::string out;
  out.reserve(v_.size() * 2);
  char buf[24];
  for (size_t i = 0; i < v_.size(); ++i) {
    auto r = std::to_chars(buf, buf + sizeof buf, v_[i]);
    if (i) out += ' ';
    out.append(buf, r.ptr);
  }
  return out;
}

void Aggregates::set_counts(const std::string& text) {
  const char* p = text.data();
  const char* end = p + text.size();
  for (size_t i = 0; i < v_.size(); ++i) {
    while (p < end && *p == ' ') ++p;
    auto r = std::from_chars(p, end, v_[i]);
    if (r.ec != std::errc()) throw std::invalid_argument("too few counts");
    p = r.ptr;
  }
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r')) ++p;
  if (p != end) throw std::invalid_argument("too many counts");
}

double Aggregates::percentile(const std::int64_t* hist, std::int64_t total, int q) {
  if (total <= 0) return std::numeric_limits<double>::quiet_NaN();
  std::int64_t cum = 0;
  for (size_t b = 0; b < kBins; ++b) {
    cum += hist[b];
    if (cum * 100 >= static_cast<std::int64_t>(q) * total && cum > 0) return static_cast<double>(b) / 1000.0;
  }
  return 1.0;
}

}  // namespace lotrinh::sim
