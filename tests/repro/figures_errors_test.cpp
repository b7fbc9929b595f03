#include <catch2/catch.hpp>

#include "repro_fixture.h"

namespace lotrinh::repro {
namespace {

using testing::error_of;

// One figure: `extra` lines are added to a computed figure that is otherwise valid.
std::string figure(const std::string& extra) {
  return "[[figure]]\n"
         "id = \"p\"\n"
         "section = \"II.2\"\n"
         "label.en = \"poverty\"\n" +
         extra;
}

const std::string kAggregate = "reported = 50.99\nunit = \"percent\"\naggregate = \"mean\"\nof = \"poverty_rate_2016\"\nyear = 2016\n";

TEST_CASE("the handmade figure used by the error tests is valid [repro]") {
  CHECK(error_of(figure(kAggregate)) == "");
}

TEST_CASE("an unknown key in a figure is an error with a did-you-mean hint [repro]") {
  CHECK(error_of(figure(kAggregate + "wehre = \"twinned == 1\"\n")) ==
        "figures.toml:10:1: error: figure 'p': unknown key 'wehre'\n"
        "  wehre = \"twinned == 1\"\n"
        "  ^\n"
        "  hint: did you mean 'where'?\n");
}

TEST_CASE("a status word other than the two written ones is an error [repro]") {
  CHECK(error_of(figure("status = \"not-reproducable\"\nreason = \"x\"\n")) ==
        "figures.toml:5:11: error: figure 'p': unknown status 'not-reproducable'\n"
        "  status = \"not-reproducable\"\n"
        "            ^\n"
        "  hint: did you mean 'not-reproducible'?\n");
}

TEST_CASE("a computed status written in the file is an error saying it is computed [repro]") {
  CHECK(error_of(figure("status = \"match\"\n")) ==
        "figures.toml:5:11: error: figure 'p': status 'match' is decided by computing the figure, not written in the file\n"
        "  status = \"match\"\n"
        "            ^\n"
        "  hint: remove status and give aggregate, change or arithmetic; status is written only as "
        "\"source-inconsistent\" or \"not-reproducible\"\n");
}

TEST_CASE("a figure with no way of computing it is an error [repro]") {
  CHECK(error_of(figure("reported = 3\nunit = \"count\"\n")) ==
        "figures.toml:1:1: error: figure 'p': give one of 'aggregate', 'change', 'arithmetic' or 'status'\n"
        "  [[figure]]\n"
        "  ^\n"
        "  hint: compute the figure from the table (aggregate = \"mean\", ...), from two figures above it "
        "(change = \"per_year\"), from the report's own numbers (arithmetic = \"...\"), or write status = "
        "\"source-inconsistent\" or \"not-reproducible\"\n");
}

TEST_CASE("a source-inconsistent figure needs both figures [repro]") {
  CHECK(error_of(figure("status = \"source-inconsistent\"\nfigures = [\"9 + 4\"]\n")) ==
        "figures.toml:6:11: error: figure 'p': 'figures' needs at least two entries, the figures that disagree\n"
        "  figures = [\"9 + 4\"]\n"
        "            ^\n"
        "  hint: add figures = [\"I.2.1: ...\", \"footnote 5: ...\"], the report's conflicting figures, each with "
        "where it is printed\n");
}

TEST_CASE("a change naming a figure not above it is an error [repro]") {
  CHECK(error_of(figure(kAggregate) + "[[figure]]\nid = \"q\"\nsection = \"II.2\"\nlabel.en = \"per year\"\n"
                 "reported = 6.4\nunit = \"points\"\nchange = \"per_year\"\nfrom = \"p\"\nto = \"pp\"\n") ==
        "figures.toml:18:7: error: figure 'q': 'to' names no aggregate figure above this one: 'pp'\n"
        "  to = \"pp\"\n"
        "        ^\n"
        "  hint: did you mean 'p'?\n");
}

TEST_CASE("a value figure naming a commune the table lacks is an error located in the file [repro]") {
  CHECK(error_of(figure("reported = 30\nunit = \"percent\"\naggregate = \"value\"\nof = \"poverty_rate_2016\"\n"
                        "commune = \"c9\"\nyear = 2020\n")) ==
        "figures.toml:9:12: error: figure 'p': commune 'c9' is not in communes.csv\n"
        "  commune = \"c9\"\n"
        "             ^\n"
        "  hint: did you mean 'c1'?\n");
}

TEST_CASE("arithmetic reading a name is an error since it uses the report's numbers only [repro]") {
  CHECK(error_of(figure("reported = 51\nunit = \"count\"\narithmetic = \"8 + 39 + x\"\n")) ==
        "figures.toml:7:24: error: unknown name 'x'\n"
        "  arithmetic = \"8 + 39 + x\"\n"
        "                         ^\n"
        "  hint: arithmetic reads no data: write the numbers the report prints, such as 125 / 367 * 100\n");
}

TEST_CASE("an expression naming an unknown indicator is an error located in the figures file [repro]") {
  CHECK(error_of(figure("reported = 50.99\nunit = \"percent\"\naggregate = \"mean\"\nof = \"poverty_rate_2017\"\nyear = 2016\n")) ==
        "figures.toml:8:7: error: unknown name 'poverty_rate_2017'\n"
        "  of = \"poverty_rate_2017\"\n"
        "        ^\n"
        "  hint: did you mean 'poverty_rate_2016'?\n");
}

// A second figure, a change from p to an aggregate q of 2020; `extra_q` and `extra_change` are
// added to q and to the change.
std::string with_change(const std::string& extra_p, const std::string& extra_q, const std::string& extra_change) {
  return figure(kAggregate + extra_p) +
         "[[figure]]\nid = \"q\"\nsection = \"II.2\"\nlabel.en = \"now\"\nreported = 25.36\nunit = \"percent\"\n"
         "aggregate = \"mean\"\nof = \"poverty_rate_2016\"\nyear = 2020\n" + extra_q +
         "[[figure]]\nid = \"r\"\nsection = \"II.2\"\nlabel.en = \"per year\"\nreported = 6.4\nunit = \"points\"\n"
         "change = \"fall_per_year\"\nfrom = \"p\"\nto = \"q\"\n" + extra_change;
}

config::FigureCheck check_of(const std::string& text, const std::string& id) {
  for (const auto& f : config::parse_figures_file("figures.toml", text).figures)
    if (f.id == id) return f.check;
  FAIL("no figure " << id);
  return config::FigureCheck::kNone;
}

TEST_CASE("a figure computed from the table is fitted unless the file says it is independent [repro]") {
  using config::FigureCheck;
  CHECK(check_of(figure(kAggregate), "p") == FigureCheck::kFitted);
  CHECK(check_of(figure(kAggregate + "check = \"independent\"\n"), "p") == FigureCheck::kIndependent);
  CHECK(check_of(figure(kAggregate + "check = \"fitted\"\n"), "p") == FigureCheck::kFitted);
  CHECK(check_of(figure("reported = 51\nunit = \"count\"\narithmetic = \"8 + 39 + 4\"\n"), "p") == FigureCheck::kNone);
  CHECK(check_of(figure("status = \"not-reproducible\"\nreason = \"x\"\n"), "p") == FigureCheck::kNone);
}

TEST_CASE("a change is independent only when both its figures are [repro]") {
  using config::FigureCheck;
  const std::string independent = "check = \"independent\"\n";
  CHECK(check_of(with_change(independent, independent, ""), "r") == FigureCheck::kIndependent);
  CHECK(check_of(with_change(independent, "", ""), "r") == FigureCheck::kFitted);
  CHECK(check_of(with_change("", "", ""), "r") == FigureCheck::kFitted);
  CHECK(check_of(with_change(independent, independent, "check = \"fitted\"\n"), "r") == FigureCheck::kFitted);
}

TEST_CASE("a change written independent while one of its figures is fitted is an error [repro]") {
  CHECK(error_of(with_change("check = \"independent\"\n", "", "check = \"independent\"\n")) ==
        "figures.toml:29:10: error: figure 'r': check = \"independent\", but figure 'q' it is computed from is fitted\n"
        "  check = \"independent\"\n"
        "           ^\n"
        "  hint: a change of a figure the data were fitted to is fitted too: write check = \"fitted\", or remove 'check'\n");
}

TEST_CASE("check on a figure not computed from the table is an error [repro]") {
  CHECK(error_of(figure("reported = 51\nunit = \"count\"\narithmetic = \"8 + 39 + 4\"\ncheck = \"fitted\"\n")) ==
        "figures.toml:8:1: error: figure 'p': 'check' is only used with a figure computed from the table (aggregate or change)\n"
        "  check = \"fitted\"\n"
        "  ^\n"
        "  hint: remove 'check': arithmetic over the report's own numbers and a written status test nothing of the "
        "table, so they are neither fitted nor independent\n");
}

TEST_CASE("a check word other than fitted or independent is an error [repro]") {
  CHECK(error_of(figure(kAggregate + "check = \"fited\"\n")).find("figures.toml:10:10: error: figure 'p': ") == 0);
}

}  // namespace
}  // namespace lotrinh::repro
