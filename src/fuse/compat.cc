// Compatibility of two event records (docs/fusion.md, "When two reports are one event").
#include <algorithm>
#include <cmath>

#include "core/civil_date.h"
#include "fuse/compat_internal.h"
#include "fuse/fuse.h"

namespace vigie::fuse {

namespace internal {

uint32_t Interner::Id(std::string_view s) {
  if (s.empty()) return 0;
  auto [it, added] = ids_.try_emplace(std::string(s), static_cast<uint32_t>(ids_.size() + 1));
  return it->second;
}

int DatePrecisionRank(std::string_view p) {
  if (p == "day") return 0;
  if (p == "week") return 1;
  if (p == "month") return 2;
  if (p == "interval") return 3;
  if (p == "year") return 4;
  return 5;
}

int PlacePrecisionRank(std::string_view p) {
  static constexpr std::string_view kOrder[] = {"site",     "neighbourhood", "village", "city",
                                                "district", "region",        "country"};
  for (size_t i = 0; i < std::size(kOrder); ++i)
    if (p == kOrder[i]) return static_cast<int>(i);
  return static_cast<int>(std::size(kOrder));
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0, kEarthKm = 6371.0088;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRad) *
                                                           std::cos(lat2 * kRad) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

namespace {

// How far apart two reports of one happening may place it, by the coarser precision.
float ToleranceKm(int rank) {
  static constexpr float kKm[] = {3, 5, 10, 25,
                                  50};  // site, neighbourhood, village, city, district
  return rank < 5 ? kKm[rank] : 0;
}

// Outlets name the weapon differently (rocket, missile, shell; air strike or drone); one
// side's "withdrawal" is the other's "taken". Any other subtype must agree.
uint32_t SubtypeGroup(const EventRecord& e, Interner& in) {
  if (e.subtype.empty()) return 0;
  if (e.type == "shelling" || e.type == "air_strike" || e.type == "bombing") return 0;
  if (e.type == "territory_change" && (e.subtype == "taken" || e.subtype == "withdrawal"))
    return in.Id("territory_change/taken|withdrawal");
  return in.Id(e.type + "/" + e.subtype);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void ActorIds(const std::optional<EventActor>& a, Interner& in, uint32_t* name, uint32_t* cls) {
  *name = *cls = 0;
  if (!a || a->cls == "unknown") return;
  *name = in.Id(Lower(a->name));
  *cls = in.Id(a->cls);
}

}  // namespace

Key MakeKey(const EventRecord& e, Interner& in) {
  Key k;
  k.type = in.Id(e.type);
  k.subtype_group = SubtypeGroup(e, in);
  int date_rank = 5;
  if (e.date && !e.date->start.empty()) {
    long lo = 0, hi = 0, lo2 = 0, hi2 = 0;
    const std::string& end = e.date->end.empty() ? e.date->start : e.date->end;
    if (core::DayRange(e.date->start, &lo, &hi) && core::DayRange(end, &lo2, &hi2) && hi2 >= lo) {
      date_rank = DatePrecisionRank(e.date->precision);
      // Day-precision dates must agree: a one-day tolerance (for a date that is really the
      // publication day) chains a city's daily shelling into one cluster.
      k.dated = true;
      k.lo = static_cast<int32_t>(lo);
      k.hi = static_cast<int32_t>(hi2);
    }
  }
  int place_rank = 7;
  if (e.location) {
    const EventLocation& l = *e.location;
    place_rank = PlacePrecisionRank(l.precision);
    bool point = l.lat && l.lon && std::isfinite(*l.lat) && std::isfinite(*l.lon);
    if (point && place_rank == 7) place_rank = 3;  // a point of unknown precision: a city
    k.country = in.Id(l.country);
    k.admin1 = in.Id(l.admin1);
    k.part = in.Id(l.part);
    k.admin1_binding = place_rank >= 4;
    if (point) {
      k.lat = *l.lat;
      k.lon = *l.lon;
    }
    k.tol_km = ToleranceKm(place_rank);
    k.placed = point || k.country != 0;
    k.local = point && place_rank <= 4;
  }
  k.fine = k.local && k.dated && date_rank == 0;
  ActorIds(e.actor1, in, &k.a1_name, &k.a1_class);
  ActorIds(e.actor2, in, &k.a2_name, &k.a2_class);
  return k;
}

bool SameParty(uint32_t name_a, uint32_t class_a, uint32_t name_b, uint32_t class_b) {
  if (name_a && name_b) return name_a == name_b;
  return class_a && class_b && class_a == class_b;
}

bool Compatible(const Key& a, const Key& b) {
  if (a.type != b.type) return false;
  if (a.subtype_group && b.subtype_group && a.subtype_group != b.subtype_group) return false;
  if (!a.dated || !b.dated || !a.placed || !b.placed) return false;
  // Fine reports (a day, a point) and coarse ones (a month, a region) are fused apart: a
  // coarse report would otherwise join every happening of its month or region.
  if (a.fine != b.fine) return false;
  if (a.lo > b.hi || b.lo > a.hi) return false;
  if (a.local && b.local) {
    if (a.part && b.part && a.part != b.part) return false;
    if (HaversineKm(a.lat, a.lon, b.lat, b.lon) > std::max(a.tol_km, b.tol_km)) return false;
  } else {
    if (!a.country || a.country != b.country) return false;
    if ((a.admin1_binding || b.admin1_binding) && a.admin1 && b.admin1 && a.admin1 != b.admin1)
      return false;
  }
  // Two dyads with no party in common are two happenings.
  bool a_dyad = (a.a1_name || a.a1_class) && (a.a2_name || a.a2_class);
  bool b_dyad = (b.a1_name || b.a1_class) && (b.a2_name || b.a2_class);
  if (a_dyad && b_dyad) {
    bool shared = SameParty(a.a1_name, a.a1_class, b.a1_name, b.a1_class) ||
                  SameParty(a.a1_name, a.a1_class, b.a2_name, b.a2_class) ||
                  SameParty(a.a2_name, a.a2_class, b.a1_name, b.a1_class) ||
                  SameParty(a.a2_name, a.a2_class, b.a2_name, b.a2_class);
    if (!shared) return false;
  }
  return true;
}

}  // namespace internal

bool Compatible(const EventRecord& a, const EventRecord& b) {
  internal::Interner in;
  return internal::Compatible(internal::MakeKey(a, in), internal::MakeKey(b, in));
}

}  // namespace vigie::fuse
