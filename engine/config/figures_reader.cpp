#include "config/figures_reader.h"

#include <algorithm>

#include "config/table_reader.h"
#include "config/toml_tree.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "diag/text_file.h"

namespace lotrinh::config {
namespace {

using detail::Problems;
using detail::TableReader;
using detail::TomlEntry;
using detail::TomlValue;
using detail::Want;
using diag::msg;
using diag::SourceLoc;

using Words = std::vector<std::string>;
const Words kTopKeys = {"report", "figure"};
const Words kReportKeys = {"id", "title", "source"};
const Words kFigureKeys = {"id",     "section", "label",  "reported", "printed",    "unit",    "decimals", "rounding",
                           "aggregate", "of",   "where",  "weight",   "year",       "commune", "change",   "from",
                           "to",     "arithmetic", "status", "figures", "reason",    "note",    "source",  "check"};
const Words kUnits = {"percent", "points", "count", "billion-vnd", "number"};
const Words kRoundings = {"round", "truncate"};
const Words kAggregates = {"mean", "weighted_mean", "count", "share", "sum", "value"};
const Words kChanges = {"per_year", "difference", "fall_per_year", "fall"};
const Words kStatuses = {"source-inconsistent", "not-reproducible"};
const Words kComputedStatuses = {"match", "match-rounding", "mismatch"};
const Words kMethods = {"aggregate", "change", "arithmetic", "status"};
const Words kChecks = {"fitted", "independent"};

const TomlEntry* entry_of(const TomlValue& table, std::string_view key) {
  for (const auto& e : table.entries)
    if (e.key == key) return &e;
  return nullptr;
}

SourceLoc text_loc(const TomlValue& v) { return v.type == TomlValue::Type::kString && v.text.exact ? v.text.loc : v.loc; }

int default_decimals(const std::string& unit) {
  if (unit == "count") return 0;
  if (unit == "billion-vnd") return 3;
  return 2;
}

class FiguresReader {
 public:
  FiguresReader(FiguresFile& out, Problems& problems) : out_(out), problems_(problems) {}

  void read(const TomlValue& root) {
    TableReader top(root, msg("config.ctx.top"), kTopKeys, problems_);
    if (const TomlValue* report = top.get("report", Want::kTable)) {
      TableReader t(*report, msg("figures.ctx.report"), kReportKeys, problems_);
      out_.report_id = t.string("id").value_or("");
      out_.report_title = t.text("title");
      out_.report_source = t.string("source").value_or("");
    }
    const TomlValue* list = root.find("figure");
    if (!list) {
      problems_.error(SourceLoc{root.loc.file, 0, 0}, msg("figures.no_figures"), msg("figures.no_figures.hint"));
      return;
    }
    if (list->type != TomlValue::Type::kArray) {
      detail::wrong_entry_type(problems_, *list, msg("config.ctx.key", "figure"), Want::kArray,
                               msg("config.section_array.hint", "figure"));
      return;
    }
    int i = 0;
    for (const auto& item : list->items) {
      ++i;
      if (item.type != TomlValue::Type::kTable) {
        detail::wrong_entry_type(problems_, item, msg("config.ctx.item", "figure", i), Want::kTable,
                                 msg("config.section_array.hint", "figure"));
        continue;
      }
      read_figure(item, i);
    }
  }

 private:
  void read_figure(const TomlValue& v, int index) {
    const TomlValue* idv = v.find("id");
    std::string ctx = idv && idv->type == TomlValue::Type::kString ? msg("figures.ctx.figure", idv->str)
                                                                    : msg("config.ctx.item", "figure", index);
    TableReader t(v, ctx, kFigureKeys, problems_);
    FigureDecl f;
    f.loc = v.loc;
    if (auto id = t.string("id")) f.id = *id;
    else if (!t.has("id")) t.missing("id", msg("figures.missing_id.hint"));
    Text section = t.text("section");  // a string (read in both languages), or section.en / section.vi
    f.section = section.en.empty() ? section.vi : section.en;
    f.section_vi = section.vi;
    if (!t.has("section")) t.missing("section", msg("figures.missing_section.hint"));
    f.label = t.text("label");
    if (!t.has("label")) t.missing("label", msg("figures.missing_label.hint"));
    f.reported = t.number("reported");
    Text printed = t.text("printed");  // a string (read in both languages), or printed.en / printed.vi
    f.printed = printed.en.empty() ? printed.vi : printed.en;
    f.printed_vi = printed.vi;
    f.unit = t.word("unit", kUnits).value_or("");
    f.decimals = default_decimals(f.unit);
    if (auto d = t.integer("decimals")) {
      if (*d < 0 || *d > 9) problems_.error(v.find("decimals")->loc, msg("figures.decimals_range", ctx, *d), msg("figures.decimals_range.hint"));
      else f.decimals = *d;
    }
    if (t.word("rounding", kRoundings).value_or("round") == "truncate") f.rounding = Rounding::kTruncate;
    Text note = t.text("note");  // a string (English), or note.en / note.vi
    f.note = note.en;
    f.note_vi = note.vi;
    f.source = t.string("source").value_or("");

    // Exactly one way of obtaining the figure.
    std::vector<std::string> methods;
    for (const auto& m : kMethods)
      if (t.has(m)) methods.push_back(m);
    if (methods.empty()) {
      problems_.error(v.loc, msg("figures.no_method", ctx), msg("figures.no_method.hint"));
    } else if (methods.size() > 1) {
      problems_.error(entry_of(v, methods[1])->key_loc, msg("config.conflicting_keys", ctx, methods[0], methods[1]),
                      msg("figures.two_methods.hint"));
    }
    const std::string method = methods.empty() ? "" : methods.front();
    if (method == "aggregate") read_aggregate(t, f);
    else if (method == "change") read_change(t, f);
    else if (method == "arithmetic") read_arithmetic(t, f);
    else if (method == "status") read_status(t, f);
    if (t.has("commune") && !(method == "aggregate" && f.aggregate == "value"))
      problems_.error(entry_of(v, "commune")->key_loc, msg("figures.commune_without_value", ctx), msg("figures.commune_without_value.hint"));
    read_check(t, f, method, ctx);
    bool computed = method == "aggregate" || method == "change" || method == "arithmetic";
    if (computed) {
      if (!t.has("reported")) t.missing("reported", msg("figures.missing_reported.hint"));
      if (!t.has("unit")) t.missing("unit", detail::one_of_hint(kUnits));
    }

    if (!f.id.empty()) {
      for (const auto& prev : out_.figures)
        if (prev.id == f.id)
          problems_.error(text_loc(*idv), msg("figures.duplicate_id", f.id, prev.loc.line), msg("figures.duplicate_id.hint"));
    }
    out_.figures.push_back(std::move(f));
  }

  // `check`: only for figures computed from the table. Absent, an aggregate is fitted (claiming
  // independence must be explicit) and a change is independent only when both its figures are.
  void read_check(const TableReader& t, FigureDecl& f, const std::string& method, const std::string& ctx) {
    const TomlValue& v = t.table();
    if (method != "aggregate" && method != "change") {
      if (t.has("check"))
        problems_.error(entry_of(v, "check")->key_loc, msg("figures.check_not_from_table", ctx),
                        msg("figures.check_not_from_table.hint"));
      return;
    }
    auto word = t.word("check", kChecks);
    f.check = word && *word == "independent" ? FigureCheck::kIndependent : FigureCheck::kFitted;
    if (method != "change") return;
    const FigureDecl* fitted_part = nullptr;
    for (const std::string* id : {&f.from, &f.to})
      for (const auto& prev : out_.figures)
        if (prev.id == *id && prev.check == FigureCheck::kFitted && !fitted_part) fitted_part = &prev;
    if (!word) f.check = fitted_part ? FigureCheck::kFitted : FigureCheck::kIndependent;
    else if (f.check == FigureCheck::kIndependent && fitted_part)
      problems_.error(text_loc(*v.find("check")), msg("figures.check_change_fitted", ctx, fitted_part->id),
                      msg("figures.check_change_fitted.hint"));
  }

  void read_aggregate(const TableReader& t, FigureDecl& f) {
    f.kind = FigureKind::kAggregate;
    f.aggregate = t.word("aggregate", kAggregates).value_or("");
    f.of = t.expr("of");
    f.where = t.expr("where");
    f.weight = t.expr("weight");
    f.year = t.integer("year").value_or(0);
    if (!t.has("of")) t.missing("of", msg("figures.missing_of.hint"));
    if (!t.has("year")) t.missing("year", msg("figures.missing_year.hint"));
    if (f.aggregate == "weighted_mean" && !t.has("weight")) t.missing("weight", msg("config.missing_weight.hint"));
    if (f.aggregate == "value") {
      if (const TomlValue* c = t.get("commune", Want::kString)) {
        f.commune = c->str;
        f.commune_loc = text_loc(*c);
      } else if (!t.has("commune")) {
        t.missing("commune", msg("figures.missing_commune.hint"));
      }
    }
  }

  void read_change(const TableReader& t, FigureDecl& f) {
    f.kind = FigureKind::kChange;
    f.change = t.word("change", kChanges).value_or("");
    const FigureDecl* from = reference(t, "from", f.from, f.from_loc);
    const FigureDecl* to = reference(t, "to", f.to, f.to_loc);
    if ((f.change == "per_year" || f.change == "fall_per_year") && from && to && from->year >= to->year)
      problems_.error(t.table().loc, msg("figures.per_year_years", t.context(), from->id, from->year, to->id, to->year),
                      msg("figures.per_year_years.hint"));
  }

  // An earlier aggregate figure named by `key`; reports a missing or wrong reference.
  const FigureDecl* reference(const TableReader& t, const char* key, std::string& id, SourceLoc& loc) {
    const TomlValue* v = t.get(key, Want::kString);
    if (!v) {
      if (!t.has(key)) t.missing(key, msg("figures.missing_ref.hint"));
      return nullptr;
    }
    id = v->str;
    loc = text_loc(*v);
    std::vector<std::string> ids;
    for (const auto& f : out_.figures) {
      if (f.id == id) {
        if (f.kind == FigureKind::kAggregate) return &f;
        problems_.error(loc, msg("figures.ref_not_aggregate", t.context(), key, id), msg("figures.ref_not_aggregate.hint"));
        return nullptr;
      }
      if (f.kind == FigureKind::kAggregate) ids.push_back(f.id);
    }
    std::string hint = diag::did_you_mean(id, ids);
    problems_.error(loc, msg("figures.unknown_ref", t.context(), key, id), hint.empty() ? msg("figures.unknown_ref.hint") : hint);
    return nullptr;
  }

  void read_arithmetic(const TableReader& t, FigureDecl& f) {
    f.kind = FigureKind::kArithmetic;
    f.arithmetic = t.expr("arithmetic");
  }

  void read_status(const TableReader& t, FigureDecl& f) {
    const TomlValue* v = t.get("status", Want::kString);
    if (!v) return;
    if (std::find(kComputedStatuses.begin(), kComputedStatuses.end(), v->str) != kComputedStatuses.end()) {
      problems_.error(text_loc(*v), msg("figures.status_computed", t.context(), v->str), msg("figures.status_computed.hint"));
      return;
    }
    auto word = t.word("status", kStatuses);
    if (!word) return;
    if (*word == "source-inconsistent") {
      f.kind = FigureKind::kSourceInconsistent;
      // A list (English), or figures.en / figures.vi lists of the same length.
      const TomlValue* v = t.table().find("figures");
      if (v && v->type == TomlValue::Type::kTable) {
        TableReader texts(*v, t.context(), {"vi", "en", "vi_translated"}, problems_);
        const TomlValue* en = texts.get("en", Want::kArray);
        const TomlValue* vi = texts.get("vi", Want::kArray);
        texts.boolean("vi_translated");
        if (!texts.has("en")) texts.missing("en", msg("figures.missing_figures.hint"));
        if (en) read_figure_list(t, *en, f.figures);
        if (vi) read_figure_list(t, *vi, f.figures_vi, /*counted=*/false);
        if (en && vi && en->items.size() != vi->items.size())
          problems_.error(vi->loc, msg("figures.figures_vi_count", t.context(), vi->items.size(), en->items.size()),
                          msg("figures.figures_vi_count.hint"));
      } else if (const TomlValue* list = t.get("figures", Want::kArray)) {
        read_figure_list(t, *list, f.figures);
      } else if (!t.has("figures")) {
        t.missing("figures", msg("figures.missing_figures.hint"));
      }
    } else {
      f.kind = FigureKind::kNotReproducible;
      Text reason = t.text("reason");
      f.reason = reason.en;
      f.reason_vi = reason.vi;
      if (!t.has("reason")) t.missing("reason", msg("figures.missing_reason.hint"));
    }
  }

  // The strings of a `figures` list: at least two (`counted`; figures.vi is counted against figures.en).
  void read_figure_list(const TableReader& t, const TomlValue& list, std::vector<std::string>& into, bool counted = true) {
    for (const auto& item : list.items) {
      if (item.type == TomlValue::Type::kString) into.push_back(item.str);
      else problems_.error(item.loc, msg("config.wrong_item_type", t.context(), "figures", detail::want_name(Want::kString), detail::type_name(item)),
                           detail::want_hint(Want::kString));
    }
    if (counted && list.items.size() < 2) problems_.error(list.loc, msg("figures.too_few_figures", t.context()), msg("figures.missing_figures.hint"));
  }

  FiguresFile& out_;
  Problems& problems_;
};

}  // namespace

FiguresFile parse_figures_file(const std::string& path, std::string_view text) {
  std::string checked = diag::checked_text(path, std::string(text));
  auto file = diag::SourceFile::from_text(path, checked);
  TomlValue root = detail::parse_toml(file, checked);
  FiguresFile out;
  out.path = path;
  Problems problems;
  FiguresReader(out, problems).read(root);
  problems.throw_if_errors();
  return out;
}

FiguresFile read_figures_file(const std::string& path) { return parse_figures_file(path, diag::read_file(path)); }

}  // namespace lotrinh::config
