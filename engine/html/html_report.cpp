#include "html/html_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>

#include "diag/messages.h"
#include "diag/number_style.h"
#include "html/html_text.h"
#include "report/cell_text.h"

namespace lotrinh::html {
namespace {

std::string axis_label(double v, bool percent) {
  std::string t = percent ? fmt::format("{:.1f}", v * 100) : fmt::format("{:.1f}", v);
  if (t.size() > 2 && t.compare(t.size() - 2, 2, ".0") == 0) t.resize(t.size() - 2);
  return diag::local_number(t) + (percent ? " %" : "");
}

const char* kStyle = R"(body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:1.5em auto;max-width:70em;color:#222;line-height:1.4}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:1.6em}
.headline{background:#f3f6fa;border-left:4px solid #2b6cb0;padding:.6em 1em;font-size:1.05em}
table{border-collapse:collapse;font-size:.85em;margin:.6em 0}th,td{border:1px solid #ccc;padding:.15em .4em;text-align:left}
td{white-space:nowrap}.wide{overflow-x:auto}td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#e8eef5;cursor:pointer}
dl.facts{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;font-size:.85em}dl.facts dt{font-weight:bold}
svg{max-width:100%;height:auto}.notes{font-size:.85em;color:#444}input.search{margin:.4em 0;padding:.2em;width:20em}
@page{size:A4;margin:15mm}
@media print{body{max-width:none;margin:0;font-size:9pt}.wide{overflow:visible}td{white-space:normal}input.search{display:none}tr,svg,figure{break-inside:avoid}thead{display:table-header-group}h2{break-after:avoid}}
)";

const char* kScript = R"(<script>
(function(){
function fold(s){return s.normalize('NFD').replace(/[\u0300-\u036f]/g,'').replace(/[đĐ]/g,'d').toLowerCase();}
document.querySelectorAll('input.search').forEach(function(box){
  var t=document.getElementById(box.getAttribute('data-table'));
  box.addEventListener('input',function(){var q=fold(box.value);
    t.querySelectorAll('tbody tr').forEach(function(r){r.style.display=fold(r.textContent).indexOf(q)>=0?'':'none';});});
});
document.querySelectorAll('table.sortable th').forEach(function(th,i){
  th.addEventListener('click',function(){var tb=th.closest('table').tBodies[0];var col=th.cellIndex;
    var asc=th.getAttribute('data-asc')!=='1';th.setAttribute('data-asc',asc?'1':'0');
    var rows=Array.prototype.slice.call(tb.rows);
    rows.sort(function(a,b){var x=a.cells[col].getAttribute('data-v'),y=b.cells[col].getAttribute('data-v');
      var c=(x!==null&&y!==null)?(parseFloat(x)-parseFloat(y)):a.cells[col].textContent.localeCompare(b.cells[col].textContent);
      return asc?c:-c;});
    rows.forEach(function(r){tb.appendChild(r);});});
});
})();
</script>
)";

std::string table_html(const report::ResultTable& t, const std::string& id) {
  std::string o = "<div class=\"wide\"><table class=\"sortable\" id=\"" + id + "\">";
  if (!t.title.empty()) o += "<caption>" + esc(t.title) + "</caption>";
  o += "<thead><tr>";
  for (const auto& c : t.columns) o += "<th>" + esc(c.header.empty() ? c.id : c.header) + "</th>";
  o += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    o += "<tr>";
    for (const auto& cell : row) {
      if (cell.number && std::isfinite(*cell.number))
        o += fmt::format("<td class=\"n\" data-v=\"{}\">{}</td>", report::shortest_number(*cell.number),
                         esc(report::table_text(cell)));
      else
        o += "<td>" + esc(report::table_text(cell)) + "</td>";
    }
    o += "</tr>\n";
  }
  o += "</tbody></table></div>\n";
  if (!t.notes.empty()) {
    o += "<ul class=\"notes\">";
    for (const auto& n : t.notes) o += "<li>" + esc(n) + "</li>";
    o += "</ul>\n";
  }
  return o;
}

}  // namespace

std::string chart_svg(const Chart& c) {
  const double W = 640, H = 280, L = 56, R = 16, T = 28, B = 36;
  double lo = 0, hi = 0;
  auto take = [&](const std::vector<double>& v) {
    for (double x : v)
      if (std::isfinite(x)) hi = std::max(hi, x), lo = std::min(lo, x);
  };
  for (const auto& [a, b] : c.bands) take(a), take(b);
  take(c.line);
  take(c.bars);
  if (hi <= lo) hi = lo + 1;
  // Four grid steps of a round size (1, 2 or 5 times a power of ten) from zero.
  {
    double raw = (hi - lo) / 4, mag = std::pow(10, std::floor(std::log10(raw))), step = mag;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
      if (m * mag >= raw - 1e-12) { step = m * mag; break; }
    hi = lo + 4 * step;
  }
  const size_t n = c.labels.empty() ? c.years.size() : c.labels.size();
  auto label = [&](size_t i) { return c.labels.empty() ? std::to_string(c.years[i]) : esc(c.labels[i]); };
  auto X = [&](size_t i) { return L + (W - L - R) * (n <= 1 ? 0.5 : (static_cast<double>(i) + 0.5) / static_cast<double>(n)); };
  auto Y = [&](double v) { return T + (H - T - B) * (1 - (v - lo) / (hi - lo)); };
  std::string o = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\">", W, H, W, H);
  o += "<title>" + esc(c.title) + "</title>";
  o += fmt::format("<text x=\"{}\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{}</text>", L, esc(c.title));
  for (int k = 0; k <= 4; ++k) {
    double v = lo + (hi - lo) * k / 4;
    o += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>", L, W - R, Y(v), Y(v));
    o += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"end\">{}</text>", L - 4, Y(v) + 3, axis_label(v, c.percent));
  }
  for (size_t i = 0; i < n; ++i)
    o += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{}</text>", X(i), H - B + 14, label(i));
  const char* fills[] = {"#c6dbef", "#6baed6", "#3182bd"};
  for (size_t b = 0; b < c.bands.size(); ++b) {
    std::string pts;
    for (size_t i = 0; i < n && i < c.bands[b].second.size(); ++i) pts += fmt::format("{:.1f},{:.1f} ", X(i), Y(c.bands[b].second[i]));
    for (size_t i = std::min(n, c.bands[b].first.size()); i-- > 0;) pts += fmt::format("{:.1f},{:.1f} ", X(i), Y(c.bands[b].first[i]));
    if (!pts.empty()) pts.pop_back();
    o += fmt::format("<polygon class=\"band\" points=\"{}\" fill=\"{}\" fill-opacity=\"0.8\"/>", pts, fills[std::min<size_t>(b, 2)]);
  }
  if (!c.line.empty()) {
    std::string pts;
    for (size_t i = 0; i < n && i < c.line.size(); ++i) pts += fmt::format("{:.1f},{:.1f} ", X(i), Y(c.line[i]));
    if (!pts.empty()) pts.pop_back();
    o += fmt::format("<polyline class=\"line\" points=\"{}\" fill=\"none\" stroke=\"#08306b\" stroke-width=\"2\"/>", pts);
  }
  const double bw = (W - L - R) / std::max<double>(1, static_cast<double>(n)) * 0.6;
  for (size_t i = 0; i < n && i < c.bars.size(); ++i) {
    if (!std::isfinite(c.bars[i])) continue;
    o += fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#3182bd\"><title>{}: {}</title></rect>",
                     X(i) - bw / 2, Y(c.bars[i]), bw, Y(lo) - Y(c.bars[i]), label(i),
                     diag::local_number(fmt::format("{:.1f}", c.bars[i])));
  }
  o += "</svg>\n";
  return o;
}

std::string render(const Document& doc) {
  std::string lang = diag::lang() == diag::Lang::kVi ? "vi" : "en";
  std::string o = "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" + esc(doc.title) +
                  "</title>\n<style>\n" + kStyle + "</style>\n</head>\n<body>\n<h1>" + esc(doc.title) + "</h1>\n";
  if (!doc.headline.empty()) {
    o += "<div class=\"headline\">";
    for (const auto& h : doc.headline) o += "<p>" + esc(h) + "</p>";
    o += "</div>\n";
  }
  int table_no = 0;
  for (const auto& s : doc.sections) {
    o += "<section>\n<h2>" + esc(s.heading) + "</h2>\n";
    for (const auto& p : s.paragraphs) o += "<p>" + esc(p) + "</p>\n";
    for (const auto& c : s.charts) o += "<figure>" + chart_svg(c) + "</figure>\n";
    for (const auto& g : s.drawings) o += "<figure>" + graph_svg(g) + "</figure>\n";
    for (const auto& t : s.tables) {
      std::string id = fmt::format("t{}", ++table_no);
      if (s.searchable)
        o += "<input class=\"search\" type=\"search\" data-table=\"" + id + "\" placeholder=\"" +
             esc(diag::msg("html.search")) + "\"/>\n";
      o += table_html(t, id);
    }
    o += "</section>\n";
  }
  if (!doc.facts.empty()) {
    o += "<section>\n<h2>" + esc(diag::msg("html.what_was_run")) + "</h2>\n<dl class=\"facts\">";
    for (const auto& [k, v] : doc.facts) o += "<dt>" + esc(k) + "</dt><dd>" + esc(v) + "</dd>";
    o += "</dl>\n</section>\n";
  }
  o += kScript;
  o += "</body>\n</html>\n";
  return o;
}

std::string file_hash(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::uint64_t h = 14695981039346656037ULL;  // the FNV-1a 64 offset basis
  for (std::istreambuf_iterator<char> it(in), end; it != end; ++it) {
    h ^= static_cast<unsigned char>(*it);
    h *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

}  // namespace lotrinh::html
