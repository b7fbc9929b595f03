#include "data/csv_table_reader.h"
#include "data/csv_trailer.h"

#include <fmt/format.h>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <set>
#include <utility>

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

char separator(CsvDialect dialect) { return dialect == CsvDialect::kExcelVi ? ';' : ','; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Where a problem of splitting was found: a cell's start or the scan position.
struct SplitProblem {
  enum Kind { kUnterminatedQuote, kTextAfterQuote } kind;
  int line;
  size_t line_start, offset;  // byte offsets in the text: the line's first byte, the place
};

// One cell of a scanned record: a view of its text (into the text itself, or into the
// scanner's own storage for a quoted cell that had to be unescaped) and where it starts.
struct ScannedCell {
  std::string_view text;
  size_t offset;      // byte offset of the cell's first character (its quote, if quoted)
  int line;           // 1-based line of that character
  size_t line_start;  // byte offset of that line's first character
};

// Splits CSV text into records, one at a time, without copying cells: quotes, doubled
// quotes, newlines inside quotes, CRLF. A record is read into a reused vector of cells; its
// views stay valid until the next call.
class RecordScanner {
 public:
  RecordScanner(std::string_view text, char sep) : t_(text), sep_(sep) {}

  bool done() const { return i_ >= t_.size(); }
  size_t position() const { return i_; }

  /// Reads the next record (requires !done()). Returns false on an unterminated quote (the
  /// rest of the text cannot be split), after recording it in problems().
  bool next(std::vector<ScannedCell>& cells, bool& quoted_any) {
    const size_t n = t_.size();
    cells.clear();
    if (!owned_.empty()) owned_.clear();
    quoted_any = false;
    for (;;) {
      ScannedCell cell{{}, i_, line_, line_start_};
      if (i_ < n && t_[i_] == '"') {
        quoted_any = true;
        ++i_;
        const size_t start = i_;
        std::string* buf = nullptr;  // set once the cell is not a plain view of the text
        size_t close = n;
        while (i_ < n) {
          const char c = t_[i_];
          if (c == '"') {
            if (i_ + 1 < n && t_[i_ + 1] == '"') {
              if (!buf) buf = &own(t_.substr(start, i_ - start));
              *buf += '"';
              i_ += 2;
            } else {
              close = i_++;
              break;
            }
          } else if (c == '\r' && i_ + 1 < n && t_[i_ + 1] == '\n') {
            if (!buf) buf = &own(t_.substr(start, i_ - start));
            *buf += '\n';
            i_ += 2;
            new_line();
          } else {
            if (buf) *buf += c;
            ++i_;
            if (c == '\n') new_line();
          }
        }
        if (close == n) {
          problems_.push_back({SplitProblem::kUnterminatedQuote, cell.line, cell.line_start, cell.offset});
          return false;
        }
        if (i_ < n && t_[i_] != sep_ && !at_line_end()) {
          problems_.push_back({SplitProblem::kTextAfterQuote, line_, line_start_, i_});
          if (!buf) buf = &own(t_.substr(start, close - start));
          while (i_ < n && t_[i_] != sep_ && !at_line_end()) *buf += t_[i_++];
        }
        if (i_ < n && t_[i_] == '\r') ++i_;
        cell.text = buf ? std::string_view(*buf) : t_.substr(start, close - start);
      } else {
        const size_t start = i_;
        const char* p = t_.data() + i_;
        const char* end = t_.data() + n;
        while (p < end && *p != sep_ && *p != '\n') ++p;
        i_ = static_cast<size_t>(p - t_.data());
        size_t stop = i_;
        if (stop > start && t_[stop - 1] == '\r') --stop;
        cell.text = t_.substr(start, stop - start);
      }
      cells.push_back(cell);
      if (i_ < n && t_[i_] == sep_) {
        ++i_;
        continue;
      }
      if (i_ < n && t_[i_] == '\n') {
        ++i_;
        new_line();
      }
      return true;
    }
  }

  /// Problems found since the last take_problems().
  std::vector<SplitProblem> take_problems() { return std::exchange(problems_, {}); }
  bool has_problems() const { return !problems_.empty(); }

 private:
  bool at_line_end() const {
    return i_ >= t_.size() || t_[i_] == '\n' || (t_[i_] == '\r' && (i_ + 1 >= t_.size() || t_[i_ + 1] == '\n'));
  }
  void new_line() {
    ++line_;
    line_start_ = i_;
  }
  std::string& own(std::string_view s) { return owned_.emplace_back(s); }

  std::string_view t_;
  char sep_;
  size_t i_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  std::deque<std::string> owned_;  // unescaped quoted cells (a deque: their places stay put)
  std::vector<SplitProblem> problems_;
};

// A record is blank when it is one unquoted cell of blanks.
bool blank_record(const std::vector<ScannedCell>& cells, bool quoted_any) {
  return !quoted_any && cells.size() == 1 && trim(cells[0].text).empty();
}

// The 1-based column (in characters) of byte `offset` on the line starting at `line_start`.
int column_of(std::string_view text, size_t line_start, size_t offset) {
  int col = 1;
  for (size_t k = line_start; k < offset; ++k) col += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
  return col;
}

// Diagnostics located in CSV text, in a SourceFile that holds only the lines they name (so
// that a big table is not kept a second time as lines); each line is copied when its first
// diagnostic is added, while the text is still there.
class TextProblems {
 public:
  TextProblems(const std::string& path, std::string_view text)
      : file_(std::make_shared<SourceFile>()), text_(text) {
    file_->path = path;
  }
  const std::shared_ptr<SourceFile>& file() const { return file_; }

  SourceLoc loc(int line, size_t line_start, size_t offset) {
    if (file_->lines.size() < static_cast<size_t>(line)) file_->lines.resize(static_cast<size_t>(line));
    std::string& shown = file_->lines[static_cast<size_t>(line) - 1];
    if (shown.empty()) {
      size_t eol = text_.find('\n', line_start);
      std::string_view l = text_.substr(line_start, eol == std::string_view::npos ? std::string_view::npos : eol - line_start);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      shown = l;
    }
    return SourceLoc{file_, line, column_of(text_, line_start, offset)};
  }
  SourceLoc loc(const ScannedCell& c) { return loc(c.line, c.line_start, c.offset); }

  /// Adds the scanner's problems to `sink`.
  void add(RecordScanner& scanner, DiagnosticSink& sink) {
    for (const auto& p : scanner.take_problems()) {
      if (p.kind == SplitProblem::kUnterminatedQuote)
        sink.error(loc(p.line, p.line_start, p.offset), msg("csv.unterminated_quote"), msg("csv.unterminated_quote.hint"));
      else
        sink.error(loc(p.line, p.line_start, p.offset), msg("csv.text_after_quote"), msg("csv.text_after_quote.hint"));
    }
  }

 private:
  std::shared_ptr<SourceFile> file_;
  std::string_view text_;
};

// --- Numbers ---------------------------------------------------------------------------------

enum class NumberProblem { kNone, kNotNumber, kDecimalComma, kBadGrouping };

// Converts a plain "[-]digits[.digits][e[+-]digits]" text; false when from_chars refuses it.
bool to_double(const std::string& s, double& out) {
  const char* first = s.data();
  const char* last = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(first, last, out);
  return ec == std::errc() && ptr == last && std::isfinite(out);
}

// Scans an optional exponent at s[i]; false when one starts but is malformed.
bool scan_exponent(std::string_view s, size_t& i, std::string& out) {
  if (i >= s.size() || (s[i] != 'e' && s[i] != 'E')) return true;
  out += 'e';
  ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) out += s[i++];
  size_t digits = 0;
  while (i < s.size() && is_digit(s[i])) {
    out += s[i++];
    ++digits;
  }
  return digits > 0;
}

// RFC 4180 number: [+-] digits [. digits] [e [+-] digits], at least one digit in the mantissa.
bool scan_point_number(std::string_view s, std::string& out) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') out += '-';
    ++i;
  }
  size_t digits = 0;
  while (i < s.size() && is_digit(s[i])) {
    out += s[i++];
    ++digits;
  }
  if (i < s.size() && s[i] == '.') {
    out += s[i++];
    while (i < s.size() && is_digit(s[i])) {
      out += s[i++];
      ++digits;
    }
  }
  if (digits == 0) return false;
  if (!scan_exponent(s, i, out)) return false;
  return i == s.size();
}

// "25,36": digits, one comma, digits (with an optional sign).
bool looks_like_decimal_comma(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  size_t comma = s.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma + 1 == s.size()) return false;
  for (size_t k = 0; k < s.size(); ++k)
    if (k != comma && !is_digit(s[k])) return false;
  return true;
}

// Vietnamese Excel number: [+-] integer [, digits] [e [+-] digits], where the integer is plain
// digits or grouped by '.' in threes with a non-zero first group (1.234.567).
bool scan_comma_number(std::string_view s, std::string& out) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') out += '-';
    ++i;
  }
  size_t start = i;
  while (i < s.size() && (is_digit(s[i]) || s[i] == '.')) ++i;
  std::string_view integer = s.substr(start, i - start);
  size_t digits = 0;
  if (integer.find('.') != std::string_view::npos) {
    size_t first_dot = integer.find('.');
    if (first_dot == 0 || first_dot > 3 || integer[0] == '0') return false;
    for (size_t k = first_dot; k < integer.size(); k += 4) {
      if (integer[k] != '.' || k + 3 >= integer.size() || !is_digit(integer[k + 1]) ||
          !is_digit(integer[k + 2]) || !is_digit(integer[k + 3]))
        return false;
    }
    if ((integer.size() - first_dot) % 4 != 0) return false;
  }
  for (char c : integer) {
    if (c != '.') {
      out += c;
      ++digits;
    }
  }
  if (i < s.size() && s[i] == ',') {
    out += '.';
    ++i;
    size_t fraction = 0;
    while (i < s.size() && is_digit(s[i])) {
      out += s[i++];
      ++fraction;
    }
    if (fraction == 0) return false;
    digits += fraction;
  }
  if (digits == 0) return false;
  if (!scan_exponent(s, i, out)) return false;
  return i == s.size();
}

// The common case at full speed: a cell from_chars reads whole as a finite number, starting
// with a digit, '-' or '.' (so not "inf" or "nan"), and in the Vietnamese dialect without a '.'
// (a group mark there). Every such cell is also one the scanners below accept, with the same
// value; anything else goes through them.
inline bool plain_number(std::string_view s, CsvDialect dialect, double& out) {
  if (s.empty() || !(is_digit(s[0]) || s[0] == '-' || s[0] == '.')) return false;
  if (dialect == CsvDialect::kExcelVi && s.find('.') != std::string_view::npos) return false;
  const char* last = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), last, out);
  return ec == std::errc() && ptr == last && std::isfinite(out);
}

NumberProblem parse_number(std::string_view s, CsvDialect dialect, double& out) {
  if (plain_number(s, dialect, out)) return NumberProblem::kNone;
  std::string plain;
  if (dialect == CsvDialect::kRfc4180) {
    if (scan_point_number(s, plain) && to_double(plain, out)) return NumberProblem::kNone;
    return looks_like_decimal_comma(s) ? NumberProblem::kDecimalComma : NumberProblem::kNotNumber;
  }
  if (scan_comma_number(s, plain) && to_double(plain, out)) return NumberProblem::kNone;
  if (s.find('.') != std::string_view::npos &&
      s.find_first_not_of("0123456789.,+-eE") == std::string_view::npos)
    return NumberProblem::kBadGrouping;
  return NumberProblem::kNotNumber;
}

bool parse_year(std::string_view s, int& year) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  std::from_chars(s.data(), s.data() + s.size(), year);
  return year >= 1900 && year <= 2100;
}

// "poverty_rate_2015 for 2016-2020, poverty_rate_2021 from 2021", for a hint.
std::string describe_periods(const Alias& alias) {
  std::string out;
  for (const auto& p : alias.periods) {
    if (!out.empty()) out += ", ";
    if (p.from_year && p.until_year) out += msg("data.period.between", p.indicator, p.from_year, p.until_year);
    else if (p.from_year) out += msg("data.period.from", p.indicator, p.from_year);
    else if (p.until_year) out += msg("data.period.until", p.indicator, p.until_year);
    else out += msg("data.period.always", p.indicator);
  }
  return out;
}

std::string unit_suffix(const Indicator& ind) {
  return ind.unit.empty() ? std::string() : msg("data.unit_suffix", ind.unit);
}

enum class ColumnKind { kSkip, kName, kDistrict, kIndicator };

// An indicator's range, and whether its CSV column holds percent, looked up once per column.
struct ValueRule {
  const Indicator* indicator = nullptr;
  bool percent = false;
  explicit ValueRule(const Indicator* ind = nullptr)
      : indicator(ind), percent(ind && ind->csv_unit == "percent") {}
};

// What the reader knows of one column before the rows: its kind, and for an indicator its
// values and (resolved once per year for an alias) its catalogue entry.
struct ColumnPlan {
  ColumnKind kind = ColumnKind::kSkip;
  std::vector<double>* values = nullptr;
  ValueRule rule;                        // an indicator column's own entry
  const Alias* alias = nullptr;          // an alias column
  int alias_year = 0;                    // the year alias_rule was resolved for
  ValueRule alias_rule;                  // its entry in alias_year
  bool alias_resolved = false;
};

// Rows already read, by (unit, year), for refusing a second row of the same pair: an open
// addressing table of row indexes, each beside 32 bits of its key's hash (so that a probe
// rarely reads the table's strings), 8 bytes a slot.
class RowKeys {
 public:
  explicit RowKeys(size_t expected) {
    size_t cap = 16;
    while (cap < expected + expected / 2) cap *= 2;
    slots_.assign(cap, kEmpty);
  }
  /// The hash of (unit, year), after asking the processor to fetch its first slot: insert()
  /// it after other work, and the slot is there (the slots are too many to stay in cache).
  uint64_t prefetch(std::string_view unit, int year) const {
    const uint64_t h = hash(unit, year);
    __builtin_prefetch(&slots_[h & (slots_.size() - 1)]);
    return h;
  }
  /// The row already holding (unit[row], year[row]), whose hash is `h`, or -1 after adding `row`.
  long insert(const CommuneTable& t, size_t row, uint64_t h) {
    if ((count_ + 1) * 3 > slots_.size() * 2) grow(t);
    size_t k = find(t, t.unit[row], t.year[row], h);
    if (slots_[k] != kEmpty) return static_cast<long>(slots_[k] & 0xFFFFFFFFu);
    slots_[k] = (h & ~uint64_t{0xFFFFFFFFu}) | row;
    ++count_;
    return -1;
  }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  static uint64_t hash(std::string_view unit, int year) {
    uint64_t h = std::hash<std::string_view>{}(unit) ^ (static_cast<uint64_t>(year) * 0x9E3779B97F4A7C15u);
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9u;
    return h ^ (h >> 29);
  }
  size_t find(const CommuneTable& t, std::string_view unit, int year, uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    for (size_t k = h & mask;; k = (k + 1) & mask) {
      const uint64_t s = slots_[k];
      if (s == kEmpty) return k;
      const size_t r = s & 0xFFFFFFFFu;
      if ((s >> 32) == (h >> 32) && t.year[r] == year && t.unit[r] == unit) return k;
    }
  }
  void grow(const CommuneTable& t) {
    std::vector<uint64_t> old = std::exchange(slots_, std::vector<uint64_t>(slots_.size() * 2, kEmpty));
    for (uint64_t s : old) {
      if (s == kEmpty) continue;
      const size_t r = s & 0xFFFFFFFFu;
      slots_[find(t, t.unit[r], t.year[r], hash(t.unit[r], t.year[r]))] = s;
    }
  }
  std::vector<uint64_t> slots_;
  size_t count_ = 0;
};

// Gives back to the system the pages of an owned text that the reader has passed: a big table
// is then never held twice (as text and as columns). The bytes released read as zeros after.
class TextReleaser {
 public:
  explicit TextReleaser(std::string& text) : text_(text) {}
  /// Releases the whole pages of [0, upto) not yet released, once there are enough of them.
  void release_before(size_t upto) {
    static const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    if (upto - done_ < kStep) return;
    auto base = reinterpret_cast<uintptr_t>(text_.data());
    uintptr_t from = (base + done_ + page - 1) / page * page;
    uintptr_t to = (base + upto) / page * page;
    if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
    done_ = upto;
  }

 private:
  static constexpr size_t kStep = size_t{8} << 20;
  std::string& text_;
  size_t done_ = 0;
};

CommuneTable parse_table(const std::string& path, std::string_view text, const Catalogue& catalogue,
                         CsvDialect dialect, TextReleaser* releaser);

}  // namespace

std::vector<CsvRecord> parse_csv(const std::string& path, std::string_view text, CsvDialect dialect) {
  text = without_trailer(text);  // the '#' caveat lines lotrinh writes at the end of its CSV
  RecordScanner scanner(text, separator(dialect));
  TextProblems problems(path, text);
  DiagnosticSink sink;
  std::vector<CsvRecord> records;
  std::vector<bool> blank;  // per record
  std::vector<ScannedCell> cells;
  bool quoted = false;
  while (!scanner.done()) {
    const bool ok = scanner.next(cells, quoted);
    problems.add(scanner, sink);
    if (!ok) break;
    CsvRecord rec;
    int col = 0;
    for (size_t k = 0; k < cells.size(); ++k) {
      const ScannedCell& c = cells[k];
      // Columns counted on from the previous cell of the same line (not from the line start).
      col = k > 0 && cells[k - 1].line == c.line ? col - 1 + column_of(text, cells[k - 1].offset, c.offset)
                                                  : column_of(text, c.line_start, c.offset);
      rec.cells.emplace_back(c.text);
      rec.line.push_back(c.line);
      rec.column.push_back(col);
    }
    blank.push_back(blank_record(cells, quoted));
    records.push_back(std::move(rec));
  }
  sink.throw_if_errors();
  while (!records.empty() && blank.back()) {
    records.pop_back();
    blank.pop_back();
  }
  return records;
}

namespace {

CommuneTable parse_table(const std::string& path, std::string_view text, const Catalogue& catalogue,
                         CsvDialect dialect, TextReleaser* releaser) {
  text = without_trailer(text);  // the '#' caveat lines lotrinh writes at the end of its CSV
  const char sep = separator(dialect);
  const std::string sep_text(1, sep);
  TextProblems problems(path, text);
  const std::shared_ptr<const SourceFile> file = problems.file();
  RecordScanner scanner(text, sep);
  // Problems of splitting come first, in file order, then those of the header and rows (as
  // when the whole text was split first); an unterminated quote stops everything but them.
  DiagnosticSink split, sink;
  auto all_problems = [&] {
    DiagnosticSink all;
    for (const auto& d : split.list()) all.add(d);
    for (const auto& d : sink.list()) all.add(d);
    return all;
  };
  // Splits the rest of the text for its problems, then throws what was found.
  auto finish_and_throw = [&] {
    std::vector<ScannedCell> cells;
    bool quoted = false;
    while (!scanner.done()) {
      bool ok = scanner.next(cells, quoted);
      problems.add(scanner, split);
      if (!ok) split.throw_if_errors();
    }
    all_problems().throw_if_errors();
  };
  auto loc = [&](const ScannedCell& c) { return problems.loc(c); };

  CommuneTable table;
  table.path = path;

  // --- Header (the first record; a table of blank lines has none) ---
  std::vector<ScannedCell> header;
  bool header_quoted = false;
  bool has_header = false;
  if (!scanner.done()) {
    if (!scanner.next(header, header_quoted)) {
      problems.add(scanner, split);
      split.throw_if_errors();
    }
    problems.add(scanner, split);
    has_header = !blank_record(header, header_quoted);
    if (!has_header) {
      // A blank first line is the header only when some line after it is not blank.
      RecordScanner ahead = scanner;
      std::vector<ScannedCell> cells;
      bool quoted = false;
      while (!has_header && !ahead.done()) {
        bool ok = ahead.next(cells, quoted);
        if (!ok) finish_and_throw();
        has_header = !blank_record(cells, quoted);
      }
    }
  }
  if (!has_header) {
    sink.error({file, 0, 0}, msg("data.no_header"), msg("data.header.hint", sep_text));
    finish_and_throw();
  }
  std::vector<std::string> ids;
  for (const auto& c : header) ids.emplace_back(trim(c.text));
  if (ids.size() == 1 && dialect == CsvDialect::kRfc4180 && ids[0].find(';') != std::string::npos) {
    sink.error(loc(header[0]), msg("data.header_semicolons"), msg("data.header_semicolons.hint"));
    finish_and_throw();
  }
  if (ids.size() == 1 && dialect == CsvDialect::kExcelVi && ids[0].find(',') != std::string::npos) {
    sink.error(loc(header[0]), msg("data.header_commas"), msg("data.header_commas.hint"));
    finish_and_throw();
  }
  if (ids[0] != "commune" && ids[0] != "village" && ids[0] != "unit")
    sink.error(loc(header[0]), msg("data.header_first", ids[0]), msg("data.header.hint", sep_text));
  if (ids.size() < 2)
    sink.error(loc(header[0]), msg("data.header_no_year"), msg("data.header.hint", sep_text));
  else if (ids[1] != "year")
    sink.error(loc(header[1]), msg("data.header_second", ids[1]), msg("data.header.hint", sep_text));
  if (sink.has_errors()) finish_and_throw();
  const std::string key_name = ids[0];
  if (key_name != "unit") table.level = key_name;

  // Rows are at most the lines left: the columns are sized once (pages never written to are
  // never taken from the system).
  const size_t expected_rows =
      static_cast<size_t>(std::count(text.begin() + static_cast<long>(scanner.position()), text.end(), '\n')) + 1;
  std::vector<ColumnPlan> plan(ids.size());
  std::map<std::string, size_t> seen{{ids[0], 0}, {ids[1], 1}};
  std::vector<std::string> candidates = catalogue.ids();
  candidates.push_back("name");
  candidates.push_back("district");
  for (size_t k = 2; k < ids.size(); ++k) {
    const std::string& id = ids[k];
    if (id.empty()) {
      sink.error(loc(header[k]), msg("data.header_empty", k + 1), msg("data.header_empty.hint"));
      continue;
    }
    auto [it, fresh] = seen.emplace(id, k);
    if (!fresh) {
      sink.error(loc(header[k]), msg("data.header_duplicate", id, it->second + 1), msg("data.header_duplicate.hint"));
      continue;
    }
    if (id == "name") {
      plan[k].kind = ColumnKind::kName;
    } else if (id == "district") {
      plan[k].kind = ColumnKind::kDistrict;
    } else if (catalogue.knows(id)) {
      plan[k].kind = ColumnKind::kIndicator;
      plan[k].rule = ValueRule(catalogue.find(id));
      if (!plan[k].rule.indicator) plan[k].alias = catalogue.find_alias(id);
      table.columns.push_back(id);
    } else {
      std::string hint = diag::did_you_mean(id, candidates);
      if (hint.empty()) hint = msg("data.unknown_column.hint");
      sink.error(loc(header[k]), msg("data.unknown_column", id), hint);
    }
  }
  for (size_t k = 2; k < ids.size(); ++k) {
    if (plan[k].kind != ColumnKind::kIndicator) continue;
    plan[k].values = &table.values[ids[k]];
    plan[k].values->reserve(expected_rows);
  }
  table.unit.reserve(expected_rows);
  table.year.reserve(expected_rows);
  table.name.reserve(expected_rows);
  table.district.reserve(expected_rows);

  // --- Rows ---
  RowKeys keys(expected_rows);
  std::vector<int> row_line;                          // line of each row, for a duplicate's message
  row_line.reserve(expected_rows);
  std::set<std::pair<std::string, int>> alias_gaps;  // (alias, year) already reported
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<ScannedCell> rec;
  bool quoted = false;
  while (!scanner.done()) {
    if (releaser) releaser->release_before(scanner.position());
    const bool ok = scanner.next(rec, quoted);
    if (scanner.has_problems()) problems.add(scanner, split);
    if (!ok) split.throw_if_errors();
    bool all_blank = true;
    for (const auto& c : rec) {
      if (!trim(c.text).empty()) {
        all_blank = false;
        break;
      }
    }
    if (all_blank) continue;
    if (rec.size() != ids.size()) {
      std::string id = rec.size() == 1 ? "data.ragged_row.one" : "data.ragged_row";
      sink.error(loc(rec[0]), msg(id, rec.size(), ids.size()), msg("data.ragged_row.hint", sep_text));
      continue;
    }
    std::string_view key = trim(rec[0].text);
    std::string_view year_text = trim(rec[1].text);
    int year = 0;
    bool year_ok = false;
    if (key.empty()) sink.error(loc(rec[0]), msg("data.missing_cell", key_name), msg("data.missing_unit.hint"));
    if (year_text.empty()) {
      sink.error(loc(rec[1]), msg("data.missing_cell", "year"), msg("data.missing_year.hint"));
    } else if (!(year_ok = parse_year(year_text, year))) {
      sink.error(loc(rec[1]), msg("data.bad_year", year_text), msg("data.bad_year.hint"));
    }
    const size_t row = table.unit.size();
    table.unit.emplace_back(key);
    table.year.push_back(year);
    table.name.emplace_back();
    table.district.emplace_back();
    row_line.push_back(rec[0].line);
    // The duplicate check comes after the cells (its slot fetched meanwhile), its error before
    // theirs: they wait in `cells_sink` (empty, and free, for a row without problems).
    const bool keyed = !key.empty() && year_ok;
    const uint64_t key_hash = keyed ? keys.prefetch(key, year) : 0;
    DiagnosticSink cells_sink;
    for (size_t k = 2; k < ids.size(); ++k) {
      std::string_view cell = trim(rec[k].text);
      ColumnPlan& col = plan[k];
      switch (col.kind) {
        case ColumnKind::kSkip:
          continue;
        case ColumnKind::kName:
          table.name.back() = cell;
          continue;
        case ColumnKind::kDistrict:
          table.district.back() = cell;
          continue;
        case ColumnKind::kIndicator:
          break;
      }
      const std::string& id = ids[k];
      double value = nan;
      if (!cell.empty()) {
        double v = 0;
        switch (plain_number(cell, dialect, v) ? NumberProblem::kNone : parse_number(cell, dialect, v)) {
          case NumberProblem::kNone:
            value = v;
            break;
          case NumberProblem::kNotNumber:
            cells_sink.error(loc(rec[k]), msg("data.not_number", cell, id),
                       msg(dialect == CsvDialect::kExcelVi ? "data.not_number.hint_vi" : "data.not_number.hint"));
            break;
          case NumberProblem::kDecimalComma: {
            std::string fixed(cell);
            fixed[fixed.find(',')] = '.';
            cells_sink.error(loc(rec[k]), msg("data.decimal_comma", cell, id), msg("data.decimal_comma.hint", fixed));
            break;
          }
          case NumberProblem::kBadGrouping:
            cells_sink.error(loc(rec[k]), msg("data.bad_grouping", cell, id), msg("data.bad_grouping.hint"));
            break;
        }
      }
      if (!std::isnan(value)) {
        // An alias needs a valid year to know its indicator.
        const ValueRule* rule = col.rule.indicator ? &col.rule : nullptr;
        if (!rule && col.alias && year_ok) {
          if (!col.alias_resolved || col.alias_year != year) {
            auto resolved = catalogue.resolve(id, year);
            col.alias_rule = ValueRule(resolved ? catalogue.find(*resolved) : nullptr);
            col.alias_year = year;
            col.alias_resolved = true;
          }
          rule = col.alias_rule.indicator ? &col.alias_rule : nullptr;
          if (!rule && alias_gaps.emplace(id, year).second)
            cells_sink.error(loc(rec[k]), msg("data.alias_no_period", id, year),
                       msg("data.alias_no_period.hint", id, describe_periods(*col.alias)));
        }
        if (rule) {
          const Indicator* ind = rule->indicator;
          const bool percent = rule->percent;
          if (percent) value /= 100;
          if (value < ind->min || value > ind->max) {
            std::string shown = percent ? msg("data.percent_value", value, cell) : fmt::format("{}", value);
            if (value < ind->min)
              cells_sink.error(loc(rec[k]), msg("data.below_min", shown, id, ind->min, unit_suffix(*ind)),
                         msg("data.out_of_range.hint", ind->id));
            else
              cells_sink.error(loc(rec[k]), msg("data.above_max", shown, id, ind->max, unit_suffix(*ind)),
                         msg("data.out_of_range.hint", ind->id));
          }
        }
      }
      col.values->push_back(value);
    }
    if (keyed) {
      long first = keys.insert(table, row, key_hash);
      if (first >= 0)
        sink.error(loc(rec[0]), msg("data.duplicate_row", key, year, row_line[static_cast<size_t>(first)]),
                   msg("data.duplicate_row.hint", key_name));
    }
    for (const auto& d : cells_sink.list()) sink.add(d);
  }
  all_problems().throw_if_errors();
  return table;
}

}  // namespace

CommuneTable parse_commune_table(const std::string& path, std::string_view text, const Catalogue& catalogue,
                                 CsvDialect dialect) {
  return parse_table(path, text, catalogue, dialect, nullptr);
}

CommuneTable read_commune_table(const std::string& path, const Catalogue& catalogue, CsvDialect dialect) {
  std::string text = diag::read_file(path);
  TextReleaser releaser(text);
  return parse_table(diag::input_name(path), text, catalogue, dialect, &releaser);
}

}  // namespace lotrinh::data
