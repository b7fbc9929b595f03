#include <catch2/catch.hpp>

#include "diag/diagnostic.h"
#include "graph/roads_csv.h"

using namespace lotrinh::graph;
using lotrinh::diag::InputError;

namespace {

const char* kHeader = "from,to,length_km,paved_share,provenance\n";

std::string error_of(const std::string& text) {
  try {
    parse_roads_csv("roads.csv", text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a roads table gives one road per row with the cells it came from", "[graph]") {
  auto roads = parse_roads_csv("roads.csv", std::string(kHeader) +
                                                "town,a,30,0,estimated: map\n"
                                                "\n"
                                                " a , b ,12.5,0.25,\"reported: plan 12, table 3\"\n");
  REQUIRE(roads.size() == 2);
  CHECK(roads[1].from == "a");
  CHECK(roads[1].to == "b");
  CHECK(roads[1].length_km == 12.5);
  CHECK(roads[1].paved_share == 0.25);
  CHECK(roads[1].provenance == "reported: plan 12, table 3");
  CHECK(roads[1].where.from.line == 4);
  CHECK(roads[1].where.from.column == 1);
  CHECK(roads[1].where.to.column == 5);
  CHECK(roads[1].where.length_km.column == 9);
  CHECK(roads[1].where.paved_share.column == 14);
  CHECK(roads[1].where.from.file->path == "roads.csv");
}

TEST_CASE("a wrong header column is reported at its cell", "[graph]") {
  CHECK(error_of("from,too,length_km,paved_share,provenance\n") ==
        "roads.csv:1:6: error: column 2 of the header must be 'to', not 'too'\n"
        "  from,too,length_km,paved_share,provenance\n"
        "       ^\n"
        "  hint: start the roads table with the header from,to,length_km,paved_share,provenance\n");
}

TEST_CASE("a missing or extra header column is an error", "[graph]") {
  CHECK(error_of("from,to,length_km,paved_share\na,b,1,1\n") ==
        "roads.csv:1: error: the header has no 'provenance' column\n"
        "  from,to,length_km,paved_share\n"
        "  hint: start the roads table with the header from,to,length_km,paved_share,provenance\n");
  CHECK(error_of("from,to,length_km,paved_share,provenance,note\n") ==
        "roads.csv:1:42: error: unexpected column 'note' after 'provenance'\n"
        "  from,to,length_km,paved_share,provenance,note\n"
        "                                           ^\n"
        "  hint: delete the column: a roads table has exactly the columns "
        "from,to,length_km,paved_share,provenance\n");
}

TEST_CASE("an empty roads table is an error", "[graph]") {
  CHECK(error_of("") ==
        "roads.csv: error: the roads table is empty: it has no header row\n"
        "  hint: start the roads table with the header from,to,length_km,paved_share,provenance\n");
}

TEST_CASE("a row with too few fields is an error at its start", "[graph]") {
  CHECK(error_of(std::string(kHeader) + "a,b,20\nc\n") ==
        "roads.csv:2:1: error: this row has 3 fields but the header has 5\n"
        "  a,b,20\n"
        "  ^\n"
        "  hint: look for a missing or extra ',' in this row; a value that contains ',' must be in double quotes\n"
        "roads.csv:3:1: error: this row has 1 field but the header has 5\n"
        "  c\n"
        "  ^\n"
        "  hint: look for a missing or extra ',' in this row; a value that contains ',' must be in double quotes\n");
}

TEST_CASE("empty cells are reported left to right", "[graph]") {
  CHECK(error_of(std::string(kHeader) + ",b,,1,\n") ==
        "roads.csv:2:1: error: the 'from' cell is empty\n"
        "  ,b,,1,\n"
        "  ^\n"
        "  hint: write the slug of the unit at this end of the road, such as xa-a\n"
        "roads.csv:2:4: error: the 'length_km' cell is empty\n"
        "  ,b,,1,\n"
        "     ^\n"
        "  hint: write the road's length in kilometres, such as 12.5\n"
        "roads.csv:2:7: error: the 'provenance' cell is empty\n"
        "  ,b,,1,\n"
        "        ^\n"
        "  hint: say where the road's figures come from, such as 'reported: <document>' or "
        "'estimated: <method>'\n");
}

TEST_CASE("a cell that is not a number is an error with a hint for its column", "[graph]") {
  CHECK(error_of(std::string(kHeader) + "a,b,12km,half,x\n") ==
        "roads.csv:2:5: error: '12km' in column 'length_km' is not a number\n"
        "  a,b,12km,half,x\n"
        "      ^\n"
        "  hint: write the road's length in kilometres, such as 12.5\n"
        "roads.csv:2:10: error: 'half' in column 'paved_share' is not a number\n"
        "  a,b,12km,half,x\n"
        "           ^\n"
        "  hint: write the paved share as a fraction between 0 and 1, such as 0.4 for 40 %\n");
}

TEST_CASE("a decimal comma or a percent sign gets the number written right as a hint", "[graph]") {
  CHECK(error_of(std::string(kHeader) + "a,b,\"12,5\",40%,x\n") ==
        "roads.csv:2:5: error: '12,5' in column 'length_km' is not a number\n"
        "  a,b,\"12,5\",40%,x\n"
        "      ^\n"
        "  hint: write the number with '.' as the decimal point: 12.5\n"
        "roads.csv:2:12: error: '40%' in column 'paved_share' is not a number\n"
        "  a,b,\"12,5\",40%,x\n"
        "             ^\n"
        "  hint: write the paved share as a fraction between 0 and 1: 0.4 rather than 40%\n");
}

TEST_CASE("a negative length or a share above 1 in the table is reported at its cell", "[graph]") {
  CHECK(error_of(std::string(kHeader) + "a,b,-3,1.2,x\n") ==
        "roads.csv:2:5: error: the road a -- b has length -3 km, but a length must be greater than 0\n"
        "  a,b,-3,1.2,x\n"
        "      ^\n"
        "  hint: write the road's length in kilometres, such as 12.5\n"
        "roads.csv:2:8: error: the road a -- b has paved share 1.2, outside 0 to 1\n"
        "  a,b,-3,1.2,x\n"
        "         ^\n"
        "  hint: write the paved share as a fraction between 0 and 1 (0.012 if 1.2 is a percentage)\n");
}

TEST_CASE("infinite and not-a-number values are not numbers", "[graph]") {
  CHECK(error_of(std::string(kHeader) + "a,b,inf,nan,x\n").find("'inf' in column 'length_km' is not a number") !=
        std::string::npos);
  CHECK(error_of(std::string(kHeader) + "a,b,inf,nan,x\n").find("'nan' in column 'paved_share' is not a number") !=
        std::string::npos);
}

TEST_CASE("reading a missing roads file is an error naming it", "[graph]") {
  try {
    read_roads_csv("/nonexistent/roads.csv");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == "/nonexistent/roads.csv: error: cannot read the file: No such file or directory\n");
  }
}
