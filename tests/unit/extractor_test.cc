// The extractor on articles written for these tests. The dates, places and quantities
// layer is built by hand here (the normalize and geo stages produce it in the pipeline).
#include <gtest/gtest.h>

#include "clean/clean.h"
#include "core/langpack.h"
#include "events/extractor.h"

namespace vigie::events {
namespace {

struct Fx {
  std::shared_ptr<const core::PackSet> packs;
  std::unique_ptr<segment::Segmenter> seg;
  std::unique_ptr<Extractor> ex;
};

const Fx& F() {
  static Fx f = [] {
    Fx x;
    x.packs = std::move(core::PackSet::Load(core::DefaultPackRoot())).value();
    x.seg = std::make_unique<segment::Segmenter>(std::move(segment::Segmenter::Create(*x.packs)).value());
    auto e = Extractor::Create(*x.packs, *x.seg);
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    x.ex = std::make_unique<Extractor>(std::move(e).value());
    return x;
  }();
  return f;
}

struct Doc {
  Doc(std::string t, std::string l) : text(std::move(t)), lang(std::move(l)) {}
  std::string text, lang;
  Mentions m;
  uint32_t At(const std::string& s) const { return static_cast<uint32_t>(text.find(s)); }
  void Place(const std::string& s, int64_t id, double lat, double lon, std::string country, std::string part = "") {
    PlaceMention p{At(s), At(s) + uint32_t(s.size()), {}};
    p.location.text = s;
    p.location.geonameid = id;
    p.location.lat = lat;
    p.location.lon = lon;
    p.location.country = std::move(country);
    p.location.part = std::move(part);
    p.location.precision = "city";
    m.places.push_back(p);
  }
  void Date(const std::string& s, std::string iso, std::string basis) {
    m.dates.push_back({At(s), At(s) + uint32_t(s.size()), {iso, iso, "day", basis, s}});
  }
  void Count(const std::string& s, double v, std::string qual, std::string noun, bool pct = false) {
    QuantityMention q{At(s), At(s) + uint32_t(s.size()), {}, noun, pct};
    q.quantity.value = v;
    q.quantity.qualifier = std::move(qual);
    q.quantity.text = s;
    m.quantities.push_back(q);
  }
  std::vector<EventRecord> Run() const {
    auto s = F().seg->Segment(text, lang);
    ExtractInput in{"doc", lang, text, &s, &m, [](uint32_t x) { return x; }, [](uint32_t x) { return x; }};
    return F().ex->Extract(in);
  }
};

TEST(ExtractorTest, FrenchRecaptureWithClaimantQuantitiesAndPart) {
  Doc d{"Les forces gouvernementales ont repris mardi 12 villages à l'est de Deraa aux rebelles, selon "
        "l'Observatoire syrien des droits de l'homme. Plus de 300 familles ont fui la région.",
        "fr"};
  d.m.document_date = {"2018-07-05", "2018-07-05", "day", "document", ""};
  d.Place("Deraa", 170592, 32.6189, 36.1021, "SY", "east");
  d.Date("mardi", "2018-07-03", "relative");
  d.Count("12 villages", 12, "exact", "village");
  d.Count("Plus de 300 familles", 300, "more_than", "famille");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 2u);
  const auto& a = ev[0];
  EXPECT_EQ(a.type, "territory_change");
  EXPECT_EQ(a.subtype, "taken");
  EXPECT_EQ(a.modality, "reported");
  ASSERT_TRUE(a.claimant);
  EXPECT_EQ(a.claimant->cls, "igo_ngo");
  ASSERT_TRUE(a.actor1);
  EXPECT_EQ(a.actor1->cls, "state_forces");
  EXPECT_EQ(a.actor1->label, "government");
  ASSERT_TRUE(a.actor2);
  EXPECT_EQ(a.actor2->label, "rebel");
  ASSERT_TRUE(a.location);
  EXPECT_EQ(a.location->geonameid, 170592);
  EXPECT_EQ(a.location->part, "east");
  EXPECT_EQ(a.date->start, "2018-07-03");
  ASSERT_EQ(a.quantities.size(), 1u);
  EXPECT_EQ(a.quantities[0].kind, "places");
  EXPECT_EQ(a.quantities[0].unit, "village");
  const auto& b = ev[1];
  EXPECT_EQ(b.type, "displacement");
  EXPECT_EQ(b.modality, "asserted");
  ASSERT_TRUE(b.location);  // carried from the previous sentence
  EXPECT_EQ(b.location->geonameid, 170592);
  EXPECT_EQ(b.date->basis, "document");
  ASSERT_EQ(b.quantities.size(), 1u);
  EXPECT_EQ(b.quantities[0].kind, "displaced");
  EXPECT_EQ(b.quantities[0].qualifier, "more_than");
  EXPECT_EQ(b.actor1->cls, "civilians");
}

TEST(ExtractorTest, PassiveAmnestyKeepsRolesOfSurrender) {
  Doc d{"Quelque 40 combattants ont été amnistiés par le gouvernement syrien.", "fr"};
  d.Count("40 combattants", 40, "about", "combattant");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "surrender");
  EXPECT_EQ(ev[0].subtype, "amnesty");
  ASSERT_TRUE(ev[0].actor1);
  EXPECT_EQ(ev[0].actor1->cls, "armed_opposition");
  ASSERT_TRUE(ev[0].actor2);
  EXPECT_EQ(ev[0].actor2->cls, "state_agency");
  EXPECT_EQ(ev[0].actor2->country, "SY");
  ASSERT_EQ(ev[0].quantities.size(), 1u);
  EXPECT_EQ(ev[0].quantities[0].kind, "amnestied");
}

TEST(ExtractorTest, EnglishPassiveAgentAndBackground) {
  Doc d{"The town was recaptured by Iraqi forces on Sunday. The area has been contested since 2014.", "en"};
  d.m.document_date = {"2017-03-06", "2017-03-06", "day", "document", ""};
  d.Place("The town", 99072, 36.34, 43.13, "IQ");
  d.Date("on Sunday", "2017-03-05", "relative");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "territory_change");
  ASSERT_TRUE(ev[0].actor1);
  EXPECT_EQ(ev[0].actor1->name, "Iraqi Security Forces");
  EXPECT_FALSE(ev[0].actor2);
  EXPECT_EQ(ev[0].status, "occurred");
  EXPECT_EQ(ev[0].evidence[0].start, 0u);
}

TEST(ExtractorTest, CauseOfFlightIsNotASeparateEvent) {
  Doc d{"Thousands of civilians fled the fighting overnight.", "en"};
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "displacement");
}

TEST(ExtractorTest, DeterministicIds) {
  Doc d{"Rebels shelled the market. Police arrested 12 people.", "en"};
  auto a = d.Run(), b = d.Run();
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].event_id, "doc#1");
  EXPECT_EQ(a[1].event_id, "doc#2");
  EXPECT_EQ(a[1].type, b[1].type);
}

}  // namespace
}  // namespace vigie::events

namespace vigie::events {
namespace {

TEST(ExtractorTest, CumulativeTollSinceAMonthOrMore) {
  Doc d{"Le conflit a fait plus de 12 000 morts et plus de 2 millions de déplacés depuis mars 2021, selon l'ONU.", "fr"};
  d.m.document_date = {"2023-06-01", "2023-06-01", "day", "document", ""};
  d.m.dates.push_back({d.At("depuis mars 2021"), d.At("depuis mars 2021") + 17, {"2021-03", "", "month", "explicit", "depuis mars 2021"}, true});
  d.Count("plus de 12 000 morts", 12000, "more_than", "mort");
  d.Count("plus de 2 millions de déplacés", 2000000, "more_than", "déplacé");
  auto ev = d.Run();
  std::vector<std::string> tolls;
  for (const auto& e : ev)
    if (e.type == "toll") tolls.push_back(e.subtype);
  ASSERT_EQ(tolls, (std::vector<std::string>{"killed", "displaced"}));
  for (const auto& e : ev) {
    if (e.type != "toll") continue;
    EXPECT_EQ(e.date->start, "2021-03");
    EXPECT_EQ(e.date->end, "2023-06-01");
    EXPECT_EQ(e.modality, "reported");
    ASSERT_EQ(e.quantities.size(), 1u);
  }
}

TEST(ExtractorTest, RecentSinceIsNotAToll) {
  Doc d{"Au moins 27 personnes ont été tuées depuis vendredi dans les combats.", "fr"};
  d.m.document_date = {"2024-05-13", "2024-05-13", "day", "document", ""};
  d.m.dates.push_back({d.At("depuis vendredi"), d.At("depuis vendredi") + 15, {"2024-05-10", "", "day", "relative", "depuis vendredi"}, true});
  d.Count("Au moins 27 personnes", 27, "at_least", "personne");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "armed_clash");
  ASSERT_EQ(ev[0].quantities.size(), 1u);
  EXPECT_EQ(ev[0].quantities[0].kind, "killed");
}

}  // namespace
}  // namespace vigie::events

namespace vigie::events {
namespace {

TEST(ExtractorTest, CiviliansKilledByGunmenIsAnAttackOnCivilians) {
  Doc d{"Trois bergers ont été tués par des hommes armés près du puits.", "fr"};
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 0u);  // "bergers" is no civilian noun in the pack: nothing is guessed
  Doc e{"Deux habitants ont été tués par des hommes armés près du puits.", "fr"};
  auto ev2 = e.Run();
  ASSERT_EQ(ev2.size(), 1u);
  EXPECT_EQ(ev2[0].type, "attack_on_civilians");
}

TEST(ExtractorTest, ProtestTurningViolentIsARiot) {
  Doc d{"Protesters stormed the governor's office and looted it.", "en"};
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "riot");
}

}  // namespace
}  // namespace vigie::events

namespace vigie::events {
namespace {

TEST(ExtractorTest, HeadlineAndParagraphAreOneEvent) {
  Doc d{"Tikrit: thousands flee in 48 hours\n\nMore than 9,000 people have fled Tikrit in the past 48 hours.", "en"};
  d.Place("Tikrit", 99131, 34.6, 43.68, "IQ");
  d.m.places.push_back(d.m.places.back());
  d.m.places.back().start = static_cast<uint32_t>(d.text.rfind("Tikrit"));
  d.m.places.back().end = d.m.places.back().start + 6;
  d.m.dates.push_back({d.At("in 48 hours"), d.At("in 48 hours") + 11, {"2015-03-01", "2015-03-03", "interval", "relative", "in 48 hours"}});
  auto rel = static_cast<uint32_t>(d.text.rfind("in the past 48 hours"));
  d.m.dates.push_back({rel, rel + 20, {"2015-03-01", "2015-03-03", "interval", "relative", "in the past 48 hours"}});
  d.Count("thousands", 2000, "about", "");
  d.Count("More than 9,000 people", 9000, "more_than", "people");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "displacement");
  ASSERT_EQ(ev[0].quantities.size(), 1u);
  EXPECT_EQ(ev[0].quantities[0].value, 9000);
  EXPECT_EQ(ev[0].evidence.size(), 2u);
}

TEST(ExtractorTest, ParticipleAsAdjectiveIsNoEvent) {
  Doc d{"Les secouristes ont distribué des couvertures aux familles déplacées. 4 000 habitants ont été déplacés.", "fr"};
  auto ev = d.Run();
  std::vector<std::string> types;
  for (const auto& e : ev) types.push_back(e.type);
  EXPECT_EQ(types, (std::vector<std::string>{"aid_delivery", "displacement"}));
}

TEST(ExtractorTest, BombardmentFromAircraftIsAnAirStrike) {
  Doc d{"Des avions de l'armée ont bombardé des positions rebelles.", "fr"};
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "air_strike");
}

}  // namespace
}  // namespace vigie::events
