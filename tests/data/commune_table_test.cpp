#include "data/commune_table.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>

#include "data/csv_table_reader.h"
#include "diag/diagnostic.h"
#include "test_catalogue.h"

using namespace lotrinh::data;
using lotrinh::diag::InputError;

namespace {

CommuneTable parse(std::string_view text, CsvDialect dialect = CsvDialect::kRfc4180) {
  return parse_commune_table("t.csv", text, testing::test_catalogue(), dialect);
}

std::string error_of(std::string_view text, CsvDialect dialect = CsvDialect::kRfc4180) {
  try {
    parse(text, dialect);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a commune table reads units and years and text columns and values", "[data]") {
  auto t = parse(
      "commune,year,name,population,district,road_km\n"
      "ngoc-linh,2020,\"Ngọc Linh, xã\",5120,Đăk Glei,12.5\n"
      "mang-canh,2020,Măng Cành,,Kon Plông,1e-05\n"
      "ngoc-linh,2021,Ngọc Linh,5200,Đăk Glei,13\n");
  REQUIRE(t.rows() == 3);
  CHECK(t.path == "t.csv");
  CHECK(t.unit == std::vector<std::string>{"ngoc-linh", "mang-canh", "ngoc-linh"});
  CHECK(t.year == std::vector<int>{2020, 2020, 2021});
  CHECK(t.name[0] == "Ngọc Linh, xã");
  CHECK(t.district[1] == "Kon Plông");
  CHECK(t.columns == std::vector<std::string>{"population", "road_km"});
  const auto* pop = t.column("population");
  REQUIRE(pop != nullptr);
  CHECK((*pop)[0] == 5120);
  CHECK(std::isnan((*pop)[1]));
  CHECK((*t.column("road_km"))[1] == 1e-05);
  CHECK(t.column("share") == nullptr);
}

TEST_CASE("a table may name its key column unit", "[data]") {
  auto t = parse("unit,year,share\nlang-a,2020,0.5\n");
  REQUIRE(t.rows() == 1);
  CHECK(t.unit[0] == "lang-a");
  CHECK(t.name[0].empty());
}

TEST_CASE("the key column gives the table's level: commune, village, or any for unit", "[data]") {
  CHECK(parse("commune,year,share\nxa-a,2020,0.5\n").level == "commune");
  CHECK(parse("village,year,share\nlang-a,2020,0.5\n").level == "village");
  CHECK(parse("unit,year,share\nlang-a,2020,0.5\n").level.empty());
}

TEST_CASE("rows_in_year years and find_row look rows up", "[data]") {
  auto t = parse("commune,year,share\nb,2021,0.1\na,2020,0.2\na,2021,0.3\n");
  CHECK(t.years() == std::vector<int>{2020, 2021});
  CHECK(t.rows_in_year(2021) == std::vector<size_t>{0, 2});
  CHECK(t.rows_in_year(2019).empty());
  CHECK(t.find_row("a", 2021) == 2);
  CHECK(t.find_row("a", 2019) == -1);
  CHECK(t.find_row("c", 2020) == -1);
}

TEST_CASE("a percent column is divided by 100", "[data]") {
  auto t = parse("commune,year,poverty_rate_2015\na,2020,25.36\nb,2020,100\n");
  CHECK((*t.column("poverty_rate_2015"))[0] == 25.36 / 100);
  CHECK((*t.column("poverty_rate_2015"))[1] == 1.0);
}

TEST_CASE("an alias column is converted and checked by the indicator of the row's year", "[data]") {
  auto t = parse("commune,year,poverty_rate\na,2020,40\na,2022,12.5\n");
  CHECK(t.columns == std::vector<std::string>{"poverty_rate"});
  CHECK((*t.column("poverty_rate"))[0] == 0.4);
  CHECK((*t.column("poverty_rate"))[1] == 0.125);
}

TEST_CASE("a Vietnamese Excel table reads decimal commas and thousands dots", "[data]") {
  auto t = parse(
      "commune;year;name;poverty_rate_2015;population;road_km\r\n"
      "ngoc-linh;2020;Ngọc Linh, xã;25,36;1.234;12,5\r\n"
      "mang-canh;2020;\"A;B\";0,5;1.234.567;3\r\n",
      CsvDialect::kExcelVi);
  REQUIRE(t.rows() == 2);
  CHECK(t.name[0] == "Ngọc Linh, xã");
  CHECK(t.name[1] == "A;B");
  CHECK((*t.column("poverty_rate_2015"))[0] == 25.36 / 100);
  CHECK((*t.column("poverty_rate_2015"))[1] == 0.005);
  CHECK((*t.column("population"))[0] == 1234);
  CHECK((*t.column("population"))[1] == 1234567);
  CHECK((*t.column("road_km"))[0] == 12.5);
}

TEST_CASE("rows whose cells are all empty are skipped", "[data]") {
  auto t = parse("commune;year;share\na;2020;0,5\n;;\nb;2020;\n", CsvDialect::kExcelVi);
  CHECK(t.unit == std::vector<std::string>{"a", "b"});
}

TEST_CASE("read_commune_table reads a file and refuses an empty one", "[data]") {
  std::string path = "lotrinh_data_test_table.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "commune,year,share\na,2020,0.25\n";
  }
  auto t = read_commune_table(path, testing::test_catalogue(), CsvDialect::kRfc4180);
  CHECK((*t.column("share"))[0] == 0.25);
  { std::ofstream out(path, std::ios::binary | std::ios::trunc); }
  CHECK_THROWS_AS(read_commune_table(path, testing::test_catalogue(), CsvDialect::kRfc4180), InputError);
  std::remove(path.c_str());
}

TEST_CASE("a table of tens of megabytes reads every row and locates errors far into the file", "[data]") {
  // Big enough that the reader gives back the text it has passed (in steps of 8 MB): values and
  // error texts near the end must not depend on that text.
  std::string path = "lotrinh_data_test_big_table.csv";
  const int rows = 400000;
  {
    std::ofstream out(path, std::ios::binary);
    out << "commune,year,name,share,road_km\n";
    for (int i = 0; i < rows; ++i)
      out << "xa-" << i << ",2020,X\u00e3 " << i << "," << (i % 100) / 100.0 << "," << i % 37 << ".5\n";
  }
  auto t = read_commune_table(path, testing::test_catalogue(), CsvDialect::kRfc4180);
  REQUIRE(t.rows() == static_cast<size_t>(rows));
  CHECK(t.unit[rows - 1] == "xa-399999");
  CHECK(t.name[rows - 1] == "X\u00e3 399999");
  CHECK((*t.column("share"))[rows - 1] == 0.99);
  CHECK((*t.column("road_km"))[rows - 2] == 28.5);  // 399998 % 37 == 28
  {
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << "xa-5,2020,X\u00e3 5,0.5,1\n"
        << "xa-last,2020,X\u00e3 last,1.5,1\n";
  }
  std::string error;
  try {
    read_commune_table(path, testing::test_catalogue(), CsvDialect::kRfc4180);
  } catch (const InputError& e) {
    error = e.what();
  }
  CHECK(error ==
        "lotrinh_data_test_big_table.csv:400002:1: error: 'xa-5' has a second row for year 2020 (the first is on line 7)\n"
        "  xa-5,2020,X\u00e3 5,0.5,1\n"
        "  ^\n"
        "  hint: keep one row per commune and year: delete or merge the other\n"
        "lotrinh_data_test_big_table.csv:400003:22: error: value 1.5 in column 'share' is above the maximum 1 (unit: fraction)\n"
        "  xa-last,2020,X\u00e3 last,1.5,1\n"
        "  " + std::string(21, ' ') + "^\n"
        "  hint: correct the value, or the range of 'share' in the indicator catalogue if that is wrong\n");
  std::remove(path.c_str());
}

// --- Errors, each with its full text ---

TEST_CASE("a non-numeric cell names the column and the text", "[data]") {
  CHECK(error_of("commune,year,poverty_rate\nngoc-linh,2020,abc\n") ==
        "t.csv:2:16: error: 'abc' in column 'poverty_rate' is not a number\n"
        "  ngoc-linh,2020,abc\n"
        "                 ^\n"
        "  hint: write a number with '.' as the decimal point (such as 0.25 or 1200), or leave the cell "
        "empty when the value is missing\n");
}

TEST_CASE("a non-numeric cell in an excel-vi table gets the excel-vi hint", "[data]") {
  CHECK(error_of("commune;year;share\na;2020;n/a\n", CsvDialect::kExcelVi) ==
        "t.csv:2:8: error: 'n/a' in column 'share' is not a number\n"
        "  a;2020;n/a\n"
        "         ^\n"
        "  hint: write a number with ',' as the decimal point (such as 0,25 or 1.200), or leave the cell "
        "empty when the value is missing\n");
}

TEST_CASE("a decimal comma in an RFC 4180 table points to the excel-vi dialect", "[data]") {
  CHECK(error_of("commune,year,poverty_rate\nngoc-linh,2020,\"25,36\"\n") ==
        "t.csv:2:16: error: '25,36' in column 'poverty_rate' has a decimal comma, but the table is read "
        "with '.' as the decimal point\n"
        "  ngoc-linh,2020,\"25,36\"\n"
        "                 ^\n"
        "  hint: the table looks like a Vietnamese Excel export: read it with --csv-dialect excel-vi, or "
        "write the number as 25.36\n");
}

TEST_CASE("a semicolon header in an RFC 4180 table points to the excel-vi dialect", "[data]") {
  CHECK(error_of("commune;year;share\na;2020;0,5\n") ==
        "t.csv:1:1: error: the header has ';' between its names, but the table is read with ',' between "
        "fields\n"
        "  commune;year;share\n"
        "  ^\n"
        "  hint: the table looks like a Vietnamese Excel export: read it with --csv-dialect excel-vi\n");
}

TEST_CASE("a comma header in an excel-vi table says to read it as RFC 4180", "[data]") {
  CHECK(error_of("commune,year,share\na,2020,0.5\n", CsvDialect::kExcelVi) ==
        "t.csv:1:1: error: the header has ',' between its names, but the table is read as excel-vi, with "
        "';' between fields\n"
        "  commune,year,share\n"
        "  ^\n"
        "  hint: read it without --csv-dialect excel-vi (the default is RFC 4180: ',' between fields, '.' "
        "as the decimal point)\n");
}

TEST_CASE("a dot that does not group thousands is refused in an excel-vi table", "[data]") {
  const std::string hint =
      "  hint: in an excel-vi table ',' is the decimal point and '.' only groups thousands (1.234.567,5): "
      "write 0,25 rather than 0.25\n";
  CHECK(error_of("commune;year;share\na;2020;0.25\n", CsvDialect::kExcelVi) ==
        "t.csv:2:8: error: '0.25' in column 'share' is not a number in the excel-vi dialect\n"
        "  a;2020;0.25\n"
        "         ^\n" + hint);
  for (const char* bad : {"1.23", "1234.567", "1.2345", "1.234.56", "1..234", "0.250", "1,234.5", ".5"}) {
    INFO(bad);
    CHECK(error_of(std::string("commune;year;road_km\na;2020;") + bad + "\n", CsvDialect::kExcelVi)
              .find("is not a number in the excel-vi dialect") != std::string::npos);
  }
}

TEST_CASE("numbers accept signs and exponents and refuse words like inf", "[data]") {
  auto t = parse("commune,year,road_km\na,2020,+1.5e2\nb,2020,.5\nc,2020,7.\n");
  CHECK(*t.column("road_km") == std::vector<double>{150, 0.5, 7});
  for (const char* bad : {"inf", "nan", "1e", "1.2.3", "0x10", "1 000", "-", "e5"}) {
    INFO(bad);
    CHECK(error_of(std::string("commune,year,road_km\na,2020,") + bad + "\n").find("is not a number") !=
          std::string::npos);
  }
}

TEST_CASE("a year must be a whole number from 1900 to 2100", "[data]") {
  CHECK(error_of("commune,year,share\na,20x0,0.5\n") ==
        "t.csv:2:3: error: '20x0' in column 'year' is not a year between 1900 and 2100\n"
        "  a,20x0,0.5\n"
        "    ^\n"
        "  hint: write the year the row's values describe as a whole number, such as 2020\n");
  for (const char* bad : {"1899", "2101", "2020.0", "-2020", "20200"}) {
    INFO(bad);
    CHECK(error_of(std::string("commune,year,share\na,") + bad + ",0.5\n").find("is not a year") !=
          std::string::npos);
  }
  CHECK(parse("commune,year,share\na,1900,0.5\nb,2100,0.5\n").rows() == 2);
}

TEST_CASE("an empty key or year cell is an error", "[data]") {
  CHECK(error_of("commune,year,share\n,2020,0.5\na,,0.5\n") ==
        "t.csv:2:1: error: the 'commune' cell is empty\n"
        "  ,2020,0.5\n"
        "  ^\n"
        "  hint: every row needs a unit key (a slug such as xa-a); delete the row if it describes no "
        "unit\n"
        "t.csv:3:3: error: the 'year' cell is empty\n"
        "  a,,0.5\n"
        "    ^\n"
        "  hint: write the year the row's values describe, such as 2020\n");
}

TEST_CASE("a percent value outside the range states the value and the range and the unit", "[data]") {
  CHECK(error_of("commune,year,poverty_rate_2021\na,2022,125\n") ==
        "t.csv:2:8: error: value 1.25 (125 percent in the file) in column 'poverty_rate_2021' is above "
        "the maximum 1 (unit: fraction)\n"
        "  a,2022,125\n"
        "         ^\n"
        "  hint: correct the value, or the range of 'poverty_rate_2021' in the indicator catalogue if that "
        "is wrong\n");
}

TEST_CASE("a value below the minimum states the value and the minimum and the unit", "[data]") {
  CHECK(error_of("commune,year,population\na,2022,-3\n") ==
        "t.csv:2:8: error: value -3 in column 'population' is below the minimum 0 (unit: people)\n"
        "  a,2022,-3\n"
        "         ^\n"
        "  hint: correct the value, or the range of 'population' in the indicator catalogue if that is "
        "wrong\n");
}

TEST_CASE("an alias value is range-checked against the indicator of its year", "[data]") {
  CHECK(error_of("commune,year,poverty_rate\na,2019,101\n") ==
        "t.csv:2:8: error: value 1.01 (101 percent in the file) in column 'poverty_rate' is above the "
        "maximum 1 (unit: fraction)\n"
        "  a,2019,101\n"
        "         ^\n"
        "  hint: correct the value, or the range of 'poverty_rate_2015' in the indicator catalogue if that "
        "is wrong\n");
}

TEST_CASE("an alias value in a year no period covers is an error", "[data]") {
  CHECK(error_of("commune,year,poverty_rate\na,2015,40\nb,2015,30\n") ==
        "t.csv:2:8: error: column 'poverty_rate' has no indicator in force in 2015\n"
        "  a,2015,40\n"
        "         ^\n"
        "  hint: the catalogue maps 'poverty_rate' to poverty_rate_2015 for 2016-2020, poverty_rate_2021 "
        "from 2021: correct the year, or add a period to the alias\n");
}

TEST_CASE("a ragged row says how many fields it has and the header has", "[data]") {
  CHECK(error_of("commune,year,share\na,2020\nb,2020,0.5,1\nc\n") ==
        "t.csv:2:1: error: this row has 2 fields but the header has 3\n"
        "  a,2020\n"
        "  ^\n"
        "  hint: look for a missing or extra ',' in this row; a value that contains ',' must be in double "
        "quotes\n"
        "t.csv:3:1: error: this row has 4 fields but the header has 3\n"
        "  b,2020,0.5,1\n"
        "  ^\n"
        "  hint: look for a missing or extra ',' in this row; a value that contains ',' must be in double "
        "quotes\n"
        "t.csv:4:1: error: this row has 1 field but the header has 3\n"
        "  c\n"
        "  ^\n"
        "  hint: look for a missing or extra ',' in this row; a value that contains ',' must be in double "
        "quotes\n");
}

TEST_CASE("a duplicated commune and year is an error at the second row naming the first", "[data]") {
  CHECK(error_of("commune,year,share\na,2020,0.1\na,2021,0.2\n\"two\nlines\",2020,0.3\na,2020,0.4\n") ==
        "t.csv:6:1: error: 'a' has a second row for year 2020 (the first is on line 2)\n"
        "  a,2020,0.4\n"
        "  ^\n"
        "  hint: keep one row per commune and year: delete or merge the other\n");
}

TEST_CASE("an unknown header gets a did-you-mean hint", "[data]") {
  CHECK(error_of("commune,year,povety_rate,xyz\na,2020,1,2\n") ==
        "t.csv:1:14: error: unknown indicator 'povety_rate' in the header\n"
        "  commune,year,povety_rate,xyz\n"
        "               ^\n"
        "  hint: did you mean 'poverty_rate'?\n"
        "t.csv:1:26: error: unknown indicator 'xyz' in the header\n"
        "  commune,year,povety_rate,xyz\n"
        "                           ^\n"
        "  hint: use an indicator id of the catalogue, or 'name' or 'district' for text\n");
}

TEST_CASE("a duplicated or empty header is an error", "[data]") {
  CHECK(error_of("commune,year,share,,share\na,2020,0.1,,0.2\n") ==
        "t.csv:1:20: error: column 4 of the header has no name\n"
        "  commune,year,share,,share\n"
        "                     ^\n"
        "  hint: name the column with an indicator id of the catalogue, or delete it\n"
        "t.csv:1:21: error: column 'share' appears twice in the header (first as column 3)\n"
        "  commune,year,share,,share\n"
        "                      ^\n"
        "  hint: delete or rename one of the two columns\n");
}

TEST_CASE("the header must start with commune and year", "[data]") {
  CHECK(error_of("xa,nam,share\na,2020,0.1\n") ==
        "t.csv:1:1: error: the first column must be 'commune' or 'village' (or 'unit'), not 'xa'\n"
        "  xa,nam,share\n"
        "  ^\n"
        "  hint: start the header with commune,year, then the indicator ids\n"
        "t.csv:1:4: error: the second column must be 'year', not 'nam'\n"
        "  xa,nam,share\n"
        "     ^\n"
        "  hint: start the header with commune,year, then the indicator ids\n");
  CHECK(error_of("commune\na\n") ==
        "t.csv:1:1: error: the header has no 'year' column\n"
        "  commune\n"
        "  ^\n"
        "  hint: start the header with commune,year, then the indicator ids\n");
}

TEST_CASE("a table with no header row is an error", "[data]") {
  CHECK(error_of("\n\n") ==
        "t.csv: error: the table is empty: it has no header row\n"
        "  hint: start the header with commune,year, then the indicator ids\n");
}

TEST_CASE("every problem in the table is reported together", "[data]") {
  std::string e = error_of(
      "commune,year,share,population,bogus_column\n"
      "a,2020,abc,5,1\n"
      "a,2020,0.5,-1,1\n"
      "b,2020\n"
      "c,3000,2,1,1\n");
  CHECK(e.find("t.csv:1:31: error: unknown indicator 'bogus_column'") != std::string::npos);
  CHECK(e.find("t.csv:2:8: error: 'abc' in column 'share' is not a number") != std::string::npos);
  CHECK(e.find("t.csv:3:1: error: 'a' has a second row for year 2020") != std::string::npos);
  CHECK(e.find("t.csv:3:12: error: value -1 in column 'population' is below the minimum 0") !=
        std::string::npos);
  CHECK(e.find("t.csv:4:1: error: this row has 2 fields but the header has 5") != std::string::npos);
  CHECK(e.find("t.csv:5:3: error: '3000' in column 'year' is not a year") != std::string::npos);
  CHECK(e.find("t.csv:5:8: error: value 2 in column 'share' is above the maximum 1") != std::string::npos);
}

TEST_CASE("an unterminated quote in a commune table is reported at the quote", "[data]") {
  CHECK(error_of("commune,year,name\na,2020,\"Ngọc\n") ==
        "t.csv:2:8: error: this quoted field is never closed\n"
        "  a,2020,\"Ngọc\n"
        "         ^\n"
        "  hint: add the closing '\"' (a '\"' inside a quoted field is written twice: \"\")\n");
}
