// lotrinh calibrate SCENARIO: fit the scenario's [calibration] parameters to its targets.
#include <fmt/format.h>

#include <filesystem>

#include "cli/cmd_simulate.h"
#include "config/sim_file_reader.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/number_style.h"
#include "diag/words.h"
#include "report/output.h"
#include "report/render.h"
#include "sim/calibration.h"

namespace lotrinh::cli {

int cmd_calibrate(Context& ctx) {
  namespace fs = std::filesystem;
  const Options& o = ctx.options();
  if (o.paths.empty())
    throw diag::InputError(diag::error_about("calibrate", diag::msg("calibrate.no_scenario"), diag::msg("calibrate.no_scenario.hint")));
  const std::string path = o.paths.front();
  config::ScenarioFile scenario = config::read_scenario_file(path);
  auto rel = [&](const std::string& p) { return fs::path(p).is_absolute() ? p : (fs::path(scenario.dir) / p).lexically_normal().string(); };
  config::ModelFile model = config::read_model_file(rel(scenario.model));
  sim::World world = sim::load_world(rel(scenario.data), scenario.start_year, scenario.end_year, scenario.events, ctx.catalogue());
  if (scenario.fit.empty() || scenario.targets.empty())
    throw diag::InputError(diag::error_about(path, diag::msg("calibrate.nothing"), diag::msg("calibrate.nothing.hint")));
  scenario.parameters.clear();  // fit from the model's own central values
  sim::CalibrationResult r = sim::calibrate(scenario, model, world, ctx.catalogue(), ctx.library());

  report::ResultTable t;
  t.title = diag::msg("calibrate.title", path, model.path);
  t.columns = {{"target", diag::msg("calibrate.col.target")}, {"year", diag::msg("col.year"), report::Align::kRight},
               {"simulated", diag::msg("calibrate.col.simulated"), report::Align::kRight},
               {"reported", diag::msg("calibrate.col.reported"), report::Align::kRight},
               {"difference_points", diag::msg("calibrate.col.difference"), report::Align::kRight},
               {"use", diag::msg("calibrate.col.use")}, {"source", diag::msg("calibrate.col.source")}};
  for (const auto& tr : r.targets) {
    const auto& g = *tr.target;
    t.add_row({report::text(diag::pick(g.name_vi, g.name)), report::year(g.year), report::percent(tr.simulated, 2), report::percent(g.reported, 2),
               report::number((tr.simulated - g.reported) * 100, 2),
               report::text(diag::msg(g.fit ? "calibrate.fitted" : "calibrate.check")), report::text(diag::pick(g.source_vi, g.source))});
  }
  std::string fitted;
  for (const auto& [name, value] : r.fitted)
    fitted += (fitted.empty() ? "" : ", ") + name + " = " + diag::local_number(fmt::format("{:.6g}", value));
  // The optimiser's name as NLopt gives it, in the reader's language where the catalogue has it.
  t.notes.push_back(diag::msg("calibrate.note.fitted", fitted, diag::word("algorithm", r.algorithm), r.evaluations,
                              diag::local_number(fmt::format("{:.2f}", r.rms_points))));
  t.notes.push_back(diag::msg("calibrate.note.method"));
  for (auto& note : workdays_notes(scenario, model)) t.notes.push_back(std::move(note));
  if (!scenario.calibration_output.empty()) {
    std::string text = "# Written by lotrinh calibrate from " + fs::path(path).filename().string() +
                       ": the central values of the parameters below, fitted (" + r.algorithm +
                       ") so that the central projection meets the targets marked fit = true.\n"
                       "[fitted]\nscenario = \"" + fs::path(path).filename().string() + "\"\nrms_points = " +
                       fmt::format("{:.4f}", r.rms_points) + "\n\n[parameters]\n";
    for (const auto& [name, value] : r.fitted) text += fmt::format("{} = {:.6f}\n", name, value);
    const std::string out = rel(scenario.calibration_output);
    report::write_output(out, text);
    t.notes.push_back(diag::msg("calibrate.note.written", out));
  }
  ctx.emit(t);
  if (ctx.format() == report::Format::kCsv) std::fputs(report::render_notes(t).c_str(), stderr);
  return 0;
}

}  // namespace lotrinh::cli
