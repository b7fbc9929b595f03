// lotrinh check, lotrinh test: validating rule files and running their embedded tests.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "report/render.h"
#include "rules/gap_search.h"
#include "rules/rule_tests.h"

namespace lotrinh::cli {
namespace {

// Loads the files the user named; returns their ids. All parse errors are thrown together.
std::vector<std::string> load_named(Context& ctx) {
  std::vector<std::string> paths = ctx.options().paths;
  if (paths.empty()) paths.push_back(home() + "/rules");
  ctx.library().load(paths, true);
  return ctx.library().selected();
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

report::ResultTable gap_table(const rules::GapReport& g, const std::string& rule_set, const std::string& classification) {
  report::ResultTable t;
  t.title = diag::msg("gaps.title", rule_set, classification);
  t.columns = {{"finding", diag::msg("gaps.col.finding")}, {"values", diag::msg("gaps.col.values")},
               {"detail", diag::msg("gaps.col.detail")}};
  for (const auto& f : g.examples) {
    std::string kind = f.kind == rules::GapFinding::Kind::kGap       ? "gap"
                       : f.kind == rules::GapFinding::Kind::kOverlap ? "overlap"
                       : f.kind == rules::GapFinding::Kind::kAccident ? "fallthrough"
                                                                      : "undecided";
    std::string vals;
    for (size_t i = 0; i < g.variables.size(); ++i)
      vals += (i ? ", " : "") + g.variables[i] + "=" + fmt::format("{}", f.values[i]);
    t.add_row({report::text(kind), report::text(vals), report::text(f.detail)});
  }
  t.notes.push_back(diag::msg("gaps.summary", g.examined, g.combinations, g.variables.size(), g.gaps, g.overlaps,
                              g.accidents, g.undecided));
  if (g.examined < g.combinations) t.notes.push_back(diag::msg("gaps.capped", g.examined, g.combinations));
  return t;
}

int cmd_check(Context& ctx) {
  auto sets = compile_all(ctx, load_named(ctx));
  report::ResultTable t;
  t.title = diag::msg("check.title");
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
    t.add_row({report::text(rs->id), report::text(rs->path), report::text(rs->kind), report::text(rs->status),
               report::text(rs->period_text()), report::number(static_cast<double>(rs->parameters.size())),
               report::number(static_cast<double>(unknown_params)), report::number(static_cast<double>(rs->criteria.size())),
               report::number(static_cast<double>(unknown_clauses)), report::number(static_cast<double>(rs->tests.size()))});
  }
  t.notes.push_back(diag::msg("check.ok", sets.size()));
  tables.push_back(std::move(t));
  if (ctx.options().gaps) {
    for (const auto& rs : sets) {
      for (const auto& c : rs->classifications) {
        if (!ctx.options().classification.empty() && c.name != ctx.options().classification) continue;
        int y = ctx.options().year.value_or(rules::default_test_year(*rs));
        tables.push_back(gap_table(rules::search_gaps(rs, c, y, ctx.options().cap), rs->id, c.name));
      }
    }
  }
  ctx.emit(report::render(tables, ctx.format()));
  return 0;
}

int cmd_test(Context& ctx) {
  auto sets = compile_all(ctx, load_named(ctx));
  std::string out;
  int passed = 0, failed = 0;
  std::vector<diag::Diagnostic> problems;
  for (const auto& rs : sets) {
    std::vector<rules::TestOutcome> results;
    try {
      results = rules::run_tests(rs);
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
