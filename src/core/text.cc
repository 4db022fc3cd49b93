#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

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
// letters), computed once with the ICU path. Context-free for these code points.
struct SmallFoldTable {
  std::vector<std::string> folded;
  SmallFoldTable() : folded(0x800) {
    for (UChar32 c = 0; c < 0x800; ++c) {
      std::string one;
      icu::UnicodeString(c).toUTF8String(one);
      folded[size_t(c)] = FoldSlow(one);
    }
  }
};

const SmallFoldTable& Small() {
  static const SmallFoldTable t;
  return t;
}

}  // namespace

std::string FoldForMatch(std::string_view utf8) {
  if (IsAscii(utf8)) {
    std::string out(utf8);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  // Fast path: code points below U+0800 and common typographic punctuation.
  const SmallFoldTable& table = Small();
  std::string out;
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const int64_t n = static_cast<int64_t>(utf8.size());
  for (int64_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      char c = static_cast<char>(p[i++]);
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && c < 0x800) {
      out += table.folded[size_t(c)];
    } else if (c == 0x2019 || c == 0x2018) {
      out += '\'';
    } else if (c >= 0x2010 && c <= 0x2014) {
      out += '-';
    } else if (c == 0x202F) {
      out += ' ';
    } else {
      return FoldSlow(utf8);  // other scripts: let ICU see the whole string
    }
  }
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
