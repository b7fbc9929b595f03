// lotrinh simulate, lotrinh merge.
#include "cli/cmd_simulate.h"

#include "cli/html_reports.h"
#include "cli/target_cells.h"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <thread>

#include "config/sim_file_reader.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/words.h"
#include "diag/number_style.h"
#include "diag/text_file.h"
#include "report/output.h"
#include "report/render.h"
#include "rules/target_check.h"
#include "sim/simulation.h"

namespace lotrinh::cli {
namespace {

namespace fs = std::filesystem;

// The names of simulate's tables (per commune, fan, targets): in CSV, FILE.csv, FILE-fan.csv
// and FILE-targets.csv.
const std::vector<std::string> kTableNames{"communes", "fan", "targets"};
using report::Cell;

diag::InputError option_problem(const std::string& option, std::string message, std::string hint) {
  return diag::InputError(diag::error_about(option, std::move(message), std::move(hint)));
}

struct Loaded {
  config::ScenarioFile scenario;
  std::unique_ptr<sim::Simulation> simulation;
};

std::string relative_to(const std::string& dir, const std::string& path) {
  return fs::path(path).is_absolute() ? path : (fs::path(dir) / path).lexically_normal().string();
}

// Reads the scenario, its model and data, applies --seed, --runs and --set, and plans.
Loaded load(Context& ctx, const std::string& path, std::optional<std::uint64_t> seed, std::optional<long long> runs) {
  Loaded l;
  l.scenario = config::read_scenario_file(path);
  if (seed) l.scenario.seed = *seed;
  if (runs) {
    if (*runs < 1) throw option_problem("--runs", diag::msg("sim.scenario.runs", *runs), diag::msg("sim.scenario.runs.hint"));
    l.scenario.runs = static_cast<int>(*runs);
  }
  config::ModelFile model = config::read_model_file(relative_to(l.scenario.dir, l.scenario.model));
  sim::World world = sim::load_world(relative_to(l.scenario.dir, l.scenario.data), l.scenario.start_year, l.scenario.end_year,
                                     l.scenario.events, ctx.catalogue());
  l.simulation = std::make_unique<sim::Simulation>(l.scenario, model, std::move(world), ctx.catalogue(), ctx.library(),
                                                   ctx.overrides());
  return l;
}

std::string pct(double f) { return std::isnan(f) ? "-" : diag::local_number(fmt::format("{:.1f}", f * 100)) + " %"; }
std::string bn(std::int64_t dong) { return diag::money_text(static_cast<double>(dong)); }
// A number in its shortest form (at most 6 significant digits), in the reader's style.
std::string short_number(double v) { return diag::local_number(fmt::format("{:.6g}", v)); }

// A model state (an indicator or alias id) as a planner reads it: its catalogue name in the
// output's language, the id with --codes or where the catalogue has no name.
std::string state_name(const data::Catalogue& cat, const std::string& id) {
  if (const data::Indicator* ind = cat.find(id)) return diag::named(ind->name_vi, ind->name_en, id);
  if (const data::Alias* al = cat.find_alias(id)) return diag::named(al->name_vi, al->name_en, id);
  return id;
}

// The model's shocks in words: "natural disaster, probability 10 % a year, each district and
// its neighbouring districts"; names and scope codes with --codes.
std::string shocks_text(const config::ModelFile& M) {
  std::string out;
  for (const auto& sh : M.shocks) {
    const std::string scope = diag::codes() ? sh.scope : diag::msg("simulate.note.shock_scope." + sh.scope);
    out += (out.empty() ? "" : "; ") + diag::msg("simulate.note.shock", diag::named(sh.title_vi, sh.title, sh.name),
                                                 short_number(sh.probability * 100) + " %", scope);
  }
  return out;
}

// The targets of the targets files in force: per target and group, the share of runs in which
// it is met, not met, or unknown (with why).
report::ResultTable target_table(const sim::Simulation& s, const sim::Aggregates& a) {
  const auto& S = s.scenario();
  const auto& W = s.world();
  const std::int64_t R = a.runs();
  const double runs = static_cast<double>(R);
  report::ResultTable t;
  t.title = diag::msg("simulate.targets.title", S.start_year + 1, S.end_year, R);
  t.columns = {{"rule_set", diag::msg("col.rule_set")}, {"target", diag::msg("targets.col.target")},
               {"area", diag::msg("simulate.col.area")}, {"measure", diag::msg("targets.col.measure")},
               {"compare", diag::msg("targets.col.compare")}, {"value", diag::msg("targets.col.value"), report::Align::kRight},
               {"p_met", diag::msg("simulate.targets.col.met"), report::Align::kRight},
               {"p_not_met", diag::msg("simulate.targets.col.not_met"), report::Align::kRight},
               {"p_unknown", diag::msg("simulate.targets.col.unknown"), report::Align::kRight},
               {"why_unknown", diag::msg("simulate.targets.col.why")}, {"detail", diag::msg("targets.col.detail")}};
  std::string sets;
  for (const auto& c : s.targets()) {
    const config::TargetDecl& d = c.decl();
    if (sets.find(c.rules->id) == std::string::npos) sets += (sets.empty() ? "" : ", ") + c.rules->id;
    const rules::Classification* classes = nullptr;
    if (c.class_rules && !d.class_ref.empty()) classes = c.class_rules->find_classification(d.class_ref.substr(0, d.class_ref.find(':')));
    const std::string measure = rules::measure_text(d, c.years, *c.rules, classes);
    const rules::MeasureUnit unit = rules::measure_unit(d, c.rules->catalogue, c.years.back());
    const std::string title = diag::lang() == diag::Lang::kVi && !d.title.vi.empty() ? d.title.vi : d.title.en;
    for (size_t g = 0; g < c.groups; ++g) {
      const size_t p = c.first_pair + g;
      auto share = [&](size_t o) { return static_cast<double>(a.target(p, o)) / runs; };
      std::int64_t unknown = 0;
      for (size_t o = sim::kTargetFixed; o < sim::kTargetOutcomes; ++o) unknown += a.target(p, o);
      std::string why;
      auto add = [&](std::string text) { why += (why.empty() ? "" : "; ") + std::move(text); };
      if (a.target(p, sim::kTargetFixed)) add(c.fixed_reason);
      for (size_t slot = 0; slot < c.years.size(); ++slot) {
        if (a.target(p, sim::kTargetMissing0 + slot))
          add(diag::msg("simulate.targets.why.missing", c.years[slot], pct(share(sim::kTargetMissing0 + slot))));
        if (a.target(p, sim::kTargetEmpty0 + slot))
          add(diag::msg("simulate.targets.why.empty", c.years[slot], pct(share(sim::kTargetEmpty0 + slot))));
      }
      if (a.target(p, sim::kTargetUndefined)) add(diag::msg("simulate.targets.why.undefined", pct(share(sim::kTargetUndefined))));
      t.add_row({report::text(rule_set_name(*c.rules)), report::text(title.empty() ? d.id : title),
                 report::text(c.district ? W.district_names[g] : diag::msg("targets.province")), report::text(measure),
                 report::text(d.compare), d.value ? target_value_cell(d, unit, *d.value) : report::missing(),
                 report::percent(share(sim::kTargetMet), 1), report::percent(share(sim::kTargetNotMet), 1),
                 report::percent(static_cast<double>(unknown) / runs, 1), report::text(why), report::text(c.detail)});
    }
  }
  if (s.targets().empty()) t.notes.push_back(diag::msg("simulate.targets.none"));
  else t.notes.push_back(diag::msg("simulate.targets.note", sets, S.start_year));
  return t;
}

std::vector<report::ResultTable> results(const sim::Simulation& s, const sim::Aggregates& a) {
  const auto& S = s.scenario();
  const auto& W = s.world();
  const auto& M = s.model();
  const int Y = s.years();
  const std::int64_t R = a.runs();
  const size_t n = W.size();
  const double runs = static_cast<double>(R);

  // Per commune.
  report::ResultTable t;
  t.title = diag::msg("simulate.title", diag::pick(S.title_vi, S.title, S.id), S.start_year, S.end_year, R);
  t.columns = {{"unit", diag::msg("col.unit")}, {"name", diag::msg("col.name")}, {"district", diag::msg("col.district")},
               {"iii_start", diag::msg("simulate.col.iii_start", S.start_year)}};
  if (W.merged) t.columns.push_back({"unit_after_merger", diag::msg("simulate.col.unit_after", W.merger_year)});
  for (int k = 1; k <= Y; ++k)
    t.columns.push_back({fmt::format("left_iii_by_{}", S.start_year + k), fmt::format("≤{}", S.start_year + k), report::Align::kRight});
  for (const auto& l : S.lists)
    t.columns.push_back({"on_list_" + l.name, diag::msg("simulate.col.listed", l.name), report::Align::kRight});
  t.columns.push_back({"median_exit", diag::msg("simulate.col.median_exit"), report::Align::kRight});
  t.columns.push_back({"central_exit", diag::msg("simulate.col.central_exit"), report::Align::kRight});
  t.columns.push_back({"holding_back", diag::msg("simulate.col.holding_back", S.end_year)});
  for (int q : {5, 50, 95})
    t.columns.push_back({fmt::format("poverty_p{}_{}", q, S.end_year), diag::msg("simulate.col.poverty", q, S.end_year), report::Align::kRight});
  t.columns.push_back({"above_35", diag::msg("simulate.col.above_35", S.end_year), report::Align::kRight});
  t.columns.push_back({"estimated_share", diag::msg("simulate.col.estimated"), report::Align::kRight});
  std::int64_t est_total = 0, val_total = 0;
  for (size_t c = 0; c < n; ++c) {
    std::vector<Cell> row{report::text(W.slugs[c]), report::text(W.names[c]),
                          report::text(W.district_names[static_cast<size_t>(W.district[c])]),
                          // The header names the class: "yes" under it, the class code with --codes.
                          report::text(!s.start_iii()[c] ? "-" : diag::codes() ? S.region_iii : diag::msg("simulate.yes"))};
    // The unit it became part of by its name; its id with --codes (and in JSON and English CSV).
    if (W.merged) {
      const size_t u = static_cast<size_t>(W.successor[c]);
      row.push_back(report::text(diag::codes() || W.merged->names[u].empty() ? W.merged->slugs[u] : W.merged->names[u]));
    }
    std::int64_t cum = 0;
    std::string median = s.start_iii()[c] ? diag::msg("simulate.after", S.end_year) : "-";
    bool median_found = false;
    for (int k = 1; k <= Y; ++k) {
      cum += a.exit(c, static_cast<size_t>(k - 1));
      if (s.start_iii()[c]) row.push_back(report::percent(static_cast<double>(cum) / runs, 1));
      else row.push_back(report::missing());
      if (s.start_iii()[c] && !median_found && cum * 2 >= R) {
        median = std::to_string(S.start_year + k);
        median_found = true;
      }
    }
    for (size_t li = 0; li < S.lists.size(); ++li) row.push_back(report::percent(static_cast<double>(a.listed(li, c)) / runs, 1));
    row.push_back(report::text(median));
    int ce = s.projection().exit_year[c];
    row.push_back(report::text(!s.start_iii()[c] ? "-" : ce ? std::to_string(ce) : diag::msg("simulate.after", S.end_year)));
    // The criterion most often holding it in region III in the last year.
    std::int64_t best = 0;
    size_t best_k = 0;
    for (size_t k = 0; k < s.last_criteria().size(); ++k)
      if (a.holding(c, k) > best) { best = a.holding(c, k); best_k = k; }
    row.push_back(report::text(best ? fmt::format("{} ({})", s.last_criterion_name(best_k), pct(static_cast<double>(best) / runs)) : "-"));
    for (int q : {5, 50, 95}) row.push_back(report::percent(sim::Aggregates::percentile(a.last(c), R, q), 1));
    row.push_back(report::percent(static_cast<double>(a.behind(c)) / runs, 1));
    row.push_back(W.has_provenance && W.values[c] ? report::percent(static_cast<double>(W.estimated[c]) / W.values[c], 0) : report::missing());
    est_total += W.estimated[c];
    val_total += W.values[c];
    t.add_row(std::move(row));
  }

  // What it ran and assumed.
  auto& N = t.notes;
  N.push_back(diag::msg("simulate.note.ran", S.path, M.path, diag::named(M.title_vi, M.title, M.id), R, S.seed, S.start_year, S.end_year));
  if (!S.parameters.empty()) {
    std::string fitted;
    for (size_t i = 0; i < M.parameters.size(); ++i)
      if (s.parameters()[i].value != M.parameters[i].value)
        fitted += (fitted.empty() ? "" : ", ") + M.parameters[i].name + " = " + short_number(s.parameters()[i].value);
    N.push_back(diag::msg("simulate.note.fitted", S.parameters, fitted.empty() ? "-" : fitted));
  }
  for (const auto& r : S.rules) {
    N.push_back(diag::msg("simulate.note.rules", r.from, r.until, r.id, s.rules_title(r.from)));
    if (!r.assumption.empty()) N.push_back(diag::msg("simulate.note.rules_assumption", r.from, r.until, diag::pick(r.assumption_vi, r.assumption)));
  }
  if (W.merged) N.push_back(diag::msg("simulate.note.merger", W.merger_year, n, W.merged->size()));
  for (const auto& c : M.conversions)
    N.push_back(diag::msg("simulate.note.conversion", state_name(s.catalogue(), c.alias), c.year, short_number(c.factor), diag::pick(c.source_vi, c.source), diag::pick(c.note_vi, c.note)));
  for (const auto& as : S.assumptions) N.push_back(diag::msg("simulate.note.assumption", as.name, as.value, diag::pick(as.text_vi, as.text)));
  std::int64_t money = 0;
  std::string per_year;
  for (int k = 1; k <= Y; ++k) {
    std::int64_t y = 0, allocated = 0;
    for (size_t p = 0; p < config::spending_purposes().size(); ++p) y += s.budget(k, p);
    allocated = s.money(k);  // the plan's spending and the events' costs
    money += y;
    if (k == 1) per_year = bn(y);
    if (y != allocated) N.push_back(diag::msg("simulate.note.money_mismatch", S.start_year + k, y, allocated));
  }
  N.push_back(diag::msg("simulate.note.money", bn(money), per_year, S.allocation == "formula" && S.formula ? S.formula->text : S.allocation_table));
  for (auto& note : event_notes(s)) N.push_back(std::move(note));
  for (auto& note : workdays_notes(S, M)) N.push_back(std::move(note));
  if (W.has_provenance)
    N.push_back(diag::msg("simulate.note.estimated", S.start_year, est_total, val_total,
                          pct(val_total ? static_cast<double>(est_total) / static_cast<double>(val_total) : 0)));
  else
    N.push_back(diag::msg("simulate.note.no_provenance"));
  std::string held;
  for (const auto& st : M.states)
    if (!st.update) held += (held.empty() ? "" : "; ") + state_name(s.catalogue(), st.id);
  if (!held.empty()) N.push_back(diag::msg("simulate.note.held", held));
  for (size_t i = 0; i < M.states.size(); ++i) {
    if (a.clamps(i)) N.push_back(diag::msg("simulate.note.clamps", state_name(s.catalogue(), M.states[i].id), a.clamps(i)));
    if (a.missing(i)) N.push_back(diag::msg("simulate.note.missing", state_name(s.catalogue(), M.states[i].id), a.missing(i)));
  }
  for (int k = 1; k <= Y; ++k)
    if (a.unknown(static_cast<size_t>(k - 1)))
      N.push_back(diag::msg("simulate.note.unknown", S.start_year + k, static_cast<double>(a.unknown(static_cast<size_t>(k - 1))) / runs));
  const std::string shocks = shocks_text(M);
  if (!shocks.empty()) N.push_back(diag::msg("simulate.note.shocks", shocks));
  N.push_back(diag::msg("simulate.note.method"));
  if (!W.merged) N.push_back(diag::msg("simulate.note.no_merger"));
  for (const auto& l : S.lists)
    N.push_back(diag::msg("simulate.note.list", l.name, l.data_year, s.rules_id(l.rules_year), l.rules_year));
  N.push_back(diag::msg("simulate.note.not_yet"));

  // Province and districts: the poverty fan and region III counts per year.
  report::ResultTable f;
  f.title = diag::msg("simulate.fan.title", S.start_year + 1, S.end_year);
  f.columns = {{"area", diag::msg("simulate.col.area")}, {"year", diag::msg("col.year"), report::Align::kRight}};
  for (int q : {5, 25, 50, 75, 95}) f.columns.push_back({fmt::format("poverty_p{}", q), fmt::format("p{}", q), report::Align::kRight});
  f.columns.push_back({"expected_iii", diag::msg("simulate.col.expected_iii"), report::Align::kRight});
  f.columns.push_back({"expected_left_behind", diag::msg("simulate.col.left_behind"), report::Align::kRight});
  for (size_t g = 0; g < s.shape().groups; ++g) {
    std::string area = g == 0 ? diag::msg("simulate.province") : W.district_names[g - 1];
    double behind = 0;
    for (size_t c = 0; c < n; ++c)
      if (g == 0 || static_cast<size_t>(W.district[c]) + 1 == g) behind += static_cast<double>(a.behind(c));
    for (int k = 1; k <= Y; ++k) {
      std::vector<Cell> row{report::text(area), report::year(S.start_year + k)};
      for (int q : {5, 25, 50, 75, 95}) row.push_back(report::percent(sim::Aggregates::percentile(a.fan(g, static_cast<size_t>(k - 1)), R, q), 1));
      row.push_back(report::number(static_cast<double>(a.iii(g, static_cast<size_t>(k - 1))) / runs, 2));
      row.push_back(k == Y ? report::number(behind / runs, 2) : report::missing());
      f.add_row(std::move(row));
    }
  }
  f.notes.push_back(diag::msg("simulate.fan.note"));
  // The names of their CSV files beside the first (--format csv --out FILE.csv: FILE-fan.csv, ...).
  t.name = kTableNames[0];
  f.name = kTableNames[1];
  report::ResultTable g = target_table(s, a);
  g.name = kTableNames[2];
  return {t, f, g};
}

// The partial file's format: 2 added the targets' counts (docs/simulator.md, migration notes).
constexpr int kPartialFormat = 2;

std::string partial_text(const sim::Simulation& s, const std::string& scenario_path, const Context& ctx,
                         std::uint64_t from, std::uint64_t to, const sim::Aggregates& a) {
  std::string out = fmt::format("lotrinh-partial {}\n", kPartialFormat);
  out += "scenario " + scenario_path + "\n";
  for (const auto& [k, v] : ctx.overrides()) out += fmt::format("set {}={}\n", k, v);
  out += fmt::format("seed {}\nruns {}\nrange {} {}\nfingerprint {}\ncounts {}\n", s.scenario().seed, s.scenario().runs, from, to,
                     s.fingerprint(), a.counts_text());
  return out;
}

std::optional<std::uint64_t> seed_option(const Options& o) {
  if (!o.seed) return std::nullopt;
  return static_cast<std::uint64_t>(*o.seed);
}

int threads_option(const Options& o) {
  if (o.threads) {
    if (*o.threads < 1) throw option_problem("--threads", diag::msg("simulate.bad_threads", *o.threads), diag::msg("simulate.bad_threads.hint"));
    return *o.threads;
  }
  return static_cast<int>(std::max(1u, std::min(std::thread::hardware_concurrency(), 8u)));
}

// Runs; on a terminal, shows runs done and time left once the run has taken a second.
sim::Aggregates run_with_progress(const sim::Simulation& s, std::uint64_t from, std::uint64_t to, int threads) {
  if (!::isatty(2)) return s.run(from, to, threads);
  std::atomic<std::uint64_t> done{0};
  std::atomic<bool> finished{false};
  const auto start = std::chrono::steady_clock::now();
  bool shown = false;
  std::thread bar([&] {
    while (!finished.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const std::uint64_t d = done.load();
      if (elapsed < 1.0 || d == 0 || finished.load()) continue;
      const double left = elapsed * static_cast<double>(to - from - d) / static_cast<double>(d);
      std::fprintf(stderr, "\r%s   ", diag::msg("simulate.progress", d, to - from, std::round(left)).c_str());
      shown = true;
    }
  });
  sim::Aggregates a(s.shape());
  try {
    a = s.run(from, to, threads, &done);
  } catch (...) {
    finished = true;
    bar.join();
    throw;
  }
  finished = true;
  bar.join();
  if (shown) std::fputs("\r\033[K", stderr);
  return a;
}

}  // namespace

std::vector<std::string> workdays_notes(const config::ScenarioFile& S, const config::ModelFile& M) {
  // The twinning workdays and how the model reads them (an assumption wherever one is made).
  bool reads = false;
  for (const auto& term : M.terms) reads = reads || rules::mentions_name(term.expr.text, "twin_workdays");
  for (const auto& st : M.states) reads = reads || (st.update && rules::mentions_name(st.update->text, "twin_workdays"));
  std::vector<std::string> out;
  for (const auto& w : S.workdays)
    out.push_back(diag::msg("simulate.note.workdays", w.id, diag::word("provenance", w.basis), w.note.empty() ? diag::pick(w.source_vi, w.source) : diag::pick(w.source_vi, w.source) + ": " + diag::pick(w.note_vi, w.note), w.workdays,
                            w.from, w.until, diag::msg(reads ? "simulate.note.workdays_read" : "simulate.note.workdays_unread")));
  if (S.workdays.empty()) out.push_back(diag::msg("simulate.note.no_workdays"));
  return out;
}

std::vector<std::string> event_notes(const sim::Simulation& s) {
  const config::ScenarioFile& S = s.scenario();
  std::vector<std::string> out;
  std::int64_t total = 0;
  // Under words (Vietnamese without --codes), a commune by its name, in the units of `year`.
  auto commune = [&](const std::string& slug, int year) {
    if (!diag::words()) return slug;
    const sim::World* merged = s.world().merged.get();
    bool after = merged && year >= s.world().merger_year;
    for (const sim::World* w : {after ? merged : &s.world(), after ? &s.world() : merged}) {
      if (!w) continue;
      for (size_t u = 0; u < w->slugs.size() && u < w->names.size(); ++u)
        if (w->slugs[u] == slug && !w->names[u].empty()) return w->names[u];
    }
    return slug;
  };
  for (const sim::EventCost& c : s.event_costs()) {
    const config::ScenarioEvent& e = S.events[c.event];
    std::string effect;
    if (e.kind == "road_paved") {
      effect = diag::msg("simulate.note.event.road", commune(e.from, c.year), commune(e.to, c.year),
                         diag::local_number(fmt::format("{}", e.paved_share)));
    } else if (e.kind == "housing") {
      const auto& units = s.world().merged && c.year >= s.world().merger_year ? s.world().merged->slugs : s.world().slugs;
      std::string names;
      for (int u : c.units) names += (names.empty() ? "" : ", ") + commune(units[static_cast<size_t>(u)], c.year);
      effect = diag::msg("simulate.note.event.housing", names);
    } else {
      effect = diag::msg("simulate.note.event.resettlement", e.households,
                         e.poor_households >= 0 ? diag::msg("simulate.note.event.poor_given", e.poor_households)
                                                : diag::msg("simulate.note.event.poor_rate"),
                         commune(e.from, c.year), e.to == "outside" ? diag::msg("simulate.note.event.outside") : commune(e.to, c.year));
    }
    out.push_back(diag::msg("simulate.note.event_cost", diag::msg("sim.ctx.event", diag::word("event", e.kind), c.year), bn(c.cost_vnd),
                                 diag::pick(e.source_vi, e.source), e.budget, effect));
    total += c.cost_vnd;
  }
  if (!s.event_costs().empty()) out.push_back(diag::msg("simulate.note.events_total", bn(total)));
  return out;
}

std::string baseline_scenario() {
  // The first province folder (by name) that ships a baseline.toml.
  std::error_code ec;
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(home() + "/scenarios", ec))
    if (fs::exists(e.path() / "baseline.toml", ec)) found.push_back((e.path() / "baseline.toml").string());
  std::sort(found.begin(), found.end());
  return found.empty() ? "" : found.front();
}

int cmd_simulate(Context& ctx) {
  const Options& o = ctx.options();
  std::string path = o.paths.empty() ? baseline_scenario() : o.paths.front();
  if (path.empty()) throw option_problem("simulate", diag::msg("simulate.no_scenario"), diag::msg("simulate.no_scenario.hint"));
  Loaded l = load(ctx, path, seed_option(o), o.runs);
  const auto runs = static_cast<std::uint64_t>(l.scenario.runs);
  std::uint64_t from = o.runs_from.value_or(0), to = o.runs_to.value_or(runs);
  if (o.runs_from || o.runs_to || !o.partial.empty()) {
    if (o.partial.empty())
      throw option_problem("--partial", diag::msg("simulate.partial_missing"), diag::msg("simulate.partial_missing.hint"));
    if (!(from < to && to <= runs))
      throw option_problem("--runs-from", diag::msg("simulate.bad_range", from, to, runs), diag::msg("simulate.bad_range.hint"));
  }
  // The files beside --out are checked before the runs, not refused after them.
  if (o.command == "simulate" && o.partial.empty()) ctx.check_csv_files(kTableNames);
  // A report also keeps each run's figures, for the intervals of its headline.
  // lotrinh with no command (the main job) prints the table and writes the report as well.
  const bool main_job = o.command.empty();
  const bool html = o.command == "report" || !o.report.empty() || main_job;
  std::vector<sim::Simulation::RunFigures> figures;
  sim::Aggregates a = html && o.partial.empty() ? l.simulation->run_paired(from, to, threads_option(o), figures)
                                                : run_with_progress(*l.simulation, from, to, threads_option(o));
  if (!o.partial.empty()) {
    report::write_output(o.partial, partial_text(*l.simulation, path, ctx, from, to, a));
    return 0;
  }
  auto tables = results(*l.simulation, a);
  const SimulatedRun run{l.simulation.get(), &a, &figures, tables, path};
  if (o.command == "report") {
    // lotrinh report: the HTML report is the output; its file is named on the last line. With
    // several scenarios, compare's table of them side by side is added.
    const std::string file = o.out.empty() || o.out == "-" ? "lotrinh-report.html" : o.out;
    write_simulate_report(ctx, run, o.paths.size() > 1 ? compare_tables(ctx) : std::vector<report::ResultTable>{}, file);
    std::printf("%s\n", diag::msg("html.written", file).c_str());
    return 0;
  }
  if (main_job) {
    // The table on standard output; the report to --out (default lotrinh-report.html), named last.
    ctx.print(tables);
    if (ctx.format() == report::Format::kCsv) std::fputs(report::render_notes(tables.front()).c_str(), stderr);
    const std::string file = o.out.empty() || o.out == "-" ? "lotrinh-report.html" : o.out;
    write_simulate_report(ctx, run, {}, file);
    std::printf("%s\n", diag::msg("html.written", file).c_str());
    return 0;
  }
  ctx.emit(tables);
  if (ctx.format() == report::Format::kCsv) std::fputs(report::render_notes(tables.front()).c_str(), stderr);
  if (!o.report.empty()) write_simulate_report(ctx, run, {}, o.report);
  return 0;
}

int cmd_merge(Context& ctx) {
  const Options& o = ctx.options();
  if (o.paths.empty()) throw option_problem("merge", diag::msg("merge.none"), diag::msg("merge.none.hint"));
  struct Part {
    std::string path, scenario, fingerprint, counts;
    std::vector<std::string> sets;
    std::uint64_t seed = 0, runs = 0, from = 0, to = 0;
  };
  std::vector<Part> parts;
  for (const auto& p : o.paths) {
    Part part;
    part.path = p;
    std::string text = diag::read_file(p);
    auto file = diag::SourceFile::from_text(p, text);
    bool header = false;
    for (size_t i = 0; i < file->lines.size(); ++i) {
      const std::string& line = file->lines[i];
      auto sp = line.find(' ');
      std::string key = line.substr(0, sp), val = sp == std::string::npos ? "" : line.substr(sp + 1);
      diag::SourceLoc loc{file, static_cast<int>(i) + 1, 1};
      try {
        if (key == "lotrinh-partial") {
          header = true;
          if (val != std::to_string(kPartialFormat))
            throw diag::InputError(diag::error_at(loc, diag::msg("merge.old_format", val, kPartialFormat), diag::msg("merge.old_format.hint")));
        }
        else if (key == "scenario") part.scenario = val;
        else if (key == "set") part.sets.push_back(val);
        else if (key == "seed") part.seed = std::stoull(val);
        else if (key == "runs") part.runs = std::stoull(val);
        else if (key == "range") { std::istringstream in(val); in >> part.from >> part.to; }
        else if (key == "fingerprint") part.fingerprint = val;
        else if (key == "counts") part.counts = val;
        else if (!line.empty()) throw std::invalid_argument(key);
      } catch (const diag::InputError&) {
        throw;
      } catch (const std::exception&) {
        throw diag::InputError(diag::error_at(loc, diag::msg("merge.bad_line"), diag::msg("merge.bad_file.hint")));
      }
    }
    if (!header || part.counts.empty())
      throw diag::InputError(diag::error_about(p, diag::msg("merge.not_partial"), diag::msg("merge.bad_file.hint")));
    parts.push_back(std::move(part));
  }
  const Part& first = parts.front();
  ctx.check_csv_files(kTableNames);
  for (const auto& p : parts)
    if (p.scenario != first.scenario || p.sets != first.sets || p.seed != first.seed || p.runs != first.runs ||
        p.fingerprint != first.fingerprint)
      throw diag::InputError(diag::error_about(p.path, diag::msg("merge.unlike", first.path), diag::msg("merge.unlike.hint")));
  std::vector<const Part*> order;
  for (const auto& p : parts) order.push_back(&p);
  std::sort(order.begin(), order.end(), [](const Part* a, const Part* b) { return a->from < b->from; });
  std::uint64_t next = 0;
  for (const Part* p : order) {
    if (p->from != next)
      throw diag::InputError(diag::error_about(p->path, diag::msg("merge.ranges", p->from, p->to, next), diag::msg("merge.ranges.hint")));
    next = p->to;
  }
  if (next != first.runs)
    throw diag::InputError(diag::error_about(order.back()->path, diag::msg("merge.incomplete", next, first.runs), diag::msg("merge.ranges.hint")));
  // Rebuild the scenario as the shards ran it (the overrides are those the shards recorded).
  Options o2 = o;
  o2.set = first.sets;
  Context ctx2(o2);
  Loaded l = load(ctx2, first.scenario, first.seed, static_cast<long long>(first.runs));
  if (l.simulation->fingerprint() != first.fingerprint)
    throw diag::InputError(diag::error_about(first.path, diag::msg("merge.changed", first.scenario), diag::msg("merge.changed.hint")));
  sim::Aggregates total(l.simulation->shape());
  for (const Part* p : order) {
    sim::Aggregates a(l.simulation->shape());
    try {
      a.set_counts(p->counts);
    } catch (const std::exception&) {
      throw diag::InputError(diag::error_about(p->path, diag::msg("merge.not_partial"), diag::msg("merge.bad_file.hint")));
    }
    total.add(a);
  }
  auto tables = results(*l.simulation, total);
  ctx.emit(tables);
  if (ctx.format() == report::Format::kCsv) std::fputs(report::render_notes(tables.front()).c_str(), stderr);
  return 0;
}

}  // namespace lotrinh::cli
