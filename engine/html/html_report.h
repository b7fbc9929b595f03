#pragma once
// A self-contained HTML report: facts of the run, headline, inline SVG charts and tables, with
// an optional inline script (sorting, a search that ignores diacritics) and an A4 print style.
#include <string>
#include <utility>
#include <vector>

#include "html/graph_drawing.h"
#include "report/result_table.h"

namespace lotrinh::html {

/// A chart over years: bands (low/high pairs, drawn lightest first), a line, or bars.
struct Chart {
  std::string title;               ///< Also the SVG's <title>.
  std::vector<int> years;          ///< The x axis.
  std::vector<std::pair<std::vector<double>, std::vector<double>>> bands;  ///< Low, high per year.
  std::vector<double> line;        ///< Drawn over the bands (may be empty).
  std::vector<double> bars;        ///< Bars instead of a line (may be empty).
  bool percent = false;            ///< Values are fractions, labelled as percentages.
  std::vector<std::string> labels; ///< The x axis instead of years, when not empty.
};

/// One part of the page.
struct Section {
  std::string heading;
  std::vector<std::string> paragraphs;
  std::vector<Chart> charts;
  std::vector<report::ResultTable> tables;
  bool searchable = false;  ///< The tables get a search box (diacritics ignored).
  std::vector<GraphDrawing> drawings;  ///< Drawn after the charts.
};

/// The whole page.
struct Document {
  std::string title;
  std::vector<std::string> headline;                        ///< First on the page.
  std::vector<std::pair<std::string, std::string>> facts;  ///< What was run: label, value.
  std::vector<Section> sections;
};

/// The page as one HTML file (UTF-8; no external reference; the same document gives the same
/// bytes). Headings and labels are in the current language (diag::lang()).
std::string render(const Document& doc);
/// One chart as an inline <svg> element with a <title>.
std::string chart_svg(const Chart& chart);
/// A short hash of a file's bytes (FNV-1a, 64 bits, 16 hex digits), or "" when unreadable.
std::string file_hash(const std::string& path);

}  // namespace lotrinh::html
