#include "data/provenance.h"

#include <filesystem>
#include <optional>
#include <set>

#include "data/csv_table_reader.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/text_file.h"
#include "diag/words.h"

namespace lotrinh::data {
namespace {

using Key = std::tuple<std::string, int, std::string>;

std::string key_text(const Key& k) {
  return std::get<0>(k) + "/" + std::to_string(std::get<1>(k)) + "/" + std::get<2>(k);
}

std::optional<int> parse_year(const std::string& s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int y = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    y = y * 10 + (c - '0');
  }
  return y;
}

// "indicator", "year/indicator" or "unit/year/indicator", read relative to the row `self`.
std::optional<Key> parse_ref(const std::string& ref, const Key& self) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t slash = ref.find('/', start);
    parts.push_back(ref.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  for (const auto& p : parts)
    if (p.empty() || p.find_first_of(" \t") != std::string::npos) return std::nullopt;
  if (parts.size() == 1) return Key{std::get<0>(self), std::get<1>(self), parts[0]};
  if (parts.size() > 3) return std::nullopt;
  auto year = parse_year(parts[parts.size() - 2]);
  if (!year) return std::nullopt;
  return Key{parts.size() == 3 ? parts[0] : std::get<0>(self), *year, parts.back()};
}

std::vector<std::string> split_from(const std::string& cell) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= cell.size() && !cell.empty()) {
    size_t semi = cell.find(';', start);
    std::string part = cell.substr(start, semi == std::string::npos ? std::string::npos : semi - start);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    out.push_back(part);
    if (semi == std::string::npos) break;
    start = semi + 1;
  }
  return out;
}

}  // namespace

ProvenanceTable ProvenanceTable::parse(const std::string& path, std::string_view text) {
  ProvenanceTable t;
  auto records = parse_csv(path, text, CsvDialect::kRfc4180);
  auto file = diag::SourceFile::from_text(path, text);
  diag::DiagnosticSink sink;
  std::vector<std::string> header{"commune", "year", "indicator", "kind", "source"};
  if (!records.empty() && records[0].cells.size() == 6 && records[0].cells[5] == "from") header.push_back("from");
  if (records.empty() || records[0].cells != header) {
    sink.error({file, 1, 1}, diag::msg("provenance.bad_header"), diag::msg("provenance.bad_header.hint"));
    sink.throw_if_errors();
  }
  struct Pending {
    Key key;
    diag::SourceLoc at;
    std::vector<std::string> refs;
  };
  std::vector<Pending> pending;  // rows with a `from`, in file order
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    auto at = [&](size_t c) { return diag::SourceLoc{file, rec.line[c], rec.column[c]}; };
    if (rec.cells.size() != header.size()) {
      sink.error(at(0), diag::msg("provenance.ragged", rec.cells.size(), header.size()),
                 diag::msg("provenance.bad_header.hint"));
      continue;
    }
    auto year = parse_year(rec.cells[1]);
    if (!year) {
      sink.error(at(1), diag::msg("provenance.bad_year", rec.cells[1]), diag::msg("provenance.bad_year.hint"));
      continue;
    }
    const std::string& kind = rec.cells[3];
    if (kind != "reported" && kind != "derived" && kind != "estimated") {
      sink.error(at(3), diag::msg("provenance.bad_kind", kind), diag::msg("provenance.bad_kind.hint"));
      continue;
    }
    Key key{rec.cells[0], *year, rec.cells[2]};
    std::vector<std::string> refs = header.size() == 6 ? split_from(rec.cells[5]) : std::vector<std::string>{};
    if (!t.rows_.emplace(key, Provenance{kind, kind, rec.cells[4], refs}).second) {
      sink.error(at(0), diag::msg("provenance.duplicate", rec.cells[0], *year, rec.cells[2]),
                 diag::msg("provenance.duplicate.hint"));
      continue;
    }
    if (!refs.empty()) pending.push_back({key, at(5), refs});
  }
  sink.throw_if_errors();

  // Resolve every reference; a reference that names no row, or that is not a reference, is an
  // error at its `from` cell.
  std::map<Key, std::vector<Key>> edges;
  std::map<Key, diag::SourceLoc> from_at;
  for (const auto& p : pending) {
    from_at[p.key] = p.at;
    for (const auto& ref : p.refs) {
      auto k = parse_ref(ref, p.key);
      if (!k) {
        sink.error(p.at, diag::msg("provenance.bad_ref", ref), diag::msg("provenance.bad_ref.hint"));
      } else if (!t.rows_.count(*k)) {
        sink.error(p.at, diag::msg("provenance.dangling", ref, key_text(*k)), diag::msg("provenance.dangling.hint"));
      } else {
        edges[p.key].push_back(*k);
      }
    }
  }
  sink.throw_if_errors();

  // Follow the chains depth first (an explicit stack: chains may be long). A value is estimated
  // when its row says so or when any value it is computed from is; a chain that comes back to a
  // value on the current path is a cycle, reported once at the `from` cell of the value it
  // returns to.
  enum State { kNew, kOpen, kDone };
  std::map<Key, State> state;
  for (const auto& p : pending) {
    if (state[p.key] == kDone) continue;
    struct Frame {
      Key key;
      size_t next = 0;
    };
    std::vector<Frame> stack{{p.key}};
    state[p.key] = kOpen;
    while (!stack.empty()) {
      Frame& f = stack.back();
      const auto& out = edges[f.key];
      if (f.next < out.size()) {
        const Key& k = out[f.next++];
        if (state[k] == kOpen) {
          std::string chain;
          size_t i = 0;
          while (stack[i].key != k) ++i;
          for (size_t j = i; j < stack.size(); ++j) chain += key_text(stack[j].key) + " -> ";
          chain += key_text(k);
          sink.error(from_at[k], diag::msg("provenance.cycle", key_text(k), chain), diag::msg("provenance.cycle.hint"));
        } else if (state[k] == kNew) {
          state[k] = kOpen;
          stack.push_back({k});
        }
        continue;
      }
      Provenance& self = t.rows_.at(f.key);
      for (const Key& k : out)
        if (t.rows_.at(k).kind == "estimated") self.kind = "estimated";
      state[f.key] = kDone;
      stack.pop_back();
    }
  }
  sink.throw_if_errors();
  return t;
}

ProvenanceTable ProvenanceTable::read_if_present(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  ProvenanceTable t = parse(path, diag::read_file(path));
  const std::string vi = translations_path(path);
  if (std::filesystem::exists(vi, ec)) t.parse_translations(vi, diag::read_file(vi));
  return t;
}

std::string ProvenanceTable::translations_path(const std::string& path) {
  std::filesystem::path p(path);
  return (p.parent_path() / (p.stem().string() + "-vi" + p.extension().string())).string();
}

void ProvenanceTable::parse_translations(const std::string& path, std::string_view text) {
  auto records = parse_csv(path, text, CsvDialect::kRfc4180);
  auto file = diag::SourceFile::from_text(path, text);
  diag::DiagnosticSink sink;
  if (records.empty() || records[0].cells != std::vector<std::string>{"source", "source_vi"}) {
    sink.error({file, 1, 1}, diag::msg("provenance.vi.bad_header"), diag::msg("provenance.vi.bad_header.hint"));
    sink.throw_if_errors();
  }
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    auto at = [&](size_t c) { return diag::SourceLoc{file, rec.line[c], rec.column[c]}; };
    if (rec.cells.size() != 2) {
      sink.error(at(0), diag::msg("provenance.ragged", rec.cells.size(), 2), diag::msg("provenance.vi.bad_header.hint"));
      continue;
    }
    if (rec.cells[1].empty()) {
      sink.error(at(1), diag::msg("provenance.vi.empty", rec.cells[0]), diag::msg("provenance.vi.bad_header.hint"));
      continue;
    }
    if (!source_vi_.emplace(rec.cells[0], rec.cells[1]).second)
      sink.error(at(0), diag::msg("provenance.vi.duplicate", rec.cells[0]), diag::msg("provenance.duplicate.hint"));
  }
  sink.throw_if_errors();
}

const std::string& ProvenanceTable::source_text(const Provenance& p) const {
  if (!diag::words()) return p.source;
  auto it = source_vi_.find(p.source);
  return it == source_vi_.end() ? p.source : it->second;
}

std::vector<std::string> ProvenanceTable::untranslated() const {
  std::set<std::string> out;
  for (const auto& [key, p] : rows_)
    if (!p.source.empty() && !source_vi_.count(p.source)) out.insert(p.source);
  return {out.begin(), out.end()};
}

const Provenance* ProvenanceTable::find(const std::string& unit, int year, const std::string& indicator) const {
  auto it = rows_.find(std::make_tuple(unit, year, indicator));
  return it == rows_.end() ? nullptr : &it->second;
}

std::tuple<size_t, size_t, size_t> ProvenanceTable::counts() const {
  size_t reported = 0, derived = 0, estimated = 0;
  for (const auto& [key, p] : rows_) {
    if (p.kind == "reported") ++reported;
    else if (p.kind == "derived") ++derived;
    else ++estimated;
  }
  return {reported, derived, estimated};
}

}  // namespace lotrinh::data
