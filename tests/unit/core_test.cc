#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <random>
#include <vector>

#include "core/civil_date.h"
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
  // Whatever the position of a bad or a multi-byte sequence among ASCII bytes (the ASCII
  // fast path reads eight at a time).
  for (size_t at = 0; at < 20; ++at) {
    std::string ascii(24, 'a');
    EXPECT_FALSE(IsValidUtf8(ascii.substr(0, at) + "\xFF" + ascii.substr(at))) << at;
    EXPECT_FALSE(IsValidUtf8(ascii.substr(0, at) + "\xC3" + ascii.substr(at))) << at;  // cut short
    EXPECT_TRUE(IsValidUtf8(ascii.substr(0, at) + "\xC3\xA9" + ascii.substr(at))) << at;
    EXPECT_TRUE(IsValidUtf8(ascii.substr(0, at) + "\xE2\x80\x99" + ascii.substr(at))) << at;
  }
  EXPECT_EQ(RepairUtf8("Alep \xC3\xA9t\xC3\xA9", &out), 0u);
}

// IsValidUtf8 agrees with ICU's U8_NEXT, read code point by code point: every lead byte
// with every first continuation byte (and a valid or invalid rest), and random bytes.
TEST(Utf8Test, ValidatesAsIcuDoes) {
  auto icu = [](std::string_view in) {
    const auto* s = reinterpret_cast<const uint8_t*>(in.data());
    const int64_t n = static_cast<int64_t>(in.size());
    for (int64_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0) return false;
    }
    return true;
  };
  for (int lead = 0; lead < 256; ++lead)
    for (int second = 0; second < 256; ++second)
      for (const char* rest : {"", "\x80", "\xBF\x80", "a", "\x80\x61", "\xC0"}) {
        std::string t =
            std::string("ab") + static_cast<char>(lead) + static_cast<char>(second) + rest;
        ASSERT_EQ(IsValidUtf8(t), icu(t)) << lead << " " << second << " " << rest;
        t = std::string(40, 'x') + t + std::string(40, 'y');  // past the first vector
        ASSERT_EQ(IsValidUtf8(t), icu(t)) << lead << " " << second << " " << rest;
      }
  std::mt19937 rng(7);
  for (int k = 0; k < 20000; ++k) {
    std::string t(rng() % 80, 'a');
    for (char& c : t)
      if (rng() % 4 == 0) c = static_cast<char>(0x80 + rng() % 0x78);
    ASSERT_EQ(IsValidUtf8(t), icu(t)) << k;
  }
}

TEST(Utf8Test, DetectsBinary) {
  EXPECT_TRUE(LooksBinary(std::string("PK\x03\x04\0\0", 6)));
  EXPECT_FALSE(LooksBinary("Plain text.\nWith lines.\n"));
  // Over 10% control bytes other than line breaks, tabs and form feeds.
  EXPECT_TRUE(LooksBinary("\x01\x02\x03 abcdefghijklmnopqr"));
  EXPECT_FALSE(LooksBinary("\x01\x02 abcdefghijklmnopqrs"));
  EXPECT_FALSE(LooksBinary("\t\t\r\n\f\n\n\t\t\r\n\f ab"));
  // A NUL byte past the first 8 KiB is not looked at.
  EXPECT_FALSE(LooksBinary(std::string(8192, 'a') + std::string(1, '\0')));
}

// The word-at-a-time count agrees with a byte-by-byte one: every byte value 1..255 at every
// position of texts of 0..24 bytes, among letters and among bytes >= 0x80, at the 10% edge.
TEST(Utf8Test, DetectsBinaryByteByByte) {
  auto slow = [](std::string_view s) {
    size_t control = 0;
    for (unsigned char c : s)
      control += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
    return !s.empty() && (s.find('\0') != std::string_view::npos || control * 10 > s.size());
  };
  for (char fill : {'a', '\xE9'})
    for (size_t n = 0; n <= 24; ++n)
      for (size_t pos = 0; pos < n; ++pos)
        for (int b = 1; b < 256; ++b) {
          std::string s(n, fill);
          s[pos] = static_cast<char>(b);
          if (n > 1) s[(pos + 5) % n] = '\x1F';  // a second control byte: 2 in 10..20 bytes
          ASSERT_EQ(LooksBinary(s), slow(s)) << "n=" << n << " pos=" << pos << " byte=" << b;
        }
}

TEST(TextTest, FoldsCaseAccentsAndApostrophes) {
  EXPECT_EQ(FoldForMatch("Alep-Est"), "alep-est");
  EXPECT_EQ(FoldForMatch("État islamique"), "etat islamique");
  EXPECT_EQ(FoldForMatch("l’armée"), "l'armee");
  EXPECT_EQ(FoldForMatch("Ḥalab"), "halab");
  EXPECT_EQ(FoldForMatch("Œuvre"), "oeuvre");
  EXPECT_EQ(FoldForMatch("حلب"), "حلب");
}

// Oracle: below U+0800 and for the typographic marks, folding is per code point, so the
// fold of a string is the folds of its code points put together, whatever the mix of
// ASCII and other letters and wherever the first non-ASCII one falls.
TEST(TextTest, FoldIsPerCodePointForSmallCodePoints) {
  std::vector<char32_t> pool;
  for (char32_t c = 0x20; c < 0x7F; ++c) pool.push_back(c);
  for (char32_t c = 0xA0; c < 0x800; c += 3) pool.push_back(c);
  for (char32_t c : {0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2018, 0x2019, 0x202F})
    pool.push_back(c);
  // The rest of the punctuation block the fold table covers: quotes, ellipsis, currency.
  for (char32_t c : {0x2000, 0x2009, 0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x2030, 0x2039, 0x203A,
                     0x2070, 0x2080, 0x20AC, 0x20BD})
    pool.push_back(c);
  auto utf8 = [](char32_t c) {
    std::string s;
    if (c < 0x80) {
      s += char(c);
    } else if (c < 0x800) {
      s += char(0xC0 | (c >> 6));
      s += char(0x80 | (c & 0x3F));
    } else {
      s += char(0xE0 | (c >> 12));
      s += char(0x80 | ((c >> 6) & 0x3F));
      s += char(0x80 | (c & 0x3F));
    }
    return s;
  };
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text, expected;
    int len = 1 + int(rng() % 24);
    for (int k = 0; k < len; ++k) {
      // Mostly ASCII, as in news text, so runs of each kind are tried.
      char32_t c = rng() % 4 != 0 ? pool[rng() % 95] : pool[rng() % pool.size()];
      text += utf8(c);
      expected += FoldForMatch(utf8(c));
    }
    ASSERT_EQ(FoldForMatch(text), expected) << text;
  }
}

TEST(TextTest, Nfc) { EXPECT_EQ(ToNfc("e\xCC\x81"), "\xC3\xA9"); }

TEST(HashTest, StableAcrossRuns) {
  EXPECT_EQ(HashHex("hello"), HashHex("hello"));
  EXPECT_NE(HashHex("hello"), HashHex("hellp"));
  EXPECT_EQ(HashHex("").size(), 16u);
}

// HashHex is "%016llx" of Hash64: zero-padded lower-case hex, also for hashes with leading
// zero digits (found by trying numbered strings).
TEST(HashTest, HexIsZeroPaddedLowerCase) {
  int small = 0;
  for (int k = 0; k < 200000 && small < 20; ++k) {
    const std::string s = "doc-" + std::to_string(k);
    const uint64_t h = Hash64(s);
    if (k >= 20 && h >= (uint64_t{1} << 56)) continue;  // the first 20, then the small ones
    small += h < (uint64_t{1} << 56);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    ASSERT_EQ(HashHex(s), std::string(buf, 16)) << s;
  }
  EXPECT_EQ(small, 20);
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

// DayRange reads ISO dates by hand: exactly YYYY, YYYY-MM or YYYY-MM-DD, digits only, real
// days; day numbers agree with DaysFromCivil.
TEST(DayRangeTest, ExactFormsOnly) {
  long a = 0, b = 0;
  ASSERT_TRUE(DayRange("2016-02-29", &a, &b));
  EXPECT_EQ(a, DaysFromCivil(2016, 2, 29));
  EXPECT_EQ(a, b);
  ASSERT_TRUE(DayRange("2023-04", &a, &b));
  EXPECT_EQ(a, DaysFromCivil(2023, 4, 1));
  EXPECT_EQ(b, DaysFromCivil(2023, 4, 30));
  ASSERT_TRUE(DayRange("1999", &a, &b));
  EXPECT_EQ(b - a, 364);
  for (const char* bad : {"2015-02-29", "2016-1-05", "2016-01-5", "20a6", "2016/12/07", " 2016",
                          "2016-00", "2016-13", "2016-12-00", "2016-12-32", "2016-12-07T", ""})
    EXPECT_FALSE(DayRange(bad, &a, &b)) << bad;
}

}  // namespace
}  // namespace vigie::core
