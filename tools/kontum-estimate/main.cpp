// kontum-estimate: regenerates the estimated Kon Tum tables (communes.csv, provenance.csv) from
// the units tables of scenarios/kontum/ into the folder --out. The estimate follows steps
// specific to report 141-BC/TU (scenarios/kontum/DATA.md), so it is a program of its own, not a
// command of lotrinh (whose engine knows no province).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "estimate/kontum_estimator.h"
#include "estimate_messages.h"

#ifndef LOTRINH_SOURCE_HOME
#define LOTRINH_SOURCE_HOME "."
#endif

using namespace lotrinh;

int main(int argc, char** argv) {
  const char* lang_env = std::getenv("LANG");
  diag::set_lang(diag::lang_from_string(lang_env ? lang_env : ""));
  estimate::add_messages();
  std::string home = LOTRINH_SOURCE_HOME;
  if (const char* env = std::getenv("LOTRINH_HOME"); env && *env) home = env;
  std::string out, lang_opt;
  std::string units = home + "/scenarios/kontum";
  CLI::App app{diag::msg("cmd.estimate"), "kontum-estimate"};
  app.add_option("--out", out, diag::msg("estimate.opt.out"));
  app.add_option("--data", units, diag::msg("estimate.opt.data"));
  app.add_option("--lang", lang_opt, diag::msg("opt.lang"));
  CLI11_PARSE(app, argc, argv);
  if (!lang_opt.empty()) diag::set_lang(diag::lang_from_string(lang_opt));
  try {
    if (out.empty() || out == "-") {
      throw diag::InputError(
          diag::error_about("--out", diag::msg("estimate.needs_out"), diag::msg("estimate.needs_out.hint")));
    }
    std::error_code ec;
    std::filesystem::create_directories(out, ec);  // a failure shows as the write's own error
    estimate::write_kontum_dataset(units, out);
    std::fputs((diag::msg("estimate.done", out, units) + "\n").c_str(), stderr);
    return 0;
  } catch (const diag::InputError& e) {
    std::fputs(e.what(), stderr);
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kontum-estimate: %s\n", diag::msg("cli.internal", e.what()).c_str());
    return 3;
  }
}
