#include "html/graph_drawing.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "html/html_text.h"

namespace lotrinh::html {
namespace {

// Red (0) through yellow (0.5) to green (1).
std::string colour(double v) {
  if (!std::isfinite(v)) return "#bdbdbd";
  v = std::clamp(v, 0.0, 1.0);
  const double a[3] = {215, 48, 39}, m[3] = {254, 224, 139}, b[3] = {26, 152, 80};
  double c[3];
  for (int i = 0; i < 3; ++i) c[i] = v < 0.5 ? a[i] + (m[i] - a[i]) * v * 2 : m[i] + (b[i] - m[i]) * (v - 0.5) * 2;
  return fmt::format("#{:02x}{:02x}{:02x}", static_cast<int>(std::lround(c[0])), static_cast<int>(std::lround(c[1])),
                     static_cast<int>(std::lround(c[2])));
}

}  // namespace

std::string graph_svg(const GraphDrawing& d) {
  const double W = 640, H = 560, M = 24, T = 30, legend = 40;
  const size_t n = std::min({d.x.size(), d.y.size(), d.names.size()});
  auto X = [&](size_t i) { return M + (W - 2 * M) * d.x[i]; };
  auto Y = [&](size_t i) { return T + (H - T - legend - M) * d.y[i]; };
  std::string o = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" class=\"graph\">",
                              W, H, W, H);
  o += "<title>" + esc(d.title) + "</title>";
  o += fmt::format("<text x=\"{}\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{}</text>", M, esc(d.title));
  for (const auto& [a, b] : d.edges) {
    if (a < 0 || b < 0 || static_cast<size_t>(a) >= n || static_cast<size_t>(b) >= n) continue;
    const auto i = static_cast<size_t>(a), j = static_cast<size_t>(b);
    o += fmt::format("<line class=\"road\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#999\" stroke-width=\"0.8\"/>",
                     X(i), Y(i), X(j), Y(j));
  }
  for (size_t i = 0; i < n; ++i) {
    const double v = i < d.value.size() ? d.value[i] : NAN;
    const std::string note = i < d.notes.size() && !d.notes[i].empty() ? ": " + d.notes[i] : "";
    o += fmt::format("<circle class=\"node\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\" fill=\"{}\" stroke=\"#333\" stroke-width=\"0.6\"><title>{}{}</title></circle>",
                     X(i), Y(i), d.radius, colour(v), esc(d.names[i]), esc(note));
  }
  // District labels at the centroid of their nodes.
  for (size_t g = 0; g < d.group_names.size(); ++g) {
    double sx = 0, sy = 0;
    int count = 0;
    for (size_t i = 0; i < n && i < d.group.size(); ++i)
      if (d.group[i] == static_cast<int>(g)) sx += X(i), sy += Y(i), ++count;
    if (!count) continue;
    o += fmt::format("<text class=\"district\" x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\" "
                     "fill=\"#08306b\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
                     sx / count, sy / count, esc(d.group_names[g]));
  }
  // Legend: five steps from 0 to 1, then grey.
  const double ly = H - legend + 8;
  o += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"10\">{}</text>", M, ly + 10, esc(d.low_label));
  double lx = M + 8 + 6.0 * static_cast<double>(d.low_label.size());
  lx = std::min(lx, 200.0);
  for (int k = 0; k <= 4; ++k)
    o += fmt::format("<rect class=\"key\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"18\" height=\"12\" fill=\"{}\"/>", lx + 18 * k, ly, colour(k / 4.0));
  lx += 18 * 5 + 6;
  o += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\">{}</text>", lx, ly + 10, esc(d.high_label));
  lx += 6.0 * static_cast<double>(d.high_label.size()) + 20;
  if (!d.none_label.empty()) {
    o += fmt::format("<rect class=\"key\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"12\" fill=\"{}\"/>", lx, ly, colour(NAN));
    o += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\">{}</text>", lx + 16, ly + 10, esc(d.none_label));
  }
  o += "</svg>\n";
  return o;
}

}  // namespace lotrinh::html
