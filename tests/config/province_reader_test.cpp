// province.toml, a province folder's manifest: what it names, and every mistake located in it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <string>

#include "config/province_reader.h"
#include "diag/diagnostic.h"

using namespace lotrinh;
namespace fs = std::filesystem;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;

// A fresh folder holding communes.csv and roads.csv (the contents do not matter to the reader).
std::string folder() {
  static int n = 0;
  fs::path d = fs::temp_directory_path() / ("lotrinh-province-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
  fs::remove_all(d);
  fs::create_directories(d);
  std::ofstream(d / "communes.csv") << "commune,year\n";
  std::ofstream(d / "roads.csv") << "from,to\n";
  return d.string();
}

std::string error_of(const std::string& text) {
  const std::string dir = folder();
  try {
    config::parse_province_file("province.toml", dir, text);
  } catch (const diag::InputError& e) {
    std::string out = e.what();
    for (size_t at; (at = out.find(dir)) != std::string::npos;) out.replace(at, dir.size(), "DIR");
    return out;
  }
  return "";
}

}  // namespace

TEST_CASE("the Kon Tum manifest names its tables, years, rule sets and network", "[config][province]") {
  const config::ProvinceFile p = config::read_province_dir(kHome + "/scenarios/kontum");
  CHECK(p.id == "kontum");
  CHECK(p.name.en == "Kon Tum");
  CHECK(p.path_of(p.communes) == kHome + "/scenarios/kontum/communes.csv");
  CHECK(p.units == std::vector<std::string>{"units.csv", "units_2025.csv"});
  CHECK(p.first_year == 2016);
  CHECK(p.last_year == 2024);
  CHECK(p.network_year == 2020);
  REQUIRE(p.history_until);
  CHECK(*p.history_until == config::Date{2021, 11, 8});
  CHECK(p.target_rule_sets == std::vector<std::string>{"kontum.ntp-2021-2025-targets", "kontum.nq-04-2016-targets"});
  REQUIRE(p.transitions);
  CHECK(p.transitions->before_rules == "vn.qd-50-2016");
  CHECK(p.transitions->after_year == 2020);
  CHECK(p.paved_kmh == 40);
}

TEST_CASE("a manifest with only an id and its communes table is enough", "[config][province]") {
  const std::string dir = folder();
  const config::ProvinceFile p =
      config::parse_province_file("province.toml", dir, "[province]\nid = \"x\"\n[tables]\ncommunes = \"communes.csv\"\n");
  CHECK(p.id == "x");
  CHECK(p.roads.empty());
  CHECK(p.path_of(p.roads).empty());
  CHECK(!p.first_year);
}

TEST_CASE("a manifest without an id or a communes table is refused", "[config][province]") {
  CHECK(error_of("[tables]\nroads = \"roads.csv\"\n") ==
        "province.toml:1:1: error: top level: 'province' is missing\n"
        "  [tables]\n"
        "  ^\n"
        "  hint: begin the manifest with [province] id = \"a-short-key\" and name = \"The province's name\"\n"
        "province.toml:1:1: error: [tables]: 'communes' is missing\n"
        "  [tables]\n"
        "  ^\n"
        "  hint: name the province's indicator table under [tables], such as communes = \"communes.csv\"\n");
}

TEST_CASE("a table that is not a file, a misspelt key and a speed of zero are reported together", "[config][province]") {
  CHECK(error_of("[province]\nid = \"x\"\n[tables]\ncommunes = \"communes.csv\"\nrods = \"roads.csv\"\n"
                 "figures = \"figures.toml\"\n[network]\npaved_kmh = 0\n") ==
        "province.toml:5:1: error: [tables]: unknown key 'rods'\n"
        "  rods = \"roads.csv\"\n"
        "  ^\n"
        "  hint: did you mean 'roads'?\n"
        "province.toml:6:12: error: 'figures' names DIR/figures.toml, which is not a file\n"
        "  figures = \"figures.toml\"\n"
        "             ^\n"
        "  hint: write the table's path relative to the folder DIR, or remove the key if the province has no such "
        "table\n"
        "province.toml:8:13: error: [network]: 'paved_kmh' is 0, not a positive number\n"
        "  paved_kmh = 0\n"
        "              ^\n"
        "  hint: write a speed in km/h above 0, such as 40\n");
}

TEST_CASE("years out of order and a network year outside them are refused", "[config][province]") {
  CHECK(error_of("[province]\nid = \"x\"\n[tables]\ncommunes = \"communes.csv\"\n[years]\nfirst = 2020\nlast = 2019\n") ==
        "province.toml:7:8: error: the first year 2020 comes after the last year 2019\n"
        "  last = 2019\n"
        "         ^\n"
        "  hint: first and last are the years the units tables cover, first <= network <= last\n");
  CHECK(error_of("[province]\nid = \"x\"\n[tables]\ncommunes = \"communes.csv\"\n[years]\nfirst = 2016\nlast = 2020\n"
                 "network = 2024\n") ==
        "province.toml:8:11: error: the network year 2024 is outside the years 2016 to 2020\n"
        "  network = 2024\n"
        "            ^\n"
        "  hint: first and last are the years the units tables cover, first <= network <= last\n");
}

TEST_CASE("units, rule sets and transitions of the wrong shape are refused", "[config][province]") {
  CHECK(error_of("[province]\nid = \"x\"\n[tables]\ncommunes = \"communes.csv\"\nunits = [1]\n[rules]\ntargets = [2]\n"
                 "transitions = { before_rules = \"a\" }\n") ==
        "province.toml:5:10: error: a units table is named by a string, not a whole number\n"
        "  units = [1]\n"
        "           ^\n"
        "  hint: write units = [\"units.csv\"], or several tables in the order they are read\n"
        "province.toml:7:12: error: a rule set is named by its id, a string, not a whole number\n"
        "  targets = [2]\n"
        "             ^\n"
        "  hint: write targets = [\"an.id\"], each an id of a rule file under rules/\n"
        "province.toml:8:15: error: [rules.transitions]: 'before_year' is missing\n"
        "  transitions = { before_rules = \"a\" }\n"
        "                ^\n"
        "  hint: [rules.transitions] needs before_rules, before_year, after_rules and after_year\n"
        "province.toml:8:15: error: [rules.transitions]: 'after_rules' is missing\n"
        "  transitions = { before_rules = \"a\" }\n"
        "                ^\n"
        "  hint: [rules.transitions] needs before_rules, before_year, after_rules and after_year\n"
        "province.toml:8:15: error: [rules.transitions]: 'after_year' is missing\n"
        "  transitions = { before_rules = \"a\" }\n"
        "                ^\n"
        "  hint: [rules.transitions] needs before_rules, before_year, after_rules and after_year\n");
}
