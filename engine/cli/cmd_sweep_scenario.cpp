// lotrinh sweep SCENARIO.toml --value NAME --from A --to B --step S: one scenario value stepped
// over a range, each step a Monte Carlo run on the same run numbers as the first (common random
// numbers), with expected exits, money, cost per exit and the incremental cost against the first.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <thread>

#include "cli/cmd_simulate.h"
#include "cli/commands.h"
#include "cli/option_checks.h"
#include "cli/paired_runs.h"
#include "diag/words.h"
#include "config/sim_file_reader.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/number_style.h"
#include "diag/spelling.h"
#include "report/render.h"
#include "rules/sweep.h"
#include "sim/simulation.h"

namespace lotrinh::cli {
namespace {

namespace fs = std::filesystem;

// One end or the step of the range as typed: a number, and whether it was a percentage ("50%").
struct Typed {
  double value = 0;
  bool percent = false;
};

std::optional<double> parse_number(const std::string& text) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text.front()))) return std::nullopt;
  try {
    size_t used = 0;
    const double v = std::stod(text, &used);
    if (used != text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Typed parse_typed(const std::string& option, const std::string& text) {
  Typed t;
  std::string number = text;
  if (!number.empty() && number.back() == '%') {
    t.percent = true;
    number.pop_back();
    while (!number.empty() && number.back() == ' ') number.pop_back();
  }
  auto v = parse_number(number);
  if (!v) throw option_problem(option, diag::msg("sweepval.not_number", text), diag::msg("sweepval.not_number.hint"));
  t.value = *v;
  return t;
}

std::string rel(const std::string& dir, const std::string& p) {
  return fs::path(p).is_absolute() ? p : (fs::path(dir) / p).lexically_normal().string();
}

// What a name moves: every budget line by a percentage, one budget line, one workdays line, one
// assumption, or one model parameter.
enum class Kind { kBudget, kBudgetLine, kWorkdays, kAssumption, kParameter };

// The figures of one step.
struct Step {
  double value = 0;
  std::int64_t money = 0;  // dong over the simulated years, as planned
  PairedSums exits_2025, exits_last;
  std::vector<std::int64_t> hist_2025, hist_last;  // runs by their number of exits
};

void count(std::vector<std::int64_t>& hist, std::int32_t v) {
  const size_t k = static_cast<size_t>(std::max(0, v));
  if (hist.size() <= k) hist.resize(k + 1, 0);
  ++hist[k];
}

}  // namespace

double sweep_number(const std::string& option, const std::string& text, double fallback) {
  if (text.empty()) return fallback;
  auto v = parse_number(text);
  if (!v) throw option_problem(option, diag::msg("sweepval.not_number", text), diag::msg("sweepval.not_number.hint"));
  return *v;
}

int cmd_sweep_scenario(Context& ctx) {
  const Options& o = ctx.options();
  // A rule sweep's options are refused rather than ignored.
  for (const auto& [option, given] : {std::pair{"--param", !o.param.empty()}, std::pair{"--rules", !o.rules.empty()},
                                      std::pair{"--classification", !o.classification.empty()},
                                      std::pair{"--data", !o.data.empty()}, std::pair{"--year", o.year.has_value()}})
    if (given) throw option_problem(option, diag::msg("sweepval.rule_option", option), diag::msg("sweepval.kinds.hint"));
  if (o.value.empty()) throw option_problem("--value", diag::msg("sweepval.no_value"), diag::msg("sweepval.names.hint"));
  if (o.runs && *o.runs < 1) throw option_problem("--runs", diag::msg("sim.scenario.runs", *o.runs), diag::msg("sim.scenario.runs.hint"));
  if (o.threads && *o.threads < 1)
    throw option_problem("--threads", diag::msg("simulate.bad_threads", *o.threads), diag::msg("simulate.bad_threads.hint"));
  const int threads = o.threads ? *o.threads : static_cast<int>(std::max(1u, std::min(std::thread::hardware_concurrency(), 8u)));

  config::ScenarioFile file = config::read_scenario_file(o.paths.front());
  if (o.seed) file.seed = static_cast<std::uint64_t>(*o.seed);
  if (o.runs) file.runs = static_cast<int>(*o.runs);
  const config::ModelFile model = config::read_model_file(rel(file.dir, file.model));

  // The name: what it moves, and its value in the scenario (for a percentage).
  const std::string& name = o.value;
  Kind kind = Kind::kParameter;
  std::int64_t base = 0;  // budget.<id>: the line's amount a year
  bool known = false;
  std::vector<std::string> names{"budget"};
  for (const auto& b : file.budget) {
    names.push_back("budget." + b.id);
    if (names.back() == name) kind = Kind::kBudgetLine, base = b.amount_vnd, known = true;
  }
  for (const auto& w : file.workdays) {
    names.push_back("workdays." + w.id);
    if (names.back() == name) kind = Kind::kWorkdays, known = true;
  }
  for (const auto& a : file.assumptions) {
    names.push_back("assumption." + a.name);
    if (names.back() == name) kind = Kind::kAssumption, known = true;
  }
  for (const auto& p : model.parameters) {
    names.push_back(p.name);
    if (p.name == name) kind = Kind::kParameter, known = true;
  }
  if (name == "budget") kind = Kind::kBudget, known = true;
  if (!known) {
    const std::string hint = diag::did_you_mean(name, names);
    throw option_problem("--value", diag::msg("sweepval.unknown_value", name, file.id), hint.empty() ? diag::msg("sweepval.names.hint") : hint);
  }

  // The range: for the budget, percentages of the scenario's amounts (the % sign optional); for
  // one budget line, a percentage of its amount or dong; for the others, plain values.
  Typed from = parse_typed("--from", o.from_text), to = parse_typed("--to", o.to_text), step = parse_typed("--step", o.step_text);
  const bool money_or_days = kind == Kind::kBudget || kind == Kind::kBudgetLine || kind == Kind::kWorkdays;
  if (kind == Kind::kBudget) from.percent = to.percent = step.percent = true;
  for (const auto& [option, typed, text] : {std::tuple{"--from", from, o.from_text}, std::tuple{"--to", to, o.to_text},
                                            std::tuple{"--step", step, o.step_text}})
    if (typed.percent && kind != Kind::kBudget && kind != Kind::kBudgetLine)
      throw option_problem(option, diag::msg("sweepval.percent_budget_only", text, name), diag::msg("sweepval.percent_budget_only.hint", name));
  if (money_or_days && from.value < 0)
    throw option_problem("--from", diag::msg(kind == Kind::kBudget ? "sweepval.negative_scale" : "sweepval.negative", o.from_text, name),
                         diag::msg("sweepval.negative.hint"));
  // One budget line with the ends or step in both forms: each percentage becomes dong.
  const bool in_percent = from.percent && to.percent && step.percent;
  if (!in_percent)
    for (Typed* t : {&from, &to, &step})
      if (t->percent) *t = Typed{std::round(static_cast<double>(base) * t->value / 100.0), false};
  const std::vector<double> values = rules::sweep_values(from.value, to.value, step.value, o.max_steps);

  sim::World world = sim::load_world(rel(file.dir, file.data), file.start_year, file.end_year, file.events, ctx.catalogue());
  const std::uint64_t R = static_cast<std::uint64_t>(file.runs);
  const int last = file.end_year;
  const bool show_2025 = file.start_year < 2025 && 2025 < last;
  const size_t k_last = static_cast<size_t>(last - file.start_year - 1), k_2025 = show_2025 ? static_cast<size_t>(2025 - file.start_year - 1) : 0;
  std::vector<std::int32_t> ref_2025(R), ref_last(R);  // the first step's exits in each run
  std::vector<Step> steps;
  // Figures in the reader's number style in a table or xlsx, plain in CSV and JSON (paired_runs.h).
  const bool local = local_style(ctx.format());
  // A step's value as applied: whole dong or workdays for a line, else as stepped.
  const bool whole = (kind == Kind::kBudgetLine || kind == Kind::kWorkdays) && !in_percent;
  auto value_text = [&](double v, bool in_local) {
    const std::string plain = whole ? fmt::format("{}", std::llround(v)) : fmt::format("{:.12g}", v);
    return (in_local ? diag::local_number(plain) : plain) + (in_percent ? " %" : "");
  };
  for (size_t i = 0; i < values.size(); ++i) {
    const double v = values[i];
    // A step whose setup or runs fail (floors over a smaller budget, a formula going negative)
    // is named in the error, in the reader's number style: the rest of the error is the file's.
    try {
      config::ScenarioFile f = file;
      std::map<std::string, double> overrides;
      if (kind == Kind::kBudget) {
        // Every line times the percentage, to the nearest dong (halves away from zero).
        for (auto& b : f.budget) b.amount_vnd = std::llround(static_cast<long double>(b.amount_vnd) * v / 100.0L);
      } else if (kind == Kind::kBudgetLine && in_percent) {
        overrides[name] = static_cast<double>(std::llround(static_cast<long double>(base) * v / 100.0L));
      } else if (kind == Kind::kBudgetLine || kind == Kind::kWorkdays) {
        overrides[name] = std::round(v);
      } else {
        overrides[name] = v;
      }
      for (const auto& [k, x] : ctx.overrides())
        if (!overrides.count(k)) overrides[k] = x;
      sim::Simulation s(f, model, world, ctx.catalogue(), ctx.library(), overrides);
      Step st;
      st.value = v;
      st.money = s.money();  // as planned, events' costs included
      run_in_blocks({&s}, R, threads, [&](std::uint64_t start, std::vector<std::vector<sim::Simulation::RunFigures>>& block) {
        for (size_t j = 0; j < block[0].size(); ++j) {
          const auto& fig = block[0][j];
          const size_t r = static_cast<size_t>(start) + j;
          if (i == 0) {
            ref_last[r] = fig.exits_by[k_last];
            if (show_2025) ref_2025[r] = fig.exits_by[k_2025];
          }
          st.exits_last.add(ref_last[r], fig.exits_by[k_last]);
          count(st.hist_last, fig.exits_by[k_last]);
          if (show_2025) {
            st.exits_2025.add(ref_2025[r], fig.exits_by[k_2025]);
            count(st.hist_2025, fig.exits_by[k_2025]);
          }
        }
      });
      steps.push_back(std::move(st));
    } catch (const diag::InputError& e) {
      std::vector<diag::Diagnostic> named = e.diagnostics();
      for (auto& d : named) d.message = diag::msg("sweepval.at_step", name, value_text(v, true), d.message);
      throw diag::InputError(std::move(named));
    }
  }

  report::ResultTable t;
  t.title = diag::msg("sweepval.title", name, file.id, values.size(), R, file.seed);
  const std::string value_title = in_percent ? diag::msg("sweepval.col.percent", name) : name;
  t.columns = {{"value", value_title, report::Align::kRight}};
  if (show_2025) {
    t.columns.push_back({"exits_2025", diag::msg("sweepval.col.exits", 2025), report::Align::kRight});
    t.columns.push_back({"range_2025", diag::msg("sweepval.col.range", 2025), report::Align::kRight});
  }
  t.columns.push_back({fmt::format("exits_{}", last), diag::msg("sweepval.col.exits", last), report::Align::kRight});
  t.columns.push_back({fmt::format("range_{}", last), diag::msg("sweepval.col.range", last), report::Align::kRight});
  t.columns.push_back({fmt::format("difference_{}", last), diag::msg("sweepval.col.difference", last), report::Align::kRight});
  t.columns.push_back({"interval_90", diag::msg("compare.col.interval"), report::Align::kRight});
  t.columns.push_back({"money", diag::msg("compare.fig.money", file.start_year + 1, last), report::Align::kRight});
  t.columns.push_back({"cost_per_exit", diag::msg("compare.fig.cost", last), report::Align::kRight});
  t.columns.push_back({"incremental_cost", diag::msg("sweepval.col.incremental"), report::Align::kRight});
  t.columns.push_back({"note", diag::msg("compare.col.note")});
  const long double runs = static_cast<long double>(R);
  auto num = [local](long double v, int decimals) { return figure_number(v, decimals, local); };
  auto range = [local](const std::vector<std::int64_t>& hist) {
    return figure_interval(static_cast<long double>(rank_percentile(hist, 5)), static_cast<long double>(rank_percentile(hist, 95)), 0, local);
  };
  for (size_t i = 0; i < steps.size(); ++i) {
    const Step& st = steps[i];
    std::vector<report::Cell> row{report::text(value_text(st.value, local))};
    if (show_2025) {
      row.push_back(report::text(num(static_cast<long double>(st.exits_2025.sum) / runs, 2)));
      row.push_back(report::text(range(st.hist_2025)));
    }
    const long double exits = static_cast<long double>(st.exits_last.sum) / runs;
    row.push_back(report::text(num(exits, 2)));
    row.push_back(report::text(range(st.hist_last)));
    const PairedInterval iv = paired_interval(st.exits_last, R);
    if (i == 0) {
      row.push_back(report::missing());
      row.push_back(report::missing());
    } else {
      row.push_back(report::text(num(iv.mean, 2)));
      row.push_back(report::text(figure_interval(iv.mean - iv.half, iv.mean + iv.half, 2, local)));
    }
    row.push_back(report::money(static_cast<double>(st.money)));
    row.push_back(exits > 0 ? report::money(std::round(static_cast<double>(static_cast<long double>(st.money) / exits))) : report::missing());
    std::string note = exits > 0 ? "" : diag::msg("compare.cost.none", last);
    if (i == 0) {
      row.push_back(report::missing());
      note = diag::msg("sweepval.first");
    } else if (auto inc = incremental_cost(static_cast<long double>(st.money - steps.front().money), iv)) {
      row.push_back(report::money(std::round(static_cast<double>(*inc))));
    } else {
      row.push_back(report::missing());
      note += (note.empty() ? "" : "; ") + diag::msg("sweepval.undefined", last);
    }
    row.push_back(report::text(note));
    t.add_row(std::move(row));
  }
  t.notes.push_back(diag::msg("sweepval.note.paired", R, file.seed));
  t.notes.push_back(diag::msg("sweepval.note.range", last));
  t.notes.push_back(diag::msg("compare.note.cost"));
  t.notes.push_back(diag::msg("sweepval.note.incremental", last));
  if (kind == Kind::kBudget) t.notes.push_back(diag::msg("sweepval.note.budget"));
  else if (kind == Kind::kBudgetLine && in_percent) t.notes.push_back(diag::msg("sweepval.note.line", name, base));
  if (!ctx.overrides().empty()) t.notes.push_back(diag::msg("sweepval.note.set"));
  t.notes.push_back(diag::msg("compare.note.scenario", file.id, file.path, file.start_year, file.end_year, file.seed, diag::word("allocation", file.allocation)));
  ctx.emit(t);
  if (ctx.format() == report::Format::kCsv) std::fputs(report::render_notes(t).c_str(), stderr);
  return 0;
}

}  // namespace lotrinh::cli
