// The geo resolver on texts written for these tests, with the small test gazetteer:
// recognition, parts of places, features, disambiguation, accidental names; plus an
// oracle test of the matcher against a brute-force scan of every alias.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "geo/keys.h"
#include "geo/resolver.h"
#include "geo_test_util.h"
#include "pipeline/pipeline.h"

namespace vigie::geo {
namespace {

class ResolverTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = pipeline::Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipe_ = std::move(*p).release();
    gaz_ = new std::shared_ptr<const Gazetteer>(testing::TestGazetteer());
    auto r = Resolver::Create(*gaz_, pipe_->packs());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    res_ = std::move(*r).release();
  }
  static void TearDownTestSuite() {
    delete res_;
    delete gaz_;
    delete pipe_;
  }
  std::vector<PlaceMention> Run(const std::string& text, const std::string& lang) {
    Document d;
    d.raw = text;
    d.lang = lang;
    analysis_ = pipe_->Analyze(std::move(d));
    return res_->Resolve(analysis_.clean.text, analysis_.segments, lang);
  }
  static const PlaceMention* FindText(const std::vector<PlaceMention>& ms, std::string_view text) {
    for (const auto& m : ms)
      if (m.text == text) return &m;
    return nullptr;
  }
  static std::string Texts(const std::vector<PlaceMention>& ms) {
    std::string s;
    for (const auto& m : ms) s += "[" + m.text + "]";
    return s;
  }
  static pipeline::Pipeline* pipe_;
  static std::shared_ptr<const Gazetteer>* gaz_;
  static Resolver* res_;
  pipeline::Analysis analysis_;
};
pipeline::Pipeline* ResolverTest::pipe_ = nullptr;
std::shared_ptr<const Gazetteer>* ResolverTest::gaz_ = nullptr;
Resolver* ResolverTest::res_ = nullptr;

TEST_F(ResolverTest, FrenchPartsElisionAndCityReference) {
  auto ms = Run("Les troupes loyalistes contrôlent désormais Alep-Est, selon l'agence officielle. "
                "Des tirs ont été signalés près d'Alep et dans la partie Est de la ville. "
                "Les habitants de la Syrie attendent.", "fr");
  const PlaceMention* east = FindText(ms, "Alep-Est");
  ASSERT_NE(east, nullptr) << Texts(ms);
  EXPECT_EQ(east->geonameid, 170063u);
  EXPECT_EQ(east->part, Part::kEast);
  EXPECT_EQ(east->precision, Precision::kCity);
  EXPECT_EQ(east->name, "Aleppo");
  EXPECT_EQ(east->country, "SY");
  const PlaceMention* near = FindText(ms, "près d'Alep");
  ASSERT_NE(near, nullptr) << Texts(ms);
  EXPECT_EQ(near->part, Part::kOutskirts);
  const PlaceMention* ref = FindText(ms, "la partie Est de la ville");
  ASSERT_NE(ref, nullptr) << Texts(ms);
  EXPECT_EQ(ref->geonameid, 170063u);
  EXPECT_EQ(ref->part, Part::kEast);
  EXPECT_FALSE(ref->named);
  const PlaceMention* sy = FindText(ms, "Syrie");
  ASSERT_NE(sy, nullptr) << Texts(ms);
  EXPECT_EQ(sy->geonameid, 0u);
  EXPECT_EQ(sy->precision, Precision::kCountry);
  EXPECT_EQ(FindText(ms, "Les"), nullptr) << Texts(ms);
  // Offsets point at the text.
  EXPECT_EQ(analysis_.clean.text.substr(east->start, east->end - east->start), "Alep-Est");
}

TEST_F(ResolverTest, EnglishPartsAndTransliterations) {
  auto ms = Run("Iraqi forces pushed into eastern Mosul on Monday while jets struck Mosul's Old City. "
                "Further south, shelling hit Dayr az-Zawr and the outskirts of Deir Ezzor.", "en");
  const PlaceMention* e = FindText(ms, "eastern Mosul");
  ASSERT_NE(e, nullptr) << Texts(ms);
  EXPECT_EQ(e->part, Part::kEast);
  EXPECT_EQ(e->geonameid, 99072u);
  const PlaceMention* old = FindText(ms, "Mosul's Old City");
  ASSERT_NE(old, nullptr) << Texts(ms);
  EXPECT_EQ(old->part, Part::kOldCity);
  const PlaceMention* dz = FindText(ms, "Dayr az-Zawr");
  ASSERT_NE(dz, nullptr) << Texts(ms);
  EXPECT_EQ(dz->geonameid, 170794u);
  const PlaceMention* out = FindText(ms, "the outskirts of Deir Ezzor");
  ASSERT_NE(out, nullptr) << Texts(ms);
  EXPECT_EQ(out->part, Part::kOutskirts);
  EXPECT_EQ(out->geonameid, 170794u);
}

TEST_F(ResolverTest, ArabicScript) {
  auto ms = Run("قصف على حلب و دمشق", "ar");
  ASSERT_EQ(ms.size(), 2u) << Texts(ms);
  EXPECT_EQ(ms[0].geonameid, 170063u);
  EXPECT_EQ(ms[1].geonameid, 170654u);
}

TEST_F(ResolverTest, CountryContextDisambiguates) {
  auto ly = Run("Militias clashed near the port of Tripoli, the Libyan capital. Libya's rival governments "
                "traded blame.", "en");
  const PlaceMention* t = FindText(ly, "Tripoli");
  ASSERT_NE(t, nullptr) << Texts(ly);
  EXPECT_EQ(t->country, "LY");
  auto lb = Run("Gunfire echoed in Tripoli overnight, Lebanon's army said, as tension spread from Beirut.", "en");
  t = FindText(lb, "Tripoli");
  ASSERT_NE(t, nullptr) << Texts(lb);
  EXPECT_EQ(t->country, "LB");
  // Homs in Syria by default, Al Khums when the article is about Libya.
  auto sy = Run("Shelling resumed in Homs on Friday.", "en");
  ASSERT_NE(FindText(sy, "Homs"), nullptr) << Texts(sy);
  EXPECT_EQ(FindText(sy, "Homs")->country, "SY");
  auto ly2 = Run("The coastguard of Libya intercepted a boat off Homs, east of Tripoli.", "en");
  ASSERT_NE(FindText(ly2, "Homs"), nullptr) << Texts(ly2);
  EXPECT_EQ(FindText(ly2, "Homs")->country, "LY");
}

TEST_F(ResolverTest, CoMentionsPickTheNearbyPlace) {
  auto fr = Run("The mayor of Paris met his counterpart from Lutece.", "en");
  ASSERT_NE(FindText(fr, "Paris"), nullptr);
  EXPECT_EQ(FindText(fr, "Paris")->country, "FR");
  auto tx = Run("A tornado struck Paris and damaged homes in Texas City and Mission.", "en");
  ASSERT_NE(FindText(tx, "Paris"), nullptr) << Texts(tx);
  EXPECT_EQ(FindText(tx, "Paris")->country, "US");
}

TEST_F(ResolverTest, AccidentalNamesNeedContext) {
  auto ms = Run("Police said the Mission had gone well. Bien sûr, rien n'a changé.", "en");
  EXPECT_EQ(FindText(ms, "Mission"), nullptr) << Texts(ms);
  EXPECT_EQ(FindText(ms, "Bien"), nullptr) << Texts(ms);
  auto ms2 = Run("Flooding was reported in Mission, near the border.", "en");
  EXPECT_NE(FindText(ms2, "Mission"), nullptr) << Texts(ms2);
  auto fr = Run("Les habitants de Bien ont été évacués. Tout va bien.", "fr");
  EXPECT_NE(FindText(fr, "Bien"), nullptr) << Texts(fr);
}

TEST_F(ResolverTest, TheCapitalIsTheCapitalOfTheArticlesCountry) {
  auto ms = Run("Des affrontements ont eu lieu en Libye. La banlieue sud de la capitale a été visée.", "fr");
  const PlaceMention* m = FindText(ms, "La banlieue sud de la capitale");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 2210247u);
  EXPECT_EQ(m->part, Part::kSouth);
  EXPECT_FALSE(m->named);
}

// A compass word on a suburb word gives the compass part (EVENTS.md), whether the city
// follows or is the one the text is about.
TEST_F(ResolverTest, CompassSuburbGivesTheCompassPart) {
  auto ms = Run(
      "Des combats ont éclaté en Libye. Les tirs visaient la banlieue sud de la capitale.", "fr");
  const PlaceMention* m = FindText(ms, "la banlieue sud de la capitale");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 2210247u);
  EXPECT_EQ(m->part, Part::kSouth);
  ms = Run("Des obus sont tombés sur Homs lundi. Dans la banlieue nord, des maisons ont brûlé.",
           "fr");
  m = FindText(ms, "la banlieue nord");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 169577u);
  EXPECT_EQ(m->part, Part::kNorth);
  ms = Run("Shells fell on Homs on Monday. In the western suburbs, several houses burned.", "en");
  m = FindText(ms, "the western suburbs");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 169577u);
  EXPECT_EQ(m->part, Part::kWest);
}

// Unnamed places: parts of a town ("quartiers", "neighbourhoods") take the last town named
// before with its part; places of their own ("villages", "localités") take it without a
// part said in another sentence, and villages "around X" are near X, not its outskirts. A
// place named in their sentence says where they are: no mention of their own.
TEST_F(ResolverTest, UnnamedPlacesTakeTheTownInFocus) {
  auto ms = Run("L'armée a repris lundi l'est de Homs. Des civils ont fui des quartiers toujours "
                "tenus par les rebelles.",
                "fr");
  const PlaceMention* m = FindText(ms, "quartiers");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 169577u);
  EXPECT_EQ(m->part, Part::kEast);
  EXPECT_FALSE(m->named);
  ms = Run("Troops pushed into eastern Aleppo on Monday. Families left neighbourhoods still held "
           "by the rebels.",
           "en");
  m = FindText(ms, "neighbourhoods");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 170063u);
  EXPECT_EQ(m->part, Part::kEast);
  ms = Run("Des frappes ont visé les environs de Mossoul. Plus de 500 personnes ont fui des "
           "villages proches du front.",
           "fr");
  m = FindText(ms, "villages");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 99072u);
  EXPECT_EQ(m->part, Part::kNone);
  ms = Run("Officials ordered the evacuation of several villages around Homs on Sunday.", "en");
  m = FindText(ms, "villages around Homs");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 169577u);
  EXPECT_EQ(m->part, Part::kNone);
  // A place in their sentence says where they are; a name after them is theirs.
  ms = Run("Des combats ont eu lieu à Homs. Au sud, l'armée a repris plusieurs localités.", "fr");
  EXPECT_EQ(FindText(ms, "localités"), nullptr) << Texts(ms);
  ms = Run("Des combats ont eu lieu à Homs. L'armée a repris les quartiers d'Alep.", "fr");
  EXPECT_EQ(FindText(ms, "quartiers"), nullptr) << Texts(ms);
  // Headquarters are no quarter of the town.
  ms = Run("L'armée a repris lundi le nord de Homs. Mardi, des rebelles ont attaqué les quartiers "
           "généraux de l'armée.",
           "fr");
  EXPECT_EQ(FindText(ms, "quartiers"), nullptr) << Texts(ms);
  // "La périphérie est ..." is a verb, not the eastern outskirts.
  ms = Run("L'armée a bombardé mardi la périphérie de Homs. La périphérie est depuis longtemps "
           "tenue par les rebelles.",
           "fr");
  for (const auto& pm : ms) EXPECT_NE(pm.part, Part::kEast) << Texts(ms);
}

TEST_F(ResolverTest, PersonNamesAreNotPlaces) {
  auto ms = Run("The sheriff, Robert Smith, told reporters in Paris that Smith would resign.", "en");
  EXPECT_EQ(FindText(ms, "Smith"), nullptr) << Texts(ms);
  EXPECT_NE(FindText(ms, "Paris"), nullptr) << Texts(ms);
  auto ms2 = Run("Tornadoes damaged farms near Smith on Sunday.", "en");
  EXPECT_NE(FindText(ms2, "near Smith"), nullptr) << Texts(ms2);
}

TEST_F(ResolverTest, FeatureWordsAndUnknownNames) {
  auto ms = Run("Rebels shelled Aleppo on Sunday. The Karm al-Jabal district was hit hardest, and "
                "strikes also hit the Sheikh Maqsoud neighbourhood.", "en");
  const PlaceMention* karm = FindText(ms, "The Karm al-Jabal district");
  ASSERT_NE(karm, nullptr) << Texts(ms);
  EXPECT_FALSE(karm->in_gazetteer);
  EXPECT_EQ(karm->geonameid, 170063u);  // falls back to the enclosing city
  EXPECT_EQ(karm->precision, Precision::kCity);
  auto fr = Run("Des combats ont éclaté dans le village de Tall Rifat, au nord d'Alep. "
                "Le quartier de Bab al-Nairab, à Alep, a été bombardé.", "fr");
  const PlaceMention* tr = FindText(fr, "le village de Tall Rifat");
  ASSERT_NE(tr, nullptr) << Texts(fr);
  EXPECT_EQ(tr->geonameid, 9000004u);
  EXPECT_EQ(tr->precision, Precision::kVillage);
  const PlaceMention* bab = FindText(fr, "Le quartier de Bab al-Nairab");
  ASSERT_NE(bab, nullptr) << Texts(fr);
  EXPECT_EQ(bab->geonameid, 170063u);
  EXPECT_FALSE(bab->in_gazetteer);
  const PlaceMention* north = FindText(fr, "au nord d'Alep");
  ASSERT_NE(north, nullptr) << Texts(fr);
  EXPECT_EQ(north->part, Part::kNorth);
}

TEST_F(ResolverTest, DirectionalRegionsAndNamedRegions) {
  auto en = Run("Aid convoys reached north-east Nigeria and North Kivu this week.", "en");
  const PlaceMention* ng = FindText(en, "north-east Nigeria");
  ASSERT_NE(ng, nullptr) << Texts(en);
  EXPECT_EQ(ng->geonameid, 0u);
  EXPECT_EQ(ng->country, "NG");
  EXPECT_EQ(ng->precision, Precision::kRegion);
  const PlaceMention* nk = FindText(en, "North Kivu");
  ASSERT_NE(nk, nullptr) << Texts(en);
  EXPECT_EQ(nk->country, "CD");
  EXPECT_EQ(nk->precision, Precision::kRegion);
  auto fr = Run("Des frappes ont touché le nord-ouest de la Syrie.", "fr");
  const PlaceMention* sy = FindText(fr, "le nord-ouest de la Syrie");
  ASSERT_NE(sy, nullptr) << Texts(fr);
  EXPECT_EQ(sy->precision, Precision::kRegion);
}

TEST_F(ResolverTest, ProvinceKeepsTheCityIdWithRegionPrecision) {
  auto ms = Run("Fighting spread across Aleppo province.", "en");
  const PlaceMention* m = FindText(ms, "Aleppo province");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 170063u);
  EXPECT_EQ(m->precision, Precision::kRegion);
}

TEST_F(ResolverTest, NeverCrashesOnOddInput) {
  for (std::string s : {std::string(""), std::string("\xff\xfe\x00zz", 5), std::string(5000, '-'),
                        std::string("Alep-Est-Est-Est la ville la ville"), std::string("the city")}) {
    auto ms = Run(s, "fr");
    for (const auto& m : ms) EXPECT_LE(m.end, analysis_.clean.text.size());
  }
}

TEST_F(ResolverTest, TheDistrictRefersToTheDistrictNamedBefore) {
  auto ms = Run("Rebels left the Karm al-Jabal district on the eastern edge of Aleppo on Sunday. "
                "Troops entered the district hours later.", "en");
  const PlaceMention* karm = FindText(ms, "the Karm al-Jabal district");
  ASSERT_NE(karm, nullptr) << Texts(ms);
  const PlaceMention* ref = FindText(ms, "the district");
  ASSERT_NE(ref, nullptr) << Texts(ms);
  EXPECT_FALSE(ref->named);
  EXPECT_EQ(ref->geonameid, karm->geonameid);
  EXPECT_EQ(ref->part, karm->part);
  auto none = Run("Troops entered the district hours later.", "en");
  EXPECT_EQ(FindText(none, "the district"), nullptr) << "no district named before: " << Texts(none);
}

TEST_F(ResolverTest, CapitalNamedByItsCountryAdjective) {
  auto en = Run("Shells fell on the Syrian capital overnight, and Syrian officials blamed the rebels.", "en");
  const PlaceMention* m = FindText(en, "the Syrian capital");
  ASSERT_NE(m, nullptr) << Texts(en);
  EXPECT_EQ(m->geonameid, 170654u);
  EXPECT_FALSE(m->named);
  for (const auto& x : en) EXPECT_NE(x.text, "Syrian") << "an adjective is no place";
  auto fr = Run("Des combats ont éclaté dans la capitale libyenne jeudi.", "fr");
  const PlaceMention* t = FindText(fr, "la capitale libyenne");
  ASSERT_NE(t, nullptr) << Texts(fr);
  EXPECT_EQ(t->geonameid, 2210247u);
}

// Every name the test gazetteer was compiled from: GeoNames names, ASCII names and
// alternate names of the dump rows it keeps, country names of every language, region names and aliases.
std::vector<std::string> AllTestGazetteerNames() {
  std::vector<std::string> names;
  std::ifstream dump(testing::TestDataDir() + "/XX.txt");
  std::string line;
  while (std::getline(dump, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    // The compiler keeps populated places, areas and sites (classes P, A, S).
    if (cols.size() < 7 || cols[6].empty() || std::string("PAS").find(cols[6][0]) == std::string::npos) continue;
    names.push_back(cols[1]);
    names.push_back(cols[2]);
    std::stringstream alt(cols[3]);
    for (std::string a; std::getline(alt, a, ',');) names.push_back(a);
  }
  for (const char* lang : {"en", "fr"}) {
    std::ifstream f(testing::TestDataDir() + "/countries/langs/" + lang + ".json");
    auto j = nlohmann::json::parse(f);
    for (const auto& [code, v] : j["countries"].items()) {
      if (v.is_string()) names.push_back(v.get<std::string>());
      else
        for (const auto& x : v) names.push_back(x.get<std::string>());
    }
  }
  std::ifstream regions(std::string(VIGIE_SOURCE_DIR) + "/gazetteer/regions.tsv");
  while (std::getline(regions, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("country\t", 0) == 0) continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    if (cols.size() < 2) continue;
    names.push_back(cols[1]);
    if (cols.size() >= 5) {
      std::stringstream alt(cols[4]);
      for (std::string a; std::getline(alt, a, '|');) names.push_back(a);
    }
  }
  return names;
}

// Spellings the gazetteer does not hold, found by their transliteration skeleton.
TEST_F(ResolverTest, TransliteratedSpellingsResolve) {
  auto ms = Run("Les bombardements ont repris mardi à Taëz, au Yémen, où trois civils ont été blessés. "
                "Plus au nord, des renforts sont arrivés à Hodeïda.", "fr");
  const PlaceMention* taez = FindText(ms, "Taëz");
  ASSERT_NE(taez, nullptr) << Texts(ms);
  EXPECT_EQ(taez->geonameid, 70225u);
  const PlaceMention* hod = FindText(ms, "Hodeïda");
  ASSERT_NE(hod, nullptr) << Texts(ms);
  EXPECT_EQ(hod->geonameid, 79415u);
  ms = Run("Government troops entered Maaret al-Noomane on the highway south of Aleppo, Syrian media said.", "en");
  const PlaceMention* maaret = FindText(ms, "Maaret al-Noomane");
  ASSERT_NE(maaret, nullptr) << Texts(ms);
  EXPECT_EQ(maaret->geonameid, 167611u);
}

// A skeleton hit needs the article's country and, for one word, a place preposition or a
// feature word; places of countries whose names are not transliterated get no skeleton.
TEST_F(ResolverTest, SkeletonNeedsSupport) {
  // Yemen is not what this article is about.
  auto ms = Run("Rebels shelled Aleppo and Homs overnight. Officials in Damascus spoke of Taez later.", "en");
  EXPECT_EQ(FindText(ms, "Taez"), nullptr) << Texts(ms);
  // No preposition: an adjective that shares a skeleton is no place.
  ms = Run("Yemen talks resumed. Taez officials and Sanaa negotiators met in Yemen.", "en");
  EXPECT_EQ(FindText(ms, "Taez"), nullptr) << Texts(ms);
  // Hough (United States) has no skeleton key: "Highway" never meets it.
  ms = Run("Traffic on Highway 12 near Smith, Kansas, in the United States was stopped.", "en");
  EXPECT_EQ(FindText(ms, "Highway"), nullptr) << Texts(ms);
}

// "the city" is the last city named in its paragraph (same or two sentences before), else
// the article's main city.
TEST_F(ResolverTest, CityReferenceTakesTheRecentCity) {
  auto ms = Run("Fighting raged in Aleppo, Aleppo and again Aleppo this week.\n\n"
                "In Homs, shells fell on the eastern districts of the city on Monday.", "en");
  const PlaceMention* ref = FindText(ms, "the eastern districts of the city");
  ASSERT_NE(ref, nullptr) << Texts(ms);
  EXPECT_EQ(ref->geonameid, 169577u);
  EXPECT_EQ(ref->part, Part::kEast);
  ms = Run("Fighting raged in Aleppo, Aleppo and again Aleppo this week. Homs was calm.\n\n"
           "Residents said the city had no power.", "en");
  ref = FindText(ms, "the city");
  ASSERT_NE(ref, nullptr) << Texts(ms);
  EXPECT_EQ(ref->geonameid, 170063u);
}

// "la zone", "the area": the last place named before, in the same paragraph.
TEST_F(ResolverTest, AreaReferenceTakesTheLastPlace) {
  auto ms = Run("Des frappes ont touché Homs mardi. Les habitants ont fui la zone mercredi.", "fr");
  const PlaceMention* zone = FindText(ms, "la zone");
  ASSERT_NE(zone, nullptr) << Texts(ms);
  EXPECT_EQ(zone->geonameid, 169577u);
  EXPECT_FALSE(zone->named);
  ms = Run("Shelling hit eastern Aleppo on Monday. Aid workers left the area at night.", "en");
  const PlaceMention* area = FindText(ms, "the area");
  ASSERT_NE(area, nullptr) << Texts(ms);
  EXPECT_EQ(area->geonameid, 170063u);
  EXPECT_EQ(area->part, Part::kEast);
  // The reference may open the next paragraph ...
  ms = Run("Des frappes ont touché Homs mardi.\n\nLes habitants ont fui la zone mercredi.", "fr");
  zone = FindText(ms, "la zone");
  ASSERT_NE(zone, nullptr) << Texts(ms);
  EXPECT_EQ(zone->geonameid, 169577u);
  // ... but not reach two paragraphs back, nor more than two sentences.
  ms =
      Run("Des frappes ont touché Homs mardi.\n\nLe gouvernement a réagi.\n\nLes habitants ont fui "
          "la zone.",
          "fr");
  EXPECT_EQ(FindText(ms, "la zone"), nullptr) << Texts(ms);
  ms =
      Run("Des frappes ont touché Homs mardi. Le gouvernement a réagi. Un député a protesté. "
          "Les habitants ont fui la zone.",
          "fr");
  EXPECT_EQ(FindText(ms, "la zone"), nullptr) << Texts(ms);
}

// Where people went is not what "la zone" / "the area" refers to.
TEST_F(ResolverTest, AreaReferenceSkipsDestinations) {
  auto ms = Run("Des obus sont tombés sur Homs lundi. Les blessés ont été transportés vers Damas. "
                "L'armée a bouclé la zone.",
                "fr");
  const PlaceMention* zone = FindText(ms, "la zone");
  ASSERT_NE(zone, nullptr) << Texts(ms);
  EXPECT_EQ(zone->geonameid, 169577u);
  ms = Run("Shells hit eastern Aleppo on Monday. The wounded were driven towards Damascus. "
           "Troops sealed off the area.",
           "en");
  const PlaceMention* area = FindText(ms, "the area");
  ASSERT_NE(area, nullptr) << Texts(ms);
  EXPECT_EQ(area->geonameid, 170063u);
  EXPECT_EQ(area->part, Part::kEast);
}

// An unknown name after "près de" / "near" takes the place the text has just named, with
// the part said with it; with no such place it is not taken (a person, say).
TEST_F(ResolverTest, UnknownNameNearAKnownPlace) {
  auto ms =
      Run("Les forces gouvernementales ont progressé dans l'est de Homs lundi.\n\n"
          "Des tirs de mortier ont été signalés mardi près de Bab Dreib, selon un habitant.",
          "fr");
  const PlaceMention* m = FindText(ms, "près de Bab Dreib");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 169577u);
  EXPECT_EQ(m->part, Part::kEast);
  EXPECT_FALSE(m->in_gazetteer);
  EXPECT_EQ(m->text.substr(m->name_start - m->start), "Bab Dreib");
  // A place named right after it in its sentence wins, with its part ("ten kilometres north
  // of Mosul" is outside Mosul: no part; "the northern districts of Mosul": north).
  ms =
      Run("Troops entered Aleppo on Monday. A convoy was ambushed near Kafr Hamra, about ten "
          "kilometres "
          "north of Mosul, officials said.",
          "en");
  m = FindText(ms, "near Kafr Hamra");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 99072u);
  EXPECT_EQ(m->part, Part::kNone);
  ms = Run(
      "Troops entered Aleppo on Monday. Gunmen fired near Bab Sijn, in the northern districts of "
      "Mosul.",
      "en");
  m = FindText(ms, "near Bab Sijn");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 99072u);
  EXPECT_EQ(m->part, Part::kNorth);
  // The next unknown name may lean on this one (same paragraph or the one after).
  ms =
      Run("Des combats ont eu lieu à Homs.\n\nDes bergers ont été tués près de Tell Abyadh.\n\n"
          "Une milice a riposté non loin de Kherbet Ghazal mercredi.",
          "fr");
  m = FindText(ms, "non loin de Kherbet Ghazal");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 169577u);
  // Nothing to attach it to: no place (a country is not one), or one too far back.
  ms = Run("La Syrie a protesté. Le ministre s'est assis près de Dupont lors du sommet.", "fr");
  EXPECT_EQ(FindText(ms, "près de Dupont"), nullptr) << Texts(ms);
  ms = Run("Clashes were reported in Homs.\n\nThe talks resumed.\n\nThe minister sat near Jenkins.",
           "en");
  EXPECT_EQ(FindText(ms, "near Jenkins"), nullptr) << Texts(ms);
  // A word the article also writes in lower case is no name.
  ms = Run("Shelling hit Homs. Families sheltered near Bridges, and the bridges were cut.", "en");
  EXPECT_EQ(FindText(ms, "near Bridges"), nullptr) << Texts(ms);
}

// "the western bank of the Tigris": the bank of the city the text is about.
TEST_F(ResolverTest, RiverBankIsAPartOfTheCity) {
  auto ms =
      Run("Government troops advanced in Mosul on Sunday. Snipers still held a strip on the "
          "western bank of the Tigris.",
          "en");
  const PlaceMention* m = FindText(ms, "the western bank of the Tigris");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 99072u);
  EXPECT_EQ(m->part, Part::kWest);
  EXPECT_FALSE(m->named);
  ms =
      Run("L'armée est entrée dans Mossoul dimanche. Les combats se poursuivent sur la rive est du "
          "Tigre.",
          "fr");
  m = FindText(ms, "la rive est du Tigre");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 99072u);
  EXPECT_EQ(m->part, Part::kEast);
  // The river's name is no place of that name (the test gazetteer has a town "Tigre"), and
  // "la zone" after it is the bank, not that town.
  ms = Run("L'armée est entrée dans Mossoul dimanche. Les combats se poursuivent sur la rive est du "
           "Tigre. La zone reste dangereuse.",
           "fr");
  for (const auto& x : ms) EXPECT_NE(x.geonameid, 9000011u) << Texts(ms);
  m = FindText(ms, "La zone");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 99072u);
  // "de l'" before a river that starts with a vowel, and the banks north and south.
  ms = Run("L'armée est entrée dans Alep dimanche. Les combats se poursuivent sur la rive sud de "
           "l'Euphrate.",
           "fr");
  m = FindText(ms, "la rive sud de l'Euphrate");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->part, Part::kSouth);
  // With no city to hang the bank on, the river is still no place.
  ms = Run("Des combats ont lieu sur la rive est du Tigre.", "fr");
  for (const auto& x : ms) EXPECT_NE(x.geonameid, 9000011u) << Texts(ms);
}

// A name after "près de" hung on a province is no finer than the province.
TEST_F(ResolverTest, NearANameHungOnAProvinceKeepsItsPrecision) {
  auto ms = Run("Des frappes ont visé la province d'Alep mardi. Des tirs ont été signalés près de "
                "Bab Dreib.",
                "fr");
  const PlaceMention* m = FindText(ms, "près de Bab Dreib");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 170063u);
  EXPECT_EQ(m->precision, Precision::kRegion);
}

// "la province d'Alep" is the region (the city's id, region precision), not its countryside.
TEST_F(ResolverTest, ANamedProvinceHasNoPart) {
  auto ms = Run("Des frappes ont visé la province d'Alep mardi.", "fr");
  const PlaceMention* m = FindText(ms, "la province d'Alep");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 170063u);
  EXPECT_EQ(m->part, Part::kNone);
  EXPECT_EQ(m->precision, Precision::kRegion);
}

// "El Niño" is a weather phenomenon, not the Mexican town, unless a feature word says so.
TEST_F(ResolverTest, WeatherPhenomenaAreNoPlaces) {
  auto ms = Run("Heavy rains linked to El Niño flooded Mosul.", "en");
  EXPECT_EQ(FindText(ms, "El Niño"), nullptr) << Texts(ms);
  ASSERT_NE(FindText(ms, "Mosul"), nullptr) << Texts(ms);
  ms = Run("Des pluies liées à El Niño ont inondé Mossoul.", "fr");
  EXPECT_EQ(FindText(ms, "El Niño"), nullptr) << Texts(ms);
  ms = Run("Police patrolled the town of El Niño on Friday.", "en");
  const PlaceMention* m = FindText(ms, "the town of El Niño");
  ASSERT_NE(m, nullptr) << Texts(ms);
  EXPECT_EQ(m->geonameid, 9000010u);
}

// A word that names a far city only as an alternate name ("Boni", an old name of Bonn)
// in an article about other countries is no place.
TEST_F(ResolverTest, AlternateNameOfAFarCityNeedsSupport) {
  auto ms = Run("Rebels shelled Aleppo and Homs overnight. The fighters then moved on Boni, officials "
                "in Damascus said.", "en");
  EXPECT_EQ(FindText(ms, "Boni"), nullptr) << Texts(ms);
  ms = Run("Le maire de Bonn a reçu ses homologues de Paris et de Boni hier en Allemagne.", "fr");
  EXPECT_NE(FindText(ms, "Bonn"), nullptr) << Texts(ms);
}

// References to the article's country ("notre pays", "nationwide"), to a site in the city
// ("the stadium": no part words around it), to a bare part ("Au sud,"), and an unknown
// district whose city and part a reference after it gives.
TEST_F(ResolverTest, CountrySiteAndPartReferences) {
  auto ms = Run("Des frappes ont touché Homs et Alep mardi en Syrie. Depuis 2015, notre pays fait face "
                "aux attaques.", "fr");
  const PlaceMention* ours = FindText(ms, "notre pays");
  ASSERT_NE(ours, nullptr) << Texts(ms);
  EXPECT_EQ(ours->geonameid, 0u);
  EXPECT_EQ(ours->country, "SY");
  EXPECT_EQ(ours->precision, Precision::kCountry);
  EXPECT_FALSE(ours->named);
  ms = Run("Shelling hit Homs on Monday. Heavy fighting raged around the stadium, a commander said.", "en");
  const PlaceMention* stadium = FindText(ms, "the stadium");
  ASSERT_NE(stadium, nullptr) << Texts(ms);
  EXPECT_EQ(stadium->geonameid, 169577u);
  EXPECT_EQ(stadium->part, Part::kNone);
  ms = Run("Les forces ont repris trois villages à l'est de Homs. Au sud, l'armée a aussi avancé.", "fr");
  const PlaceMention* south = FindText(ms, "Au sud");
  ASSERT_NE(south, nullptr) << Texts(ms);
  EXPECT_EQ(south->geonameid, 169577u);
  EXPECT_EQ(south->part, Part::kSouth);
  // "au sud de" names its own place: no bare part there.
  ms = Run("Les forces ont avancé au sud de Homs.", "fr");
  EXPECT_EQ(FindText(ms, "au sud"), nullptr) << Texts(ms);
  ms = Run("Homs a de nouveau été bombardée lundi.\n\nDes obus sont tombés sur le quartier de Bab Zorba, "
           "dans l'ouest de la ville, tuant trois civils.", "fr");
  const PlaceMention* district = FindText(ms, "le quartier de Bab Zorba");
  ASSERT_NE(district, nullptr) << Texts(ms);
  EXPECT_FALSE(district->in_gazetteer);
  EXPECT_EQ(district->geonameid, 169577u);
  EXPECT_EQ(district->part, Part::kWest);
}

// An actor's name is no place: "Islamic State" is not an unknown region named Islamic.
TEST_F(ResolverTest, ActorNamesAreNotPlaces) {
  auto ms = Run("Fighters of the Islamic State attacked Homs on Monday. The Islamic State group said "
                "it had won.", "en");
  for (const auto& m : ms) EXPECT_EQ(m.text.find("Islamic"), std::string::npos) << Texts(ms);
  EXPECT_NE(FindText(ms, "Homs"), nullptr) << Texts(ms);
}

// "camps" is a feature word; a nationality adjective before one is no place name.
TEST_F(ResolverTest, CampsAndNationalityAdjectives) {
  auto ms = Run("Homs was shelled again on Sunday. Aid groups handed out food in the Bab Zorba camps "
                "on Monday, and Syrian camps elsewhere were full.", "en");
  const PlaceMention* camps = FindText(ms, "the Bab Zorba camps");
  ASSERT_NE(camps, nullptr) << Texts(ms);
  EXPECT_FALSE(camps->in_gazetteer);
  EXPECT_EQ(camps->geonameid, 169577u);
  for (const auto& m : ms) EXPECT_EQ(m.text.find("Syrian"), std::string::npos) << Texts(ms);
}

// Oracle: on generated texts, the prefix-pruned hash matcher finds exactly what a
// brute-force scan of every alias of the gazetteer finds (leftmost, longest, first word
// capitalised). Names are written from their keys (ASCII keys only, so that a word can be
// capitalised by hand); fillers include the words of names alone, so partial names occur.
TEST_F(ResolverTest, MatcherAgreesWithBruteForceScanOfAllAliases) {
  std::vector<std::vector<std::string>> keys;
  std::set<std::string> seen, word_set;
  for (const auto& n : AllTestGazetteerNames()) {
    std::string key = NameKey(n);
    bool ascii = !key.empty();
    for (char c : key) ascii &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ';
    if (!ascii || !seen.insert(key).second) continue;
    auto w = KeyWords(key);
    keys.emplace_back(w.begin(), w.end());
    for (auto x : w) word_set.insert(std::string(x));
  }
  ASSERT_GT(keys.size(), 100u);
  std::vector<std::string> filler = {"the", "army", "said", "of", "near", "and", "City", "North", "Governorate"};
  for (const auto& w : word_set) filler.push_back(w);
  auto capitalised = [](std::string s) {
    if (s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
    return s;
  };
  std::mt19937 rng(7);
  for (int iter = 0; iter < 400; ++iter) {
    std::vector<std::string> words;
    int len = 3 + int(rng() % 25);
    for (int k = 0; k < len; ++k) {
      if (rng() % 3 == 0) {
        for (const auto& w : keys[rng() % keys.size()]) words.push_back(capitalised(w));
      } else {
        std::string w = filler[rng() % filler.size()];
        words.push_back(rng() % 2 ? capitalised(w) : w);
      }
    }
    std::string text;
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    for (const auto& w : words) {
      if (!text.empty()) text += ' ';
      spans.emplace_back(uint32_t(text.size()), uint32_t(text.size() + w.size()));
      text += w;
    }
    // Brute force over every key.
    std::vector<std::pair<uint32_t, uint32_t>> expect;
    for (size_t i = 0; i < words.size();) {
      size_t best = 0;
      if (std::isupper(static_cast<unsigned char>(words[i][0]))) {
        for (const auto& k : keys) {
          if (k.size() <= best || i + k.size() > words.size()) continue;
          bool eq = true;
          for (size_t j = 0; j < k.size() && eq; ++j) eq = NameKey(words[i + j]) == k[j];
          if (eq) best = k.size();
        }
      }
      if (best > 0) {
        expect.emplace_back(spans[i].first, spans[i + best - 1].second);
        i += best;
      } else {
        ++i;
      }
    }
    Document d;
    d.raw = text;
    d.lang = "en";
    auto a = pipe_->Analyze(std::move(d));
    ASSERT_EQ(a.clean.text, text);
    auto got = res_->MatchNames(a.clean.text, a.segments);
    EXPECT_EQ(got, expect) << text;
  }
}


// Oracle for the second chance: on generated texts whose names are respelled (vowels
// swapped, consonants doubled: what transliterations do), the prefix-pruned skeleton
// matcher finds what a brute-force scan finds: at each capitalised word that starts no
// exact name, the longest run of capitalised words and articles whose skeleton
// (Skeleton::Name) is one of the file's skeleton keys, read from a plain set of all of them.
TEST_F(ResolverTest, SkeletonMatcherAgreesWithBruteForceScanOfAllSkeletonKeys) {
  const Gazetteer& g = **gaz_;
  const Skeleton* sk = g.skeleton();
  ASSERT_NE(sk, nullptr);
  std::set<uint64_t> skeleton_keys;
  for (uint32_t i = 0; i < g.num_skeleton_keys(); ++i) skeleton_keys.insert(g.SkeletonKeyAt(i).hash);
  std::vector<std::vector<std::string>> names;  // names of places that have skeleton keys
  std::set<std::string> seen;
  for (const auto& n : AllTestGazetteerNames()) {
    std::string key = NameKey(n);
    bool ascii = !key.empty();
    for (char c : key) ascii &= (c >= 'a' && c <= 'z') || c == ' ';
    std::string skel = sk->Name(n);
    if (!ascii || skel.empty() || !skeleton_keys.count(KeyHash(skel)) || !seen.insert(key).second) continue;
    auto w = KeyWords(key);
    names.emplace_back(w.begin(), w.end());
  }
  ASSERT_GT(names.size(), 10u);
  std::mt19937 rng(11);
  const std::string vowels = "aeiou";
  auto respell = [&](std::string w) {
    if (sk->IsArticle(w)) return w;
    std::string out;
    for (size_t k = 0; k < w.size(); ++k) {
      char c = w[k];
      bool vowel = vowels.find(c) != std::string::npos;
      if (vowel && rng() % 2) c = vowels[rng() % vowels.size()];
      out.push_back(c);
      if (!vowel && k > 0 && rng() % 6 == 0) out.push_back(c);  // a doubled consonant
    }
    return out;
  };
  auto capitalised = [](std::string s) {
    if (s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
    return s;
  };
  std::vector<std::string> filler = {"the", "army", "said", "of", "near", "and", "Council", "Minister", "told"};
  auto exact = [&](const std::string& w) {
    std::vector<NameHit> hits;
    g.Lookup(KeyHash(NameKey(w)), &hits);
    return !hits.empty();
  };
  int skeleton_hits = 0;
  for (int iter = 0; iter < 300; ++iter) {
    std::vector<std::string> words;
    int len = 3 + int(rng() % 20);
    for (int k = 0; k < len; ++k) {
      if (rng() % 3 == 0) {
        for (const auto& w : names[rng() % names.size()]) words.push_back(capitalised(respell(w)));
      } else {
        std::string w = filler[rng() % filler.size()];
        words.push_back(w);
      }
    }
    std::string text;
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    for (const auto& w : words) {
      if (!text.empty()) text += ' ';
      spans.emplace_back(uint32_t(text.size()), uint32_t(text.size() + w.size()));
      text += w;
    }
    std::vector<std::pair<uint32_t, uint32_t>> expect;
    for (size_t i = 0; i < words.size();) {
      size_t best = 0;
      if (std::isupper(static_cast<unsigned char>(words[i][0]))) {
        // Exact names first: the longest run of words that is a key.
        for (size_t n = 1; n <= 8 && i + n <= words.size(); ++n) {
          std::string name;
          for (size_t j = i; j < i + n; ++j) name += (j > i ? " " : "") + words[j];
          std::vector<NameHit> hits;
          g.Lookup(KeyHash(NameKey(name)), &hits);
          if (!hits.empty()) best = n;
        }
        // Else the skeleton: capitalised words and articles, the first content word of 3
        // letters or more, no later word that starts an exact name.
        bool content = false;
        for (size_t n = 1; best == 0 || (content && n <= 8); ++n) {
          if (i + n > words.size()) break;
          const std::string& w = words[i + n - 1];
          std::string f = NameKey(w);
          bool article = sk->IsArticle(f);
          if (!article && !std::isupper(static_cast<unsigned char>(w[0]))) break;
          if (n > 1 && !article && exact(w)) break;
          if (!article && !content && f.size() < 3) break;
          content |= !article;
          if (article) continue;
          std::string name;
          for (size_t j = i; j < i + n; ++j) name += (j > i ? " " : "") + words[j];
          std::string skel = sk->Name(name);
          if (!skel.empty() && skeleton_keys.count(KeyHash(skel))) best = n;
          if (n >= 8) break;
        }
        if (best > 0 && !exact(words[i])) {
          bool was_exact = false;
          for (size_t n = 1; n <= best; ++n) {
            std::string name;
            for (size_t j = i; j < i + n; ++j) name += (j > i ? " " : "") + words[j];
            std::vector<NameHit> hits;
            g.Lookup(KeyHash(NameKey(name)), &hits);
            was_exact |= !hits.empty();
          }
          if (!was_exact) ++skeleton_hits;
        }
      }
      if (best > 0) {
        expect.emplace_back(spans[i].first, spans[i + best - 1].second);
        i += best;
      } else {
        ++i;
      }
    }
    Document d;
    d.raw = text;
    d.lang = "en";
    auto a = pipe_->Analyze(std::move(d));
    ASSERT_EQ(a.clean.text, text);
    EXPECT_EQ(res_->MatchNames(a.clean.text, a.segments, true), expect) << text;
  }
  EXPECT_GT(skeleton_hits, 50) << "the generated texts exercise the skeleton";
}

}  // namespace
}  // namespace vigie::geo
