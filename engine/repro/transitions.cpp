#include "repro/transitions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/words.h"
#include "rules/evaluation.h"
#include "rules/explanation.h"

namespace lotrinh::repro {
namespace {

using rules::Node;
using rules::Truth;

constexpr size_t kMaxReasons = 3;

// The clauses that decide node `n` for unit i: for a false `all` or a true `any`, the first
// child with that result; otherwise every child with the node's result. Leaves give their
// values and margin, unknown clauses their note.
void reasons(rules::Workspace& ev, int n, size_t i, std::vector<std::string>& out) {
  if (out.size() >= kMaxReasons) return;
  const rules::RuleSet& rs = ev.rules();
  const Node& nd = rs.nodes[n];
  Truth t = ev.node(n, i);
  switch (nd.kind) {
    case Node::Kind::kRef:
      reasons(ev, rs.criteria[nd.ref].root, i, out);
      return;
    case Node::Kind::kLeaf: {
      std::string d = rules::leaf_detail(ev, n, i);
      std::string line = d.empty() ? nd.text : d;
      if (std::find(out.begin(), out.end(), line) == out.end()) out.push_back(line);
      return;
    }
    case Node::Kind::kUnknown: {
      // Under words, the clause's Vietnamese title ("(c) điều kiện 2 trong 6: chưa tìm thấy văn bản").
      std::string note = diag::pick(nd.title.vi, nd.note);
      if (std::find(out.begin(), out.end(), note) == out.end()) out.push_back(note);
      return;
    }
    default:
      break;
  }
  bool first_only = (nd.kind == Node::Kind::kAll && t == rules::kFalse) || (nd.kind == Node::Kind::kAny && t == rules::kTrue);
  for (int c : nd.children) {
    Truth ct = ev.node(c, i);
    bool same = nd.kind == Node::Kind::kNot ? true : ct == t;
    if (!same) continue;
    reasons(ev, c, i, out);
    if (first_only) return;
  }
}

std::string why(rules::Workspace& ev, int root, size_t i) {
  std::vector<std::string> out;
  reasons(ev, root, i, out);
  std::string s;
  for (const auto& r : out) s += (s.empty() ? "" : "; ") + r;
  return s;
}

std::string change_word(bool has_before, bool has_after, Truth before, Truth after) {
  if (!has_after) return "ended";
  if (after == rules::kUnknown) return "unknown";
  if (!has_before || before == rules::kUnknown) return after == rules::kTrue ? "iii-now" : "not-iii-now";
  if (before == rules::kTrue) return after == rules::kTrue ? "stayed" : "left";
  return after == rules::kTrue ? "entered" : "outside";
}

void require(const rules::RuleSet& rs, const TransitionSpec& spec) {
  if (rs.find_classification(spec.classification) && rs.find_criterion(spec.criterion)) return;
  throw diag::InputError(diag::error_about(rs.path, diag::msg("repro.tr.no_criterion", rs.id, spec.classification, spec.criterion),
                                           diag::msg("repro.tr.no_criterion.hint")));
}

// Member flag per row of the year (NaN counts as not a member).
std::map<std::string, size_t> members(const data::CommuneTable& table, const std::vector<size_t>& rows,
                                      const std::vector<double>& flag, std::vector<std::string>& order) {
  std::map<std::string, size_t> at;
  for (size_t k = 0; k < rows.size(); ++k) {
    at[table.unit[rows[k]]] = k;
    if (flag[rows[k]] == 1 && std::find(order.begin(), order.end(), table.unit[rows[k]]) == order.end())
      order.push_back(table.unit[rows[k]]);
  }
  return at;
}

struct Tally {
  int yes = 0, no = 0, unknown = 0, total = 0;
};

}  // namespace

Transitions region_transitions(const data::CommuneTable& table, std::shared_ptr<const rules::RuleSet> before,
                               int before_year, std::shared_ptr<const rules::RuleSet> after, int after_year,
                               const TransitionSpec& spec) {
  require(*before, spec);
  require(*after, spec);
  const std::vector<double>* flag = table.column(spec.member);
  if (!flag)
    throw diag::InputError(diag::error_about(table.path, diag::msg("repro.tr.no_member", spec.member), diag::msg("repro.tr.no_member.hint")));
  Transitions out;
  // A rule set as a planner reads it: under words, the law it restates (its `source`), else its id.
  auto law = [](const rules::RuleSet& rs) { return diag::words() && !rs.source.empty() ? rs.source : rs.id; };
  out.before_id = law(*before);
  out.after_id = law(*after);
  out.before_year = before_year;
  out.after_year = after_year;

  std::vector<size_t> rows1 = table.rows_in_year(before_year), rows2 = table.rows_in_year(after_year);
  auto store1 = std::make_shared<std::map<std::string, std::vector<double>>>();
  auto store2 = std::make_shared<std::map<std::string, std::vector<double>>>();
  rules::Evaluation e1(before, rules::table_inputs(table, rows1, store1), before_year);
  rules::Evaluation e2(after, rules::table_inputs(table, rows2, store2), after_year);
  const rules::Classification& c1 = *before->find_classification(spec.classification);
  const rules::Classification& c2 = *after->find_classification(spec.classification);
  int root1 = before->find_criterion(spec.criterion)->root;
  int root2 = after->find_criterion(spec.criterion)->root;

  std::vector<std::string> order;
  auto at1 = members(table, rows1, *flag, order);
  auto at2 = members(table, rows2, *flag, order);
  Tally t1, t2;
  for (const auto& unit : order) {
    TransitionRow r;
    r.unit = unit;
    auto i1 = at1.find(unit);
    auto i2 = at2.find(unit);
    size_t any_row = i2 != at2.end() ? rows2[i2->second] : rows1[i1->second];
    r.name = table.name[any_row];
    r.district = table.district[any_row];
    Truth b = rules::kUnknown, a = rules::kUnknown;
    if (i1 != at1.end()) {
      size_t i = i1->second;
      r.member_before = (*flag)[rows1[i]] == 1;
      r.class_before = e1.class_name(c1, i);
      r.class_before_title = c1.class_title(r.class_before);
      b = e1.criterion(spec.criterion, i);
      r.why_before = why(e1, root1, i);
      if (r.member_before) {
        ++t1.total;
        (b == rules::kTrue ? t1.yes : b == rules::kFalse ? t1.no : t1.unknown)++;
      }
    }
    if (i2 != at2.end()) {
      size_t i = i2->second;
      r.member_after = (*flag)[rows2[i]] == 1;
      r.class_after = e2.class_name(c2, i);
      r.class_after_title = c2.class_title(r.class_after);
      a = e2.criterion(spec.criterion, i);
      r.why_after = why(e2, root2, i);
      if (r.member_after) {
        ++t2.total;
        (a == rules::kTrue ? t2.yes : a == rules::kFalse ? t2.no : t2.unknown)++;
      }
    }
    r.change = change_word(i1 != at1.end(), i2 != at2.end(), b, a);
    out.counts[r.change]++;
    out.rows.push_back(std::move(r));
  }

  auto& n = out.notes;
  // The member flag and the criterion as a planner reads them: by their names under words.
  std::string member = spec.member + " = 1";
  if (diag::words() && after->catalogue)
    if (const data::Indicator* ind = after->catalogue->find(spec.member))
      if (!ind->name_vi.empty()) member = ind->name_vi + " = " + diag::msg("repro.expr.yes");
  auto criterion = [&](const rules::RuleSet& rs) {
    const rules::Criterion* c = rs.find_criterion(spec.criterion);
    return diag::words() && c ? diag::pick(c->title.vi, c->title.en, c->name) : spec.criterion;
  };
  n.push_back(diag::msg("repro.tr.note.members", order.size(), member, before_year, after_year, t1.total, t2.total));
  n.push_back(diag::msg("repro.tr.note.tally", out.before_id, before_year, criterion(*before), t1.yes, t1.no, t1.unknown, t1.total));
  n.push_back(diag::msg("repro.tr.note.tally", out.after_id, after_year, criterion(*after), t2.yes, t2.no, t2.unknown, t2.total));
  if (t1.unknown > 0 || t2.unknown > 0) n.push_back(diag::msg("repro.tr.note.unknown", before_year, after_year));
  auto count = [&](const char* w) { return out.counts.count(w) ? out.counts.at(w) : 0; };
  n.push_back(diag::msg("repro.tr.note.changes", count("left"), count("stayed"), count("entered"), count("outside"),
                        count("iii-now"), count("not-iii-now"), count("unknown"), count("ended")));
  n.push_back(diag::msg("repro.tr.note.words"));
  if (spec.reported_left && spec.reported_of) {
    double left = *spec.reported_left, of = *spec.reported_of;
    n.push_back(diag::msg("repro.tr.note.report", spec.reported_where, left, of, of - left, out.after_id, after_year, t2.no, t2.yes,
                          t2.unknown, t2.total));
    if (t2.no == left && t2.yes == of - left && t2.unknown == 0) n.push_back(diag::msg("repro.tr.note.agree"));
    else n.push_back(diag::msg("repro.tr.note.differ", out.after_id, out.before_id, before_year, after_year, count("left")));
  }
  return out;
}

}  // namespace lotrinh::repro
