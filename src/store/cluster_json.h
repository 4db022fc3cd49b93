// JSON form of an event cluster (store::Cluster): the date, place, actors and quantities
// use the event record's JSON shapes (EVENTS.md); keys in a fixed order, so the same
// cluster always serialises to the same bytes. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "store/store.h"
#include "vigie/status.h"

namespace vigie::store {

// One line of JSON, no trailing newline. `sources` are written when the cluster has any.
std::string ClusterToJson(const Cluster& c);
StatusOr<Cluster> ClusterFromJson(std::string_view json);

}  // namespace vigie::store
