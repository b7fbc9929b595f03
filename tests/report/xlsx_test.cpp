#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "diag/diagnostic.h"
#include "report/render.h"
#include "report/renderers.h"

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

TEST_CASE("a long title gives a sheet name cut at its first comma or colon, or at a whole word, and a taken name gets a number", "[report]") {
  auto named = [](std::string title) {
    ResultTable t;
    t.title = std::move(title);
    return t;
  };
  std::vector<ResultTable> tables = {
      named("Các đơn vị đổi nhóm, dữ liệu năm 2020"),
      named("Khoảng trống và chồng chéo: draft.qd-33-2020-poverty-15, phân loại 'region'"),
      named("Khoảng trống và chồng chéo: draft.qd-33-2020-poverty-15, phân loại 'village'"),
      named("Những thay đổi từ vn.qd-33-2020 sang draft.qd-33-2020-poverty-15"),
      named("Poverty [2020]"),
      named(""),
      named("Notes"),
      named("A title of many words that has no comma and goes on past the limit")};
  CHECK(xlsx_sheet_names(tables) == std::vector<std::string>{"Các đơn vị đổi nhóm", "Khoảng trống và chồng chéo",
                                                             "Khoảng trống và chồng chéo (2)", "Những thay đổi từ vn.qd-33-2020",
                                                             "Poverty 2020", "Table 6", "Notes (2)",
                                                             "A title of many words that has"});
}
