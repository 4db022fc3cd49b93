// Test helpers for the store: generated event records and a deterministic stand-in for
// the event extractor (a test double; the real extractor is src/events).
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <unistd.h>
#include <string>
#include <vector>

#include "core/hash.h"
#include "pipeline/pipeline.h"
#include "store/ingest_driver.h"
#include "vigie/event.h"

namespace vigie::store::testing {

inline const char* const kTypes[] = {"armed_clash", "territory_change", "air_strike", "shelling", "bombing",
                                     "attack_on_civilians", "siege", "displacement", "agreement", "protest"};

// A plausible record, fully determined by (doc_id, n).
inline EventRecord MakeEvent(const std::string& doc_id, int n) {
  uint64_t h = core::Hash64(doc_id + "/" + std::to_string(n));
  EventRecord e;
  e.doc_id = doc_id;
  e.event_id = doc_id + "#" + std::to_string(n + 1);
  e.type = kTypes[h % 10];
  e.subtype = (h >> 8) % 2 ? "clash" : "";
  e.status = "occurred";
  e.modality = (h >> 12) % 3 == 0 ? "reported" : "asserted";
  char date[16];
  std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 10 + static_cast<int>((h >> 16) % 15),
                1 + static_cast<int>((h >> 20) % 12), 1 + static_cast<int>((h >> 24) % 28));
  e.date = EventDate{date, date, "day", "explicit", "le jour"};
  EventLocation loc;
  loc.text = "Place " + std::to_string((h >> 28) % 100);
  loc.name = loc.text;
  loc.geonameid = static_cast<int64_t>((h >> 28) % 100000);
  loc.lat = -60.0 + static_cast<double>((h >> 32) % 12000) / 100.0;
  loc.lon = -170.0 + static_cast<double>((h >> 44) % 34000) / 100.0;
  loc.country = "SY";
  loc.admin1 = "Aleppo";
  loc.precision = "city";
  e.location = loc;
  e.actor1 = EventActor{"l'armée", (h >> 5) % 2 ? "Syrian Arab Army" : "", "state_forces", "SY", ""};
  e.actor2 = EventActor{"les rebelles", "", "armed_opposition", "SY", "rebel"};
  if (e.modality == "reported") e.claimant = EventActor{"le ministère", "Ministry of Defence", "state_agency", "RU", ""};
  e.quantities.push_back({"killed", static_cast<double>((h >> 40) % 50), std::nullopt, std::nullopt, "at_least", "", "au moins"});
  e.evidence.push_back({0, 10});
  e.confidence = static_cast<double>((h >> 50) % 100) / 100.0;
  return e;
}

// The extractor stand-in: 0-2 records per document, from the document id.
inline Extraction TestExtract(const pipeline::Analysis& a) {
  Extraction x;
  int n = static_cast<int>(core::Hash64(a.doc.id) % 3);
  for (int i = 0; i < n; ++i) x.events.push_back(MakeEvent(a.doc.id, i));
  if (!a.clean.text.empty()) x.mentions.push_back({"place", a.clean.text.substr(0, 4), 0, 4, "{\"geonameid\":1}"});
  return x;
}

// A fresh temporary folder, removed by the destructor.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name) {
    path = std::filesystem::temp_directory_path() /
           (name + "-" + std::to_string(::getpid()) + "-" + std::to_string(core::Hash64(name) % 100000));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string operator/(const std::string& f) const { return (path / f).string(); }
};

}  // namespace vigie::store::testing
