#include "data/provenance.h"

#include <catch2/catch.hpp>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/words.h"

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

TEST_CASE("a value computed from an estimated value is estimated, through a chain of three", "[data]") {
  // households (estimated) -> poverty_rate (derived) -> 2021 copy (derived) -> share (derived)
  auto t = ProvenanceTable::parse("p.csv",
                                  "commune,year,indicator,kind,source,from\n"
                                  "xa,2021,share,derived,copy / households,2021/rate;households\n"
                                  "xa,2021,rate,derived,the 2020 value,2020/rate\n"
                                  "xa,2020,rate,derived,poor / households,poor;households\n"
                                  "xa,2020,poor,reported,review 2020,\n"
                                  "xa,2020,households,estimated,estimate:step2,\n"
                                  "xa,2021,households,reported,review 2021,\n"
                                  "yb,2020,rate,derived,poor / households,xa/2020/poor\n");
  for (const char* id : {"rate", "share"}) {
    INFO(id);
    REQUIRE(t.find("xa", 2021, id));
    CHECK(t.find("xa", 2021, id)->kind == "estimated");
    CHECK(t.find("xa", 2021, id)->stated == "derived");
  }
  CHECK(t.find("xa", 2020, "rate")->kind == "estimated");
  CHECK(t.find("xa", 2020, "rate")->from == std::vector<std::string>{"poor", "households"});
  // A value whose every input is reported stays derived.
  CHECK(t.find("yb", 2020, "rate")->kind == "derived");
  CHECK(t.counts() == std::make_tuple(size_t{2}, size_t{1}, size_t{4}));
}

TEST_CASE("a file without the from column is read as before", "[data]") {
  auto t = ProvenanceTable::parse("p.csv", "commune,year,indicator,kind,source\nxa,2020,rate,derived,poor / households\n");
  CHECK(t.find("xa", 2020, "rate")->kind == "derived");
  CHECK(t.find("xa", 2020, "rate")->from.empty());
}

TEST_CASE("a value computed from itself through its from is refused with the cycle", "[data]") {
  try {
    ProvenanceTable::parse("p.csv",
                           "commune,year,indicator,kind,source,from\n"
                           "xa,2020,a,derived,x,b\n"
                           "xa,2020,b,derived,x,2021/c\n"
                           "xa,2021,c,derived,x,xa/2020/a\n");
    FAIL("no error");
  } catch (const lotrinh::diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "p.csv:2:21: error: xa/2020/a is computed from itself: xa/2020/a -> xa/2020/b -> xa/2021/c -> xa/2020/a\n"
          "  xa,2020,a,derived,x,b\n"
          "                      ^\n"
          "  hint: a value cannot rest on itself: correct the from of one value in the chain\n");
  }
}

TEST_CASE("a from naming a value without a provenance row is refused at its cell", "[data]") {
  try {
    ProvenanceTable::parse("p.csv",
                           "commune,year,indicator,kind,source,from\n"
                           "xa,2020,a,derived,x,households;2019/b\n"
                           "xa,2020,households,estimated,y,\n");
    FAIL("no error");
  } catch (const lotrinh::diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "p.csv:2:21: error: '2019/b' in from names xa/2019/b, which has no provenance row\n"
          "  xa,2020,a,derived,x,households;2019/b\n"
          "                      ^\n"
          "  hint: give that value a row, or correct the reference\n");
  }
}

TEST_CASE("a from that is not a reference is refused at its cell", "[data]") {
  try {
    ProvenanceTable::parse("p.csv", "commune,year,indicator,kind,source,from\nxa,2020,a,derived,x,a/b/c/d\n");
    FAIL("no error");
  } catch (const lotrinh::diag::InputError& e) {
    CHECK(std::string(e.what()) ==
          "p.csv:2:21: error: 'a/b/c/d' in from is not a reference to a value\n"
          "  xa,2020,a,derived,x,a/b/c/d\n"
          "                      ^\n"
          "  hint: write indicator (same unit and year), year/indicator (same unit) or unit/year/indicator, separated by ;\n");
  }
}

namespace {

const char* const kTwoSources =
    "commune,year,indicator,kind,source\n"
    "a,2020,households,estimated,estimate:step2 households\n"
    "a,2020,urban,derived,units.csv kind (ward or town)\n";

struct Language {
  Language(lotrinh::diag::Lang lang, bool codes) {
    lotrinh::diag::set_lang(lang);
    lotrinh::diag::set_codes(codes);
  }
  ~Language() {
    lotrinh::diag::set_lang(lotrinh::diag::Lang::kEn);
    lotrinh::diag::set_codes(false);
  }
};

std::string translations_error(const std::string& text) {
  auto t = ProvenanceTable::parse("p.csv", kTwoSources);
  try {
    t.parse_translations("p-vi.csv", text);
  } catch (const lotrinh::diag::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a provenance source reads in Vietnamese under --lang vi where provenance-vi.csv gives it, as written otherwise", "[data]") {
  auto t = ProvenanceTable::parse("p.csv", kTwoSources);
  t.parse_translations("p-vi.csv", "source,source_vi\nestimate:step2 households,\"bước 2 (số hộ): chia theo quy mô\"\n");
  const auto& est = *t.find("a", 2020, "households");
  const auto& urban = *t.find("a", 2020, "urban");
  CHECK(ProvenanceTable::translations_path("dir/provenance.csv") == "dir/provenance-vi.csv");
  CHECK(t.untranslated() == std::vector<std::string>{"units.csv kind (ward or town)"});
  {
    Language vi(lotrinh::diag::Lang::kVi, false);
    CHECK(t.source_text(est) == "bước 2 (số hộ): chia theo quy mô");
    CHECK(t.source_text(urban) == "units.csv kind (ward or town)");
  }
  {
    Language codes(lotrinh::diag::Lang::kVi, true);
    CHECK(t.source_text(est) == "estimate:step2 households");
  }
  CHECK(t.source_text(est) == "estimate:step2 households");
}

TEST_CASE("a provenance-vi.csv with a wrong header, an empty Vietnamese or a source given twice is refused at its cell", "[data]") {
  CHECK(translations_error("source,vi\n") ==
        "p-vi.csv:1:1: error: the Vietnamese of provenance sources needs the header source,source_vi\n"
        "  source,vi\n"
        "  ^\n"
        "  hint: write one row per source text of provenance.csv: the source as written there, and its Vietnamese\n");
  CHECK(translations_error("source,source_vi\nestimate:step2 households,\n") ==
        "p-vi.csv:2:27: error: the source 'estimate:step2 households' has an empty source_vi\n"
        "  estimate:step2 households,\n"
        "                            ^\n"
        "  hint: write one row per source text of provenance.csv: the source as written there, and its Vietnamese\n");
  CHECK(translations_error("source,source_vi\nx,một\nx,hai\n") ==
        "p-vi.csv:3:1: error: the source 'x' is given twice\n"
        "  x,hai\n"
        "  ^\n"
        "  hint: keep one row per value\n");
}
