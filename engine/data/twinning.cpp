#include "data/twinning.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "data/csv_table_reader.h"
#include "data/headed_csv.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "diag/text_file.h"

namespace lotrinh::data {
namespace {

using diag::msg;
using diag::SourceLoc;


std::optional<UnitDate> parse_date(const std::string& s) {
  auto digits = [&](size_t at, size_t n) {
    for (size_t i = at; i < at + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(0, 4) || !digits(5, 2) || !digits(8, 2))
    return std::nullopt;
  UnitDate d{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0))
    return std::nullopt;
  return d;
}

using Table = HeadedCsv;

Table read_table(const std::string& path, std::string_view text, std::initializer_list<const char*> required,
                 diag::DiagnosticSink& sink) {
  return read_headed_csv(path, text, required, {"twinning.missing_column", "twinning.columns.hint"}, sink);
}

std::string period(const Twinning& t, const TwinningSpan& span) {
  const std::string from = t.from ? t.from->str() : msg("twinning.before_start", span.start.str());
  const std::string until = t.until ? t.until->str() : msg("twinning.open_end");
  return msg("twinning.period", from, until);
}

// Half-open periods with open ends.
bool overlap(const Twinning& a, const Twinning& b) {
  const bool a_starts_first = !a.from || !b.until || *a.from < *b.until;
  const bool b_starts_first = !b.from || !a.until || *b.from < *a.until;
  return a_starts_first && b_starts_first;
}

}  // namespace

bool Twinning::active_on(const UnitDate& day) const { return (!from || *from <= day) && (!until || day < *until); }

TwinningHistory TwinningHistory::load_dir(const std::string& dir, const UnitRegistry& registry,
                                          const TwinningSpan& span) {
  namespace fs = std::filesystem;
  auto read = [](const fs::path& p) { return diag::checked_text(p.string(), diag::read_file(p.string())); };
  const fs::path agencies = fs::path(dir) / "agencies.csv", twinning = fs::path(dir) / "twinning.csv";
  return parse(agencies.string(), read(agencies), twinning.string(), read(twinning), registry, span);
}

TwinningHistory TwinningHistory::parse(const std::string& agencies_path, std::string_view agencies_text,
                                       const std::string& twinning_path, std::string_view twinning_text,
                                       const UnitRegistry& registry, const TwinningSpan& span) {
  TwinningHistory h;
  h.span_ = span;
  diag::DiagnosticSink sink;

  // Agencies.
  Table at = read_table(agencies_path, agencies_text, {"id", "name", "status", "source"}, sink);
  std::map<std::string, int> agency_line;
  for (const auto& r : at.rows) {
    Agency a{at.cell(r, "id"), at.cell(r, "name"), at.cell(r, "status") == "named", at.cell(r, "source"), at.loc(r, "id")};
    const std::string status = at.cell(r, "status");
    if (a.id.empty()) {
      sink.error(at.loc(r, "id"), msg("twinning.empty_cell", "id"), msg("twinning.agency_id.hint"));
      continue;
    }
    if (auto [it, added] = agency_line.emplace(a.id, r.line[0]); !added) {
      sink.error(at.loc(r, "id"), msg("twinning.duplicate_agency", a.id, it->second), msg("twinning.duplicate_agency.hint"));
      continue;
    }
    if (status != "named" && status != "unnamed") {
      sink.error(at.loc(r, "status"), msg("twinning.bad_status", status), msg("twinning.bad_status.hint"));
    } else if (a.named && a.name.empty()) {
      sink.error(at.loc(r, "name"), msg("twinning.named_without_name", a.id), msg("twinning.named_without_name.hint"));
    } else if (!a.named && !a.name.empty()) {
      sink.error(at.loc(r, "name"), msg("twinning.unnamed_with_name", a.id, a.name),
                 msg("twinning.unnamed_with_name.hint"));
    }
    h.agencies_.push_back(std::move(a));
  }
  std::vector<std::string> agency_ids;
  for (const auto& a : h.agencies_) agency_ids.push_back(a.id);

  // Twinnings.
  Table tt = read_table(twinning_path, twinning_text, {"agency", "commune", "from", "until", "moved_from", "basis", "source"},
                        sink);
  sink.throw_if_errors();
  std::vector<SourceLoc> moved_locs;
  for (const auto& r : tt.rows) {
    Twinning t;
    t.agency = tt.cell(r, "agency");
    t.basis = tt.cell(r, "basis");
    t.source = tt.cell(r, "source");
    t.loc = tt.loc(r, "agency");
    bool ok = true;
    if (!agency_line.count(t.agency)) {
      std::string hint = diag::did_you_mean(t.agency, agency_ids);
      sink.error(tt.loc(r, "agency"), msg("twinning.unknown_agency", t.agency),
                 hint.empty() ? msg("twinning.unknown_agency.hint") : hint);
      ok = false;
    }
    for (const char* c : {"from", "until"}) {
      const std::string cell = tt.cell(r, c);
      if (cell.empty()) continue;
      auto d = parse_date(cell);
      if (!d) {
        sink.error(tt.loc(r, c), msg("twinning.bad_date", cell, c), msg("twinning.bad_date.hint"));
        ok = false;
      }
      (std::string(c) == "from" ? t.from : t.until) = d;
    }
    if (t.from && t.until && !(*t.from < *t.until)) {
      sink.error(tt.loc(r, "until"), msg("twinning.ends_before_start", t.until->str(), t.from->str()),
                 msg("twinning.ends_before_start.hint"));
      ok = false;
    }
    if (t.basis != "reported" && t.basis != "derived" && t.basis != "inferred") {
      sink.error(tt.loc(r, "basis"), msg("twinning.bad_basis", t.basis), msg("twinning.bad_basis.hint"));
      ok = false;
    }
    // The commune (and the commune moved from), resolved in the year the twinning starts.
    const int year = t.from ? t.from->year : span.start.year;
    auto resolve = [&](const char* column, std::string& out) {
      const std::string cell = tt.cell(r, column);
      try {
        out = registry.find(cell, year).slug;
        return true;
      } catch (const diag::InputError& e) {
        for (const auto& d : e.diagnostics()) sink.error(tt.loc(r, column), d.message, d.hint);
        return false;
      }
    };
    if (tt.cell(r, "commune").empty()) {
      sink.error(tt.loc(r, "commune"), msg("twinning.empty_cell", "commune"), msg("twinning.commune.hint"));
      ok = false;
    } else if (!resolve("commune", t.commune)) {
      ok = false;
    }
    if (!tt.cell(r, "moved_from").empty()) {
      if (!t.from) {
        sink.error(tt.loc(r, "moved_from"), msg("twinning.move_without_date"), msg("twinning.move_without_date.hint"));
        ok = false;
      } else if (!resolve("moved_from", t.moved_from)) {
        ok = false;
      }
    }
    // The commune exists throughout the twinning.
    if (ok) {
      const Unit& u = *registry.by_slug(t.commune);
      const bool starts_ok = !u.from || (t.from && *u.from <= *t.from);
      // An open end means "still at the report's date": the unit must exist that day.
      const bool ends_ok = !u.until || (t.until ? *t.until <= *u.until : span.until < *u.until);
      if (!starts_ok || !ends_ok) {
        sink.error(tt.loc(r, "commune"), msg("twinning.outlives_unit", t.commune, period(t, span), u.name,
                                             u.from ? u.from->str() : msg("twinning.before_start", span.start.str()),
                                             u.until ? u.until->str() : msg("twinning.open_end")),
                   msg("twinning.outlives_unit.hint"));
        ok = false;
      }
    }
    if (!ok) continue;
    moved_locs.push_back(tt.loc(r, "moved_from"));
    h.twinnings_.push_back(std::move(t));
  }

  // One commune at a time per agency; a move follows a twinning that ended that day.
  for (size_t i = 0; i < h.twinnings_.size(); ++i) {
    const Twinning& t = h.twinnings_[i];
    for (size_t j = 0; j < i; ++j) {
      const Twinning& o = h.twinnings_[j];
      if (o.agency == t.agency && overlap(o, t)) {
        sink.error(t.loc, msg("twinning.two_at_once", t.agency, o.commune, o.loc.line, t.commune),
                   msg("twinning.two_at_once.hint"));
      }
    }
    if (t.moved_from.empty()) continue;
    const bool follows = std::any_of(h.twinnings_.begin(), h.twinnings_.end(), [&](const Twinning& o) {
      return o.agency == t.agency && o.commune == t.moved_from && o.until && *o.until == *t.from;
    });
    if (!follows) {
      sink.error(moved_locs[i], msg("twinning.move_unmatched", t.agency, t.moved_from, t.from->str()),
                 msg("twinning.move_unmatched.hint", t.agency, t.moved_from, t.from->str()));
    }
  }
  sink.throw_if_errors();
  return h;
}

std::vector<std::string> TwinningHistory::communes_on(const UnitDate& day) const {
  std::set<std::string> out;
  for (const auto& t : twinnings_)
    if (t.active_on(day)) out.insert(t.commune);
  return {out.begin(), out.end()};
}

std::vector<std::string> TwinningHistory::agencies_on(const UnitDate& day) const {
  std::set<std::string> out;
  for (const auto& t : twinnings_)
    if (t.active_on(day)) out.insert(t.agency);
  return {out.begin(), out.end()};
}

std::vector<Reassignment> TwinningHistory::reassignments() const {
  std::vector<Reassignment> out;
  for (const auto& t : twinnings_)
    if (!t.moved_from.empty()) out.push_back({t.agency, t.moved_from, t.commune, *t.from});
  return out;
}

std::vector<const Twinning*> TwinningHistory::new_twinnings() const {
  std::vector<const Twinning*> out;
  for (const auto& t : twinnings_)
    if (t.from && span_.start < *t.from && t.moved_from.empty()) out.push_back(&t);
  return out;
}

}  // namespace lotrinh::data
