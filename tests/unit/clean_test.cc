#include <gtest/gtest.h>

#include "clean/clean.h"
#include "core/langpack.h"

namespace vigie::clean {
namespace {

const Cleaner& TheCleaner() {
  static Cleaner c = [] {
    auto packs = core::PackSet::Load(core::DefaultPackRoot());
    EXPECT_TRUE(packs.ok());
    return std::move(Cleaner::Create(**packs)).value();
  }();
  return c;
}

std::string RawOf(const CleanText& c, std::string_view raw, size_t a, size_t b) {
  uint32_t ra = c.map.ToRaw(uint32_t(a)), rb = c.map.ToRawEnd(uint32_t(b));
  return std::string(raw.substr(ra, rb - ra));
}

TEST(CleanTest, RemovesAdAndShareLines) {
  std::string raw = "Premier paragraphe.\n\nPublicité\nPUBLICITÉ.\n\nSecond paragraphe.\nShare this article\nLire aussi : le siège d'Alep\nFin.";
  CleanText c = TheCleaner().Clean(raw);
  EXPECT_EQ(c.text, "Premier paragraphe.\n\nSecond paragraphe.\n\nFin.");
  ASSERT_EQ(c.removed.size(), 4u);
  EXPECT_EQ(c.removed[0].kind, "ad");
  EXPECT_EQ(c.removed[2].kind, "share");
  EXPECT_EQ(c.removed[3].kind, "related");
  EXPECT_EQ(raw.substr(c.removed[0].raw_start, c.removed[0].raw_end - c.removed[0].raw_start), "Publicité");
}

TEST(CleanTest, DoesNotRemoveSentencesThatMentionAMarker) {
  CleanText c = TheCleaner().Clean("Publicité mensongère : le ministère dément.\nPrint media reported it.");
  EXPECT_TRUE(c.removed.empty());
}

TEST(CleanTest, HashtagsBecomeWordsAndTrailingTagsAreDropped) {
  std::string raw = "La reprise d'#Alep-Est, en #Syrie. #Terrorisme #Syrie";
  CleanText c = TheCleaner().Clean(raw);
  EXPECT_EQ(c.text, "La reprise d'Alep-Est, en Syrie.");
  ASSERT_EQ(c.hashtags.size(), 4u);
  EXPECT_EQ(c.hashtags[0].tag, "Alep-Est");
  EXPECT_FALSE(c.hashtags[0].removed);
  EXPECT_EQ(c.hashtags[2].tag, "Terrorisme");
  EXPECT_TRUE(c.hashtags[2].removed);
  size_t at = c.text.find("Alep-Est");
  EXPECT_EQ(RawOf(c, raw, at, at + 8), "Alep-Est");
}

TEST(CleanTest, NotAHashtag) {
  EXPECT_EQ(TheCleaner().Clean("Room #5 and C# code").text, "Room #5 and C# code");
}

// The fast path reads 8 plain bytes at a time: a double space, a tab, a control byte, a
// '#' and a space ending a block must be seen at every offset within a block.
TEST(CleanTest, BlanksAndControlsAtEveryOffsetOfAPlainRun) {
  for (size_t k = 0; k < 20; ++k) {
    const std::string lead(k, 'a'), mid(k, 'b');
    const std::string raw = lead + "x  y\tz\x01w" + mid + " #tag v" + std::string(k % 9, 'c') + " d";
    CleanText c = TheCleaner().Clean(raw);
    EXPECT_EQ(c.text, lead + "x y zw" + mid + " tag v" + std::string(k % 9, 'c') + " d") << k;
    EXPECT_EQ(c.dropped_chars, 1u) << k;
    size_t at = c.text.find("zw");
    EXPECT_EQ(RawOf(c, raw, at, at + 2), "z\x01w") << k;
  }
}

TEST(CleanTest, FoldsWhitespaceAndDropsControls) {
  std::string raw = "  Les\t\tforces\xC2\xA0\xC2\xA0syriennes\xE2\x80\x8B ont\x01 repris   \r\n\r\n\r\n  la ville.  ";
  CleanText c = TheCleaner().Clean(raw);
  EXPECT_EQ(c.text, "Les forces syriennes ont repris\n\nla ville.");
  EXPECT_EQ(c.dropped_chars, 2u);
  size_t at = c.text.find("ville");
  EXPECT_EQ(RawOf(c, raw, at, at + 5), "ville");
}

TEST(CleanTest, NormalizesToNfcAndMapsBack) {
  std::string raw = "Le re\xCC\x81gime a de\xCC\x81menti.";  // decomposed accents
  CleanText c = TheCleaner().Clean(raw);
  EXPECT_EQ(c.text, "Le régime a démenti.");
  size_t at = c.text.find("régime");
  EXPECT_EQ(RawOf(c, raw, at, at + std::string("régime").size()), "re\xCC\x81gime");
}

TEST(CleanTest, KeepsNumberSpacesAsPlainSpaces) {
  EXPECT_EQ(TheCleaner().Clean("1\xE2\x80\xAF" "200 civils").text, "1 200 civils");
}

TEST(CleanTest, EmptyAndBlankInputs) {
  EXPECT_EQ(TheCleaner().Clean("").text, "");
  EXPECT_EQ(TheCleaner().Clean(" \n\n \t").text, "");
  EXPECT_EQ(TheCleaner().Clean("Publicité").text, "");
}

}  // namespace
}  // namespace vigie::clean
