#include "sim/target_tracker.h"

#include <cmath>

#include "rules/target_check.h"
#include "rules/workspace.h"

namespace lotrinh::sim {
namespace {

// The n values of a target operand (an expression, or a criterion as 1, 0 or NaN).
void operand_values(rules::Workspace& ws, const rules::TargetOperand& o, size_t n, std::vector<double>& out) {
  out.resize(n);
  if (o.expr) {
    ws.evaluate(*o.expr, out.data());
    return;
  }
  if (o.criterion < 0) {
    std::fill(out.begin(), out.end(), NAN);
    return;
  }
  const unsigned char* t = ws.node(ws.rules().criteria[static_cast<size_t>(o.criterion)].root);
  for (size_t i = 0; i < n; ++i) out[i] = t[i] == rules::kUnknown ? NAN : t[i] == rules::kTrue ? 1.0 : 0.0;
}

}  // namespace

void evaluate_target_year(const TargetCheck& c, size_t slot, rules::Workspace& ws, size_t n, const int* district,
                          const double* class_x, TargetBuffers& buf, double* value, size_t* why) {
  const rules::CompiledTarget& ct = c.rules->compiled_targets[c.index];
  const double* x = class_x;
  if (!c.counts_class) {
    if (ct.of) operand_values(ws, *ct.of, n, buf.x);
    else buf.x.assign(n, 1.0);
    x = buf.x.data();
  }
  const double* w = nullptr;
  if (ct.weight) {
    operand_values(ws, *ct.weight, n, buf.w);
    w = buf.w.data();
  }
  if (ct.where) operand_values(ws, *ct.where, n, buf.keep);
  buf.members.resize(c.groups);
  for (auto& m : buf.members) m.clear();
  for (size_t i = 0; i < n; ++i) {
    if (ct.where && (std::isnan(buf.keep[i]) || buf.keep[i] == 0)) continue;
    if (!c.district) buf.members[0].push_back(i);
    else if (district[i] >= 0 && static_cast<size_t>(district[i]) < c.groups) buf.members[static_cast<size_t>(district[i])].push_back(i);
  }
  const std::string& aggregate = c.decl().aggregate;
  for (size_t g = 0; g < c.groups; ++g) {
    const auto& m = buf.members[g];
    const rules::GroupAggregate a = rules::aggregate_group(aggregate, x, w, m.data(), m.size());
    value[g] = a.value;
    if (!std::isnan(a.value)) continue;
    why[g] = a.missing > 0 ? kTargetMissing0 + slot : m.empty() ? kTargetEmpty0 + slot : kTargetUndefined;
  }
}

TargetTracker::TargetTracker(const std::vector<TargetCheck>& checks, int start_year, int years)
    : checks_(checks), start_year_(start_year) {
  needs_.assign(static_cast<size_t>(years) + 1, 0);
  classes_ = needs_;
  for (const auto& c : checks_) {
    size_t w = 0;
    while (w < ws_.size() && &ws_[w]->rules() != c.rules.get()) ++w;
    if (w == ws_.size()) ws_.push_back(std::make_unique<rules::Workspace>(c.rules));
    ws_of_.push_back(w);
    value_.push_back(std::vector<std::vector<double>>(c.years.size(), std::vector<double>(c.groups, NAN)));
    why_.push_back(std::vector<std::vector<size_t>>(c.years.size(), std::vector<size_t>(c.groups, kTargetUndefined)));
    if (!c.fixed_reason.empty()) continue;
    for (size_t s = 0; s < c.years.size(); ++s) {
      if (!c.simulated[s]) continue;
      const size_t k = static_cast<size_t>(c.years[s] - start_year);
      needs_[k] = 1;
      if (c.counts_class && !c.region_iii) classes_[k] = 1;
    }
  }
  outcome_.assign(target_pairs(checks_), kTargetFixed);
}

void TargetTracker::observe(int k, size_t n, const ColumnLookup& columns, const int* district, const unsigned char* iii,
                            const std::vector<int>* classes) {
  const int year = start_year_ + k;
  std::vector<unsigned char>& reset = reset_;
  reset.assign(ws_.size(), 0);
  for (size_t i = 0; i < checks_.size(); ++i) {
    const TargetCheck& c = checks_[i];
    if (!c.fixed_reason.empty()) continue;
    for (size_t s = 0; s < c.years.size(); ++s) {
      if (!c.simulated[s] || c.years[s] != year) continue;
      rules::Workspace& ws = *ws_[ws_of_[i]];
      if (!reset[ws_of_[i]]) {
        rules::Inputs in;
        in.n = n;
        in.column = columns;
        ws.reset(std::move(in), year, {}, false);
        reset[ws_of_[i]] = 1;
      }
      const double* class_x = nullptr;
      if (c.counts_class) {
        class_x_.resize(n);
        for (size_t u = 0; u < n; ++u) {
          if (c.region_iii) class_x_[u] = iii[u] == 1 ? 1.0 : iii[u] == 2 ? NAN : 0.0;
          else {
            const int cls = classes ? (*classes)[u] : -1;
            class_x_[u] = cls < 0 ? NAN : cls == c.class_index[s] ? 1.0 : 0.0;
          }
        }
        class_x = class_x_.data();
      }
      evaluate_target_year(c, s, ws, n, district, class_x, buf_, value_[i][s].data(), why_[i][s].data());
    }
  }
}

void TargetTracker::finish(Aggregates& agg) {
  for (size_t i = 0; i < checks_.size(); ++i) {
    const TargetCheck& c = checks_[i];
    for (size_t g = 0; g < c.groups; ++g) {
      size_t out = kTargetFixed;
      if (c.fixed_reason.empty()) {
        double v[2] = {NAN, NAN};
        out = kTargetUndefined;
        bool known = true;
        for (size_t s = 0; s < c.years.size() && known; ++s) {
          v[s] = c.simulated[s] ? value_[i][s][g] : c.fixed[s][g];
          if (std::isnan(v[s])) {
            out = c.simulated[s] ? why_[i][s][g] : c.fixed_why[s][g];
            known = false;
          }
        }
        if (known) {
          const double m = rules::round_to_12_digits(rules::target_measure(c.decl(), v[0], v[1]));
          out = !std::isfinite(m) ? kTargetUndefined
                : rules::target_met(c.decl().compare, m, *c.decl().value) ? kTargetMet
                                                                          : kTargetNotMet;
        }
      }
      outcome_[c.first_pair + g] = out;
      ++agg.target(c.first_pair + g, out);
    }
  }
}

}  // namespace lotrinh::sim
