// libFuzzer target: a simulator scenario file (docs/simulator.md) is parsed.
#include "config/sim_file_reader.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lotrinh;
  fuzz::expect_input_errors([&] {
    std::string text = fuzz::checked("fuzz.toml", fuzz::as_text(data, size));
    (void)config::parse_scenario_file("fuzz.toml", text);
  });
  return 0;
}
