#include "evaluate/event_score.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/civil_date.h"
#include "core/event_json.h"
#include "evaluate/case_map.h"

namespace vigie::evaluate {
namespace {

EventRecord Ev(std::string type, std::string start, std::optional<int64_t> gid, double lat,
               double lon, std::string country = "SY") {
  EventRecord e;
  e.type = std::move(type);
  e.subtype = "taken";
  e.date = EventDate{start, start, "day", "explicit", ""};
  EventLocation l;
  l.geonameid = gid;
  if (gid) {
    l.lat = lat;
    l.lon = lon;
  }
  l.country = std::move(country);
  e.location = l;
  return e;
}

TEST(DayRangeTest, Precisions) {
  long a, b;
  ASSERT_TRUE(core::DayRange("2016-12-07", &a, &b));
  EXPECT_EQ(a, b);
  ASSERT_TRUE(core::DayRange("2016-02", &a, &b));
  EXPECT_EQ(b - a, 28);  // leap year
  ASSERT_TRUE(core::DayRange("2016", &a, &b));
  EXPECT_EQ(b - a, 365);
  EXPECT_FALSE(core::DayRange("2016-13-01", &a, &b));
  EXPECT_FALSE(core::DayRange("yesterday", &a, &b));
}

TEST(MatchTest, DatesWithinOneDay) {
  auto g = Ev("air_strike", "2016-12-07", 170063, 36.2, 37.16);
  EXPECT_TRUE(DatesOverlap(g.date, Ev("air_strike", "2016-12-08", 1, 0, 0).date));
  EXPECT_FALSE(DatesOverlap(g.date, Ev("air_strike", "2016-12-09", 1, 0, 0).date));
  EXPECT_TRUE(DatesOverlap(g.date, Ev("air_strike", "2016-12", 1, 0, 0).date));
}

TEST(MatchTest, LocationsSameIdNearbyOrCountry) {
  auto g = Ev("shelling", "2020-01-01", 170063, 36.20124, 37.16117);
  EXPECT_TRUE(LocationsAgree(g.location, Ev("shelling", "2020-01-01", 170063, 0, 0).location));
  // A different id 10 km away agrees; 100 km away does not.
  EXPECT_TRUE(LocationsAgree(g.location, Ev("shelling", "2020-01-01", 1, 36.29, 37.16).location));
  EXPECT_FALSE(LocationsAgree(g.location, Ev("shelling", "2020-01-01", 2, 37.1, 37.16).location));
  auto region = Ev("shelling", "2020-01-01", std::nullopt, 0, 0, "NG");
  EXPECT_TRUE(
      LocationsAgree(region.location, Ev("shelling", "2020-01-01", 5, 11.8, 13.1, "NG").location));
  EXPECT_FALSE(
      LocationsAgree(region.location, Ev("shelling", "2020-01-01", 5, 11.8, 13.1, "NE").location));
  EXPECT_TRUE(LocationsAgree(std::nullopt, std::nullopt));
}

TEST(ScorerTest, CountsOptionalAndFields) {
  std::vector<EventRecord> gold = {Ev("territory_change", "2016-12-07", 170063, 36.2, 37.16),
                                   Ev("displacement", "2016-12-07", 170063, 36.2, 37.16),
                                   Ev("armed_clash", "2012-07-01", 170063, 36.2, 37.16)};
  gold[2].optional = true;
  std::vector<EventRecord> pred = {Ev("territory_change", "2016-12-07", 170063, 36.2, 37.16),
                                   Ev("armed_clash", "2012-07-01", 170063, 36.2, 37.16),
                                   Ev("air_strike", "2016-12-07", 170063, 36.2, 37.16)};
  pred[0].subtype = "withdrawal";
  EventScorer s;
  s.Add("d", "fr", gold, pred);
  const Report& r = s.report();
  EXPECT_EQ(r.overall.tp, 1u);
  EXPECT_EQ(r.overall.fn, 1u);  // displacement missed
  EXPECT_EQ(r.overall.fp, 1u);  // air strike spurious; the optional clash is not counted
  EXPECT_EQ(r.fields.at("subtype").correct, 0u);
  EXPECT_EQ(r.fields.at("date_start").correct, 1u);
  EXPECT_DOUBLE_EQ(r.by_lang.at("fr").F1(), 0.5);
}

TEST(EventJsonTest, RoundTripIsStable) {
  EventRecord e = Ev("surrender", "2016-12-07", 170063, 36.20124, 37.16117);
  e.event_id = "abc#1";
  e.quantities.push_back(
      {"amnestied", 66.0, std::nullopt, std::nullopt, "exact", "", "66 djihadistes"});
  e.claimant = EventActor{"ce bref communiqué", "", "state_agency", "RU", ""};
  e.evidence.push_back({10, 20});
  std::string j = core::EventToJson(e);
  auto back = core::EventFromJson(j);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(core::EventToJson(*back), j);
  EXPECT_NE(j.find("\"value\":66,"), std::string::npos);
  EXPECT_FALSE(core::EventFromJson("{\"no\":1}").ok());
  EXPECT_FALSE(core::EventFromJson("{bad").ok());
}

// Every dev gold file parses, and gold scored against itself is perfect.
TEST(GoldFilesTest, DevSetParsesAndSelfScoresPerfectly) {
  std::filesystem::path dir = VIGIE_SOURCE_DIR "/../shared/eval/dev";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "../shared/eval/dev not present: skipped";
  EventScorer s;
  size_t files = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    if (f.path().string().ends_with(".gold.json")) {
      auto g = core::ReadGoldFile(f.path().string());
      ASSERT_TRUE(g.ok()) << g.status().ToString();
      s.Add(g->id, g->lang, g->events, g->events);
      ++files;
    }
  }
  EXPECT_EQ(files, 21u);
  EXPECT_EQ(s.report().overall.tp, 133u + 6u);  // 133 required dev events + 6 in the seed
  EXPECT_EQ(s.report().overall.fp, 0u);
  for (const auto& [name, t] : s.report().fields) EXPECT_EQ(t.correct, t.total) << name;
}

TEST(CaseMapTest, VigieTypesToCaseSubtypes) {
  EventRecord e;
  auto map = [&](std::string type, std::string subtype, std::string actor1_class = "") {
    e.type = std::move(type);
    e.subtype = std::move(subtype);
    e.actor1.reset();
    if (!actor1_class.empty()) e.actor1 = EventActor{"x", "", actor1_class, "", ""};
    return CaseSubtype(e);
  };
  EXPECT_EQ(map("territory_change", "taken", "state_forces"), "GOV_REGAINS_TERIT");
  EXPECT_EQ(map("territory_change", "taken", "jihadist_group"), "NON_STATE_ACTOR_OVERTAKES_TER");
  EXPECT_EQ(map("territory_change", "handover"), "NON_VIOL_TERRIT_TRANSFER");
  EXPECT_EQ(map("bombing", "suicide"), "SUIC_BOMB");
  EXPECT_EQ(map("bombing", "car_bomb"), "REM_EXPLOS");
  EXPECT_EQ(map("bombing", "grenade"), "GRENADE");
  EXPECT_EQ(map("shelling", "mortar"), "ART_MISS_ATTACK");
  EXPECT_EQ(map("attack_on_civilians", "abduction"), "ABDUCT_DISSAP");
  EXPECT_EQ(map("protest", "intervention"), "PROTEST_WITH_INTER");
  EXPECT_EQ(map("riot", "mob_violence"), "MOB_VIOL");
  EXPECT_EQ(map("displacement", "flight"), "OTHER");
  // Only the losers named: an armed group driven out lost to the state.
  e.actor2 = EventActor{"the militants", "", "jihadist_group", "", ""};
  EXPECT_EQ(map("territory_change", "taken"), "GOV_REGAINS_TERIT");
  e.actor2 = EventActor{"the army", "", "state_forces", "", ""};
  EXPECT_EQ(map("territory_change", "taken"), "NON_STATE_ACTOR_OVERTAKES_TER");
}

TEST(CaseMapTest, ArrestsAtAProtestAreTheProtest) {
  EventRecord arrest, protest, later;
  arrest.type = "arrest";
  arrest.evidence = {{0, 80}};
  protest.type = "protest";
  protest.subtype = "intervention";
  protest.evidence = {{0, 80}};
  EXPECT_EQ(CaseLabel({arrest, protest}), "PROTEST_WITH_INTER");
  protest.evidence = {{81, 120}};  // a protest told in another sentence
  EXPECT_EQ(CaseLabel({arrest, protest}), "ARREST");
}

TEST(CaseMapTest, LabelAndScore) {
  EventRecord aid, strike;
  aid.type = "aid_delivery";
  strike.type = "air_strike";
  EXPECT_EQ(CaseLabel({}), "NONE");
  EXPECT_EQ(CaseLabel({aid}), "OTHER");
  EXPECT_EQ(CaseLabel({aid, strike}), "AIR_STRIKE");  // the first event with a CASE class
  CaseScorer s;
  s.Add("AIR_STRIKE", "AIR_STRIKE");
  s.Add("NATURAL_DISASTER", "NONE");  // no Vigie class: counted overall only
  s.Add("ARREST", "NONE");
  EXPECT_EQ(s.report().total, 3u);
  EXPECT_EQ(s.report().correct, 1u);
  EXPECT_EQ(s.report().covered, 2u);
  EXPECT_EQ(s.report().covered_correct, 1u);
  EXPECT_EQ(s.report().no_event, 2u);
}

TEST(CaseMapTest, TsvRowsAndBadRecords) {
  std::vector<std::string> problems;
  auto rows = ParseCaseTsv(
      "id\tEventSnippet\tSubType\n1\tRebels shelled the town.\tART_MISS_ATTACK\n2\tno label\n",
      "t.tsv", &problems);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].gold, "ART_MISS_ATTACK");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], "t.tsv:3: expected 3 tab-separated fields");
  EXPECT_FALSE(ParseCaseTsv("", "e.tsv", &problems).ok());
}

}  // namespace
}  // namespace vigie::evaluate
