#include "report/display_width.h"

#include <catch2/catch.hpp>

using lotrinh::report::display_width;

TEST_CASE("Vietnamese text is as wide in NFC as in NFD", "[report]") {
  CHECK(display_width("Mường Hoong") == 11);
  // M u U+031B o U+031B U+0300 n g: "Mường" decomposed.
  CHECK(display_width("Mu\xCC\x9Bo\xCC\x9B\xCC\x80ng Hoong") == 11);
  CHECK(display_width("Ngo\xCC\xA3" "c Linh") == 9);
  CHECK(display_width("") == 0);
}

TEST_CASE("wide characters take two columns and zero-width ones none", "[report]") {
  CHECK(display_width("越南") == 4);
  CHECK(display_width("a\xE2\x80\x8B" "b") == 2);  // U+200B zero-width space
  CHECK(display_width("a\xFF" "b") == 3);           // an invalid byte counts one
}
