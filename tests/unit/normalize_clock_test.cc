// Times of day, parts of day, holidays, negative and decimal numbers, and duration parts,
// on sentences written for these tests.
#include <gtest/gtest.h>

#include <cmath>

#include "normalize/normalize.h"
#include "normalize_test_env.h"

namespace vigie::normalize {
namespace {

using test_env::E;
using test_env::TagText;

// The time expression covering `phrase` in `text`: "text|day [hh:mm[-hh:mm]] [*]", where
// * marks a time of day whose day is the reference's.
std::string At(std::string_view text, std::string_view lang, std::string_view ref = "2016-12-07",
               bool future = false) {
  return test_env::FormatTimes(text, TagText(text, lang, ref, future), {.clock_range = true});
}

TEST(ClockTest, FrenchTimesOfDay) {
  EXPECT_EQ(At("Le convoi est arrivé mardi à 15h30.", "fr"), "mardi à 15h30|2016-12-06 15:30");
  EXPECT_EQ(At("Le couvre-feu commence demain à 22 heures.", "fr"),
            "demain à 22 heures|2016-12-08 22:00");
  EXPECT_EQ(At("L'explosion a eu lieu le 3 décembre vers 6h du matin.", "fr"),
            "3 décembre vers 6h du matin|2016-12-03 06:00");
  EXPECT_EQ(At("Réunion le 5 décembre à 6h du soir.", "fr"),
            "5 décembre à 6h du soir|2016-12-05 18:00");
  EXPECT_EQ(At("Les tirs ont cessé à midi moins le quart.", "fr"),
            "à midi moins le quart|2016-12-07 11:45 *");
  EXPECT_EQ(At("Ils sont partis à quinze heures trente.", "fr"),
            "à quinze heures trente|2016-12-07 15:30 *");
  EXPECT_EQ(At("Le marché a été visé samedi soir.", "fr"), "samedi soir|2016-12-03 18:00-23:00");
  EXPECT_EQ(At("La route est ouverte de 8h à 17h30.", "fr"),
            "de 8h à 17h30|2016-12-07 08:00-17:30 *");
}

TEST(ClockTest, EnglishTimesOfDay) {
  EXPECT_EQ(At("The blast occurred at about 10:35 a.m. Friday.", "en"),
            "at about 10:35 a.m. Friday|2016-12-02 10:35");
  EXPECT_EQ(At("Shelling resumed at 3pm.", "en"), "at 3pm|2016-12-07 15:00 *");
  EXPECT_EQ(At("The curfew starts at midnight tomorrow.", "en"),
            "at midnight tomorrow|2016-12-08 00:00");
  EXPECT_EQ(At("Voting runs from 7 to 9 pm on Thursday.", "en"),
            "from 7 to 9 pm on Thursday|2016-12-01 19:00-21:00");
  EXPECT_EQ(At("They met at a quarter past noon.", "en"),
            "at a quarter past noon|2016-12-07 12:15 *");
  EXPECT_EQ(At("The strike hit on Monday morning.", "en"),
            "on Monday morning|2016-12-05 00:00-11:00");
  EXPECT_EQ(At("The convoy left tonight at 8.", "en"), "tonight at 8|2016-12-07 20:00");
}

TEST(ClockTest, NumbersAreNotTimes) {
  // A day number then an hour, a count range, a score: no clock range from bare numbers.
  EXPECT_EQ(At("Entre 15 et 20 civils ont été tués.", "fr"), "none");
  EXPECT_EQ(At("Between 5 to 10 people were hurt.", "en"), "none");
  EXPECT_EQ(At("The team won 3 to 1.", "en"), "none");
  EXPECT_EQ(At("At 3 sites, aid arrived.", "en"), "none");
}

TEST(ClockTest, ReferenceTimeAndBias) {
  // Future bias with a reference time: the next time the clock shows that hour.
  EXPECT_EQ(At("at 3 AM", "en", "2013-02-12T04:30:00", true), "at 3 AM|2013-02-13 03:00 *");
  EXPECT_EQ(At("at 3:30", "en", "2013-02-12T04:30:00", true), "at 3:30|2013-02-12 15:30 *");
  // Past bias: a later hour than the reference was the day before.
  EXPECT_EQ(At("à 16h", "fr", "2016-12-07T10:00"), "à 16h|2016-12-06 16:00 *");
  EXPECT_EQ(At("in two hours", "en", "2013-02-12T04:30:00", true), "in two hours|2013-02-12 06:30");
  EXPECT_EQ(At("il y a 20 minutes", "fr", "2013-02-12T04:30:00"),
            "il y a 20 minutes|2013-02-12 04:10:00");
  EXPECT_EQ(ParseIsoClock("2016-12-07").Set(), false);
  EXPECT_EQ(ParseIsoClock("2016-12-07T08:15").Iso(), "08:15");
}

TEST(HolidayTest, FixedWeekdayAndEaster) {
  EXPECT_EQ(At("Le cessez-le-feu de Noël a été rompu.", "fr"), "Noël|2016-12-25");
  EXPECT_EQ(At("Depuis Pâques 2016, les combats ont repris.", "fr"),
            "Depuis Pâques 2016|2016-03-27/2016-12-07");
  EXPECT_EQ(At("Le lundi de Pentecôte 2017 sera chômé.", "fr"),
            "lundi de Pentecôte 2017|2017-06-05");
  EXPECT_EQ(At("The truce held over Thanksgiving.", "en"), "Thanksgiving|2016-11-24");
  EXPECT_EQ(At("Attacks rose after last Christmas.", "en"), "after last Christmas|2015-12-25");
  EXPECT_EQ(At("Orthodox Easter 2018 was quiet.", "en"), "Orthodox Easter 2018|2018-04-08");
  EXPECT_EQ(At("the Thanksgiving", "en", "2013-02-12", true), "Thanksgiving|2013-11-28");
  EXPECT_EQ(At("Fighting paused on New Year's Eve.", "en"), "on New Year's Eve|2016-12-31");
  EXPECT_EQ(At("Turnout fell from Thanksgiving of last year.", "en"),
            "Thanksgiving of last year|2015-11-26");
  EXPECT_EQ(At("The camp opened Christmas 2 years ago.", "en"), "Christmas 2 years ago|2014-12-25");
  EXPECT_EQ(IsoDate(Easter(2019)), "2019-04-21");
  EXPECT_EQ(IsoDate(*HolidayDate("nth:5:1:-1", 2013)), "2013-05-27");  // last Monday of May
  EXPECT_FALSE(HolidayDate("nth:13:1:1", 2013).has_value());
}

TEST(DateTest, NthOfMonthAndBareDay) {
  EXPECT_EQ(At("Elections are set for the first Monday of March.", "en"),
            "the first Monday of March|2016-03-07");
  EXPECT_EQ(At("Le dernier jour d'octobre 2015, la ville est tombée.", "fr"),
            "Le dernier jour d'octobre 2015|2015-10-31");
  EXPECT_EQ(At("la première semaine d'octobre 2014", "fr"),
            "première semaine d'octobre 2014|2014-10-06/2014-10-12");
  EXPECT_EQ(At("la dernière semaine de septembre 2014", "fr"),
            "dernière semaine de septembre 2014|2014-09-22/2014-09-28");
  EXPECT_EQ(At("Talks ran July 13-15, 2016 in Geneva.", "en"),
            "July 13-15, 2016|2016-07-13/2016-07-15");
  EXPECT_EQ(At("The window is 3-4pm.", "en"), "3-4pm|2016-12-07 15:00-16:00 *");
  EXPECT_EQ(At("They met at 20 past 3pm.", "en"), "at 20 past 3pm|2016-12-07 15:20 *");
  // A day with no month: this month's if past, else last month's (past bias).
  EXPECT_EQ(At("L'offensive a commencé le 3, selon l'armée.", "fr"), "le 3|2016-12-03");
  EXPECT_EQ(At("L'offensive a commencé le 16.", "fr"), "le 16|2016-11-16");
  EXPECT_EQ(At("Le convoi arrive le 16 à 18h.", "fr"), "le 16 à 18h|2016-11-16 18:00");
  EXPECT_EQ(At("Le sommet a eu lieu vendredi 18 à 16h.", "fr"),
            "vendredi 18 à 16h|2016-11-18 16:00");
  EXPECT_EQ(At("Les tirs ont repris cet après-midi.", "fr"),
            "cet après-midi|2016-12-07 12:00-18:00");
  EXPECT_EQ(At("Ils ont frappé en fin de journée.", "fr"),
            "en fin de journée|2016-12-07 17:00-20:00 *");
  EXPECT_EQ(At("à quinze heures et quinze minutes", "fr"),
            "à quinze heures et quinze minutes|2016-12-07 15:15 *");
  // A number after "le" that counts something is no date.
  EXPECT_EQ(At("Le 16 est resté fermé, le 3 régiments.", "fr"), "none");
}

double FirstNumber(std::string_view text, std::string_view lang) {
  Tags t = TagText(text, lang, "2016-12-07");
  return t.numbers.empty() ? std::nan("") : t.numbers[0].value;
}

TEST(NumberTest, NegativesAndDecimalWords) {
  EXPECT_EQ(FirstNumber("Temperatures fell to -12 overnight.", "en"), -12);
  EXPECT_EQ(FirstNumber("It was minus 5 at dawn.", "en"), -5);
  EXPECT_EQ(FirstNumber("Some two point five million people fled.", "en"), 2500000);
  EXPECT_EQ(FirstNumber("Officials counted 1.5 million.", "en"), 1500000);
  EXPECT_EQ(FirstNumber("Twelve lakh people were moved.", "en"), 1200000);
  EXPECT_EQ(FirstNumber("Il faisait moins 20 degrés.", "fr"), -20);
  EXPECT_EQ(FirstNumber("Some three thousand millions were pledged.", "en"), 3e9);
  {
    Tags q = TagText("Moins de 5 blessés, au moins 12 morts.", "fr", "2016-12-07");
    ASSERT_EQ(q.numbers.size(), 2u);
    EXPECT_EQ(q.numbers[0].value, 5);
    EXPECT_EQ(q.numbers[0].qualifier, Qualifier::kLessThan);
    EXPECT_EQ(q.numbers[1].qualifier, Qualifier::kAtLeast);
  }
  // A hyphen between two numbers is a range, not a sign.
  Tags t = TagText("Talks on 13-15 March.", "en", "2016-12-07");
  for (const Number& n : t.numbers) EXPECT_GE(n.value, 0);
}

TEST(DurationTest, PartsAndFractions) {
  EXPECT_EQ(At("The siege lasted two years three months.", "en"), "two years three months|P27M");
  EXPECT_EQ(At("The talks took half an hour.", "en"), "half an hour|PT30M");
  EXPECT_EQ(At("Wait 2 more minutes.", "en"), "2 more minutes|PT2M");
  EXPECT_EQ(At("The meeting ran 1 hour thirty.", "en"), "1 hour thirty|PT1H30M");
  EXPECT_EQ(At("Cinq heures et demie de négociations.", "fr"), "Cinq heures et demie|PT5H30M");
  EXPECT_EQ(At("The war lasted two decades.", "en"), "two decades|P20Y");
  {
    Tags t = TagText("Talks resume in two weeks.", "en", "2016-12-07");
    ASSERT_EQ(t.times.size(), 1u);
    EXPECT_EQ(t.times[0].Start(), "2016-12-21");
    EXPECT_EQ(t.times[0].DurationIso(), "P2W");  // the length it names
  }
  EXPECT_EQ(At("The flight took one and three quarters of an hour.", "en"),
            "one and three quarters of an hour|PT1H45M");
}

}  // namespace
}  // namespace vigie::normalize
