#include "cli/html_reports.h"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "diag/input_files.h"
#include "diag/messages.h"
#include "diag/number_style.h"
#include "html/html_report.h"
#include "report/output.h"

namespace lotrinh::cli {
namespace {

int column(const report::ResultTable& t, const std::string& id) {
  for (size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].id == id) return static_cast<int>(c);
  return -1;
}

std::optional<double> num_at(const report::ResultTable& t, size_t r, int c) {
  if (c < 0 || static_cast<size_t>(c) >= t.rows[r].size()) return std::nullopt;
  return t.rows[r][static_cast<size_t>(c)].number;
}

std::string text_at(const report::ResultTable& t, size_t r, int c) {
  if (c < 0 || static_cast<size_t>(c) >= t.rows[r].size()) return "";
  return t.rows[r][static_cast<size_t>(c)].text;
}

// What was run: every input with its hash, and the program's version.
void add_facts(html::Document* d, const std::vector<std::string>& notes) {
  d->facts.push_back({diag::msg("html.version"), "lotrinh " LOTRINH_VERSION_TEXT});
  for (const auto& n : notes) d->facts.push_back({diag::msg("html.note"), n});
  for (const auto& p : diag::InputFiles::paths()) d->facts.push_back({p, html::file_hash(p)});
}

std::string pct(double f) { return diag::local_number(fmt::format("{:.1f}", f * 100)) + " %"; }

}  // namespace

void write_classify_report(const Context& /*ctx*/, const report::ResultTable& t, const std::string& path) {
  html::Document d;
  d.title = t.title;
  // Units per class, for each classification column after unit, name, district.
  html::Section counts{diag::msg("html.class_counts"), {}, {}, {}, false};
  for (size_t c = 3; c < t.columns.size(); ++c) {
    std::map<std::string, int> by_class;
    for (const auto& row : t.rows) ++by_class[row[c].text.empty() ? "-" : row[c].text];
    report::ResultTable ct;
    ct.columns = {{"class", t.columns[c].header}, {"units", diag::msg("html.units"), report::Align::kRight}};
    std::string line;
    html::Chart chart;
    chart.title = t.columns[c].header + ": " + diag::msg("html.units");
    for (const auto& [cls, n] : by_class) {
      chart.labels.push_back(cls);
      chart.bars.push_back(n);
      ct.add_row({report::text(cls), report::number(n, 0)});
      line += (line.empty() ? "" : ", ") + fmt::format("{} {}", cls, n);
    }
    d.headline.push_back(t.columns[c].header + ": " + line);
    counts.tables.push_back(std::move(ct));
    counts.charts.push_back(std::move(chart));
  }
  d.sections.push_back(std::move(counts));
  report::ResultTable main = t;
  main.title.clear();
  d.sections.push_back({diag::msg("html.per_unit"), {}, {}, {std::move(main)}, true});
  add_facts(&d, t.notes);
  report::write_output(path, html::render(d));
}

void write_simulate_report(const Context& /*ctx*/, const std::vector<report::ResultTable>& tables,
                           const std::string& scenario, const std::string& path) {
  html::Document d;
  const report::ResultTable& units = tables.front();
  d.title = units.title;
  d.facts.push_back({diag::msg("html.scenario"), scenario});
  // Expected exits by year: the sum over communes of the share of runs that have left.
  std::vector<int> years;
  std::vector<double> exits;
  for (int y = 2000; y <= 2100; ++y) {
    int c = column(units, fmt::format("left_iii_by_{}", y));
    if (c < 0) continue;
    double sum = 0;
    for (size_t r = 0; r < units.rows.size(); ++r) sum += num_at(units, r, c).value_or(0);
    years.push_back(y);
    exits.push_back(sum);
  }
  int start = column(units, "iii_start");
  size_t in_iii = 0;
  for (size_t r = 0; r < units.rows.size(); ++r) in_iii += !text_at(units, r, start).empty() && text_at(units, r, start) != "-";
  for (size_t i = 0; i < years.size(); ++i)
    if (years[i] == 2025 || years[i] == 2030 || i + 1 == years.size())
      d.headline.push_back(diag::msg("html.expected_exits", diag::local_number(fmt::format("{:.1f}", exits[i])), in_iii, years[i]));
  int est = column(units, "estimated_share");
  if (est >= 0 && !units.rows.empty())
    if (auto e = num_at(units, 0, est)) d.headline.push_back(diag::msg("html.estimated", pct(*e)));

  html::Section charts{diag::msg("html.forecast"), {}, {}, {}, false};
  if (tables.size() > 1) {
    const auto& fan = tables[1];
    int area = column(fan, "area"), year = column(fan, "year");
    int p5 = column(fan, "poverty_p5"), p25 = column(fan, "poverty_p25"), p50 = column(fan, "poverty_p50"),
        p75 = column(fan, "poverty_p75"), p95 = column(fan, "poverty_p95"), iii = column(fan, "expected_iii");
    html::Chart pov{diag::msg("html.fan_title"), {}, {{{}, {}}, {{}, {}}}, {}, {}, true, {}};
    html::Chart cnt{diag::msg("html.iii_title"), {}, {}, {}, {}, false, {}};
    // The province's rows come first (their area is named in the output's language).
    const std::string province = fan.rows.empty() ? "" : text_at(fan, 0, area);
    for (size_t r = 0; r < fan.rows.size(); ++r) {
      if (text_at(fan, r, area) != province) continue;
      auto y = num_at(fan, r, year);
      if (!y) continue;
      pov.years.push_back(static_cast<int>(*y));
      cnt.years.push_back(static_cast<int>(*y));
      pov.bands[0].first.push_back(num_at(fan, r, p5).value_or(NAN));
      pov.bands[0].second.push_back(num_at(fan, r, p95).value_or(NAN));
      pov.bands[1].first.push_back(num_at(fan, r, p25).value_or(NAN));
      pov.bands[1].second.push_back(num_at(fan, r, p75).value_or(NAN));
      pov.line.push_back(num_at(fan, r, p50).value_or(NAN));
      cnt.bars.push_back(num_at(fan, r, iii).value_or(NAN));
    }
    charts.charts.push_back(std::move(pov));
    charts.charts.push_back(std::move(cnt));
  }
  charts.charts.push_back({diag::msg("html.exits_title"), years, {}, {}, exits, false, {}});
  d.sections.push_back(std::move(charts));

  // Communes left behind: above 35 % poverty in the last year in some runs.
  int above = column(units, "above_35");
  report::ResultTable behind;
  behind.columns = units.columns;
  for (size_t r = 0; r < units.rows.size(); ++r)
    if (num_at(units, r, above).value_or(0) > 0) behind.rows.push_back(units.rows[r]);
  html::Section left{diag::msg("html.left_behind"), {diag::msg("html.left_behind_count", behind.rows.size())}, {}, {}, false};
  if (!behind.rows.empty()) left.tables.push_back(std::move(behind));

  report::ResultTable main = units;
  main.title.clear();
  main.notes.clear();
  d.sections.push_back({diag::msg("html.per_unit"), {}, {}, {std::move(main)}, true});
  d.sections.push_back(std::move(left));
  for (size_t i = 1; i < tables.size(); ++i) d.sections.push_back({tables[i].title, {}, {}, {tables[i]}, false});
  add_facts(&d, units.notes);
  report::write_output(path, html::render(d));
}

}  // namespace lotrinh::cli
