// The Excel workbook renderer (libxlsxwriter stays inside this file).
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/words.h"
#include "report/cell_text.h"
#include "report/display_width.h"
#include "report/renderers.h"

namespace lotrinh::report {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& what) {
  diag::Diagnostic d;
  d.message = diag::msg("report.xlsx_failed", what);
  d.hint = diag::msg("report.xlsx_failed.hint");
  throw diag::InputError(d);
}

/// The first `n` code points of UTF-8 `s`.
std::string utf8_prefix(const std::string& s, size_t n) {
  size_t i = 0, count = 0;
  while (i < s.size() && count < n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++count;
  }
  return s.substr(0, i);
}

std::string lower_ascii(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// The characters of `s` (UTF-8), counted as Excel counts a sheet name's length.
size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string trim_sheet_name(std::string s) {
  while (!s.empty() && (s.front() == '\'' || s.front() == ' ')) s.erase(s.begin());
  while (!s.empty() && std::strchr("' ,;.-", s.back())) s.pop_back();
  return s;
}

/// A sheet name Excel accepts (at most 31 characters, none of []:*?/\, not starting or ending
/// with an apostrophe, unique ignoring ASCII case), read from the table's title: the whole title
/// when it fits, else its head before the first ':' or ',' ("Communes that change class, data
/// 2020" gives "Communes that change class"), else its words up to 31 characters; a name already
/// taken gets " (2)", " (3)"...; no usable title gives "Table N".
std::string sheet_name(const std::string& title, size_t n, std::set<std::string>* used) {
  constexpr size_t kMax = 31;
  std::string s = title;
  if (utf8_length(s) > kMax) {
    size_t cut = s.find_first_of(":,");
    if (cut != std::string::npos && cut > 0) s = s.substr(0, cut);
  }
  std::string clean;
  for (char c : s) {
    if (std::strchr("[]:*?/\\", c)) c = ' ';
    if (c != ' ' || clean.empty() || clean.back() != ' ') clean += c;
  }
  s = trim_sheet_name(clean);
  if (utf8_length(s) > kMax) {
    std::string head = utf8_prefix(s, kMax);
    // Cut at the last space when the limit falls inside a word.
    size_t space = head.rfind(' ');
    if (s.size() > head.size() && s[head.size()] != ' ' && space != std::string::npos && space > 0) head.resize(space);
    s = trim_sheet_name(head);
  }
  if (s.empty()) s = utf8_prefix(diag::msg("report.xlsx_sheet", n), kMax);
  if (used->count(lower_ascii(s))) {
    for (size_t k = 2;; ++k) {
      const std::string suffix = " (" + std::to_string(k) + ")";
      std::string candidate = trim_sheet_name(utf8_prefix(s, kMax - suffix.size())) + suffix;
      if (!used->count(lower_ascii(candidate))) {
        s = candidate;
        break;
      }
    }
  }
  used->insert(lower_ascii(s));
  return s;
}

/// The Excel number format of a number cell: thousands grouping, its decimals, percent.
std::string number_format(const Cell& c) {
  int d = c.decimals;
  if (d < 0) {
    double v = c.percent ? *c.number * 100 : *c.number;
    d = v == std::floor(v) && std::fabs(v) < 1e15 ? 0 : 2;
    if (d && !c.percent && std::fabs(v) < 1) d = 4;
  }
  std::string f = "#,##0";
  if (d > 0) f += "." + std::string(static_cast<size_t>(std::min(d, 10)), '0');
  if (c.percent) f += "%";
  return f;
}

class Workbook {
 public:
  explicit Workbook(const std::string& path) : path_(path) {
    lxw_workbook_options opt{};
    opt.constant_memory = LXW_FALSE;
    opt.tmpdir = nullptr;
    opt.use_zip64 = LXW_FALSE;
    wb_ = workbook_new_opt(path.c_str(), &opt);
    if (!wb_) fail(path);
    // A fixed creation time: libxlsxwriter then writes it (and the zip entries' times) instead
    // of the clock, so the same tables give the same bytes.
    lxw_doc_properties props{};
    props.created = 946684800;  // 2000-01-01T00:00:00Z
    workbook_set_properties(wb_, &props);
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header_, 0xDDE6F0);
    format_set_bottom(header_, LXW_BORDER_THIN);
    wrap_ = workbook_add_format(wb_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  }
  ~Workbook() {
    if (wb_) workbook_close(wb_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  void add_table(const ResultTable& t, const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (!ws) fail(name);
    std::vector<int> width(t.columns.size(), 6);
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const auto& col = t.columns[c];
      // --codes keeps the column ids, as in CSV, for a program reading the workbook.
      const std::string& h = col.header.empty() || diag::codes() ? col.id : col.header;
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), h.c_str(), header_);
      width[c] = std::max(width[c], std::min(display_width(h), 24));
    }
    size_t r = 0;
    t.for_each_row([&](const std::vector<Cell>& row) {
      const auto row_i = static_cast<lxw_row_t>(++r);
      for (size_t c = 0; c < row.size() && c < t.columns.size(); ++c) {
        const Cell& cell = row[c];
        const auto col_i = static_cast<lxw_col_t>(c);
        if (cell.number && std::isfinite(*cell.number)) {
          worksheet_write_number(ws, row_i, col_i, *cell.number, format(number_format(cell)));
          width[c] = std::max(width[c], display_width(table_text(cell)) + 2);
        } else if (!cell.text.empty()) {
          worksheet_write_string(ws, row_i, col_i, cell.text.c_str(), nullptr);
          width[c] = std::max(width[c], display_width(cell.text) + 1);
        }
      }
    });
    for (size_t c = 0; c < width.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), std::min(width[c], 60), nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    if (t.row_count() > 0 && !t.columns.empty())
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.row_count()),
                           static_cast<lxw_col_t>(t.columns.size() - 1));
  }

  /// The last sheet: every table's title and notes, one line each.
  void add_notes(const std::vector<ResultTable>& tables, const std::vector<std::string>& names) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, utf8_prefix(diag::msg("report.xlsx_notes"), 31).c_str());
    if (!ws) fail("notes");
    worksheet_write_string(ws, 0, 0, diag::msg("report.xlsx_col_sheet").c_str(), header_);
    worksheet_write_string(ws, 0, 1, diag::msg("report.xlsx_col_note").c_str(), header_);
    lxw_row_t r = 1;
    int w0 = display_width(diag::msg("report.xlsx_col_sheet")) + 2;
    for (size_t i = 0; i < tables.size(); ++i) {
      std::vector<std::string> lines;
      if (!tables[i].title.empty()) lines.push_back(tables[i].title);
      lines.insert(lines.end(), tables[i].notes.begin(), tables[i].notes.end());
      for (const auto& line : lines) {
        worksheet_write_string(ws, r, 0, names[i].c_str(), nullptr);
        worksheet_write_string(ws, r++, 1, line.c_str(), wrap_);
      }
      w0 = std::max(w0, display_width(names[i]) + 2);
    }
    worksheet_set_column(ws, 0, 0, std::min(w0, 34), nullptr);
    worksheet_set_column(ws, 1, 1, 110, nullptr);
    worksheet_freeze_panes(ws, 1, 0);
  }

  /// Writes the file; the workbook is unusable afterwards.
  void close() {
    lxw_error e = workbook_close(wb_);
    wb_ = nullptr;
    if (e != LXW_NO_ERROR) fail(lxw_strerror(e));
  }

 private:
  lxw_format* format(const std::string& num_format) {
    for (const auto& [f, fmt] : formats_)
      if (f == num_format) return fmt;
    lxw_format* fmt = workbook_add_format(wb_);
    format_set_num_format(fmt, num_format.c_str());
    formats_.emplace_back(num_format, fmt);
    return fmt;
  }

  std::string path_;
  lxw_workbook* wb_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* wrap_ = nullptr;
  std::vector<std::pair<std::string, lxw_format*>> formats_;
};

/// A private folder for the workbook while libxlsxwriter writes it (it writes to a file name);
/// removed with what it holds when done.
class TempDir {
 public:
  TempDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string base = std::string(tmp && *tmp ? tmp : "/tmp") + "/lotrinh-xlsx-XXXXXX";
    std::vector<char> buf(base.begin(), base.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data())) fail(base + ": " + std::strerror(errno));
    path_ = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

std::vector<std::string> xlsx_sheet_names(const std::vector<ResultTable>& tables) {
  std::set<std::string> used;
  used.insert(lower_ascii(utf8_prefix(diag::msg("report.xlsx_notes"), 31)));
  std::vector<std::string> names;
  for (size_t i = 0; i < tables.size(); ++i) names.push_back(sheet_name(tables[i].title, i + 1, &used));
  return names;
}

std::string render_xlsx(const std::vector<ResultTable>& tables) {
  TempDir dir;
  const std::string file = dir.path() + "/book.xlsx";
  {
    Workbook wb(file);
    const std::vector<std::string> names = xlsx_sheet_names(tables);
    for (size_t i = 0; i < tables.size(); ++i) wb.add_table(tables[i], names[i]);
    wb.add_notes(tables, names);
    wb.close();
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) fail(file);
  return bytes;
}

}  // namespace lotrinh::report
