#include "report/render.h"

#include "diag/messages.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace lotrinh::report;

namespace {

// "Ngọc Linh" in NFD: o followed by U+0323 COMBINING DOT BELOW.
const std::string kNgocLinhNfd = "Ngo\xCC\xA3" "c Linh";

ResultTable poverty_table() {
  ResultTable t;
  t.title = "Tỷ lệ nghèo Kon Tum 2020";
  t.columns = {{"commune", "Xã"}, {"rate", "Tỷ lệ nghèo"}, {"households", "Hộ"}, {"remark", "Ghi chú"}};
  t.add_row({text("Mường Hoong"), percent(0.187, 2), number(1234, 0), text("a, b")});
  t.add_row({text(kNgocLinhNfd), missing(), number(56.5, 1), text("say \"hi\"")});
  t.add_row({text("Văn Lem"), percent(0.07, 2), number(3.0), text("")});
  t.notes = {"Nguồn: Báo cáo 141-BC/TU", "1 giá trị thiếu"};
  return t;
}

}  // namespace

TEST_CASE("a terminal table aligns Vietnamese names by display width, NFD included", "[report]") {
  CHECK(render(poverty_table(), Format::kTable) ==
        "Tỷ lệ nghèo Kon Tum 2020\n"
        "Xã           Tỷ lệ nghèo     Hộ  Ghi chú\n"
        "-----------  -----------  -----  --------\n"
        "Mường Hoong      18.70 %  1,234  a, b\n" +
            kNgocLinhNfd +
            "              -   56.5  say \"hi\"\n"
            "Văn Lem           7.00 %      3  -\n"
            "\n"
            "Nguồn: Báo cáo 141-BC/TU\n"
            "1 giá trị thiếu\n");
}

TEST_CASE("CSV has column ids, quoted fields, raw fractions and empty missing cells", "[report]") {
  CHECK(render(poverty_table(), Format::kCsv) ==
        "commune,rate,households,remark\n"
        "Mường Hoong,0.187,1234,\"a, b\"\n" +
            kNgocLinhNfd +
            ",,56.5,\"say \"\"hi\"\"\"\n"
            "Văn Lem,0.07,3,\n");
}

TEST_CASE("CSV quotes a field with a line break", "[report]") {
  ResultTable t;
  t.columns = {{"a", "A"}, {"b", "B"}};
  t.add_row({text("x\ny"), text("p\rq")});
  CHECK(render(t, Format::kCsv) == "a,b\n\"x\ny\",\"p\rq\"\n");
}

TEST_CASE("JSON keeps column order, numbers as numbers and missing as null", "[report]") {
  CHECK(render(poverty_table(), Format::kJson) ==
        "{\n"
        "  \"title\": \"Tỷ lệ nghèo Kon Tum 2020\",\n"
        "  \"columns\": [\n"
        "    \"commune\",\n"
        "    \"rate\",\n"
        "    \"households\",\n"
        "    \"remark\"\n"
        "  ],\n"
        "  \"rows\": [\n"
        "    {\n"
        "      \"commune\": \"Mường Hoong\",\n"
        "      \"rate\": 0.187,\n"
        "      \"households\": 1234,\n"
        "      \"remark\": \"a, b\"\n"
        "    },\n"
        "    {\n"
        "      \"commune\": \"" + kNgocLinhNfd + "\",\n"
        "      \"rate\": null,\n"
        "      \"households\": 56.5,\n"
        "      \"remark\": \"say \\\"hi\\\"\"\n"
        "    },\n"
        "    {\n"
        "      \"commune\": \"Văn Lem\",\n"
        "      \"rate\": 0.07,\n"
        "      \"households\": 3,\n"
        "      \"remark\": null\n"
        "    }\n"
        "  ],\n"
        "  \"notes\": [\n"
        "    \"Nguồn: Báo cáo 141-BC/TU\",\n"
        "    \"1 giá trị thiếu\"\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("JSON output is byte-identical for tables built separately", "[report]") {
  ResultTable a = poverty_table(), b = poverty_table();
  std::string first = render(a, Format::kJson);
  CHECK(render(b, Format::kJson) == first);
  CHECK(render(a, Format::kJson) == first);
  // Keys follow the columns, not the alphabet.
  ResultTable t;
  t.columns = {{"zeta", ""}, {"alpha", ""}};
  t.add_row({number(1), number(2)});
  CHECK(render(t, Format::kJson).find("\"zeta\": 1,\n      \"alpha\": 2") != std::string::npos);
}

TEST_CASE("several tables are joined by a blank line or put in a JSON array", "[report]") {
  ResultTable a, b;
  a.title = "A";
  a.columns = {{"x", "X"}};
  a.add_row({number(1)});
  b.columns = {{"y", "Y"}};
  std::vector<ResultTable> both{a, b};
  CHECK(render(both, Format::kTable) == "A\nX\n-\n1\n\nY\n-\n");
  CHECK(render(both, Format::kCsv) == "x\n1\n\ny\n");
  CHECK(render(both, Format::kJson) ==
        "[\n"
        "  {\n    \"title\": \"A\",\n    \"columns\": [\n      \"x\"\n    ],\n"
        "    \"rows\": [\n      {\n        \"x\": 1\n      }\n    ],\n    \"notes\": []\n  },\n"
        "  {\n    \"title\": \"\",\n    \"columns\": [\n      \"y\"\n    ],\n"
        "    \"rows\": [],\n    \"notes\": []\n  }\n"
        "]\n");
  CHECK(render(std::vector<ResultTable>{}, Format::kJson) == "[]\n");
}

TEST_CASE("a number cell shows exactly its decimals in a table and its full value elsewhere", "[report]") {
  ResultTable t;
  t.columns = {{"v", "v"}, {"p", "p"}};
  t.add_row({number(2.0 / 3, 2), percent(0.07)});
  t.add_row({number(-0.001, 2), percent(-0.00001, 1)});
  t.add_row({number(1e20), percent(std::nan(""), 2)});
  t.add_row({number(std::optional<double>{}), percent(std::optional<double>{0.5}, 0)});
  CHECK(render(t, Format::kTable) ==
        "    v      p\n"
        "-----  -----\n"
        " 0.67    7 %\n"
        " 0.00  0.0 %\n"
        "1e+20      -\n"
        "    -   50 %\n");
  CHECK(render(t, Format::kCsv) ==
        "v,p\n"
        "0.6666666666666666,0.07\n"
        "-0.001,-1e-05\n"
        "1e+20,\n"
        ",0.5\n");
}

TEST_CASE("a column of text keeps its declared alignment and numbers still go right", "[report]") {
  ResultTable t;
  t.columns = {{"name", "Name"}, {"mixed", "Mixed", Align::kLeft}, {"code", "C", Align::kRight}};
  t.add_row({text("ab"), text("n/a"), text("x")});
  t.add_row({text("abcdef"), number(7), text("yz")});
  CHECK(render(t, Format::kTable) ==
        "Name    Mixed   C\n"
        "------  -----  --\n"
        "ab      n/a     x\n"
        "abcdef      7  yz\n");
}

TEST_CASE("a line break inside a text cell does not break the table grid", "[report]") {
  ResultTable t;
  t.columns = {{"a", "A"}, {"b", "B"}};
  t.add_row({text("x\ny"), text("z")});
  CHECK(render(t, Format::kTable) == "A    B\n---  -\nx y  z\n");
}

TEST_CASE("notes are rendered for stderr with a label", "[report]") {
  CHECK(render_notes(poverty_table()) == "note: Nguồn: Báo cáo 141-BC/TU\nnote: 1 giá trị thiếu\n");
  CHECK(render_notes(ResultTable{}).empty());
}

TEST_CASE("format names parse and anything else is refused", "[report]") {
  CHECK(parse_format("table") == Format::kTable);
  CHECK(parse_format("csv") == Format::kCsv);
  CHECK(parse_format("json") == Format::kJson);
  CHECK_FALSE(parse_format("JSON").has_value());
  CHECK_FALSE(parse_format("").has_value());
  CHECK(format_names() == std::vector<std::string>{"table", "csv", "json", "xlsx"});
}

TEST_CASE("a terminal table writes decimal commas and dot-grouped counts in Vietnamese, decimal points and comma-grouped counts in English", "[report]") {
  ResultTable t;
  t.columns = {{"rate", "Tỷ lệ"}, {"households", "Hộ"}};
  t.add_row({percent(0.2536, 2), number(14601, 0)});
  lotrinh::diag::set_lang(lotrinh::diag::Lang::kVi);
  std::string vi = render(t, Format::kTable);
  lotrinh::diag::set_lang(lotrinh::diag::Lang::kEn);
  CHECK(vi == "  Tỷ lệ      Hộ\n-------  ------\n25,36 %  14.601\n");
  CHECK(render(t, Format::kTable) == "  Tỷ lệ      Hộ\n-------  ------\n25.36 %  14,601\n");
  CHECK(render(t, Format::kCsv) == "rate,households\n0.2536,14601\n");
}

TEST_CASE("CSV for Vietnamese Excel starts with a byte-order mark and uses semicolons and decimal commas", "[report]") {
  ResultTable t;
  t.columns = {{"name", "Tên"}, {"rate", "Tỷ lệ"}};
  t.add_row({text("Đắk Long; Đăk Glei"), percent(0.187, 2)});
  t.add_row({text("Mường Hoong"), missing()});
  CHECK(render(t, Format::kCsvExcel) == "\xEF\xBB\xBFname;rate\n\"Đắk Long; Đăk Glei\";0,187\nMường Hoong;\n");
  CHECK(render(std::vector<ResultTable>{t, t}, Format::kCsvExcel).rfind("\xEF\xBB\xBF", 3) == 0);
}

TEST_CASE("rows made as they are written render as the same rows stored, in every format", "[report]") {
  const ResultTable stored = poverty_table();
  ResultTable made = stored;
  made.rows.clear();
  made.made_rows = stored.rows.size();
  made.make_row = [&](size_t i, std::vector<Cell>& row) { row = stored.rows[i]; };
  CHECK(made.row_count() == 3);
  for (Format f : {Format::kTable, Format::kCsv, Format::kJson, Format::kCsvExcel})
    CHECK(render(made, f) == render(stored, f));
  // A stored row first, then the made ones, in that order.
  ResultTable mixed = stored;
  mixed.rows.resize(1);
  mixed.made_rows = 2;
  mixed.make_row = [&](size_t i, std::vector<Cell>& row) { row = stored.rows[i + 1]; };
  CHECK(render(mixed, Format::kCsv) == render(stored, Format::kCsv));
  made.materialize();
  CHECK(made.made_rows == 0);
  REQUIRE(made.rows.size() == 3);
  CHECK(made.rows[1][0].text == kNgocLinhNfd);
  CHECK(render(made, Format::kTable) == render(stored, Format::kTable));
}

TEST_CASE("a number cell with a unit shows it after the number in a table, in place of '%' for a percent, and the number alone in CSV and JSON", "[report]") {
  ResultTable t;
  t.columns = {{"change", "change"}, {"households", "households"}};
  Cell points = percent(-0.03);
  points.unit = "pp/year";
  Cell households = number(150);
  households.unit = "households";
  t.add_row({points, households});
  CHECK(render(t, Format::kTable) ==
        "    change      households\n"
        "----------  --------------\n"
        "-3 pp/year  150 households\n");
  CHECK(render(t, Format::kCsv) == "change,households\n-0.03,150\n");
  CHECK(render(t, Format::kJson).find("\"change\": -0.03") != std::string::npos);
}
