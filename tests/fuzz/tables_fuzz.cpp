// libFuzzer target: the province's other CSV tables, each input read by every one of their
// readers (a reader refuses a table of another kind at its header, so one corpus serves them
// all): the funding ledger, the official lists, the provenance table, a units table, a lineage
// table (against the bundled province's units), an agencies and a twinning table (against the
// bundled province's units, lineage and other table), and the roads table.
#include "data/funding_ledger.h"
#include "data/official_lists.h"
#include "data/provenance.h"
#include "data/twinning.h"
#include "data/unit_registry.h"
#include "diag/text_file.h"
#include "fuzz_common.h"
#include "graph/roads_csv.h"

namespace {

using namespace lotrinh;

// The bundled province's tables the lineage and twinning readers check an input against.
struct Bundled {
  std::string dir = fuzz::source_home() + "/scenarios/kontum";
  data::UnitRegistry units = data::UnitRegistry::load({dir + "/units.csv", dir + "/units_2025.csv"}, "");
  data::UnitRegistry with_lineage = data::UnitRegistry::load_dir(dir);
  std::string agencies = diag::read_file(dir + "/agencies.csv");
  std::string twinning = diag::read_file(dir + "/twinning.csv");
  // The province's twinning history: from its first data year to the date of its report.
  data::TwinningSpan span{{2016, 1, 1}, {2021, 11, 8}};
};

const Bundled& bundled() {
  static const Bundled b;
  return b;
}

}  // namespace

// The bundled tables are read before fuzzing starts (not within the first input's time limit).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)bundled();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Bundled& b = bundled();
  const std::string_view bytes = fuzz::as_text(data, size);
  auto each = [&](const char* path, auto&& read) {
    fuzz::expect_input_errors([&] { read(path, fuzz::checked(path, bytes)); });
  };
  each("funding.csv", [](const std::string& p, const std::string& t) { (void)data::FundingLedger::parse(p, t); });
  each("official_lists.csv", [](const std::string& p, const std::string& t) { (void)data::OfficialLists::parse(p, t); });
  each("provenance.csv", [](const std::string& p, const std::string& t) { (void)data::ProvenanceTable::parse(p, t); });
  each("units.csv", [](const std::string& p, const std::string& t) { (void)data::UnitRegistry::parse(p, t); });
  each("lineage.csv", [&](const std::string& p, const std::string& t) {
    data::UnitRegistry units = b.units;
    units.set_lineage(p, t);
  });
  each("twinning.csv", [&](const std::string& p, const std::string& t) {
    (void)data::TwinningHistory::parse(b.dir + "/agencies.csv", b.agencies, p, t, b.with_lineage, b.span);
  });
  each("agencies.csv", [&](const std::string& p, const std::string& t) {
    (void)data::TwinningHistory::parse(p, t, b.dir + "/twinning.csv", b.twinning, b.with_lineage, b.span);
  });
  each("roads.csv", [](const std::string& p, const std::string& t) { (void)graph::parse_roads_csv(p, t); });
  return 0;
}
