#include <catch2/catch.hpp>

#include <filesystem>

#include "config/catalogue_reader.h"
#include "config/rule_file_reader.h"
#include "diag/diagnostic.h"

using namespace lotrinh;

TEST_CASE("every bundled rule file and the indicator catalogue read without problems", "[config]") {
  namespace fs = std::filesystem;
  std::string rules = std::string(LOTRINH_SOURCE_HOME) + "/rules";
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(rules)) {
    if (e.path().extension() != ".toml") continue;
    std::string path = e.path().string();
    INFO(path);
    try {
      if (e.path().filename() == "indicators.toml") {
        CHECK(config::read_catalogue(path).indicators().size() > 10);
      } else {
        CHECK_FALSE(config::read_rule_file(path).id.empty());
      }
    } catch (const diag::InputError& err) {
      FAIL(err.what());
    }
    ++files;
  }
  CHECK(files >= 5);
}
