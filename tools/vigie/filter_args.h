// The filter options `vigie query`, `export`, `clusters` and `timeline` share, and their
// translation into store filters (place names resolved with the gazetteer).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <utility>

#include "store/store.h"
#include "vigie/status.h"

namespace vigie::cli {

struct FilterArgs {
  std::string from, to, bbox, near, type, subtype, actor, claimant, outlet, lang, modality, text,
      sort = "date";
  double km = 25;
  int64_t limit = -1;
};

// Adds --from --to --bbox --near --km --type --subtype --actor --claimant --outlet --lang
// --modality --text --sort --limit.
void AddFilterOptions(CLI::App* sub, FilterArgs& f);
StatusOr<store::EventFilter> MakeFilter(const FilterArgs& a);

// Coordinates of a place name ("Aleppo", "Alep", "Deir ez-Zor"), resolved with the
// gazetteer the way place mentions in articles are.
StatusOr<std::pair<double, double>> PlaceCoordinates(const std::string& name);

}  // namespace vigie::cli
