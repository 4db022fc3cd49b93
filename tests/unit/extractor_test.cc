// The extractor on articles written for these tests. The dates, places and quantities
// layer is built by hand here (the normalize and geo stages produce it in the pipeline).
#include "events/extractor.h"

#include <gtest/gtest.h>

#include "clean/clean.h"
#include "core/langpack.h"

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
    x.seg = std::make_unique<segment::Segmenter>(
        std::move(segment::Segmenter::Create(*x.packs)).value());
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
  void Place(const std::string& s, int64_t id, double lat, double lon, std::string country,
             std::string part = "") {
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
    ExtractInput in{
        "doc", lang, text, &s, &m, [](uint32_t x) { return x; }, [](uint32_t x) { return x; }};
    return F().ex->Extract(in);
  }
};

TEST(ExtractorTest, FrenchRecaptureWithClaimantQuantitiesAndPart) {
  Doc d{
      "Les forces gouvernementales ont repris mardi 12 villages à l'est de Deraa aux rebelles, "
      "selon "
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
  Doc d{
      "The town was recaptured by Iraqi forces on Sunday. The area has been contested since 2014.",
      "en"};
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
  Doc d{
      "Le conflit a fait plus de 12 000 morts et plus de 2 millions de déplacés depuis mars 2021, "
      "selon l'ONU.",
      "fr"};
  d.m.document_date = {"2023-06-01", "2023-06-01", "day", "document", ""};
  d.m.dates.push_back({d.At("depuis mars 2021"),
                       d.At("depuis mars 2021") + 17,
                       {"2021-03", "", "month", "explicit", "depuis mars 2021"},
                       true});
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
  d.m.dates.push_back({d.At("depuis vendredi"),
                       d.At("depuis vendredi") + 15,
                       {"2024-05-10", "", "day", "relative", "depuis vendredi"},
                       true});
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
  Doc d{
      "Tikrit: thousands flee in 48 hours\n\nMore than 9,000 people have fled Tikrit in the past "
      "48 hours.",
      "en"};
  d.Place("Tikrit", 99131, 34.6, 43.68, "IQ");
  d.m.places.push_back(d.m.places.back());
  d.m.places.back().start = static_cast<uint32_t>(d.text.rfind("Tikrit"));
  d.m.places.back().end = d.m.places.back().start + 6;
  d.m.dates.push_back({d.At("in 48 hours"),
                       d.At("in 48 hours") + 11,
                       {"2015-03-01", "2015-03-03", "interval", "relative", "in 48 hours"}});
  auto rel = static_cast<uint32_t>(d.text.rfind("in the past 48 hours"));
  d.m.dates.push_back(
      {rel,
       rel + 20,
       {"2015-03-01", "2015-03-03", "interval", "relative", "in the past 48 hours"}});
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
  Doc d{
      "Les secouristes ont distribué des couvertures aux familles déplacées. 4 000 habitants ont "
      "été déplacés.",
      "fr"};
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

namespace vigie::events {
namespace {

TEST(ExtractorTest, DatelineDateAndPlaceAreNotTheEvents) {
  Doc d{
      "KIDAL, 4 mai 2021 (Agence Sahel) - Des jihadistes ont attaqué mardi un poste de contrôle "
      "près de "
      "Tessalit.",
      "fr"};
  d.m.document_date = {"2021-05-04", "2021-05-04", "day", "document", ""};
  d.Place("KIDAL", 2455290, 18.44, 1.41, "ML");
  d.Place("Tessalit", 2450173, 20.2, 1.01, "ML");
  d.Date("4 mai 2021", "2021-05-04", "explicit");
  d.Date("mardi", "2021-05-03", "relative");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "armed_clash");  // a checkpoint is a military target
  EXPECT_EQ(ev[0].date->start, "2021-05-03");
  EXPECT_EQ(ev[0].location->geonameid, 2450173);
}

TEST(ExtractorTest, NextDayAndSameDayCountFromTheLastDatedEvent) {
  Doc d{
      "Le 3 juin, des rebelles ont pris le contrôle de Kamango. Le lendemain, des frappes "
      "aériennes ont "
      "visé la ville. Le même jour, 200 familles ont fui.",
      "fr"};
  d.m.document_date = {"2022-06-10", "2022-06-10", "day", "document", ""};
  d.Date("Le 3 juin", "2022-06-03", "explicit");
  d.Date("Le lendemain", "2022-06-11",
         "relative");  // as normalize reads it: from the document date
  d.Date("Le même jour", "2022-06-10", "relative");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[1].type, "air_strike");
  EXPECT_EQ(ev[1].date->start, "2022-06-04");
  EXPECT_EQ(ev[2].type, "displacement");
  EXPECT_EQ(ev[2].date->start, "2022-06-04");
}

TEST(ExtractorTest, NamedGroupIsNotAPlaceAndHyphenatedNameIsTheGroup) {
  Doc d{"Kurdish forces on Monday retook the last Islamic State-held district of Hajin.", "en"};
  d.Place("Islamic State", 99999, 1, 1, "");  // what a gazetteer may read in the group's name
  d.Place("Hajin", 170000, 34.69, 40.83, "SY");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].location->geonameid, 170000);
  ASSERT_TRUE(ev[0].actor2);
  EXPECT_EQ(ev[0].actor2->cls, "jihadist_group");
}

TEST(ExtractorTest, ContextNounsAndBlockedPhrasesAreNotEvents) {
  Doc d{
      "Some 40,000 people have fled the district since the offensive began. Militias fighting "
      "alongside "
      "the army guarded the road.",
      "en"};
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "displacement");
}

TEST(ExtractorTest, PeopleLeaveAPlaceNotTheirDestination) {
  Doc d{"Plus de 3 000 civils ont fui Beni en direction de Butembo.", "fr"};
  d.Place("Beni", 219057, 0.49, 29.47, "CD");
  d.Place("Butembo", 217562, 0.14, 29.29, "CD");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].location->geonameid, 219057);
  // And the destination does not become the focus of what follows.
  Doc e{"Plus de 3 000 civils sont arrivés à Butembo. Des combats ont éclaté.", "fr"};
  e.Place("Butembo", 217562, 0.14, 29.29, "CD");
  auto ev2 = e.Run();
  for (const auto& x : ev2)
    if (x.type == "armed_clash") {
      EXPECT_FALSE(x.location && x.location->geonameid == 217562);
    }
}

TEST(ExtractorTest, TheSameHappeningToldOnIsOneEvent) {
  // A definite noun in the next sentence; a headline without a date of its own.
  Doc d{
      "Frappes sur Maarib\nDes avions ont mené lundi des frappes aériennes sur Maarib. Les frappes "
      "ont fait "
      "12 morts.",
      "fr"};
  d.m.document_date = {"2020-03-04", "2020-03-04", "day", "document", ""};
  d.Place("Maarib", 72966, 15.46, 45.32, "YE");
  d.Date("lundi", "2020-03-02", "relative");
  d.Count("12 morts", 12, "exact", "mort");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "air_strike");
  EXPECT_EQ(ev[0].date->start, "2020-03-02");
  ASSERT_EQ(ev[0].quantities.size(), 1u);
  EXPECT_EQ(ev[0].quantities[0].kind, "killed");
}

TEST(ExtractorTest, StateForcesAbroadAreForeignForces) {
  Doc d{"Russian forces shelled villages near Idlib on Monday.", "en"};
  d.Place("Idlib", 169389, 35.93, 36.63, "SY");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  ASSERT_TRUE(ev[0].actor1);
  EXPECT_EQ(ev[0].actor1->cls, "foreign_forces");
  Doc e{"Nigerian troops clashed with insurgents near Maiduguri.", "en"};
  e.Place("Maiduguri", 2331447, 11.85, 13.16, "NG");
  auto ev2 = e.Run();
  ASSERT_EQ(ev2.size(), 1u);
  ASSERT_TRUE(ev2[0].actor1);
  EXPECT_EQ(ev2[0].actor1->cls, "state_forces");  // at home
}

TEST(ExtractorTest, BareCountsNeedAKillWord) {
  Doc d{
      "Rockets hit the market, killing at least 20 and wounding 35. The market was built in 1960.",
      "en"};
  d.m.dates.push_back(
      {d.At("1960"), d.At("1960") + 4, {"1960", "1960", "year", "explicit", "1960"}, false});
  d.Count("at least 20", 20, "at_least", "");
  d.Count("35", 35, "exact", "");
  d.Count("1960", 1960, "exact", "");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  std::vector<std::string> kinds;
  for (const auto& q : ev[0].quantities)
    kinds.push_back(q.kind + ":" + std::to_string(int(*q.value)));
  EXPECT_EQ(kinds, (std::vector<std::string>{"killed:20", "injured:35"}));
}

TEST(ExtractorTest, CrowdNounsAndGenericAttacks) {
  // Protesters alone tell a protest; with violence, a riot; tear gas makes it an intervention.
  EXPECT_EQ(Doc("Protesters chanted slogans outside parliament.", "en").Run().at(0).type,
            "protest");
  auto riot = Doc("Protesters hurled rocks at the police.", "en").Run();
  ASSERT_EQ(riot.size(), 1u);
  EXPECT_EQ(riot[0].type, "riot");
  auto inter = Doc("Police fired tear gas to disperse the demonstration.", "en").Run();
  ASSERT_EQ(inter.size(), 1u);
  EXPECT_EQ(inter[0].subtype, "intervention");
  // "attack on" yields to the precise trigger of its sentence.
  auto precise =
      Doc("The attack on the town, in which rockets struck two schools, was condemned.", "en")
          .Run();
  ASSERT_EQ(precise.size(), 1u);
  EXPECT_EQ(precise[0].type, "shelling");
}

TEST(ExtractorTest, SiegeBrokenIsLiftedAndArmedMenWhoFleeWithdraw) {
  auto lifted = Doc("Government troops broke the siege of the airbase on Tuesday.", "en").Run();
  ASSERT_EQ(lifted.size(), 1u);
  EXPECT_EQ(lifted[0].subtype, "lifted");
  auto fled = Doc("Les jihadistes ont fui la ville dans la nuit.", "fr").Run();
  ASSERT_EQ(fled.size(), 1u);
  EXPECT_EQ(fled[0].type, "territory_change");
  EXPECT_EQ(fled[0].subtype, "withdrawal");
}

TEST(ExtractorTest, TollWithoutAPlaceTakesTheCountry) {
  Doc d{"Les combats ont repris à Gao. La guerre a fait plus de 10 000 morts depuis 2012.", "fr"};
  d.m.document_date = {"2022-06-01", "2022-06-01", "day", "document", ""};
  d.Place("Gao", 2457161, 16.27, -0.04, "ML");
  d.m.dates.push_back({d.At("depuis 2012"),
                       d.At("depuis 2012") + 11,
                       {"2012", "", "year", "explicit", "depuis 2012"},
                       true});
  d.Count("plus de 10 000 morts", 10000, "more_than", "mort");
  auto ev = d.Run();
  const EventRecord* toll = nullptr;
  for (const auto& e : ev)
    if (e.type == "toll") toll = &e;
  ASSERT_NE(toll, nullptr);
  ASSERT_TRUE(toll->location);
  EXPECT_FALSE(toll->location->geonameid);
  EXPECT_EQ(toll->location->country, "ML");
}

}  // namespace
}  // namespace vigie::events

namespace vigie::events {
namespace {

TEST(ExtractorTest, GovernmentThatStrikesActsThroughItsForces) {
  auto strike = Doc("Government air strikes hit the town of Kafr Nabl on Friday.", "en").Run();
  ASSERT_EQ(strike.size(), 1u);
  ASSERT_TRUE(strike[0].actor1);
  EXPECT_EQ(strike[0].actor1->cls, "state_forces");
  // Signing a deal, a government is an agency.
  auto deal = Doc("The government signed a ceasefire with the rebels on Monday.", "en").Run();
  ASSERT_EQ(deal.size(), 1u);
  ASSERT_TRUE(deal[0].actor1);
  EXPECT_EQ(deal[0].actor1->cls, "state_agency");
}

}  // namespace
}  // namespace vigie::events

namespace vigie::events {
namespace {

TEST(ExtractorTest, SourceNounCoversTheEventsToldSinceItsClaimant) {
  // A ministry reports; an unattributed sentence follows; "ce communiqué" comes back to the
  // ministry: the middle event is the ministry's too.
  Doc d{
      "Le ministère de la Défense russe a annoncé que l'armée syrienne a repris le village de "
      "Tell Rifaat. Mardi, les soldats ont repris trois collines près d'Azaz. "
      "Ce communiqué précise aussi que 40 rebelles ont été amnistiés.",
      "fr"};
  d.m.document_date = {"2017-03-02", "2017-03-02", "day", "document", ""};
  d.Place("Tell Rifaat", 163345, 36.47, 37.09, "SY");
  d.Place("Azaz", 170017, 36.59, 37.05, "SY");
  d.Date("Mardi", "2017-02-28", "relative");
  d.Count("40 rebelles", 40, "exact", "rebelle");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 3u);
  ASSERT_TRUE(ev[0].claimant);
  ASSERT_TRUE(ev[1].claimant);
  EXPECT_EQ(ev[1].claimant->cls, ev[0].claimant->cls);
  EXPECT_EQ(ev[1].modality, "reported");
  // Without the source noun coming back, the outlet speaks in its own voice.
  Doc e{
      "Le ministère de la Défense russe a annoncé que l'armée syrienne a repris le village de "
      "Tell Rifaat. Mardi, les soldats ont repris trois collines près d'Azaz.",
      "fr"};
  e.m.document_date = d.m.document_date;
  e.Place("Tell Rifaat", 163345, 36.47, 37.09, "SY");
  e.Place("Azaz", 170017, 36.59, 37.05, "SY");
  e.Date("Mardi", "2017-02-28", "relative");
  auto ev2 = e.Run();
  ASSERT_EQ(ev2.size(), 2u);
  EXPECT_FALSE(ev2[1].claimant);
}

TEST(ExtractorTest, AidToPeopleWhoFledIsNotInThePartTheyLeft) {
  Doc d{
      "More than 3,000 residents fled eastern Mosul on Sunday. The Red Crescent distributed "
      "food and blankets to the displaced families.",
      "en"};
  d.m.document_date = {"2017-01-09", "2017-01-09", "day", "document", ""};
  d.Place("eastern Mosul", 99072, 36.34, 43.13, "IQ", "east");
  d.Count("More than 3,000 residents", 3000, "more_than", "resident");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].type, "displacement");
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->part, "east");
  EXPECT_EQ(ev[1].type, "aid_delivery");
  ASSERT_TRUE(ev[1].location);
  EXPECT_EQ(ev[1].location->geonameid, 99072);
  EXPECT_EQ(ev[1].location->part, "");
}

// "The area", "la même zone": the place of the story's preceding event, with its part, even
// when the geo stage (which knows no events) resolved the phrase to the last place named,
// here where the wounded were taken.
TEST(ExtractorTest, AreaPhraseTakesThePlaceOfThePrecedingEvent) {
  Doc d{
      "A car bomb exploded in the old city of Homs on Monday, killing eight people. The "
      "wounded were treated in hospitals in Damascus. On Tuesday, rescue teams evacuated 40 "
      "civilians from the area.",
      "en"};
  d.m.document_date = {"2024-03-05", "2024-03-05", "day", "document", ""};
  d.Place("the old city of Homs", 169577, 34.73, 36.72, "SY", "old_city");
  d.Place("Damascus", 170654, 33.51, 36.29, "SY");
  d.Place("the area", 170654, 33.51, 36.29, "SY");
  auto ev = d.Run();
  ASSERT_GE(ev.size(), 2u);
  EXPECT_EQ(ev.back().type, "evacuation");
  ASSERT_TRUE(ev.back().location);
  EXPECT_EQ(ev.back().location->geonameid, 169577);
  EXPECT_EQ(ev.back().location->part, "old_city");
  EXPECT_EQ(ev.back().location->text, "the area");

  Doc f{
      "Des hommes armés ont attaqué lundi un convoi militaire près de Gao, tuant six soldats. "
      "Les blessés ont été soignés à Bamako. Mardi, l'armée a mené des frappes aériennes dans "
      "la même zone.",
      "fr"};
  f.m.document_date = {"2023-05-10", "2023-05-10", "day", "document", ""};
  f.Place("près de Gao", 2457161, 16.27, -0.04, "ML", "outskirts");
  f.Place("Bamako", 2460596, 12.65, -8.0, "ML");
  f.Place("la même zone", 2460596, 12.65, -8.0, "ML");
  auto fv = f.Run();
  ASSERT_GE(fv.size(), 2u);
  EXPECT_EQ(fv.back().type, "air_strike");
  ASSERT_TRUE(fv.back().location);
  EXPECT_EQ(fv.back().location->geonameid, 2457161);
  EXPECT_EQ(fv.back().location->part, "outskirts");
}

// Where forces set out from is not where they act; a second part of the same town is a
// second place, not the same event told on.
TEST(ExtractorTest, OriginIsNotThePlaceAndTwoPartsAreTwoEvents) {
  Doc d{
      "Les rebelles ont repris lundi trois villages au nord de Homs. Au sud, des unités "
      "parties de la base de Tiyas ont elles aussi repris plusieurs localités.",
      "fr"};
  d.m.document_date = {"2024-03-05", "2024-03-05", "day", "document", ""};
  d.Place("au nord de Homs", 169577, 34.73, 36.72, "SY", "north");
  d.Place("Au sud", 169577, 34.73, 36.72, "SY", "south");
  d.Place("Tiyas", 163806, 34.52, 37.63, "SY");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 2u);
  ASSERT_TRUE(ev[1].location);
  EXPECT_EQ(ev[1].location->geonameid, 169577);
  EXPECT_EQ(ev[1].location->part, "south");

  Doc e{
      "Government troops retook two villages east of Aleppo on Monday. In the south, units "
      "coming from the Kweires air base also retook several villages.",
      "en"};
  e.m.document_date = {"2016-10-18", "2016-10-18", "day", "document", ""};
  e.Place("east of Aleppo", 170063, 36.2, 37.16, "SY", "east");
  e.Place("the south", 170063, 36.2, 37.16, "SY", "south");
  e.Place("Kweires", 169999, 36.2, 37.5, "SY");
  auto ev2 = e.Run();
  ASSERT_EQ(ev2.size(), 2u);
  ASSERT_TRUE(ev2[1].location);
  EXPECT_EQ(ev2[1].location->geonameid, 170063);
  EXPECT_EQ(ev2[1].location->part, "south");
}

// An origin is the place only when nothing else is known; "near X" (outskirts) and "in
// northern X" may be one event told twice (headline and paragraph).
TEST(ExtractorTest, LoneOriginIsThePlaceAndOutskirtsMatchACompassPart) {
  Doc d{"Clashes erupted on Tuesday between the army and rebels coming from Sake.", "en"};
  d.m.document_date = {"2025-01-22", "2025-01-22", "day", "document", ""};
  d.Place("Sake", 205970, -1.57, 29.04, "CD");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->geonameid, 205970);

  Doc f{"Les rebelles venus de Sake ont attaqué mardi un camp de l'armée.", "fr"};
  f.m.document_date = {"2025-01-22", "2025-01-22", "day", "document", ""};
  f.Place("Sake", 205970, -1.57, 29.04, "CD");
  auto fv = f.Run();
  ASSERT_EQ(fv.size(), 1u);
  ASSERT_TRUE(fv[0].location);
  EXPECT_EQ(fv[0].location->geonameid, 205970);

  Doc h{"Heavy fighting near Goma as rebels advance\n\nHeavy fighting broke out on Tuesday in "
        "northern Goma between the army and the rebels, witnesses said.",
        "en"};
  h.m.document_date = {"2025-01-22", "2025-01-22", "day", "document", ""};
  h.Place("near Goma", 216281, -1.68, 29.22, "CD", "outskirts");
  h.Place("northern Goma", 216281, -1.68, 29.22, "CD", "north");
  auto hv = h.Run();
  size_t clashes = 0;
  for (const auto& e : hv) clashes += e.type == "armed_clash";
  EXPECT_EQ(clashes, 1u);
}

// An event told with no place of its own is in the town the text is about, not in the
// part of town named for an earlier event; people who leave do leave that part.
TEST(ExtractorTest, PartOfAnEarlierEventIsNotCarriedExceptByPeopleLeaving) {
  Doc d{
      "Government troops retook the market in the centre of Raqqa on Monday. Since Sunday, "
      "the troops have detained 300 men for questioning.",
      "en"};
  d.m.document_date = {"2017-10-10", "2017-10-10", "day", "document", ""};
  d.Place("the centre of Raqqa", 163915, 35.95, 39.01, "SY", "centre");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].location->part, "centre");
  EXPECT_EQ(ev[1].type, "arrest");
  ASSERT_TRUE(ev[1].location);
  EXPECT_EQ(ev[1].location->geonameid, 163915);
  EXPECT_EQ(ev[1].location->part, "");

  Doc f{
      "L'armée malienne a repris mardi le nord de Kidal aux rebelles. Depuis lundi, les "
      "soldats ont arrêté 40 suspects.",
      "fr"};
  f.m.document_date = {"2023-11-15", "2023-11-15", "day", "document", ""};
  f.Place("le nord de Kidal", 2455290, 18.44, 1.41, "ML", "north");
  auto fv = f.Run();
  ASSERT_EQ(fv.size(), 2u);
  EXPECT_EQ(fv[1].type, "arrest");
  ASSERT_TRUE(fv[1].location);
  EXPECT_EQ(fv[1].location->part, "");

  // A demonstrative before the trigger tells on the event just told: same part.
  Doc h{"L'armée malienne a repris mardi le nord de Kidal aux rebelles. Ces combats ont fait "
        "12 morts parmi les rebelles.",
        "fr"};
  h.m.document_date = {"2023-11-15", "2023-11-15", "day", "document", ""};
  h.Place("le nord de Kidal", 2455290, 18.44, 1.41, "ML", "north");
  auto hv = h.Run();
  ASSERT_EQ(hv.size(), 2u);
  EXPECT_EQ(hv[1].type, "armed_clash");
  ASSERT_TRUE(hv[1].location);
  EXPECT_EQ(hv[1].location->part, "north");
  Doc k{"Government troops retook the centre of Raqqa on Monday. These clashes killed 12 "
        "fighters.",
        "en"};
  k.m.document_date = {"2017-10-10", "2017-10-10", "day", "document", ""};
  k.Place("the centre of Raqqa", 163915, 35.95, 39.01, "SY", "centre");
  auto kv = k.Run();
  ASSERT_EQ(kv.size(), 2u);
  EXPECT_EQ(kv[1].type, "armed_clash");
  ASSERT_TRUE(kv[1].location);
  EXPECT_EQ(kv[1].location->part, "centre");

  Doc g{
      "Les derniers rebelles ont quitté Alep-Est jeudi à bord de bus. Environ 2 000 personnes "
      "ont été évacuées dans la journée, selon le Croissant-Rouge.",
      "fr"};
  g.m.document_date = {"2016-12-16", "2016-12-16", "day", "document", ""};
  g.Place("Alep-Est", 170063, 36.2, 37.16, "SY", "east");
  auto gv = g.Run();
  bool found = false;
  for (const auto& x : gv)
    if (x.type == "evacuation") {
      found = true;
      ASSERT_TRUE(x.location);
      EXPECT_EQ(x.location->part, "east");
    }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace vigie::events

namespace vigie::events {
namespace {

TEST(ExtractorTest, CommonVerbTakesTerritoryOnlyBeforeACountOfPlaces) {
  Doc d{"Rebels took 14 villages near Beni on Thursday. The delegates took part in the talks.",
        "en"};
  d.m.document_date = {"2021-02-05", "2021-02-05", "day", "document", ""};
  d.Place("Beni", 219057, 0.49, 29.47, "CD");
  d.Count("14 villages", 14, "exact", "village");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "territory_change");
  ASSERT_EQ(ev[0].quantities.size(), 1u);
  EXPECT_EQ(ev[0].quantities[0].kind, "places");
  EXPECT_EQ(ev[0].quantities[0].unit, "village");
  Doc f{"Les miliciens ont pris deux quartiers de Bunia mardi.", "fr"};
  f.m.document_date = d.m.document_date;
  f.Place("Bunia", 217570, 1.56, 30.25, "CD");
  f.Count("deux quartiers", 2, "exact", "quartier");
  auto fe = f.Run();
  ASSERT_EQ(fe.size(), 1u);
  EXPECT_EQ(fe[0].type, "territory_change");
  // Without a count of places, "pris" is not a conquest.
  EXPECT_TRUE(Doc("Le convoi a pris la route de Bunia mardi.", "fr").Run().empty());
}

TEST(ExtractorTest, WhoDeniesAStrikeIsItsDoer) {
  auto ev = Doc("The army denied carrying out the air strike on the market.", "en").Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].modality, "denied");
  ASSERT_TRUE(ev[0].actor1);
  EXPECT_EQ(ev[0].actor1->cls, "state_forces");
  ASSERT_TRUE(ev[0].claimant);
  // A doer named in the denied claim stays the doer.
  auto other = Doc("The army denied that rebels had shelled the market.", "en").Run();
  ASSERT_EQ(other.size(), 1u);
  ASSERT_TRUE(other[0].actor1);
  EXPECT_EQ(other[0].actor1->cls, "armed_opposition");
}

TEST(ExtractorTest, FightingThatDisplacesIsTheCauseNotAnEvent) {
  Doc d{"Fighting has displaced 12,000 people around Kidal this week.", "en"};
  d.m.document_date = {"2023-09-01", "2023-09-01", "day", "document", ""};
  d.Place("Kidal", 2455290, 18.44, 1.41, "ML");
  d.Count("12,000 people", 12000, "exact", "people");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "displacement");
  // Fighting that is not the subject of the displacement is an event of its own.
  auto both = Doc("Fighting broke out near Kidal, and 300 families fled the town.", "en").Run();
  bool clash = false;
  for (const auto& e : both) clash = clash || e.type == "armed_clash";
  EXPECT_TRUE(clash);
}

TEST(ExtractorTest, ChemicalWeaponsAndExcessiveForceGoToExtra) {
  auto gas = Doc("Government aircraft dropped chlorine gas on the town of Saraqib.", "en").Run();
  ASSERT_FALSE(gas.empty());
  EXPECT_EQ(gas[0].extra_json, R"({"weapon":"chemical"})");
  auto fr = Doc("L'aviation a bombardé la ville avec des barils de chlore.", "fr").Run();
  ASSERT_FALSE(fr.empty());
  EXPECT_EQ(fr[0].extra_json, R"({"weapon":"chemical"})");
  // A chemical attack named in a clause about the place is not the weapon of this event.
  auto near = Doc("Government forces captured two villages near the town that was hit by a "
                  "chemical attack last year.",
                  "en")
                  .Run();
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near[0].type, "territory_change");
  EXPECT_EQ(near[0].extra_json, "{}");
  auto force =
      Doc("Police fired live ammunition to disperse the protest in the capital.", "en").Run();
  ASSERT_EQ(force.size(), 1u);
  EXPECT_EQ(force[0].type, "protest");
  EXPECT_EQ(force[0].subtype, "intervention");
  EXPECT_EQ(force[0].extra_json, R"({"force":"excessive"})");
  auto tear = Doc("Police fired tear gas to disperse the protest in the capital.", "en").Run();
  ASSERT_EQ(tear.size(), 1u);
  EXPECT_EQ(tear[0].extra_json, "{}");
  // "Amnesty International" reports; it is no amnesty.
  for (const auto& e : Doc("Amnesty International said the protest was peaceful.", "en").Run())
    EXPECT_NE(e.type, "surrender");
}

}  // namespace
}  // namespace vigie::events

namespace vigie::events {
namespace {

TEST(ExtractorTest, SinceTheStartOfAWarOpensATollClause) {
  Doc d{"Depuis le début de la guerre en mars 2015, les combats ont fait 9 000 morts au Yémen.",
        "fr"};
  d.m.document_date = {"2016-06-01", "2016-06-01", "day", "document", ""};
  d.m.dates.push_back({d.At("mars 2015"),
                       d.At("mars 2015") + uint32_t(std::string("mars 2015").size()),
                       {"2015-03", "2015-03", "month", "explicit", "mars 2015"}});
  d.Count("9 000 morts", 9000, "exact", "mort");
  auto ev = d.Run();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "toll");
  EXPECT_EQ(ev[0].subtype, "killed");
  // Without the since-clause the same count is the toll of one clash.
  Doc e{"En mars 2015, les combats ont fait 9 000 morts au Yémen.", "fr"};
  e.m.document_date = d.m.document_date;
  e.m.dates.push_back({e.At("mars 2015"),
                       e.At("mars 2015") + uint32_t(std::string("mars 2015").size()),
                       {"2015-03", "2015-03", "month", "explicit", "mars 2015"}});
  e.Count("9 000 morts", 9000, "exact", "mort");
  for (const auto& x : e.Run()) EXPECT_NE(x.type, "toll");
}

}  // namespace
}  // namespace vigie::events

namespace vigie::events {
namespace {

bool HasType(const std::vector<EventRecord>& ev, std::string_view type,
             std::string_view subtype = "") {
  for (const auto& e : ev)
    if (e.type == type && (subtype.empty() || e.subtype == subtype)) return true;
  return false;
}

TEST(ExtractorTest, AircraftAreTheDoerNotATarget) {
  // The aircraft named before the verb drop the bombs...
  EXPECT_TRUE(
      HasType(Doc("Government jets shelled the market on Monday.", "en").Run(), "air_strike"));
  // ... the planes hit far after it are what the shells damaged.
  auto ev = Doc("Heavy shelling of the airport on Monday set fire to a hangar and damaged two "
                "cargo planes.",
                "en")
                .Run();
  EXPECT_TRUE(HasType(ev, "shelling", "artillery"));
  EXPECT_FALSE(HasType(ev, "air_strike"));
}

TEST(ExtractorTest, NominalTriggersOfStrikesAndHandovers) {
  EXPECT_TRUE(
      HasType(Doc("Helicopters dropped barrel bombs on the eastern suburbs overnight.", "en").Run(),
              "air_strike", "air"));
  EXPECT_TRUE(
      HasType(Doc("The air force dropped a napalm bomb on the camp.", "en").Run(), "air_strike"));
  EXPECT_TRUE(HasType(Doc("Two soldiers died in a tank attack on the hill post.", "en").Run(),
                      "shelling", "artillery"));
  EXPECT_TRUE(HasType(
      Doc("Three roadside improvised explosive devices went off near the bridge.", "en").Run(),
      "bombing", "ied"));
  // A handover of people is no handover of territory.
  EXPECT_FALSE(HasType(
      Doc("The handover of the hostages took place at the border crossing.", "en").Run(),
      "territory_change"));
  // "dropped" and a bomb word that is no bomb.
  EXPECT_FALSE(HasType(Doc("The minister dropped a bombshell on Tuesday.", "en").Run(), "air_strike"));
  EXPECT_FALSE(HasType(
      Doc("Prosecutors dropped charges against the bombing suspect.", "en").Run(), "air_strike"));
  // A fuel tank on fire is no tank fire.
  EXPECT_FALSE(
      HasType(Doc("A fuel tank fire burned for hours at the refinery.", "en").Run(), "shelling"));
  // A missile base or test is no missile fired.
  EXPECT_TRUE(Doc("The country carried out two missile tests this week.", "en").Run().empty());
}

TEST(ExtractorTest, WeaponsSeizedOrFoundAreNotUsed) {
  auto seized =
      Doc("Soldiers seized weapons and ammunition in a raid near the border.", "en").Run();
  EXPECT_FALSE(HasType(seized, "territory_change"));
  EXPECT_TRUE(Doc("Troops seized on Monday a stash of mortar rounds.", "en").Run().empty());
  EXPECT_TRUE(HasType(Doc("The rebels seized the border town on Friday.", "en").Run(),
                      "territory_change", "taken"));
  EXPECT_FALSE(HasType(Doc("Police found four hand grenades in an empty warehouse.", "en").Run(),
                       "bombing"));
  EXPECT_FALSE(HasType(Doc("An arms cache holding grenades was unearthed by a farmer.", "en").Run(),
                       "bombing"));
  // A capture with the weapons it used, or weapons taken after it, is still a capture; a
  // shelling after which a hill was seized, or which found homes destroyed, is still a shelling.
  Doc named("Rebels seized Kafr Laha with weapons looted from the army.", "en");
  named.Place("Kafr Laha", 170001, 34.9, 36.5, "SY");
  EXPECT_TRUE(HasType(named.Run(), "territory_change", "taken"));
  EXPECT_TRUE(HasType(Doc("Troops captured the town and later seized weapons.", "en").Run(),
                      "territory_change", "taken"));
  EXPECT_TRUE(HasType(Doc("The army seized the hill after heavy shelling.", "en").Run(), "shelling"));
  EXPECT_TRUE(HasType(
      Doc("Residents found their homes destroyed by shelling on Sunday.", "en").Run(), "shelling"));
  // A missile intercepted was fired.
  EXPECT_TRUE(HasType(
      Doc("Air defences intercepted a missile fired at the port city on Sunday.", "en").Run(),
      "shelling", "missile"));
  // A grenade that wounds is thrown, whatever else was found.
  EXPECT_TRUE(
      HasType(Doc("A grenade found by children exploded and injured three of them.", "en").Run(),
              "bombing", "grenade"));
}

TEST(ExtractorTest, LosersDrivenOutAreTheSecondActor) {
  auto ev = Doc("The militants were driven out of the market town after two days.", "en").Run();
  ASSERT_TRUE(HasType(ev, "territory_change", "taken"));
  for (const auto& e : ev)
    if (e.type == "territory_change") {
      EXPECT_FALSE(e.actor1.has_value());
      ASSERT_TRUE(e.actor2.has_value());
      EXPECT_EQ(e.actor2->cls, "armed_opposition");  // the CASE label reads a non-state loser
    }
}

TEST(ExtractorTest, CrowdControlWithoutACrowdNoun) {
  // Tear gas and rubber bullets with people hurt: a protest met by excessive force.
  auto ev = Doc("Scores of people were injured when police fired tear gas and rubber bullets in "
                "the main square.",
                "en")
                .Run();
  ASSERT_TRUE(HasType(ev, "protest", "intervention"));
  for (const auto& e : ev)
    if (e.type == "protest") {
      EXPECT_EQ(e.extra_json, R"({"force":"excessive"})");
    }
  // Dispersing alone is no crowd control.
  EXPECT_TRUE(Doc("A strong wind helped to disperse the smoke over the port.", "en").Run().empty());
  // Right after a riot told in riot words, it is that riot's policing, not a new protest.
  auto after = Doc("Youths stormed the town hall and looted two banks. Police fired tear gas to "
                   "disperse them.",
                   "en")
                   .Run();
  EXPECT_FALSE(HasType(after, "protest"));
  // After a protest, it is that protest's policing: one protest, met by intervention.
  auto policed = Doc("Thousands of teachers held a rally outside parliament on Monday. Police "
                     "fired tear gas to disperse them.",
                     "en")
                     .Run();
  ASSERT_EQ(policed.size(), 1u);
  EXPECT_EQ(policed[0].type, "protest");
  EXPECT_EQ(policed[0].subtype, "intervention");
  // Hurt people, counted or not, where force met the protest.
  auto hurt = Doc("There were serious injuries among the students as police suppressed their "
                  "peaceful protest.",
                  "en")
                  .Run();
  ASSERT_TRUE(HasType(hurt, "protest", "intervention"));
  EXPECT_EQ(hurt[0].extra_json, R"({"force":"excessive"})");
}

TEST(ExtractorTest, ViolenceBreakingOutMakesAProtestARiot) {
  EXPECT_TRUE(HasType(
      Doc("A demonstration against fuel prices turned violent near the ministry on Saturday.", "en")
          .Run(),
      "riot", "violent_demonstration"));
  EXPECT_TRUE(HasType(
      Doc("Violence erupted as thousands of protesters reached the port.", "en").Run(), "riot"));
  // A road blocked is no violence: the protest stays a protest.
  EXPECT_FALSE(
      HasType(Doc("Farmers blocked the roads into the capital in a protest over land.", "en").Run(),
              "riot"));
}

TEST(ExtractorTest, FrenchWeaponsCrowdControlAndNominalTriggers) {
  EXPECT_TRUE(HasType(
      Doc("Des hélicoptères ont largué des bombes barils sur les quartiers est.", "fr").Run(),
      "air_strike", "air"));
  EXPECT_TRUE(
      HasType(Doc("Deux soldats ont été tués par des tirs de char près du poste.", "fr").Run(),
              "shelling", "artillery"));
  EXPECT_TRUE(Doc("Le pays a annoncé deux essais de missiles cette semaine.", "fr").Run().empty());
  EXPECT_FALSE(
      HasType(Doc("Les soldats ont repris des armes et des munitions aux rebelles.", "fr").Run(),
              "territory_change"));
  EXPECT_FALSE(HasType(
      Doc("Une cache contenant des obus de mortier a été découverte près du pont.", "fr").Run(),
      "shelling"));
  auto tear = Doc("Des dizaines de personnes ont été blessées quand la police a tiré des gaz "
                  "lacrymogènes et des balles en caoutchouc sur la place.",
                  "fr")
                  .Run();
  ASSERT_TRUE(HasType(tear, "protest", "intervention"));
  EXPECT_EQ(tear[0].extra_json, R"({"force":"excessive"})");
  EXPECT_TRUE(HasType(
      Doc("La manifestation contre la vie chère a dégénéré devant la préfecture.", "fr").Run(),
      "riot"));
  auto lost = Doc("Les djihadistes ont été chassés de la ville après deux jours.", "fr").Run();
  ASSERT_TRUE(HasType(lost, "territory_change", "taken"));
  EXPECT_FALSE(lost[0].actor1.has_value());
  EXPECT_TRUE(lost[0].actor2.has_value());
}

TEST(ExtractorTest, AnEventNamedAsAStartingPointIsContext) {
  auto ev = Doc("A day after police arrested ten students, gunmen kidnapped a teacher in the "
                "village.",
                "en")
                .Run();
  EXPECT_FALSE(HasType(ev, "arrest"));
  EXPECT_TRUE(HasType(ev, "attack_on_civilians", "abduction"));
}

}  // namespace
}  // namespace vigie::events
