// Seasons, quarters, holidays of moving and lunar rules, "X after next", "two days later",
// and the bare d/m token that is a fraction or a score, on sentences written for these tests.
#include <gtest/gtest.h>

#include "normalize/date.h"
#include "normalize/normalize.h"
#include "normalize_test_env.h"

namespace vigie::normalize {
namespace {

using test_env::TagText;

std::string At(std::string_view text, std::string_view lang, std::string_view ref = "2016-12-07",
               bool future = false) {
  return test_env::FormatTimes(text, TagText(text, lang, ref, future), {.open = true});
}

// The season or quarter of the only time expression: "CODE first..last".
std::string Part(std::string_view text, std::string_view lang, std::string_view ref = "2016-12-07",
                 bool future = false) {
  Tags t = TagText(text, lang, ref, future);
  if (t.times.size() != 1 || t.times[0].year_part.empty()) return "none";
  const TimeExpr& x = t.times[0];
  return x.year_part + " " + IsoDate(x.part_first) + ".." + IsoDate(x.part_last);
}

TEST(YearPartsTest, EnglishSeasons) {
  EXPECT_EQ(At("Fighting has raged since last summer.", "en"), "since last summer|2016/2016-12-07 >");
  EXPECT_EQ(Part("The offensive began last summer.", "en"), "SU 2016-06-21..2016-09-23");
  EXPECT_EQ(Part("Aid ran short this winter.", "en"), "WI 2016-12-21..2017-03-20");
  EXPECT_EQ(Part("Aid ran short this winter.", "en", "2017-02-10"), "WI 2016-12-21..2017-03-20");
  EXPECT_EQ(Part("Elections are due next spring.", "en"), "SP 2017-03-21..2017-06-20");
  EXPECT_EQ(Part("The town fell in the spring of 2015.", "en"), "SP 2015-03-21..2015-06-20");
  EXPECT_EQ(Part("Convoys were blocked during the summer.", "en"), "SU 2016-06-21..2016-09-23");
  EXPECT_EQ(Part("Talks resume in the autumn.", "en", "2016-05-02", true), "FA 2016-09-24..2016-12-20");
  EXPECT_EQ(At("Talks resume in summer 2017.", "en"), "in summer 2017|2017");
  // A season word that is not one: a verb, "the fall of" a town.
  EXPECT_EQ(At("After the fall of Aleppo, prices fall.", "en"), "none");
}

TEST(YearPartsTest, FrenchSeasons) {
  EXPECT_EQ(At("Depuis l'été 2012, la ville est assiégée.", "fr"), "Depuis l'été 2012|2012/2016-12-07 >");
  EXPECT_EQ(Part("L'hiver dernier, les routes étaient coupées.", "fr", "2016-12-07"),
            "WI 2015-12-21..2016-03-20");
  EXPECT_EQ(Part("La récolte de cet été a été mauvaise.", "fr"), "SU 2016-06-21..2016-09-23");
  EXPECT_EQ(Part("Les combats reprendront au printemps.", "fr", "2016-12-07", true), "SP 2017-03-21..2017-06-20");
  EXPECT_EQ(At("Le bilan a été lourd.", "fr"), "none");  // "été", the verb
}

TEST(YearPartsTest, Quarters) {
  EXPECT_EQ(At("Exports fell in the third quarter of 2015.", "en"), "in the third quarter of 2015|2015-07/2015-09");
  EXPECT_EQ(At("Output rose in Q3 2016 and in 2016Q2.", "en"), "in Q3 2016|2016-07/2016-09; 2016Q2|2016-04/2016-06");
  EXPECT_EQ(At("Sales dropped last quarter.", "en"), "last quarter|2016-07/2016-09");
  EXPECT_EQ(At("Sales will pick up next quarter.", "en"), "next quarter|2017-01/2017-03");
  EXPECT_EQ(At("The last quarter of 2014 was the worst.", "en"), "last quarter of 2014|2014-10/2014-12");
  EXPECT_EQ(Part("Sales dropped last quarter.", "en"), "Q3 2016-07-01..2016-09-30");
  EXPECT_EQ(At("La production a chuté au troisième trimestre.", "fr"), "troisième trimestre|2016-07/2016-09");
  EXPECT_EQ(At("Le trimestre prochain sera meilleur.", "fr"), "Le trimestre prochain|2017-01/2017-03");
  EXPECT_EQ(At("Les ventes du T2 2016 ont baissé.", "fr"), "T2 2016|2016-04/2016-06");
  // A quarter word that is not a quarter: a quarter of an hour, a flat.
  EXPECT_EQ(At("The shelling stopped a quarter past noon.", "en").find("quarter|2"), std::string::npos);
  EXPECT_EQ(At("Ils louent un T3 en ville.", "fr"), "none");
}

TEST(YearPartsTest, MovingAndLunarHolidays) {
  // Rules (facts): Thanksgiving, the fourth Thursday of November; Memorial Day, the last
  // Monday of May; the orthodox Clean Monday, 48 days before orthodox Easter.
  EXPECT_EQ(IsoDate(*HolidayDate("nth:11:4:4", 2016)), "2016-11-24");
  EXPECT_EQ(IsoDate(*HolidayDate("nth:5:1:-1", 2016)), "2016-05-30");
  EXPECT_EQ(IsoDate(*HolidayDate("oeaster:-48", 2018)), "2018-02-19");
  // Observed on a weekday: 16 April 2011 was a Saturday, 16 October 2016 a Sunday.
  EXPECT_EQ(IsoDate(*HolidayDate("fixed:04-16,obs", 2011)), "2011-04-15");
  EXPECT_EQ(IsoDate(*HolidayDate("fixed:10-16,obs", 2016)), "2016-10-17");
  EXPECT_EQ(IsoDate(*HolidayDate("fixed:04-27,sun-1", 2014)), "2014-04-26");
  EXPECT_EQ(HolidaySpan("oeaster:-48,+39"), 39);
  EXPECT_FALSE(HolidayDate("fixed:04-16,sideways", 2011));
  // The arithmetical Islamic calendar: 1 Shawwal 1395 AH is 6 October 1975, 10 Dhu al-Hijjah
  // 1438 is 1 September 2017.
  EXPECT_EQ(IsoDate(*HolidayDate("islamic:10-01", 1975)), "1975-10-06");
  EXPECT_EQ(IsoDate(*HolidayDate("islamic:12-10", 2017)), "2017-09-01");
  // 1974 holds two 10 Dhu al-Hijjah: the first is taken.
  EXPECT_EQ(IsoDate(*HolidayDate("islamic:12-10", 1974)), "1974-01-03");
  EXPECT_EQ(At("Pendant le ramadan, les tirs ont baissé.", "fr"), "le ramadan|2016-06-06/2016-07-05");
  EXPECT_EQ(At("The truce held over Eid al-Adha.", "en"), "Eid al-Adha|2016-09-12");
  EXPECT_EQ(At("Great Lent began early.", "en", "2018-03-01"), "Great Lent|2018-02-19/2018-03-30");
  EXPECT_EQ(At("The bank lent money.", "en"), "none");
}

TEST(YearPartsTest, WeekdayAfterNext) {
  // 7 December 2016 is a Wednesday.
  EXPECT_EQ(At("The talks open Friday after next.", "en"), "Friday after next|2016-12-16");
  EXPECT_EQ(At("The talks open Wednesday after next.", "en"), "Wednesday after next|2016-12-21");
}

TEST(YearPartsTest, DaysLaterCountFromTheLastDayNamed) {
  EXPECT_EQ(At("Mardi, deux obus sont tombés. Deux jours plus tard, le convoi est arrivé.", "fr"),
            "Mardi|2016-12-06; Deux jours plus tard|2016-12-08");
  EXPECT_EQ(At("Le convoi est arrivé trois jours avant, selon l'ONU.", "fr"), "trois jours avant|2016-12-04");
  EXPECT_EQ(At("The town fell on Monday. A week later, aid arrived.", "en"),
            "on Monday|2016-12-05; A week later|2016-12-12");
  // "after" introducing an event is no date: only the length of time is read.
  EXPECT_EQ(At("He hid for two days after the attack.", "en"), "for two days|P2D");
  // Before or after a day the text names: from that day.
  EXPECT_EQ(At("The ceasefire began two weeks before Christmas.", "en"), "two weeks before Christmas|2016-12-11");
  EXPECT_EQ(At("Le scrutin aura lieu trois jours après le 15 mars.", "fr", "2017-02-01"),
            "trois jours après le 15 mars|2017-03-18");
  EXPECT_EQ(At("The summit is set for March after next.", "en"), "March after next|2018-03");
}

TEST(YearPartsTest, DayAnaphorOfANamedDayAndOpenTimesOnADay) {
  EXPECT_EQ(At("Le convoi est reparti le lendemain du 3 décembre.", "fr"), "le lendemain du 3 décembre|2016-12-04");
  EXPECT_EQ(At("The truce began the day before Christmas.", "en", "2016-12-28"),
            "the day before Christmas|2016-12-24");
  EXPECT_EQ(At("La veille du scrutin, le calme régnait.", "fr"), "La veille|2016-12-06");
  EXPECT_EQ(At("Le couvre-feu s'applique lundi à partir de 20h.", "fr"), "lundi à partir de 20h|2016-12-05 20:00 >");
  EXPECT_EQ(At("The roads reopen Thursday after 9:30.", "en", "2016-12-07", true),
            "Thursday after 9:30|2016-12-08 09:30 >");
}

TEST(YearPartsTest, RunsOfWholeUnits) {
  // 7 December 2016 is a Wednesday; the week of it began on Monday 5 December.
  EXPECT_EQ(At("Aid is expected over the next three days.", "en"), "next three days|2016-12-08/2016-12-10");
  EXPECT_EQ(At("Prices rose these past 2 months.", "en"), "past 2 months|2016-10/2016-11");
  EXPECT_EQ(At("Talks are planned in the 2 upcoming weeks.", "en"), "2 upcoming weeks|2016-12-12/2016-12-25");
  EXPECT_EQ(At("Les combats ont repris ces 3 derniers jours.", "fr"), "3 derniers jours|2016-12-04/2016-12-06");
  EXPECT_EQ(At("Les 2 semaines passées ont été calmes.", "fr"), "2 semaines passées|2016-11-21/2016-12-04");
  EXPECT_EQ(At("Les élections auront lieu dans les 3 prochaines années.", "fr"), "3 prochaines années|2017/2019");
  // "the past 48 hours", "la semaine dernière" keep their own reading.
  EXPECT_EQ(At("Shelling killed 12 in the past 48 hours.", "en"), "in the past 48 hours|2016-12-05/2016-12-07");
  EXPECT_EQ(At("Il est parti la semaine dernière.", "fr"), "la semaine dernière|2016-11-28/2016-12-04");
  // Hours run from the reference's time of day, at the hour.
  Tags t = TagText("Shelling is expected in the next 3 hours.", "en", "2016-12-07T10:20");
  ASSERT_EQ(t.times.size(), 1u);
  EXPECT_EQ(t.times[0].clock.Iso() + "-" + t.times[0].clock_end.Iso(), "11:00-13:00");
}

TEST(YearPartsTest, BareDayMonthNeedsDateContext) {
  EXPECT_EQ(At("The motion won a 2/3 majority.", "en"), "none");
  EXPECT_EQ(At("The home side won 2/3 of the games.", "en"), "none");
  EXPECT_EQ(At("Deux tiers, soit 2/3 des habitants, sont partis.", "fr"), "none");
  EXPECT_EQ(At("Le convoi est arrivé le 17/02.", "fr"), "17/02|2016-02-17");
  EXPECT_EQ(At("Le convoi arrivera le 17/02 à 16h.", "fr"), "17/02 à 16h|2016-02-17 16:00");
  EXPECT_EQ(At("Shelling resumed on Tuesday 2/3.", "en"), "on Tuesday|2016-12-06; 2/3|2016-03-02");
  EXPECT_EQ(At("17/02", "fr"), "17/02|2016-02-17");
}

TEST(YearPartsTest, FractionsInOneToken) {
  Tags t = TagText("Only 2/3 of the residents left, and 1/5 stayed.", "en");
  ASSERT_EQ(t.numbers.size(), 2u);
  EXPECT_NEAR(t.numbers[0].value, 2.0 / 3, 1e-9);
  EXPECT_NEAR(t.numbers[1].value, 0.2, 1e-9);
  EXPECT_TRUE(t.times.empty());
  // A day and month is no fraction, the numerator below the denominator or not.
  EXPECT_EQ(At("Le convoi est arrivé le 12/10.", "fr"), "12/10|2016-10-12");
  EXPECT_EQ(At("The shelling lasted 1/2 hour.", "en"), "1/2 hour|PT30M");
  EXPECT_EQ(At("Les tirs ont duré 3/4 heure.", "fr"), "3/4 heure|PT45M");
  EXPECT_EQ(At("The flight took 5 1/2 hours.", "en"), "5 1/2 hours|PT330M");
}

TEST(YearPartsTest, DayRangesInWordsAndBareDays) {
  EXPECT_EQ(At("Le festival a eu lieu du treize au 15 juillet.", "fr"), "du treize au 15 juillet|2016-07-13/2016-07-15");
  EXPECT_EQ(At("La trêve a tenu du 1er au dix novembre.", "fr"), "du 1er au dix novembre|2016-11-01/2016-11-10");
  EXPECT_EQ(At("Les frappes ont eu lieu entre le 3 et le cinq décembre.", "fr"),
            "entre le 3 et le cinq décembre|2016-12-03/2016-12-05");
  // Bare days after a day marker: the reference's month, or the one before when not reached.
  EXPECT_EQ(At("Le couvre-feu a duré du 2 au 5.", "fr"), "du 2 au 5|2016-12-02/2016-12-05");
  EXPECT_EQ(At("Le couvre-feu a duré du 12 au 15.", "fr"), "du 12 au 15|2016-11-12/2016-11-15");
  // Counts, not days: a noun after the second number, no day marker, numbers in words.
  EXPECT_EQ(At("Les enfants du 13 au 18 ans sont vaccinés.", "fr"), "18 ans|P18Y");
  EXPECT_EQ(At("Le score est passé de trois à cinq buts.", "fr"), "none");
}

}  // namespace
}  // namespace vigie::normalize
