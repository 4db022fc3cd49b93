// Test fixture for the API: a small store written by the test itself — three news items
// (two outlets reporting one Aleppo shelling with different tolls and different labels
// for the shooters, and a clash near Homs), their event records with evidence offsets
// into the raw text, a few mentions, and the clusters fusion makes of them.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "fuse/update.h"
#include "store/store.h"
#include "store_testing.h"

namespace vigie::serve::testing {

inline const char kDocA[] =
    "Alep, 7 décembre — Des tirs d'artillerie ont frappé mercredi le quartier de Salaheddine, tuant 12 civils, "
    "selon les secouristes.\n\nLes terroristes ont bombardé le quartier depuis l'est de la ville, a affirmé "
    "l'armée.";
inline const char kDocB[] =
    "ALEPPO, Dec 7 — Artillery fire hit the Salaheddine district on Wednesday, killing 9 civilians, rescue "
    "workers said. Rebels denied shelling the area.";
inline const char kDocC[] =
    "Homs, 2 mars — Des combats ont opposé samedi l'armée syrienne à des rebelles au nord de Homs, a rapporté "
    "l'Observatoire.";

inline Span SpanOf(const std::string& text, const std::string& words) {
  size_t at = text.find(words);
  EXPECT_NE(at, std::string::npos) << words;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())};
}

inline EventLocation Aleppo() {
  EventLocation l;
  l.text = "Alep", l.name = "Aleppo", l.geonameid = 170063, l.lat = 36.20124, l.lon = 37.16117;
  l.admin1 = "Aleppo", l.country = "SY", l.precision = "city";
  return l;
}

inline EventRecord Shelling(const std::string& doc_id, const std::string& raw, const std::string& sentence,
                            EventActor shooter, double killed, const std::string& claimant) {
  EventRecord e;
  e.doc_id = doc_id, e.event_id = doc_id + "#1";
  e.type = "shelling", e.subtype = "artillery", e.status = "occurred", e.modality = "reported";
  e.date = EventDate{"2016-12-07", "2016-12-07", "day", "explicit", "7"};
  e.location = Aleppo();
  e.actor1 = shooter;
  e.actor2 = EventActor{"civils", "", "civilians", "SY", ""};
  e.quantities.push_back({"killed", killed, std::nullopt, std::nullopt, "exact", "", ""});
  e.claimant = EventActor{claimant, "", "igo_ngo", "SY", ""};
  e.evidence.push_back(SpanOf(raw, sentence));
  e.confidence = 0.8;
  return e;
}

inline store::DocumentEntry Entry(const std::string& id, const std::string& raw, const std::string& outlet,
                                  const std::string& lang, const std::string& title) {
  store::DocumentEntry d;
  d.doc.id = id, d.doc.raw = raw, d.doc.outlet = outlet, d.doc.lang = lang, d.doc.date = "2016-12-07";
  d.doc.title = title, d.doc.url = "https://example.test/" + id;
  d.pipeline_version = "test";
  d.clean_text = raw;
  d.language = lang;
  return d;
}

// Writes the three documents into a new database at `path` and fuses them.
inline void WriteFixture(const std::string& path) {
  auto store = store::Store::OpenSqlite(path, {});
  ASSERT_TRUE(store.ok()) << store.status().message();
  store::DocumentBatch batch;

  std::string a = kDocA;
  auto da = Entry("doc-a", a, "Agence Test", "fr", "Alep : des obus sur Salaheddine");
  da.events.push_back(Shelling("doc-a", a,
                               "Des tirs d'artillerie ont frappé mercredi le quartier de Salaheddine, tuant 12 civils, "
                               "selon les secouristes.",
                               EventActor{"Les terroristes", "", "armed_opposition", "SY", "terrorist"}, 12,
                               "les secouristes"));
  Span alep = SpanOf(a, "Alep");
  da.mentions.push_back({"place", "Alep", alep.start, alep.end, "{\"geonameid\":170063}"});
  Span twelve = SpanOf(a, "12 civils");
  da.mentions.push_back({"quantity", "12 civils", twelve.start, twelve.end, "{\"value\":12}"});
  batch.docs.push_back(da);

  std::string b = kDocB;
  auto db = Entry("doc-b", b, "Wire Sample", "en", "Shells hit Aleppo district");
  db.events.push_back(Shelling("doc-b", b,
                               "Artillery fire hit the Salaheddine district on Wednesday, killing 9 civilians, rescue "
                               "workers said.",
                               EventActor{"Rebels", "", "armed_opposition", "SY", "rebel"}, 9, "rescue workers"));
  batch.docs.push_back(db);

  std::string c = kDocC;
  auto dc = Entry("doc-c", c, "Agence Test", "fr", "Combats au nord de Homs");
  dc.doc.date = "2024-03-02";
  EventRecord clash;
  clash.doc_id = "doc-c", clash.event_id = "doc-c#1";
  clash.type = "armed_clash", clash.subtype = "clash", clash.status = "occurred", clash.modality = "reported";
  clash.date = EventDate{"2024-03-02", "2024-03-02", "day", "relative", "samedi"};
  EventLocation homs;
  homs.text = "Homs", homs.name = "Homs", homs.geonameid = 169577, homs.lat = 34.72682, homs.lon = 36.72339;
  homs.country = "SY", homs.precision = "city", homs.part = "north";
  clash.location = homs;
  clash.actor1 = EventActor{"l'armée syrienne", "Syrian Arab Army", "state_forces", "SY", ""};
  clash.actor2 = EventActor{"des rebelles", "", "armed_opposition", "SY", "rebel"};
  clash.claimant = EventActor{"l'Observatoire", "Syrian Observatory for Human Rights", "igo_ngo", "GB", ""};
  clash.evidence.push_back({0, static_cast<uint32_t>(c.size())});
  clash.confidence = 0.7;
  dc.events.push_back(clash);
  batch.docs.push_back(dc);

  ASSERT_TRUE((*store)->Put(batch).ok());
  auto fused = fuse::UpdateClusters(**store, {});
  ASSERT_TRUE(fused.ok()) << fused.status().message();
}

}  // namespace vigie::serve::testing
