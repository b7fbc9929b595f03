// libFuzzer target: a commune table (CSV) read against the bundled catalogue in both dialects,
// RFC 4180 (',' and a decimal point) and the Vietnamese Excel export (';' and a decimal comma).
#include "data/csv_table_reader.h"
#include "fuzz_common.h"

// The bundled catalogue is read before fuzzing starts (not within the first input's time limit).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)lotrinh::fuzz::bundled_catalogue();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lotrinh;
  const auto& catalogue = fuzz::bundled_catalogue();
  for (auto dialect : {data::CsvDialect::kRfc4180, data::CsvDialect::kExcelVi}) {
    fuzz::expect_input_errors([&] {
      std::string text = fuzz::checked("fuzz.csv", fuzz::as_text(data, size));
      (void)data::parse_csv("fuzz.csv", text, dialect);
      (void)data::parse_commune_table("fuzz.csv", text, catalogue, dialect);
    });
  }
  return 0;
}
