// Day anaphora counted from the last day the text named, open intervals ("after 5 pm",
// "à partir du 8 mars"), dates announced a few months ahead, and the phrase-matching
// shortcuts (word index, memo) checked against plain expectations, on sentences written
// for these tests.
#include <gtest/gtest.h>

#include <string>

#include "normalize/normalize.h"
#include "normalize/word_index.h"
#include "normalize_test_env.h"

namespace vigie::normalize {
namespace {

using test_env::TagText;

// Every time expression: "text|start[/end][ >|<]" (> open after, < open before).
std::string Times(std::string_view text, std::string_view lang,
                  std::string_view ref = "2016-12-07") {
  return test_env::FormatTimes(text, TagText(text, lang, ref), {.open = true});
}

TEST(AnaphoraTest, SameDayAndNextDayFollowTheNamedDay) {
  EXPECT_EQ(
      Times(
          "Les rebelles ont attaqué le poste jeudi. Le même jour, deux villages ont été incendiés.",
          "fr"),
      "jeudi|2016-12-01; Le même jour|2016-12-01");
  EXPECT_EQ(
      Times("Le convoi est parti le 2 décembre. Le lendemain, il a été pris en embuscade.", "fr"),
      "2 décembre|2016-12-02; Le lendemain|2016-12-03");
  EXPECT_EQ(
      Times("The market was shelled on Saturday. The next day, aid workers left the town.", "en"),
      "on Saturday|2016-12-03; The next day|2016-12-04");
  // With no day named before, the document date.
  EXPECT_EQ(Times("Le jour même, le gouverneur a décrété le couvre-feu.", "fr"),
            "Le jour même|2016-12-07");
}

TEST(AnaphoraTest, SinceThenRunsFromTheNamedDayToTheReference) {
  EXPECT_EQ(
      Times("Le pont a été détruit le 28 novembre. Depuis, aucun camion n'a pu passer.", "fr"),
      "28 novembre|2016-11-28; Depuis|2016-11-28/2016-12-07 >");
  EXPECT_EQ(Times("The dam was breached on November 30. Since then, 4,000 people have fled.", "en"),
            "November 30|2016-11-30; Since then|2016-11-30/2016-12-07 >");
  // "since" before a date is the usual interval.
  EXPECT_EQ(Times("Fighting has gone on since July 2012.", "en"),
            "since July 2012|2012-07/2016-12-07 >");
}

TEST(AnaphoraTest, PartOfDayAloneTakesTheDayBeingTold) {
  EXPECT_EQ(Times("Protesters gathered on Monday. By the afternoon, the police had fired tear gas.",
                  "en"),
            "on Monday|2016-12-05; afternoon|2016-12-05 12:00");
}

TEST(OpenIntervalTest, AfterAndBefore) {
  EXPECT_EQ(Times("Les distributions reprendront à partir du 12 décembre.", "fr"),
            "à partir du 12 décembre|2016-12-12 >");
  EXPECT_EQ(Times("Le couvre-feu s'applique avant 6h.", "fr"), "avant 6h|2016-12-07 06:00 <");
  EXPECT_EQ(Times("Roads stay closed until Friday.", "en"), "until Friday|2016-12-02 <");
  EXPECT_EQ(Times("No flights will leave after 5 pm.", "en"), "after 5 pm|2016-12-07 17:00 >");
  // Not before a hyphenated word of its own: "avant-hier", "après-midi".
  EXPECT_EQ(Times("Le village a été bombardé avant-hier.", "fr"), "avant-hier|2016-12-05");
}

TEST(YearChoiceTest, DayAndMonthAFewMonthsAheadAreAnnounced) {
  // Written on 7 January: 10 February is the coming one, 10 October last year's.
  EXPECT_EQ(Times("Elections are set for Feb. 10.", "en", "2000-01-07"), "Feb. 10|2000-02-10");
  EXPECT_EQ(Times("The ceasefire of Oct. 10 collapsed.", "en", "2000-01-07"), "Oct. 10|1999-10-10");
}

TEST(FutureMarkerTest, WouldPutsAWeekdayAhead) {
  // Written on Sunday 30 October 2022.
  EXPECT_EQ(Times("Turkey said it would send an aircraft on Monday.", "en", "2022-10-30"),
            "on Monday|2022-10-31");
  EXPECT_EQ(Times("Turkey sent an aircraft on Monday.", "en", "2022-10-30"),
            "on Monday|2022-10-24");
}

TEST(WeekTest, WeekOfADayAndWeekdaysWeeksOn) {
  // Written on Wednesday 7 December 2016.
  EXPECT_EQ(Times("Les négociations reprendront la semaine du 12 décembre.", "fr"),
            "la semaine du 12 décembre|2016-12-12/2016-12-18");
  EXPECT_EQ(Times("Talks resumed the week of November 30.", "en"),
            "the week of November 30|2016-11-28/2016-12-04");
  EXPECT_EQ(Times("Le procès s'ouvrira lundi en huit.", "fr"), "lundi en huit|2016-12-19");
  EXPECT_EQ(Times("La réunion est fixée à mardi en quinze.", "fr"), "mardi en quinze|2016-12-27");
  EXPECT_EQ(Times("Le vote aura lieu mercredi suivant.", "fr"), "mercredi suivant|2016-12-14");
}

TEST(NumericDateTest, DatesSplitIntoSeveralTokens) {
  EXPECT_EQ(Times("The report covers 2014-10 only.", "en"), "2014-10|2014-10");
  EXPECT_EQ(Times("Figures for 2/2013 were revised.", "en"), "2/2013|2013-02");
  EXPECT_EQ(Times("The decree of 2015-3-3 was repealed.", "en"), "2015-3-3|2015-03-03");
  EXPECT_EQ(Times("He was born on 31/Oct/1974 in Kabul.", "en"), "31/Oct/1974|1974-10-31");
  EXPECT_EQ(Times("Le décret du 10-12-2015 a été abrogé.", "fr"), "10-12-2015|2015-12-10");
  // A score, or a range of days, is not one.
  EXPECT_EQ(Times("The match ended 3-1.", "en"), "none");
  EXPECT_EQ(Times("Les combats du 13-15 juillet ont fait 40 morts.", "fr"),
            "du 13-15 juillet|2016-07-13/2016-07-15");
}

TEST(DayOfMonthTest, DayOfARelativeMonth) {
  EXPECT_EQ(Times("The hearing was moved to the 20th of next month.", "en"),
            "the 20th of next month|2017-01-20");
  EXPECT_EQ(Times("Salaries are paid on the 5th day of the current month.", "en"),
            "the 5th day of the current month|2016-12-05");
  EXPECT_EQ(Times("La livraison est prévue le 15 du mois prochain.", "fr"),
            "le 15 du mois prochain|2017-01-15");
  // "aura lieu" puts the month ahead of the reference.
  EXPECT_EQ(Times("Le scrutin aura lieu le 3eme jour d'octobre.", "fr"),
            "le 3eme jour d'octobre|2017-10-03");
  EXPECT_EQ(Times("Le blocus dure depuis le mois d'août.", "fr"),
            "depuis le mois d'août|2016-08/2016-12-07 >");
}

TEST(WordIndexTest, FindsWhatWasInsertedAndNothingElse) {
  WordIndex ix;
  const char* words[] = {"a", "le", "l'", "aujourd'hui", "quatre-vingt", "the day before",
                         ",", "x"};
  for (int k = 0; k < 8; ++k) ix.Insert(words[k], k);
  for (int k = 0; k < 100; ++k) ix.Insert("w" + std::to_string(k), 100 + k);  // grows the table
  for (int k = 0; k < 8; ++k) {
    ASSERT_NE(ix.Find(words[k]), nullptr) << words[k];
    EXPECT_EQ(*ix.Find(words[k]), k);
  }
  EXPECT_EQ(*ix.Find("w57"), 157);
  EXPECT_EQ(ix.Find("b"), nullptr);
  EXPECT_EQ(ix.Find("."), nullptr);
  EXPECT_EQ(ix.Find("the day"), nullptr);
  EXPECT_EQ(ix.Find(""), nullptr);
  bool fresh = true;
  EXPECT_EQ(*ix.Insert("le", 99, &fresh), 1);
  EXPECT_FALSE(fresh);
  EXPECT_EQ(ix.size(), 108u);
}

TEST(SpeedPathTest, SameAnswersSentenceAfterSentence) {
  // The token buffer and phrase memo are reused from sentence to sentence: a sentence tagged
  // after others gives what it gives alone.
  const std::string alone = Times("Il y a deux jours, plus de 1 200 civils ont fui.", "fr");
  const std::string after = Times(
      "Le 3 décembre, les combats ont repris. Hier soir, l'aéroport a fermé. Il y a deux jours, "
      "plus de 1 200 civils ont fui.",
      "fr");
  EXPECT_NE(after.find("Il y a deux jours|2016-12-05"), std::string::npos) << after;
  EXPECT_EQ(alone, "Il y a deux jours|2016-12-05");
}

}  // namespace
}  // namespace vigie::normalize
