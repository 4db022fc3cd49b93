#include "geo/units.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

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

// Non-ASCII first letters, out of line: the callers below test ASCII inline.
[[gnu::noinline]] bool StartsCaselessSlow(std::string_view s) {
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, int32_t(s.size()), c);
  return c >= 0x250 && u_isalpha(c) && !u_islower(c) && !u_isupper(c) && !u_istitle(c);
}

[[gnu::noinline]] bool StartsCapitalSlow(std::string_view s) {
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, int32_t(s.size()), c);
  if (c < 0) return false;
  if (u_isupper(c) || u_istitle(c)) return true;
  return u_isalpha(c) && !u_islower(c) && c >= 0x250;  // caseless scripts (Arabic, CJK...)
}

inline bool StartsCaseless(std::string_view s) {
  if (s.empty() || static_cast<unsigned char>(s[0]) < 0x80) return false;
  return StartsCaselessSlow(s);
}

inline bool StartsCapital(std::string_view s) {
  if (s.empty()) return false;
  if (static_cast<unsigned char>(s[0]) < 0x80) return s[0] >= 'A' && s[0] <= 'Z';
  return StartsCapitalSlow(s);
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

// core::Hash64 (unit and key hashes must agree with the gazetteer's; it is inlined).
uint64_t UnitHash(std::string_view folded) { return core::Hash64(folded); }

namespace {

// Cuts the folded token `folded` at its hyphens and apostrophes into exactly `n` pieces, if
// it has exactly n - 1 of them: then each piece is the fold of the raw piece at the same
// place (folding maps each raw separator to one '-' or '\'', and works code point by code
// point). Otherwise (a character that folds to a dash, e.g. an em dash) returns false.
bool SplitFolded(std::string_view folded, size_t n, std::vector<std::string_view>* pieces) {
  pieces->clear();
  size_t from = 0;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] != '-' && folded[i] != '\'') continue;
    if (pieces->size() + 1 >= n) return false;
    pieces->push_back(folded.substr(from, i - from));
    from = i + 1;
  }
  pieces->push_back(folded.substr(from));
  return pieces->size() == n;
}

// Whether `s` holds a hyphen or an apostrophe, and a dot (every token of the document passes
// here): eight bytes at a time (a word scan of the kind strlen uses, exact for "any byte");
// a word of 4 to 7 bytes as two overlapping 4-byte loads; shorter ones byte by byte.
constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
inline uint64_t HasByte(uint64_t w, unsigned char b) {
  uint64_t v = w ^ (kOnes * b);
  return (v - kOnes) & ~v & kHighs;
}
constexpr uint8_t kSep = 1, kDot = 2;
constexpr auto kByteClass = [] {
  std::array<uint8_t, 256> t{};
  t['-'] = kSep;
  t['\''] = kSep;
  t['.'] = kDot;
  return t;
}();
void ScanSeparators(std::string_view s, bool* sep, bool* dot) {
  const char* p = s.data();
  const size_t n = s.size();
  if (n < 4) {
    uint8_t seen = 0;
    for (size_t i = 0; i < n; ++i) seen |= kByteClass[static_cast<unsigned char>(p[i])];
    *sep = (seen & kSep) != 0;
    *dot = (seen & kDot) != 0;
    return;
  }
  uint64_t seps = 0, dots = 0;
  auto scan = [&](uint64_t w) {
    seps |= HasByte(w, '-') | HasByte(w, '\'');
    dots |= HasByte(w, '.');
  };
  if (n < 8) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    scan(uint64_t(hi) << 32 | lo);
  } else {
    uint64_t w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::memcpy(&w, p + i, 8);
      scan(w);
    }
    if (i < n) {
      std::memcpy(&w, p + n - 8, 8);
      scan(w);
    }
  }
  *sep = seps != 0;
  *dot = dots != 0;
}

}  // namespace

void BuildUnits(std::string_view text, const segment::Segmentation& seg, Units* out) {
  std::vector<Unit>& units = out->list;
  units.clear();
  out->store.clear();
  units.reserve(seg.tokens.size() + seg.tokens.size() / 8);
  const bool have_folded = seg.folded.size() == seg.tokens.size();
  // The segmenter's core::Hash64 of each folded token is the unit hash of a whole token.
  const bool have_hashes = have_folded && seg.hashes.size() == seg.tokens.size();
  std::vector<size_t> cuts;  // raw separator positions and lengths, per token
  std::vector<std::string_view> pieces;
  auto set_key = [&](Unit* u, std::string_view key) {
    u->key = key;
    u->key_hash = key.size() == u->text.size() ? u->hash : UnitHash(key);
  };
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const auto& sent = seg.sentences[s];
    const uint32_t end_token = uint32_t(std::min<size_t>(sent.end_token, seg.tokens.size()));
    for (uint32_t t = sent.first_token; t < end_token; ++t) {
      const auto& tk = seg.tokens[t];
      if (tk.end > text.size() || tk.start >= tk.end) continue;
      std::string_view tt = text.substr(tk.start, tk.end - tk.start);
      std::string_view folded;
      if (have_folded) folded = seg.folded[t];
      else folded = out->store.emplace_back(Fold(tt));
      const uint64_t folded_hash = have_hashes ? seg.hashes[t] : UnitHash(folded);
      using K = segment::TokenKind;
      if (tk.kind == K::kElision || tk.kind == K::kClitic || !(tk.kind == K::kWord || tk.kind == K::kAbbrev)) {
        Unit& u = units.emplace_back();  // built in place
        u.start = tk.start, u.end = tk.end, u.sentence = s;
        u.text = folded;
        u.hash = folded_hash;
        if (tk.kind == K::kElision) {
          std::string_view key = u.text;
          while (!key.empty() && key.back() == '\'') key.remove_suffix(1);
          set_key(&u, key);
          u.cap = StartsCapital(tt);
        }
        continue;
      }
      // Most tokens have no hyphen or apostrophe: one unit, the whole folded token (each raw
      // separator folds to one of these two characters).
      bool any_sep = false, any_dot = false;
      ScanSeparators(folded, &any_sep, &any_dot);
      if (!any_sep) {
        Unit& u = units.emplace_back();
        u.start = tk.start, u.end = tk.end, u.sentence = s;
        u.text = folded;
        u.hash = folded_hash;
        if (!any_dot) {
          set_key(&u, u.text);
        } else {
          std::string& k = out->store.emplace_back(u.text);
          k.erase(std::remove(k.begin(), k.end(), '.'), k.end());
          set_key(&u, k);
        }
        if (u.key.empty()) {
          units.pop_back();
        } else {
          u.cap = StartsCapital(tt);
          u.caseless = StartsCaseless(tt);
        }
        continue;
      }
      // Raw separators: (position, length).
      cuts.clear();
      for (size_t i = 0; i < tt.size();) {
        size_t sep = SeparatorAt(tt, i);
        if (sep == 0) {
          ++i;
          continue;
        }
        cuts.push_back(i);
        cuts.push_back(sep);
        i += sep;
      }
      bool aligned = SplitFolded(folded, cuts.size() / 2 + 1, &pieces);
      size_t piece = 0;
      bool hyphen = false, glued = false;
      for (size_t c = 0; c <= cuts.size() / 2; ++c) {
        size_t i = c < cuts.size() / 2 ? cuts[2 * c] : tt.size();
        size_t sep = c < cuts.size() / 2 ? cuts[2 * c + 1] : 1;
        if (i > piece) {
          Unit u;
          u.start = tk.start + uint32_t(piece), u.end = tk.start + uint32_t(i), u.sentence = s;
          std::string_view p = tt.substr(piece, i - piece);
          u.text = aligned ? pieces[c] : std::string_view(out->store.emplace_back(Fold(p)));
          u.hash = UnitHash(u.text);
          if (u.text.find('.') == std::string_view::npos) {
            set_key(&u, u.text);
          } else {
            std::string& k = out->store.emplace_back(u.text);
            k.erase(std::remove(k.begin(), k.end(), '.'), k.end());
            set_key(&u, k);
          }
          // A piece that folds to nothing (a lone combining mark) is no unit; the scan
          // still moves past it below.
          if (!u.key.empty()) {
            u.cap = StartsCapital(p);
            u.caseless = StartsCaseless(p);
            u.hyphen_before = hyphen;
            u.glued_before = glued;
            units.push_back(u);
          }
        }
        hyphen = i < tt.size() && IsHyphen(tt, i, sep);
        glued = i < tt.size() && !hyphen;
        piece = i + sep;
      }
    }
  }
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
