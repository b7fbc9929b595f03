// lotrinh check, lotrinh test: validating rule files and running their embedded tests.
#include <fmt/format.h>

#include <filesystem>

#include "cli/commands.h"
#include "cli/option_checks.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/number_style.h"
#include "diag/text_file.h"
#include "diag/words.h"
#include "report/render.h"
#include "rules/gap_search.h"
#include "rules/gap_words.h"
#include "rules/rule_library.h"
#include "rules/rule_tests.h"

namespace lotrinh::cli {
namespace {

// Loads the files the user named (a file, a folder, or the id of a loaded rule set); returns
// their ids. All parse errors are thrown together; a folder without rule files is an error.
std::vector<std::string> load_named(Context& ctx) {
  std::vector<std::string> paths = ctx.options().paths;
  if (paths.empty()) paths.push_back(home() + "/rules");
  for (const auto& p : paths) {
    if (diag::is_stdin(p)) {  // a rule file on standard input
      ctx.library().load({p}, true);
      continue;
    }
    std::error_code ec;
    if (!std::filesystem::exists(p, ec) && ctx.library().file(p)) {
      ctx.library().select(p);
      continue;
    }
    // Neither a path nor a loaded id: a name without '/' or '.toml' was meant as an id.
    if (!std::filesystem::exists(p, ec) && p.find('/') == std::string::npos &&
        !(p.size() > 5 && p.compare(p.size() - 5, 5, ".toml") == 0)) {
      try {
        ctx.library().select(p);
      } catch (const diag::InputError& e) {
        std::vector<diag::Diagnostic> ds = e.diagnostics();
        for (auto& d : ds) d.subject = p;
        throw diag::InputError(ds);
      }
    }
    if (rules::rule_file_paths(p).empty()) {
      diag::Diagnostic d;
      d.subject = p;
      d.message = diag::msg("check.no_rule_files");
      d.hint = diag::msg("check.no_rule_files.hint");
      throw diag::InputError(d);
    }
    ctx.library().load({p}, true);
  }
  return ctx.library().selected();
}

// The parameters of each rule set, with their values, units and sources (check --params).
report::ResultTable parameter_table(const rules::RuleSet& rs) {
  report::ResultTable t;
  t.title = diag::msg("check.params_title", rs.id);
  t.columns = {{"parameter", diag::msg("col.parameter")}, {"value", diag::msg("col.value")},
               {"unit", diag::msg("col.unit_of")}, {"source", diag::msg("col.source")}, {"note", diag::msg("col.note")}};
  for (const auto& p : rs.parameters) {
    std::string values;
    for (const auto& v : p.decl.values) {
      std::string years = v.from_year || v.until_year
                              ? fmt::format(" ({}-{})", v.from_year ? std::to_string(v.from_year) : "",
                                            v.until_year ? std::to_string(v.until_year) : "")
                              : "";
      values += (values.empty() ? "" : "; ") + fmt::format("{}", v.value) + years;
    }
    if (values.empty()) values = diag::msg("check.param_unknown");
    t.add_row({report::text(p.decl.name), report::text(values), report::text(diag::word("unit", p.decl.unit)), report::text(p.decl.source),
               report::text(p.decl.note)});
  }
  return t;
}

// Compiles every named rule set, gathering the problems of all of them.
std::vector<std::shared_ptr<const rules::RuleSet>> compile_all(Context& ctx, const std::vector<std::string>& ids) {
  std::vector<std::shared_ptr<const rules::RuleSet>> out;
  std::vector<diag::Diagnostic> problems;
  for (const auto& id : ids) {
    try {
      out.push_back(ctx.library().get(id));
    } catch (const diag::InputError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!problems.empty()) throw diag::InputError(problems);
  return out;
}

}  // namespace

report::ResultTable gap_table(const rules::GapReport& g, const std::string& rule_set, const std::string& classification,
                              bool machine, bool codes) {
  report::ResultTable t;
  t.title = diag::msg("gaps.title", rule_set, classification);
  t.columns = {{"finding", diag::msg("gaps.col.finding")},
               {"combinations", diag::msg("gaps.col.combinations"), report::Align::kRight}};
  if (machine) {
    t.columns.push_back({"box", diag::msg("gaps.col.exact")});
    t.columns.push_back({"classes", diag::msg("gaps.col.classes")});
    t.columns.push_back({"decided", diag::msg("gaps.col.decided")});
    t.columns.push_back({"clauses", diag::msg("gaps.col.clauses")});
    for (const auto& v : g.variables) t.columns.push_back({v, v});
  }
  t.columns.push_back({"sentence", diag::msg("gaps.col.sentence")});
  if (machine) t.columns.push_back({"example", diag::msg("gaps.col.example")});
  bool translated = false;
  const rules::Classification* c = g.rules ? g.rules->find_classification(g.classification) : nullptr;
  for (const auto& grp : g.groups) {
    std::string kind = grp.kind == rules::GapFinding::Kind::kGap       ? "gap"
                       : grp.kind == rules::GapFinding::Kind::kOverlap ? "overlap"
                       : grp.kind == rules::GapFinding::Kind::kAccident ? "fallthrough"
                                                                        : "undecided";
    for (const auto& box : grp.boxes) {
      std::vector<report::Cell> row{report::text(diag::word("gap", kind)), report::number(static_cast<double>(box.count))};
      if (machine) {
        // Codes, not words: the classes, the rule the order picks, the clauses (criterion ids
        // or expressions), each variable's range as an interval ("" where not constrained).
        std::string classes, clauses;
        for (size_t i = 0; i < grp.rules.size(); ++i) {
          classes += (i ? ";" : "") + (c ? c->order[static_cast<size_t>(grp.rules[i])].cls : std::string());
          std::string list;
          for (int n : grp.clauses.at(i)) {
            const rules::Node& nd = g.rules->nodes[static_cast<size_t>(n)];
            list += (list.empty() ? "" : "+") +
                    (nd.kind == rules::Node::Kind::kRef ? g.rules->criteria[static_cast<size_t>(nd.ref)].name
                     : nd.kind == rules::Node::Kind::kLeaf ? nd.text
                                                           : g.rules->render_node(n));
          }
          clauses += (i ? ";" : "") + list;
        }
        row.push_back(report::text(diag::word("gapbox", box.exact ? "exact" : "bounds")));  // có / không under vi
        row.push_back(report::text(classes));
        row.push_back(report::text(c && grp.decided >= 0 ? c->order[static_cast<size_t>(grp.decided)].cls : ""));
        row.push_back(report::text(clauses));
        for (size_t v = 0; v < g.variables.size(); ++v) row.push_back(report::text(rules::range_code(g, box, v)));
      }
      {
        // English CSV and JSON keep codes in their other columns; the sentence names titles.
        struct Codes {
          bool was = diag::codes();
          ~Codes() { diag::set_codes(was); }
        } restore;
        diag::set_codes(codes);
        row.push_back(report::text(rules::gap_sentence(g, grp, box, &translated)));
      }
      if (machine) {
        std::string vals;
        for (size_t i = 0; i < g.variables.size() && i < box.example.size(); ++i)
          vals += (i ? ", " : "") + g.variables[i] + "=" + fmt::format("{}", box.example[i]);
        row.push_back(report::text(vals));
      }
      t.add_row(std::move(row));
    }
  }
  // Counts in the language's number style (14.601 in Vietnamese) through the catalogue's {n:n}.
  const std::string box = diag::local_number(rules::box_size_text(g.combinations));
  t.notes.push_back(diag::msg("gaps.summary", g.examined, box, g.variables.size(), g.gaps, g.overlaps, g.accidents, g.undecided));
  // A sampled search says what its sample is sure to hold, and what it may have missed.
  if (g.coverage == rules::GapReport::Coverage::kPairs)
    t.notes.push_back(diag::msg("gaps2.sampled.pairs", g.examined, box, g.covering));
  else if (g.coverage == rules::GapReport::Coverage::kValues)
    t.notes.push_back(diag::msg("gaps2.sampled.values", g.examined, box));
  else if (g.coverage == rules::GapReport::Coverage::kSome)
    t.notes.push_back(diag::msg("gaps2.sampled.some", g.examined, box));
  if (translated) t.notes.push_back(diag::msg("explain.translation_note"));
  return t;
}

int cmd_check(Context& ctx) {
  auto sets = compile_all(ctx, load_named(ctx));
  report::ResultTable t;
  t.title = diag::msg("check.title");
  t.name = "check";  // CSV: each table in its own file (--out FILE.csv, FILE-gaps-....csv)
  t.columns = {{"rule_set", diag::msg("col.rule_set")}, {"file", diag::msg("col.file")},
               {"kind", diag::msg("col.kind")}, {"status", diag::msg("col.status")},
               {"in_force", diag::msg("col.in_force")}, {"parameters", diag::msg("col.parameters"), report::Align::kRight},
               {"unknown_parameters", diag::msg("col.unknown_parameters"), report::Align::kRight},
               {"criteria", diag::msg("col.criteria"), report::Align::kRight},
               {"unknown_clauses", diag::msg("col.unknown_clauses"), report::Align::kRight},
               {"tests", diag::msg("col.tests"), report::Align::kRight}};
  std::vector<report::ResultTable> tables;
  for (const auto& rs : sets) {
    int unknown_params = 0, unknown_clauses = 0;
    for (const auto& p : rs->parameters) unknown_params += !p.known();
    for (const auto& n : rs->nodes) unknown_clauses += n.kind == rules::Node::Kind::kUnknown;
    t.add_row({report::text(rs->id), report::text(rs->path), report::text(diag::term("ruleset", rs->kind)), report::text(diag::word("status", rs->status)),
               report::text(rs->period_text()), report::number(static_cast<double>(rs->parameters.size())),
               report::number(static_cast<double>(unknown_params)), report::number(static_cast<double>(rs->criteria.size())),
               report::number(static_cast<double>(unknown_clauses)), report::number(static_cast<double>(rs->tests.size()))});
  }
  size_t warnings = ctx.library().warnings().size();
  t.notes.push_back(warnings ? diag::msg("check.ok_warnings", sets.size(), warnings) : diag::msg("check.ok", sets.size()));
  tables.push_back(std::move(t));
  if (ctx.options().params)
    for (const auto& rs : sets) {
      tables.push_back(parameter_table(*rs));
      tables.back().name = "parameters-" + rs->id;
    }
  if (ctx.options().gaps) {
    const std::string& wanted = ctx.options().classification;
    bool found = wanted.empty();
    for (const auto& rs : sets) found = found || rs->find_classification(wanted);
    if (!found && !sets.empty()) check_classification(wanted, *sets.front());  // throws, at --classification
    for (const auto& rs : sets) {
      for (const auto& c : rs->classifications) {
        if (!ctx.options().classification.empty() && c.name != ctx.options().classification) continue;
        int y = ctx.options().year.value_or(rules::default_test_year(*rs));
        // The classification by its title ("Khu vực"); its name with --codes or without a title.
        const std::string shown = diag::codes() ? c.name : diag::pick(c.title.vi, c.title.en, c.name);
        tables.push_back(gap_table(rules::search_gaps(rs, c, y, ctx.options().cap), rs->id, shown,
                                    ctx.format() != report::Format::kTable, ctx.options().codes));
        tables.back().name = "gaps-" + rs->id + "-" + c.name;
      }
    }
  }
  ctx.emit(tables);
  return 0;
}

int cmd_test(Context& ctx) {
  auto sets = compile_all(ctx, load_named(ctx));
  std::string out;
  int passed = 0, failed = 0;
  std::vector<diag::Diagnostic> problems;
  // The rule set that classifies a year, for targets that count a class ("region:III").
  auto classifier = [&ctx](int y) -> std::shared_ptr<const rules::RuleSet> {
    try {
      return ctx.library().in_force("commune-region", y);
    } catch (const diag::InputError&) {
      return nullptr;
    }
  };
  for (const auto& rs : sets) {
    std::vector<rules::TestOutcome> results;
    try {
      results = rules::run_tests(rs, classifier);
    } catch (const diag::InputError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
      continue;
    }
    int p = 0, f = 0;
    std::string failures;
    for (const auto& r : results) {
      if (r.passed) { ++p; continue; }
      ++f;
      std::string where = r.loc.file ? fmt::format("{}:{}", r.loc.file->path, r.loc.line) : rs->path;
      failures += diag::msg("test.failed", where, r.name) + "\n";
      for (const auto& line : r.failures) failures += "    " + line + "\n";
    }
    // A rule file without a case would count as passing while checking nothing: it fails.
    if (results.empty()) {
      failures += diag::msg("test.no_cases", rs->path, rs->id) + "\n    " + diag::msg("test.no_cases.hint") + "\n";
      f = 1;
    }
    out += diag::msg("test.file_summary", rs->id, p, f) + "\n" + failures;
    passed += p;
    failed += f;
  }
  if (!problems.empty()) throw diag::InputError(problems);
  out += diag::msg("test.total", passed, failed) + "\n";
  ctx.emit(out);
  return failed > 0 ? 1 : 0;
}

}  // namespace lotrinh::cli
