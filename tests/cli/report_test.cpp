// lotrinh report with several scenarios: compare's figures side by side in the page.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../common/cli_runs.h"
#include "../common/test_files.h"
#include "cli/options.h"

using lotrinh::cli::Options;

namespace {

const std::string kDir = std::string(LOTRINH_SOURCE_HOME) + "/scenarios/kontum";

std::string report(const std::vector<std::string>& scenarios) {
  Options o;
  o.command = "report";
  o.paths = scenarios;
  o.runs = 12;
  o.threads = 2;
  o.out = lotrinh::testing::temp_path("report-test", ".html");
  return lotrinh::testing::output_of(o);
}

}  // namespace

TEST_CASE("a report of two scenarios shows compare's figures side by side, a column per scenario", "[cli]") {
  const std::string page = report({kDir + "/baseline.toml", kDir + "/cut-30.toml"});
  const auto at = page.find("<h2>Scenarios side by side</h2>");
  REQUIRE(at != std::string::npos);
  const std::string part = page.substr(at, page.find("</section>", at) - at);
  CHECK(part.find("<th>Figure</th><th>baseline</th><th>cut-30</th>") != std::string::npos);
  // The first scenario's money spent, and the second's with its difference (compare gives no interval for money).
  CHECK(part.find("<tr><td>money spent 2022-2030</td><td>3,145.88 billion VND</td>") != std::string::npos);
  // cut-30 runs on the baseline's draws: before its cut starts the difference is exactly zero.
  CHECK(part.find("<tr><td>region III communes in 2022</td>") != std::string::npos);
  CHECK(part.find(" (0.00 [0.00, 0.00])</td></tr>") != std::string::npos);
}

TEST_CASE("a report of one scenario has no comparison", "[cli]") {
  const std::string page = report({kDir + "/baseline.toml"});
  CHECK(page.find("Scenarios side by side") == std::string::npos);
  CHECK(page.find("<h2>The commune graph</h2>") != std::string::npos);
}
