#include <catch2/catch.hpp>

#include "diag/messages.h"
#include "diag/number_style.h"

using lotrinh::diag::local_number;
namespace diag = lotrinh::diag;

namespace {
struct ViScope {
  ViScope() { diag::set_lang(diag::Lang::kVi); }
  ~ViScope() { diag::set_lang(diag::Lang::kEn); }
};
}  // namespace

TEST_CASE("English numbers keep the decimal point and no grouping", "[diag]") {
  diag::set_lang(diag::Lang::kEn);
  CHECK(local_number("59.09") == "59.09");
  CHECK(local_number("14601") == "14601");
}

TEST_CASE("Vietnamese quantities use a decimal comma and group four digits or more with dots", "[diag]") {
  ViScope vi;
  CHECK(local_number("59.09") == "59,09");
  CHECK(local_number("-0.5") == "-0,5");
  CHECK(local_number("14601") == "14.601");
  CHECK(local_number("1234567.25") == "1.234.567,25");
  CHECK(local_number("1408.54") == "1.408,54");
  CHECK(local_number("2500") == "2.500");
  CHECK(local_number("-1408") == "-1.408");
  CHECK(local_number("999") == "999");
  CHECK(local_number("1e+20") == "1e+20");
  CHECK(local_number("-") == "-");
}

TEST_CASE("a year is never grouped, in Vietnamese or English", "[diag]") {
  CHECK(local_number("2025", diag::NumberKind::kYear) == "2025");
  ViScope vi;
  CHECK(local_number("2025", diag::NumberKind::kYear) == "2025");
  CHECK(local_number("2025") == "2.025");
}
