// libFuzzer target: a simulator model file (docs/simulator.md) is parsed, then checked against
// the bundled catalogue and compiled (sim::ModelProgram), and each term and update is
// evaluated once on zeros.
#include <vector>

#include "config/sim_file_reader.h"
#include "fuzz_common.h"
#include "sim/model_program.h"

// The bundled catalogue is read before fuzzing starts (not within the first input's time limit).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)lotrinh::fuzz::bundled_catalogue();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lotrinh;
  const auto& catalogue = fuzz::bundled_catalogue();
  fuzz::expect_input_errors([&] {
    std::string text = fuzz::checked("fuzz.toml", fuzz::as_text(data, size));
    config::ModelFile model = config::parse_model_file("fuzz.toml", text);
    sim::ModelProgram program(model, catalogue);
    std::vector<double> values(static_cast<size_t>(program.layout().slots), 0.0);
    for (size_t t = 0; t < program.terms().size(); ++t) (void)program.eval_term(t, values.data());
    for (size_t u = 0; u < program.updates().size(); ++u) (void)program.eval_update(u, values.data());
  });
  return 0;
}
