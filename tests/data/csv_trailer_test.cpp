// The caveats lotrinh writes after a CSV table ('#' lines at its end) are not read as rows.
#include <catch2/catch.hpp>

#include <string>

#include "data/csv_trailer.h"

using lotrinh::data::without_trailer;

TEST_CASE("the '#' lines at the end of a CSV text are its trailer and are left out", "[data]") {
  CHECK(without_trailer("a,b\n1,2\n# rule set x\n# 3 of 4 values estimated\n") == "a,b\n1,2\n");
  CHECK(without_trailer("a,b\r\n1,2\r\n# note\r\n\r\n") == "a,b\r\n1,2\r\n");
  CHECK(without_trailer("a,b\n1,2\n# note") == "a,b\n1,2\n");
}

TEST_CASE("a CSV text without a trailer, or with a '#' line before data, is unchanged", "[data]") {
  CHECK(without_trailer("a,b\n1,2\n") == "a,b\n1,2\n");
  CHECK(without_trailer("a,b\n#1,2\n3,4\n") == "a,b\n#1,2\n3,4\n");
  CHECK(without_trailer("") == "");
}
