#include "rules/target_check.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/words.h"
#include "rules/workspace.h"

namespace lotrinh::rules {
namespace {

// Values of a target's operand for every unit of a workspace (NaN: missing or unknown).
std::vector<double> values_of(Workspace& ws, const TargetOperand& o) {
  if (o.expr) return ws.evaluate(*o.expr);
  std::vector<double> out(ws.size(), NAN);
  if (o.criterion < 0) return out;
  const int root = ws.rules().criteria[o.criterion].root;
  for (size_t i = 0; i < ws.size(); ++i) {
    Truth t = ws.node(root, i);
    out[i] = t == kUnknown ? NAN : (t == kTrue ? 1.0 : 0.0);
  }
  return out;
}

// The identifiers of an expression, in order of first appearance.
std::vector<std::string> identifiers(const std::string& text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isalpha(c) || c == '_') {
      size_t j = i;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
      out.push_back(text.substr(i, j - i));
      i = j;
    } else if (std::isdigit(c) || c == '.') {
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
    } else {
      ++i;
    }
  }
  return out;
}

// True when `text` is one identifier, blanks around it aside.
bool single_identifier(const std::string& text, std::string* name) {
  auto ids = identifiers(text);
  if (ids.size() != 1) return false;
  auto b = text.find_first_not_of(" \t"), e = text.find_last_not_of(" \t");
  if (b == std::string::npos || text.substr(b, e - b + 1) != ids[0]) return false;
  *name = ids[0];
  return true;
}

// "Poverty rate" -> "poverty rate" inside a sentence (not "EM ..." nor a Vietnamese "Đ" before
// a capital).
std::string lower_first(std::string s) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (s.size() >= 2 && upper(s[0]) && !upper(s[1])) s[0] = static_cast<char>(s[0] - 'A' + 'a');
  else if (s.size() >= 3 && s.compare(0, 2, "\xC4\x90") == 0 && !upper(s[2])) s[1] = '\x91';
  return s;
}

// The unit of an indicator or alias (the alias resolved for `year`); empty when unknown.
std::string unit_of(const std::string& name, const data::Catalogue* catalogue, int year) {
  if (!catalogue) return "";
  const data::Indicator* ind = catalogue->find(catalogue->resolve(name, year).value_or(name));
  return ind ? ind->unit : "";
}

// An operand as a planner reads it: an indicator's, alias's or criterion's title; else the
// expression as written.
std::string operand_words(const std::string& text, const RuleSet& rs) {
  std::string name;
  if (!single_identifier(text, &name)) return text;
  if (const Criterion* c = rs.find_criterion(name)) return lower_first(diag::pick(c->title.vi, c->title.en, name));
  if (!rs.catalogue) return text;
  if (const data::Indicator* ind = rs.catalogue->find(name)) return lower_first(diag::pick(ind->name_vi, ind->name_en, name));
  if (const data::Alias* a = rs.catalogue->find_alias(name)) return lower_first(diag::pick(a->name_vi, a->name_en, name));
  return text;
}

}  // namespace

MeasureUnit measure_unit(const config::TargetDecl& t, const data::Catalogue* catalogue, int year) {
  if (t.aggregate == "share") return MeasureUnit::kFraction;
  if (t.aggregate == "count") return MeasureUnit::kCount;
  if (!t.of) return MeasureUnit::kPlain;
  std::string name;
  if (single_identifier(t.of->text, &name)) return unit_of(name, catalogue, year) == "fraction" ? MeasureUnit::kFraction : MeasureUnit::kPlain;
  // "a / b" of two indicators in the same unit (poor households over households): a fraction.
  auto slash = t.of->text.find('/');
  std::string a, b;
  if (slash != std::string::npos && single_identifier(t.of->text.substr(0, slash), &a) &&
      single_identifier(t.of->text.substr(slash + 1), &b)) {
    const std::string ua = unit_of(a, catalogue, year), ub = unit_of(b, catalogue, year);
    if (!ua.empty() && ua == ub && ua != "fraction") return MeasureUnit::kFraction;
  }
  return MeasureUnit::kPlain;
}

std::string measure_text(const config::TargetDecl& t, const std::vector<int>& years, const RuleSet& rs,
                         const Classification* classes) {
  const std::string what = t.of ? t.of->text : t.class_ref;
  auto year_text = [](int y) { return std::to_string(y); };
  if (diag::codes()) {
    std::string m = t.aggregate + " " + what;
    if (years.size() == 2 && !t.change.empty()) return m + fmt::format(", {} {}-{}", t.change, years[0], years[1]);
    return years.empty() ? m : m + ", " + year_text(years[0]);
  }
  // Counts and shares are of units: communes, or villages for a village rule set.
  const std::string units = rs.level == "village" ? "village" : "commune";
  std::string m;
  if (!t.of && !t.class_ref.empty()) {
    const std::string cls = t.class_ref.substr(t.class_ref.find(':') + 1);
    const std::string title = classes ? classes->class_title(cls) : cls;
    m = diag::msg("measure." + t.aggregate + "_class." + units, title);
  } else {
    const std::string of = t.of ? operand_words(t.of->text, rs) : "";
    if (t.aggregate == "count" || t.aggregate == "share") m = diag::msg("measure." + t.aggregate + "." + units, of);
    else if (t.aggregate == "weighted_mean" && t.weight) m = diag::msg("measure.weighted_mean", of, operand_words(t.weight->text, rs));
    else if (t.aggregate == "weighted_mean") m = diag::msg("measure.mean", of);
    else m = diag::msg("measure." + t.aggregate, of);
  }
  if (years.size() == 2 && !t.change.empty()) return diag::msg("measure.change." + t.change, m, year_text(years[0]), year_text(years[1]));
  return years.empty() ? m : diag::msg("measure.year", m, year_text(years[0]));
}

bool mentions_name(const std::string& text, const std::string& word) {
  auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    bool left = at == 0 || !ident(text[at - 1]);
    bool right = at + word.size() >= text.size() || !ident(text[at + word.size()]);
    if (left && right) return true;
  }
  return false;
}

bool target_met(const std::string& op, double a, double b) {
  if (op == "<") return a < b;
  if (op == "<=") return a <= b;
  if (op == ">") return a > b;
  if (op == ">=") return a >= b;
  return std::fabs(a - b) < 1e-12;
}

GroupAggregate aggregate_group(const std::string& a, const double* x, const double* w, const size_t* m, size_t size) {
  GroupAggregate out;
  double sum = 0, wsum = 0, mn = INFINITY, mx = -INFINITY;
  int count = 0;
  for (size_t k = 0; k < size; ++k) {
    const size_t i = m[k];
    const double wi = w ? w[i] : 1.0;
    if (std::isnan(x[i]) || std::isnan(wi)) { ++out.missing; continue; }
    sum += x[i];
    wsum += wi;
    mn = std::min(mn, x[i]);
    mx = std::max(mx, x[i]);
    count += x[i] != 0;
  }
  double v = NAN;
  if (out.missing == 0 && size > 0) {
    if (a == "mean") v = sum / static_cast<double>(size);
    else if (a == "sum") v = sum;
    else if (a == "count") v = count;
    else if (a == "share") v = static_cast<double>(count) / static_cast<double>(size);
    else if (a == "min") v = mn;
    else if (a == "max") v = mx;
    else if (a == "weighted_mean") {
      double ws = 0;
      for (size_t k = 0; k < size; ++k) ws += x[m[k]] * (w ? w[m[k]] : 1.0);
      v = wsum > 0 ? ws / wsum : NAN;
    }
  } else if (size == 0 && (a == "count" || a == "sum")) {
    v = 0;
  }
  // Rounded like derived values (see round_to_12_digits), for `targets` and the simulator alike.
  out.value = round_to_12_digits(v);
  return out;
}

double target_measure(const config::TargetDecl& t, double a, double b) {
  if (t.change.empty() || t.years.size() != 2) return a;
  if (t.change == "per_year") return (b - a) / (t.years[1] - t.years[0]);
  if (t.change == "difference") return b - a;
  if (t.change == "ratio") return a != 0 ? b / a : NAN;
  return NAN;
}

std::vector<TargetResult> check_targets(const std::shared_ptr<const RuleSet>& targets, const data::CommuneTable& table,
                                        int data_year, const RuleSetForYear& classifier, const Overrides& overrides) {
  std::vector<TargetResult> out;
  diag::DiagnosticSink sink;
  Workspace ws(targets);
  for (size_t ti = 0; ti < targets->targets.size(); ++ti) {
    const config::TargetDecl& t = targets->targets[ti];
    const CompiledTarget& ct = targets->compiled_targets[ti];
    std::vector<int> years = t.years;
    if (years.empty()) years.push_back(data_year);
    // group -> year -> (aggregate, units)
    std::map<std::string, std::map<int, std::pair<double, int>>> agg;
    std::set<std::string> groups;
    std::string why;
    for (int y : years) {
      std::vector<size_t> rows = table.rows_in_year(y);
      if (rows.empty()) {
        why = diag::msg("targets.no_data_year", y);
        continue;
      }
      auto storage = std::make_shared<std::map<std::string, std::vector<double>>>();
      Inputs in = table_inputs(table, rows, storage);
      ws.reset(in, y, overrides, /*check_year=*/false);
      std::vector<double> x(rows.size(), 1.0), w(rows.size(), 1.0), keep(rows.size(), 1.0);
      if (ct.of) x = values_of(ws, *ct.of);
      if (!t.class_ref.empty()) {
        auto colon = t.class_ref.find(':');
        std::string cname = t.class_ref.substr(0, colon), cls = t.class_ref.substr(colon + 1);
        auto rs = classifier(y);
        const Classification* c = rs ? rs->find_classification(cname) : nullptr;
        if (!c) {
          sink.error(t.loc, diag::msg("targets.no_classification", cname, y), diag::msg("targets.no_classification.hint"));
          continue;
        }
        Evaluation cev(rs, in, y, {});
        for (size_t i = 0; i < rows.size(); ++i) {
          std::string got = cev.class_name(*c, i);
          x[i] = got == "unknown" ? NAN : (got == cls ? 1.0 : 0.0);
        }
      }
      if (ct.weight) w = values_of(ws, *ct.weight);
      if (ct.where) keep = values_of(ws, *ct.where);
      // Units by group (the province, or their district); a group whose units the `where`
      // filter drops entirely still gets a row (a count of 0).
      std::map<std::string, std::vector<size_t>> members;
      for (size_t i = 0; i < rows.size(); ++i) {
        std::string g = t.level == "district" ? table.district[rows[i]] : diag::msg("targets.province");
        groups.insert(g);
        if (!std::isnan(keep[i]) && keep[i] != 0) members[g].push_back(i);
      }
      for (const auto& g : groups) {
        const auto& m = members[g];
        const GroupAggregate ga = aggregate_group(t.aggregate, x.data(), w.data(), m.data(), m.size());
        const double v = ga.value;
        if (std::isnan(v) && ga.missing > 0) why = diag::msg("targets.missing_values", ga.missing, y);
        agg[g][y] = {v, static_cast<int>(m.size())};
      }
    }
    // The class titles of a class reference: the classification of the last year's rule set.
    const Classification* classes = nullptr;
    std::shared_ptr<const RuleSet> class_rules;
    if (!t.class_ref.empty()) {
      class_rules = classifier(years.back());
      if (class_rules) classes = class_rules->find_classification(t.class_ref.substr(0, t.class_ref.find(':')));
    }
    for (const auto& g : groups) {
      TargetResult r;
      r.index = ti;
      r.id = t.id;
      r.title = diag::lang() == diag::Lang::kVi && !t.title.vi.empty() ? t.title.vi : t.title.en;
      r.group = g;
      r.compare = t.compare;
      r.target_value = t.value;
      r.measure = measure_text(t, years, *targets, classes);
      double v = NAN;
      if (!t.change.empty() && years.size() == 2) {
        double a = agg[g].count(years[0]) ? agg[g][years[0]].first : NAN;
        double b = agg[g].count(years[1]) ? agg[g][years[1]].first : NAN;
        v = target_measure(t, a, b);
        r.units = agg[g].count(years[1]) ? agg[g][years[1]].second : 0;
      } else {
        auto& p = agg[g][years[0]];
        v = p.first;
        r.units = p.second;
      }
      // Rounded like derived values: a fall from 0.35 to 0.19 over 4 years is -0.04, not
      // -0.039999999999999994, and meets a target of -0.04.
      r.computed = round_to_12_digits(v);
      v = r.computed;
      // A change between two years read through an alias that resolves to different indicators
      // (two poverty standards) compares different series: say so.
      if (t.of && years.size() == 2)
        for (const auto& [alias_id, alias] : targets->catalogue->aliases()) {
          if (!mentions_name(t.of->text, alias_id)) continue;
          auto a = targets->catalogue->resolve(alias_id, years[0]), b = targets->catalogue->resolve(alias_id, years[1]);
          if (a && b && *a != *b) r.detail += diag::msg("targets.across_break", alias_id, *a, years[0], *b, years[1]) + "; ";
        }
      std::string reported;
      if (!t.reported_outcome.empty()) reported = diag::msg("targets.reported", diag::pick(t.reported_outcome_vi, t.reported_outcome), diag::pick(t.reported_source_vi, t.reported_source));
      if (!t.value) {
        r.status = "no-value";
        r.reason = diag::msg("targets.value_unknown");
        r.detail += diag::msg("targets.value_unknown") + (reported.empty() ? "" : "; " + reported);
      } else if (std::isnan(v)) {
        r.status = "unknown";
        r.reason = why.empty() ? diag::msg("targets.cannot_compute") : why;
        r.detail += r.reason;
        if (!reported.empty()) r.detail += "; " + reported;
      } else {
        r.status = target_met(t.compare, v, *t.value) ? "met" : "not-met";
        r.detail += reported;
      }
      if (!t.source.empty()) r.detail += (r.detail.empty() || r.detail.ends_with("; ") ? "" : "; ") + diag::pick(t.source_vi, t.source);
      if (r.detail.ends_with("; ")) r.detail.resize(r.detail.size() - 2);
      out.push_back(std::move(r));
    }
  }
  sink.throw_if_errors();
  return out;
}

}  // namespace lotrinh::rules
