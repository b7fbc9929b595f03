// libFuzzer target: a rule file (TOML) is parsed, compiled against the bundled catalogue (an
// `extends` resolves to the bundled rule files, as `lotrinh check` does) and its embedded tests
// are run.
#include <map>

#include "config/rule_file_reader.h"
#include "fuzz_common.h"
#include "rules/rule_library.h"
#include "rules/rule_tests.h"

namespace {

using namespace lotrinh;

/// The bundled rule files, parsed once.
const std::map<std::string, config::RuleFile>& bundled_rule_files() {
  static const std::map<std::string, config::RuleFile> files = [] {
    std::map<std::string, config::RuleFile> out;
    for (const auto& path : rules::rule_file_paths(fuzz::source_home() + "/rules")) {
      config::RuleFile f = config::read_rule_file(path);
      out.emplace(f.id, std::move(f));
    }
    return out;
  }();
  return files;
}

}  // namespace

// The bundled files are read before fuzzing starts (not within the first input's time limit).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)lotrinh::fuzz::bundled_catalogue();
  (void)bundled_rule_files();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& catalogue = fuzz::bundled_catalogue();
  const auto& bundled = bundled_rule_files();
  fuzz::expect_input_errors([&] {
    std::string text = fuzz::checked("fuzz.toml", fuzz::as_text(data, size));
    config::RuleFile file = config::parse_rule_file("fuzz.toml", text);
    rules::RuleLibrary library(catalogue);
    // Only the chain the file extends is added (each bundled file is parsed once, above).
    std::optional<std::string> base = file.extends;
    for (int depth = 0; base && depth < 8; ++depth) {
      auto it = bundled.find(*base);
      if (it == bundled.end() || it->first == file.id) break;
      library.add(it->second, false);
      base = it->second.extends;
    }
    std::string id = file.id;
    library.add(std::move(file));
    auto rule_set = library.get(id);
    rules::run_tests(rule_set);
  });
  return 0;
}
