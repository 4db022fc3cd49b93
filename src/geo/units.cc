#include "geo/units.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "core/hash.h"
#include "core/text.h"

namespace vigie::geo {

namespace {

bool IsAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string Fold(std::string_view s) {
  if (IsAscii(s)) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
  }
  return core::FoldForMatch(s);
}

bool StartsCaseless(std::string_view s) {
  if (s.empty() || static_cast<unsigned char>(s[0]) < 0x80) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, int32_t(s.size()), c);
  return c >= 0x250 && u_isalpha(c) && !u_islower(c) && !u_isupper(c) && !u_istitle(c);
}

bool StartsCapital(std::string_view s) {
  if (s.empty()) return false;
  if (static_cast<unsigned char>(s[0]) < 0x80) return s[0] >= 'A' && s[0] <= 'Z';
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, int32_t(s.size()), c);
  if (c < 0) return false;
  if (u_isupper(c) || u_istitle(c)) return true;
  return u_isalpha(c) && !u_islower(c) && c >= 0x250;  // caseless scripts (Arabic, CJK...)
}

// Length of a separator (hyphen, apostrophe) at s[i], or 0.
size_t SeparatorAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == '-' || c == '\'') return 1;
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char a = static_cast<unsigned char>(s[i + 1]), b = static_cast<unsigned char>(s[i + 2]);
    if (a == 0x80 && (b == 0x99 || b == 0x98 || b == 0x90 || b == 0x91 || b == 0x93)) return 3;
  }
  return 0;
}

bool IsHyphen(std::string_view s, size_t i, size_t len) {
  if (len == 1) return s[i] == '-';
  unsigned char b = static_cast<unsigned char>(s[i + 2]);
  return b == 0x90 || b == 0x91 || b == 0x93;
}

}  // namespace

uint64_t UnitHash(std::string_view folded) { return core::Hash64(folded); }

std::vector<Unit> BuildUnits(std::string_view text, const segment::Segmentation& seg) {
  std::vector<Unit> units;
  units.reserve(seg.tokens.size() + seg.tokens.size() / 8);
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const auto& sent = seg.sentences[s];
    for (uint32_t t = sent.first_token; t < sent.end_token && t < seg.tokens.size(); ++t) {
      const auto& tk = seg.tokens[t];
      if (tk.end > text.size() || tk.start >= tk.end) continue;
      std::string_view tt = text.substr(tk.start, tk.end - tk.start);
      using K = segment::TokenKind;
      if (tk.kind == K::kElision || tk.kind == K::kClitic || !(tk.kind == K::kWord || tk.kind == K::kAbbrev)) {
        Unit u;
        u.start = tk.start, u.end = tk.end, u.sentence = s;
        u.text = Fold(tt);
        u.hash = UnitHash(u.text);
        if (tk.kind == K::kElision) {
          u.key = u.text;
          while (!u.key.empty() && (u.key.back() == '\'')) u.key.pop_back();
          u.cap = StartsCapital(tt);
        }
        units.push_back(std::move(u));
        continue;
      }
      size_t i = 0, piece = 0;
      bool hyphen = false, glued = false;
      while (i <= tt.size()) {
        size_t sep = i < tt.size() ? SeparatorAt(tt, i) : 1;
        if (sep == 0) {
          ++i;
          continue;
        }
        if (i > piece) {
          Unit u;
          u.start = tk.start + uint32_t(piece), u.end = tk.start + uint32_t(i), u.sentence = s;
          std::string_view p = tt.substr(piece, i - piece);
          u.text = Fold(p);
          u.key = u.text;
          if (u.key.find('.') != std::string::npos)
            u.key.erase(std::remove(u.key.begin(), u.key.end(), '.'), u.key.end());
          // A piece that folds to nothing (a lone combining mark) is no unit; the scan
          // still moves past it below.
          if (!u.key.empty()) {
            u.cap = StartsCapital(p);
            u.caseless = StartsCaseless(p);
            u.hyphen_before = hyphen;
            u.glued_before = glued;
            u.hash = UnitHash(u.text);
            units.push_back(std::move(u));
          }
        }
        hyphen = i < tt.size() && IsHyphen(tt, i, sep);
        glued = i < tt.size() && !hyphen;
        i += sep;
        piece = i;
      }
    }
  }
  return units;
}

std::vector<std::string> PatternUnits(std::string_view phrase) {
  std::vector<std::string> out;
  std::string folded = core::FoldForMatch(phrase);
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    std::string w = folded.substr(i, j - i);
    i = j + 1;
    if (w.empty()) continue;
    if (w.front() == '\'' || w.back() == '\'') {  // clitic ('s) or elision (l')
      out.push_back(w);
      continue;
    }
    size_t a = 0;
    while (a <= w.size()) {
      size_t b = w.find_first_of("-'.", a);
      if (b == std::string::npos) b = w.size();
      if (b > a) out.push_back(w.substr(a, b - a));
      a = b + 1;
    }
  }
  return out;
}

}  // namespace vigie::geo
