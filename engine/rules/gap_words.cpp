#include "rules/gap_words.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "diag/messages.h"
#include "diag/number_style.h"
#include "diag/words.h"

namespace lotrinh::rules {
namespace {

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

// "Poverty rate" -> "poverty rate", "Đã được" -> "đã được", but "EM share" stays.
std::string lower_first(std::string s) {
  if (s.size() >= 2 && ascii_upper(s[0]) && !ascii_upper(s[1])) s[0] = static_cast<char>(s[0] - 'A' + 'a');
  else if (s.size() >= 3 && s.compare(0, 2, "\xC4\x90") == 0 && !ascii_upper(s[2])) s[1] = '\x91';
  return s;
}

std::string upper_first(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  else if (s.compare(0, 2, "\xC4\x91") == 0) s[1] = '\x90';
  return s;
}

std::string num(double v) { return diag::local_number(fmt::format("{}", std::round(v * 1e8) / 1e8)); }

// A value of a unit as a planner reads it: a share as "15 %", a count with its unit.
std::string value_words(double v, const std::string& unit) {
  if (unit == "fraction") return num(v * 100) + " %";
  if (unit == "km" || unit == "households" || unit == "people" || (unit == "ratio" && diag::words()))
    return num(v) + " " + diag::word("unit", unit);
  return num(v);
}

// "a, b and c" in the current language.
std::string and_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i == 0) out = items[i];
    else if (i + 1 < items.size()) out += ", " + items[i];
    else out = diag::msg("gaps.and", out, items[i]);
  }
  return out;
}

// The name of variable v: the catalogue's name of the indicator read in the year (of the
// alias, where the catalogue has no name for it); the id with --codes.
std::string variable_words(const GapReport& rep, size_t v) {
  const RuleSet& rs = *rep.rules;
  const std::string& name = rep.variables[v];
  if (diag::codes() || !rs.catalogue) return name;
  std::string resolved = rs.catalogue->resolve(name, rep.year).value_or(name);
  if (const data::Indicator* ind = rs.catalogue->find(resolved); ind && (!ind->name_vi.empty() || !ind->name_en.empty()))
    return lower_first(diag::pick(ind->name_vi, ind->name_en, name));
  if (const data::Alias* a = rs.catalogue->find_alias(name)) return lower_first(diag::pick(a->name_vi, a->name_en, name));
  return name;
}

// One run of consecutive values examined: its bounds, each absent, inclusive or strict.
struct Bound {
  bool present = false;
  double value = 0;
  bool strict = false;
};
struct Run {
  Bound lo, hi;
};

// The runs of variable v in box b, relative to the values examined; empty when b takes them all.
std::vector<Run> runs(const GapReport& rep, const GapBox& b, size_t v) {
  const auto& seen = rep.seen[v];
  const auto& taken = b.values[v];
  if (taken.size() >= seen.size()) return {};
  const auto& cand = rep.candidates[v];
  const auto& thr = rep.thresholds[v];
  auto is_threshold = [&](double x) { return std::binary_search(thr.begin(), thr.end(), x); };
  std::vector<size_t> pos;
  for (int t : taken) pos.push_back(static_cast<size_t>(std::lower_bound(seen.begin(), seen.end(), t) - seen.begin()));
  std::vector<Run> out;
  for (size_t i = 0; i < pos.size();) {
    size_t j = i;
    while (j + 1 < pos.size() && pos[j + 1] == pos[j] + 1) ++j;
    Run r;
    size_t lo = static_cast<size_t>(seen[pos[i]]), hi = static_cast<size_t>(seen[pos[j]]);
    if (pos[i] > 0) {
      r.lo.present = true;
      if (is_threshold(cand[lo])) r.lo.value = cand[lo];
      else if (lo > 0 && is_threshold(cand[lo - 1])) r.lo = {true, cand[lo - 1], true};
      else r.lo.value = cand[lo];
    }
    if (pos[j] + 1 < seen.size()) {
      r.hi.present = true;
      if (is_threshold(cand[hi])) r.hi.value = cand[hi];
      else if (hi + 1 < cand.size() && is_threshold(cand[hi + 1])) r.hi = {true, cand[hi + 1], true};
      else r.hi.value = cand[hi];
    }
    out.push_back(r);
    i = j + 1;
  }
  return out;
}

bool is_flag(const GapReport& rep, size_t v) { return rep.rules->slots[rep.slots[v]].unit == "flag"; }


// The source of clause node n ("Điều 3 (a)"), "" when it has none or codes are asked for.
std::string clause_source(const RuleSet& rs, int n) {
  if (diag::codes()) return {};
  const Node& nd = rs.nodes[n];
  return nd.kind == Node::Kind::kRef ? rs.nodes[rs.criteria[nd.ref].root].source : nd.source;
}

// An undecided group in a sentence a planner reads to the end: one unknown clause named in
// full, two or three listed, more counted with the first named ("12 clauses of <source> whose
// content is not known (<the first's title>, and 11 more)"); the table's clauses column of a
// CSV or workbook lists them all.
std::string undecided_sentence(const GapReport& rep, const GapGroup& g, const std::string& subject, bool* translated) {
  const RuleSet& rs = *rep.rules;
  const auto& clauses = g.clauses.at(0);
  const std::string cls = class_label(rep, g.rules.at(0));
  std::vector<std::string> labels;
  if (clauses.size() <= 3) {
    for (int n : clauses) labels.push_back(clause_label(rs, n, translated));
    std::string list;
    for (const auto& l : labels) list += (list.empty() ? "" : "; ") + l;
    return clauses.size() == 1 ? diag::msg("gaps.undecided", subject, cls, list)
                               : diag::msg("gaps2.undecided.some", subject, cls, clauses.size(), list);
  }
  const std::string count = diag::local_number(std::to_string(clauses.size()));
  const std::string more = diag::local_number(std::to_string(clauses.size() - 1));
  std::string first = clause_label(rs, clauses.front(), translated), source = clause_source(rs, clauses.front());
  bool shared = !source.empty();
  for (int n : clauses) shared = shared && clause_source(rs, n) == source;
  // "<source>: <title>" with the source said once, before the list.
  if (shared && first.size() > source.size() + 2 && first.compare(0, source.size() + 2, source + ": ") == 0)
    return diag::msg("gaps2.undecided.many_of", subject, cls, count, source, first.substr(source.size() + 2), more);
  return diag::msg("gaps2.undecided.many", subject, cls, count, first, more);
}
}  // namespace

std::string range_words(const GapReport& rep, const GapBox& b, size_t v) {
  auto rs = runs(rep, b, v);
  if (rs.empty()) return {};
  std::string name = variable_words(rep, v);
  if (is_flag(rep, v) && b.values[v].size() == 1)
    return diag::msg(rep.candidates[v][b.values[v][0]] == 1 ? "gaps.flag.yes" : "gaps.flag.no", name);
  const std::string& unit = rep.rules->slots[rep.slots[v]].unit;
  std::string text;
  for (const auto& r : rs) {
    std::string lo = value_words(r.lo.value, unit), hi = value_words(r.hi.value, unit), part;
    if (r.lo.present && r.hi.present) {
      if (r.lo.value == r.hi.value && !r.lo.strict && !r.hi.strict) part = diag::msg("gaps.range.exactly", lo);
      else if (!r.lo.strict) part = diag::msg(r.hi.strict ? "gaps.range.from_under" : "gaps.range.from_to", lo, hi);
      else part = diag::msg(r.hi.strict ? "gaps.range.above_under" : "gaps.range.above_to", lo, hi);
    } else if (r.lo.present) {
      part = diag::msg(r.lo.strict ? "gaps.range.above" : "gaps.range.at_least", lo);
    } else {
      part = diag::msg(r.hi.strict ? "gaps.range.under" : "gaps.range.at_most", hi);
    }
    text = text.empty() ? part : diag::msg("gaps.or", text, part);
  }
  return diag::msg("gaps.cond", name, text);
}

std::string range_code(const GapReport& rep, const GapBox& b, size_t v) {
  auto rs = runs(rep, b, v);
  std::string out;
  for (const auto& r : rs) {
    std::string part;
    if (r.lo.present && r.hi.present && r.lo.value == r.hi.value && !r.lo.strict && !r.hi.strict)
      part = fmt::format("={}", r.lo.value);
    else
      part = (r.lo.present ? fmt::format("{}{}", r.lo.strict ? "(" : "[", r.lo.value) : std::string("(")) + "," +
             (r.hi.present ? fmt::format("{}{}", r.hi.value, r.hi.strict ? ")" : "]") : std::string(")"));
    out += (out.empty() ? "" : " or ") + part;
  }
  if (is_flag(rep, v) && b.values[v].size() == 1 && !rs.empty()) out = fmt::format("={}", rep.candidates[v][b.values[v][0]]);
  return out;
}

std::string clause_label(const RuleSet& rs, int n, bool* translated) {
  const Node& nd = rs.nodes[n];
  std::string source = nd.source, title;
  const config::Text* text = &nd.title;
  if (nd.kind == Node::Kind::kRef) {
    const Criterion& c = rs.criteria[nd.ref];
    if (diag::codes()) return c.name;
    source = rs.nodes[c.root].source;
    text = &c.title;
  } else if (diag::codes()) {
    return nd.kind == Node::Kind::kLeaf ? nd.text : rs.render_node(n);
  }
  title = diag::pick(text->vi, text->en);
  // An unknown clause with no English title: English readers get its `unknown` text (which says,
  // in English, what is not known) rather than the Vietnamese title.
  if (!diag::words() && text->en.empty()) {
    const Node& root = nd.kind == Node::Kind::kRef ? rs.nodes[rs.criteria[nd.ref].root] : nd;
    if (root.kind == Node::Kind::kUnknown && !root.note.empty()) title = root.note;
  }
  if (!title.empty() && title == text->vi && diag::words() && text->vi_translated) {
    title += "*";
    if (translated) *translated = true;
  }
  if (!source.empty() && !title.empty()) return source + ": " + title;
  if (!source.empty() || !title.empty()) return source + title;
  if (nd.kind == Node::Kind::kRef) return rs.criteria[nd.ref].name;
  return nd.kind == Node::Kind::kLeaf ? nd.text : rs.render_node(n);
}

std::string class_label(const GapReport& rep, int r) {
  const Classification* c = rep.rules->find_classification(rep.classification);
  if (!c || r < 0) return diag::word("class", "unknown");
  std::string head = diag::codes() ? c->name : lower_first(diag::pick(c->title.vi, c->title.en, c->name));
  return head + " " + diag::word("class", c->order[static_cast<size_t>(r)].cls);
}

std::string gap_sentence(const GapReport& rep, const GapGroup& g, const GapBox& b, bool* translated) {
  const RuleSet& rs = *rep.rules;
  // "A commune (in the Mekong Delta: yes; ...) with poverty rate under 10 % and ...": the flags
  // in brackets after the noun, the ranges after "with".
  std::vector<std::string> conds;
  std::string flags;
  for (size_t v = 0; v < rep.variables.size(); ++v) {
    std::string w = range_words(rep, b, v);
    if (w.empty()) continue;
    if (is_flag(rep, v)) flags += (flags.empty() ? "" : "; ") + w;
    else conds.push_back(std::move(w));
  }
  std::string level = rs.level == "commune" || rs.level == "village" ? rs.level : "other";
  std::string unit = diag::msg("gaps.unit." + level);
  std::string subject = diag::msg(conds.empty() && flags.empty() && b.exact ? "gaps.every" : "gaps.a", unit);
  if (!flags.empty()) subject += " (" + flags + ")";
  if (!conds.empty()) subject = diag::msg("gaps.with", subject, and_list(conds));
  // A class with the clauses that say why: "region III (Điều 3 (a): ...)".
  auto with_clauses = [&](size_t i) {
    std::string list;
    for (int n : g.clauses.at(i)) list += (list.empty() ? "" : "; ") + clause_label(rs, n, translated);
    return class_label(rep, g.rules.at(i)) + (list.empty() ? "" : " (" + list + ")");
  };
  std::string s;
  switch (g.kind) {
    case GapFinding::Kind::kOverlap: {
      std::vector<std::string> claims;
      for (size_t i = 0; i < g.rules.size(); ++i) claims.push_back(with_clauses(i));
      s = claims.size() == 2 ? diag::msg("gaps.overlap", subject, claims[0], claims[1], class_label(rep, g.decided))
                             : diag::msg("gaps.overlap_many", subject, and_list(claims), class_label(rep, g.decided));
      break;
    }
    case GapFinding::Kind::kGap: {
      const Classification* c = rs.find_classification(rep.classification);
      std::string name = !c ? rep.classification
                         : diag::codes() ? c->name
                                         : lower_first(diag::pick(c->title.vi, c->title.en, c->name));
      s = diag::msg("gaps.gap", subject, name);
      break;
    }
    case GapFinding::Kind::kAccident: {
      std::string list;
      for (int n : g.clauses.at(0)) list += (list.empty() ? "" : "; ") + clause_label(rs, n, translated);
      s = diag::msg("gaps.fallthrough", subject, class_label(rep, g.rules.at(0)), list);
      break;
    }
    case GapFinding::Kind::kUndecided: s = undecided_sentence(rep, g, subject, translated); break;
  }
  if (!b.exact) s += " " + diag::msg("gaps.not_box", diag::local_number(std::to_string(b.count)), unit);
  return upper_first(s);
}

}  // namespace lotrinh::rules
