// serve: the query parameters of the HTTP API, validated. Turns the decoded query string
// of a request into store filters, with a clear message naming the parameter for every
// bad value (the server answers 400 with it). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/store.h"
#include "vigie/status.h"

namespace vigie::serve {

// Decoded query parameters in the order they came.
using Params = std::vector<std::pair<std::string, std::string>>;

inline constexpr int64_t kDefaultPageSize = 100;
inline constexpr int64_t kMaxPageSize = 1000;
inline constexpr int64_t kMaxOffset = 1000000000;
inline constexpr size_t kMaxValueBytes = 512;

// Checks that every parameter is one of `allowed`, given once, at most kMaxValueBytes
// long and valid UTF-8.
Status CheckParams(const Params& params, const std::vector<std::string_view>& allowed);

// The value of `name`, or empty.
std::string Param(const Params& params, std::string_view name);

// Coordinates (lat, lon) of a place name for `near`, as `vigie query --near` resolves it
// (an optional ability the server is given when it has a gazetteer). NotFound: no such place.
using PlaceLookup = std::function<StatusOr<std::pair<double, double>>(const std::string& name)>;

// The names ParseEventFilter reads (the filters of `vigie query` plus paging).
const std::vector<std::string_view>& EventFilterParams();

// from, to, bbox, near (LAT,LON, or a place name when `places` is given) with km, type,
// subtype, actor, claimant, outlet, lang, modality, text, sort, limit (1..kMaxPageSize,
// default kDefaultPageSize), offset.
StatusOr<store::EventFilter> ParseEventFilter(const Params& params, const PlaceLookup& places = nullptr);

// The names ParseClusterFilter reads.
const std::vector<std::string_view>& ClusterFilterParams();

// The event filters that apply to clusters (not modality), plus min_outlets,
// contradicted (true/false), sources (true/false: list each cluster's member records),
// sort (date or outlets), limit and offset.
StatusOr<store::ClusterFilter> ParseClusterFilter(const Params& params, const PlaceLookup& places = nullptr);

// limit and offset alone (documents list).
Status ParsePage(const Params& params, int64_t* limit, int64_t* offset);

// True when `s` is one of the EVENTS.md event types / modalities.
bool IsEventType(std::string_view s);
bool IsModality(std::string_view s);

}  // namespace vigie::serve
