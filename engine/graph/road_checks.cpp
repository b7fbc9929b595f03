#include "graph/road_checks.h"

#include <cmath>

#include "diag/messages.h"

namespace lotrinh::graph {

using diag::msg;

diag::Diagnostic bad_paved_share(const diag::SourceLoc& where, std::string_view from, std::string_view to,
                                 double share) {
  // A share between 1 and 100 was most likely written in percent.
  std::string hint = share > 1 && share <= 100 ? msg("graph.bad_paved_share.percent_hint", share / 100, share)
                                               : msg("graph.bad_paved_share.hint");
  return {diag::Severity::kError, where, {}, msg("graph.bad_paved_share", from, to, share), hint};
}

void check_length(const Road& road, diag::DiagnosticSink& sink) {
  if (!(road.length_km > 0) || !std::isfinite(road.length_km)) {
    sink.error(road.where.length_km, msg("graph.bad_length", road.from, road.to, road.length_km),
               msg("graph.bad_length.hint"));
  }
}

void check_paved_share(const Road& road, diag::DiagnosticSink& sink) {
  if (!(road.paved_share >= 0 && road.paved_share <= 1)) {
    sink.add(bad_paved_share(road.where.paved_share, road.from, road.to, road.paved_share));
  }
}

}  // namespace lotrinh::graph
