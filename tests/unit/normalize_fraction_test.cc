// Numbers that look like dates and dates that look like numbers: fractions, the bare d/m token
// that is one (or a score) unless dates surround it, day month year in digits cut by spaces;
// ordinals written as one word; on sentences written for these tests.
#include <gtest/gtest.h>

#include "normalize/normalize.h"
#include "normalize_test_env.h"

namespace vigie::normalize {
namespace {

using test_env::TagText;
using test_env::TimesAt;

TEST(FractionTest, BareDayMonthNeedsDateContext) {
  EXPECT_EQ(TimesAt("The motion won a 2/3 majority.", "en"), "none");
  EXPECT_EQ(TimesAt("The home side won 2/3 of the games.", "en"), "none");
  EXPECT_EQ(TimesAt("Deux tiers, soit 2/3 des habitants, sont partis.", "fr"), "none");
  EXPECT_EQ(TimesAt("Le convoi est arrivé le 17/02.", "fr"), "17/02|2016-02-17");
  EXPECT_EQ(TimesAt("Le convoi arrivera le 17/02 à 16h.", "fr"), "17/02 à 16h|2016-02-17 16:00");
  // English reads month first (the pack's date_order): 2/3 is February 3.
  EXPECT_EQ(TimesAt("Shelling resumed on Tuesday 2/3.", "en"),
            "on Tuesday|2016-12-06; 2/3|2016-02-03");
  EXPECT_EQ(TimesAt("17/02", "fr"), "17/02|2016-02-17");
}

TEST(FractionTest, FractionsInOneToken) {
  Tags t = TagText("Only 2/3 of the residents left, and 1/5 stayed.", "en");
  ASSERT_EQ(t.numbers.size(), 2u);
  EXPECT_NEAR(t.numbers[0].value, 2.0 / 3, 1e-9);
  EXPECT_NEAR(t.numbers[1].value, 0.2, 1e-9);
  EXPECT_TRUE(t.times.empty());
  // A day and month is no fraction, the numerator below the denominator or not.
  EXPECT_EQ(TimesAt("Le convoi est arrivé le 12/10.", "fr"), "12/10|2016-10-12");
  EXPECT_EQ(TimesAt("The shelling lasted 1/2 hour.", "en"), "1/2 hour|PT30M");
  EXPECT_EQ(TimesAt("Les tirs ont duré 3/4 heure.", "fr"), "3/4 heure|PT45M");
  EXPECT_EQ(TimesAt("The flight took 5 1/2 hours.", "en"), "5 1/2 hours|PT5H30M");
}

TEST(FractionTest, DatesInDigitsCutBySpacesOnlyAsAWholeClause) {
  EXPECT_EQ(TimesAt("le 17 02", "fr"), "le 17 02|2016-02-17");
  EXPECT_EQ(TimesAt("24 12 2014", "fr"), "24 12 2014|2014-12-24");
  EXPECT_EQ(TimesAt("20 2 14.", "fr"), "20 2 14|2014-02-20");
  // A score, counts: numbers in running text.
  EXPECT_EQ(TimesAt("Le score était de 3 2.", "fr"), "none");
  EXPECT_EQ(TimesAt("Ils étaient 20 2 2014.", "fr"), "2014|2014");
}

TEST(FractionTest, SlashCutFractionsAndOrdinalsInOneWord) {
  Tags t = TagText("Only 20/100 of the wells work; it was the twentyfifth attack.", "en");
  ASSERT_EQ(t.numbers.size(), 2u);
  EXPECT_NEAR(t.numbers[0].value, 0.2, 1e-9);
  EXPECT_EQ(t.numbers[1].value, 25);
  EXPECT_TRUE(t.numbers[1].ordinal);
}

}  // namespace
}  // namespace vigie::normalize
