// What only the fuse module uses: the compact key a record is compared by, built once per
// record, and the comparison itself. Pure; thread-safe (an Interner is not: one per owner).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "vigie/event.h"

namespace vigie::fuse::internal {

// Small integer ids for strings (types, countries, actor names...); 0 is "none".
class Interner {
 public:
  uint32_t Id(std::string_view s);

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

// A record reduced to what compatibility and blocking need.
struct Key {
  uint32_t type = 0;
  uint32_t subtype_group = 0;  // 0: compatible with any subtype of the type
  bool dated = false, placed = false;
  bool local = false;      // a point place up to district precision
  bool fine = false;       // local, with a day-precision date
  int32_t lo = 0, hi = 0;  // day numbers, widened by the date tolerance
  double lat = 0, lon = 0;
  float tol_km = 0;
  uint32_t country = 0, admin1 = 0, part = 0;
  bool admin1_binding = false;  // a region- or district-level place: its admin1 must agree
  uint32_t a1_name = 0, a1_class = 0, a2_name = 0, a2_class = 0;
};

Key MakeKey(const EventRecord& e, Interner& in);

// The rule of fuse::Compatible, on keys.
bool Compatible(const Key& a, const Key& b);

// Whether two actors (name ids, class ids) are the same party: by name when both are
// named, else by class; false when either is missing.
bool SameParty(uint32_t name_a, uint32_t class_a, uint32_t name_b, uint32_t class_b);

double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// Precision ranks (lower is more precise); unknown strings rank last.
int DatePrecisionRank(std::string_view precision);
int PlacePrecisionRank(std::string_view precision);

}  // namespace vigie::fuse::internal
