#include "data/provenance.h"

#include <catch2/catch.hpp>

#include "diag/diagnostic.h"

using lotrinh::data::ProvenanceTable;

TEST_CASE("provenance rows are found by unit, year and indicator", "[data]") {
  auto t = ProvenanceTable::parse("p.csv",
                                  "commune,year,indicator,kind,source\n"
                                  "muong-hoong,2020,poverty_rate_2016,reported,\"report 141-BC/TU, III.2\"\n"
                                  "muong-hoong,2020,households,estimated,estimate:step2\n");
  REQUIRE(t.find("muong-hoong", 2020, "poverty_rate_2016"));
  CHECK(t.find("muong-hoong", 2020, "poverty_rate_2016")->source == "report 141-BC/TU, III.2");
  CHECK(t.find("muong-hoong", 2020, "households")->kind == "estimated");
  CHECK(t.find("muong-hoong", 2016, "households") == nullptr);
}

TEST_CASE("a provenance kind other than the three is refused at its cell", "[data]") {
  try {
    ProvenanceTable::parse("p.csv", "commune,year,indicator,kind,source\nxa,2020,households,guessed,me\n");
    FAIL("no error");
  } catch (const lotrinh::diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "p.csv:2:20: error: 'guessed' is not a kind of provenance\n"
          "  xa,2020,households,guessed,me\n"
          "                     ^\n"
          "  hint: write reported, derived or estimated\n");
  }
}

TEST_CASE("a value whose provenance is given twice is refused", "[data]") {
  try {
    ProvenanceTable::parse("p.csv", "commune,year,indicator,kind,source\nxa,2020,households,derived,a\nxa,2020,households,derived,b\n");
    FAIL("no error");
  } catch (const lotrinh::diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "p.csv:3:1: error: the provenance of xa, 2020, households is given twice\n"
          "  xa,2020,households,derived,b\n"
          "  ^\n"
          "  hint: keep one row per value\n");
  }
}
