// Actor recognition on sentences written for these tests (not from the dev set).
#include "actors/actors.h"

#include <gtest/gtest.h>

#include "core/langpack.h"

namespace vigie::actors {
namespace {

struct Fixture {
  std::shared_ptr<const core::PackSet> packs;
  std::unique_ptr<segment::Segmenter> seg;
  std::unique_ptr<Recognizer> rec;
};

const Fixture& F() {
  static Fixture f = [] {
    Fixture x;
    x.packs = std::move(core::PackSet::Load(core::DefaultPackRoot())).value();
    x.seg = std::make_unique<segment::Segmenter>(
        std::move(segment::Segmenter::Create(*x.packs)).value());
    auto r = Recognizer::Create(*x.packs, *x.seg);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    x.rec = std::make_unique<Recognizer>(std::move(r).value());
    return x;
  }();
  return f;
}

struct Found {
  std::string text, name, cls, country, label;
};

std::vector<Found> Find(const std::string& text, const std::string& lang) {
  auto s = F().seg->Segment(text, lang);
  std::vector<Found> out;
  for (const auto& m : F().rec->Find(text, s, lang))
    out.push_back({text.substr(m.start, m.end - m.start), m.name, m.cls, m.country, m.label});
  return out;
}

TEST(ActorsTest, FrenchNamedStateForcesWithElision) {
  auto a = Find("Selon l'armée de Bachar al-Assad, la ville est tombée.", "fr");
  ASSERT_GE(a.size(), 1u);
  EXPECT_EQ(a[0].text, "l'armée de Bachar al-Assad");
  EXPECT_EQ(a[0].name, "Syrian Arab Army");
  EXPECT_EQ(a[0].cls, "state_forces");
  EXPECT_EQ(a[0].country, "SY");
}

TEST(ActorsTest, FrenchGenericGroupWithLabelAfterNoun) {
  auto a = Find("Les soldats ont repoussé plusieurs groupes terroristes près de Deraa.", "fr");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].cls, "state_forces");
  EXPECT_EQ(a[1].text, "plusieurs groupes terroristes");
  EXPECT_EQ(a[1].cls, "armed_opposition");
  EXPECT_EQ(a[1].label, "terrorist");
}

TEST(ActorsTest, FrenchLabelOfNestedNamedGroup) {
  auto a = Find("Des terroristes de la coalition rebelle Fatah Halab ont fui la ville.", "fr");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].name, "Fatah Halab");
  EXPECT_EQ(a[0].cls, "armed_opposition");
  EXPECT_EQ(a[0].label, "terrorist");  // the leftmost framing word
}

TEST(ActorsTest, FrenchNumberAndNationality) {
  auto a = Find("Quelque 40 djihadistes ont été arrêtés par la police irakienne.", "fr");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].text, "Quelque 40 djihadistes");
  EXPECT_EQ(a[0].label, "jihadist");
  EXPECT_EQ(a[1].cls, "state_forces");
  EXPECT_EQ(a[1].country, "IQ");
}

TEST(ActorsTest, AcronymsAreCaseSensitive) {
  auto a = Find("Un porte-parole de l'ONU a dit qu'un convoi du PAM était arrivé.", "fr");
  bool un = false, wfp = false;
  for (const auto& f : a) {
    if (f.name == "United Nations") un = true;
    if (f.name == "WFP") wfp = true;
  }
  EXPECT_TRUE(un);
  EXPECT_TRUE(wfp);
  for (const auto& f : Find("It is unclear whether IS fighters left.", "en"))
    EXPECT_NE(f.text, "is");
  auto b = Find("It is unclear whether IS fighters left.", "en");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].name, "Islamic State");
}

TEST(ActorsTest, EnglishApposedNameAndLabel) {
  auto a = Find("Jets struck positions of the Iran-backed terrorist Houthi militia near the port.",
                "en");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].name, "Houthis (Ansar Allah)");
  EXPECT_EQ(a[0].label, "terrorist");
}

TEST(ActorsTest, EnglishCiviliansAndForeignForces) {
  auto a =
      Find("Russian warplanes hit the town as thousands of residents fled, the SDF said.", "en");
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].cls, "foreign_forces");
  EXPECT_EQ(a[0].country, "RU");
  EXPECT_EQ(a[1].cls, "civilians");
  EXPECT_EQ(a[2].name, "Syrian Democratic Forces");
  EXPECT_EQ(a[2].cls, "militia");
}

TEST(ActorsTest, RegimeLabelIsKeptApartFromClass) {
  auto a = Find("Regime forces shelled the district, the opposition said.", "en");
  ASSERT_GE(a.size(), 1u);
  EXPECT_EQ(a[0].cls, "state_forces");
  EXPECT_EQ(a[0].label, "regime");
}

TEST(ActorsTest, HyphenatedCompoundsNameTheGroup) {
  auto a = Find("Troops entered the last ISIS-held pocket and an Islamic State-run prison.", "en");
  std::vector<std::string> names;
  for (const auto& f : a)
    if (!f.name.empty()) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Islamic State", "Islamic State"}));
  // Only a one-word entry may end in a suffix: "Islamic-run" is not "Islamic State".
  for (const auto& f : Find("An Islamic-run charity opened a school.", "en"))
    EXPECT_NE(f.name, "Islamic State");
}

TEST(ActorsTest, CapitalisedNounsNeedCapitals) {
  // "fait état de" reports; "l'État" is the state.
  for (const auto& f : Find("Le ministère a fait état de 12 morts.", "fr"))
    EXPECT_NE(f.text, "état");
  auto a = Find("L'État a décrété un couvre-feu.", "fr");
  ASSERT_GE(a.size(), 1u);
  EXPECT_EQ(a[0].cls, "state_agency");
}

TEST(ActorsTest, FrenchDesLinksANounToAName) {
  auto a = Find("Le coordinateur humanitaire des Nations unies a lancé un appel.", "fr");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].text, "Le coordinateur humanitaire des Nations unies");
  EXPECT_EQ(a[0].cls, "igo_ngo");
  // As an article it still opens a phrase.
  auto b = Find("Des civils ont été blessés.", "fr");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].text, "Des civils");
}

TEST(ActorsTest, GenericGroupsAreTheGroupNamedBefore) {
  auto a = Find(
      "Al-Shabaab fighters stormed the hotel. The militants held it for hours before the army "
      "retook it.",
      "en");
  ASSERT_GE(a.size(), 3u);
  EXPECT_EQ(a[1].text, "The militants");
  EXPECT_EQ(a[1].cls, "jihadist_group");
  EXPECT_EQ(a[1].name, "al-Shabaab");
  EXPECT_EQ(a[2].cls, "state_forces");  // not an armed group: unchanged
  // Unidentified gunmen stay unknown; with no group named before, militants stay generic.
  auto b = Find("Gunmen killed five villagers. Militants later burned the market.", "en");
  ASSERT_GE(b.size(), 3u);
  EXPECT_EQ(b[0].cls, "unknown");
  EXPECT_EQ(b[2].cls, "armed_opposition");
}

TEST(ActorsTest, EnglishLastNounHeadsTheGenericPhrase) {
  auto a = Find("Two women suicide bombers blew themselves up.", "en");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].cls, "armed_opposition");
}

}  // namespace
}  // namespace vigie::actors
