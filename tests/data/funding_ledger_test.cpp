// The funding ledger of report 141-BC/TU (scenarios/kontum/funding.csv) and the ledger's checks.
#include <catch2/catch.hpp>

#include <string>

#include "data/funding_ledger.h"
#include "diag/diagnostic.h"

using namespace lotrinh::data;
using lotrinh::diag::InputError;

namespace {

const std::string kLedger = std::string(LOTRINH_SOURCE_HOME) + "/scenarios/kontum/funding.csv";
const char* const kHeader = "id,parent,item,purpose,source,amount_vnd,bound,parts,parts_differ_vnd,section,kind\n";
constexpr std::int64_t kBillion = 1'000'000'000;

std::string error_of(const std::string& text) {
  try {
    FundingLedger::parse("funding.csv", text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the report's amounts are in the ledger in whole dong", "[data]") {
  const FundingLedger ledger = FundingLedger::read(kLedger);
  REQUIRE(ledger.find("econ-infra"));
  CHECK(ledger.find("econ-infra")->amount_vnd == 1'408'540'000'000);
  CHECK(ledger.find("econ-infra.province")->amount_vnd == 436'414'000'000);
  CHECK(ledger.find("econ-infra.ntp")->amount_vnd == 972'120'000'000);
  CHECK(ledger.find("rural-power")->amount_vnd == 264'331'000'000);
  CHECK(ledger.find("social-infra")->amount_vnd == 266 * kBillion);
  CHECK(ledger.find("front-solidarity")->amount_vnd == 101'830'000'000);
  CHECK(ledger.find("twinning-social")->bound == AmountBound::kMoreThan);
  CHECK(ledger.find("twinning-social.unity-day")->amount_vnd == 877'000'000);
  CHECK(ledger.find("twinning-economy.716-roads")->commune == "ia-dal");
}

TEST_CASE("the parts of the report's totals add up, and the one that does not says so", "[data]") {
  const FundingLedger ledger = FundingLedger::read(kLedger);
  int complete = 0;
  for (const auto& e : ledger.entries()) {
    if (e.parts != PartsRelation::kComplete) continue;
    ++complete;
    INFO(e.id);
    CHECK(ledger.sum_of_parts(e.id) + e.parts_differ_vnd == e.amount_vnd);
  }
  CHECK(complete == 5);
  // 436.414 + 972.12 = 1,408.534, not the report's 1,408.54.
  const FundingEntry& econ = *ledger.find("econ-infra");
  CHECK(ledger.sum_of_parts("econ-infra") == 1'408'534'000'000);
  CHECK(econ.parts_differ_vnd == 6'000'000);
  CHECK(econ.note.find("1,408.534") != std::string::npos);
  CHECK(ledger.sum_of_parts("rural-power") == ledger.find("rural-power")->amount_vnd);
  CHECK(ledger.sum_of_parts("social-infra") == ledger.find("social-infra")->amount_vnd);
  // Items "of which" stay within their totals.
  CHECK(ledger.sum_of_parts("twinning-social") == 15'167'000'000);
  CHECK(ledger.sum_of_parts("twinning-economy") <= ledger.find("twinning-economy")->amount_vnd);
}

TEST_CASE("the ledger sums by source count each amount once", "[data]") {
  const FundingLedger ledger = FundingLedger::read(kLedger);
  const auto by_source = ledger.totals_by_source();
  CHECK(by_source.at("provincial budget") == 436'414'000'000);
  CHECK(by_source.at("national target programmes") == 972'120'000'000 + 30'784'000'000 + 107'800'000'000);
  CHECK(by_source.at("local budget") == 20'162'000'000 + 158'200'000'000);
  CHECK(by_source.at("power sector") == 213'385'000'000);
  CHECK(by_source.at("twinning agencies") == 14 * kBillion + 25'800'000'000);
  CHECK(by_source.count("grant of the Government of Ireland") == 0);  // an item of a partial row
  std::int64_t all = 0;
  for (const auto& [source, amount] : by_source) all += amount;
  // The two derived roots, less the 6,000,000 the report's total has over its parts.
  CHECK(all == ledger.find("infrastructure")->amount_vnd - 6'000'000 + ledger.find("mobilised")->amount_vnd);
  CHECK(ledger.totals_by_purpose().at("rural power") == 264'331'000'000);
}

TEST_CASE("parts that do not add up are an error that gives the difference", "[data]") {
  CHECK(error_of(std::string(kHeader) +
                 "total,,all,infra,all,1408540000000,exact,complete,,II.2,reported\n"
                 "a,total,part a,infra,province,436414000000,exact,,,II.2,reported\n"
                 "b,total,part b,infra,ntp,972120000000,exact,,,II.2,reported\n") ==
        "funding.csv:2:22: error: the parts of 'total' add up to 1,408,534,000,000 dong and its stated difference is 0, "
        "but its amount is 1,408,540,000,000\n"
        "  total,,all,infra,all,1408540000000,exact,complete,,II.2,reported\n"
        "                       ^\n"
        "  hint: correct the amounts; where the source's total differs from the sum of its parts, write the "
        "difference (6000000) in parts_differ_vnd and say so in the note\n");
  CHECK(error_of(std::string(kHeader) +
                 "total,,all,infra,all,1408540000000,exact,complete,6000000,II.2,reported\n"
                 "a,total,part a,infra,province,436414000000,exact,,,II.2,reported\n"
                 "b,total,part b,infra,ntp,972120000000,exact,,,II.2,reported\n") == "no error");
}

TEST_CASE("an amount that is not whole dong and bad codes are reported at their cells", "[data]") {
  CHECK(error_of(std::string(kHeader) + "x,,item,p,s,1408.54,about,some,,II.2,guessed\n") ==
        "funding.csv:2:13: error: '1408.54' in column 'amount_vnd' is not a whole number of dong\n"
        "  x,,item,p,s,1408.54,about,some,,II.2,guessed\n"
        "              ^\n"
        "  hint: write the amount in whole dong, digits only, such as 1408540000000 for 1,408.54 billion VND\n"
        "funding.csv:2:21: error: unknown bound 'about'\n"
        "  x,,item,p,s,1408.54,about,some,,II.2,guessed\n"
        "                      ^\n"
        "  hint: write exact, or more_than where the source says 'more than' (trên)\n"
        "funding.csv:2:27: error: unknown parts relation 'some'\n"
        "  x,,item,p,s,1408.54,about,some,,II.2,guessed\n"
        "                            ^\n"
        "  hint: write complete (the parts make up the amount) or partial (the parts are items 'of which'), "
        "or leave the cell empty for a row without parts\n"
        "funding.csv:2:38: error: unknown kind 'guessed'\n"
        "  x,,item,p,s,1408.54,about,some,,II.2,guessed\n"
        "                                       ^\n"
        "  hint: write reported (taken from the source) or derived (computed from reported rows)\n");
}

TEST_CASE("ids, empty cells and differences are checked", "[data]") {
  CHECK(error_of(std::string(kHeader) +
                 "Total,,item,p,s,1,exact,,,II.2,reported\n"
                 "a,,,p,s,1,exact,,5x,II.2,reported\n"
                 "b,,item,p,s,1,exact,,5,II.2,reported\n"
                 "b,,item,p,s,1,exact,,,II.2,reported\n") ==
        "funding.csv:2:1: error: 'Total' is not a ledger id\n"
        "  Total,,item,p,s,1,exact,,,II.2,reported\n"
        "  ^\n"
        "  hint: write lowercase ASCII letters, digits, '-' and '.', such as econ-infra.ntp\n"
        "funding.csv:3:4: error: the 'item' cell is empty\n"
        "  a,,,p,s,1,exact,,5x,II.2,reported\n"
        "     ^\n"
        "  hint: every row says what the money went to (item), its purpose, who paid (source) and the section of "
        "the source it comes from\n"
        "funding.csv:3:18: error: '5x' in column 'parts_differ_vnd' is not a whole number of dong\n"
        "  a,,,p,s,1,exact,,5x,II.2,reported\n"
        "                   ^\n"
        "  hint: write the amount minus the sum of its parts in whole dong, such as 6000000 or -6000000, or leave "
        "the cell empty\n"
        "funding.csv:4:22: error: 'b' states a difference from the sum of its parts, but its parts are not complete\n"
        "  b,,item,p,s,1,exact,,5,II.2,reported\n"
        "                       ^\n"
        "  hint: write complete in the parts cell, or leave parts_differ_vnd empty\n"
        "funding.csv:5:1: error: id 'b' is used twice (first on line 4)\n"
        "  b,,item,p,s,1,exact,,,II.2,reported\n"
        "  ^\n"
        "  hint: give each row its own id\n");
}

TEST_CASE("parents must be known rows listed before their parts", "[data]") {
  CHECK(error_of(std::string(kHeader) +
                 "a,total,part,p,s,1,exact,,,II.2,reported\n"
                 "total,,all,p,s,1,exact,complete,,II.2,reported\n"
                 "b,totl,part,p,s,1,exact,,,II.2,reported\n"
                 "c,nothing-like-it,part,p,s,1,exact,,,II.2,reported\n") ==
        "funding.csv:2:3: error: the parent 'total' comes after this row (line 3)\n"
        "  a,total,part,p,s,1,exact,,,II.2,reported\n"
        "    ^\n"
        "  hint: move the row of 'total' above its parts\n"
        "funding.csv:4:3: error: unknown parent 'totl'\n"
        "  b,totl,part,p,s,1,exact,,,II.2,reported\n"
        "    ^\n"
        "  hint: did you mean 'total'?\n"
        "funding.csv:5:3: error: unknown parent 'nothing-like-it'\n"
        "  c,nothing-like-it,part,p,s,1,exact,,,II.2,reported\n"
        "    ^\n"
        "  hint: write the id of the row this amount is a part of, or leave the cell empty for a top-level row\n");
}

TEST_CASE("declared parts, bounds and items of which are checked against the rows", "[data]") {
  CHECK(error_of(std::string(kHeader) +
                 "lonely,,all,p,s,10,exact,complete,,II.2,reported\n"
                 "mute,,all,p,s,10,exact,,,II.2,reported\n"
                 "m1,mute,part,p,s,10,exact,,,II.2,reported\n"
                 "sure,,all,p,s,10,exact,complete,,II.2,reported\n"
                 "s1,sure,part,p,s,10,more_than,,,II.2,reported\n"
                 "few,,all,p,s,10,more_than,partial,,II.2,reported\n"
                 "f1,few,item,p,s,11,exact,,,II.2,reported\n") ==
        "funding.csv:2:26: error: 'lonely' says its parts are complete, but no row names it as parent\n"
        "  lonely,,all,p,s,10,exact,complete,,II.2,reported\n"
        "                           ^\n"
        "  hint: add its parts, or leave the parts cell empty\n"
        "funding.csv:3:24: error: 'mute' has 1 parts, but its parts cell is empty\n"
        "  mute,,all,p,s,10,exact,,,II.2,reported\n"
        "                         ^\n"
        "  hint: write complete (the parts make up the amount) or partial (the parts are items 'of which')\n"
        "funding.csv:5:15: error: 'sure' is exact, but its part 's1' is a lower bound\n"
        "  sure,,all,p,s,10,exact,complete,,II.2,reported\n"
        "                ^\n"
        "  hint: write more_than: a sum with a lower-bound part is a lower bound\n"
        "funding.csv:7:14: error: the items of 'few' add up to 11 dong, more than its amount 10\n"
        "  few,,all,p,s,10,more_than,partial,,II.2,reported\n"
        "               ^\n"
        "  hint: correct the amounts: items 'of which' cannot add up to more than their total\n");
}

TEST_CASE("a ledger without one of its columns names the header it needs", "[data]") {
  CHECK(error_of("id,parent,item,purpose,source,amount,bound,parts,parts_differ_vnd,section,kind\n") ==
        "funding.csv:1: error: the funding ledger has no 'amount_vnd' column\n"
        "  id,parent,item,purpose,source,amount,bound,parts,parts_differ_vnd,section,kind\n"
        "  hint: the header must name the columns id,parent,item,purpose,source,amount_vnd,bound,parts,"
        "parts_differ_vnd,section,kind (commune and note may follow)\n");
}
