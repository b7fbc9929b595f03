#include <catch2/catch.hpp>

#include <optional>

#include "diag/messages.h"
#include "report/cell_text.h"
#include "report/result_table.h"

namespace diag = lotrinh::diag;
namespace report = lotrinh::report;

namespace {
struct ViScope {
  ViScope() { diag::set_lang(diag::Lang::kVi); }
  ~ViScope() { diag::set_lang(diag::Lang::kEn); }
};
}  // namespace

TEST_CASE("a money cell shows billions in a table and keeps its dong for CSV and JSON", "[report]") {
  diag::set_lang(diag::Lang::kEn);
  report::Cell c = report::money(1408540000000.0);
  CHECK(report::table_text(c) == "1,408.54 billion VND");
  CHECK(*c.number == 1408540000000.0);
  CHECK(report::shortest_number(*c.number) == "1408540000000");
  CHECK(report::table_text(report::number(14601.0)) == "14,601");
  CHECK(report::table_text(report::year(2025)) == "2025");
  CHECK(report::table_text(report::percent(0.2536, 2)) == "25.36 %");
  ViScope vi;
  CHECK(report::table_text(c) == "1.408,54 tỷ đồng");
  CHECK(report::table_text(report::number(14601.0)) == "14.601");
  CHECK(report::table_text(report::percent(0.2536, 2)) == "25,36 %");
  CHECK(report::table_text(report::money(std::optional<double>{})) == "-");
}
