#pragma once
// Checks of one road's values, shared by the CSV reader and CommuneGraph::build (module-internal).
#include <string_view>

#include "diag/diagnostic.h"
#include "graph/commune_graph.h"

namespace lotrinh::graph {

/// Reports a length that is not a finite number above 0, at its cell.
void check_length(const Road& road, diag::DiagnosticSink& sink);
/// Reports a paved share outside [0, 1], at its cell.
void check_paved_share(const Road& road, diag::DiagnosticSink& sink);

/// The diagnostic for a paved share outside [0, 1] on the road `from` -- `to`.
diag::Diagnostic bad_paved_share(const diag::SourceLoc& where, std::string_view from, std::string_view to,
                                 double share);

}  // namespace lotrinh::graph
