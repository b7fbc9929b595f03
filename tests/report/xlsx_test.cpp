#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "diag/diagnostic.h"
#include "report/render.h"

using namespace lotrinh::report;

namespace {

ResultTable rates() {
  ResultTable t;
  t.title = "Poverty: rates [2020]";
  t.columns = {{"commune", "Xã"}, {"rate", "Tỷ lệ nghèo"}};
  t.add_row({text("Mường Hoong"), percent(0.187, 2)});
  t.notes = {"a note"};
  return t;
}

// Restores TMPDIR when a test ends.
struct TmpDirGuard {
  std::string saved;
  bool had;
  TmpDirGuard() : had(std::getenv("TMPDIR") != nullptr) {
    if (had) saved = std::getenv("TMPDIR");
  }
  ~TmpDirGuard() {
    if (had) setenv("TMPDIR", saved.c_str(), 1);
    else unsetenv("TMPDIR");
  }
};

}  // namespace

TEST_CASE("an xlsx rendering is a zip file whose bytes depend only on the tables", "[report]") {
  std::string a = render(std::vector<ResultTable>{rates(), rates()}, Format::kXlsx);
  std::string b = render(std::vector<ResultTable>{rates(), rates()}, Format::kXlsx);
  REQUIRE(a.size() > 1000);
  CHECK(a.substr(0, 4) == std::string("PK\x03\x04", 4));
  CHECK(a == b);
  CHECK(a != render(rates(), Format::kXlsx));
}

TEST_CASE("xlsx is a format --format accepts", "[report]") {
  CHECK(parse_format("xlsx") == Format::kXlsx);
  CHECK(format_names().back() == "xlsx");
}

TEST_CASE("an xlsx workbook that cannot be written names the temporary folder and why", "[report]") {
  TmpDirGuard guard;
  setenv("TMPDIR", "/nonexistent-lotrinh-dir", 1);
  std::string what;
  try {
    render(rates(), Format::kXlsx);
  } catch (const lotrinh::diag::InputError& e) {
    what = e.what();
  }
  CHECK(what ==
        "lotrinh: error: cannot write the Excel workbook: /nonexistent-lotrinh-dir/lotrinh-xlsx-XXXXXX: No such file or "
        "directory\n"
        "  hint: check that the temporary folder (TMPDIR) has free space and can be written, then run again\n");
}
