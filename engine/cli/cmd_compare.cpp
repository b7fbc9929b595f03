// lotrinh compare A B ...: scenarios side by side, each against the first, with paired runs.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <thread>

#include "cli/cmd_simulate.h"
#include "cli/paired_runs.h"
#include "config/sim_file_reader.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/number_style.h"
#include "diag/words.h"
#include "report/render.h"
#include "sim/simulation.h"

namespace lotrinh::cli {
namespace {

namespace fs = std::filesystem;
using report::Cell;

struct Scenario {
  config::ScenarioFile file;
  std::unique_ptr<sim::Simulation> sim;
  std::vector<sim::Simulation::RunFigures> runs;
  std::int64_t money = 0;  // dong over the simulated years, as planned
};

std::string rel(const std::string& dir, const std::string& p) {
  return fs::path(p).is_absolute() ? p : (fs::path(dir) / p).lexically_normal().string();
}

// One per-run figure of a scenario: its value in run r, or nothing when the scenario lacks it.
using Figure = std::function<std::optional<std::int64_t>(const Scenario&, size_t r)>;

// Adds the block of runs held in ref.runs and s.runs (the same run numbers) to `out`.
void add_sums(PairedSums& out, const Scenario& ref, const Scenario& s, const Figure& f, size_t R) {
  for (size_t r = 0; r < R; ++r) out.add(f(ref, r), f(s, r));
}

}  // namespace

std::vector<report::ResultTable> compare_tables(Context& ctx, std::uint64_t block) {
  const Options& o = ctx.options();
  // Figures in the reader's number style in a table or xlsx, plain in CSV and JSON (paired_runs.h).
  const bool local = local_style(ctx.format());
  if (o.paths.size() < 2) throw diag::InputError(diag::error_about("compare", diag::msg("compare.few"), diag::msg("compare.few.hint")));
  if (o.runs && *o.runs < 1) throw diag::InputError(diag::error_about("--runs", diag::msg("sim.scenario.runs", *o.runs), diag::msg("sim.scenario.runs.hint")));
  if (o.threads && *o.threads < 1)
    throw diag::InputError(diag::error_about("--threads", diag::msg("simulate.bad_threads", *o.threads), diag::msg("simulate.bad_threads.hint")));
  const int threads = o.threads ? *o.threads : static_cast<int>(std::max(1u, std::min(std::thread::hardware_concurrency(), 8u)));
  std::vector<Scenario> sc;
  for (const auto& path : o.paths) {
    Scenario s;
    s.file = config::read_scenario_file(path);
    if (o.seed) s.file.seed = static_cast<std::uint64_t>(*o.seed);
    if (o.runs) s.file.runs = static_cast<int>(*o.runs);
    config::ModelFile model = config::read_model_file(rel(s.file.dir, s.file.model));
    sim::World world = sim::load_world(rel(s.file.dir, s.file.data), s.file.start_year, s.file.end_year, s.file.events, ctx.catalogue());
    s.sim = std::make_unique<sim::Simulation>(s.file, model, std::move(world), ctx.catalogue(), ctx.library(), ctx.overrides());
    s.money = s.sim->money();  // as planned, twinning money and the events' costs included
    sc.push_back(std::move(s));
  }
  // Every scenario runs the same run numbers: the reference's count unless --runs says.
  const size_t R = static_cast<size_t>(o.runs ? *o.runs : sc.front().file.runs);

  const Scenario& ref = sc.front();
  auto exits_by = [](int year) -> Figure {
    return [year](const Scenario& s, size_t r) -> std::optional<std::int64_t> {
      const int k = year - s.file.start_year;
      if (k < 1 || k > s.sim->years()) return std::nullopt;
      return s.runs[r].exits_by[static_cast<size_t>(k - 1)];
    };
  };
  auto iii_in = [](int year) -> Figure {
    return [year](const Scenario& s, size_t r) -> std::optional<std::int64_t> {
      const int k = year - s.file.start_year;
      if (k < 1 || k > s.sim->years()) return std::nullopt;
      return s.runs[r].iii[static_cast<size_t>(k - 1)];
    };
  };
  int first = ref.file.start_year + 1, last = ref.file.end_year;
  for (const auto& s : sc) first = std::min(first, s.file.start_year + 1), last = std::max(last, s.file.end_year);

  // Every figure's sums, streamed over blocks of runs: figure key -> per scenario.
  std::vector<std::pair<std::string, Figure>> figures;
  if (first <= 2025 && 2025 < last) figures.push_back({"exits2025", exits_by(2025)});
  figures.push_back({"exitslast", exits_by(last)});
  for (int y = first; y <= last; ++y) figures.push_back({"iii" + std::to_string(y), iii_in(y)});
  for (const auto& s : sc) {
    const std::string key = "own" + std::to_string(s.file.end_year);
    if (std::none_of(figures.begin(), figures.end(), [&](const auto& f) { return f.first == key; }))
      figures.push_back({key, exits_by(s.file.end_year)});
  }
  // Targets met with probability: each (target, area) of any scenario, matched by rule set,
  // target and area; a run's figure is 1 when the target is met in it (unknown counts as not met).
  auto target_pairs_of = [](const Scenario& s) {
    std::vector<std::pair<std::string, size_t>> out;  // key -> pair index
    for (const auto& c : s.sim->targets())
      for (size_t g = 0; g < c.groups; ++g)
        out.emplace_back(c.rules->id + "\n" + c.decl().id + "\n" + (c.district ? s.sim->world().district_ids[g] : ""), c.first_pair + g);
    return out;
  };
  std::vector<std::string> keys;
  std::vector<std::string> labels;
  for (const auto& s : sc)
    for (const auto& c : s.sim->targets())
      for (size_t g = 0; g < c.groups; ++g) {
        const std::string key = c.rules->id + "\n" + c.decl().id + "\n" + (c.district ? s.sim->world().district_ids[g] : "");
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        keys.push_back(key);
        const auto& d = c.decl();
        const std::string title = diag::lang() == diag::Lang::kVi && !d.title.vi.empty() ? d.title.vi : d.title.en;
        labels.push_back(diag::msg("compare.fig.target", title.empty() ? d.id : title,
                                   c.district ? s.sim->world().district_names[g] : diag::msg("targets.province")));
      }
  std::vector<std::vector<std::pair<std::string, size_t>>> pairs_of;
  for (const auto& s : sc) pairs_of.push_back(target_pairs_of(s));
  for (size_t k = 0; k < keys.size(); ++k) {
    const std::string key = keys[k];
    Figure met = [&, key](const Scenario& s, size_t r) -> std::optional<std::int64_t> {
      const auto& ps = pairs_of[static_cast<size_t>(&s - sc.data())];
      for (const auto& [kk, p] : ps)
        if (kk == key) return s.runs[r].targets_met[p];
      return std::nullopt;
    };
    figures.push_back({"target" + std::to_string(k), met});
  }
  std::map<std::string, std::vector<PairedSums>> totals;
  for (const auto& [key, f] : figures) totals[key].assign(sc.size(), PairedSums{});
  // The runs in blocks (paired_runs.h): each scenario's per-run figures are kept for one block.
  std::vector<const sim::Simulation*> sims;
  for (const auto& s : sc) sims.push_back(s.sim.get());
  const std::vector<sim::Aggregates> aggs =
      run_in_blocks(sims, R, threads, [&](std::uint64_t, std::vector<std::vector<sim::Simulation::RunFigures>>& block) {
        for (size_t i = 0; i < sc.size(); ++i) sc[i].runs.swap(block[i]);
        for (const auto& [key, f] : figures)
          for (size_t i = 0; i < sc.size(); ++i) add_sums(totals[key][i], ref, sc[i], f, sc[i].runs.size());
      },
      block);
  for (auto& s : sc) s.runs = {};
  auto sums = [&](const std::string& key, size_t i) { return totals.at(key)[i]; };

  report::ResultTable t;
  t.title = diag::msg("compare.title", sc.size(), R, ref.file.id);
  t.columns = {{"figure", diag::msg("compare.col.figure")},
               {"scenario", diag::msg("compare.col.scenario")},
               {"value", diag::msg("compare.col.value"), report::Align::kRight},
               {"difference", diag::msg("compare.col.difference", ref.file.id), report::Align::kRight},
               {"interval_90", diag::msg("compare.col.interval"), report::Align::kRight},
               {"note", diag::msg("compare.col.note")}};
  const long double runs = static_cast<long double>(R);
  // exits by the end year of each scenario's horizon and the interval's verdict, for the cost.
  std::vector<std::optional<PairedSums>> exits_end(sc.size());
  auto figure_rows = [&](const std::string& label, const std::string& key, std::vector<std::optional<PairedSums>>* keep) {
    for (size_t i = 0; i < sc.size(); ++i) {
      PairedSums su = sums(key, i);
      if (keep) (*keep)[i] = su;
      std::vector<Cell> row{report::text(label), report::text(sc[i].file.id)};
      if (!su.value) {
        row.push_back(report::missing());
        row.push_back(report::missing());
        row.push_back(report::missing());
        row.push_back(report::text(diag::msg("compare.not_in", sc[i].file.id)));
        t.add_row(std::move(row));
        continue;
      }
      row.push_back(report::text(figure_number(static_cast<long double>(su.sum) / runs, 2, local)));
      if (i == 0 || !su.paired) {
        row.push_back(report::missing());
        row.push_back(report::missing());
        row.push_back(report::text(i == 0 ? diag::msg("compare.reference") : diag::msg("compare.not_in", ref.file.id)));
        t.add_row(std::move(row));
        continue;
      }
      const PairedInterval iv = paired_interval(su, R);
      const long double mean = iv.mean, half = iv.half;
      const bool zero = iv.contains_zero();
      row.push_back(report::text(figure_number(mean, 2, local)));
      row.push_back(report::text(figure_interval(mean - half, mean + half, 2, local)));
      row.push_back(report::text(diag::msg(zero ? "compare.zero" : "compare.nonzero")));
      t.add_row(std::move(row));
    }
  };
  if (first <= 2025 && 2025 < last) figure_rows(diag::msg("compare.fig.exits_by", 2025), "exits2025", nullptr);
  figure_rows(diag::msg("compare.fig.exits_by", last), "exitslast", &exits_end);
  for (int y = first; y <= last; ++y) figure_rows(diag::msg("compare.fig.iii", y), "iii" + std::to_string(y), nullptr);
  size_t never_known = 0;
  for (size_t k = 0; k < keys.size(); ++k) {
    const std::string key = keys[k];
    // A target unknown in every run of every scenario has nothing to compare: counted in a note.
    bool known = false;
    for (size_t i = 0; i < sc.size(); ++i)
      for (const auto& [kk, p] : pairs_of[i])
        if (kk == key) known = known || aggs[i].target(p, sim::kTargetMet) + aggs[i].target(p, sim::kTargetNotMet) > 0;
    if (!known) {
      ++never_known;
      continue;
    }
    figure_rows(labels[k], "target" + std::to_string(k), nullptr);
  }
  // Money and cost per exit (the plan is deterministic: the same in every run).
  for (size_t i = 0; i < sc.size(); ++i)
    t.add_row({report::text(diag::msg("compare.fig.money", sc[i].file.start_year + 1, sc[i].file.end_year)), report::text(sc[i].file.id),
               report::money(static_cast<double>(sc[i].money)),
               i == 0 ? report::text("-") : report::money(static_cast<double>(sc[i].money - ref.money)), report::missing(),
               report::text(i == 0 ? diag::msg("compare.reference") : "")});
  for (size_t i = 0; i < sc.size(); ++i) {
    const auto& su = exits_end[i];
    const int own_end = sc[i].file.end_year;
    const PairedSums own = sums("own" + std::to_string(own_end), i);
    std::vector<Cell> row{report::text(diag::msg("compare.fig.cost", own_end)), report::text(sc[i].file.id)};
    const long double exits = own.value ? static_cast<long double>(own.sum) / runs : 0;
    row.push_back(exits > 0 ? report::money(std::round(static_cast<double>(static_cast<long double>(sc[i].money) / exits))) : report::missing());
    std::string note = exits > 0 ? "" : diag::msg("compare.cost.none", own_end);
    if (i == 0) {
      row.push_back(report::missing());
      note = diag::msg("compare.reference");
    } else if (su && su->paired) {
      const auto inc = incremental_cost(static_cast<long double>(sc[i].money - ref.money) / 1e9L, paired_interval(*su, R));
      if (!inc) {
        row.push_back(report::missing());
        note = diag::msg("compare.incremental.undefined", ref.file.id, last);
      } else {
        row.push_back(report::money(std::round(static_cast<double>(*inc * 1e9L))));
        note = diag::msg("compare.incremental", ref.file.id);
      }
    } else {
      row.push_back(report::missing());
    }
    row.push_back(report::missing());
    row.push_back(report::text(note));
    t.add_row(std::move(row));
  }
  // The communes left behind: region III at the start and still in the last year in half the runs or more.
  for (size_t i = 0; i < sc.size(); ++i) {
    const auto& s = *sc[i].sim;
    const auto& a = aggs[i];
    // By name (district-qualified where two communes share it), the slugs with --codes.
    const sim::World& w = s.world();
    std::vector<std::string> names;
    for (size_t c = 0; c < w.size(); ++c) {
      if (!s.start_iii()[c] || a.exit(c, static_cast<size_t>(s.years())) * 2 < a.runs()) continue;
      if (diag::codes()) {
        names.push_back(w.slugs[c]);
        continue;
      }
      const bool shared = std::count(w.names.begin(), w.names.end(), w.names[c]) > 1;
      names.push_back(shared ? w.names[c] + ", " + w.district_names[static_cast<size_t>(w.district[c])] : w.names[c]);
    }
    std::string list;
    for (const auto& nm : names) list += (list.empty() ? "" : diag::codes() ? " " : "; ") + nm;
    t.add_row({report::text(diag::msg("compare.fig.behind", sc[i].file.end_year)), report::text(sc[i].file.id),
               report::text(std::to_string(names.size())), report::missing(), report::missing(), report::text(list)});
  }
  t.notes.push_back(diag::msg("compare.note.interval", ref.file.id));
  t.notes.push_back(diag::msg("compare.note.cost"));
  if (!keys.empty()) t.notes.push_back(diag::msg("compare.note.targets", never_known));
  for (const auto& s : sc) {
    t.notes.push_back(diag::msg("compare.note.scenario", s.file.id, s.file.path, s.file.start_year, s.file.end_year, s.file.seed, diag::word("allocation", s.file.allocation)));
    for (const auto& note : workdays_notes(s.file, s.sim->model())) t.notes.push_back(diag::msg("compare.note.of", s.file.id, note));
    for (const auto& note : event_notes(*s.sim)) t.notes.push_back(diag::msg("compare.note.of", s.file.id, note));
    if (s.file.seed != ref.file.seed) t.notes.push_back(diag::msg("compare.note.seed", s.file.id, ref.file.id));
  }
  return {std::move(t)};
}

int cmd_compare(Context& ctx) {
  const std::vector<report::ResultTable> tables = compare_tables(ctx);
  ctx.emit(tables);
  if (ctx.format() == report::Format::kCsv) std::fputs(report::render_notes(tables.front()).c_str(), stderr);
  return 0;
}

}  // namespace lotrinh::cli
