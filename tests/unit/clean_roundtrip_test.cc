// Property test: on random inputs, every clean token maps back to raw bytes that clean to
// the same token, copied pieces are byte-identical, and the map is monotone.
#include <gtest/gtest.h>

#include <random>

#include "clean/clean.h"
#include "core/langpack.h"
#include "core/text.h"
#include "core/utf8.h"

namespace vigie::clean {
namespace {

std::string RandomText(std::mt19937& rng) {
  static const std::vector<std::string> atoms = {
      "a", "b", "Alep", "Est", "é", "e\xCC\x81", "\xC3\xA7", " ", "  ", "\t", "\n", "\n\n", "\r\n",
      "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x8B", "\x01", "\x7F", "#", "#Syrie", "#Alep-Est", "-", ".",
      "?", "1 200", "Publicité\n", "\nAdvertisement\n", "\nLire aussi : x\n", "\xD8\xAD\xD9\x84\xD8\xA8",
      "\xF0\x9F\x98\x80", "\xC2\xAD", "\xEF\xBF\xBD", "'", "\xE2\x80\x99", "\xCC\x81"};
  std::uniform_int_distribution<size_t> pick(0, atoms.size() - 1), len(0, 60);
  std::string s;
  size_t n = len(rng);
  for (size_t i = 0; i < n; ++i) s += atoms[pick(rng)];
  return s;
}

// Oracle: what a raw span must become, independently of the cleaner's context rules:
// control, zero-width and bidi characters and blanks removed, NFC, then '#' removed
// (the cleaner drops it from hashtags only).
std::string Reference(std::string_view raw) {
  std::string kept;
  size_t i = 0;
  while (i < raw.size()) {
    size_t start = i;
    char32_t c = core::NextCodePoint(raw, &i);
    bool drop = c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0xAD || c == 0x200B ||
                c == 0x2060 || c == 0xFEFF || c == 0x200E || c == 0x200F || c == ' ' || c == 0xA0 ||
                c == 0x202F || (c >= 0x2000 && c <= 0x200A);
    if (!drop) kept.append(raw.substr(start, i - start));
  }
  std::string out;
  for (char c : core::ToNfc(kept))
    if (c != '#') out += c;
  return out;
}

std::string Squash(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '#') out += c;
  return out;
}

std::string Hex(std::string_view s) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out += d[c >> 4];
    out += d[c & 15];
  }
  return out;
}

TEST(CleanRoundTrip, RandomInputs) {
  auto packs = core::PackSet::Load(core::DefaultPackRoot());
  ASSERT_TRUE(packs.ok());
  Cleaner cleaner = std::move(Cleaner::Create(**packs)).value();
  std::mt19937 rng(12345);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string raw = RandomText(rng);
    CleanText c = cleaner.Clean(raw);
    const std::string& t = c.text;
    ASSERT_TRUE(core::IsValidUtf8(t)) << raw;
    ASSERT_EQ(core::ToNfc(t), t) << Hex(raw);
    ASSERT_EQ(c.map.clean_size(), t.size());
    for (const auto& p : c.map.pieces()) {
      ASSERT_LE(p.raw + p.raw_len, raw.size());
      if (p.copy) {
        ASSERT_EQ(raw.substr(p.raw, p.raw_len), t.substr(p.clean, p.clean_len)) << raw;
      }
    }
    uint32_t prev = 0;
    for (uint32_t i = 0; i <= t.size(); ++i) {
      uint32_t r = c.map.ToRaw(i);
      ASSERT_GE(r, prev);
      ASSERT_LE(r, raw.size());
      prev = r;
    }
    // Each clean word (between blanks) comes back from its raw span.
    size_t i = 0;
    while (i < t.size()) {
      while (i < t.size() && (t[i] == ' ' || t[i] == '\n')) ++i;
      size_t j = i;
      while (j < t.size() && t[j] != ' ' && t[j] != '\n') ++j;
      if (j > i) {
        uint32_t ra = c.map.ToRaw(uint32_t(i)), rb = c.map.ToRawEnd(uint32_t(j));
        ASSERT_LE(ra, rb);
        ASSERT_EQ(Reference(raw.substr(ra, rb - ra)), Squash(t.substr(i, j - i))) << "raw: " << raw;
      }
      i = j;
    }
  }
}

}  // namespace
}  // namespace vigie::clean
