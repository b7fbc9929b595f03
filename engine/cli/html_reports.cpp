#include "cli/html_reports.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "diag/input_files.h"
#include "diag/messages.h"
#include "diag/number_style.h"
#include "graph/force_layout.h"
#include "html/html_report.h"
#include "report/cell_text.h"
#include "report/output.h"
#include "diag/words.h"
#include "rules/borderline.h"
#include "rules/explanation.h"
#include "rules/workspace.h"
#include "sim/target_plan.h"

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
  html::Section counts{diag::msg("html.class_counts"), {}, {}, {}, false, {}};
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
      line += (line.empty() ? "" : ", ") + cls + " " + diag::local_number(fmt::format("{}", n));
    }
    d.headline.push_back(t.columns[c].header + ": " + line);
    counts.tables.push_back(std::move(ct));
    counts.charts.push_back(std::move(chart));
  }
  d.sections.push_back(std::move(counts));
  report::ResultTable main = t;
  main.title.clear();
  d.sections.push_back({diag::msg("html.per_unit"), {}, {}, {std::move(main)}, true, {}});
  add_facts(&d, t.notes);
  report::write_output(path, html::render(d));
}

namespace {

std::string dec(double v, int decimals) { return diag::local_number(fmt::format("{:.{}f}", v, decimals)); }
std::string billions(double dong) { return diag::money_text(dong); }

// The median year by which runs have left, from counts per year index (index Y: never left):
// "after END" when fewer than half have left by the end.
std::string median_exit(const std::vector<std::int64_t>& by_year, std::int64_t runs, int start_year, int end_year) {
  std::int64_t cum = 0;
  for (size_t k = 0; k + 1 < by_year.size(); ++k) {
    cum += by_year[k];
    if (cum * 2 >= runs && runs > 0) return std::to_string(start_year + static_cast<int>(k) + 1);
  }
  return diag::msg("simulate.after", end_year);
}

// The q-th percentile of one figure over the runs (by rank; the runs' values are integers).
double run_percentile(std::vector<std::int32_t> v, int q) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  size_t k = static_cast<size_t>(std::ceil(static_cast<double>(q) / 100 * static_cast<double>(v.size())));
  return v[std::min(v.size() - 1, k == 0 ? 0 : k - 1)];
}

// What holds unit c (a start commune) in region III in the last year most often, with its share.
std::string holding_text(const sim::Simulation& s, const sim::Aggregates& a, size_t c) {
  std::int64_t best = 0;
  size_t best_k = 0;
  for (size_t k = 0; k < s.last_criteria().size(); ++k)
    if (a.holding(c, k) > best) best = a.holding(c, k), best_k = k;
  if (!best) return "-";
  return fmt::format("{} ({})", s.last_criterion_name(best_k), pct(static_cast<double>(best) / static_cast<double>(a.runs())));
}

// The start-year poverty of each unit of `w` (NaN when the data has none).
std::vector<double> start_poverty(const Context& ctx, const sim::Simulation& s, const sim::World& w) {
  const auto id = ctx.catalogue().resolve(s.model().poverty, s.scenario().start_year);
  auto it = w.columns.find(id ? *id : s.model().poverty);
  if (it == w.columns.end()) return std::vector<double>(w.size(), NAN);
  return it->second;
}

// The headline: exits by 2025 and by the last year with their 90 % intervals, cost per exit,
// the estimated share of the starting data.
void add_headline(html::Document* d, const SimulatedRun& run) {
  const sim::Simulation& s = *run.simulation;
  const sim::Aggregates& a = *run.aggregates;
  const auto& S = s.scenario();
  const auto& W = s.world();
  const int Y = s.years();
  const double runs = static_cast<double>(a.runs());
  size_t in_iii = 0;
  for (auto v : s.start_iii()) in_iii += v != 0;
  double exits_end = 0;
  std::vector<int> shown;
  if (S.start_year < 2025 && 2025 < S.end_year) shown.push_back(2025);
  shown.push_back(S.end_year);
  for (int year : shown) {
    const int k = year - S.start_year;
    if (k < 1 || k > Y) continue;
    double sum = 0;
    for (size_t c = 0; c < W.size(); ++c)
      for (int j = 0; j < k; ++j) sum += static_cast<double>(a.exit(c, static_cast<size_t>(j)));
    const double expected = runs > 0 ? sum / runs : 0;
    if (year == S.end_year) exits_end = expected;
    std::string line = diag::msg("html.expected_exits", dec(expected, 1), in_iii, year);
    if (run.runs && !run.runs->empty()) {
      std::vector<std::int32_t> v;
      for (const auto& r : *run.runs) v.push_back(r.exits_by[static_cast<size_t>(k - 1)]);
      line += " " + diag::msg("html.interval", dec(run_percentile(v, 5), 0), dec(run_percentile(v, 95), 0));
    }
    d->headline.push_back(line);
  }
  // Cost per exit: the money planned over the years (twinning money and the events' costs
  // included) over the expected exits.
  const double money = static_cast<double>(s.money());
  if (exits_end > 0)
    d->headline.push_back(diag::msg("html.cost_per_exit", S.end_year, billions(money / exits_end), billions(money), S.start_year + 1));
  else
    d->headline.push_back(diag::msg("html.cost_no_exit", S.end_year, billions(money), S.start_year + 1));
  // Targets met with probability: one line per province-wide target that some run can decide;
  // the others (unknown in every run, per district) are counted in one line, the simulate table
  // beneath gives each with why.
  size_t undecided = 0;
  for (const auto& c : s.targets()) {
    const config::TargetDecl& t = c.decl();
    const std::string title = diag::lang() == diag::Lang::kVi && !t.title.vi.empty() ? t.title.vi : t.title.en;
    for (size_t g = 0; g < c.groups; ++g) {
      const size_t p = c.first_pair + g;
      const std::int64_t met = a.target(p, sim::kTargetMet), not_met = a.target(p, sim::kTargetNotMet);
      if (c.district || met + not_met == 0 || runs <= 0) {
        ++undecided;
        continue;
      }
      d->headline.push_back(diag::msg("html.target_met", title.empty() ? t.id : title, pct(static_cast<double>(met) / runs),
                                      pct(static_cast<double>(runs - static_cast<double>(met + not_met)) / runs)));
    }
  }
  if (undecided > 0) d->headline.push_back(diag::msg("html.targets_undecided", undecided));
  std::int64_t est = 0, all = 0;
  for (size_t c = 0; c < W.size(); ++c) est += W.estimated[c], all += W.values[c];
  if (W.has_provenance && all > 0)
    d->headline.push_back(diag::msg("html.estimated", pct(static_cast<double>(est) / static_cast<double>(all)), est, all, S.start_year));
  else
    d->headline.push_back(diag::msg("html.no_provenance"));
}

// The drawing of one year's units: coloured by the probability of having left region III by the
// last year (grey: not region III at the start).
html::GraphDrawing drawing(const sim::World& w, const std::vector<double>& exit_p, const std::vector<std::string>& notes,
                           const std::string& title, std::uint64_t seed, double radius,
                           const std::vector<graph::Point>& start = {}) {
  html::GraphDrawing g;
  g.title = title;
  std::vector<std::pair<int, int>> edges;
  for (size_t c = 0; c < w.size(); ++c)
    for (int o : w.neighbours[c])
      if (static_cast<size_t>(o) > c) edges.push_back({static_cast<int>(c), o});
  const auto points = graph::force_layout(w.size(), edges, seed, 300, start);
  for (size_t c = 0; c < w.size(); ++c) {
    g.x.push_back(points[c].x);
    g.y.push_back(points[c].y);
    g.names.push_back(w.names[c] + " (" + w.district_names[static_cast<size_t>(w.district[c])] + ")");
    g.group.push_back(w.district[c]);
  }
  g.value = exit_p;
  g.notes = notes;
  g.edges = std::move(edges);
  g.group_names = w.district_names;
  g.low_label = diag::msg("html.graph.low");
  g.high_label = diag::msg("html.graph.high");
  g.none_label = diag::msg("html.graph.none");
  g.radius = radius;
  return g;
}

// The poverty of the last year as text: the median and the 5-95 % interval of the runs.
std::string end_interval(const sim::Aggregates& a, size_t c) {
  const double lo = sim::Aggregates::percentile(a.last(c), a.runs(), 5), hi = sim::Aggregates::percentile(a.last(c), a.runs(), 95);
  if (std::isnan(lo)) return "-";
  return pct(lo) + " – " + pct(hi);
}

// The per-unit tables and the graph drawings (they share the exit probabilities).
void add_units(html::Document* d, const Context& ctx, const SimulatedRun& run) {
  const sim::Simulation& s = *run.simulation;
  const sim::Aggregates& a = *run.aggregates;
  const auto& S = s.scenario();
  const auto& W = s.world();
  const size_t Y = static_cast<size_t>(s.years());
  const double runs = static_cast<double>(a.runs());
  const std::vector<double> pov0 = start_poverty(ctx, s, W);

  // The start's communes.
  std::vector<double> exit_p(W.size(), NAN);
  std::vector<std::string> notes(W.size());
  report::ResultTable t;
  t.title = diag::msg("html.table.communes", W.size(), S.start_year);
  t.columns = {{"unit", diag::msg("col.unit")}, {"name", diag::msg("col.name")}, {"district", diag::msg("col.district")},
               {"iii_start", diag::msg("simulate.col.iii_start", S.start_year)}};
  if (W.merged) t.columns.push_back({"unit_after_merger", diag::msg("simulate.col.unit_after", W.merger_year)});
  t.columns.push_back({"exit_p", diag::msg("html.col.exit_p", S.end_year), report::Align::kRight});
  t.columns.push_back({"median_exit", diag::msg("simulate.col.median_exit"), report::Align::kRight});
  t.columns.push_back({"poverty_now", diag::msg("html.col.poverty_now", S.start_year), report::Align::kRight});
  t.columns.push_back({"poverty_end", diag::msg("html.col.poverty_end", S.end_year), report::Align::kRight});
  t.columns.push_back({"poverty_end_90", diag::msg("html.col.interval")});
  t.columns.push_back({"holding_back", diag::msg("simulate.col.holding_back", S.end_year)});
  for (size_t c = 0; c < W.size(); ++c) {
    const bool iii = s.start_iii()[c] != 0;
    std::vector<std::int64_t> by(Y + 1);
    for (size_t k = 0; k <= Y; ++k) by[k] = a.exit(c, k);
    std::int64_t left = 0;
    for (size_t k = 0; k < Y; ++k) left += by[k];
    if (iii && runs > 0) exit_p[c] = static_cast<double>(left) / runs;
    notes[c] = iii ? diag::msg("html.graph.note", S.end_year, pct(exit_p[c])) : diag::msg("html.graph.not_iii", S.start_year);
    std::vector<report::Cell> row{report::text(W.slugs[c]), report::text(W.names[c]),
                                  report::text(W.district_names[static_cast<size_t>(W.district[c])]),
                                  report::text(iii ? "III" : "-")};
    if (W.merged) row.push_back(report::text(W.merged->names[static_cast<size_t>(W.successor[c])]));
    row.push_back(iii ? report::percent(exit_p[c], 1) : report::missing());
    row.push_back(report::text(iii ? median_exit(by, a.runs(), S.start_year, S.end_year) : "-"));
    row.push_back(report::percent(pov0[c], 1));
    row.push_back(report::percent(sim::Aggregates::percentile(a.last(c), a.runs(), 50), 1));
    row.push_back(report::text(end_interval(a, c)));
    row.push_back(report::text(holding_text(s, a, c)));
    t.add_row(std::move(row));
  }
  html::Section graph{diag::msg("html.graph"), {diag::msg("html.graph.text", S.end_year)}, {}, {}, false, {}};
  graph.drawings.push_back(drawing(W, exit_p, notes, diag::msg("html.graph.before", W.size(), S.start_year), S.seed, 5));

  std::vector<report::ResultTable> tables;
  if (W.merged) {
    const sim::World& M = *W.merged;
    const std::vector<double> upov0 = start_poverty(ctx, s, M);
    std::vector<std::vector<size_t>> members(M.size());
    for (size_t c = 0; c < W.size(); ++c) members[static_cast<size_t>(W.successor[c])].push_back(c);
    std::vector<double> uexit(M.size(), NAN);
    std::vector<std::string> unotes(M.size());
    report::ResultTable u;
    u.title = diag::msg("html.table.units", M.size(), W.merger_year, S.end_year);
    u.columns = {{"unit", diag::msg("col.unit")}, {"name", diag::msg("col.name")}, {"district", diag::msg("col.district")},
                 {"communes", diag::msg("html.col.communes")}, {"iii_communes", diag::msg("html.col.iii_communes", S.start_year), report::Align::kRight},
                 {"exit_p", diag::msg("html.col.exit_p", S.end_year), report::Align::kRight},
                 {"median_exit", diag::msg("simulate.col.median_exit"), report::Align::kRight},
                 {"poverty_now", diag::msg("html.col.poverty_now", S.start_year), report::Align::kRight},
                 {"poverty_end", diag::msg("html.col.poverty_end", S.end_year), report::Align::kRight},
                 {"poverty_end_90", diag::msg("html.col.interval")},
                 {"holding_back", diag::msg("simulate.col.holding_back", S.end_year)}};
    for (size_t v = 0; v < M.size(); ++v) {
      std::string held;
      size_t iii = 0;
      for (size_t c : members[v]) {
        held += (held.empty() ? "" : ", ") + W.names[c];
        iii += s.start_iii()[c] != 0;
      }
      std::vector<std::int64_t> by(Y + 1);
      std::int64_t left = 0;
      for (size_t k = 0; k <= Y; ++k) by[k] = a.unit_exit(v, k);
      for (size_t k = 0; k < Y; ++k) left += by[k];
      if (iii && runs > 0) uexit[v] = static_cast<double>(left) / runs;
      unotes[v] = iii ? diag::msg("html.graph.note", S.end_year, pct(uexit[v])) + "; " + held
                      : diag::msg("html.graph.not_iii", S.start_year) + "; " + held;
      // After the merger its communes share the unit's poverty and class: the first one stands for it.
      const size_t first = members[v].empty() ? 0 : members[v].front();
      std::vector<report::Cell> row{report::text(M.slugs[v]), report::text(M.names[v]),
                                    report::text(M.district_names[static_cast<size_t>(M.district[v])]), report::text(held),
                                    report::number(static_cast<double>(iii), 0),
                                    iii ? report::percent(uexit[v], 1) : report::missing(),
                                    report::text(iii ? median_exit(by, a.runs(), S.start_year, S.end_year) : "-"),
                                    report::percent(upov0[v], 1)};
      if (members[v].empty()) {
        for (int k = 0; k < 3; ++k) row.push_back(report::missing());
      } else {
        row.push_back(report::percent(sim::Aggregates::percentile(a.last(first), a.runs(), 50), 1));
        row.push_back(report::text(end_interval(a, first)));
        row.push_back(report::text(holding_text(s, a, first)));
      }
      u.add_row(std::move(row));
    }
    u.notes.push_back(diag::msg("html.note.unit_exit"));
    // Each unit starts where its communes are in the first drawing, so that the two compare.
    std::vector<graph::Point> start(M.size());
    const html::GraphDrawing& before = graph.drawings.front();
    for (size_t v = 0; v < M.size(); ++v) {
      for (size_t c : members[v]) start[v].x += before.x[c], start[v].y += before.y[c];
      const double k = members[v].empty() ? 1 : static_cast<double>(members[v].size());
      start[v].x /= k, start[v].y /= k;
    }
    graph.drawings.push_back(drawing(M, uexit, unotes, diag::msg("html.graph.after", M.size(), W.merger_year), S.seed, 7, start));
    tables.push_back(std::move(u));
  }
  tables.push_back(std::move(t));
  d->sections.push_back(std::move(graph));
  d->sections.push_back({diag::msg("html.per_unit"), {}, {}, std::move(tables), true, {}});
}

// Communes within the margin of a threshold deciding their class in the start year's data.
void add_borderline(html::Document* d, Context& ctx, const SimulatedRun& run, double margin) {
  const sim::Simulation& s = *run.simulation;
  const auto& S = s.scenario();
  const auto& W = s.world();
  auto rs = ctx.library().get(s.rules_id(S.start_year));
  const rules::Classification* cl = rs->find_classification(S.classification);
  html::Section sec{diag::msg("html.borderline"), {diag::msg("html.borderline.text", dec(margin * 100, 0), S.start_year, diag::codes() ? rs->id : rs->display_title())}, {}, {}, true, {}};
  if (!cl) {
    d->sections.push_back(std::move(sec));
    return;
  }
  rules::Workspace ws(rs);
  rules::Inputs in;
  in.n = W.size();
  in.column = [&W](const std::string& id) -> const double* {
    auto it = W.columns.find(id);
    return it == W.columns.end() ? nullptr : it->second.data();
  };
  ws.reset(std::move(in), S.start_year, {}, false);
  report::ResultTable t;
  t.columns = {{"unit", diag::msg("col.unit")}, {"name", diag::msg("col.name")}, {"district", diag::msg("col.district")},
               {"class", diag::msg("html.col.class", S.start_year)}, {"criterion", diag::msg("html.col.criterion")},
               {"margin", diag::msg("html.col.margin")}};
  size_t communes = 0;
  // As explain words them: the clause's title and the comparison with the indicator's name and
  // the threshold's value, then the value and the margin; the ids and expressions with --codes.
  const bool names = !diag::codes();
  bool translated = false;
  for (size_t c = 0; c < W.size(); ++c) {
    const auto near = rules::near_thresholds(ws, c, *cl, margin);
    if (near.empty()) continue;
    ++communes;
    const std::string cls = ws.class_name(*cl, c);
    for (const auto& n : near) {
      const rules::Criterion* crit = n.criterion.empty() ? nullptr : rs->find_criterion(n.criterion);
      const std::string leaf = rules::leaf_label(ws, n.node, c, names);
      const std::string what = crit ? rules::criterion_label(*rs, *crit, names, &translated) + ": " + leaf : leaf;
      t.add_row({report::text(W.slugs[c]), report::text(W.names[c]), report::text(W.district_names[static_cast<size_t>(W.district[c])]),
                 report::text(cl->class_title(cls)), report::text(what), report::text(rules::leaf_detail(ws, n.node, c, names))});
    }
  }
  if (translated) t.notes.push_back(diag::msg("explain.translation_note"));
  sec.paragraphs.push_back(diag::msg("html.borderline.count", communes, W.size()));
  if (!t.rows.empty()) sec.tables.push_back(std::move(t));
  d->sections.push_back(std::move(sec));
}

// compare's long table (a row per figure and scenario) turned side by side: a row per figure, a
// column per scenario holding compare's value, and its difference and interval when it has them.
// The numbers are compare's own cells; a table without compare's columns is shown as it is.
report::ResultTable side_by_side(const report::ResultTable& t) {
  const int fig = column(t, "figure"), sc = column(t, "scenario"), val = column(t, "value"), diff = column(t, "difference"),
            iv = column(t, "interval_90");
  if (fig < 0 || sc < 0 || val < 0) return t;
  std::vector<std::string> figures, scenarios;
  std::map<std::pair<std::string, std::string>, std::string> cell;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const std::string f = text_at(t, r, fig), s = text_at(t, r, sc);
    if (std::find(figures.begin(), figures.end(), f) == figures.end()) figures.push_back(f);
    if (std::find(scenarios.begin(), scenarios.end(), s) == scenarios.end()) scenarios.push_back(s);
    std::string v = report::table_text(t.rows[r][static_cast<size_t>(val)]);
    const std::string d = diff < 0 ? "" : report::table_text(t.rows[r][static_cast<size_t>(diff)]);
    const std::string i = iv < 0 ? "" : report::table_text(t.rows[r][static_cast<size_t>(iv)]);
    if (!d.empty() && d != "-") v += " (" + d + (i.empty() || i == "-" ? "" : " " + i) + ")";
    cell[{f, s}] = v;
  }
  report::ResultTable out;
  out.title = t.title;
  out.columns.push_back({"figure", t.columns[static_cast<size_t>(fig)].header});
  for (const auto& s : scenarios) out.columns.push_back({s, s, report::Align::kRight});
  for (const auto& f : figures) {
    std::vector<report::Cell> row{report::text(f)};
    for (const auto& s : scenarios) {
      auto it = cell.find({f, s});
      row.push_back(it == cell.end() ? report::missing() : report::text(it->second));
    }
    out.add_row(std::move(row));
  }
  out.notes = t.notes;
  return out;
}

}  // namespace

void write_simulate_report(Context& ctx, const SimulatedRun& run, const std::vector<report::ResultTable>& comparison,
                           const std::string& path) {
  const sim::Simulation& s = *run.simulation;
  const sim::Aggregates& a = *run.aggregates;
  const auto& S = s.scenario();
  const auto& W = s.world();
  html::Document d;
  const report::ResultTable& units = run.tables.front();
  d.title = units.title;
  d.facts.push_back({diag::msg("html.scenario"), run.scenario});
  add_headline(&d, run);

  // Expected exits by year: the sum over communes of the share of runs that have left.
  std::vector<int> years;
  std::vector<double> exits;
  double cum = 0;
  for (int k = 1; k <= s.years(); ++k) {
    for (size_t c = 0; c < W.size(); ++c) cum += static_cast<double>(a.exit(c, static_cast<size_t>(k - 1)));
    years.push_back(S.start_year + k);
    exits.push_back(a.runs() ? cum / static_cast<double>(a.runs()) : 0);
  }
  html::Section charts{diag::msg("html.forecast"), {}, {}, {}, false, {}};
  if (run.tables.size() > 1) {
    const auto& fan = run.tables[1];
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

  add_units(&d, ctx, run);
  add_borderline(&d, ctx, run, 0.02);

  // Communes left behind: above 35 % poverty in the last year in some runs.
  int above = column(units, "above_35");
  report::ResultTable behind;
  behind.columns = units.columns;
  for (size_t r = 0; r < units.rows.size(); ++r)
    if (num_at(units, r, above).value_or(0) > 0) behind.rows.push_back(units.rows[r]);
  html::Section left{diag::msg("html.left_behind"), {diag::msg("html.left_behind_count", behind.rows.size())}, {}, {}, false, {}};
  if (!behind.rows.empty()) left.tables.push_back(std::move(behind));
  d.sections.push_back(std::move(left));
  if (!comparison.empty()) {
    html::Section cmp{diag::msg("html.comparison"), {diag::msg("html.comparison.text")}, {}, {}, false, {}};
    for (const auto& t : comparison) cmp.tables.push_back(side_by_side(t));
    d.sections.push_back(std::move(cmp));
  }
  for (size_t i = 1; i < run.tables.size(); ++i) d.sections.push_back({run.tables[i].title, {}, {}, {run.tables[i]}, false, {}});
  add_facts(&d, units.notes);
  report::write_output(path, html::render(d));
}

}  // namespace lotrinh::cli
