// The compiled gazetteer: compiler, reader, determinism, merging, corrupted files.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/hash.h"
#include "geo/gazetteer.h"
#include "geo/gazetteer_build.h"
#include "geo/gazetteer_format.h"
#include "geo/keys.h"
#include "geo_test_util.h"

namespace vigie::geo {
namespace {

using testing::BuildTestGazetteerBytes;
using testing::TestDataDir;
using testing::TestGazetteer;

std::vector<Place> Find(const Gazetteer& g, std::string_view name) {
  std::vector<NameHit> hits;
  g.Lookup(KeyHash(NameKey(name)), &hits);
  std::vector<Place> out;
  for (const auto& h : hits) out.push_back(g.place(h.place));
  return out;
}

TEST(NameKey, FoldsPunctuationAndDiacritics) {
  EXPECT_EQ(NameKey("Deir ez-Zor"), "deir ez zor");
  EXPECT_EQ(NameKey("  Côte d'Ivoire "), "cote d ivoire");
  EXPECT_EQ(NameKey("Ḩalab"), "halab");
  EXPECT_EQ(NameKey("St. Louis"), "st louis");
  EXPECT_EQ(NameKey("---"), "");
}

TEST(Gazetteer, LooksUpMultilingualNames) {
  auto g = TestGazetteer();
  ASSERT_NE(g, nullptr);
  for (const char* n : {"Aleppo", "Alep", "HALAB", "حلب"}) {
    auto ps = Find(*g, n);
    ASSERT_EQ(ps.size(), 1u) << n;
    EXPECT_EQ(ps[0].geonameid, 170063u);
    EXPECT_EQ(ps[0].country, "SY");
    EXPECT_NEAR(ps[0].lat, 36.20124, 1e-6);
    EXPECT_EQ(ps[0].feature_code, "PPLA");
  }
  EXPECT_EQ(Find(*g, "Tripoli").size(), 2u);
  auto homs = Find(*g, "Homs");
  EXPECT_EQ(homs.size(), 2u);  // Homs (SY) and Al Khums (LY)
  auto dz = Find(*g, "Dayr az-Zawr");
  ASSERT_EQ(dz.size(), 1u);
  EXPECT_EQ(dz[0].geonameid, 170794u);
  EXPECT_EQ(Find(*g, "Deir Ezzor").size(), 1u);
  EXPECT_TRUE(Find(*g, "Lake Assad").empty());  // water features are left out
  EXPECT_TRUE(Find(*g, "Atlantis").empty());
}

TEST(Gazetteer, CountriesRegionsAndAdmin1) {
  auto g = TestGazetteer();
  ASSERT_NE(g, nullptr);
  auto sy = Find(*g, "Syrie");
  ASSERT_EQ(sy.size(), 1u);
  EXPECT_EQ(sy[0].kind, PlaceKind::kCountry);
  EXPECT_EQ(sy[0].geonameid, 0u);
  EXPECT_EQ(sy[0].country, "SY");
  EXPECT_EQ(Find(*g, "États-Unis").size(), 1u);
  EXPECT_EQ(Find(*g, "DR Congo").size(), 1u);
  auto nk = Find(*g, "Nord-Kivu");
  ASSERT_EQ(nk.size(), 1u);
  EXPECT_EQ(nk[0].kind, PlaceKind::kRegion);
  EXPECT_EQ(nk[0].country, "CD");
  // Admin1 names come from ADM1 rows (or the region seat).
  EXPECT_EQ(Find(*g, "Tall Rifat")[0].admin1, "Aleppo Governorate");
  EXPECT_EQ(Find(*g, "Goma")[0].admin1, "Goma");
  EXPECT_GE(g->FindGeonameId(99072), 0);
  EXPECT_EQ(g->place(uint32_t(g->FindGeonameId(99072))).name, "Mosul");
  EXPECT_EQ(g->FindGeonameId(12345), -1);
  EXPECT_NE(g->Meta("license").find("CC BY 4.0"), std::string::npos);
}

TEST(Gazetteer, PrefixesOfMultiWordNames) {
  auto g = TestGazetteer();
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(g->IsPrefix(KeyHash("deir")));
  EXPECT_TRUE(g->IsPrefix(KeyHash("deir ez")));
  EXPECT_FALSE(g->IsPrefix(KeyHash("deir ez zor")));
  EXPECT_FALSE(g->IsPrefix(KeyHash("mosul")));
}

TEST(Gazetteer, BuildIsDeterministic) {
  EXPECT_EQ(BuildTestGazetteerBytes(), BuildTestGazetteerBytes());
}

TEST(Gazetteer, BadDumpLinesAreCounted) {
  GazetteerBuilder b;
  ASSERT_TRUE(b.AddGeoNamesDump(TestDataDir() + "/XX.txt").ok());
  EXPECT_EQ(b.bad_lines(), 1u);
  EXPECT_FALSE(b.AddGeoNamesText("garbage\nmore garbage\n", "junk").ok());
  EXPECT_FALSE(b.AddGeoNamesDump("/nonexistent/SY.txt").ok());
}

TEST(Gazetteer, AddMergesADumpIntoACompiledFile) {
  // A first gazetteer without the test dump's villages, then `add`.
  GazetteerBuilder first;
  ASSERT_TRUE(first.AddGeoNamesText(
      "170063\tAleppo\tAleppo\tAlep\t36.20124\t37.16117\tP\tPPLA\tSY\t\t09\t\t\t\t1602264\t\t0\tUTC\t2024-01-01\n",
      "mini").ok());
  auto g1 = Gazetteer::FromBytes(first.Serialize());
  ASSERT_TRUE(g1.ok());
  EXPECT_TRUE(Find(**g1, "Tel Rifaat").empty());
  GazetteerBuilder merged;
  ASSERT_TRUE(merged.AddCompiled(**g1).ok());
  ASSERT_TRUE(merged.AddGeoNamesDump(TestDataDir() + "/XX.txt").ok());
  auto g2 = Gazetteer::FromBytes(merged.Serialize());
  ASSERT_TRUE(g2.ok());
  ASSERT_EQ(Find(**g2, "Tel Rifaat").size(), 1u);
  EXPECT_EQ(Find(**g2, "Alep").size(), 1u);      // old names kept, no duplicate place
  EXPECT_EQ(Find(**g2, "Haleb").size(), 1u);     // new names added
  EXPECT_EQ(Find(**g2, "Cheikh Maqsoud")[0].feature_code, "PPLX");
}

// Skeleton keys (format 1.1): spellings GeoNames lacks find the place by their skeleton,
// only for places of the countries the rules list, and `add` keeps them.
TEST(Gazetteer, SkeletonKeysFindOtherSpellings) {
  auto g = TestGazetteer();
  ASSERT_NE(g, nullptr);
  ASSERT_NE(g->skeleton(), nullptr);
  auto skel_find = [&](const Gazetteer& gz, std::string_view name) {
    std::vector<NameHit> hits;
    gz.LookupSkeleton(KeyHash(gz.skeleton()->Name(name)), &hits);
    std::vector<uint32_t> ids;
    for (const auto& h : hits) ids.push_back(gz.place(h.place).geonameid);
    return ids;
  };
  EXPECT_EQ(skel_find(*g, "Taëz"), std::vector<uint32_t>{70225});
  EXPECT_EQ(skel_find(*g, "Hodeidah"), std::vector<uint32_t>{79415});
  EXPECT_EQ(skel_find(*g, "Maaret al-Noomane"), std::vector<uint32_t>{167611});
  EXPECT_TRUE(skel_find(*g, "Highway").empty());  // Hough, US: no skeleton keys
  std::string first = g->skeleton()->Name("Maaret");
  EXPECT_TRUE(g->IsSkeletonPrefix(KeyHash(first)));
  EXPECT_FALSE(g->IsSkeletonPrefix(KeyHash("zzzz")));
  // `gazetteer add`: the rules and skeleton keys of the compiled file stay, and the added
  // dump's places get theirs.
  GazetteerBuilder merged;
  ASSERT_TRUE(merged.AddCompiled(*g).ok());
  ASSERT_TRUE(merged.AddGeoNamesText(
      "9100001\tSaraqib\tSaraqib\t\t35.86\t36.8\tP\tPPL\tSY\t\t12\t\t\t\t32000\t\t0\tUTC\t2024-01-01\n", "mini")
                  .ok());
  auto g2 = Gazetteer::FromBytes(merged.Serialize());
  ASSERT_TRUE(g2.ok()) << g2.status().ToString();
  ASSERT_NE((*g2)->skeleton(), nullptr);
  EXPECT_EQ(skel_find(**g2, "Taëz"), std::vector<uint32_t>{70225});
  EXPECT_EQ(skel_find(**g2, "Sarakeb"), std::vector<uint32_t>{9100001});
  // Without rules, no skeleton sections and no skeleton.
  GazetteerBuilder plain;
  ASSERT_TRUE(plain.AddGeoNamesDump(TestDataDir() + "/XX.txt").ok());
  auto g3 = Gazetteer::FromBytes(plain.Serialize());
  ASSERT_TRUE(g3.ok());
  EXPECT_EQ((*g3)->skeleton(), nullptr);
  EXPECT_EQ((*g3)->num_skeleton_keys(), 0u);
}

TEST(Gazetteer, OpensFromDiskWithMmap) {
  std::string path = ::testing::TempDir() + "/vigie_geo_test.vgz";
  std::string bytes = BuildTestGazetteerBytes();
  std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
  auto g = Gazetteer::Open(path);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(Find(**g, "Mossoul").size(), 1u);
  std::remove(path.c_str());
  auto missing = Gazetteer::Open(path);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("gazetteer build"), std::string::npos);
}

// Corrupted files (after leveldb's corruption tests): every damage is a clean error.
class GazetteerCorruption : public ::testing::Test {
 protected:
  void SetUp() override { bytes_ = BuildTestGazetteerBytes(); }
  Status OpenBytes(std::string b) { return Gazetteer::FromBytes(std::move(b), "damaged").status(); }
  std::string bytes_;
};

TEST_F(GazetteerCorruption, EmptyAndTruncated) {
  EXPECT_EQ(OpenBytes("").code(), StatusCode::kCorruption);
  EXPECT_EQ(OpenBytes(bytes_.substr(0, 20)).code(), StatusCode::kCorruption);
  for (size_t cut : {size_t(40), bytes_.size() / 2, bytes_.size() - 1})
    EXPECT_EQ(OpenBytes(bytes_.substr(0, cut)).code(), StatusCode::kCorruption) << cut;
}

TEST_F(GazetteerCorruption, BadMagic) {
  std::string b = bytes_;
  b[0] = 'X';
  Status s = OpenBytes(b);
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_NE(s.message().find("magic"), std::string::npos);
}

TEST_F(GazetteerCorruption, NewerMajorVersionIsRefusedClearly) {
  std::string b = bytes_;
  b[8] = 2;
  Status s = OpenBytes(b);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("version 2"), std::string::npos);
}

TEST_F(GazetteerCorruption, FlippedBytesAnywhereAreDetected) {
  // A flipped byte anywhere in the header, the table or a section must be detected; only
  // the minor version and the zero padding between sections may change unnoticed.
  const auto* d = reinterpret_cast<const uint8_t*>(bytes_.data());
  uint32_t n = format::Get32(d + 12);
  auto covered = [&](size_t at) {
    if (at < format::kHeaderSize + n * format::kSectionEntrySize) return at != 10 && at != 11;
    for (uint32_t i = 0; i < n; ++i) {
      const uint8_t* e = d + format::kHeaderSize + i * format::kSectionEntrySize;
      if (at >= format::Get64(e + 8) && at < format::Get64(e + 8) + format::Get64(e + 16)) return true;
    }
    return false;
  };
  int detected = 0;
  for (size_t at = 0; at < bytes_.size(); at += (at < 256 ? 1 : 331)) {
    std::string b = bytes_;
    b[at] = char(b[at] ^ 0x5a);
    auto g = Gazetteer::FromBytes(b, "damaged");
    if (covered(at)) {
      ASSERT_FALSE(g.ok()) << "flip at " << at << " not detected";
      EXPECT_TRUE(g.status().code() == StatusCode::kCorruption || g.status().code() == StatusCode::kUnsupported);
      ++detected;
    }
  }
  EXPECT_GT(detected, 100);
}

TEST_F(GazetteerCorruption, UnknownSectionsAreSkipped) {
  // Rename the META section to an unknown id and fix the table checksum: still opens.
  std::string b = bytes_;
  uint32_t n = format::Get32(reinterpret_cast<const uint8_t*>(b.data()) + 12);
  for (uint32_t i = 0; i < n; ++i) {
    size_t e = format::kHeaderSize + i * format::kSectionEntrySize;
    if (format::Get32(reinterpret_cast<const uint8_t*>(b.data()) + e) == format::kMeta)
      format::Set32(&b, e, format::SectionId("ZZZZ"));
  }
  format::Set64(&b, 24, core::Hash64(std::string_view(b).substr(format::kHeaderSize, n * format::kSectionEntrySize)));
  auto g = Gazetteer::FromBytes(b, "future");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ((*g)->Meta("places"), "");
  EXPECT_EQ(Find(**g, "Alep").size(), 1u);
}

TEST_F(GazetteerCorruption, UnreadableTransliterationRulesAreCorruption) {
  // Damage the XLIT text (and fix both checksums): the reader refuses it by name.
  std::string b = bytes_;
  const auto* d = reinterpret_cast<const uint8_t*>(b.data());
  uint32_t n = format::Get32(d + 12);
  bool found = false;
  for (uint32_t i = 0; i < n; ++i) {
    size_t e = format::kHeaderSize + i * format::kSectionEntrySize;
    if (format::Get32(d + e) != format::kXlit) continue;
    size_t off = format::Get64(d + e + 8), len = format::Get64(d + e + 16);
    size_t at = b.find("\nvowel\t", off);
    ASSERT_LT(at, off + len);
    b[at + 1] = 'V';  // unknown kind "Vowel"
    format::Set64(&b, e + 24, core::Hash64(std::string_view(b).substr(off, len)));
    found = true;
  }
  ASSERT_TRUE(found);
  format::Set64(&b, 24, core::Hash64(std::string_view(b).substr(format::kHeaderSize, n * format::kSectionEntrySize)));
  Status s = OpenBytes(b);
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_NE(s.message().find("XLIT"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace vigie::geo
