// The gap search's words where it is long or sampled: undecided groups resting on several
// unknown clauses, and the note saying what a sample of a box larger than the cap covered, in
// English and Vietnamese.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "../common/test_files.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "config/catalogue_reader.h"
#include "diag/messages.h"
#include "rules/gap_search.h"
#include "rules/rule_library.h"

using namespace lotrinh;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;

// Region III needs poverty 30 % or more and 2 of 4 unknown criteria (four sources, two with
// no English title); region II poverty under 30 % and two of them (u3, with no English title,
// and the road). A second classification rests on 3 of 4 unknown criteria of one source.
const char* kUndecided = R"toml(
[ruleset]
id = "t.undecided"
kind = "commune-region"
level = "commune"
effective = { from = 2021-01-01 }

[criteria]
u1 = { title.en = "Road below class B", title.vi = "Đường dưới cấp B", unknown = "road class not measured", source = "Điều 9 (a)" }
u2 = { title.en = "School not up to standard", title.vi = "Trường chưa đạt chuẩn", unknown = "school standard not measured", source = "Điều 9 (b)" }
u3 = { title.vi = "Tiêu chí 3 của dự thảo", unknown = "draft criterion 3: text not found", source = "Dự thảo, khoản 3" }
u4 = { title.vi = "Tiêu chí 4 của dự thảo", unknown = "draft criterion 4: text not found", source = "Dự thảo, khoản 4" }
u5 = { title.en = "Criterion 5 of 8", title.vi = "Tiêu chí 5 trong 8", unknown = "criterion 5: text not found", source = "Dự thảo Nghị định, Điều 5" }
u6 = { title.en = "Criterion 6 of 8", title.vi = "Tiêu chí 6 trong 8", unknown = "criterion 6: text not found", source = "Dự thảo Nghị định, Điều 5" }
u7 = { title.en = "Criterion 7 of 8", title.vi = "Tiêu chí 7 trong 8", unknown = "criterion 7: text not found", source = "Dự thảo Nghị định, Điều 5" }
u8 = { title.en = "Criterion 8 of 8", title.vi = "Tiêu chí 8 trong 8", unknown = "criterion 8: text not found", source = "Dự thảo Nghị định, Điều 5" }

[criteria.two_of_four]
title.en = "2 or more of the 4 criteria"
title.vi = "Đạt từ 2 trong 4 tiêu chí trở lên"
source = "Điều 9"
at_least = 2
of = ["u1", "u2", "u3", "u4"]

[criteria.u3_and_road]
title.en = "Draft criterion 3 and road"
title.vi = "Tiêu chí 3 và đường"
all = ["u3", "u1"]

[criteria.iii]
all = ["poverty_rate >= 0.3", "two_of_four"]

[criteria.ii]
all = ["poverty_rate < 0.3", "u3_and_road"]

[classification.region]
title.en = "Region"
title.vi = "Khu vực"
order = [ { class = "III", when = "iii" }, { class = "II", when = "ii" }, { class = "I" } ]

[criteria.poor_and_three]
all = ["poverty_rate >= 0.2", { at_least = 3, of = ["u5", "u6", "u7", "u8"] }]

[classification.draft]
title.en = "Draft class"
title.vi = "Nhóm dự thảo"
order = [ { class = "A", when = "poor_and_three" }, { class = "B" } ]
)toml";

// check --gaps of `path` as a table; its output.
std::string check_gaps(const std::string& path) {
  cli::Options o;
  o.command = "check";
  o.paths = {path};
  o.gaps = true;
  o.out = testing::temp_path("gaps-cover", ".txt");
  REQUIRE(cli::run_command(o) == 0);
  std::string out = testing::slurp(o.out);
  std::remove(o.out.c_str());
  return out;
}

bool has_line(const std::string& text, const std::string& line) { return text.find("\n" + line + "\n") != std::string::npos; }

struct RuleFile {
  std::string path = testing::temp_path("gaps-undecided", ".toml");
  RuleFile() { std::ofstream(path) << kUndecided; }
  ~RuleFile() { std::remove(path.c_str()); }
};

struct Vietnamese {
  Vietnamese() { diag::set_lang(diag::Lang::kVi); }
  ~Vietnamese() { diag::set_lang(diag::Lang::kEn); }
};

const rules::RuleLibrary& library() {
  static const data::Catalogue cat = config::read_catalogue(kHome + "/rules/indicators.toml");
  static rules::RuleLibrary* lib = [] {
    auto* l = new rules::RuleLibrary(cat);
    l->load({kHome + "/rules"}, false);
    return l;
  }();
  return *lib;
}

// The notes of the gap table of the shipped ND 272 stand-in draft searched with `cap`.
std::vector<std::string> draft_notes(size_t cap) {
  auto rs = library().get("vn.nd-272-2025-qd33-criteria-draft");
  const rules::Classification& c = *rs->find_classification("region");
  return cli::gap_table(rules::search_gaps(rs, c, 2025, cap), rs->id, c.name).notes;
}

}  // namespace

TEST_CASE("check --gaps says an undecided group's unknown clauses in a short sentence: two listed, more counted", "[cli]") {
  RuleFile file;
  std::string out = check_gaps(file.path);
  // Four clauses of four sources: the first named, the rest counted.
  CHECK(has_line(out, "undecided             2  A commune with multidimensional poverty rate (2022-2025 standard, Decree 07/2021) at "
                      "least 30 % cannot be classified: region III rests on 4 clauses whose content is not known (Điều 9 (a): "
                      "Road below class B, and 3 more)."));
  // Two clauses: both named; one with no English title says in English what is not known.
  CHECK(has_line(out, "undecided             1  A commune with multidimensional poverty rate (2022-2025 standard, Decree 07/2021) under "
                      "30 % cannot be classified: region II rests on 2 clauses whose content is not known (Dự thảo, khoản 3: draft "
                      "criterion 3: text not found; Điều 9 (a): Road below class B)."));
  // Four clauses of one source: the source said once.
  CHECK(has_line(out, "undecided             2  A commune with multidimensional poverty rate (2022-2025 standard, Decree 07/2021) at "
                      "least 20 % cannot be classified: draft class A rests on 4 clauses of Dự thảo Nghị định, Điều 5 whose content "
                      "is not known (Criterion 5 of 8, and 3 more)."));
}

TEST_CASE("check --gaps under --lang vi says an undecided group's unknown clauses in a short Vietnamese sentence", "[cli]") {
  RuleFile file;
  Vietnamese vi;
  std::string out = check_gaps(file.path);
  CHECK(has_line(out, "chưa kết luận          2  Xã có tỷ lệ hộ nghèo đa chiều (chuẩn nghèo 2022-2025, NĐ 07/2021) từ 30 % trở lên "
                      "chưa phân loại được: khu vực III dựa vào 4 điều kiện chưa rõ nội dung (Điều 9 (a): Đường dưới cấp B và 3 "
                      "điều kiện khác)."));
  CHECK(has_line(out, "chưa kết luận          1  Xã có tỷ lệ hộ nghèo đa chiều (chuẩn nghèo 2022-2025, NĐ 07/2021) dưới 30 % chưa "
                      "phân loại được: khu vực II dựa vào 2 điều kiện chưa rõ nội dung (Dự thảo, khoản 3: Tiêu chí 3 của dự thảo; "
                      "Điều 9 (a): Đường dưới cấp B)."));
  CHECK(has_line(out, "chưa kết luận          2  Xã có tỷ lệ hộ nghèo đa chiều (chuẩn nghèo 2022-2025, NĐ 07/2021) từ 20 % trở lên "
                      "chưa phân loại được: nhóm dự thảo A dựa vào 4 điều kiện của Dự thảo Nghị định, Điều 5 chưa rõ nội dung "
                      "(Tiêu chí 5 trong 8 và 3 điều kiện khác)."));
}

TEST_CASE("the gap table of a box larger than the cap says what the sample covered, in English and Vietnamese", "[cli]") {
  // The shipped ND 272 stand-in draft: 19,131,876 combinations of 16 variables.
  auto pairs = draft_notes(2000);
  REQUIRE(pairs.size() >= 2);
  CHECK(pairs[0].rfind("2,000 of 19,131,876 combinations examined over 16 variables", 0) == 0);
  CHECK(pairs[1] ==
        "2,000 of 19,131,876 combinations examined, the box being larger than the limit: every value of each variable and every "
        "pair of values of any two variables were examined (the first 21 combinations cover them), the rest drawn at random "
        "with a fixed seed; a finding that needs three or more variables at particular values at once may have been missed");
  auto values = draft_notes(15);
  REQUIRE(values.size() >= 2);
  CHECK(values[1] ==
        "15 of 19,131,876 combinations examined, the box being larger than the limit: every value of each variable was "
        "examined, but the limit is too small for every pair of values of two variables; a finding that needs two or more "
        "variables at particular values at once may have been missed");
  auto some = draft_notes(2);
  REQUIRE(some.size() >= 2);
  CHECK(some[1] ==
        "2 of 19,131,876 combinations examined, the box being larger than the limit: the limit is too small even for every "
        "value of each variable; a finding at a value not examined has been missed");
  Vietnamese vi;
  CHECK(draft_notes(2000).at(1) ==
        "đã xét 2.000 trong 19.131.876 tổ hợp vì miền xét lớn hơn giới hạn: đã xét mọi giá trị của từng biến và mọi cặp giá trị "
        "của hai biến bất kỳ (21 tổ hợp đầu tiên phủ hết các cặp này), các tổ hợp còn lại chọn ngẫu nhiên với hạt giống cố "
        "định; một phát hiện cần từ ba biến trở lên cùng lúc ở những giá trị nhất định có thể bị bỏ sót");
  CHECK(draft_notes(15).at(1) ==
        "đã xét 15 trong 19.131.876 tổ hợp vì miền xét lớn hơn giới hạn: đã xét mọi giá trị của từng biến, nhưng giới hạn quá "
        "nhỏ để xét mọi cặp giá trị của hai biến; một phát hiện cần từ hai biến trở lên cùng lúc ở những giá trị nhất định "
        "có thể bị bỏ sót");
  CHECK(draft_notes(2).at(1) ==
        "đã xét 2 trong 19.131.876 tổ hợp vì miền xét lớn hơn giới hạn: giới hạn quá nhỏ để xét hết mọi giá trị của từng "
        "biến; phát hiện ở một giá trị chưa xét sẽ bị bỏ sót");
}

TEST_CASE("the sampled gap search of the ND 272 stand-in draft writes the same bytes in two runs of the binary", "[cli]") {
  // Two processes, so that nothing (a hash seed, an address, a clock) can make them differ.
  const std::string dir = testing::temp_path("gaps-twice", "");
  std::filesystem::create_directories(dir);
  auto run = [&](const std::string& name) {
    const std::string cmd = "cd '" + kHome + "' && LANG=C.UTF-8 '" + LOTRINH_BINARY +
                            "' check rules/drafts/nd-272-2025-qd33-criteria-draft.toml --gaps --format csv --out '" + dir +
                            "/" + name + ".csv' >/dev/null 2>&1";
    const int status = std::system(cmd.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return testing::slurp(dir + "/" + name + "-gaps-vn.nd-272-2025-qd33-criteria-draft-region.csv");
  };
  const std::string first = run("first"), second = run("second");
  CHECK(first == second);
  CHECK(first.find("\n# 200,000 of 19,131,876 combinations examined, the box being larger than the limit: every value of each "
                   "variable and every pair of values of any two variables were examined") != std::string::npos);
  std::filesystem::remove_all(dir);
}
