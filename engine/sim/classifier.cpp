#include "sim/classifier.h"

#include <algorithm>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "rules/workspace.h"

namespace lotrinh::sim {
namespace {

bool refers_to_criterion(const rules::RuleSet& rs, int node) {
  const rules::Node& n = rs.nodes[node];
  if (n.kind == rules::Node::Kind::kRef) return true;
  for (int c : n.children)
    if (refers_to_criterion(rs, c)) return true;
  return false;
}

// A private compiled copy of rule set `id`, with its extends chain.
std::shared_ptr<const rules::RuleSet> compile_copy(const rules::RuleLibrary& library, const std::string& id) {
  library.get(id);  // reports a missing id, a bad chain or a compile problem
  std::vector<const config::RuleFile*> chain;
  for (const config::RuleFile* f = library.file(id); f; f = f->extends ? library.file(*f->extends) : nullptr)
    chain.insert(chain.begin(), f);
  return rules::RuleSet::compile(chain, library.catalogue());
}

}  // namespace

Classifier::Classifier(const std::vector<config::ScenarioRules>& timeline, const std::string& classification,
                       const std::string& region_iii, const std::vector<std::string>& exclude,
                       const rules::RuleLibrary& library) {
  for (const auto& t : timeline) {
    Entry e{t.from, t.until, nullptr, nullptr, -1, {}, {}, nullptr};
    try {
      e.rules = compile_copy(library, t.id);
      e.workspace = std::make_unique<rules::Workspace>(e.rules);
    } catch (const diag::InputError& err) {
      throw diag::InputError(diag::error_at(t.loc, diag::msg("sim.rules.bad", t.id), err.diagnostics().front().message));
    }
    e.classification = e.rules->find_classification(classification);
    if (!e.classification)
      throw diag::InputError(diag::error_at(t.loc, diag::msg("sim.rules.no_classification", t.id, classification), diag::msg("sim.rules.no_classification.hint")));
    int when = -1;
    for (size_t i = 0; i < e.classification->order.size(); ++i)
      if (e.classification->order[i].cls == region_iii) {
        e.iii = static_cast<int>(i);
        when = e.classification->order[i].when;
      }
    if (e.iii < 0)
      throw diag::InputError(diag::error_at(t.loc, diag::msg("sim.rules.no_class", t.id, region_iii), diag::msg("sim.rules.no_classification.hint")));
    for (const auto& c : e.rules->criteria) {
      if (std::find(exclude.begin(), exclude.end(), c.name) != exclude.end()) continue;
      if (c.root == when || refers_to_criterion(*e.rules, c.root)) continue;
      e.candidates.push_back(c.name);
      e.candidate_roots.push_back(c.root);
    }
    entries_.push_back(std::move(e));
  }
}

int Classifier::entry_for(int year) const {
  for (size_t i = 0; i < entries_.size(); ++i)
    if (entries_[i].from <= year && year <= entries_[i].until) return static_cast<int>(i);
  return -1;
}

void Classifier::classify_with(int rules_year, int data_year, size_t n, const ColumnLookup& columns,
                               unsigned char* region_iii, int* holding) {
  classify_entry(entries_.at(static_cast<size_t>(entry_for(rules_year))), data_year, n, columns, region_iii, holding, nullptr);
}

void Classifier::classify(int year, size_t n, const ColumnLookup& columns, unsigned char* region_iii, int* holding,
                          std::vector<int>* classes) {
  classify_entry(entries_.at(static_cast<size_t>(entry_for(year))), year, n, columns, region_iii, holding, classes);
}

void Classifier::classify_entry(Entry& e, int year, size_t n, const ColumnLookup& columns, unsigned char* region_iii,
                                int* holding, std::vector<int>* classes) {
  rules::Inputs in;
  in.n = n;
  in.column = columns;
  rules::Workspace& ev = *e.workspace;
  ev.reset(std::move(in), year, {}, false);
  const std::vector<int>& cls = ev.classes(*e.classification);
  if (classes) *classes = cls;
  bool any_iii = false;
  for (size_t c = 0; c < n; ++c) {
    region_iii[c] = cls[c] == e.iii ? 1 : cls[c] < 0 ? 2 : 0;
    holding[c] = -1;
    any_iii = any_iii || region_iii[c] == 1;
  }
  if (!any_iii) return;
  columns_.resize(e.candidate_roots.size());
  for (size_t k = 0; k < e.candidate_roots.size(); ++k) columns_[k] = ev.node(e.candidate_roots[k]);
  for (size_t c = 0; c < n; ++c) {
    if (region_iii[c] != 1) continue;
    for (size_t k = 0; k < columns_.size(); ++k)
      if (columns_[k][c] == rules::kTrue) {
        holding[c] = static_cast<int>(k);
        break;
      }
  }
}

const std::vector<std::string>& Classifier::criteria_names(int year) const {
  return entries_.at(static_cast<size_t>(entry_for(year))).candidates;
}

std::vector<std::string> Classifier::criteria_titles_vi(int year) const {
  const Entry& e = entries_.at(static_cast<size_t>(entry_for(year)));
  std::vector<std::string> out;
  for (const auto& name : e.candidates) {
    const rules::Criterion* c = e.rules->find_criterion(name);
    out.push_back(c ? c->title.vi : std::string());
  }
  return out;
}

std::vector<std::string> Classifier::criteria_titles_en(int year) const {
  const Entry& e = entries_.at(static_cast<size_t>(entry_for(year)));
  std::vector<std::string> out;
  for (const auto& name : e.candidates) {
    const rules::Criterion* c = e.rules->find_criterion(name);
    out.push_back(c ? c->title.en : std::string());
  }
  return out;
}

std::vector<std::string> Classifier::class_names(int year) const {
  std::vector<std::string> out;
  for (const auto& r : entries_.at(static_cast<size_t>(entry_for(year))).classification->order) out.push_back(r.cls);
  return out;
}

std::string Classifier::rules_id(int year) const { return entries_.at(static_cast<size_t>(entry_for(year))).rules->id; }
std::string Classifier::rules_title(int year) const {
  return entries_.at(static_cast<size_t>(entry_for(year))).rules->display_title();
}

}  // namespace lotrinh::sim
