// JSON through nlohmann::ordered_json, so keys keep the column order and output is
// byte-identical for identical input.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <string>

#include "report/renderers.h"

namespace lotrinh::report {
namespace {

using Json = nlohmann::ordered_json;

Json value(const Cell& cell) {
  if (cell.is_missing()) return nullptr;
  if (!cell.number) return cell.text;
  double v = *cell.number;
  // A whole number is written as one ("3", not "3.0"), as in the CSV; 2^53 bounds exactness.
  if (v == std::trunc(v) && std::fabs(v) < 9007199254740992.0) return static_cast<std::int64_t>(v);
  return v;
}

Json object(const ResultTable& table) {
  Json columns = Json::array();
  for (const auto& col : table.columns) columns.push_back(col.id);
  Json rows = Json::array();
  table.for_each_row([&](const std::vector<Cell>& row) {
    Json r = Json::object();
    for (size_t c = 0; c < table.columns.size(); ++c)
      r[table.columns[c].id] = c < row.size() ? value(row[c]) : Json(nullptr);
    rows.push_back(std::move(r));
  });
  Json notes = Json::array();
  for (const auto& note : table.notes) notes.push_back(note);
  Json out = Json::object();
  out["title"] = table.title;
  out["columns"] = std::move(columns);
  out["rows"] = std::move(rows);
  out["notes"] = std::move(notes);
  return out;
}

// Invalid UTF-8 is replaced (U+FFFD) instead of thrown: output must never fail.
std::string dump(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string render_json(const ResultTable& table) { return dump(object(table)); }

std::string render_json(const std::vector<ResultTable>& tables) {
  Json out = Json::array();
  for (const auto& table : tables) out.push_back(object(table));
  return dump(out);
}

}  // namespace lotrinh::report
