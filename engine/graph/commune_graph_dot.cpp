// CommuneGraph::to_dot: the graph as Graphviz DOT text, built from the public units and roads.
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "diag/messages.h"
#include "graph/commune_graph.h"

namespace lotrinh::graph {
namespace {

// A DOT double-quoted string: '"' and '\' escaped (a bare '\' would start an escape such as \n).
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// A DOT identifier: bare when it is a plain [A-Za-z_][A-Za-z0-9_]* name, else quoted.
std::string dot_id(std::string_view s) {
  bool plain = !s.empty() && !(s[0] >= '0' && s[0] <= '9');
  for (char c : s) {
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
  }
  return plain ? std::string(s) : quoted(s);
}

}  // namespace

std::string CommuneGraph::to_dot(const std::function<std::string(const std::string&)>& label,
                                 std::string_view name) const {
  // Districts in order of first appearance, each with its units in unit order.
  std::vector<std::string> districts;
  std::map<std::string, std::vector<const Unit*>> members;
  for (const Unit& u : units()) {
    auto& list = members[u.district];
    if (list.empty()) districts.push_back(u.district);
    list.push_back(&u);
  }
  std::string out = fmt::format("graph {} {{\n", dot_id(name));
  for (const std::string& d : districts) {
    out += fmt::format("  subgraph {} {{\n    label={};\n", dot_id("cluster_" + d), quoted(d));
    for (const Unit* u : members[d]) {
      out += fmt::format("    {} [label={}{}];\n", quoted(u->slug), quoted(label ? label(u->slug) : u->slug),
                         u->district_centre ? ", shape=box" : "");
    }
    out += "  }\n";
  }
  for (const Road& r : roads()) {
    // Dashed: mostly unpaved.
    const std::string text =
        diag::msg("graph.dot.edge_label", fmt::format("{:g}", r.length_km), std::lround(r.paved_share * 100));
    out += fmt::format("  {} -- {} [label={}{}];\n", quoted(r.from), quoted(r.to), quoted(text),
                       r.paved_share < 0.5 ? ", style=dashed" : "");
  }
  return out + "}\n";
}

}  // namespace lotrinh::graph
