#include <catch2/catch.hpp>

#include <cmath>
#include <regex>

#include "html/graph_drawing.h"
#include "html/html_report.h"

using namespace lotrinh;

namespace {

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

html::GraphDrawing three() {
  html::GraphDrawing g;
  g.title = "Units & roads";
  g.x = {0, 0.5, 1};
  g.y = {0, 1, 0};
  g.names = {"Đăk Long", "Ngọc Linh", "<x>"};
  g.value = {0, 1, NAN};
  g.notes = {"left: 0 %", "left: 100 %", ""};
  g.edges = {{0, 1}, {1, 2}, {2, 7}};
  g.group = {0, 0, 1};
  g.group_names = {"Đăk Glei", "Tu Mơ Rông", "empty"};
  g.low_label = "0 %";
  g.high_label = "100 %";
  g.none_label = "not region III";
  return g;
}

}  // namespace

TEST_CASE("a graph drawing has a circle per node, a line per known road and a label per district with nodes", "[html]") {
  const std::string svg = html::graph_svg(three());
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("<title>Units &amp; roads</title>") != std::string::npos);
  CHECK(count(svg, "<circle class=\"node\"") == 3);
  CHECK(count(svg, "<line class=\"road\"") == 2);  // the road to node 7 is dropped
  CHECK(count(svg, "<text class=\"district\"") == 2);
  CHECK(svg.find(">Đăk Glei</text>") != std::string::npos);
  CHECK(svg.find(">empty</text>") == std::string::npos);
  // Colours: red for 0, green for 1, grey without a value; names escaped in the hover title.
  CHECK(svg.find("fill=\"#d73027\" stroke=\"#333\" stroke-width=\"0.6\"><title>Đăk Long: left: 0 %</title>") != std::string::npos);
  CHECK(svg.find("fill=\"#1a9850\" stroke=\"#333\" stroke-width=\"0.6\"><title>Ngọc Linh: left: 100 %</title>") != std::string::npos);
  CHECK(svg.find("fill=\"#bdbdbd\" stroke=\"#333\" stroke-width=\"0.6\"><title>&lt;x&gt;</title>") != std::string::npos);
  // The district label stands at its nodes' centroid: x between nodes 0 and 1.
  std::smatch m;
  REQUIRE(std::regex_search(svg, m, std::regex("<text class=\"district\" x=\"([0-9.]+)\" y=\"([0-9.]+)\"[^>]*>Đăk Glei<")));
  CHECK(std::stod(m[1]) == Approx((24 + 24 + 592 * 0.5) / 2).margin(0.1));
  CHECK(svg.find(">not region III</text>") != std::string::npos);
  CHECK(svg == html::graph_svg(three()));
}

TEST_CASE("a page draws its sections' graph drawings as figures", "[html]") {
  html::Document d;
  d.title = "t";
  d.sections.push_back({"Graph", {}, {}, {}, false, {three()}});
  const std::string page = html::render(d);
  CHECK(count(page, "<figure><svg") == 1);
  CHECK(count(page, "<circle class=\"node\"") == 3);
}
