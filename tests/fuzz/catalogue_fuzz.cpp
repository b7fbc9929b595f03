// libFuzzer target: an indicator catalogue (rules/indicators.toml's format) is parsed and every
// id is resolved for a few years.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lotrinh;
  fuzz::expect_input_errors([&] {
    std::string text = fuzz::checked("fuzz.toml", fuzz::as_text(data, size));
    data::Catalogue catalogue = config::parse_catalogue("fuzz.toml", text);
    for (const auto& id : catalogue.ids())
      for (int year : {0, 2016, 2020, 2021, 2030, 2100}) (void)catalogue.resolve(id, year);
  });
  return 0;
}
