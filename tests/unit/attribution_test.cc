// Attribution and modality on sentences written for these tests.
#include "events/attribution.h"

#include <gtest/gtest.h>

#include "core/langpack.h"

namespace vigie::events {
namespace {

struct Fx {
  std::shared_ptr<const core::PackSet> packs;
  std::unique_ptr<segment::Segmenter> seg;
  std::unique_ptr<actors::Recognizer> actors;
  std::unique_ptr<TriggerFinder> triggers;
  std::unique_ptr<Attributor> attr;
};

const Fx& F() {
  static Fx f = [] {
    Fx x;
    x.packs = std::move(core::PackSet::Load(core::DefaultPackRoot())).value();
    x.seg = std::make_unique<segment::Segmenter>(
        std::move(segment::Segmenter::Create(*x.packs)).value());
    x.actors = std::make_unique<actors::Recognizer>(
        std::move(actors::Recognizer::Create(*x.packs, *x.seg)).value());
    x.triggers =
        std::make_unique<TriggerFinder>(std::move(TriggerFinder::Create(*x.packs, *x.seg)).value());
    auto a = Attributor::Create(*x.packs, *x.seg);
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    x.attr = std::make_unique<Attributor>(std::move(a).value());
    return x;
  }();
  return f;
}

struct Out {
  std::string type, modality, claimant, cls;
};

std::vector<Out> Attribute(const std::string& text, const std::string& lang) {
  auto s = F().seg->Segment(text, lang);
  auto actors = F().actors->Find(text, s, lang);
  auto cues = F().attr->FindCues(text, s, lang);
  std::optional<Claimant> prev;
  std::vector<Out> out;
  for (const auto& t : F().triggers->Find(text, s, lang)) {
    Attribution a = F().attr->Attribute(t, cues, actors, s, text, &prev);
    Out o{std::string(t.type), a.modality, "", ""};
    if (a.claimant) {
      o.claimant = text.substr(a.claimant->start, a.claimant->end - a.claimant->start);
      o.cls = a.claimant->cls;
    }
    out.push_back(o);
  }
  return out;
}

TEST(AttributionTest, FrenchSelonGivesReportedWithClaimantAfter) {
  auto r = Attribute(
      "Les rebelles ont repris deux villages, selon l'Observatoire syrien des droits de l'homme.",
      "fr");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].modality, "reported");
  EXPECT_EQ(r[0].cls, "igo_ngo");
}

TEST(AttributionTest, FrenchSubjectBeforeReportingVerb) {
  auto r = Attribute(
      "Le ministère turc de la Défense a annoncé que ses avions avaient bombardé des positions "
      "kurdes.",
      "fr");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].modality, "reported");
  EXPECT_EQ(r[0].cls, "state_agency");
}

TEST(AttributionTest, FrenchUnknownSourceKeepsItsWords) {
  auto r =
      Attribute("Selon plusieurs récits concordants, des centaines d'habitants ont fui.", "fr");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].claimant, "plusieurs récits concordants");
  EXPECT_EQ(r[0].cls, "unknown");
  // Testimonies are the word of civilians.
  r = Attribute("Selon des témoignages recueillis sur place, des centaines d'habitants ont fui.",
                "fr");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].cls, "civilians");
}

TEST(AttributionTest, SourceNounSpeaksForLastNamedClaimant) {
  auto r = Attribute(
      "Selon le Centre russe pour la réconciliation, les troupes ont repris un quartier. "
      "Ce communiqué précise que 20 combattants ont été amnistiés.",
      "fr");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].claimant, "Ce communiqué");
  EXPECT_EQ(r[1].cls, "state_agency");
}

std::string Modality(const std::string& text, const std::string& lang) {
  auto r = Attribute(text, lang);
  return r.size() == 1 ? r[0].modality : "(" + std::to_string(r.size()) + " triggers)";
}

TEST(AttributionTest, HedgeNegationDenial) {
  EXPECT_EQ(Modality("Des civils auraient été enlevés près du camp.", "fr"), "hedged");
  EXPECT_EQ(Modality("The army did not withdraw from the town.", "en"), "negated");
  EXPECT_EQ(Modality("The ministry denied that its jets had carried out air strikes on the market.",
                     "en"),
            "denied");
  EXPECT_EQ(Modality("Rebels shelled the market on Monday.", "en"), "asserted");
}

TEST(AttributionTest, EnglishSaidAfterClauseAndInverted) {
  auto r = Attribute("Islamic State fighters seized the village, the Iraqi army said.", "en");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].modality, "reported");
  EXPECT_EQ(r[0].cls, "state_forces");
  auto q = Attribute("Militants abducted 12 farmers, according to the UN refugee agency.", "en");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cls, "igo_ngo");
}

// Claimants of every trigger of a multi-sentence text, in order (text and class).
std::vector<std::pair<std::string, std::string>> Claimants(const std::string& text,
                                                           const std::string& lang) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& o : Attribute(text, lang)) out.emplace_back(o.claimant, o.cls);
  return out;
}

TEST(AttributionTest, PronounSpeaksForTheLastClaimant) {
  auto r = Claimants(
      "Des rebelles ont attaqué un convoi près de Kidal, a indiqué l'armée malienne. Selon elle, "
      "des renforts "
      "ont été bombardés.",
      "fr");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].first, "elle");
  EXPECT_EQ(r[1].second, "state_forces");
  // No claimant yet: the subject of the sentence before.
  r = Claimants(
      "Le porte-parole de l'Unicef s'inquiète. Selon lui, des milliers de familles ont fui.", "fr");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].second, "igo_ngo");
}

TEST(AttributionTest, ShortPhraseRepeatsAnEarlierNamedActor) {
  // "the ministry" after "the Turkish defence ministry"; "the Center" after its full name.
  auto r = Claimants(
      "The Turkish defence ministry said its jets had struck depots in the north. Shelling hit two "
      "villages "
      "overnight, the ministry added.",
      "en");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].first, "the ministry");
  EXPECT_EQ(r[1].second, "state_agency");
}

TEST(AttributionTest, SpeakerWithoutGroupSpeaksForTheLastClaimant) {
  auto r = Claimants(
      "The U.S.-led coalition said its aircraft had carried out air strikes near Mosul. Rockets "
      "hit a base on "
      "Monday, the spokesman said.",
      "en");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].second, "international_coalition");
}

TEST(AttributionTest, TheDenierIsTheClaimant) {
  auto r = Claimants(
      "Des habitants ont fait état de frappes aériennes, mais l'état-major des armées a démenti "
      "toute opération.",
      "fr");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].second, "state_forces");
  r = Claimants("The ministry dismissed as false claims that its jets had struck a market.", "en");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].second, "state_agency");
}

TEST(AttributionTest, FallbackClaimantIsTheWordsBeforeTheCue) {
  // Not the opening adverb: the words between the last comma and the reporting verb.
  auto r = Claimants("Meanwhile, rebels shelled the town of Tal Abyad, local elders said.", "en");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].first, "local elders");
  // After a closing bracket the speaker stands before the cue.
  r = Claimants("The UN human rights office (OHCHR) said it had recorded air strikes on Idlib.",
                "en");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].second, "igo_ngo");
}

}  // namespace
}  // namespace vigie::events

namespace vigie::events {
namespace {

TEST(AttributionTest, SpokesmanOfTheGroupNamedBefore) {
  // "un porte-parole du mouvement": the movement is the group the sentence named first.
  auto r = Attribute(
      "Les combattants du Mouvement pour le salut de l'Azawad ont affronté des jihadistes près "
      "de Ménaka, selon un porte-parole du mouvement.",
      "fr");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].modality, "reported");
  EXPECT_EQ(r[0].cls, "militia");
  auto en = Attribute(
      "Fighters of the March 23 Movement clashed with the army near Rutshuru, a spokesman for "
      "the movement said.",
      "en");
  ASSERT_FALSE(en.empty());
  EXPECT_EQ(en[0].cls, "armed_opposition");
}

}  // namespace
}  // namespace vigie::events
