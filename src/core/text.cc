#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>
#include <vector>

namespace vigie::core {

namespace {

const icu::Normalizer2* Nfd() {
  UErrorCode err = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(err);
  return n;
}

const icu::Normalizer2* Nfc() {
  UErrorCode err = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  return n;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

}  // namespace

namespace {

// The ICU path: case fold, NFD, drop non-spacing marks, plain punctuation.
std::string FoldSlow(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  u.foldCase();
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString d = Nfd()->normalize(u, err);
  icu::UnicodeString out;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK) continue;
    switch (c) {
      case 0x2019: case 0x2018: case 0x02BC: case 0x02BB: case 0x0060: case 0x00B4: c = '\''; break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: c = '-'; break;
      case 0x00A0: case 0x202F: c = ' '; break;
      case 0x0131: c = 'i'; break;  // dotless i
      case 0x00DF: out.append(u"ss"); continue;
      case 0x0153: out.append(u"oe"); continue;
      case 0x00E6: out.append(u"ae"); continue;
      default: break;
    }
    out.append(c);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

// Folded form of every code point below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic
// letters) and of U+2000..U+20CF (general punctuation: quotes, dashes, ellipsis; super-
// and subscripts; currency signs), computed with the ICU path the first time a text holds
// the code point (most texts use a few dozen of them). Context-free for these code points
// (the punctuation block's only when its canonical combining class is 0, which all of it
// has in ICU 72). None folds to more than 4 bytes in ICU 72 (U+0587); one that would fold
// to more than 7 is marked, and a string holding it goes the ICU way as a whole.
// Thread-safe: an entry is one atomic word (the folded bytes, their length in the top
// byte), and one computed twice at once is the same word.
class SmallFoldTable {
 public:
  static constexpr uint64_t kLong = 0xFF, kUnset = 0xFE;  // top byte: over 7 bytes; not yet read
  SmallFoldTable() {
    for (auto& e : entries_) e.store(kUnset << 56, std::memory_order_relaxed);
  }
  // Whether the table covers c (else the ICU path folds the whole string); *len bytes of
  // its folded form are the low bytes of *word.
  bool Find(UChar32 c, uint64_t* word, size_t* len) const {
    size_t index;
    if (c >= 0 && c < 0x800) index = size_t(c);
    else if (c >= kPunctFirst && c < kPunctEnd) index = 0x800 + size_t(c - kPunctFirst);
    else return false;
    uint64_t e = entries_[index].load(std::memory_order_relaxed);
    if (e >> 56 == kUnset) {
      e = Read(c);
      entries_[index].store(e, std::memory_order_relaxed);
    }
    if (e >> 56 == kLong) return false;
    *word = e;
    *len = size_t(e >> 56);
    return true;
  }

 private:
  static constexpr UChar32 kPunctFirst = 0x2000, kPunctEnd = 0x20D0;
  static uint64_t Read(UChar32 c) {
    if (c >= kPunctFirst && u_getCombiningClass(c) != 0) return kLong << 56;
    std::string one;
    icu::UnicodeString(c).toUTF8String(one);
    std::string f = FoldSlow(one);
    if (f.size() > 7) return kLong << 56;
    uint64_t e = uint64_t{f.size()} << 56;
    for (size_t k = 0; k < f.size(); ++k) e |= uint64_t{static_cast<unsigned char>(f[k])} << (8 * k);
    return e;
  }
  mutable std::atomic<uint64_t> entries_[0x800 + (kPunctEnd - kPunctFirst)];
};

const SmallFoldTable& Small() {
  static const SmallFoldTable t;
  return t;
}

// Folds utf8[i..] into *out, which holds the folded ASCII utf8[0, i).
void FoldRest(std::string_view utf8, size_t i, std::string* out) {
  const SmallFoldTable& table = Small();
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto end = static_cast<int64_t>(utf8.size());
  // A code point of 2 bytes or more folds to at most 7 bytes: 4 per input byte is room
  // enough. Words fold on the stack.
  char stack[256];
  std::string heap;
  const size_t room = 4 * (utf8.size() - i);
  if (room > sizeof stack) heap.resize(room);
  char* const buf = room > sizeof stack ? heap.data() : stack;
  char* w = buf;
  for (auto k = static_cast<int64_t>(i); k < end;) {
    if (p[k] < 0x80) {
      char c = static_cast<char>(p[k++]);
      *w++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, k, end, c);
    uint64_t folded = 0;
    size_t len = 0;
    if (table.Find(c, &folded, &len)) {
      for (size_t b = 0; b < len; ++b) *w++ = static_cast<char>(folded >> (8 * b));
    } else {
      *out = FoldSlow(utf8);  // other scripts: let ICU see the whole string
      return;
    }
  }
  out->resize(i);
  out->append(buf, static_cast<size_t>(w - buf));
}

}  // namespace

void FoldForMatchInto(std::string_view utf8, std::string* out) {
  static_assert(std::endian::native == std::endian::little, "byte order of the 8-byte blocks");
  // ASCII, the common case: lowered in place in a copy, until a non-ASCII byte. Eight
  // bytes at a time while the string's buffer (capacity and terminator) holds eight from
  // i: the bytes past the end are masked out, written back as they were.
  out->assign(utf8);
  char* o = out->data();
  const size_t n = out->size();
  const size_t room = out->capacity() + 1;
  size_t i = 0;
  for (; i < n && i + 8 <= room; i += 8) {
    uint64_t w;
    std::memcpy(&w, o + i, sizeof w);
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    const uint64_t mask = n - i >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * (n - i))) - 1;  // little-endian
    if (w & mask & kHighs) break;  // non-ASCII: the byte loop finds it
    // High bit of each byte in 'A'..'Z' (no carry between bytes: all are below 0x80).
    const uint64_t upper = ((w + kOnes * (0x80 - 'A')) ^ (w + kOnes * (0x80 - 'Z' - 1))) & kHighs & mask;
    w |= upper >> 2;  // + 0x20
    std::memcpy(o + i, &w, sizeof w);
  }
  for (; i < n; ++i) {
    char c = o[i];
    if (static_cast<unsigned char>(c) >= 0x80) return FoldRest(utf8, i, out);
    if (c >= 'A' && c <= 'Z') o[i] = static_cast<char>(c - 'A' + 'a');
  }
}

std::string FoldForMatch(std::string_view utf8) {
  std::string out;
  FoldForMatchInto(utf8, &out);
  return out;
}

std::string ToNfc(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString n = Nfc()->normalize(u, err);
  std::string out;
  n.toUTF8String(out);
  return out;
}

}  // namespace vigie::core
