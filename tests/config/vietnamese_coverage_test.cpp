// Under --lang vi every text a rule file or the indicator catalogue shows a planner has its
// Vietnamese: rule set, criterion, clause, classification, class and target titles, the text of a clause
// whose wording is unknown, the note of a parameter whose value is unknown, indicator and alias
// names. The test lists every text that lacks it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <algorithm>
#include <cctype>
#include <functional>
#include <string>
#include <vector>

#include "config/catalogue_reader.h"
#include "config/figures_reader.h"
#include "config/rule_file_reader.h"
#include "config/sim_file_reader.h"
#include "data/provenance.h"

using namespace lotrinh;
namespace fs = std::filesystem;

namespace {

// "file: what" for each text shown under --lang vi without its Vietnamese.
std::vector<std::string> missing_vietnamese() {
  std::vector<std::string> out;
  const std::string rules = std::string(LOTRINH_SOURCE_HOME) + "/rules";
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(rules))
    if (e.path().extension() == ".toml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::string rel = fs::relative(path, rules).string();
    if (path.filename() == "indicators.toml") {
      auto cat = config::read_catalogue(path.string());
      for (const auto& [id, ind] : cat.indicators())
        if (ind.name_vi.empty()) out.push_back(rel + ": indicator " + id + " has no name.vi");
      for (const auto& [id, alias] : cat.aliases())
        if (alias.name_vi.empty()) out.push_back(rel + ": alias " + id + " has no name.vi");
      continue;
    }
    config::RuleFile f = config::read_rule_file(path.string());
    if (f.title.vi.empty()) out.push_back(rel + ": [ruleset] has no title.vi");
    std::function<void(const config::CriterionNode&, const std::string&, bool)> node =
        [&](const config::CriterionNode& n, const std::string& where, bool root) {
          // explain names a criterion by its title: every criterion needs one in Vietnamese, and
          // so does any clause that carries a title, and a clause whose text is unknown.
          if ((root || !n.title.en.empty() || n.kind == config::CriterionNode::Kind::kUnknown) && n.title.vi.empty())
            out.push_back(rel + ": " + where + " has no title.vi");
          int k = 0;
          for (const auto& c : n.children) node(c, where + " clause " + std::to_string(++k), false);
        };
    for (const auto& c : f.criteria) node(c.root, "criterion " + c.name, true);
    for (const auto& c : f.classifications) {
      if (c.title.vi.empty()) out.push_back(rel + ": classification " + c.name + " has no title.vi");
      // Classes are shown by their titles ("Khu vực III"), never by their codes.
      for (const auto& e : c.order)
        if (e.title.vi.empty()) out.push_back(rel + ": classification " + c.name + " class " + e.cls + " has no title.vi");
    }
    for (const auto& t : f.targets) {
      if (t.title.vi.empty()) out.push_back(rel + ": target " + t.id + " has no title.vi");
      if (!t.reported_outcome.empty() && t.reported_outcome_vi.empty())
        out.push_back(rel + ": target " + t.id + " has no reported outcome.vi");
    }
  }
  return out;
}

// A text that reads the same in both languages: no letters (but those of `letters`, such as the
// roman numerals of a section, "III.1") and, for a number text, no mark between digits
// ("7,220", "99.9"). A section numbers its parts with '.', as "I.2.1" does in both languages.
bool neutral_text(const std::string& s, const std::string& letters) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || (std::isalpha(c) && letters.find(static_cast<char>(c)) == std::string::npos)) return false;
    bool between_digits = i > 0 && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
                          std::isdigit(static_cast<unsigned char>(s[i + 1]));
    if (letters.empty() && (c == ',' || c == '.') && between_digits) return false;
  }
  return true;
}

// The same for the simulator's files of every shipped scenario folder: the texts simulate,
// compare and report print (scenario titles, stated assumptions, the workdays' source and note,
// a model's title, its shocks' titles, its conversion source and note, a costed event's source),
// and the texts reproduce prints from a figures file (notes, reasons, sections, printed figures,
// conflicting figures).
std::vector<std::string> missing_vietnamese_in_scenarios() {
  std::vector<std::string> out;
  const fs::path home = fs::path(LOTRINH_SOURCE_HOME);
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(home / "scenarios"))
    if (e.path().extension() == ".toml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  auto need = [&](const std::string& rel, const std::string& what, const std::string& en, const std::string& vi) {
    if (!en.empty() && vi.empty()) out.push_back(rel + ": " + what + " has no Vietnamese (.vi)");
  };
  for (const auto& path : files) {
    std::string rel = fs::relative(path, home).string();
    std::string text;
    {
      std::ifstream in(path);
      std::stringstream ss;
      ss << in.rdbuf();
      text = ss.str();
    }
    if (text.find("[scenario]") != std::string::npos) {
      config::ScenarioFile f = config::read_scenario_file(path.string());
      need(rel, "[scenario] title", f.title, f.title_vi);
      for (const auto& r : f.rules) need(rel, "[[rules]] " + r.id + " assumption", r.assumption, r.assumption_vi);
      for (const auto& w : f.workdays) {
        need(rel, "[[workdays]] " + w.id + " source", w.source, w.source_vi);
        need(rel, "[[workdays]] " + w.id + " note", w.note, w.note_vi);
      }
      for (const auto& a : f.assumptions) need(rel, "[[assumption]] " + a.name + " text", a.text, a.text_vi);
      // calibrate prints each target's name and source.
      for (const auto& g : f.targets) {
        need(rel, "[[target]] " + g.name + " name", g.name, g.name_vi);
        need(rel, "[[target]] " + g.name + " source", g.source, g.source_vi);
      }
      // simulate and compare print each costed event's source in its note.
      for (const auto& e : f.events)
        need(rel, "[[event]] " + e.kind + " of " + std::to_string(e.year) + " source", e.source, e.source_vi);
    } else if (text.find("[[figure]]") != std::string::npos) {
      // reproduce shows each figure's note, and the reason one is not reproducible.
      config::FiguresFile ff = config::read_figures_file(path.string());
      for (const auto& fig : ff.figures) {
        need(rel, "figure " + fig.id + " note", fig.note, fig.note_vi);
        need(rel, "figure " + fig.id + " reason", fig.reason, fig.reason_vi);
        // A section or printed figure read in both languages holds no words and no decimal or
        // thousands mark ("II.2", "6 / 38"); otherwise it needs its .vi ("fn9", "7,220 / 631").
        if (fig.section_vi.empty() && !neutral_text(fig.section, "IVX"))
          out.push_back(rel + ": figure " + fig.id + " section has no Vietnamese (.vi)");
        if (fig.printed_vi.empty() && !neutral_text(fig.printed, ""))
          out.push_back(rel + ": figure " + fig.id + " printed has no Vietnamese (.vi)");
        if (fig.figures_vi.empty() && !fig.figures.empty())
          out.push_back(rel + ": figure " + fig.id + " figures has no Vietnamese (.vi)");
      }
    } else if (text.find("[model]") != std::string::npos) {
      config::ModelFile m = config::read_model_file(path.string());
      // simulate names the model by its title and each shock by its title.
      need(rel, "[model] title", m.title, m.title_vi);
      for (const auto& sh : m.shocks) need(rel, "[shocks." + sh.name + "] title", sh.title, sh.title_vi);
      for (const auto& c : m.conversions) {
        need(rel, "[[conversion]] " + c.alias + " source", c.source, c.source_vi);
        need(rel, "[[conversion]] " + c.alias + " note", c.note, c.note_vi);
      }
    }
  }
  return out;
}

}  // namespace

// The sources of every shipped provenance.csv that explain shows under --lang vi without their
// Vietnamese (provenance-vi.csv beside it).
std::vector<std::string> missing_vietnamese_in_provenance() {
  std::vector<std::string> out;
  const fs::path home = fs::path(LOTRINH_SOURCE_HOME);
  for (const auto& e : fs::recursive_directory_iterator(home / "scenarios")) {
    if (e.path().filename() != "provenance.csv") continue;
    std::string rel = fs::relative(e.path(), home).string();
    for (const auto& s : data::ProvenanceTable::read_if_present(e.path().string()).untranslated())
      out.push_back(rel + ": source '" + s + "' has no Vietnamese (provenance-vi.csv)");
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("every provenance source of a shipped dataset that explain shows under --lang vi has its Vietnamese", "[config]") {
  std::vector<std::string> missing = missing_vietnamese_in_provenance();
  std::string list;
  for (const auto& m : missing) list += m + "\n";
  INFO(list);
  CHECK(missing.empty());
}

TEST_CASE("every rule-file and catalogue text shown under --lang vi has its Vietnamese", "[config]") {
  std::vector<std::string> missing = missing_vietnamese();
  std::string list;
  for (const auto& m : missing) list += m + "\n";
  INFO(list);
  CHECK(missing.empty());
}

TEST_CASE("every text of a shipped scenario, model or figures file that simulate or reproduce prints under --lang vi has its Vietnamese", "[config]") {
  std::vector<std::string> missing = missing_vietnamese_in_scenarios();
  std::string list;
  for (const auto& m : missing) list += m + "\n";
  INFO(list);
  CHECK(missing.empty());
}
