#include "data/csv_table_reader.h"
#include "data/csv_trailer.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
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

// Splits `text` into records. Problems go to `sink`; `fatal` is set when the rest of the text
// could not be split (an unterminated quote).
std::vector<CsvRecord> split_records(const std::shared_ptr<const SourceFile>& file, std::string_view text,
                                     char sep, DiagnosticSink& sink, bool& fatal) {
  text = without_trailer(text);  // the '#' caveat lines lotrinh writes at the end of its CSV
  std::vector<CsvRecord> records;
  std::vector<bool> blank;  // per record: a single unquoted cell of blanks
  const size_t n = text.size();
  size_t i = 0;
  int line = 1, col = 1;
  auto consume = [&] {
    char c = text[i++];
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++col;
    }
  };
  auto at_line_end = [&] {
    return i >= n || text[i] == '\n' || (text[i] == '\r' && (i + 1 >= n || text[i + 1] == '\n'));
  };
  while (i < n) {
    CsvRecord rec;
    bool quoted_any = false;
    for (;;) {
      const int cell_line = line, cell_col = col;
      std::string cell;
      if (i < n && text[i] == '"') {
        quoted_any = true;
        consume();
        bool closed = false;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              cell += '"';
              consume();
              consume();
            } else {
              consume();
              closed = true;
              break;
            }
          } else if (c == '\r' && i + 1 < n && text[i + 1] == '\n') {
            cell += '\n';
            consume();
            consume();
          } else {
            cell += c;
            consume();
          }
        }
        if (!closed) {
          sink.error({file, cell_line, cell_col}, msg("csv.unterminated_quote"), msg("csv.unterminated_quote.hint"));
          fatal = true;
          return records;
        }
        if (i < n && text[i] != sep && !at_line_end()) {
          sink.error({file, line, col}, msg("csv.text_after_quote"), msg("csv.text_after_quote.hint"));
          while (i < n && text[i] != sep && !at_line_end()) {
            cell += text[i];
            consume();
          }
        }
        if (i < n && text[i] == '\r') consume();
      } else {
        while (i < n && text[i] != sep && text[i] != '\n') {
          cell += text[i];
          consume();
        }
        if (!cell.empty() && cell.back() == '\r') cell.pop_back();
      }
      rec.cells.push_back(std::move(cell));
      rec.line.push_back(cell_line);
      rec.column.push_back(cell_col);
      if (i < n && text[i] == sep) {
        consume();
        continue;
      }
      if (i < n && text[i] == '\n') consume();
      break;
    }
    blank.push_back(!quoted_any && rec.cells.size() == 1 && trim(rec.cells[0]).empty());
    records.push_back(std::move(rec));
  }
  while (!records.empty() && blank.back()) {
    records.pop_back();
    blank.pop_back();
  }
  return records;
}

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

NumberProblem parse_number(std::string_view s, CsvDialect dialect, double& out) {
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

}  // namespace

std::vector<CsvRecord> parse_csv(const std::string& path, std::string_view text, CsvDialect dialect) {
  DiagnosticSink sink;
  bool fatal = false;
  auto records = split_records(SourceFile::from_text(path, text), text, separator(dialect), sink, fatal);
  sink.throw_if_errors();
  return records;
}

CommuneTable parse_commune_table(const std::string& path, std::string_view text, const Catalogue& catalogue,
                                 CsvDialect dialect) {
  auto file = SourceFile::from_text(path, text);
  const char sep = separator(dialect);
  const std::string sep_text(1, sep);
  DiagnosticSink sink;
  bool fatal = false;
  std::vector<CsvRecord> records = split_records(file, text, sep, sink, fatal);
  if (fatal) sink.throw_if_errors();
  auto loc = [&](const CsvRecord& r, size_t k) { return SourceLoc{file, r.line[k], r.column[k]}; };

  CommuneTable table;
  table.path = path;
  if (records.empty()) {
    sink.error({file, 0, 0}, msg("data.no_header"), msg("data.header.hint", sep_text));
    sink.throw_if_errors();
  }

  // --- Header ---
  const CsvRecord& header = records[0];
  std::vector<std::string> ids;
  for (const auto& c : header.cells) ids.emplace_back(trim(c));
  if (ids.size() == 1 && dialect == CsvDialect::kRfc4180 && ids[0].find(';') != std::string::npos) {
    sink.error(loc(header, 0), msg("data.header_semicolons"), msg("data.header_semicolons.hint"));
    sink.throw_if_errors();
  }
  if (ids.size() == 1 && dialect == CsvDialect::kExcelVi && ids[0].find(',') != std::string::npos) {
    sink.error(loc(header, 0), msg("data.header_commas"), msg("data.header_commas.hint"));
    sink.throw_if_errors();
  }
  if (ids[0] != "commune" && ids[0] != "village" && ids[0] != "unit")
    sink.error(loc(header, 0), msg("data.header_first", ids[0]), msg("data.header.hint", sep_text));
  if (ids.size() < 2)
    sink.error(loc(header, 0), msg("data.header_no_year"), msg("data.header.hint", sep_text));
  else if (ids[1] != "year")
    sink.error(loc(header, 1), msg("data.header_second", ids[1]), msg("data.header.hint", sep_text));
  sink.throw_if_errors();
  const std::string& key_name = ids[0];
  if (key_name != "unit") table.level = key_name;

  std::vector<ColumnKind> kinds(ids.size(), ColumnKind::kSkip);
  std::map<std::string, size_t> seen{{ids[0], 0}, {ids[1], 1}};
  std::vector<std::string> candidates = catalogue.ids();
  candidates.push_back("name");
  candidates.push_back("district");
  for (size_t k = 2; k < ids.size(); ++k) {
    const std::string& id = ids[k];
    if (id.empty()) {
      sink.error(loc(header, k), msg("data.header_empty", k + 1), msg("data.header_empty.hint"));
      continue;
    }
    auto [it, fresh] = seen.emplace(id, k);
    if (!fresh) {
      sink.error(loc(header, k), msg("data.header_duplicate", id, it->second + 1),
                 msg("data.header_duplicate.hint"));
      continue;
    }
    if (id == "name") {
      kinds[k] = ColumnKind::kName;
    } else if (id == "district") {
      kinds[k] = ColumnKind::kDistrict;
    } else if (catalogue.knows(id)) {
      kinds[k] = ColumnKind::kIndicator;
      table.columns.push_back(id);
      table.values[id];
    } else {
      std::string hint = diag::did_you_mean(id, candidates);
      if (hint.empty()) hint = msg("data.unknown_column.hint");
      sink.error(loc(header, k), msg("data.unknown_column", id), hint);
    }
  }

  // --- Rows ---
  std::map<std::pair<std::string, int>, int> first_line;  // (unit, year) -> line of its row
  std::set<std::pair<std::string, int>> alias_gaps;       // (alias, year) already reported
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    bool all_blank = true;
    for (const auto& c : rec.cells) all_blank = all_blank && trim(c).empty();
    if (all_blank) continue;
    if (rec.cells.size() != ids.size()) {
      std::string id = rec.cells.size() == 1 ? "data.ragged_row.one" : "data.ragged_row";
      sink.error(loc(rec, 0), msg(id, rec.cells.size(), ids.size()), msg("data.ragged_row.hint", sep_text));
      continue;
    }
    std::string key(trim(rec.cells[0]));
    std::string_view year_text = trim(rec.cells[1]);
    int year = 0;
    bool year_ok = false;
    if (key.empty()) sink.error(loc(rec, 0), msg("data.missing_cell", key_name), msg("data.missing_unit.hint"));
    if (year_text.empty()) {
      sink.error(loc(rec, 1), msg("data.missing_cell", "year"), msg("data.missing_year.hint"));
    } else if (!(year_ok = parse_year(year_text, year))) {
      sink.error(loc(rec, 1), msg("data.bad_year", year_text), msg("data.bad_year.hint"));
    }
    if (!key.empty() && year_ok) {
      auto [it, fresh] = first_line.emplace(std::make_pair(key, year), rec.line[0]);
      if (!fresh)
        sink.error(loc(rec, 0), msg("data.duplicate_row", key, year, it->second),
                   msg("data.duplicate_row.hint", key_name));
    }
    table.unit.push_back(key);
    table.year.push_back(year);
    table.name.emplace_back();
    table.district.emplace_back();
    for (size_t k = 2; k < ids.size(); ++k) {
      std::string_view cell = trim(rec.cells[k]);
      switch (kinds[k]) {
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
        switch (parse_number(cell, dialect, v)) {
          case NumberProblem::kNone:
            value = v;
            break;
          case NumberProblem::kNotNumber:
            sink.error(loc(rec, k), msg("data.not_number", cell, id),
                       msg(dialect == CsvDialect::kExcelVi ? "data.not_number.hint_vi" : "data.not_number.hint"));
            break;
          case NumberProblem::kDecimalComma: {
            std::string fixed(cell);
            fixed[fixed.find(',')] = '.';
            sink.error(loc(rec, k), msg("data.decimal_comma", cell, id), msg("data.decimal_comma.hint", fixed));
            break;
          }
          case NumberProblem::kBadGrouping:
            sink.error(loc(rec, k), msg("data.bad_grouping", cell, id), msg("data.bad_grouping.hint"));
            break;
        }
      }
      if (!std::isnan(value)) {
        // An alias needs a valid year to know its indicator.
        const Indicator* ind = catalogue.find(id);
        if (!ind && year_ok) {
          auto resolved = catalogue.resolve(id, year);
          if (resolved) {
            ind = catalogue.find(*resolved);
          } else if (alias_gaps.emplace(id, year).second) {
            sink.error(loc(rec, k), msg("data.alias_no_period", id, year),
                       msg("data.alias_no_period.hint", id, describe_periods(*catalogue.find_alias(id))));
          }
        }
        if (ind) {
          const bool percent = ind->csv_unit == "percent";
          if (percent) value /= 100;
          if (value < ind->min || value > ind->max) {
            std::string shown = percent ? msg("data.percent_value", value, cell) : fmt::format("{}", value);
            if (value < ind->min)
              sink.error(loc(rec, k), msg("data.below_min", shown, id, ind->min, unit_suffix(*ind)),
                         msg("data.out_of_range.hint", ind->id));
            else
              sink.error(loc(rec, k), msg("data.above_max", shown, id, ind->max, unit_suffix(*ind)),
                         msg("data.out_of_range.hint", ind->id));
          }
        }
      }
      table.values[id].push_back(value);
    }
  }
  sink.throw_if_errors();
  return table;
}

CommuneTable read_commune_table(const std::string& path, const Catalogue& catalogue, CsvDialect dialect) {
  std::string text = diag::read_file(path);
  return parse_commune_table(path, text, catalogue, dialect);
}

}  // namespace lotrinh::data
