// Holiday rules (facts: moving, observed, lunar, several days) and the holidays they date,
// on sentences written for these tests.
#include <gtest/gtest.h>

#include "normalize/date.h"
#include "normalize/normalize.h"
#include "normalize_test_env.h"

namespace vigie::normalize {
namespace {

using test_env::TagText;
using test_env::TimesAt;

TEST(HolidayRulesTest, MovingAndLunarHolidays) {
  // Rules (facts): Thanksgiving, the fourth Thursday of November; Memorial Day, the last
  // Monday of May; the orthodox Clean Monday, 48 days before orthodox Easter.
  EXPECT_EQ(IsoDate(*HolidayDate("nth:11:4:4", 2016)), "2016-11-24");
  EXPECT_EQ(IsoDate(*HolidayDate("nth:5:1:-1", 2016)), "2016-05-30");
  EXPECT_EQ(IsoDate(*HolidayDate("oeaster:-48", 2018)), "2018-02-19");
  // Observed on a weekday: 16 April 2011 was a Saturday, 16 October 2016 a Sunday.
  EXPECT_EQ(IsoDate(*HolidayDate("fixed:04-16,obs", 2011)), "2011-04-15");
  EXPECT_EQ(IsoDate(*HolidayDate("fixed:10-16,obs", 2016)), "2016-10-17");
  EXPECT_EQ(IsoDate(*HolidayDate("fixed:04-27,sun-1", 2014)), "2014-04-26");
  EXPECT_EQ(HolidaySpan("oeaster:-48,+39", Date{2018, 2, 19}), 39);
  EXPECT_FALSE(HolidayDate("fixed:04-16,sideways", 2011));
  // The Islamic calendar after the Umm al-Qura tables: 1 Shawwal 1439 AH is 15 June 2018,
  // 10 Dhu al-Hijjah 1438 is 1 September 2017, 1 Ramadan 1439 is 16 May 2018 and the month
  // has 30 days there.
  EXPECT_EQ(IsoDate(*HolidayDate("islamic:10-01", 2018)), "2018-06-15");
  EXPECT_EQ(IsoDate(*HolidayDate("islamic:12-10", 2017)), "2017-09-01");
  EXPECT_EQ(IsoDate(*HolidayDate("islamic:09-01", 2018)), "2018-05-16");
  EXPECT_EQ(HolidaySpan("islamic:09-01,month", Date{2018, 5, 16}), 29);
  EXPECT_EQ(HolidaySpan("fixed:08-01,month", Date{2018, 8, 1}), 30);
  // 2006 holds two 10 Dhu al-Hijjah (January and December): the first is taken.
  EXPECT_EQ(HolidayDate("islamic:12-10", 2006)->month, 1);
  EXPECT_FALSE(HolidayDate("islamic:13-01", 2018));
  EXPECT_EQ(TimesAt("Pendant le ramadan, les tirs ont baissé.", "fr"),
            "le ramadan|2016-06-06/2016-07-05");
  // The table says 11 September 2016; Saudi Arabia, going by the sighting of the moon, kept
  // the 12th: observed days may fall a day off the calendar.
  EXPECT_EQ(TimesAt("The truce held over Eid al-Adha.", "en"), "Eid al-Adha|2016-09-11");
  EXPECT_EQ(TimesAt("Attacks fell during Ramadan 2018.", "en"), "Ramadan 2018|2018-05-16/2018-06-14");
  EXPECT_EQ(TimesAt("Great Lent began early.", "en", "2018-03-01"),
            "Great Lent|2018-02-19/2018-03-30");
  EXPECT_EQ(TimesAt("The bank lent money.", "en"), "none");
}

TEST(HolidayRulesTest, SeasonsOfTheChurchYear) {
  // Easter 2016 was 27 March: Lent ran from Ash Wednesday, 10 February, to Holy Saturday.
  EXPECT_EQ(TimesAt("Pendant le carême 2016, les combats ont continué.", "fr"),
            "le carême 2016|2016-02-10/2016-03-26");
  EXPECT_EQ(TimesAt("Fighting paused in Holy Week.", "en", "2016-04-10"),
            "Holy Week|2016-03-20/2016-03-26");
}

TEST(HolidayRulesTest, HebrewCalendar) {
  // 10 Tishri 5734 (Yom Kippur) was 6 October 1973; 15 Nisan 5778 (Passover) 31 March 2018;
  // 25 Kislev 5779 (Hanukkah) 3 December 2018; Purim 5773, a common year, 24 February 2013;
  // 5779 is a leap year, its Purim in Adar II, 21 March 2019. 1 Tishri 5807 is 1 October
  // 2046 (ICU 72 says the 2nd), so Yom Kippur is the 10th. Nisan always has 30 days.
  EXPECT_EQ(IsoDate(*HolidayDate("hebrew:07-10", 1973)), "1973-10-06");
  EXPECT_EQ(IsoDate(*HolidayDate("hebrew:01-15", 2018)), "2018-03-31");
  EXPECT_EQ(IsoDate(*HolidayDate("hebrew:09-25", 2018)), "2018-12-03");
  EXPECT_EQ(IsoDate(*HolidayDate("hebrew:12-14", 2013)), "2013-02-24");
  EXPECT_EQ(IsoDate(*HolidayDate("hebrew:12-14", 2019)), "2019-03-21");
  EXPECT_EQ(IsoDate(*HolidayDate("hebrew:07-10", 2046)), "2046-10-10");
  EXPECT_EQ(HolidaySpan("hebrew:01-01,month", Date{2018, 3, 17}), 29);
  EXPECT_FALSE(HolidayDate("hebrew:13-14", 2018));  // 5778 is a common year: no Adar II
  EXPECT_EQ(TimesAt("The war began on Yom Kippur 1973.", "en"), "on Yom Kippur 1973|1973-10-06");
  EXPECT_EQ(TimesAt("Les fêtes de Pessah 2018 ont été calmes.", "fr"),
            "Pessah 2018|2018-03-31/2018-04-07");
}

TEST(HolidayRulesTest, ChineseCalendar) {
  // The Chinese new year fell on 10 February 2013, 31 January 2014 and 16 February 2018; the
  // Mid-Autumn Festival (15th day of the 8th month) on 24 September 2018.
  EXPECT_EQ(IsoDate(*HolidayDate("chinese:01-01", 2013)), "2013-02-10");
  EXPECT_EQ(IsoDate(*HolidayDate("chinese:01-01", 2014)), "2014-01-31");
  EXPECT_EQ(IsoDate(*HolidayDate("chinese:08-15", 2018)), "2018-09-24");
  EXPECT_EQ(TimesAt("Markets closed for Lunar New Year 2018.", "en"), "Lunar New Year 2018|2018-02-16");
  EXPECT_EQ(TimesAt("Le Nouvel An chinois 2014 a été calme.", "fr"),
            "Le Nouvel An chinois 2014|2014-01-31");
}

}  // namespace
}  // namespace vigie::normalize
