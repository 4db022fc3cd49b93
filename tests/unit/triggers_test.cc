// Event triggers on sentences written for these tests.
#include "events/triggers.h"

#include <gtest/gtest.h>

#include "core/langpack.h"

namespace vigie::events {
namespace {

struct Fx {
  std::shared_ptr<const core::PackSet> packs;
  std::unique_ptr<segment::Segmenter> seg;
  std::unique_ptr<TriggerFinder> finder;
};

const Fx& F() {
  static Fx f = [] {
    Fx x;
    x.packs = std::move(core::PackSet::Load(core::DefaultPackRoot())).value();
    x.seg = std::make_unique<segment::Segmenter>(
        std::move(segment::Segmenter::Create(*x.packs)).value());
    auto t = TriggerFinder::Create(*x.packs, *x.seg);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    x.finder = std::make_unique<TriggerFinder>(std::move(t).value());
    return x;
  }();
  return f;
}

std::vector<std::string> Types(const std::string& text, const std::string& lang) {
  auto s = F().seg->Segment(text, lang);
  std::vector<std::string> out;
  for (const auto& t : F().finder->Find(text, s, lang))
    out.push_back(std::string(t.type) + "/" + std::string(t.subtype) + ":" +
                  text.substr(t.start, t.end - t.start));
  return out;
}

using V = std::vector<std::string>;

TEST(TriggersTest, FrenchTerritoryAndStems) {
  EXPECT_EQ(Types("Les loyalistes ont reconquis le bourg mardi.", "fr"),
            (V{"territory_change/taken:reconquis"}));
  EXPECT_EQ(Types("Les rebelles se sont emparés de la colline.", "fr"),
            (V{"territory_change/taken:se sont emparés"}));
  EXPECT_EQ(Types("Les insurgés se sont retirés de trois villages.", "fr"),
            (V{"territory_change/withdrawal:retirés"}));
}

TEST(TriggersTest, FrenchLongestMatchWins) {
  EXPECT_EQ(Types("Une voiture piégée a explosé près du marché.", "fr"),
            (V{"bombing/car_bomb:voiture piégée"}));
  EXPECT_EQ(Types("Des frappes aériennes ont visé la ville.", "fr"),
            (V{"air_strike/air:frappes aériennes"}));
  EXPECT_EQ(Types("Le quartier a été pilonné par l'artillerie.", "fr"),
            (V{"shelling/artillery:pilonné"}));
}

TEST(TriggersTest, FrenchPeopleEvents) {
  EXPECT_EQ(Types("Des centaines de familles ont fui les combats.", "fr"),
            (V{"displacement/flight:fui", "armed_clash/clash:combats"}));
  EXPECT_EQ(Types("Douze combattants ont été amnistiés après avoir déposé les armes.", "fr"),
            (V{"surrender/amnesty:amnistiés", "surrender/surrender:déposé les armes"}));
}

TEST(TriggersTest, EnglishForms) {
  EXPECT_EQ(Types("Government troops recaptured the airport on Sunday.", "en"),
            (V{"territory_change/taken:recaptured"}));
  // Two triggers of one type: the extractor tells them as one event.
  EXPECT_EQ(Types("A suicide bomber blew himself up at a checkpoint.", "en"),
            (V{"bombing/suicide:suicide bomber", "bombing/suicide:blew himself up"}));
  EXPECT_EQ(Types("Airstrikes hit two clinics, and 300 people fled.", "en"),
            (V{"air_strike/air:Airstrikes", "displacement/flight:fled"}));
  EXPECT_EQ(Types("Police arrested 14 protesters.", "en"),
            (V{"arrest/arrest:arrested", "protest/peaceful:protesters"}));
}

TEST(TriggersTest, GapsLetWordsStandBetween) {
  // "pris ... le contrôle": a day or an adverb may stand inside the phrase.
  EXPECT_EQ(Types("Les rebelles ont pris mardi le contrôle de la ville.", "fr"),
            (V{"territory_change/taken:pris mardi le contrôle"}));
  EXPECT_EQ(Types("L'armée a pris hier soir le contrôle du pont.", "fr"),
            (V{"territory_change/taken:pris hier soir le contrôle"}));
  // Not across punctuation, nor more than three words: only the bare verb is left, a
  // candidate that the extractor keeps only before a count of places.
  EXPECT_EQ(Types("Ils ont pris, dit-on, le contrôle.", "fr"), (V{"territory_change/taken:pris"}));
}

TEST(TriggersTest, BlockingRowsHideLookalikes) {
  // "fighting alongside" names allies, not a battle; "prise de parole" is a speech.
  EXPECT_EQ(Types("Militias fighting alongside the army held the bridge.", "en"), V{});
  EXPECT_EQ(Types("La prise de parole du ministre a duré une heure.", "fr"), V{});
  EXPECT_EQ(Types("La prise de Kidal a surpris les observateurs.", "fr"),
            (V{"territory_change/taken:prise de"}));
}

TEST(TriggersTest, NoTriggerInPlainText) {
  EXPECT_TRUE(Types("The minister visited the region on Monday.", "en").empty());
  EXPECT_TRUE(Types("Le ministre s'est rendu dans la région lundi.", "fr").empty());
}

}  // namespace
}  // namespace vigie::events
