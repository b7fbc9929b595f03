#include <catch2/catch.hpp>

#include "diag/messages.h"
#include "diag/words.h"
#include "rules_fixture.h"

using namespace lotrinh::rules;
using namespace lotrinh::rules::testing;
namespace diag = lotrinh::diag;

namespace {

const char* kRules = R"([ruleset]
id = "t.titles"
kind = "k"
effective = { from = 2020-01-01 }
[criteria]
hi = "x >= 0.2"
[classification.region]
title.vi = "Khu vực"
title.en = "Region"
order = [ { class = "III", when = "hi", title.vi = "Khu vực III", title.en = "Region III" },
          { class = "other", when = "x >= 0", title.vi = "Xã khác", title.vi_translated = true },
          { class = "out-of-scope" } ]
)";

// Restores English and words after each check.
struct Restore {
  ~Restore() {
    diag::set_lang(diag::Lang::kEn);
    diag::set_codes(false);
  }
};

}  // namespace

TEST_CASE("a class is named by its title in the output's language, and by its code with --codes", "[rules]") {
  auto rs = compile_text("t.toml", kRules);
  const Classification& c = *rs->find_classification("region");
  Restore restore;
  CHECK(c.class_title("III") == "Region III");
  CHECK(c.class_title("other") == "other");  // no English title: the code
  CHECK(c.class_title("out-of-scope") == "out-of-scope");
  CHECK(c.class_title("unknown") == "unknown");
  CHECK_FALSE(c.class_title_translated("other"));
  diag::set_lang(diag::Lang::kVi);
  CHECK(c.class_title("III") == "Khu vực III");
  CHECK(c.class_title("other") == "Xã khác");
  CHECK(c.class_title_translated("other"));
  CHECK_FALSE(c.class_title_translated("III"));
  CHECK(c.class_title("out-of-scope") == "ngoài phạm vi");  // no title: the catalogue's word
  CHECK(c.class_title("unknown") == "chưa xác định");
  diag::set_codes(true);
  CHECK(c.class_title("III") == "III");
  CHECK(c.class_title("unknown") == "unknown");
  CHECK_FALSE(c.class_title_translated("other"));
}

TEST_CASE("a class entry's title is read from the rule file, and an unknown key beside it is refused", "[rules]") {
  std::string err = compile_error("t.toml", R"([ruleset]
id = "t.bad"
kind = "k"
effective = { from = 2020-01-01 }
[criteria]
hi = "x >= 0.2"
[classification.region]
order = [ { class = "III", when = "hi", titel.vi = "Khu vực III" }, { class = "I" } ]
)");
  CHECK(err.find("titel") != std::string::npos);
  CHECK(err.find("title") != std::string::npos);  // the hint names the key meant
}
