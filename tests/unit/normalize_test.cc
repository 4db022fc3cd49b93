// Numbers, quantities and temporal expressions on sentences written for these tests.
#include <gtest/gtest.h>

#include "normalize/normalize.h"
#include "normalize_test_env.h"

namespace vigie::normalize {
namespace {

using test_env::E;
using test_env::TagText;

std::string Sub(std::string_view text, uint32_t a, uint32_t b) { return std::string(text.substr(a, b - a)); }

// The first number of the text: "value qualifier [%]".
std::string Num(std::string_view text, std::string_view lang) {
  Tags t = TagText(text, lang);
  if (t.numbers.empty()) return "none";
  const Number& n = t.numbers[0];
  char buf[96];
  if (n.qualifier == Qualifier::kRange)
    std::snprintf(buf, sizeof buf, "%g-%g range", n.min, n.max);
  else
    std::snprintf(buf, sizeof buf, "%g %s%s%s", n.value, QualifierName(n.qualifier), n.percent ? " %" : "",
                  n.ordinal ? " ord" : "");
  return buf;
}

// The first time expression: "start/end precision basis [text]".
std::string Time(std::string_view text, std::string_view lang, std::string_view ref = "2016-12-07",
                 bool future = false) {
  Tags t = TagText(text, lang, ref, future);
  if (t.times.empty()) return "none";
  const TimeExpr& x = t.times[0];
  if (x.kind == TimeKind::kDuration) return x.DurationIso() + " [" + Sub(text, x.start, x.end) + "]";
  return x.Start() + "/" + x.End() + " " + PrecisionName(x.precision) + " " + BasisName(x.basis) + " [" +
         Sub(text, x.start, x.end) + "]";
}

TEST(DateTest, Arithmetic) {
  EXPECT_EQ(Weekday(Date{2016, 12, 7}), 3);  // a Wednesday
  EXPECT_EQ(AddDays(Date{2016, 2, 28}, 1), (Date{2016, 2, 29}));
  EXPECT_EQ(AddDays(Date{2016, 12, 31}, 1), (Date{2017, 1, 1}));
  EXPECT_EQ(AddMonths(Date{2016, 1, 31}, 1), (Date{2016, 2, 29}));
  EXPECT_EQ(StartOfWeek(Date{2016, 12, 11}), (Date{2016, 12, 5}));
  for (int64_t d = -800000; d < 800000; d += 997) EXPECT_EQ(DaysFromCivil(CivilFromDays(d)), d);
  EXPECT_FALSE(ParseIsoDate("2016-02-30"));
  EXPECT_EQ(ParseIsoDate("2013-02-12T04:30:00-02:00"), (Date{2013, 2, 12}));
}

TEST(NumberTest, DigitGroupings) {
  EXPECT_EQ(Num("Les secours ont compté 1 200 blessés.", "fr"), "1200 exact");
  EXPECT_EQ(Num("Les secours ont compté 1.200 blessés.", "fr"), "1200 exact");
  EXPECT_EQ(Num("Rescuers counted 1,200 wounded.", "en"), "1200 exact");
  EXPECT_EQ(Num("Some 1.5 million people fled.", "en"), "1.5e+06 about");
  EXPECT_EQ(Num("Au total, 2,5 millions de personnes ont fui.", "fr"), "2.5e+06 exact");
  EXPECT_EQ(Num("The video drew 10K views.", "en"), "10000 exact");
}

TEST(NumberTest, Words) {
  EXPECT_EQ(Num("Les rebelles ont libéré soixante-six otages.", "fr"), "66 exact");
  EXPECT_EQ(Num("Il reste trois cents familles.", "fr"), "300 exact");
  EXPECT_EQ(Num("On dénombre quatre-vingt-dix morts.", "fr"), "90 exact");
  EXPECT_EQ(Num("On dénombre soixante et onze morts.", "fr"), "71 exact");
  EXPECT_EQ(Num("Police held two dozen protesters.", "en"), "24 exact");
  EXPECT_EQ(Num("Police held a hundred and twenty protesters.", "en"), "120 exact");
  EXPECT_EQ(Num("Twenty-one soldiers were wounded.", "en"), "21 exact");
}

TEST(NumberTest, VagueAmounts) {
  EXPECT_EQ(Num("Une cinquantaine de civils ont été tués.", "fr"), "50 about");
  EXPECT_EQ(Num("Une centaine de soldats sont arrivés.", "fr"), "100 about");
  EXPECT_EQ(Num("Des dizaines de familles ont fui.", "fr"), "20 about");
  EXPECT_EQ(Num("Des dizaines de milliers de personnes ont fui.", "fr"), "20000 about");
  EXPECT_EQ(Num("Dozens of people were hurt.", "en"), "24 about");
  EXPECT_EQ(Num("Hundreds of families fled.", "en"), "200 about");
  EXPECT_EQ(Num("Tens of thousands of residents fled.", "en"), "20000 about");
  EXPECT_EQ(Num("Plusieurs centaines d'habitants ont fui.", "fr"), "200 about");
  EXPECT_EQ(Num("Quelque 4 000 personnes attendent.", "fr"), "4000 about");
}

TEST(NumberTest, Qualifiers) {
  EXPECT_EQ(Num("Plus de 70% du territoire a été repris.", "fr"), "70 more_than %");
  EXPECT_EQ(Num("Au moins 12 civils ont péri.", "fr"), "12 at_least");
  EXPECT_EQ(Num("Près de 900 personnes ont fui.", "fr"), "900 about");
  EXPECT_EQ(Num("Moins de 20 soldats restent.", "fr"), "20 less_than");
  EXPECT_EQ(Num("More than 3,000 people fled.", "en"), "3000 more_than");
  EXPECT_EQ(Num("At least 30 militants surrendered.", "en"), "30 at_least");
  EXPECT_EQ(Num("Nearly 500 homes burned.", "en"), "500 about");
  EXPECT_EQ(Num("Environ 1 000 personnes sont parties.", "fr"), "1000 about");
}

TEST(NumberTest, PercentOrdinalRange) {
  EXPECT_EQ(Num("Le camp est détruit à 70 %.", "fr"), "70 exact %");
  EXPECT_EQ(Num("Le camp est détruit à 70 pour cent.", "fr"), "70 exact %");
  EXPECT_EQ(Num("The camp is seventy per cent destroyed.", "en"), "70 exact %");
  EXPECT_EQ(Num("Le 2e bataillon a avancé.", "fr"), "2 exact ord");
  EXPECT_EQ(Num("The third convoy left.", "en"), "3 exact ord");
  EXPECT_EQ(Num("Le premier convoi est parti.", "fr"), "1 exact ord");
  EXPECT_EQ(Num("Between 30 and 40 people died.", "en"), "30-40 range");
  EXPECT_EQ(Num("Entre 30 et 40 personnes sont mortes.", "fr"), "30-40 range");
  EXPECT_EQ(Num("Il y a eu 30 à 40 morts.", "fr"), "30-40 range");
}

TEST(QuantityTest, NounLemmas) {
  auto lemma = [](std::string_view text, std::string_view lang) {
    Tags t = TagText(text, lang);
    return t.quantities.empty() ? std::string("none") : t.quantities[0].lemma;
  };
  EXPECT_EQ(lemma("L'armée a repris 50 quartiers.", "fr"), "quartier");
  EXPECT_EQ(lemma("Plus de 1 200 civils ont fui.", "fr"), "civil");
  EXPECT_EQ(lemma("66 djihadistes ont été amnistiés.", "fr"), "djihadiste");
  EXPECT_EQ(lemma("Le convoi apporte 12 tonnes d'aide.", "fr"), "tonne");
  EXPECT_EQ(lemma("Rebels took two villages.", "en"), "village");
  EXPECT_EQ(lemma("Dozens of people were hurt.", "en"), "person");
  EXPECT_EQ(lemma("Three United Nations peacekeepers died.", "en"), "peacekeeper");
  EXPECT_EQ(lemma("Une cinquantaine de blessés ont été évacués.", "fr"), "blesse");
  EXPECT_EQ(lemma("Les frappes ont touché 4 hôpitaux.", "fr"), "hopital");
}

TEST(TimeTest, Absolute) {
  EXPECT_EQ(Time("Annoncée le 7 décembre, la reprise est totale.", "fr", "2016-12-09"),
            "2016-12-07/2016-12-07 day explicit [7 décembre]");
  EXPECT_EQ(Time("Signé le 7 décembre 2016 à Genève.", "fr", ""), "2016-12-07/2016-12-07 day explicit [7 décembre 2016]");
  EXPECT_EQ(Time("It was signed on December 7, 2016 in Geneva.", "en", ""),
            "2016-12-07/2016-12-07 day explicit [December 7, 2016]");
  EXPECT_EQ(Time("Talks resumed on 7 Dec. in Geneva.", "en"), "2016-12-07/2016-12-07 day explicit [7 Dec.]");
  EXPECT_EQ(Time("Le texte du 7/12/2016 est clair.", "fr", ""), "2016-12-07/2016-12-07 day explicit [7/12/2016]");
  EXPECT_EQ(Time("The 2016-12-07 memo is clear.", "en", ""), "2016-12-07/2016-12-07 day explicit [2016-12-07]");
  EXPECT_EQ(Time("Le siège dure depuis juillet 2012.", "fr"), "2012-07/2016-12-07 interval explicit [depuis juillet 2012]");
  EXPECT_EQ(Time("L'offensive a commencé début 2016.", "fr"), "2016/2016 year explicit [début 2016]");
  EXPECT_EQ(Time("Les combats ont repris fin novembre.", "fr"), "2016-11/2016-11 month explicit [fin novembre]");
  EXPECT_EQ(Time("Les combats ont repris mi-octobre.", "fr"), "2016-10/2016-10 month explicit [mi-octobre]");
  EXPECT_EQ(Time("The offensive began in early 2016.", "en"), "2016/2016 year explicit [early 2016]");
  EXPECT_EQ(Time("The war of the 1990s left scars.", "en"), "1990/1999 interval explicit [the 1990s]");
  EXPECT_EQ(Time("En juillet 2012, les rebelles sont entrés.", "fr"), "2012-07/2012-07 month explicit [juillet 2012]");
}

TEST(TimeTest, RelativeFrench) {
  // Reference: Wednesday 7 December 2016.
  EXPECT_EQ(Time("Hier, l'armée a avancé.", "fr"), "2016-12-06/2016-12-06 day relative [Hier]");
  EXPECT_EQ(Time("Avant-hier, l'armée a avancé.", "fr"), "2016-12-05/2016-12-05 day relative [Avant-hier]");
  EXPECT_EQ(Time("Aujourd'hui, le calme règne.", "fr"), "2016-12-07/2016-12-07 day relative [Aujourd'hui]");
  EXPECT_EQ(Time("Ce même jour, 66 hommes se sont rendus.", "fr"), "2016-12-07/2016-12-07 day relative [Ce même jour]");
  EXPECT_EQ(Time("Plus tôt dans la journée, deux quartiers sont tombés.", "fr"),
            "2016-12-07/2016-12-07 day relative [Plus tôt dans la journée]");
  EXPECT_EQ(Time("La veille, un convoi était parti.", "fr"), "2016-12-06/2016-12-06 day relative [La veille]");
  EXPECT_EQ(Time("Mardi, un convoi est parti.", "fr"), "2016-12-06/2016-12-06 day relative [Mardi]");
  EXPECT_EQ(Time("Un convoi est parti mardi dernier.", "fr"), "2016-12-06/2016-12-06 day relative [mardi dernier]");
  EXPECT_EQ(Time("Les tirs ont repris dans la nuit de samedi à dimanche.", "fr"),
            "2016-12-03/2016-12-04 interval relative [dans la nuit de samedi à dimanche]");
  EXPECT_EQ(Time("Ces dernières 24 heures, 1 200 civils ont fui.", "fr"),
            "2016-12-06/2016-12-07 interval relative [Ces dernières 24 heures]");
  EXPECT_EQ(Time("La semaine dernière, le front a bougé.", "fr"),
            "2016-11-28/2016-12-04 week relative [La semaine dernière]");
  EXPECT_EQ(Time("Il y a deux jours, le front a bougé.", "fr"), "2016-12-05/2016-12-05 day relative [Il y a deux jours]");
}

TEST(TimeTest, RelativeEnglish) {
  EXPECT_EQ(Time("Yesterday the army advanced.", "en"), "2016-12-06/2016-12-06 day relative [Yesterday]");
  EXPECT_EQ(Time("A convoy left on Tuesday.", "en"), "2016-12-06/2016-12-06 day relative [on Tuesday]");
  EXPECT_EQ(Time("Shelling resumed Sunday night.", "en"), "2016-12-04/2016-12-04 day relative [Sunday night]");
  EXPECT_EQ(Time("Earlier this week, the army advanced.", "en"),
            "2016-12-05/2016-12-06 week relative [Earlier this week]");
  EXPECT_EQ(Time("Prices rose last month.", "en"), "2016-11/2016-11 month relative [last month]");
  EXPECT_EQ(Time("The bridge fell two days ago.", "en"), "2016-12-05/2016-12-05 day relative [two days ago]");
  EXPECT_EQ(Time("In the past 48 hours, 300 people fled.", "en"),
            "2016-12-05/2016-12-07 interval relative [In the past 48 hours]");
  EXPECT_EQ(Time("Fighting raged overnight.", "en"), "2016-12-06/2016-12-07 interval relative [overnight]");
  EXPECT_EQ(Time("More convoys are expected in the coming days.", "en"),
            "2016-12-07/2016-12-14 interval relative [in the coming days]");
  EXPECT_EQ(Time("The convoy left last Tuesday.", "en"), "2016-12-06/2016-12-06 day relative [last Tuesday]");
}

TEST(TimeTest, IntervalsAndDurations) {
  EXPECT_EQ(Time("The siege has lasted since September 2014.", "en"),
            "2014-09/2016-12-07 interval explicit [since September 2014]");
  EXPECT_EQ(Time("Les combats ont duré pendant trois jours.", "fr"), "P3D [pendant trois jours]");
  EXPECT_EQ(Time("Talks ran from 3 to 5 December.", "en"),
            "2016-12-03/2016-12-05 interval explicit [from 3 to 5 December]");
  EXPECT_EQ(Time("Les pourparlers ont eu lieu du 3 au 5 décembre.", "fr"),
            "2016-12-03/2016-12-05 interval explicit [du 3 au 5 décembre]");
  EXPECT_EQ(Time("Le cessez-le-feu a tenu 48 heures.", "fr"), "PT48H [48 heures]");
  EXPECT_EQ(Time("A 16-hour curfew was imposed.", "en"), "PT16H [16-hour]");
  EXPECT_EQ(Time("The siege lasted two years and three months.", "en"), "P27M [two years and three months]");
  EXPECT_EQ(Time("Le blocus a duré un an et demi.", "fr"), "P18M [un an et demi]");
}

TEST(TimeTest, BiasAndNoReference) {
  // A day-month without a year: past for news (unless at most a month ahead), future for
  // Duckling-style corpora.
  EXPECT_EQ(Time("Le vote a eu lieu le 20 février.", "fr", "2016-12-07"),
            "2016-02-20/2016-02-20 day explicit [20 février]");
  EXPECT_EQ(Time("Le vote aura lieu le 20 février.", "fr", "2016-12-07", true),
            "2017-02-20/2017-02-20 day explicit [20 février]");
  EXPECT_EQ(Time("Le vote aura lieu le 20 décembre.", "fr", "2016-12-07"),
            "2016-12-20/2016-12-20 day explicit [20 décembre]");
  EXPECT_EQ(Time("The talks collapsed last November.", "en"), "2016-11/2016-11 month relative [last November]");
  EXPECT_EQ(Time("The vote is on Tuesday.", "en", "2016-12-07", true), "2016-12-13/2016-12-13 day relative [on Tuesday]");
  // A future marker shortly before ("will", "doivent") turns the bias for that expression.
  EXPECT_EQ(Time("Talks will resume on Tuesday.", "en"), "2016-12-13/2016-12-13 day relative [on Tuesday]");
  EXPECT_EQ(Time("Les pourparlers doivent reprendre mardi.", "fr"), "2016-12-13/2016-12-13 day relative [mardi]");
  EXPECT_EQ(Time("He said on Tuesday that talks will resume.", "en"), "2016-12-06/2016-12-06 day relative [on Tuesday]");
  // Without a reference, relative expressions are not resolved (and not invented).
  EXPECT_EQ(Time("Hier, l'armée a avancé.", "fr", ""), "none");
}

TEST(TimeTest, NumbersInsideDatesAreNotQuantities) {
  Tags t = TagText("Le 7 décembre 2016, 50 quartiers ont été repris.", "fr");
  ASSERT_EQ(t.times.size(), 1u);
  ASSERT_EQ(t.numbers.size(), 1u);
  EXPECT_EQ(t.numbers[0].value, 50);
}

TEST(DocumentDateTest, DatelineAndContext) {
  auto infer = [](std::string_view text, std::string_view lang) {
    segment::Segmentation s = E().seg->Segment(text, lang);
    auto d = E().norm->InferDocumentDate(text, s, lang);
    return d ? IsoDate(d->date) : std::string("none");
  };
  EXPECT_EQ(infer("BAMAKO, 8 septembre 2023 - Des tirs ont visé le camp le 2 septembre 2023.", "fr"), "2023-09-08");
  EXPECT_EQ(infer("MOSUL, Iraq, Jan. 19, 2017 (Desk) - Troops advanced on Jan. 21, 2017.", "en"), "2017-01-19");
  EXPECT_EQ(infer("Le siège dure depuis début 2016.\nLe 7 décembre, l'armée a repris 50 quartiers.", "fr"),
            "2016-12-07");
  EXPECT_EQ(infer("Depuis février 2022, la ville est bloquée.\nCe jeudi 6 octobre, un convoi est arrivé.", "fr"),
            "2022-10-06");
  EXPECT_EQ(infer("Rien à signaler.", "fr"), "none");
  // A bare year ("our 2024 appeal") is year context: the weekday fits 2024, not the first
  // fitting year after "since 2011".
  EXPECT_EQ(infer("Since 2011, the war has killed thousands. Our 2024 appeal is 20% funded.\n"
                  "\"Today, Monday 4 March, we count our dead,\" the director said.",
                  "en"),
            "2024-03-04");
  EXPECT_EQ(infer("Le budget 2019 n'a pas été voté. Depuis 2012, le pays est en guerre.\n"
                  "Ce mardi 5 mars, des tirs ont visé la ville.",
                  "fr"),
            "2019-03-05");
}

TEST(RobustnessTest, OddInputsDoNotCrash) {
  for (std::string_view s : {"", "1", "entre", "between 5 and", "du 3 au", "depuis", "le 99 décembre 2016",
                             "31/02/2016", "99999999999999999999999 morts", "mi-", "il y a", "---", "1,2,3,4.5.6"}) {
    TagText(s, "fr");
    TagText(s, "en");
  }
  SUCCEED();
}

}  // namespace
}  // namespace vigie::normalize
