#pragma once
// A map-like drawing of a commune graph as inline SVG: nodes placed by the caller (in the unit
// square), coloured by a value in [0, 1] (or grey when it has none), roads as lines, a label at
// each district's centroid, and a legend.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace lotrinh::html {

struct GraphDrawing {
  std::string title;                     ///< Also the SVG's <title>.
  std::vector<double> x, y;              ///< Per node, in [0, 1].
  std::vector<std::string> names;        ///< Per node: its name, shown on hover (and in the SVG).
  std::vector<double> value;             ///< Per node in [0, 1] (NaN: no value, drawn grey).
  std::vector<std::string> notes;        ///< Per node: the value as text, shown on hover.
  std::vector<std::pair<int, int>> edges;  ///< Roads, as node index pairs.
  std::vector<int> group;                ///< Per node: index into group_names (-1: none).
  std::vector<std::string> group_names;  ///< District names, drawn at their nodes' centroid.
  std::string low_label, high_label;     ///< The legend's ends (value 0 and 1).
  std::string none_label;                ///< The legend's grey entry.
  double radius = 5;                     ///< Node size.
};

/// The drawing as one <svg> element with a <title>: one <circle class="node"> per node, one
/// <line class="road"> per edge, one <text class="district"> per named group with nodes.
std::string graph_svg(const GraphDrawing& drawing);

}  // namespace lotrinh::html
