#include <catch2/catch.hpp>

#include "diag/messages.h"
#include "diag/number_style.h"

using lotrinh::diag::local_number;
using lotrinh::diag::money_text;
namespace diag = lotrinh::diag;

namespace {
struct ViScope {
  ViScope() { diag::set_lang(diag::Lang::kVi); }
  ~ViScope() { diag::set_lang(diag::Lang::kEn); }
};
}  // namespace

TEST_CASE("English quantities use a decimal point and group four digits or more with commas", "[diag]") {
  diag::set_lang(diag::Lang::kEn);
  CHECK(local_number("59.09") == "59.09");
  CHECK(local_number("14601") == "14,601");
  CHECK(local_number("1234567.25") == "1,234,567.25");
  CHECK(local_number("1408.54") == "1,408.54");
  CHECK(local_number("-1408") == "-1,408");
  CHECK(local_number("999") == "999");
  CHECK(local_number("0.5") == "0.5");
  CHECK(local_number("1e+20") == "1e+20");
  CHECK(local_number("-") == "-");
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

TEST_CASE("money is written in billions of dong from one billion on, else in millions, in each language's style", "[diag]") {
  diag::set_lang(diag::Lang::kEn);
  CHECK(money_text(1408540000000.0) == "1,408.54 billion VND");
  CHECK(money_text(349542000000.0) == "349.54 billion VND");
  CHECK(money_text(350000000.0) == "350.00 million VND");
  CHECK(money_text(-2500000000.0) == "-2.50 billion VND");
  CHECK(money_text(0) == "0.00 million VND");
  ViScope vi;
  CHECK(money_text(1408540000000.0) == "1.408,54 tỷ đồng");
  CHECK(money_text(350000000.0) == "350,00 triệu đồng");
  CHECK(money_text(3145882000000.0) == "3.145,88 tỷ đồng");
}
