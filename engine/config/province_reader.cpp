#include "config/province_reader.h"

#include <filesystem>

#include "config/table_reader.h"
#include "config/toml_tree.h"
#include "diag/messages.h"
#include "diag/text_file.h"

namespace lotrinh::config {
namespace {

namespace fs = std::filesystem;
using detail::Problems;
using detail::TableReader;
using detail::TomlValue;
using detail::Want;
using diag::msg;

using Words = std::vector<std::string>;
const Words kTopKeys = {"province", "tables", "years", "rules", "network"};
const Words kProvinceKeys = {"id", "name"};
const Words kTableKeys = {"communes", "provenance", "units",    "lineage", "districts", "district_centres",
                          "district_borders", "roads", "agencies", "twinning", "funding",   "figures", "official_lists"};
const Words kYearKeys = {"first", "last", "network", "history_until"};
const Words kRuleKeys = {"targets", "transitions"};
const Words kTransitionKeys = {"before_rules", "before_year", "after_rules", "after_year", "exits_figure", "of_figure"};
const Words kNetworkKeys = {"paved_kmh", "unpaved_kmh", "method", "caveat"};

class ProvinceReader {
 public:
  ProvinceReader(ProvinceFile& out, Problems& problems) : out_(out), problems_(problems) {}

  void read(const TomlValue& root) {
    TableReader top(root, msg("config.ctx.top"), kTopKeys, problems_);
    if (const TomlValue* p = top.get("province", Want::kTable)) {
      TableReader t(*p, msg("province.ctx", "province"), kProvinceKeys, problems_);
      out_.id = t.string("id").value_or("");
      out_.name = t.text("name");
      if (!t.has("id")) t.missing("id", msg("province.missing_id.hint"));
    } else if (!top.has("province")) {
      top.missing("province", msg("province.missing_id.hint"));
    }
    if (const TomlValue* tables = top.get("tables", Want::kTable)) read_tables(*tables);
    else if (!top.has("tables")) top.missing("tables", msg("province.missing_communes.hint"));
    if (const TomlValue* years = top.get("years", Want::kTable)) read_years(*years);
    if (const TomlValue* rules = top.get("rules", Want::kTable)) read_rules(*rules);
    if (const TomlValue* net = top.get("network", Want::kTable)) {
      TableReader t(*net, msg("province.ctx", "network"), kNetworkKeys, problems_);
      out_.paved_kmh = positive(t, "paved_kmh");
      out_.unpaved_kmh = positive(t, "unpaved_kmh");
      out_.network_method = t.text("method");
      out_.network_caveat = t.text("caveat");
    }
  }

 private:
  std::optional<double> positive(TableReader& t, const char* key) {
    auto v = t.number(key);
    if (v && !(*v > 0)) {
      problems_.error(t.table().find(key)->loc, msg("province.not_positive", t.context(), key, *v),
                      msg("province.not_positive.hint"));
      return std::nullopt;
    }
    return v;
  }

  // A table path: a string naming a file that exists (relative to the manifest's folder).
  std::string file(TableReader& t, const char* key) {
    const TomlValue* v = t.get(key, Want::kString);
    if (!v) return {};
    check_exists(*v, key);
    return v->str;
  }

  void check_exists(const TomlValue& v, const std::string& key) {
    std::error_code ec;
    if (!fs::is_regular_file(out_.path_of(v.str), ec))
      problems_.error(v.text.exact ? v.text.loc : v.loc, msg("province.no_file", key, out_.path_of(v.str)),
                      msg("province.no_file.hint", out_.dir));
  }

  void read_tables(const TomlValue& v) {
    TableReader t(v, msg("province.ctx", "tables"), kTableKeys, problems_);
    out_.communes = file(t, "communes");
    if (!t.has("communes")) t.missing("communes", msg("province.missing_communes.hint"));
    out_.provenance = file(t, "provenance");
    out_.lineage = file(t, "lineage");
    out_.districts = file(t, "districts");
    out_.district_centres = file(t, "district_centres");
    out_.district_borders = file(t, "district_borders");
    out_.roads = file(t, "roads");
    out_.agencies = file(t, "agencies");
    out_.twinning = file(t, "twinning");
    out_.funding = file(t, "funding");
    out_.figures = file(t, "figures");
    out_.official_lists = file(t, "official_lists");
    if (const TomlValue* units = v.find("units")) {
      if (units->type == TomlValue::Type::kString) {
        check_exists(*units, "units");
        out_.units.push_back(units->str);
      } else if (const TomlValue* list = t.get("units", Want::kArray)) {
        for (const auto& item : list->items) {
          if (item.type != TomlValue::Type::kString) {
            problems_.error(item.loc, msg("province.units_not_string", detail::type_name(item)),
                            msg("province.units_not_string.hint"));
            continue;
          }
          check_exists(item, "units");
          out_.units.push_back(item.str);
        }
      }
    }
  }

  void read_years(const TomlValue& v) {
    TableReader t(v, msg("province.ctx", "years"), kYearKeys, problems_);
    out_.first_year = t.integer("first");
    out_.last_year = t.integer("last");
    out_.network_year = t.integer("network");
    out_.history_until = t.date("history_until");
    if (out_.first_year && out_.last_year && *out_.first_year > *out_.last_year)
      problems_.error(v.find("last")->loc, msg("province.years_order", *out_.first_year, *out_.last_year),
                      msg("province.years_order.hint"));
    if (out_.network_year && out_.first_year && out_.last_year &&
        (*out_.network_year < *out_.first_year || *out_.network_year > *out_.last_year))
      problems_.error(v.find("network")->loc,
                      msg("province.network_year", *out_.network_year, *out_.first_year, *out_.last_year),
                      msg("province.years_order.hint"));
  }

  void read_rules(const TomlValue& v) {
    TableReader t(v, msg("province.ctx", "rules"), kRuleKeys, problems_);
    if (const TomlValue* list = t.get("targets", Want::kArray)) {
      for (const auto& item : list->items) {
        if (item.type == TomlValue::Type::kString) out_.target_rule_sets.push_back(item.str);
        else problems_.error(item.loc, msg("province.rule_not_string", detail::type_name(item)), msg("province.rule_not_string.hint"));
      }
    }
    if (const TomlValue* tr = t.get("transitions", Want::kTable)) {
      TableReader r(*tr, msg("province.ctx", "rules.transitions"), kTransitionKeys, problems_);
      TransitionsDecl d;
      d.before_rules = r.string("before_rules").value_or("");
      d.after_rules = r.string("after_rules").value_or("");
      d.before_year = r.integer("before_year").value_or(0);
      d.after_year = r.integer("after_year").value_or(0);
      d.exits_figure = r.string("exits_figure").value_or("");
      d.of_figure = r.string("of_figure").value_or("");
      for (const char* key : {"before_rules", "before_year", "after_rules", "after_year"})
        if (!r.has(key)) r.missing(key, msg("province.transitions.hint"));
      out_.transitions = d;
    }
  }

  ProvinceFile& out_;
  Problems& problems_;
};

}  // namespace

std::string ProvinceFile::path_of(const std::string& table) const {
  if (table.empty()) return {};
  fs::path p(table);
  return p.is_absolute() ? table : (fs::path(dir) / p).string();
}

ProvinceFile parse_province_file(const std::string& path, const std::string& dir, std::string_view text) {
  std::string checked = diag::checked_text(path, std::string(text));
  auto file = diag::SourceFile::from_text(path, checked);
  TomlValue root = detail::parse_toml(file, checked);
  ProvinceFile out;
  out.path = path;
  out.dir = dir;
  Problems problems;
  ProvinceReader(out, problems).read(root);
  problems.throw_if_errors();
  return out;
}

ProvinceFile read_province_dir(const std::string& dir) {
  const std::string path = (fs::path(dir) / kProvinceManifest).string();
  return parse_province_file(path, dir, diag::read_file(path));
}

}  // namespace lotrinh::config
