#include "data/unit_registry.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <utility>

#include "data/csv_table_reader.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "diag/text_file.h"

namespace lotrinh::data {
namespace {

using diag::DiagnosticSink;
using diag::msg;
using diag::SourceFile;
using diag::SourceLoc;

constexpr std::string_view kKinds[] = {"ward", "town", "commune"};
constexpr std::string_view kEvents[] = {"merged", "unchanged", "renamed"};

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// lowercase ASCII letters and digits in groups joined by single '-'.
bool is_slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  char prev = 0;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

std::optional<UnitDate> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!is_digits(s.substr(0, 4)) || !is_digits(s.substr(5, 2)) || !is_digits(s.substr(8, 2))) return std::nullopt;
  UnitDate d{std::stoi(std::string(s.substr(0, 4))), std::stoi(std::string(s.substr(5, 2))),
             std::stoi(std::string(s.substr(8, 2)))};
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int days = kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (d.day > days) return std::nullopt;
  return d;
}

// The folded form used for matching: fold_name, apostrophe variants unified, blanks collapsed.
std::string match_key(std::string_view s) {
  std::string folded = fold_name(s);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0 || folded.compare(i, 3, "\xE2\x80\x98") == 0) {
      c = '\'';
      i += 2;
    }
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Half-open periods [from, until); an empty end is unbounded.
bool overlaps(const Unit& a, const Unit& b) {
  bool a_before_b_ends = !a.from || !b.until || *a.from < *b.until;
  bool b_before_a_ends = !b.from || !a.until || *b.from < *a.until;
  return a_before_b_ends && b_before_a_ends;
}

// A table's header: column name -> index.
struct Header {
  std::map<std::string, size_t, std::less<>> index;
  std::optional<size_t> find(std::string_view name) const {
    auto it = index.find(name);
    return it == index.end() ? std::nullopt : std::optional<size_t>(it->second);
  }
};

Header read_header(const CsvRecord& rec) {
  Header h;
  for (size_t i = 0; i < rec.cells.size(); ++i) h.index.emplace(trim(rec.cells[i]), i);
  return h;
}

SourceLoc cell_loc(const std::shared_ptr<const SourceFile>& file, const CsvRecord& rec, size_t i) {
  return {file, rec.line[i], rec.column[i]};
}

// False (with a diagnostic) when the row's field count differs from the header's.
bool check_row_width(const std::shared_ptr<const SourceFile>& file, const CsvRecord& rec, size_t width,
                     DiagnosticSink& sink) {
  if (rec.cells.size() == width) return true;
  std::string id = rec.cells.size() == 1 ? "data.ragged_row.one" : "data.ragged_row";
  sink.error(cell_loc(file, rec, 0), msg(id, rec.cells.size(), width), msg("data.ragged_row.hint", ","));
  return false;
}

// The unit as named in messages: "Đăk Long (Đăk Glei, dak-long-dak-glei)".
std::string describe(const Unit& u) {
  if (u.district_name.empty()) return msg("units.candidate.no_district", u.name, u.slug);
  return msg("units.candidate", u.name, u.district_name, u.slug);
}

std::string lifetime(const Unit& u) {
  if (u.from && u.until) return msg("units.lived.between", describe(u), u.from->str(), u.until->str());
  if (u.until) return msg("units.lived.until", describe(u), u.until->str());
  if (u.from) return msg("units.lived.from", describe(u), u.from->str());
  return describe(u);
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += msg("units.list_separator");
    out += parts[i];
  }
  return out;
}

[[noreturn]] void fail(std::string message, std::string hint) {
  diag::Diagnostic d;
  d.message = std::move(message);
  d.hint = std::move(hint);
  throw diag::InputError(std::move(d));
}

// A kind word at the start of a folded query: "xa ngoc linh" -> ("commune", "ngoc linh").
std::pair<std::string_view, std::string> strip_kind_word(const std::string& key) {
  static const std::pair<std::string_view, std::string_view> kWords[] = {
      {"xa ", "commune"}, {"phuong ", "ward"}, {"thi tran ", "town"}, {"tt.", "town"}, {"tt ", "town"}, {"p.", "ward"}};
  for (const auto& [word, kind] : kWords) {
    if (key.size() <= word.size() || key.compare(0, word.size(), word) != 0) continue;
    std::string rest = key.substr(word.size());
    if (rest.front() == ' ') rest.erase(0, 1);
    if (!rest.empty()) return {kind, rest};
  }
  return {{}, key};
}

}  // namespace

std::optional<UnitDate> UnitDate::parse(std::string_view text) { return parse_date(text); }

std::string UnitDate::str() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

bool Unit::exists_in(int year) const {
  UnitDate last{year, 12, 31};
  return (!from || *from <= last) && (!until || last < *until);
}

std::string fold_name(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(s);  // ICU data missing: match as written
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString decomposed = nfd->normalize(nfc->normalize(text, status), status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0111) c = 'd';       // đ
    else if (c == 0x0110) c = 'D';  // Đ
    stripped.append(c);
  }
  stripped.toLower(icu::Locale::getRoot());
  std::string out;
  stripped.toUTF8String(out);
  return out;
}

UnitRegistry UnitRegistry::parse(const std::string& path, std::string_view units_csv_text) {
  UnitRegistry r;
  r.add_table(path, units_csv_text);
  return r;
}

UnitRegistry UnitRegistry::load(const std::vector<std::string>& units_paths, const std::string& lineage_path) {
  auto read = [](const std::string& p) { return diag::checked_text(p, diag::read_file(p)); };
  UnitRegistry r;
  for (const auto& p : units_paths) r.add_table(p, read(p));
  if (!lineage_path.empty()) r.set_lineage(lineage_path, read(lineage_path));
  return r;
}

UnitRegistry UnitRegistry::load_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  const fs::path base(dir);
  std::vector<std::string> units{(base / "units.csv").string()};
  std::vector<std::string> more;  // units_*.csv, in name order
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(base, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("units_", 0) == 0 && e.path().extension() == ".csv") more.push_back(e.path().string());
  }
  std::sort(more.begin(), more.end());
  units.insert(units.end(), more.begin(), more.end());
  return load(units, fs::exists(base / "lineage.csv") ? (base / "lineage.csv").string() : std::string());
}

void UnitRegistry::add_units(const std::string& path, std::string_view units_csv_text) {
  add_table(path, units_csv_text);
}

void UnitRegistry::add_table(const std::string& path, std::string_view text) {
  std::string checked = diag::checked_text(path, std::string(text));
  auto file = SourceFile::from_text(path, checked);
  auto records = parse_csv(path, checked, CsvDialect::kRfc4180);
  DiagnosticSink sink;
  if (records.empty()) {
    sink.error({file, 0, 0}, msg("data.no_header"));
    sink.throw_if_errors();
  }
  const Header header = read_header(records[0]);
  for (std::string_view required : {"slug", "name", "kind"}) {
    if (!header.find(required))
      sink.error({file, 1, 1}, msg("units.missing_column", required), msg("units.missing_column.hint"));
  }
  sink.throw_if_errors();
  const auto col_code = header.find("gso_code") ? header.find("gso_code") : header.find("code");
  const auto col_slug = *header.find("slug"), col_name = *header.find("name"), col_kind = *header.find("kind");
  const auto col_district = header.find("district"), col_district_name = header.find("district_name");
  const auto col_from = header.find("from"), col_until = header.find("until");
  const auto col_successor = header.find("successor"), col_aliases = header.find("aliases");

  std::vector<Unit> added;
  std::map<std::string, int> first_line;  // slugs of this table
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (!check_row_width(file, rec, records[0].cells.size(), sink)) continue;
    auto cell = [&](std::optional<size_t> c) { return c ? trim(rec.cells[*c]) : std::string(); };
    Unit u;
    u.slug = cell(col_slug);
    u.loc = cell_loc(file, rec, col_slug);
    u.name = cell(col_name);
    u.kind = cell(col_kind);
    u.gso_code = cell(col_code);
    u.district = cell(col_district);
    u.district_name = col_district_name ? cell(col_district_name) : u.district;
    u.successor = cell(col_successor);
    if (col_successor) u.successor_loc = cell_loc(file, rec, *col_successor);
    if (u.slug.empty()) {
      sink.error(u.loc, msg("data.missing_cell", "slug"), msg("units.slug.hint"));
    } else if (!is_slug(u.slug)) {
      sink.error(u.loc, msg("units.bad_slug", u.slug), msg("units.bad_slug.hint"));
    } else if (auto it = by_slug_.find(u.slug); it != by_slug_.end()) {
      const Unit& other = units_[it->second];
      sink.error(u.loc, msg("units.duplicate_slug_in", u.slug, other.loc.file ? other.loc.file->path : "", other.loc.line),
                 msg("units.duplicate_slug.hint"));
    } else if (auto [pos, fresh] = first_line.emplace(u.slug, rec.line[0]); !fresh) {
      sink.error(u.loc, msg("units.duplicate_slug", u.slug, pos->second), msg("units.duplicate_slug.hint"));
    }
    if (u.name.empty()) sink.error(cell_loc(file, rec, col_name), msg("data.missing_cell", "name"), msg("units.name.hint"));
    if (std::find(std::begin(kKinds), std::end(kKinds), u.kind) == std::end(kKinds))
      sink.error(cell_loc(file, rec, col_kind), msg("units.bad_kind", u.kind), msg("units.bad_kind.hint"));
    if (!u.gso_code.empty() && !is_digits(u.gso_code))
      sink.error(cell_loc(file, rec, *col_code), msg("units.bad_code", u.gso_code), msg("units.bad_code.hint"));
    for (auto [col, target, name] : {std::tuple{col_from, &u.from, "from"}, std::tuple{col_until, &u.until, "until"}}) {
      std::string text_value = cell(col);
      if (text_value.empty()) continue;
      *target = parse_date(text_value);
      if (!*target)
        sink.error(cell_loc(file, rec, *col), msg("units.bad_date", text_value, name), msg("units.bad_date.hint"));
    }
    if (u.from && u.until && !(*u.from < *u.until))
      sink.error(cell_loc(file, rec, *col_until), msg("units.ends_before_start", u.until->str(), u.from->str()),
                 msg("units.ends_before_start.hint"));
    if (col_aliases) {
      std::string all = cell(col_aliases);
      size_t start = 0;
      while (start <= all.size() && !all.empty()) {
        size_t bar = all.find('|', start);
        std::string alias = trim(std::string_view(all).substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (!alias.empty()) u.aliases.push_back(alias);
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
    }
    added.push_back(std::move(u));
  }
  // A GSO code names one unit at a time.
  std::map<std::string, std::vector<const Unit*>> by_code;
  for (const Unit& u : units_)
    if (!u.gso_code.empty()) by_code[u.gso_code].push_back(&u);
  for (const Unit& u : added) {
    if (u.gso_code.empty()) continue;
    for (const Unit* other : by_code[u.gso_code]) {
      if (overlaps(u, *other)) {
        sink.error(u.loc, msg("units.duplicate_code", u.gso_code, other->slug, other->loc.line),
                   msg("units.duplicate_code.hint"));
        break;
      }
    }
    by_code[u.gso_code].push_back(&u);
  }
  sink.throw_if_errors();
  for (Unit& u : added) {
    std::vector<std::string> keys{match_key(u.name)};
    for (const auto& a : u.aliases) keys.push_back(match_key(a));
    by_slug_.emplace(u.slug, units_.size());
    keys_.push_back(std::move(keys));
    units_.push_back(std::move(u));
  }
}

const Unit* UnitRegistry::by_slug(std::string_view slug) const {
  auto it = by_slug_.find(slug);
  return it == by_slug_.end() ? nullptr : &units_[it->second];
}

std::vector<const Unit*> UnitRegistry::units_in(int year) const {
  std::vector<const Unit*> out;
  for (const Unit& u : units_)
    if (u.exists_in(year)) out.push_back(&u);
  return out;
}

const Unit& UnitRegistry::find(std::string_view query, int year) const {
  const std::string q = trim(query);
  // Not in `year`: say when the matching units did exist, and where an ended one went.
  auto not_in_year = [&](const std::vector<const Unit*>& others) -> const Unit& {
    std::vector<std::string> lives;
    for (const Unit* u : others) lives.push_back(lifetime(*u));
    std::string hint = msg("units.not_in_year.hint");
    if (others.size() == 1 && others[0]->until && others[0]->until->year <= year) {
      if (const Unit* next = next_unit(others[0]->slug))
        hint = msg("units.not_in_year.successor_hint", others[0]->until->str(), next->slug, next->name,
                   others[0]->until->year - 1);
    }
    fail(msg("units.not_in_year", q, year, join(lives)), hint);
  };
  auto pick = [&](const std::vector<const Unit*>& here, const std::vector<const Unit*>& others) -> const Unit& {
    if (here.size() == 1) return *here[0];
    if (here.size() > 1) {
      std::vector<std::string> names;
      for (const Unit* u : here) names.push_back(describe(*u));
      fail(msg("units.ambiguous", q, here.size(), year, join(names)), msg("units.ambiguous.hint", here[0]->slug));
    }
    return not_in_year(others);
  };

  if (const Unit* u = by_slug(ascii_lower(q))) {
    if (u->exists_in(year)) return *u;
    return not_in_year({u});
  }
  std::vector<const Unit*> here, others;
  if (is_digits(q)) {
    for (const Unit& u : units_)
      if (u.gso_code == q) (u.exists_in(year) ? here : others).push_back(&u);
    if (!here.empty() || !others.empty()) return pick(here, others);
    fail(msg("units.not_found", q, year), msg("units.not_found.hint"));
  }
  const auto [kind, key] = strip_kind_word(match_key(q));
  for (size_t i = 0; i < units_.size(); ++i) {
    const Unit& u = units_[i];
    if (!kind.empty() && u.kind != kind) continue;
    if (std::find(keys_[i].begin(), keys_[i].end(), key) != keys_[i].end())
      (u.exists_in(year) ? here : others).push_back(&u);
  }
  if (!here.empty() || !others.empty()) return pick(here, others);
  // Did you mean: the closest folded name of a unit of that year, shown as written.
  std::vector<std::string> candidates;
  std::vector<const Unit*> owners;
  for (size_t i = 0; i < units_.size(); ++i) {
    if (!units_[i].exists_in(year)) continue;
    for (const auto& k : keys_[i]) {
      candidates.push_back(k);
      owners.push_back(&units_[i]);
    }
  }
  std::string hint = msg("units.not_found.hint");
  if (auto best = diag::closest_match(key, candidates)) {
    size_t at = static_cast<size_t>(std::find(candidates.begin(), candidates.end(), *best) - candidates.begin());
    hint = msg("diag.did_you_mean", owners[at]->name);
  }
  fail(msg("units.not_found", q, year), hint);
}

const Unit* UnitRegistry::next_unit(std::string_view slug) const {
  if (lineage_.empty()) {
    const Unit* u = by_slug(slug);
    return u && !u->successor.empty() ? by_slug(u->successor) : nullptr;
  }
  auto it = std::find_if(lineage_.begin(), lineage_.end(), [&](const LineageStep& s) { return s.old_slug == slug; });
  return it == lineage_.end() ? nullptr : by_slug(it->new_slug);
}

const Unit* UnitRegistry::successor(std::string_view slug) const {
  const Unit* last = nullptr;
  std::string current(slug);
  for (size_t guard = 0; guard <= lineage_.size(); ++guard) {
    const Unit* next = next_unit(current);
    if (!next || next == last) break;
    last = next;
    current = next->slug;
  }
  return last;
}

const Unit* UnitRegistry::successor_on(std::string_view slug, const UnitDate& day) const {
  const Unit* last = nullptr;
  std::string current(slug);
  for (size_t guard = 0; guard <= lineage_.size() + units_.size(); ++guard) {
    const Unit* u = by_slug(current);
    if (!u || !u->until || day < *u->until) break;  // `current` still exists on `day`
    const Unit* next = next_unit(current);
    if (!next || next == last) break;
    last = next;
    current = next->slug;
  }
  return last;
}

std::vector<const Unit*> UnitRegistry::predecessors(std::string_view new_slug) const {
  std::vector<const Unit*> out;
  for (const auto& s : lineage_)
    if (s.new_slug == new_slug) out.push_back(by_slug(s.old_slug));
  return out;
}

void UnitRegistry::set_lineage(const std::string& path, std::string_view lineage_csv_text) {
  std::string checked = diag::checked_text(path, std::string(lineage_csv_text));
  auto file = SourceFile::from_text(path, checked);
  auto records = parse_csv(path, checked, CsvDialect::kRfc4180);
  DiagnosticSink sink;
  if (records.empty()) {
    sink.error({file, 0, 0}, msg("data.no_header"));
    sink.throw_if_errors();
  }
  const Header header = read_header(records[0]);
  for (std::string_view required : {"old_slug", "new_slug", "date", "event"}) {
    if (!header.find(required))
      sink.error({file, 1, 1}, msg("lineage.missing_column", required), msg("lineage.missing_column.hint"));
  }
  sink.throw_if_errors();
  const size_t col_old = *header.find("old_slug"), col_new = *header.find("new_slug");
  const size_t col_date = *header.find("date"), col_event = *header.find("event");
  const auto col_source = header.find("source");

  std::vector<std::string> slugs;
  for (const Unit& u : units_) slugs.push_back(u.slug);
  auto unknown_unit = [&](const SourceLoc& at, const std::string& slug) {
    std::string hint = diag::did_you_mean(slug, slugs);
    sink.error(at, msg("lineage.unknown_unit", slug), hint.empty() ? msg("lineage.unknown_unit.hint") : hint);
  };
  std::vector<LineageStep> steps;
  std::vector<SourceLoc> new_locs, date_locs, event_locs;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (!check_row_width(file, rec, records[0].cells.size(), sink)) continue;
    LineageStep s;
    s.old_slug = trim(rec.cells[col_old]);
    s.new_slug = trim(rec.cells[col_new]);
    s.event = trim(rec.cells[col_event]);
    s.source = col_source ? trim(rec.cells[*col_source]) : std::string();
    s.loc = cell_loc(file, rec, col_old);
    bool ok = true;
    for (auto [slug, col] : {std::pair{&s.old_slug, col_old}, std::pair{&s.new_slug, col_new}}) {
      if (!by_slug(*slug)) {
        unknown_unit(cell_loc(file, rec, col), *slug);
        ok = false;
      }
    }
    std::string date_text = trim(rec.cells[col_date]);
    if (auto d = parse_date(date_text)) {
      s.date = *d;
    } else {
      sink.error(cell_loc(file, rec, col_date), msg("units.bad_date", date_text, "date"), msg("lineage.bad_date.hint"));
      ok = false;
    }
    if (std::find(std::begin(kEvents), std::end(kEvents), s.event) == std::end(kEvents)) {
      sink.error(cell_loc(file, rec, col_event), msg("lineage.bad_event", s.event), msg("lineage.bad_event.hint"));
      ok = false;
    }
    if (!ok) continue;
    steps.push_back(std::move(s));
    new_locs.push_back(cell_loc(file, rec, col_new));
    date_locs.push_back(cell_loc(file, rec, col_date));
    event_locs.push_back(cell_loc(file, rec, col_event));
  }
  sink.throw_if_errors();

  // Each row: the old unit ends, and the new unit begins, on the row's date; no unit twice.
  std::map<std::string, const LineageStep*> row_of;  // old slug -> its row
  std::map<std::pair<std::string, UnitDate>, int> incoming;  // (new slug, date) -> rows
  for (const auto& s : steps) ++incoming[{s.new_slug, s.date}];
  for (size_t i = 0; i < steps.size(); ++i) {
    const LineageStep& s = steps[i];
    const Unit& old_unit = *by_slug(s.old_slug);
    const Unit& new_unit = *by_slug(s.new_slug);
    if (auto [pos, fresh] = row_of.emplace(s.old_slug, &s); !fresh) {
      sink.error(s.loc, msg("lineage.duplicate", s.old_slug, pos->second->date.str(), pos->second->loc.line),
                 msg("lineage.duplicate.hint"));
      continue;
    }
    if (!old_unit.until)
      sink.error(date_locs[i], msg("lineage.old_no_end", s.old_slug, s.date.str()), msg("lineage.end.hint"));
    else if (*old_unit.until != s.date)
      sink.error(date_locs[i], msg("lineage.old_other_end", s.old_slug, old_unit.until->str(), s.date.str()),
                 msg("lineage.end.hint"));
    if (!new_unit.from)
      sink.error(new_locs[i], msg("lineage.new_no_start", s.new_slug, s.date.str()), msg("lineage.start.hint"));
    else if (*new_unit.from != s.date)
      sink.error(new_locs[i], msg("lineage.new_other_start", s.new_slug, new_unit.from->str(), s.date.str()),
                 msg("lineage.start.hint"));
    int n = incoming[{s.new_slug, s.date}];
    if (s.event != "merged" && n != 1)
      sink.error(event_locs[i], msg("lineage.single_event", s.event, n, s.new_slug), msg("lineage.single_event.hint"));
  }
  // Every unit that ends is in the lineage; every unit that begins on a step's date has a source.
  std::set<UnitDate> dates;
  for (const auto& s : steps) dates.insert(s.date);
  for (const Unit& u : units_) {
    if (u.until && !row_of.count(u.slug))
      sink.error({file, 0, 0}, msg("lineage.lost", u.slug, u.name, u.until->str()), msg("lineage.lost.hint", u.slug, u.until->str()));
    if (u.from && dates.count(*u.from) && !incoming.count({u.slug, *u.from}))
      sink.error({file, 0, 0}, msg("lineage.orphan", u.slug, u.name, u.from->str()), msg("lineage.orphan.hint", u.slug));
  }
  sink.throw_if_errors();

  // The units table's successor column must agree with where the lineage leads.
  std::vector<LineageStep> previous = std::exchange(lineage_, steps);
  for (const Unit& u : units_) {
    if (u.successor.empty()) continue;
    const Unit* end = successor(u.slug);
    if (!by_slug(u.successor))
      unknown_unit(u.successor_loc, u.successor);
    else if (!end)
      sink.error(u.successor_loc, msg("lineage.successor_no_end", u.successor, u.slug), msg("lineage.successor.hint", u.slug));
    else if (end->slug != u.successor)
      sink.error(u.successor_loc, msg("lineage.successor_mismatch", u.successor, u.slug, end->slug),
                 msg("lineage.successor.hint", u.slug));
  }
  if (sink.has_errors()) {
    lineage_ = std::move(previous);
    sink.throw_if_errors();
  }
}

}  // namespace lotrinh::data
