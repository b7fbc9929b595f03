#pragma once
// Recomputing a report's figures from a commune table (lotrinh reproduce): each figure of a
// figures file becomes one row with the report's value, the computed value, what was
// aggregated, and a status.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "config/figures_file.h"
#include "data/catalogue.h"
#include "data/commune_table.h"

namespace lotrinh::repro {

/// The outcome of one figure. kMismatch is a fault of the dataset (or of the figures file).
enum class Status { kMatch, kMatchRounding, kSourceInconsistent, kNotReproducible, kMismatch };

/// "match", "match-rounding", "source-inconsistent", "not-reproducible" or "mismatch".
const char* status_word(Status s);

/// Where a computed value comes from.
enum class Basis { kNone, kData, kReport };

/// "data", "report" or "".
const char* basis_word(Basis b);

/// "fitted", "independent" or "" (a figure not computed from the table).
const char* check_word(config::FigureCheck c);

/// One row of the reproduction.
struct FigureRow {
  std::string id, section, label;
  std::optional<double> reported;  ///< In `unit`.
  std::string printed;             ///< The figure as text when it is not one number.
  double computed = NAN;           ///< In `unit`; NaN when not computed.
  std::string unit;
  int decimals = 2;
  Basis basis = Basis::kNone;
  config::FigureCheck check = config::FigureCheck::kNone;  ///< What a match shows (FigureDecl::check).
  std::string measure;  ///< What was computed: units, snapshot, plain or weighted, rounding.
  Status status = Status::kNotReproducible;
  std::string note;     ///< Rounding note, the reason, or both figures of the report.
  int units = 0;        ///< Units an aggregate rests on.
};

/// A computed value judged against the report's.
struct Verdict {
  Status status = Status::kMismatch;
  std::string note;  ///< Empty for a plain match.
};

/// `v` as printed at `decimals` decimals, rounded (half away from zero) or truncated.
double printed_value(double v, int decimals, config::Rounding rounding);

/// Compares `computed` with `reported` at `decimals` decimals: equal when printed with
/// `rounding` → match; equal at one decimal fewer when the report prints one fewer, or equal
/// under the other rounding → match-rounding with a note saying which; else mismatch.
Verdict compare_printed(double computed, double reported, int decimals, config::Rounding rounding);

/// Recomputes every figure of `file` from `table` (indicator ids from `catalogue`). Throws
/// InputError, located in the figures file, for expressions that do not compile and communes
/// the table does not have.
std::vector<FigureRow> reproduce_figures(const config::FiguresFile& file, const data::CommuneTable& table,
                                         const data::Catalogue& catalogue);

}  // namespace lotrinh::repro
