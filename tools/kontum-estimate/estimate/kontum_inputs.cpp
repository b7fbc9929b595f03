#include "estimate/kontum_inputs.h"

#include <cmath>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "config/figures_reader.h"
#include "data/headed_csv.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/text_file.h"
#include "estimate/integer_fit.h"

namespace lotrinh::estimate {
namespace {

using diag::msg;
using I = std::int64_t;

// "10.29" -> 1029 with 2 decimals; exact (no floating point); empty when not a plain decimal or
// when it has more decimals than `decimals`.
std::optional<I> scaled(const std::string& text, int decimals) {
  I whole = 0, frac = 0;
  int seen = -1;  // decimals read after the point; -1 before it
  bool digit = false;
  for (char c : text) {
    if (c == '.' && seen < 0) {
      seen = 0;
    } else if (c >= '0' && c <= '9' && whole < (I{1} << 40)) {
      digit = true;
      if (seen < 0) {
        whole = whole * 10 + (c - '0');
      } else {
        if (++seen > decimals) return std::nullopt;
        frac = frac * 10 + (c - '0');
      }
    } else {
      return std::nullopt;
    }
  }
  if (!digit) return std::nullopt;
  for (int i = std::max(seen, 0); i < decimals; ++i) frac *= 10;
  I scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  return whole * scale + frac;
}

// bp printed with `decimals` decimals of a percent: 8100 at 0 -> "81", 7510 at 1 -> "75.1".
std::string percent_text(I bp, int decimals) {
  I q = 1;
  for (int i = decimals; i < 2; ++i) q *= 10;
  I v = div_round(bp, q);
  std::string s = std::to_string(v);
  if (decimals == 0) return s;
  while (s.size() <= static_cast<size_t>(decimals)) s = "0" + s;
  return s.substr(0, s.size() - static_cast<size_t>(decimals)) + "." + s.substr(s.size() - static_cast<size_t>(decimals));
}

Target target_of(const config::FigureDecl& f) {
  Target t;
  t.section = f.section;
  if (f.unit == "percent") {
    t.v = std::llround(*f.reported * 100);
    t.printed = percent_text(t.v, std::min(f.decimals, 2));
  } else {
    t.v = std::llround(*f.reported);
    t.printed = std::to_string(t.v);
  }
  return t;
}

// The ids of the figures of the other indicators (steps 16, 17).
constexpr const char* kFigureIds[] = {
    "roads-2016", "roads-now", "power-households", "water-2016", "water-now", "kindergarten-solid-2016",
    "kindergarten-solid-now", "primary-solid-2016", "primary-solid-now", "lower-secondary-solid-2016",
    "lower-secondary-solid-now", "malnutrition-2016", "malnutrition-now", "population-growth-2016",
    "population-growth-now", "health-stations-2016", "health-stations-now", "primary-standard-2016",
    "primary-standard-now", "lower-secondary-standard-2016", "lower-secondary-standard-now"};

}  // namespace

I DistrictReview::poor() const {
  for (I p = em_poor; p <= 2 * em_poor + 1; ++p)
    if (rate_bp(em_poor, p) == em_poor_share_bp) return p;
  return em_poor;
}

const DistrictReview* Inputs::find_review(std::string_view district_slug) const {
  for (const auto& d : review)
    if (d.slug == district_slug) return &d;
  return nullptr;
}

std::string Inputs::review_district_list() const {
  std::string out;
  for (const auto& d : review) out += (out.empty() ? "" : ", ") + d.slug;
  return out;
}

const Target& Inputs::figure(std::string_view id) const {
  for (const auto& [fid, t] : figures)
    if (fid == id) return t;
  throw std::out_of_range(std::string(id));
}

std::string with_commas(I n) {
  std::string s = std::to_string(n), out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}

Inputs read_inputs(const std::string& dir) {
  namespace fs = std::filesystem;
  Inputs in;
  diag::DiagnosticSink sink;
  const data::HeaderMessages columns{"estimate.missing_column", "estimate.missing_column.hint"};

  // estimate-inputs.csv: key,value,source.
  const std::string inputs_path = (fs::path(dir) / "estimate-inputs.csv").string();
  const data::HeadedCsv kv =
      data::read_headed_csv(inputs_path, diag::read_file(inputs_path), {"key", "value", "source"}, columns, sink);
  sink.throw_if_errors();
  auto value = [&](const std::string& key, int decimals, I& out, std::string* text = nullptr) {
    for (const auto& row : kv.rows) {
      if (kv.cell(row, "key") != key) continue;
      const std::string v = kv.cell(row, "value");
      if (auto x = scaled(v, decimals)) {
        out = *x;
        if (text) *text = v;
      } else {
        sink.error(kv.loc(row, "value"), msg("estimate.bad_input", v, key), msg("estimate.bad_input.hint", decimals));
      }
      return;
    }
    sink.error({kv.file, 1, 1}, msg("estimate.missing_input", key), msg("estimate.missing_input.hint"));
  };
  std::string figures_name;
  for (const auto& row : kv.rows)
    if (kv.cell(row, "key") == "figures_file") figures_name = kv.cell(row, "value");
  if (figures_name.empty())
    sink.error({kv.file, 1, 1}, msg("estimate.missing_input", "figures_file"), msg("estimate.missing_input.hint"));
  value("poverty_threshold_percent", 2, in.threshold_bp);
  value("poor_households_2020", 0, in.poor_2020);
  value("poverty_rate_2020_percent", 2, in.poverty_rate_2020_bp, &in.poverty_rate_2020_text);
  value("near_poor_households_2020", 0, in.near_poor_2020);
  value("em_poverty_rate_2020_percent", 2, in.em_poverty_rate_2020_bp, &in.em_poverty_rate_2020_text);
  value("near_poor_households_2021", 0, in.near_poor_2021);
  value("sd_villages_2016", 0, in.sd_villages_2016);
  value("poverty_rate_2016_percent", 2, in.assumed_rate_2016_bp, &in.assumed_rate_2016_text);
  value("em_scope_percent", 2, in.em_scope_bp, &in.em_scope_text);
  value("em_units_under_scope_2021", 0, in.em_units_under_scope);
  for (const auto& row : kv.rows)
    if (kv.cell(row, "key") == "twinned_now_inferred") {
      const std::string v = kv.cell(row, "value");
      for (size_t start = 0; start < v.size();) {
        size_t semi = v.find(';', start);
        if (semi == std::string::npos) semi = v.size();
        if (semi > start) in.twinned_now_inferred.push_back(v.substr(start, semi - start));
        start = semi + 1;
      }
      in.twinned_now_inferred_why = kv.cell(row, "source");
    }

  // poverty-review-2021.csv: the district table.
  const std::string review_path = (fs::path(dir) / "poverty-review-2021.csv").string();
  const data::HeadedCsv rv = data::read_headed_csv(
      review_path, diag::read_file(review_path),
      {"district", "households", "em_households", "em_poor_households", "em_poor_share_percent"}, columns, sink);
  for (const auto& row : rv.rows) {
    DistrictReview d;
    d.slug = rv.cell(row, "district");
    auto num = [&](const char* col, int decimals, I& out) {
      const std::string v = rv.cell(row, col);
      if (auto x = scaled(v, decimals)) out = *x;
      else sink.error(rv.loc(row, col), msg("estimate.bad_input", v, col), msg("estimate.bad_input.hint", decimals));
    };
    num("households", 0, d.households);
    num("em_households", 0, d.em_households);
    num("em_poor_households", 0, d.em_poor);
    num("em_poor_share_percent", 2, d.em_poor_share_bp);
    in.review.push_back(std::move(d));
  }
  sink.throw_if_errors();

  // The report's figures.
  const config::FiguresFile file = config::read_figures_file((fs::path(dir) / figures_name).string());
  in.report = file.report_id;
  auto find = [&](std::string_view id) -> const config::FigureDecl* {
    for (const auto& f : file.figures)
      if (f.id == id && f.reported) return &f;
    sink.error({diag::SourceFile::from_text(file.path, diag::read_file(file.path)), 1, 1},
               msg("estimate.missing_figure", id), msg("estimate.missing_figure.hint"));
    return nullptr;
  };
  auto take = [&](std::string_view id, Target& t) {
    if (const auto* f = find(id)) t = target_of(*f);
  };
  take("twinned-2016", in.twinned_2016);
  take("twinned-now", in.twinned_now);
  take("poverty-2016", in.poverty_2016);
  take("poverty-now", in.poverty_now);
  take("poverty-above-35", in.above);
  take("villages", in.villages);
  for (const char* id : kFigureIds)
    if (const auto* f = find(id)) in.figures.push_back({id, target_of(*f)});
  for (const auto& f : file.figures)
    if (f.kind == config::FigureKind::kAggregate && f.aggregate == "value" && f.of && f.of->text == "poverty_rate_2016" &&
        f.year == 2020 && f.reported)
      in.pinned_2020.push_back({f.commune, target_of(f)});
  sink.throw_if_errors();
  return in;
}

}  // namespace lotrinh::estimate
