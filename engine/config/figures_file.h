#pragma once
// A report's figures file (the `figures` table of a province folder) as plain structs: each
// figure the report prints, and how `lotrinh reproduce` recomputes it. No toml++ type here.
#include <optional>
#include <string>
#include <vector>

#include "config/rule_file.h"

namespace lotrinh::config {

/// How a figure is obtained.
enum class FigureKind {
  kAggregate,           ///< An aggregate over the table's rows of one year.
  kChange,              ///< Per year or difference between two earlier figures.
  kArithmetic,          ///< Arithmetic over the report's own numbers.
  kSourceInconsistent,  ///< The report disagrees with itself: both figures are given.
  kNotReproducible,     ///< The data cannot give it: the reason is given.
};

/// What a match of a figure computed from the table shows.
enum class FigureCheck {
  kNone,         ///< Not computed from the table (arithmetic over the report's numbers, or a status).
  kFitted,       ///< The data were made to reproduce it: a match checks the fit, not the data.
  kIndependent,  ///< Nothing in the making of the data aimed at it: a match is evidence for the table.
};

/// How the report is taken to print a number at `decimals` decimals.
enum class Rounding { kRound, kTruncate };

/// One figure of the report.
struct FigureDecl {
  std::string id, section;
  std::string section_vi;          ///< `section.vi` ("chú thích 9"); empty: `section` reads in both languages.
  Text label;
  FigureKind kind = FigureKind::kAggregate;
  std::optional<double> reported;  ///< In `unit`; absent for source-inconsistent figures.
  std::string printed;             ///< As the report prints it (optional, shown instead of `reported`).
  std::string printed_vi;          ///< `printed.vi`: in Vietnamese number style; empty: `printed` reads in both.
  std::string unit;                ///< percent | points | count | billion-vnd | number
  int decimals = 2;                ///< Digits the comparison is made at.
  Rounding rounding = Rounding::kRound;
  // kAggregate
  std::string aggregate;  ///< mean | weighted_mean | count | share | sum | value
  std::optional<ExprText> of, where, weight;
  int year = 0;
  std::string commune;  ///< `value`: the unit's slug.
  diag::SourceLoc commune_loc;
  // kChange
  std::string change;  ///< per_year | difference
  std::string from, to;
  diag::SourceLoc from_loc, to_loc;
  // kAggregate, kChange: `check` (default fitted; a change is independent only when both of
  // its figures are); kNone for the other kinds.
  FigureCheck check = FigureCheck::kNone;
  // kArithmetic
  std::optional<ExprText> arithmetic;
  // kSourceInconsistent, kNotReproducible
  std::vector<std::string> figures;  ///< The report's conflicting figures, each with its place.
  std::vector<std::string> figures_vi;  ///< `figures.vi`: the same in Vietnamese; may be empty.
  std::string reason;                ///< Why not reproducible.
  std::string reason_vi, note_vi;    ///< `reason.vi`, `note.vi`: shown under --lang vi; may be empty.
  std::string note, source;
  diag::SourceLoc loc;  ///< The [[figure]] table.
};

/// A figures file: the report it restates and its figures in file order.
struct FiguresFile {
  std::string path;
  std::string report_id;  ///< The report's number, as it prints it
  Text report_title;
  std::string report_source;
  std::vector<FigureDecl> figures;
};

}  // namespace lotrinh::config
