// Test helpers for fusion: event records built field by field, and a generator of
// clusterable records (several reports of each of many happenings). Deterministic.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/hash.h"
#include "fuse/fuse.h"
#include "vigie/event.h"

namespace vigie::fuse::testing {

inline EventRecord Ev(const std::string& id, const std::string& type, const std::string& day,
                      double lat, double lon, const std::string& precision = "city") {
  EventRecord e;
  e.event_id = id;
  e.doc_id = id.substr(0, id.find('#'));
  e.type = type;
  e.status = "occurred";
  e.modality = "asserted";
  e.date = EventDate{day, day,
                     day.size() == 10  ? "day"
                     : day.size() == 7 ? "month"
                                       : "year",
                     "explicit", day};
  EventLocation l;
  l.name = l.text = "Place";
  l.lat = lat, l.lon = lon;
  l.country = "SY";
  l.admin1 = "Idlib";
  l.precision = precision;
  e.location = l;
  return e;
}

inline EventActor Actor(const std::string& cls, const std::string& name = "") {
  return {name, name, cls, "SY", ""};
}

inline Quantity Q(const std::string& kind, double v, const std::string& qualifier = "exact",
                  const std::string& unit = "") {
  return {kind, v, std::nullopt, std::nullopt, qualifier, unit, ""};
}

inline FuseRecord Rec(EventRecord e, const std::string& outlet, const std::string& copy_of = "") {
  FuseRecord r;
  r.event = std::move(e);
  r.outlet = outlet;
  r.copy_of = copy_of;
  return r;
}

// `happenings` happenings, each told by 1-4 reports from different documents, on random
// days of 2014-2023 and places spread over a 40 x 40 degree box (a few within one city,
// so blocks hold many records); some reports are coarse (month dates, region places).
inline std::vector<EventRecord> Generate(int64_t happenings, uint64_t seed, int64_t first_doc = 0) {
  static const char* const kTypes[] = {"shelling",         "air_strike",   "armed_clash",
                                       "territory_change", "displacement", "attack_on_civilians"};
  std::vector<EventRecord> out;
  int64_t doc = first_doc;
  for (int64_t h = 0; h < happenings; ++h) {
    uint64_t x = core::Hash64(std::to_string(seed) + "/" + std::to_string(h));
    const char* type = kTypes[x % 6];
    int day_index = static_cast<int>((x >> 8) % 3650);
    // A quarter of the happenings are in one busy city.
    bool busy = (x >> 20) % 4 == 0;
    double lat = busy ? 36.2 + ((x >> 24) % 100) / 1000.0 : 20 + ((x >> 24) % 40000) / 1000.0;
    double lon = busy ? 37.1 + ((x >> 40) % 100) / 1000.0 : 20 + ((x >> 40) % 40000) / 1000.0;
    int reports = 1 + static_cast<int>((x >> 56) % 4);
    for (int r = 0; r < reports; ++r) {
      uint64_t y = core::Hash64(std::to_string(x) + "#" + std::to_string(r));
      long d = 16071 + day_index;  // 2014-01-01
      int year = 0;
      unsigned month = 0, dd = 0;
      // Civil date from days (small helper: walk months).
      {
        long rest = d - 16071;
        year = 2014;
        for (;;) {
          bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
          long len = leap ? 366 : 365;
          if (rest < len) break;
          rest -= len;
          ++year;
        }
        static const int kMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        month = 1;
        for (;;) {
          bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
          long len = kMonth[month - 1] + (month == 2 && leap ? 1 : 0);
          if (rest < len) break;
          rest -= len;
          ++month;
        }
        dd = static_cast<unsigned>(rest + 1);
      }
      char iso[32];
      bool coarse = y % 20 == 0;
      if (coarse)
        std::snprintf(iso, sizeof iso, "%04d-%02u", year, month);
      else
        std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", year, month, dd);
      std::string id = "d" + std::to_string(doc++) + "#1";
      EventRecord e = Ev(id, type, iso, lat + ((y >> 8) % 10) / 1000.0,
                         lon + ((y >> 16) % 10) / 1000.0, y % 31 == 0 ? "region" : "city");
      e.date->basis = (y >> 24) % 5 == 0 ? "document" : "explicit";
      e.actor1 = Actor((y >> 28) % 2 ? "state_forces" : "armed_opposition");
      e.quantities.push_back(Q("killed", static_cast<double>((y >> 32) % 50)));
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace vigie::fuse::testing
