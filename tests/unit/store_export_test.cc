// Exports: every format credits GeoNames, round-trips what was stored, quotes CSV
// correctly; the ACLED mapping follows EVENTS.md's counterpart column.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "core/event_json.h"
#include "store/acled.h"
#include "store/export.h"
#include "store_testing.h"

namespace vigie::store {
namespace {

EventRecord Aleppo() {
  EventRecord e = testing::MakeEvent("d1", 0);
  e.type = "territory_change";
  e.subtype = "taken";
  e.date = EventDate{"2016-12-07", "2016-12-07", "day", "explicit", "le 7 décembre"};
  e.location = EventLocation{"Alep-Est", "Aleppo", "east", 170063, 36.20124, 37.16117, "Aleppo", "SY", "city"};
  e.actor1 = EventActor{"l'armée", "Syrian Arab Army", "state_forces", "SY", ""};
  e.actor2 = EventActor{"groupes", "", "armed_opposition", "SY", "terrorist"};
  e.quantities = {{"killed", 12, std::nullopt, std::nullopt, "at_least", "", "12"},
                  {"killed", std::nullopt, 8, 15, "range", "", "8 à 15"}};
  e.claimant = EventActor{"le Centre russe", "Russian Centre, \"Hmeimim\"", "state_agency", "RU", ""};
  return e;
}

std::vector<EventRow> Rows() {
  EventRecord a = Aleppo();
  EventRecord b = testing::MakeEvent("d2", 1);
  b.type = "displacement";
  b.location->lat.reset();
  b.location->lon.reset();
  return {{core::EventToJson(a), "Agence, \"A\"", "https://a.example/1", "2016-12-08", "fr"},
          {core::EventToJson(b), "Wire", "https://b.example/2", "2016-12-09", "en"}};
}

std::string Write(ExportFormat f) {
  std::ostringstream out;
  auto w = EventWriter::Create(f, out);
  w->Begin();
  for (const auto& r : Rows()) w->Add(r);
  w->End();
  return out.str();
}

TEST(ExportTest, EveryFormatCreditsGeoNames) {
  for (auto f : {ExportFormat::kJsonl, ExportFormat::kCsv, ExportFormat::kGeoJson, ExportFormat::kAcled,
                 ExportFormat::kTable}) {
    std::string s = Write(f);
    EXPECT_NE(s.find("GeoNames"), std::string::npos) << static_cast<int>(f);
    EXPECT_NE(s.find("CC BY 4.0"), std::string::npos) << static_cast<int>(f);
  }
}

TEST(ExportTest, JsonlKeepsRecordsVerbatim) {
  std::istringstream in(Write(ExportFormat::kJsonl));
  std::string line;
  std::getline(in, line);
  EXPECT_TRUE(nlohmann::json::parse(line).contains("vigie_export"));
  for (const auto& r : Rows()) {
    ASSERT_TRUE(std::getline(in, line));
    EXPECT_EQ(line, r.json);
  }
}

TEST(ExportTest, GeoJsonIsValidWithPointsAndNullGeometry) {
  auto j = nlohmann::json::parse(Write(ExportFormat::kGeoJson));
  EXPECT_EQ(j["type"], "FeatureCollection");
  ASSERT_EQ(j["features"].size(), 2u);
  auto& f = j["features"][0];
  EXPECT_EQ(f["geometry"]["coordinates"][0].get<double>(), 37.16117);
  EXPECT_EQ(f["geometry"]["coordinates"][1].get<double>(), 36.20124);
  EXPECT_EQ(f["properties"]["location"]["geonameid"], 170063);
  EXPECT_EQ(f["properties"]["source"]["outlet"], "Agence, \"A\"");
  EXPECT_TRUE(j["features"][1]["geometry"].is_null());
}

TEST(ExportTest, AcledRowsAndMapping) {
  std::ostringstream out;
  auto w = EventWriter::Create(ExportFormat::kAcled, out);
  w->Begin();
  for (const auto& r : Rows()) w->Add(r);
  w->End();
  EXPECT_EQ(w->written(), 1u);
  EXPECT_EQ(w->skipped(), 1u);  // displacement has no ACLED counterpart
  std::istringstream in(out.str());
  std::string comment, header, row;
  std::getline(in, comment);
  std::getline(in, header);
  std::getline(in, row);
  EXPECT_EQ(comment[0], '#');
  EXPECT_EQ(header,
            "event_date,event_type,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,geo_precision,"
            "time_precision,fatalities,source,notes\r");
  EXPECT_EQ(row.rfind("2016-12-07,Battles,Government regains territory,Syrian Arab Army,groupes,Aleppo,Aleppo,36.20124,"
                      "37.16117,1,1,8,\"Agence, \"\"A\"\"\",",
                      0),
            0u)
      << row;

  EventRecord e;
  auto type = [&](const std::string& t, const std::string& s) {
    e.type = t;
    e.subtype = s;
    auto a = AcledTypeOf(e);
    return a ? a->event_type + " / " + a->sub_event_type : std::string("-");
  };
  EXPECT_EQ(type("armed_clash", "ambush"), "Battles / Armed clash");
  EXPECT_EQ(type("territory_change", "taken"), "Battles / Non-state actor overtakes territory");
  EXPECT_EQ(type("territory_change", "handover"), "Strategic developments / Non-violent transfer of territory");
  EXPECT_EQ(type("air_strike", "drone"), "Explosions/Remote violence / Air/drone strike");
  EXPECT_EQ(type("shelling", "mortar"), "Explosions/Remote violence / Shelling/artillery/missile attack");
  EXPECT_EQ(type("bombing", "suicide"), "Explosions/Remote violence / Suicide bomb");
  EXPECT_EQ(type("bombing", "ied"), "Explosions/Remote violence / Remote explosive/landmine/IED");
  EXPECT_EQ(type("attack_on_civilians", "abduction"), "Violence against civilians / Abduction/forced disappearance");
  EXPECT_EQ(type("arrest", "detention"), "Strategic developments / Arrests");
  EXPECT_EQ(type("agreement", "ceasefire"), "Strategic developments / Agreement");
  EXPECT_EQ(type("protest", "peaceful"), "Protests / Peaceful protest");
  EXPECT_EQ(type("riot", "mob_violence"), "Riots / Mob violence");
  EXPECT_EQ(type("toll", "killed"), "-");
  e.location = EventLocation{};
  e.location->precision = "region";
  EXPECT_EQ(AcledGeoPrecision(e), 3);
  e.date = EventDate{"2016-12", "2016-12", "month", "explicit", ""};
  EXPECT_EQ(AcledTimePrecision(e), 3);
}

TEST(ExportTest, CsvQuoting) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("#not a comment"), "\"#not a comment\"");
  std::string csv = Write(ExportFormat::kCsv);
  EXPECT_NE(csv.find("\"Russian Centre, \"\"Hmeimim\"\"\""), std::string::npos);
}

TEST(ExportTest, FormatNames) {
  EXPECT_EQ(*ParseExportFormat("acled"), ExportFormat::kAcled);
  EXPECT_FALSE(ParseExportFormat("xml").ok());
}

}  // namespace
}  // namespace vigie::store
