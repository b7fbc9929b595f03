// lotrinh estimate: regenerate the estimated Kon Tum tables (communes.csv, provenance.csv).
#include <filesystem>

#include "cli/commands.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "estimate/kontum_estimator.h"

namespace lotrinh::cli {

int cmd_estimate(Context& ctx) {
  const std::string& out = ctx.options().out;
  if (out.empty() || out == "-") {
    throw diag::InputError(diag::error_about("--out", diag::msg("estimate.needs_out"), diag::msg("estimate.needs_out.hint")));
  }
  std::error_code ec;
  std::filesystem::create_directories(out, ec);  // a failure shows as the write's own error
  std::string units = home() + "/scenarios/kontum";
  estimate::write_kontum_dataset(units, out);
  std::fputs((diag::msg("estimate.done", out, units) + "\n").c_str(), stderr);
  return 0;
}

}  // namespace lotrinh::cli
