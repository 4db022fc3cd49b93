#include <gtest/gtest.h>

#include "core/langpack.h"
#include "lang/lang.h"

namespace vigie::lang {
namespace {

TEST(LangTest, FrenchAndEnglish) {
  auto fr = Detect("L'armée syrienne a repris le contrôle de cinquante quartiers de la ville, selon le "
                   "Centre russe pour la réconciliation, qui a fait état de la fuite de civils.");
  EXPECT_EQ(fr.code, "fr");
  EXPECT_GT(fr.confidence, 0.5);
  auto en = Detect("Government forces recaptured the town on Tuesday after days of heavy fighting, "
                   "according to a monitoring group, which said dozens of civilians had fled.");
  EXPECT_EQ(en.code, "en");
}

TEST(LangTest, GivenOverridesAndEmptyIsUnknown) {
  auto g = Identify("Government forces recaptured the town.", "fr");
  EXPECT_EQ(g.code, "fr");
  EXPECT_EQ(g.source, "given");
  EXPECT_EQ(Detect("").code, "und");
}

const Identifier& Packs() {
  static const Identifier* id = [] {
    auto packs = core::PackSet::Load(core::DefaultPackRoot());
    EXPECT_TRUE(packs.ok());
    auto made = Identifier::Create(**packs);
    EXPECT_TRUE(made.ok());
    return new Identifier(std::move(made).value());
  }();
  return *id;
}

// News paragraphs written for this test: the function words settle them, so the answer is
// the packs' (confidence: the share of the function words met that are the language's).
TEST(IdentifierTest, FunctionWordsSettleNewsText) {
  auto fr = Packs().Detect(
      "Les forces gouvernementales ont repris jeudi le contrôle du quartier, selon un "
      "communiqué du ministère. Des centaines de familles ont fui vers le sud depuis le début "
      "des combats, et les organisations humanitaires sont inquiètes pour les blessés qui "
      "restent dans la ville, a précisé un responsable local sous couvert d'anonymat.");
  EXPECT_EQ(fr.code, "fr");
  EXPECT_TRUE(fr.reliable);
  EXPECT_DOUBLE_EQ(fr.confidence, 1.0);
  auto en = Packs().Detect(
      "The army said on Tuesday that its troops had retaken the town after a week of fighting "
      "with the rebels, who have held it since March. Aid groups said that thousands of "
      "families were still sheltering in schools and that the road to the capital was closed, "
      "and the governor said it would take months to clear the mines from the area.");
  EXPECT_EQ(en.code, "en");
  EXPECT_TRUE(en.reliable);
}

// A text in a language without a pack, or too short to count on, goes to CLD2: the answer
// is exactly the CLD2-only one.
TEST(IdentifierTest, OtherLanguagesAndShortTextsGoToCld2) {
  const char* de =
      "Die Regierungstruppen haben am Dienstag die Kontrolle über die Stadt zurückgewonnen, "
      "teilte das Verteidigungsministerium mit. Tausende Familien sind in den vergangenen "
      "Wochen in den Süden geflohen, und die Hilfsorganisationen warnen vor einer Krise.";
  const char* es =
      "Las fuerzas del gobierno retomaron el martes el control de la ciudad, según un "
      "comunicado del ministerio. Miles de familias huyeron hacia el sur en las últimas "
      "semanas y las organizaciones humanitarias advierten de una crisis en la región.";
  const char* short_en = "Troops retook the town.";
  for (const char* text : {de, es, short_en}) {
    auto a = Packs().Detect(text);
    auto b = Detect(text);
    EXPECT_EQ(a.code, b.code) << text;
    EXPECT_EQ(a.confidence, b.confidence) << text;
    EXPECT_EQ(a.reliable, b.reliable) << text;
  }
  EXPECT_EQ(Packs().Detect(de).code, "de");
  EXPECT_EQ(Packs().Detect(es).code, "es");
  EXPECT_EQ(Packs().Identify("Les forces ont repris la ville.", "en").source, "given");
}

}  // namespace
}  // namespace vigie::lang
