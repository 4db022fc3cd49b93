#include <gtest/gtest.h>

#include "core/hash.h"
#include "core/langpack.h"
#include "core/text.h"
#include "core/utf8.h"
#include "vigie/status.h"

namespace vigie::core {
namespace {

TEST(StatusTest, CarriesCodeAndMessage) {
  Status s = Status::NotFound("no such file: a.txt");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "NotFound: no such file: a.txt");
  StatusOr<int> v(42);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 42);
  StatusOr<int> e(Status::Corruption("bad"));
  EXPECT_FALSE(e.ok());
}

TEST(Utf8Test, RepairsInvalidSequences) {
  std::string out;
  EXPECT_EQ(RepairUtf8("abc", &out), 0u);
  EXPECT_EQ(out, "abc");
  EXPECT_EQ(RepairUtf8("a\xFF" "b\xC3", &out), 2u);
  EXPECT_EQ(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_TRUE(IsValidUtf8(out));
  EXPECT_FALSE(IsValidUtf8("\xC0\x80"));  // overlong NUL
  EXPECT_EQ(RepairUtf8("Alep \xC3\xA9t\xC3\xA9", &out), 0u);
}

TEST(Utf8Test, DetectsBinary) {
  EXPECT_TRUE(LooksBinary(std::string("PK\x03\x04\0\0", 6)));
  EXPECT_FALSE(LooksBinary("Plain text.\nWith lines.\n"));
}

TEST(TextTest, FoldsCaseAccentsAndApostrophes) {
  EXPECT_EQ(FoldForMatch("Alep-Est"), "alep-est");
  EXPECT_EQ(FoldForMatch("État islamique"), "etat islamique");
  EXPECT_EQ(FoldForMatch("l’armée"), "l'armee");
  EXPECT_EQ(FoldForMatch("Ḥalab"), "halab");
  EXPECT_EQ(FoldForMatch("Œuvre"), "oeuvre");
  EXPECT_EQ(FoldForMatch("حلب"), "حلب");
}

TEST(TextTest, Nfc) { EXPECT_EQ(ToNfc("e\xCC\x81"), "\xC3\xA9"); }

TEST(HashTest, StableAcrossRuns) {
  EXPECT_EQ(HashHex("hello"), HashHex("hello"));
  EXPECT_NE(HashHex("hello"), HashHex("hellp"));
  EXPECT_EQ(HashHex("").size(), 16u);
}

TEST(TsvTest, ParsesHeaderCommentsAndPadding) {
  auto t = ParseTsv("# comment\nform\tkind\n\nl'\telision\nd'\n", "x.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->columns.size(), 2u);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1][1], "");
  EXPECT_EQ(t->lines[1], 5u);
  EXPECT_EQ(t->Values("form")[0], "l'");
}

TEST(TsvTest, RejectsTooManyFieldsWithLine) {
  auto t = ParseTsv("a\n1\t2\n", "bad.tsv");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("bad.tsv:2"), std::string::npos);
}

TEST(TsvTest, RejectsInvalidUtf8) { EXPECT_FALSE(ParseTsv("a\n\xFF\n", "x.tsv").ok()); }

TEST(PackTest, LoadsBundledPacks) {
  auto packs = PackSet::Load(DefaultPackRoot());
  ASSERT_TRUE(packs.ok()) << packs.status().ToString();
  ASSERT_NE((*packs)->Get("fr"), nullptr);
  ASSERT_NE((*packs)->Get("en"), nullptr);
  EXPECT_NE((*packs)->Get("fr")->Table("boilerplate"), nullptr);
  EXPECT_EQ((*packs)->Get("de"), nullptr);
}

TEST(PackTest, MissingFolderIsAClearError) {
  auto packs = PackSet::Load("/nonexistent/packs");
  ASSERT_FALSE(packs.ok());
  EXPECT_NE(packs.status().message().find("/nonexistent/packs"), std::string::npos);
}

}  // namespace
}  // namespace vigie::core
