// libFuzzer target: a province manifest (province.toml) is parsed as if it were in
// tests/data/province-mini, so that table paths naming that folder's files resolve.
#include "config/province_reader.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lotrinh;
  static const std::string dir = fuzz::source_home() + "/tests/data/province-mini";
  fuzz::expect_input_errors([&] {
    std::string text = fuzz::checked(dir + "/province.toml", fuzz::as_text(data, size));
    config::ProvinceFile province = config::parse_province_file(dir + "/province.toml", dir, text);
    for (const auto& table : province.units) (void)province.path_of(table);
  });
  return 0;
}
