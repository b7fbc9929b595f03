#include "data/official_lists.h"

#include <filesystem>

#include "data/headed_csv.h"
#include "diag/messages.h"
#include "diag/text_file.h"

namespace lotrinh::data {
namespace {

using diag::msg;

// A whole number written with digits only, or -1.
long whole(const std::string& s) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stol(s);
}

}  // namespace

OfficialLists OfficialLists::parse(const std::string& path, std::string_view text) {
  diag::DiagnosticSink sink;
  HeadedCsv t = read_headed_csv(path, text,
                                {"list", "decision", "date", "data_from", "data_to", "classification", "unit", "class",
                                 "count", "source", "note"},
                                {"official.missing_column", "official.columns.hint"}, sink);
  OfficialLists out;
  std::map<std::string, size_t> index;  // list id -> position in out.lists_
  std::map<std::pair<std::string, std::string>, int> count_line;  // (list, class) -> line
  for (const auto& row : t.rows) {
    bool ok = true;
    for (const char* c : {"list", "decision", "classification", "class", "source"})
      if (t.cell(row, c).empty()) {
        sink.error(t.loc(row, c), msg("official.empty_cell", c), msg(std::string("official.empty_cell.") + c + ".hint"));
        ok = false;
      }
    int years[2] = {0, 0};
    const char* year_cols[2] = {"data_from", "data_to"};
    for (int i = 0; i < 2; ++i) {
      long y = whole(t.cell(row, year_cols[i]));
      if (y < 1900 || y > 2200) {
        sink.error(t.loc(row, year_cols[i]), msg("official.bad_year", t.cell(row, year_cols[i]), year_cols[i]),
                   msg("official.bad_year.hint"));
        ok = false;
      }
      years[i] = static_cast<int>(y);
    }
    if (ok && years[0] > years[1]) {
      sink.error(t.loc(row, "data_to"), msg("official.years_order", years[0], years[1]), msg("official.years_order.hint"));
      ok = false;
    }
    const std::string unit = t.cell(row, "unit"), count = t.cell(row, "count");
    if (unit.empty() == count.empty()) {
      sink.error(t.loc(row, "unit"), msg(unit.empty() ? "official.unit_or_count.neither" : "official.unit_or_count.both"),
                 msg("official.unit_or_count.hint"));
      ok = false;
    }
    long n = count.empty() ? 0 : whole(count);
    if (n < 0) {
      sink.error(t.loc(row, "count"), msg("official.bad_count", count), msg("official.bad_count.hint"));
      ok = false;
    }
    if (!ok) continue;

    const std::string id = t.cell(row, "list");
    auto [it, fresh] = index.emplace(id, out.lists_.size());
    if (fresh) {
      OfficialList l;
      l.id = id;
      l.decision = t.cell(row, "decision");
      l.date = t.cell(row, "date");
      l.data_from = years[0];
      l.data_to = years[1];
      l.classification = t.cell(row, "classification");
      l.loc = t.loc(row, "list");
      for (const auto& prev : out.lists_)
        if (prev.data_from <= l.data_to && l.data_from <= prev.data_to)
          sink.error(t.loc(row, "data_from"),
                     msg("official.overlap", id, l.data_from, l.data_to, prev.id, prev.data_from, prev.data_to, prev.loc.line),
                     msg("official.overlap.hint"));
      out.lists_.push_back(std::move(l));
    }
    OfficialList& l = out.lists_[it->second];
    if (!fresh) {
      const std::pair<const char*, std::string> same[] = {{"decision", l.decision},
                                                          {"date", l.date},
                                                          {"data_from", std::to_string(l.data_from)},
                                                          {"data_to", std::to_string(l.data_to)},
                                                          {"classification", l.classification}};
      bool consistent = true;
      for (const auto& [col, value] : same)
        if (consistent && t.cell(row, col) != value) {
          sink.error(t.loc(row, col), msg("official.inconsistent", id, col, t.cell(row, col), value, l.loc.line),
                     msg("official.inconsistent.hint"));
          consistent = false;
        }
      if (!consistent) continue;
    }
    const std::string cls = t.cell(row, "class");
    const int line = t.loc(row, "list").line;
    if (!unit.empty()) {
      if (auto u = l.unit_loc.find(unit); u != l.unit_loc.end()) {
        sink.error(t.loc(row, "unit"), msg("official.duplicate", unit, id, u->second.line), msg("official.duplicate.hint"));
        continue;
      }
      l.unit_class[unit] = cls;
      l.unit_loc[unit] = t.loc(row, "unit");
    } else {
      auto [c, first] = count_line.emplace(std::make_pair(id, cls), line);
      if (!first) {
        sink.error(t.loc(row, "count"), msg("official.duplicate", cls, id, c->second), msg("official.duplicate.hint"));
        continue;
      }
      l.class_count[cls] = n;
    }
  }
  sink.throw_if_errors();
  return out;
}

OfficialLists OfficialLists::read_if_present(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  return parse(path, diag::checked_text(path, diag::read_file(path)));
}

const OfficialList* OfficialLists::for_year(int year) const {
  for (const auto& l : lists_)
    if (l.data_from <= year && year <= l.data_to) return &l;
  return nullptr;
}

}  // namespace lotrinh::data
