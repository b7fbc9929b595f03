#include <catch2/catch.hpp>

#include "data/csv_table_reader.h"
#include "diag/diagnostic.h"

using namespace lotrinh::data;
using lotrinh::diag::InputError;

namespace {

std::string error_of(std::string_view text, CsvDialect dialect = CsvDialect::kRfc4180) {
  try {
    parse_csv("t.csv", text, dialect);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("quoted fields keep commas and doubled quotes and line breaks", "[data]") {
  auto recs = parse_csv("t.csv", "a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x,\n", CsvDialect::kRfc4180);
  REQUIRE(recs.size() == 2);
  CHECK(recs[0].cells == std::vector<std::string>{"a", "b, c", "say \"hi\""});
  CHECK(recs[1].cells == std::vector<std::string>{"two\nlines", "x", ""});
}

TEST_CASE("each cell records the line and character column where it starts", "[data]") {
  auto recs = parse_csv("t.csv", "Mường,\"x\ny\",z\nq,w\n", CsvDialect::kRfc4180);
  REQUIRE(recs.size() == 2);
  CHECK(recs[0].line == std::vector<int>{1, 1, 2});
  CHECK(recs[0].column == std::vector<int>{1, 7, 4});
  CHECK(recs[1].line == std::vector<int>{3, 3});
  CHECK(recs[1].column == std::vector<int>{1, 3});
}

TEST_CASE("CRLF and LF line ends read the same and the last line break is optional", "[data]") {
  auto crlf = parse_csv("t.csv", "a,\"b\"\r\n\"c\r\nd\",e", CsvDialect::kRfc4180);
  auto lf = parse_csv("t.csv", "a,\"b\"\n\"c\nd\",e\n", CsvDialect::kRfc4180);
  REQUIRE(crlf.size() == 2);
  REQUIRE(lf.size() == 2);
  for (size_t i = 0; i < 2; ++i) CHECK(crlf[i].cells == lf[i].cells);
  CHECK(lf[1].cells == std::vector<std::string>{"c\nd", "e"});
}

TEST_CASE("blank lines at the end are ignored", "[data]") {
  auto recs = parse_csv("t.csv", "a,b\n1,2\n\n\r\n  \n", CsvDialect::kRfc4180);
  CHECK(recs.size() == 2);
}

TEST_CASE("the excel-vi dialect splits on semicolons and keeps commas in cells", "[data]") {
  auto recs = parse_csv("t.csv", "a;b,c;\"d;e\"\n", CsvDialect::kExcelVi);
  REQUIRE(recs.size() == 1);
  CHECK(recs[0].cells == std::vector<std::string>{"a", "b,c", "d;e"});
}

TEST_CASE("an unterminated quote is an error at the opening quote", "[data]") {
  CHECK(error_of("a,b\n1,\"open\n2,3\n") ==
        "t.csv:2:3: error: this quoted field is never closed\n"
        "  1,\"open\n"
        "    ^\n"
        "  hint: add the closing '\"' (a '\"' inside a quoted field is written twice: \"\")\n");
}

TEST_CASE("text after a closing quote is an error at that text", "[data]") {
  CHECK(error_of("a,\"b\"c,d\n") ==
        "t.csv:1:6: error: unexpected text after the closing quote of a field\n"
        "  a,\"b\"c,d\n"
        "       ^\n"
        "  hint: quote the whole field and double every '\"' inside it, as in \"say \"\"hi\"\"\"\n");
}
