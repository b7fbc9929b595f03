#pragma once
// A model file checked against the catalogue and compiled: the slot layout its expressions read
// (state, parameters, terms, spending, graph terms, shocks, noise, year) and one compiled
// expression per term and state update. Compile one per thread (see expr::CompiledExpr).
#include <memory>
#include <string>
#include <vector>

#include "config/sim_files.h"
#include "data/catalogue.h"
#include "expr/compiled_expr.h"

namespace lotrinh::sim {

/// Where each kind of value sits in the slot array an expression reads.
struct ModelLayout {
  std::vector<std::string> states;        ///< State ids (indicator or alias), model order.
  std::vector<std::string> state_units;   ///< Their catalogue units.
  std::vector<double> state_min, state_max;  ///< Catalogue ranges (clamps).
  std::vector<int> updated;               ///< Indexes of the states with an update expression.
  int state0 = 0, param0 = 0, term0 = 0, spend0 = 0, travel = 0, twinned = 0, workdays = 0, spill0 = 0, shock0 = 0, noise0 = 0, year = 0;
  int slots = 0;
  int poverty = -1;                       ///< Index of the poverty state.
  std::vector<int> spill_of;              ///< Per spillover: the state index it averages.
  expr::SymbolTable symbols;
};

class ModelProgram {
 public:
  /// Checks the model (state ids known to the catalogue, unique names, spillovers of known
  /// states, conversions of alias states) and compiles every expression. Throws InputError with
  /// every problem, located in the model file.
  ModelProgram(const config::ModelFile& model, const data::Catalogue& catalogue);

  const ModelLayout& layout() const { return layout_; }
  const config::ModelFile& file() const { return *file_; }
  /// Terms, in evaluation order.
  const std::vector<expr::CompiledExpr>& terms() const { return terms_; }
  /// One per layout().updated entry.
  const std::vector<expr::CompiledExpr>& updates() const { return updates_; }
  /// Where each term (then each update) is written, for runtime errors.
  const diag::SourceLoc& term_loc(size_t i) const { return term_locs_[i]; }
  const diag::SourceLoc& update_loc(size_t i) const { return update_locs_[i]; }
  /// Evaluates term `t` (update `u`) with slot values `values`, through this program's own
  /// parsers: a ModelProgram belongs to one thread.
  double eval_term(size_t t, const double* values) { return term_evals_[t].eval(values); }
  double eval_update(size_t u, const double* values) { return update_evals_[u].eval(values); }

 private:
  std::shared_ptr<const config::ModelFile> file_;
  ModelLayout layout_;
  std::vector<expr::CompiledExpr> terms_, updates_;
  std::vector<expr::Evaluator> term_evals_, update_evals_;
  std::vector<diag::SourceLoc> term_locs_, update_locs_;
};

}  // namespace lotrinh::sim
