#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>

#include "cli/cmd_graph.h"
#include "cli/cmd_reproduce.h"
#include "cli/cmd_simulate.h"
#include "cli/commands.h"
#include "cli/option_checks.h"
#include "diag/text_file.h"
#include "cli/options.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"

namespace lotrinh::cli {
namespace {

void common(CLI::App* c, Options& o) {
  c->add_option("--rules", o.rules, diag::msg("opt.rules"));
  c->add_option("--data", o.data, diag::msg("opt.data"));
  c->add_option("--csv-dialect", o.csv_dialect, diag::msg("opt.csv_dialect"));
  c->add_option("--year", o.year, diag::msg("opt.year"));
  c->add_option("--set", o.set, diag::msg("opt.set"));
  c->add_option("--format", o.format, diag::msg("opt.format"));
  c->add_option("--out", o.out, diag::msg("opt.out"));
  c->add_flag("--excel", o.excel, diag::msg("opt.excel"));
  c->add_flag("--codes", o.codes, diag::msg("opt.codes"));
}

}  // namespace

namespace {

int dispatch(const Options& o, Context& ctx) {
  if (o.command == "check") return cmd_check(ctx);
  if (o.command == "test") return cmd_test(ctx);
  if (o.command.empty() && !baseline_scenario().empty()) return cmd_simulate(ctx);
  if (o.command == "classify" || o.command.empty()) return cmd_classify(ctx);
  if (o.command == "simulate" || o.command == "report") return cmd_simulate(ctx);
  if (o.command == "merge") return cmd_merge(ctx);
  if (o.command == "compare") return cmd_compare(ctx);
  if (o.command == "calibrate") return cmd_calibrate(ctx);
  if (o.command == "explain") return cmd_explain(ctx);
  if (o.command == "diff") return cmd_diff(ctx);
  if (o.command == "targets") return cmd_targets(ctx);
  if (o.command == "sweep") return cmd_sweep(ctx);
  if (o.command == "reproduce") return cmd_reproduce(ctx);
  if (o.command == "graph") return cmd_graph(ctx);
  if (o.command == "aggregate") return cmd_aggregate(ctx);
  return 3;
}

// The warnings of the rule files the run compiled go to stderr, after its errors or output.
void print_warnings(Context& ctx) { std::fputs(diag::format(ctx.library().warnings()).c_str(), stderr); }

}  // namespace

int run_command(const Options& o) {
  diag::set_max_input_bytes(static_cast<size_t>(o.max_input_mb * 1048576.0));
  // Only `targets` reads several rule sets from --rules; the others would ignore all but one.
  if (o.rules.size() > 1 && o.command != "targets")
    throw option_problem("--rules", diag::msg("cli.two_rules", o.command.empty() ? "classify" : o.command, o.rules.size()),
                         diag::msg("cli.two_rules.hint"));
  Context ctx(o);
  int code = 0;
  try {
    code = dispatch(o, ctx);
  } catch (const diag::InputError&) {
    print_warnings(ctx);
    throw;
  }
  print_warnings(ctx);
  return code;
}

int main(int argc, char** argv) {
  // The language first, so that even argument errors are in it: --lang, else LANG.
  std::string lang;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--lang" && i + 1 < argc) lang = argv[i + 1];
    else if (arg.rfind("--lang=", 0) == 0) lang = arg.substr(7);
  }
  if (lang.empty())
    if (const char* l = std::getenv("LANG")) lang = l;
  diag::set_lang(diag::lang_from_string(lang));

  Options o;
  std::string lang_opt;
  CLI::App app{diag::msg("app.description"), "lotrinh"};
  app.add_option("--lang", lang_opt, diag::msg("opt.lang"));
  app.add_option("--max-input-mb", o.max_input_mb, diag::msg("opt.max_input_mb"))->check(CLI::PositiveNumber);
  app.require_subcommand(0, 1);

  auto* check = app.add_subcommand("check", diag::msg("cmd.check"));
  check->add_option("paths", o.paths, diag::msg("opt.paths"));
  check->add_flag("--gaps", o.gaps, diag::msg("opt.gaps"));
  check->add_flag("--params", o.params, diag::msg("opt.params"));
  check->add_option("--classification", o.classification, diag::msg("opt.classification"));
  auto* test = app.add_subcommand("test", diag::msg("cmd.test"));
  test->add_option("paths", o.paths, diag::msg("opt.paths"));
  auto* classify = app.add_subcommand("classify", diag::msg("cmd.classify"));
  classify->add_option("--class", o.class_filter, diag::msg("opt.class_filter"));
  classify->add_option("--district", o.district, diag::msg("opt.district"));
  auto* explain = app.add_subcommand("explain", diag::msg("cmd.explain"));
  explain->add_option("--commune", o.commune, diag::msg("opt.commune"));
  explain->add_option("--classification", o.classification, diag::msg("opt.classification"));
  auto* diff = app.add_subcommand("diff", diag::msg("cmd.diff"));
  diff->add_option("rule_sets", o.paths, diag::msg("opt.rule_sets"));
  auto* targets = app.add_subcommand("targets", diag::msg("cmd.targets"));
  auto* sweep = app.add_subcommand("sweep", diag::msg("cmd.sweep"));
  // Two kinds (cmd_sweep): a rule threshold (--param), or a scenario value (SCENARIO --value).
  sweep->add_option("scenario", o.paths, diag::msg("opt.sweep_scenario"))->expected(0, 1);
  sweep->add_option("--param", o.param, diag::msg("opt.param"));
  sweep->add_option("--value", o.value, diag::msg("opt.sweep_value"));
  sweep->add_option("--from", o.from_text, diag::msg("opt.from"))->required();
  sweep->add_option("--to", o.to_text, diag::msg("opt.to"))->required();
  sweep->add_option("--step", o.step_text, diag::msg("opt.step"))->required();
  sweep->add_option("--runs", o.runs, diag::msg("opt.runs"));
  sweep->add_option("--seed", o.seed, diag::msg("opt.seed"));
  sweep->add_option("--threads", o.threads, diag::msg("opt.threads"));
  sweep->add_option("--max-steps", o.max_steps, diag::msg("opt.max_steps"));
  sweep->add_option("--classification", o.classification, diag::msg("opt.classification"));
  auto* reproduce = app.add_subcommand("reproduce", diag::msg("cmd.reproduce"));
  reproduce->add_option("figures", o.paths, diag::msg("opt.figures"));
  reproduce->add_flag("--transitions", o.transitions, diag::msg("opt.transitions"));
  auto* graph = app.add_subcommand("graph", diag::msg("cmd.graph"));
  auto* aggregate = app.add_subcommand("aggregate", diag::msg("cmd.aggregate"));
  aggregate->add_option("--commune", o.commune, diag::msg("opt.commune"));
  aggregate->add_option("--on", o.on, diag::msg("opt.on"));
  auto* simulate = app.add_subcommand("simulate", diag::msg("cmd.simulate"));
  simulate->add_option("scenario", o.paths, diag::msg("opt.scenario"))->expected(0, 1);
  simulate->add_option("--runs", o.runs, diag::msg("opt.runs"));
  simulate->add_option("--seed", o.seed, diag::msg("opt.seed"));
  simulate->add_option("--threads", o.threads, diag::msg("opt.threads"));
  simulate->add_option("--runs-from", o.runs_from, diag::msg("opt.runs_from"));
  simulate->add_option("--runs-to", o.runs_to, diag::msg("opt.runs_to"));
  simulate->add_option("--partial", o.partial, diag::msg("opt.partial"));
  simulate->add_option("--report", o.report, diag::msg("opt.report"));
  classify->add_option("--report", o.report, diag::msg("opt.report"));
  auto* report_cmd = app.add_subcommand("report", diag::msg("cmd.report"));
  report_cmd->add_option("scenario", o.paths, diag::msg("opt.report_scenarios"))->expected(0, -1);
  report_cmd->add_option("--runs", o.runs, diag::msg("opt.runs"));
  report_cmd->add_option("--seed", o.seed, diag::msg("opt.seed"));
  report_cmd->add_option("--threads", o.threads, diag::msg("opt.threads"));
  auto* merge = app.add_subcommand("merge", diag::msg("cmd.merge"));
  merge->add_option("partials", o.paths, diag::msg("opt.partials"));
  auto* compare = app.add_subcommand("compare", diag::msg("cmd.compare"));
  compare->add_option("scenarios", o.paths, diag::msg("opt.compare_scenarios"));
  compare->add_option("--runs", o.runs, diag::msg("opt.runs"));
  compare->add_option("--seed", o.seed, diag::msg("opt.seed"));
  compare->add_option("--threads", o.threads, diag::msg("opt.threads"));
  auto* calibrate = app.add_subcommand("calibrate", diag::msg("cmd.calibrate"));
  calibrate->add_option("scenario", o.paths, diag::msg("opt.calibration_scenario"))->expected(0, 1);
  for (auto* c : {check, test, classify, explain, diff, targets, sweep, reproduce, graph, aggregate, simulate, merge, compare, calibrate,
                  report_cmd}) {
    common(c, o);
    c->add_option("--lang", lang_opt, diag::msg("opt.lang"));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "lotrinh: %s: %s\n  %s: %s\n", diag::msg("diag.error").c_str(), e.what(),
                 diag::msg("diag.hint").c_str(), diag::msg("cli.see_help").c_str());
    return 2;
  }
  for (auto* c : app.get_subcommands()) o.command = c->get_name();
  try {
    // A language lotrinh does not have is refused rather than silently shown in English.
    if (!lang_opt.empty() && lang_opt != "en" && lang_opt != "vi" && lang_opt.rfind("en_", 0) != 0 &&
        lang_opt.rfind("vi_", 0) != 0)
      throw option_problem("--lang", diag::msg("cli.bad_lang", lang_opt), diag::msg("cli.bad_lang.hint"));
    if (o.command.empty()) {
      const std::string baseline = baseline_scenario();
      std::fputs(((baseline.empty() ? diag::msg("cli.main_job") : diag::msg("cli.main_job_forecast", baseline)) + "\n").c_str(), stderr);
    }
    return run_command(o);
  } catch (const diag::InputError& e) {
    std::fputs(e.what(), stderr);
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lotrinh: %s\n", diag::msg("cli.internal", e.what()).c_str());
    return 3;
  }
}

}  // namespace lotrinh::cli
