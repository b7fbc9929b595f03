// The bundled Kon Tum road network (scenarios/kontum), and the loader's errors on tiny folders.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "diag/diagnostic.h"
#include "graph/province_network.h"

using namespace lotrinh::graph;
using lotrinh::diag::InputError;
namespace fs = std::filesystem;

namespace {

const std::string kKontum = std::string(LOTRINH_SOURCE_HOME) + "/scenarios/kontum";

// A fresh empty folder in the temporary folder.
std::string temp_dir() {
  static int counter = 0;
  fs::path p = fs::temp_directory_path() /
               ("lotrinh-network-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

void write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// A two-district province: town t1 (centre) and a in d1, town t2 (centre) and b in d2.
std::string tiny_province(const std::string& roads) {
  const std::string dir = temp_dir();
  write(dir + "/units.csv",
        "slug,gso_code,name,kind,district,district_name,from,until\n"
        "t1,1,Một,town,d1,D1,,\n"
        "a,2,A,commune,d1,D1,,\n"
        "t2,3,Hai,town,d2,D2,,\n"
        "b,4,B,commune,d2,D2,,\n");
  write(dir + "/districts.csv", "slug,name,centre\nd1,D1,t1\nd2,D2,t2\n");
  write(dir + "/district_borders.csv", "district_a,district_b\nd1,d2\n");
  write(dir + "/roads.csv", "from,to,length_km,paved_share,provenance\n" + roads);
  return dir;
}

std::string load_error(const std::string& dir, int year = 2020) {
  try {
    load_province_network(dir, year, 2016, 2024);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

double hours(const CommuneGraph& g, const std::string& slug) { return g.hours_to_centre(slug); }

}  // namespace

TEST_CASE("the 2020 Kon Tum network links each of its 102 units to its district centre", "[graph]") {
  const CommuneGraph g = load_province_network(kKontum, 2020, 2016, 2024);
  REQUIRE(g.unit_count() == 102);
  CHECK(g.road_count() >= g.unit_count());
  const auto all = g.hours_to_centres();
  int centres = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    INFO(g.units()[i].slug);
    CHECK(std::isfinite(all[i]));
    CHECK(all[i] >= 0);
    CHECK(all[i] < 4);
    centres += g.units()[i].district_centre;
  }
  CHECK(centres == 10);
}

TEST_CASE("travel times on the Kon Tum network grow with remoteness", "[graph]") {
  const CommuneGraph g = load_province_network(kKontum, 2020, 2016, 2024);
  CHECK(hours(g, "tt-dak-glei") == 0);
  CHECK(hours(g, "tt-mang-den") == 0);
  // Ngọc Linh lies beyond Mường Hoong from Đăk Glei town, about 45 km of mountain road.
  CHECK(hours(g, "ngoc-linh") > hours(g, "muong-hoong"));
  CHECK(hours(g, "ngoc-linh") > 1.0);
  CHECK(hours(g, "ngoc-linh") < 3.0);
  // Mô Rai, on the Cambodian border, is farther from Sa Thầy town than Sa Nhơn next to it.
  CHECK(hours(g, "mo-rai") > 2 * hours(g, "sa-nhon"));
  // Wards are minutes from the city centre.
  CHECK(hours(g, "le-loi") < 0.25);
}

TEST_CASE("the inferred centres of the three districts without a town are used", "[graph]") {
  const CommuneGraph g = load_province_network(kKontum, 2020, 2016, 2024);
  std::vector<std::string> centres;
  for (const auto& u : g.units())
    if (u.district_centre && (u.district == "kon-tum" || u.district == "tu-mo-rong" || u.district == "ia-hdrai"))
      centres.push_back(u.slug);
  CHECK(centres == std::vector<std::string>{"quyet-thang", "tu-mo-rong", "ia-dal"});
}

TEST_CASE("before 2019 the roads of Măng Đen town run to the commune it was made from", "[graph]") {
  const CommuneGraph g = load_province_network(kKontum, 2018, 2016, 2024);
  CHECK(g.unit_count() == 102);
  CHECK(hours(g, "dak-long-kon-plong") == 0);
  CHECK(g.neighbours("dak-long-kon-plong") == load_province_network(kKontum, 2020, 2016, 2024).neighbours("tt-mang-den"));
  CHECK_THROWS_AS(g.hours_to_centre("tt-mang-den"), InputError);
}

TEST_CASE("the Kon Tum network is refused for a year after the districts were abolished", "[graph]") {
  CHECK(load_error(kKontum, 2025) ==
        "--year: error: the network covers 2016 to 2024, not 2025\n"
        "  hint: ask for a year from 2016 to 2024, the years [years] of " + kKontum + " gives\n");
}

TEST_CASE("the DOT text of the Kon Tum network is accepted by Graphviz", "[graph]") {
  const CommuneGraph g = load_province_network(kKontum, 2020, 2016, 2024);
  const std::string dot = g.to_dot();
  CHECK(dot.find("\"ngoc-linh\" [label=\"ngoc-linh\"];") != std::string::npos);
  // Graphviz is a test dependency (.ci/dev installs it): without it this test fails, not skips.
  INFO("Graphviz 'dot' is not installed: install graphviz (apt-get install graphviz; .ci/dev does)");
  REQUIRE(std::system("command -v dot >/dev/null 2>&1") == 0);
  const std::string dir = temp_dir();
  write(dir + "/kontum.dot", dot);
  const int rc = std::system(("dot -Tsvg " + dir + "/kontum.dot -o " + dir + "/kontum.svg 2>" + dir + "/err.txt").c_str());
  std::ifstream err(dir + "/err.txt"), svg(dir + "/kontum.svg");
  std::stringstream e, s;
  e << err.rdbuf();
  s << svg.rdbuf();
  CHECK(rc == 0);
  CHECK(e.str().empty());
  CHECK(s.str().find("<svg") != std::string::npos);
  // One SVG group per node and per edge.
  auto count = [&](const std::string& what) {
    size_t n = 0;
    for (size_t at = s.str().find(what); at != std::string::npos; at = s.str().find(what, at + 1)) ++n;
    return n;
  };
  CHECK(count("class=\"node\"") == g.unit_count());
  CHECK(count("class=\"edge\"") == g.road_count());
  fs::remove_all(dir);
}

TEST_CASE("a tiny province loads, and its roads give the travel times", "[graph]") {
  const std::string dir = tiny_province("a,t1,20,1,estimated: test\nt1,t2,30,0,estimated: test\nb,t2,15,0,estimated: test\n");
  const CommuneGraph g = load_province_network(dir, 2020, 2016, 2024);
  CHECK(g.hours_to_centre("a") == 0.5);
  CHECK(g.hours_to_centre("b") == 1.0);
  fs::remove_all(dir);
}

TEST_CASE("a road to an unknown unit is reported at its cell with a suggestion", "[graph]") {
  const std::string dir = tiny_province(
      "a,t1,20,1,estimated: test\nt1,t2,30,0,estimated: test\nb,t2,15,0,estimated: test\na,bb,5,0,estimated: test\n");
  CHECK(load_error(dir) ==
        dir + "/roads.csv:5:3: error: unknown unit 'bb' in the road a -- bb\n"
              "  a,bb,5,0,estimated: test\n"
              "    ^\n"
              "  hint: did you mean 'b'?\n");
  fs::remove_all(dir);
}

TEST_CASE("a negative road length is reported at its cell", "[graph]") {
  const std::string dir = tiny_province("a,t1,-20,1,estimated: test\nt1,t2,30,0,estimated: test\nb,t2,15,0,estimated: test\n");
  CHECK(load_error(dir) ==
        dir + "/roads.csv:2:6: error: the road a -- t1 has length -20 km, but a length must be greater than 0\n"
              "  a,t1,-20,1,estimated: test\n"
              "       ^\n"
              "  hint: write the road's length in kilometres, such as 12.5\n");
  fs::remove_all(dir);
}

TEST_CASE("a district without a centre and an unknown centre are reported in the districts table", "[graph]") {
  const std::string dir = tiny_province("a,t1,20,1,estimated: test\nt1,t2,30,0,estimated: test\nb,t2,15,0,estimated: test\n");
  write(dir + "/districts.csv", "slug,name,centre\nd1,D1,\nd2,D2,t3\n");
  CHECK(load_error(dir) ==
        dir + "/districts.csv:2:7: error: district 'd1' has no centre in 2020\n"
              "  d1,D1,\n"
              "        ^\n"
              "  hint: write the centre's slug in districts.csv, or add a row for the district to district_centres.csv\n" +
        dir + "/districts.csv:3:7: error: unknown centre unit 't3' of district 'd2'\n"
              "  d2,D2,t3\n"
              "        ^\n"
              "  hint: did you mean 't1'?\n");
  fs::remove_all(dir);
}

TEST_CASE("a centre row of district_centres.csv applies only to the years its dates cover", "[graph]") {
  const std::string dir = tiny_province("a,t1,20,1,estimated: test\nt1,t2,30,0,estimated: test\nb,t2,15,0,estimated: test\n");
  write(dir + "/district_centres.csv",
        "district,centre,from,until,basis,source\n"
        "d1,a,,2019-01-01,inferred,test\n"
        "d3,a,,,guessed,test\n");
  CHECK(load_error(dir, 2018) ==
        dir + "/district_centres.csv:3:1: error: unknown district 'd3'\n"
              "  d3,a,,,guessed,test\n"
              "  ^\n"
              "  hint: did you mean 'd1'?\n" +
        dir + "/district_centres.csv:3:8: error: unknown basis 'guessed'\n"
              "  d3,a,,,guessed,test\n"
              "         ^\n"
              "  hint: write reported, derived or inferred\n");
  write(dir + "/district_centres.csv", "district,centre,from,until,basis,source\nd1,a,,2019-01-01,inferred,test\n");
  CHECK(load_province_network(dir, 2018, 2016, 2024).hours_to_centre("a") == 0);
  CHECK(load_province_network(dir, 2019, 2016, 2024).hours_to_centre("a") == 0.5);
  fs::remove_all(dir);
}

TEST_CASE("a centre in another district or of another year is an error", "[graph]") {
  const std::string dir = tiny_province("a,t1,20,1,estimated: test\nt1,t2,30,0,estimated: test\nb,t2,15,0,estimated: test\n");
  write(dir + "/district_centres.csv",
        "district,centre,from,until,basis,source\n"
        "d1,b,,,inferred,test\n"
        "d2,t2,2021-02-30,,inferred,test\n");
  CHECK(load_error(dir) ==
        dir + "/district_centres.csv:3:7: error: '2021-02-30' in column 'from' is not a date\n"
              "  d2,t2,2021-02-30,,inferred,test\n"
              "        ^\n"
              "  hint: write the date as YYYY-MM-DD, such as 2019-09-01, or leave the cell empty\n" +
        dir + "/district_centres.csv:2:4: error: the centre 'b' of district 'd1' is a unit of district 'd2'\n"
              "  d1,b,,,inferred,test\n"
              "     ^\n"
              "  hint: name a unit of the district itself\n");
  write(dir + "/units.csv",
        "slug,gso_code,name,kind,district,district_name,from,until\n"
        "t1,1,Một,town,d1,D1,2021-01-01,\n"
        "a,2,A,commune,d1,D1,,\n"
        "t2,3,Hai,town,d2,D2,,\n"
        "b,4,B,commune,d2,D2,,\n");
  write(dir + "/district_centres.csv", "district,centre,from,until,basis,source\n");
  CHECK(load_error(dir) ==
        dir + "/districts.csv:2:7: error: the centre 't1' of district 'd1' did not exist in 2020\n"
              "  d1,D1,t1\n"
              "        ^\n"
              "  hint: add a row to district_centres.csv naming the district's centre in 2020\n");
  fs::remove_all(dir);
}

TEST_CASE("a road to a unit that ended before the year is reported at its cell", "[graph]") {
  const std::string dir = tiny_province("a,t1,20,1,estimated: test\nt1,t2,30,0,estimated: test\nb,t2,15,0,estimated: test\n"
                                        "old,a,5,0,estimated: test\n");
  write(dir + "/units.csv",
        "slug,gso_code,name,kind,district,district_name,from,until\n"
        "t1,1,Một,town,d1,D1,,\n"
        "a,2,A,commune,d1,D1,,\n"
        "old,5,Cũ,commune,d1,D1,,2019-01-01\n"
        "t2,3,Hai,town,d2,D2,,\n"
        "b,4,B,commune,d2,D2,,\n");
  CHECK(load_error(dir) ==
        dir + "/roads.csv:5:1: error: the road old -- a names 'old', which did not exist in 2020\n"
              "  old,a,5,0,estimated: test\n"
              "  ^\n"
              "  hint: name a unit that existed in the year the roads table describes ([years] network of the manifest)\n");
  CHECK(load_province_network(dir, 2018, 2016, 2024).hours_to_centre("old") > 0);
  fs::remove_all(dir);
}

TEST_CASE("a district borders table needs both district columns, filled in", "[graph]") {
  const std::string dir = tiny_province("a,t1,20,1,estimated: test\nt1,t2,30,0,estimated: test\nb,t2,15,0,estimated: test\n");
  write(dir + "/district_borders.csv", "district_a,district_c\nd1,d2\n");
  CHECK(load_error(dir) ==
        dir + "/district_borders.csv:1: error: the table has no 'district_b' column\n"
              "  district_a,district_c\n"
              "  hint: the header must name the columns district_a,district_b\n");
  write(dir + "/district_borders.csv", "district_a,district_b\nd1,\n");
  CHECK(load_error(dir) ==
        dir + "/district_borders.csv:2:4: error: the 'district_b' cell is empty\n"
              "  d1,\n"
              "     ^\n"
              "  hint: write the slug of a district of districts.csv, such as dak-glei\n");
  fs::remove_all(dir);
}
