#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
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
// letters), computed once with the ICU path. Context-free for these code points. None
// folds to more than 4 bytes in ICU 72 (U+0587); one that would fold to more than 7 is
// marked, and a string holding it goes the ICU way as a whole.
struct SmallFoldTable {
  struct Entry {
    char bytes[7];
    uint8_t len;  // kLong: over 7 bytes
  };
  static constexpr uint8_t kLong = 0xFF;
  std::vector<Entry> folded;
  SmallFoldTable() : folded(0x800) {
    for (UChar32 c = 0; c < 0x800; ++c) {
      std::string one;
      icu::UnicodeString(c).toUTF8String(one);
      std::string f = FoldSlow(one);
      Entry& e = folded[size_t(c)];
      e.len = f.size() <= sizeof e.bytes ? static_cast<uint8_t>(f.size()) : kLong;
      if (e.len != kLong) std::copy(f.begin(), f.end(), e.bytes);
    }
  }
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
    if (c >= 0 && c < 0x800 && table.folded[size_t(c)].len != SmallFoldTable::kLong) {
      const SmallFoldTable::Entry& e = table.folded[size_t(c)];
      w = std::copy(e.bytes, e.bytes + e.len, w);
    } else if (c == 0x2019 || c == 0x2018) {
      *w++ = '\'';
    } else if (c >= 0x2010 && c <= 0x2014) {
      *w++ = '-';
    } else if (c == 0x202F) {
      *w++ = ' ';
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
  // ASCII, the common case: lowered in place in a copy, until a non-ASCII byte.
  out->assign(utf8);
  char* o = out->data();
  const size_t n = out->size();
  for (size_t i = 0; i < n; ++i) {
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
