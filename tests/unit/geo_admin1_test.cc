// Admin1 names in the gazetteer: learnt from a city list that names each city's region
// (GazetteerBuilder::LearnAdmin1Names), kept in the ADM1 section (format 1.2) across
// `gazetteer add`, and read from Debian's libgeonames where Vigie was built with it.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/hash.h"
#include "geo/city_states.h"
#include "geo/gazetteer.h"
#include "geo/gazetteer_build.h"
#include "geo/gazetteer_format.h"
#include "geo/keys.h"
#include "geo/libgeonames_cities.h"

namespace vigie::geo {
namespace {

// One GeoNames row (19 columns) of a populated place.
std::string Row(uint32_t id, const std::string& name, double lat, double lon,
                const std::string& fcode, const std::string& cc, const std::string& admin1,
                uint32_t pop, const std::string& fclass = "P") {
  return std::to_string(id) + "\t" + name + "\t" + name + "\t\t" + std::to_string(lat) + "\t" +
         std::to_string(lon) + "\t" + fclass + "\t" + fcode + "\t" + cc + "\t\t" + admin1 +
         "\t\t\t\t" + std::to_string(pop) + "\t\t0\tUTC\t2024-01-01\n";
}

// Invented places of an invented country "QX" and a neighbour "QY".
std::string Dump() {
  return Row(901, "Varenne", 36.30, 43.10, "PPLA", "QX", "07", 900000) +
         Row(902, "Ostrel", 36.40, 42.40, "PPL", "QX", "07", 80000) +
         Row(903, "Belcour", 36.60, 41.90, "PPL", "QX", "07", 40000) +
         Row(904, "Tarvin", 33.30, 44.40, "PPLC", "QX", "03", 5000000) +
         Row(905, "Lormes", 34.00, 45.00, "PPLA", "QX", "05", 20000) +
         Row(906, "Lormes Province", 34.10, 45.10, "ADM1", "QX", "05", 0, "A") +
         Row(907, "Varenne", 40.00, 20.00, "PPL", "QY", "02", 12000);
}

const Place* ById(const Gazetteer& g, uint32_t id, Place* out) {
  int64_t i = g.FindGeonameId(id);
  if (i < 0) return nullptr;
  *out = g.place(uint32_t(i));
  return out;
}

std::string Admin1Of(const Gazetteer& g, uint32_t id) {
  Place p;
  return ById(g, id, &p) != nullptr ? std::string(p.admin1) : std::string("<missing>");
}

TEST(Admin1Names, EachCodeTakesTheNameMostOfItsCitiesGive) {
  GazetteerBuilder b;
  ASSERT_TRUE(b.AddGeoNamesText(Dump(), "qx").ok());
  std::vector<CityState> cities = {
      {"QX", "Varenne", "Upper March", 36.31, 43.11, 900000},
      {"QX", "Ostrel", "Upper March", 36.40, 42.41, 80000},
      {"QX", "Belcour", "Haute-Marche", 36.60, 41.90, 40000},  // outvoted
      {"QX", "Tarvin", "Capital District", 33.30, 44.40, 5000000},
      {"QX", "Lormes", "Lormes Region", 34.00, 45.00, 20000},  // an ADM1 row names 05
      {"QX", "Varenne", "Far Away", 39.00, 43.10, 1000},       // 300 km off: no match
      {"QY", "Ostrel", "Wrong Country", 36.40, 42.41, 1000},   // other country: no match
      {"QX", "Nowhere", "Unknown", 36.00, 43.00, 1000},        // no such place
      {"QX", "Belcour", "", 36.60, 41.90, 40000},              // no state: skipped
  };
  auto r = b.LearnAdmin1Names(cities);
  EXPECT_EQ(r.cities, cities.size());
  EXPECT_EQ(r.matched, 5u);
  EXPECT_EQ(r.codes_named, 3u);
  EXPECT_EQ(r.disputed, 1u);
  auto c = b.Admin1Stats();
  EXPECT_EQ(c.codes, 4u);  // QX.07, QX.03, QX.05, QY.02
  EXPECT_EQ(c.codes_named, 3u);
  EXPECT_EQ(c.places, 7u);
  EXPECT_EQ(c.places_named, 6u);  // all but QY's Varenne

  auto g = Gazetteer::FromBytes(b.Serialize(), "learnt");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(Admin1Of(**g, 902), "Upper March");
  EXPECT_EQ(Admin1Of(**g, 903), "Upper March");
  EXPECT_EQ(Admin1Of(**g, 904), "Capital District");
  EXPECT_EQ(Admin1Of(**g, 905), "Lormes Province");  // the dump's own ADM1 row wins
  EXPECT_EQ(Admin1Of(**g, 907), "02");               // no name known: the code, as before
  const auto& names = (*g)->Admin1Names();
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names.at({"QX", "07"}), "Upper March");
  EXPECT_EQ(names.at({"QX", "05"}), "Lormes Province");
}

TEST(Admin1Names, WithoutACityListTheSeatOrCodeStays) {
  GazetteerBuilder b;
  ASSERT_TRUE(b.AddGeoNamesText(Dump(), "qx").ok());
  auto g = Gazetteer::FromBytes(b.Serialize(), "plain");
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(Admin1Of(**g, 902), "Varenne");  // the regional seat (PPLA)
  EXPECT_EQ(Admin1Of(**g, 907), "02");
}

TEST(Admin1Names, LearningIsDeterministicWhatEverTheCityOrder) {
  std::vector<CityState> cities = {{"QX", "Ostrel", "B Name", 36.40, 42.40, 10},
                                   {"QX", "Belcour", "A Name", 36.60, 41.90, 10}};
  auto build = [&](std::vector<CityState> cs) {
    GazetteerBuilder b;
    EXPECT_TRUE(b.AddGeoNamesText(Dump(), "qx").ok());
    b.LearnAdmin1Names(cs);
    return b.Serialize();
  };
  std::string a = build(cities);
  std::reverse(cities.begin(), cities.end());
  EXPECT_EQ(a, build(cities));
  auto g = Gazetteer::FromBytes(a, "tie");
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(Admin1Of(**g, 901), "A Name");  // a tie in cities and people: the smaller name
}

TEST(Admin1Names, GazetteerAddNamesTheNewRowsFromTheAdm1Section) {
  GazetteerBuilder first;
  ASSERT_TRUE(first.AddGeoNamesText(Dump(), "qx").ok());
  first.LearnAdmin1Names({{"QX", "Ostrel", "Upper March", 36.40, 42.40, 80000}});
  auto g1 = Gazetteer::FromBytes(first.Serialize(), "first");
  ASSERT_TRUE(g1.ok());
  GazetteerBuilder merged;
  ASSERT_TRUE(merged.AddCompiled(**g1).ok());
  ASSERT_TRUE(
      merged.AddGeoNamesText(Row(950, "Kessel", 36.35, 42.70, "PPL", "QX", "07", 1500), "QX.txt")
          .ok());
  auto g2 = Gazetteer::FromBytes(merged.Serialize(), "merged");
  ASSERT_TRUE(g2.ok());
  EXPECT_EQ(Admin1Of(**g2, 950), "Upper March");
  EXPECT_EQ(Admin1Of(**g2, 902), "Upper March");
  EXPECT_EQ((*g2)->Admin1Names().size(), (*g1)->Admin1Names().size());
}

TEST(Admin1Names, ADamagedAdm1SectionIsCorruption) {
  GazetteerBuilder b;
  ASSERT_TRUE(b.AddGeoNamesText(Dump(), "qx").ok());
  b.LearnAdmin1Names({{"QX", "Ostrel", "Upper March", 36.40, 42.40, 80000}});
  std::string bytes = b.Serialize();
  const auto* d = reinterpret_cast<const uint8_t*>(bytes.data());
  EXPECT_EQ(format::Get16(d + 10), 2);  // format 1.2
  uint32_t n = format::Get32(d + 12);
  bool found = false;
  for (uint32_t i = 0; i < n; ++i) {
    size_t e = format::kHeaderSize + i * format::kSectionEntrySize;
    if (format::Get32(d + e) != format::kAdm1) continue;
    size_t off = format::Get64(d + e + 8), len = format::Get64(d + e + 16);
    size_t tab = bytes.find('\t', off);
    ASSERT_LT(tab, off + len);
    bytes[tab] = ' ';  // "QX 07\tUpper March": two columns
    format::Set64(&bytes, e + 24, core::Hash64(std::string_view(bytes).substr(off, len)));
    found = true;
  }
  ASSERT_TRUE(found);
  format::Set64(&bytes, 24,
                core::Hash64(std::string_view(bytes).substr(format::kHeaderSize,
                                                            n * format::kSectionEntrySize)));
  auto g = Gazetteer::FromBytes(bytes, "damaged");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kCorruption);
  EXPECT_NE(g.status().message().find("admin1"), std::string::npos) << g.status().message();
}

// The TSV that vigie-city-states writes and `vigie gazetteer build --city-states` reads.
TEST(CityStatesTsv, RoundTripsAndReportsBadLines) {
  std::vector<CityState> in = {{"QX", "Varenne", "Haute Varenne", 36.3, 43.10000000000001, 900000},
                               {"QY", "Tab\tName", "", -12.5, -77.25, 0}};
  std::string tsv = CityStatesTsvHeader();
  for (const auto& c : in) tsv += CityStateTsvLine(c);
  tsv += "QX\tOnly three\tfields\n";
  tsv += "QX\tFar\tNowhere\t95\t10\t1\n";
  tsv += "QX\tCount\tState\t10\t10\tmany\n";
  std::vector<std::string> problems;
  auto out = ParseCityStatesTsv(tsv, "states.tsv", &problems);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ(out->size(), 2u);
  EXPECT_EQ((*out)[0].name, "Varenne");
  EXPECT_EQ((*out)[0].state, "Haute Varenne");
  EXPECT_EQ((*out)[0].lon, 43.10000000000001);  // shortest form, read back exactly
  EXPECT_EQ((*out)[0].population, 900000u);
  EXPECT_EQ((*out)[1].name, "Tab Name");  // a tab cannot break the line's fields
  EXPECT_EQ((*out)[1].state, "");
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].rfind("states.tsv:4: ", 0), 0u) << problems[0];
  EXPECT_EQ(problems[1].rfind("states.tsv:5: ", 0), 0u) << problems[1];
  EXPECT_EQ(problems[2].rfind("states.tsv:6: ", 0), 0u) << problems[2];
  // A file from something else: a clear error, not cities read from the wrong columns.
  auto other = ParseCityStatesTsv("id\tname\n1\tx\n", "other.tsv", &problems);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.status().message().find("other.tsv"), std::string::npos);
}

// The real city list of Debian's libgeonames (installed by scripts/setup.sh).
TEST(Admin1Names, LibGeonamesNamesMosulsRegion) {
  if (!HaveLibGeonames())
    GTEST_SKIP() << "Vigie was built without libgeonames (apt-get install libgeonames-dev)";
  auto cities = ReadLibGeonamesCities();
  ASSERT_TRUE(cities.ok()) << cities.status().ToString();
  EXPECT_GT(cities->size(), 15000u);
  const CityState* mosul = nullptr;
  size_t with_state = 0;
  for (const auto& c : *cities) {
    if (!c.state.empty()) ++with_state;
    if (c.country == "IQ" && c.name == "Mosul") mosul = &c;
  }
  EXPECT_GT(with_state, cities->size() * 9 / 10);
  ASSERT_NE(mosul, nullptr);
  EXPECT_NEAR(mosul->lat, 36.335, 0.05);
  // GeoNames' Mosul row, as cities1000 has it (admin1 code 18), and the regional seat rule
  // alone would give "Mosul".
  GazetteerBuilder b;
  ASSERT_TRUE(
      b.AddGeoNamesText(Row(99072, "Mosul", 36.335, 43.11889, "PPLA", "IQ", "18", 1739800), "IQ")
          .ok());
  auto r = b.LearnAdmin1Names(*cities);
  EXPECT_EQ(r.matched, 1u);
  auto g = Gazetteer::FromBytes(b.Serialize(), "mosul");
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(Admin1Of(**g, 99072), mosul->state);
  EXPECT_NE(Admin1Of(**g, 99072), "Mosul");
  EXPECT_NE(Admin1Of(**g, 99072), "18");
}

}  // namespace
}  // namespace vigie::geo
