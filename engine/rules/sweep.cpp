#include "rules/sweep.h"

#include <fmt/format.h>

#include <cmath>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"

namespace lotrinh::rules {

std::vector<double> sweep_values(double from, double to, double step, double max_steps) {
  if (!(step > 0) || !(to >= from) || !std::isfinite(from) || !std::isfinite(step)) {
    diag::Diagnostic d;
    d.subject = "--step";
    d.message = diag::msg("sweep.bad_range", from, to, step);
    d.hint = diag::msg("sweep.bad_range.hint");
    throw diag::InputError(d);
  }
  // Counted in double: (to - from) / step may be far beyond any integer (or infinite).
  const double span = std::floor((to - from) / step + 1e-9);
  if (!(span + 1 <= max_steps)) {
    diag::Diagnostic d;
    d.subject = "--step";
    d.message = std::isfinite(span) ? diag::msg("sweep.too_many_steps", from, to, step, fmt::format("{:.4g}", span + 1), max_steps)
                                    : diag::msg("sweep.endless", from, to, step, max_steps);
    d.hint = diag::msg("sweep.too_many_steps.hint");
    throw diag::InputError(d);
  }
  std::vector<double> out;
  const size_t steps = static_cast<size_t>(span);  // at most max_steps - 1: checked above
  for (size_t k = 0; k <= steps; ++k) {
    const double v = from + static_cast<double>(k) * step;
    // 0.1 + 2 * 0.1 shown as 0.3; a large value (an amount of dong) is left as it is, where
    // rounding to 12 decimals would add noise instead of removing it.
    out.push_back(std::abs(v) < 1e6 ? std::round(v * 1e12) / 1e12 : v);
  }
  return out;
}

std::vector<SweepStep> sweep(const std::shared_ptr<const RuleSet>& rules, const Inputs& inputs, int year,
                             const Overrides& overrides, const std::string& classification,
                             const std::string& param, double from, double to, double step,
                             double max_steps) {
  const std::vector<double> values = sweep_values(from, to, step, max_steps);
  const Classification* c = rules->find_classification(classification);
  if (!c) {
    std::vector<std::string> names;
    for (const auto& x : rules->classifications) names.push_back(x.name);
    diag::Diagnostic d;
    d.subject = "--classification";
    d.message = diag::msg("sweep.no_classification", classification, rules->id);
    d.hint = diag::did_you_mean(classification, names);
    throw diag::InputError(d);
  }
  std::vector<SweepStep> out;
  std::vector<std::string> previous;
  Workspace ev(rules);  // one workspace for every step: parsers and buffers are kept
  for (double v : values) {
    Overrides o = overrides;
    o[param] = v;
    ev.reset(inputs, year, o);
    SweepStep s;
    s.value = v;
    for (const auto& r : c->order) s.counts[r.cls] = 0;
    std::vector<std::string> now(ev.size());
    for (size_t i = 0; i < ev.size(); ++i) {
      now[i] = ev.class_name(*c, i);
      ++s.counts[now[i]];
      if (!previous.empty() && previous[i] != now[i]) {
        s.flipped.push_back(i);
        s.flips.push_back(previous[i] + " -> " + now[i]);
      }
    }
    previous = std::move(now);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace lotrinh::rules
