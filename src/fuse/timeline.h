// The dated sequence of clusters at a place and the tallies a reader wants from it: places
// taken by whom, people displaced and evacuated, people killed, each figure as the range
// the sources give (never an average). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/store.h"

namespace vigie::fuse {

// What the sources of one cluster claim for one quantity kind (denials left out).
struct FigureRange {
  double lo = 0, hi = 0;
  int64_t claims = 0;
  bool open_above = false;  // the highest claim is a floor ("more than", "at least")
};
// By "kind" or "kind/unit" ("places/neighbourhood"), sorted.
std::map<std::string, FigureRange> FigureRanges(const store::Cluster& c);

struct Tally {
  std::string what;      // "taken", "displaced", "evacuated", "killed"
  std::string who;       // for "taken": the actor that took places (name, else class); else empty
  std::string unit;      // for "taken": what was counted ("neighbourhood"); else empty
  int64_t clusters = 0;  // clusters counted
  int64_t with_figure = 0;  // of which gave a figure
  double lo = 0, hi = 0;    // sums of the per-cluster ranges
  bool open_above = false;  // some cluster's highest claim is a floor
};

// Tallies over clusters (in date order), sorted by what, who, unit.
std::vector<Tally> Tallies(const std::vector<store::Cluster>& clusters);

}  // namespace vigie::fuse
