#include "rules/rule_library.h"

#include <algorithm>
#include <filesystem>

#include "config/rule_file_reader.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "diag/spelling.h"
#include "diag/text_file.h"

namespace lotrinh::rules {
namespace fs = std::filesystem;

std::vector<std::string> rule_file_paths(const std::string& path) {
  std::vector<std::string> out;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
      if (!e.is_regular_file()) continue;
      const auto& p = e.path();
      if (p.extension() == ".toml" && p.filename() != "indicators.toml" && p.filename().string()[0] != '.')
        out.push_back(p.string());
    }
    std::sort(out.begin(), out.end());
  } else if (fs::exists(path, ec) || diag::is_stdin(path)) {
    out.push_back(path);
  } else {
    diag::Diagnostic d;
    d.subject = path;
    d.message = diag::msg("rules.no_such_path");
    d.hint = diag::msg("rules.no_such_path.hint");
    throw diag::InputError(d);
  }
  return out;
}

void RuleLibrary::load(const std::vector<std::string>& paths, bool selected) {
  std::vector<diag::Diagnostic> problems;
  for (const auto& p : paths) {
    for (const auto& file : rule_file_paths(p)) {
      std::error_code ec;
      std::string canon = diag::is_stdin(file) ? file : fs::weakly_canonical(file, ec).string();
      if (auto it = path_to_id_.find(canon); it != path_to_id_.end()) {
        if (selected && std::find(selected_.begin(), selected_.end(), it->second) == selected_.end())
          selected_.push_back(it->second);
        continue;
      }
      try {
        config::RuleFile rf = config::read_rule_file(file);
        path_to_id_[canon] = rf.id;
        add(std::move(rf), selected);
      } catch (const diag::InputError& e) {
        problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
    }
  }
  if (!problems.empty()) throw diag::InputError(problems);
}

void RuleLibrary::add(config::RuleFile file, bool selected) {
  if (auto it = files_.find(file.id); it != files_.end()) {
    bool existing_selected = std::find(selected_.begin(), selected_.end(), file.id) != selected_.end();
    if (selected && !existing_selected) {
      // A file the user names shadows a bundled file of the same id (an edited copy, say): its
      // results carry the other file's id, so a copy of a law is labelled as the law.
      diag::Diagnostic w = diag::error_at(file.id_loc.file ? file.id_loc : file.loc,
                                          diag::msg("rules.shadows_id", file.id, it->second.path),
                                          diag::msg("rules.shadows_id.hint", file.id));
      w.severity = diag::Severity::kWarning;
      warnings_.push_back(std::move(w));
      it->second = std::move(file);
      compiled_.clear();
      selected_.push_back(it->first);
      return;
    }
    diag::Diagnostic d = diag::error_at(file.loc, diag::msg("rules.duplicate_id", file.id, it->second.path),
                                        diag::msg("rules.duplicate_id.hint"));
    throw diag::InputError(d);
  }
  std::string id = file.id;
  files_.emplace(id, std::move(file));
  if (selected) selected_.push_back(id);
}

void RuleLibrary::select(const std::string& id) {
  if (!file(id)) get(id);  // throws: no rule set of that id, with a suggestion
  if (std::find(selected_.begin(), selected_.end(), id) == selected_.end()) selected_.push_back(id);
}

const config::RuleFile* RuleLibrary::file(const std::string& id) const {
  auto it = files_.find(id);
  return it == files_.end() ? nullptr : &it->second;
}

std::vector<const config::RuleFile*> RuleLibrary::chain(const std::string& id) const {
  std::vector<const config::RuleFile*> out;
  const config::RuleFile* f = file(id);
  while (f) {
    for (const auto* seen : out) {
      if (seen == f) {
        std::string path;
        for (const auto* x : out) path += x->id + " -> ";
        path += f->id;
        throw diag::InputError(diag::error_at(out.back()->extends_loc, diag::msg("rules.extends_cycle", path),
                                              diag::msg("rules.extends_cycle.hint")));
      }
    }
    out.push_back(f);
    if (!f->extends) break;
    const config::RuleFile* base = file(*f->extends);
    if (!base) {
      std::vector<std::string> ids;
      for (const auto& [k, v] : files_) ids.push_back(k);
      std::string hint = diag::did_you_mean(*f->extends, ids);
      throw diag::InputError(diag::error_at(f->extends_loc, diag::msg("rules.extends_missing", *f->extends),
                                            hint.empty() ? diag::msg("rules.extends_missing.hint") : hint));
    }
    f = base;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::shared_ptr<const RuleSet> RuleLibrary::get(const std::string& id) const {
  if (auto it = compiled_.find(id); it != compiled_.end()) return it->second;
  if (!file(id)) {
    std::vector<std::string> ids;
    for (const auto& [k, v] : files_) ids.push_back(k);
    diag::Diagnostic d;
    d.subject = "--rules";
    d.message = diag::msg("rules.no_rule_set", id);
    d.hint = diag::did_you_mean(id, ids);
    if (d.hint.empty()) d.hint = diag::msg("rules.no_rule_set.hint");
    throw diag::InputError(d);
  }
  auto rs = RuleSet::compile(chain(id), *catalogue_);
  compiled_[id] = rs;
  return rs;
}

std::vector<diag::Diagnostic> RuleLibrary::warnings() const {
  std::vector<diag::Diagnostic> out = warnings_;
  auto same = [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
    return a.where.file == b.where.file && a.where.line == b.where.line && a.where.column == b.where.column &&
           a.message == b.message;
  };
  for (const auto& [id, rs] : compiled_) {
    if (std::find(selected_.begin(), selected_.end(), id) == selected_.end()) continue;
    for (const auto& w : rs->warnings)
      if (std::none_of(out.begin(), out.end(), [&](const diag::Diagnostic& x) { return same(x, w); })) out.push_back(w);
  }
  return out;
}

std::shared_ptr<const RuleSet> RuleLibrary::in_force(const std::string& kind, int year) const {
  std::vector<const config::RuleFile*> found;
  for (const auto& [id, f] : files_) {
    if (f.status == "draft") continue;
    auto rs = get(id);
    if (rs->kind == kind && rs->applies_to_year(year)) found.push_back(&f);
  }
  if (found.size() == 1) return get(found[0]->id);
  diag::Diagnostic d;
  d.subject = "--year";
  if (found.empty()) {
    d.message = diag::msg("rules.none_in_force", kind, year);
    d.hint = diag::msg("rules.none_in_force.hint");
  } else {
    d.message = diag::msg("rules.two_in_force", kind, year, found[0]->path, found[1]->path);
    d.hint = diag::msg("rules.two_in_force.hint");
  }
  throw diag::InputError(d);
}

}  // namespace lotrinh::rules
