// Plain-text rendering of event clusters for terminals (vigie clusters, vigie timeline).
#pragma once

#include <ostream>
#include <string>

#include "store/store.h"
#include "vigie/status.h"

namespace vigie::cli {

// "12" or "1,200-1,500": a figure range as people write it.
std::string RangeText(double lo, double hi);
// One cluster: a heading line, then actors, figures with who claims them, contradictions
// and sources, indented.
void PrintCluster(std::ostream& out, const store::Cluster& c);

struct FilterArgs;
// The cluster filter for the shared query options (--modality is refused).
StatusOr<store::ClusterFilter> MakeClusterFilter(const FilterArgs& a);

}  // namespace vigie::cli
