// Dates counted from another: "X after next", "two days later", "the day before Christmas",
// runs of whole units, day ranges in words, an open time on a named day; on sentences
// written for these tests.
#include <gtest/gtest.h>

#include "normalize/normalize.h"
#include "normalize_test_env.h"

namespace vigie::normalize {
namespace {

using test_env::TagText;
using test_env::TimesAt;

TEST(OffsetsTest, FromNowAndHence) {
  EXPECT_EQ(TimesAt("The vote is two weeks from now.", "en"), "two weeks from now|2016-12-21");
  EXPECT_EQ(TimesAt("Talks resume a week hence.", "en"), "a week hence|2016-12-14");
  EXPECT_EQ(TimesAt("The treaty expires two years hence.", "en"), "two years hence|2018-12");
  EXPECT_EQ(TimesAt("The town fell two weeks ago.", "en"), "two weeks ago|2016-11-23");
  // A holiday a number of months away: its occurrence in that month's year.
  EXPECT_EQ(TimesAt("The summit opens on Thanksgiving, 11 months from now.", "en").substr(0, 26),
            "on Thanksgiving|2016-11-24");
  EXPECT_EQ(TimesAt("It was Christmas 3 months ago.", "en", "2017-03-01"),
            "Christmas 3 months ago|2016-12-25");
}

TEST(OffsetsTest, WeekdayAfterNext) {
  // 7 December 2016 is a Wednesday.
  EXPECT_EQ(TimesAt("The talks open Friday after next.", "en"), "Friday after next|2016-12-16");
  EXPECT_EQ(TimesAt("The talks open Wednesday after next.", "en"),
            "Wednesday after next|2016-12-21");
}

TEST(OffsetsTest, DaysLaterCountFromTheLastDayNamed) {
  EXPECT_EQ(
      TimesAt("Mardi, deux obus sont tombés. Deux jours plus tard, le convoi est arrivé.", "fr"),
      "Mardi|2016-12-06; Deux jours plus tard|2016-12-08");
  EXPECT_EQ(TimesAt("Le convoi est arrivé trois jours avant, selon l'ONU.", "fr"),
            "trois jours avant|2016-12-04");
  EXPECT_EQ(TimesAt("The town fell on Monday. A week later, aid arrived.", "en"),
            "on Monday|2016-12-05; A week later|2016-12-12");
  // "after" introducing an event is no date: only the length of time is read.
  EXPECT_EQ(TimesAt("He hid for two days after the attack.", "en"), "for two days|P2D");
  // Before or after a day the text names: from that day.
  EXPECT_EQ(TimesAt("The ceasefire began two weeks before Christmas.", "en"),
            "two weeks before Christmas|2016-12-11");
  EXPECT_EQ(TimesAt("Le scrutin aura lieu trois jours après le 15 mars.", "fr", "2017-02-01"),
            "trois jours après le 15 mars|2017-03-18");
  EXPECT_EQ(TimesAt("The summit is set for March after next.", "en"), "March after next|2018-03");
}

TEST(OffsetsTest, DayAnaphorOfANamedDayAndOpenTimesOnADay) {
  EXPECT_EQ(TimesAt("Le convoi est reparti le lendemain du 3 décembre.", "fr"),
            "le lendemain du 3 décembre|2016-12-04");
  EXPECT_EQ(TimesAt("The truce began the day before Christmas.", "en", "2016-12-28"),
            "the day before Christmas|2016-12-24");
  EXPECT_EQ(TimesAt("La veille du scrutin, le calme régnait.", "fr"), "La veille|2016-12-06");
  EXPECT_EQ(TimesAt("Le couvre-feu s'applique lundi à partir de 20h.", "fr"),
            "lundi à partir de 20h|2016-12-05 20:00 >");
  EXPECT_EQ(TimesAt("The roads reopen Thursday after 9:30.", "en", "2016-12-07", true),
            "Thursday after 9:30|2016-12-08 09:30 >");
}

TEST(OffsetsTest, RunsOfWholeUnits) {
  // 7 December 2016 is a Wednesday; the week of it began on Monday 5 December.
  EXPECT_EQ(TimesAt("Aid is expected over the next three days.", "en"),
            "next three days|2016-12-08/2016-12-10");
  EXPECT_EQ(TimesAt("Prices rose these past 2 months.", "en"), "past 2 months|2016-10/2016-11");
  EXPECT_EQ(TimesAt("Talks are planned in the 2 upcoming weeks.", "en"),
            "2 upcoming weeks|2016-12-12/2016-12-25");
  EXPECT_EQ(TimesAt("Les combats ont repris ces 3 derniers jours.", "fr"),
            "3 derniers jours|2016-12-04/2016-12-06");
  EXPECT_EQ(TimesAt("Les 2 semaines passées ont été calmes.", "fr"),
            "2 semaines passées|2016-11-21/2016-12-04");
  EXPECT_EQ(TimesAt("Les élections auront lieu dans les 3 prochaines années.", "fr"),
            "3 prochaines années|2017/2019");
  // A time of day, not a run: "15 minutes past 3pm".
  EXPECT_EQ(TimesAt("The blast came 15 minutes past noon.", "en", "2016-12-07T14:00"),
            "15 minutes past noon|2016-12-07 12:15");
  // "the past 48 hours", "la semaine dernière" keep their own reading.
  EXPECT_EQ(TimesAt("Shelling killed 12 in the past 48 hours.", "en"),
            "in the past 48 hours|2016-12-05/2016-12-07");
  EXPECT_EQ(TimesAt("Il est parti la semaine dernière.", "fr"),
            "la semaine dernière|2016-11-28/2016-12-04");
  // Hours run from the reference's time of day, at the hour.
  Tags t = TagText("Shelling is expected in the next 3 hours.", "en", "2016-12-07T10:20");
  ASSERT_EQ(t.times.size(), 1u);
  EXPECT_EQ(t.times[0].clock.Iso() + "-" + t.times[0].clock_end.Iso(), "11:00-13:00");
}

TEST(OffsetsTest, DayRangesInWordsAndBareDays) {
  EXPECT_EQ(TimesAt("Le festival a eu lieu du treize au 15 juillet.", "fr"),
            "du treize au 15 juillet|2016-07-13/2016-07-15");
  EXPECT_EQ(TimesAt("La trêve a tenu du 1er au dix novembre.", "fr"),
            "du 1er au dix novembre|2016-11-01/2016-11-10");
  EXPECT_EQ(TimesAt("Les frappes ont eu lieu entre le 3 et le cinq décembre.", "fr"),
            "entre le 3 et le cinq décembre|2016-12-03/2016-12-05");
  // Bare days after a day marker: the reference's month, or the one before when not reached.
  EXPECT_EQ(TimesAt("Le couvre-feu a duré du 2 au 5.", "fr"), "du 2 au 5|2016-12-02/2016-12-05");
  EXPECT_EQ(TimesAt("Le couvre-feu a duré du 12 au 15.", "fr"),
            "du 12 au 15|2016-11-12/2016-11-15");
  // Counts, not days: a noun after the second number, no day marker, numbers in words.
  EXPECT_EQ(TimesAt("Les enfants du 13 au 18 ans sont vaccinés.", "fr"), "18 ans|P18Y");
  EXPECT_EQ(TimesAt("Le score est passé de trois à cinq buts.", "fr"), "none");
}

}  // namespace
}  // namespace vigie::normalize
