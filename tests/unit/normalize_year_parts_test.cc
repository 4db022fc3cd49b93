// Seasons, quarters, and the start or end of a month or year, on sentences written for these
// tests.
#include <gtest/gtest.h>

#include "normalize/normalize.h"
#include "normalize_test_env.h"

namespace vigie::normalize {
namespace {

using test_env::TagText;
using test_env::TimesAt;

// The season or quarter of the only time expression: "CODE first..last".
std::string Part(std::string_view text, std::string_view lang, std::string_view ref = "2016-12-07",
                 bool future = false) {
  Tags t = TagText(text, lang, ref, future);
  if (t.times.size() != 1 || t.times[0].year_part.empty()) return "none";
  const TimeExpr& x = t.times[0];
  return x.year_part + " " + IsoDate(x.part_first) + ".." + IsoDate(x.part_last);
}

TEST(YearPartsTest, EnglishSeasons) {
  EXPECT_EQ(TimesAt("Fighting has raged since last summer.", "en"),
            "since last summer|2016/2016-12-07 >");
  EXPECT_EQ(Part("The offensive began last summer.", "en"), "SU 2016-06-21..2016-09-23");
  EXPECT_EQ(Part("Aid ran short this winter.", "en"), "WI 2016-12-21..2017-03-20");
  EXPECT_EQ(Part("Aid ran short this winter.", "en", "2017-02-10"), "WI 2016-12-21..2017-03-20");
  EXPECT_EQ(Part("Elections are due next spring.", "en"), "SP 2017-03-21..2017-06-20");
  EXPECT_EQ(Part("The town fell in the spring of 2015.", "en"), "SP 2015-03-21..2015-06-20");
  EXPECT_EQ(Part("Convoys were blocked during the summer.", "en"), "SU 2016-06-21..2016-09-23");
  EXPECT_EQ(Part("Talks resume in the autumn.", "en", "2016-05-02", true),
            "FA 2016-09-24..2016-12-20");
  EXPECT_EQ(TimesAt("Talks resume in summer 2017.", "en"), "in summer 2017|2017");
  // A season word that is not one: a verb, "the fall of" a town.
  EXPECT_EQ(TimesAt("After the fall of Aleppo, prices fall.", "en"), "none");
}

TEST(YearPartsTest, FrenchSeasons) {
  EXPECT_EQ(TimesAt("Depuis l'été 2012, la ville est assiégée.", "fr"),
            "Depuis l'été 2012|2012/2016-12-07 >");
  EXPECT_EQ(Part("L'hiver dernier, les routes étaient coupées.", "fr", "2016-12-07"),
            "WI 2015-12-21..2016-03-20");
  EXPECT_EQ(Part("La récolte de cet été a été mauvaise.", "fr"), "SU 2016-06-21..2016-09-23");
  EXPECT_EQ(Part("Les combats reprendront au printemps.", "fr", "2016-12-07", true),
            "SP 2017-03-21..2017-06-20");
  EXPECT_EQ(TimesAt("Le bilan a été lourd.", "fr"), "none");  // "été", the verb
}

TEST(YearPartsTest, Quarters) {
  EXPECT_EQ(TimesAt("Exports fell in the third quarter of 2015.", "en"),
            "in the third quarter of 2015|2015-07/2015-09");
  EXPECT_EQ(TimesAt("Output rose in Q3 2016 and in 2016Q2.", "en"),
            "in Q3 2016|2016-07/2016-09; 2016Q2|2016-04/2016-06");
  EXPECT_EQ(TimesAt("Sales dropped last quarter.", "en"), "last quarter|2016-07/2016-09");
  EXPECT_EQ(TimesAt("Sales will pick up next quarter.", "en"), "next quarter|2017-01/2017-03");
  EXPECT_EQ(TimesAt("The last quarter of 2014 was the worst.", "en"),
            "last quarter of 2014|2014-10/2014-12");
  EXPECT_EQ(Part("Sales dropped last quarter.", "en"), "Q3 2016-07-01..2016-09-30");
  EXPECT_EQ(TimesAt("La production a chuté au troisième trimestre.", "fr"),
            "troisième trimestre|2016-07/2016-09");
  EXPECT_EQ(TimesAt("Le trimestre prochain sera meilleur.", "fr"),
            "Le trimestre prochain|2017-01/2017-03");
  EXPECT_EQ(TimesAt("Les ventes du T2 2016 ont baissé.", "fr"), "T2 2016|2016-04/2016-06");
  // A quarter word that is not a quarter: a quarter of an hour, a flat.
  EXPECT_EQ(TimesAt("The shelling stopped a quarter past noon.", "en").find("quarter|2"),
            std::string::npos);
  EXPECT_EQ(TimesAt("Ils louent un T3 en ville.", "fr"), "none");
}

TEST(YearPartsTest, EndOrStartOfTheMonthOrYear) {
  // Kept at the period's grain, as "fin novembre" is November.
  EXPECT_EQ(TimesAt("Les salaires seront versés à la fin du mois.", "fr"),
            "à la fin du mois|2016-12");
  EXPECT_EQ(TimesAt("Le retrait est prévu en fin d'année.", "fr"), "en fin d'année|2016");
  EXPECT_EQ(TimesAt("Au début de l'année dernière, la ville est tombée.", "fr"),
            "Au début de l'année dernière|2015");
  EXPECT_EQ(TimesAt("Troops will leave by the end of next month.", "en"),
            "by the end of next month|2017-01");
  EXPECT_EQ(TimesAt("Elections are due early next year.", "en"), "early next year|2017");
  EXPECT_EQ(TimesAt("At the end of the months-long siege, the town fell.", "en"), "months|PXM");
  EXPECT_EQ(TimesAt("At the end of the war, the town was rebuilt.", "en"), "none");
  // A day of the month itself.
  EXPECT_EQ(TimesAt("Le conseil se réunit le premier lundi du mois.", "fr"),
            "le premier lundi du mois|2016-12-05");
  EXPECT_EQ(TimesAt("Rent is due on the last day of the month.", "en"),
            "the last day of the month|2016-12-31");
}

}  // namespace
}  // namespace vigie::normalize
