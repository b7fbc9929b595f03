#include "data/funding_ledger.h"

#include <algorithm>
#include <optional>

#include "data/csv_table_reader.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "diag/text_file.h"

namespace lotrinh::data {
namespace {

using diag::msg;
using diag::SourceLoc;

constexpr const char* kRequired[] = {"id",     "parent", "item",    "purpose",          "source", "amount_vnd",
                                     "bound",  "parts",  "parts_differ_vnd", "section", "kind"};

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// Digits only, optionally after a '-' when `signed_ok`; nullopt otherwise or on overflow.
std::optional<std::int64_t> parse_dong(const std::string& s, bool signed_ok) {
  size_t i = 0;
  bool negative = false;
  if (signed_ok && !s.empty() && s[0] == '-') {
    negative = true;
    i = 1;
  }
  if (i >= s.size() || s.size() - i > 18) return std::nullopt;
  std::int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return negative ? -v : v;
}

bool is_key(const std::string& s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'; });
}

// The cells of one row that later checks point at.
struct RowCells {
  SourceLoc id, parent, amount, parts;
};

}  // namespace

FundingLedger FundingLedger::read(const std::string& path) {
  return parse(path, diag::checked_text(path, diag::read_file(path)));
}

FundingLedger FundingLedger::parse(const std::string& path, std::string_view text) {
  const auto file = diag::SourceFile::from_text(path, text);
  const auto records = parse_csv(path, text, CsvDialect::kRfc4180);
  diag::DiagnosticSink sink;
  std::string names;
  for (const char* c : kRequired) names += (names.empty() ? "" : ",") + std::string(c);
  if (records.empty()) {
    sink.error({file, 0, 0}, msg("data.no_header"), msg("funding.columns.hint", names));
    sink.throw_if_errors();
  }
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < records[0].cells.size(); ++i) col.emplace(trim(records[0].cells[i]), i);
  for (const char* c : kRequired) {
    if (!col.count(c))
      sink.error({file, records[0].line[0], 0}, msg("funding.missing_column", c), msg("funding.columns.hint", names));
  }
  sink.throw_if_errors();

  FundingLedger ledger;
  std::vector<RowCells> cells;
  std::map<std::string, int> line_of;  // id -> line of its row
  const size_t width = records[0].cells.size();
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.cells.size() == 1 && trim(rec.cells[0]).empty()) continue;
    if (rec.cells.size() != width) {
      sink.error({file, rec.line[0], 1},
                 msg(rec.cells.size() == 1 ? "data.ragged_row.one" : "data.ragged_row", rec.cells.size(), width),
                 msg("data.ragged_row.hint", ","));
      continue;
    }
    auto cell = [&](const char* c) { return col.count(c) ? trim(rec.cells[col.at(c)]) : std::string(); };
    auto loc = [&](const char* c) { return SourceLoc{file, rec.line[col.at(c)], rec.column[col.at(c)]}; };
    FundingEntry e;
    e.id = cell("id");
    e.parent = cell("parent");
    e.item = cell("item");
    e.purpose = cell("purpose");
    e.source = cell("source");
    e.section = cell("section");
    e.kind = cell("kind");
    e.commune = cell("commune");
    e.note = cell("note");
    e.loc = loc("id");
    bool ok = true;
    if (!is_key(e.id)) {
      sink.error(loc("id"), e.id.empty() ? msg("funding.empty_cell", "id") : msg("funding.bad_id", e.id),
                 msg("funding.bad_id.hint"));
      ok = false;
    } else if (auto [it, added] = line_of.emplace(e.id, rec.line[0]); !added) {
      sink.error(loc("id"), msg("funding.duplicate_id", e.id, it->second), msg("funding.duplicate_id.hint"));
      ok = false;
    }
    for (const char* c : {"item", "purpose", "source", "section"}) {
      if (cell(c).empty()) {
        sink.error(loc(c), msg("funding.empty_cell", c), msg("funding.empty_cell.hint"));
        ok = false;
      }
    }
    if (auto amount = parse_dong(cell("amount_vnd"), false)) {
      e.amount_vnd = *amount;
    } else {
      sink.error(loc("amount_vnd"), msg("funding.bad_amount", cell("amount_vnd")), msg("funding.bad_amount.hint"));
      ok = false;
    }
    const std::string bound = cell("bound");
    if (bound == "exact" || bound == "more_than") {
      e.bound = bound == "exact" ? AmountBound::kExact : AmountBound::kMoreThan;
    } else {
      sink.error(loc("bound"), msg("funding.bad_bound", bound), msg("funding.bad_bound.hint"));
      ok = false;
    }
    const std::string parts = cell("parts");
    if (parts.empty() || parts == "complete" || parts == "partial") {
      e.parts = parts.empty() ? PartsRelation::kNone : parts == "complete" ? PartsRelation::kComplete : PartsRelation::kPartial;
    } else {
      sink.error(loc("parts"), msg("funding.bad_parts", parts), msg("funding.bad_parts.hint"));
      ok = false;
    }
    const std::string differ = cell("parts_differ_vnd");
    if (!differ.empty()) {
      if (auto d = parse_dong(differ, true)) {
        e.parts_differ_vnd = *d;
      } else {
        sink.error(loc("parts_differ_vnd"), msg("funding.bad_difference", differ), msg("funding.bad_difference.hint"));
        ok = false;
      }
      if (e.parts != PartsRelation::kComplete && ok) {
        sink.error(loc("parts_differ_vnd"), msg("funding.difference_without_parts", e.id),
                   msg("funding.difference_without_parts.hint"));
        ok = false;
      }
    }
    if (e.kind != "reported" && e.kind != "derived") {
      sink.error(loc("kind"), msg("funding.bad_kind", e.kind), msg("funding.bad_kind.hint"));
      ok = false;
    }
    if (!ok) continue;
    cells.push_back({loc("id"), loc("parent"), loc("amount_vnd"), loc("parts")});
    ledger.entries_.push_back(std::move(e));
  }

  // Parents: known, and listed before their parts (so the ledger is a tree, read top down).
  std::vector<std::string> ids;
  for (const auto& e : ledger.entries_) ids.push_back(e.id);
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < ledger.entries_.size(); ++i) {
    const FundingEntry& e = ledger.entries_[i];
    if (!e.parent.empty() && !index.count(e.parent)) {
      auto later = line_of.find(e.parent);
      if (later != line_of.end() && later->second > cells[i].id.line) {
        sink.error(cells[i].parent, msg("funding.parent_after", e.parent, later->second),
                   msg("funding.parent_after.hint", e.parent));
      } else {
        std::string hint = diag::did_you_mean(e.parent, ids);
        sink.error(cells[i].parent, msg("funding.unknown_parent", e.parent),
                   hint.empty() ? msg("funding.unknown_parent.hint") : hint);
      }
    }
    index.emplace(e.id, i);
  }
  sink.throw_if_errors();

  // Parts add up.
  for (size_t i = 0; i < ledger.entries_.size(); ++i) {
    const FundingEntry& e = ledger.entries_[i];
    const auto parts = ledger.parts_of(e.id);
    if (parts.empty()) {
      if (e.parts != PartsRelation::kNone)
        sink.error(cells[i].parts, msg("funding.no_parts", e.id, e.parts == PartsRelation::kComplete ? "complete" : "partial"),
                   msg("funding.no_parts.hint"));
      continue;
    }
    if (e.parts == PartsRelation::kNone) {
      sink.error(cells[i].parts, msg("funding.parts_undeclared", e.id, parts.size()), msg("funding.parts_undeclared.hint"));
      continue;
    }
    const std::int64_t sum = ledger.sum_of_parts(e.id);
    if (e.parts == PartsRelation::kComplete) {
      if (sum + e.parts_differ_vnd != e.amount_vnd) {
        sink.error(cells[i].amount, msg("funding.parts_sum", e.id, sum, e.parts_differ_vnd, e.amount_vnd),
                   msg("funding.parts_sum.hint", e.amount_vnd - sum));
      }
      auto lower = std::find_if(parts.begin(), parts.end(),
                                [](const FundingEntry* p) { return p->bound == AmountBound::kMoreThan; });
      if (lower != parts.end() && e.bound == AmountBound::kExact) {
        sink.error(cells[i].amount, msg("funding.bound_parts", e.id, (*lower)->id), msg("funding.bound_parts.hint"));
      }
    } else if (sum > e.amount_vnd) {
      sink.error(cells[i].amount, msg("funding.parts_exceed", e.id, sum, e.amount_vnd), msg("funding.parts_exceed.hint"));
    }
  }
  sink.throw_if_errors();
  return ledger;
}

const FundingEntry* FundingLedger::find(std::string_view id) const {
  for (const auto& e : entries_)
    if (e.id == id) return &e;
  return nullptr;
}

std::vector<const FundingEntry*> FundingLedger::parts_of(std::string_view id) const {
  std::vector<const FundingEntry*> out;
  for (const auto& e : entries_)
    if (e.parent == id) out.push_back(&e);
  return out;
}

std::int64_t FundingLedger::sum_of_parts(std::string_view id) const {
  std::int64_t sum = 0;
  for (const FundingEntry* p : parts_of(id)) sum += p->amount_vnd;
  return sum;
}

std::vector<const FundingEntry*> FundingLedger::base_entries() const {
  std::vector<const FundingEntry*> out;
  for (const auto& e : entries_) {
    if (e.parts == PartsRelation::kComplete) continue;
    const FundingEntry* up = find(e.parent);
    bool inside_partial = false;
    for (; up; up = find(up->parent)) inside_partial = inside_partial || up->parts == PartsRelation::kPartial;
    if (!inside_partial) out.push_back(&e);
  }
  return out;
}

std::map<std::string, std::int64_t> FundingLedger::totals_by_source() const {
  std::map<std::string, std::int64_t> out;
  for (const FundingEntry* e : base_entries()) out[e->source] += e->amount_vnd;
  return out;
}

std::map<std::string, std::int64_t> FundingLedger::totals_by_purpose() const {
  std::map<std::string, std::int64_t> out;
  for (const FundingEntry* e : base_entries()) out[e->purpose] += e->amount_vnd;
  return out;
}

}  // namespace lotrinh::data
