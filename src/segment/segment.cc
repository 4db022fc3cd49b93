#include "segment/segment.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "core/hash.h"
#include "core/text.h"
#include "core/utf8.h"

namespace vigie::segment {

const char* TokenKindName(TokenKind k) {
  switch (k) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPercent: return "percent";
    case TokenKind::kDate: return "date";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kElision: return "elision";
    case TokenKind::kClitic: return "clitic";
    case TokenKind::kAbbrev: return "abbrev";
    case TokenKind::kUrl: return "url";
  }
  return "?";
}

namespace {

// The code point at s[i] (-1 at the end, U+FFFD for a bad sequence); *next is the offset
// after it. ASCII inline, the rest out of line.
UChar32 AtMultiByte(std::string_view s, size_t i, size_t* next) {
  *next = i;
  return static_cast<UChar32>(core::NextCodePoint(s, next));
}

[[gnu::always_inline]] inline UChar32 At(std::string_view s, size_t i, size_t* next) {
  if (i >= s.size()) {
    *next = i;
    return -1;
  }
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *next = i + 1;
    return c;
  }
  return AtMultiByte(s, i, next);
}

bool IsDigit(UChar32 c) { return c >= '0' && c <= '9'; }
// ASCII letters and digits, by byte: the word loop tests one table entry per byte.
constexpr auto kAsciiAlnum = [] {
  std::array<bool, 256> t{};
  for (int b = 0; b < 256; ++b) t[size_t(b)] = (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
  return t;
}();
bool IsAsciiAlnum(unsigned char b) { return kAsciiAlnum[b]; }
bool IsLetter(UChar32 c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return c > 0 && (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK ||
                   u_charType(c) == U_COMBINING_SPACING_MARK);
}
bool IsAlnum(UChar32 c) {
  if (c < 0x80) return IsDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return IsLetter(c) || u_isdigit(c);
}
bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool IsUpper(UChar32 c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(c);
}
bool IsDigitAt(std::string_view s, size_t i) { return i < s.size() && IsDigit(static_cast<unsigned char>(s[i])); }

// Whether each ASCII code point is Unicode punctuation (P*), read from ICU once at load:
// a token of one ASCII symbol is classed without a call into ICU.
struct AsciiPunct {
  bool punct[128];
  AsciiPunct() {
    for (UChar32 c = 0; c < 128; ++c) {
      int8_t type = u_charType(c);
      punct[c] = (type >= U_DASH_PUNCTUATION && type <= U_OTHER_PUNCTUATION) ||
                 type == U_INITIAL_PUNCTUATION || type == U_FINAL_PUNCTUATION;
    }
  }
};
const AsciiPunct kAsciiPunct;

bool IsPunctuation(UChar32 c) {
  if (c >= 0 && c < 128) return kAsciiPunct.punct[c];
  int8_t type = c >= 0 ? u_charType(c) : 0;
  return (type >= U_DASH_PUNCTUATION && type <= U_OTHER_PUNCTUATION) ||
         type == U_INITIAL_PUNCTUATION || type == U_FINAL_PUNCTUATION;
}

bool IsSentenceEnd(std::string_view tok) {
  if (tok.size() == 1) return tok[0] == '.' || tok[0] == '!' || tok[0] == '?';
  return tok == "." || tok == "!" || tok == "?" || tok == "…" || tok == "..." ||
         (tok.size() > 1 && (tok.find_first_not_of("!?.") == std::string_view::npos));
}
bool IsCloser(std::string_view tok) {
  return tok == "»" || tok == "\"" || tok == "”" || tok == "’" || tok == "'" || tok == ")" || tok == "]";
}
bool IsOpener(std::string_view tok) {
  return tok == "«" || tok == "\"" || tok == "“" || tok == "(" || tok == "[" || tok == "-" ||
         tok == "—" || tok == "–" || tok == "‘" || tok == "'";
}

// The fold of a short ASCII token, the common case, made here: w lowered into out[0, 16)
// when w is ASCII of 1 to 16 bytes (false otherwise; core::FoldForMatch is the same on
// ASCII). The bytes are read as two overlapping words of 8 or 4 (or one by one below 4),
// never outside w.
bool LowerShortAscii(std::string_view w, char* out) {
  const size_t n = w.size();
  if (n == 0 || n > 16) return false;
  auto lower8 = [](uint64_t x) {
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    const uint64_t upper = ((x + kOnes * (0x80 - 'A')) ^ (x + kOnes * (0x80 - 'Z' - 1))) & kHighs;
    return x | upper >> 2;
  };
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  if (n >= 8) {
    uint64_t a, b;
    std::memcpy(&a, w.data(), 8);
    std::memcpy(&b, w.data() + n - 8, 8);
    if ((a | b) & kHighs) return false;
    a = lower8(a);
    b = lower8(b);
    std::memcpy(out, &a, 8);
    std::memcpy(out + n - 8, &b, 8);
    return true;
  }
  if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, w.data(), 4);
    std::memcpy(&b, w.data() + n - 4, 4);
    if ((a | b) & 0x80808080u) return false;
    a = static_cast<uint32_t>(lower8(a));
    b = static_cast<uint32_t>(lower8(b));
    std::memcpy(out, &a, 4);
    std::memcpy(out + n - 4, &b, 4);
    return true;
  }
  for (size_t k = 0; k < n; ++k) {
    auto c = static_cast<unsigned char>(w[k]);
    if (c >= 0x80) return false;
    out[k] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  return true;
}

}  // namespace

std::vector<std::string> FoldTokens(std::string_view text, const Segmentation& seg) {
  if (seg.folded.size() == seg.tokens.size()) return seg.folded;
  std::vector<std::string> out;
  out.reserve(seg.tokens.size());
  for (const auto& t : seg.tokens) out.push_back(core::FoldForMatch(text.substr(t.start, t.end - t.start)));
  return out;
}

StatusOr<Segmenter> Segmenter::Create(const core::PackSet& packs) {
  Segmenter s;
  for (const std::string& lang : packs.Languages()) {
    const core::LangPack* p = packs.Get(lang);
    Rules& r = s.by_lang_[lang];
    if (const core::TsvTable* t = p->Table("abbreviations")) {
      int form = t->Column("form"), ends = t->Column("may_end_sentence");
      if (form < 0 || ends < 0) return Status::Corruption(t->path + ": needs columns form, may_end_sentence");
      for (const auto& row : t->rows) {
        std::string f = core::FoldForMatch(row[size_t(form)]);
        bool e = row[size_t(ends)] == "yes";
        r.abbreviations[f] = e;
        s.all_.abbreviations[f] = e;
      }
    }
    if (const core::TsvTable* t = p->Table("elisions")) {
      for (const auto& v : t->Values("form")) {
        r.elisions.insert(core::FoldForMatch(v));
        s.all_.elisions.insert(core::FoldForMatch(v));
      }
    }
    if (const core::TsvTable* t = p->Table("clitics")) {
      for (const auto& v : t->Values("form")) {
        r.clitics.insert(core::FoldForMatch(v));
        s.all_.clitics.insert(core::FoldForMatch(v));
      }
    }
  }
  return s;
}

const Segmenter::Rules& Segmenter::RulesFor(std::string_view lang) const {
  auto it = by_lang_.find(std::string(lang));
  return it == by_lang_.end() ? all_ : it->second;
}

Segmentation Segmenter::Segment(std::string_view text, std::string_view lang) const {
  Segmentation seg;
  const Rules& rules = RulesFor(lang);
  seg.tokens.reserve(text.size() / 5 + 8);
  Tokenize(text, rules, &seg.tokens);
  seg.folded.reserve(seg.tokens.size());
  seg.hashes.reserve(seg.tokens.size());
  for (const auto& t : seg.tokens) {
    std::string_view w = text.substr(t.start, t.end - t.start);
    char lower[16];
    if (LowerShortAscii(w, lower)) {
      seg.folded.emplace_back(lower, w.size());
    } else {
      core::FoldForMatchInto(w, &seg.folded.emplace_back());
    }
    seg.hashes.push_back(core::Hash64(seg.folded.back()));
  }
  Split(text, rules, &seg);
  return seg;
}

void Segmenter::Tokenize(std::string_view s, const Rules& rules, std::vector<Token>* out) const {
  size_t i = 0;
  uint8_t breaks = 0;
  // Folded pieces looked up in the rules ("l'", "'s", "m."), storage reused token to token.
  std::string key;
  auto fold_key = [&](char before, std::string_view piece, char after) -> const std::string& {
    core::FoldForMatchInto(piece, &key);
    if (before) key.insert(key.begin(), before);
    if (after) key.push_back(after);
    return key;
  };
  auto push = [&](size_t a, size_t b, TokenKind k) {
    out->push_back({static_cast<uint32_t>(a), static_cast<uint32_t>(b), k, breaks});
    breaks = 0;
  };
  while (i < s.size()) {
    char ch = s[i];
    if (ch == ' ' || ch == '\t') {
      ++i;
      continue;
    }
    if (ch == '\n') {
      breaks = static_cast<uint8_t>(std::min(2, breaks + 1));
      ++i;
      continue;
    }
    size_t next = 0;
    UChar32 c = At(s, i, &next);
    // URLs.
    if ((ch == 'h' && (s.substr(i, 7) == "http://" || s.substr(i, 8) == "https://")) ||
        (ch == 'w' && s.substr(i, 4) == "www.")) {
      size_t j = i;
      while (j < s.size() && s[j] != ' ' && s[j] != '\n') ++j;
      while (j > i && std::string_view(".,;:)»\"").find(s[j - 1]) != std::string_view::npos) --j;
      push(i, j, TokenKind::kUrl);
      i = j;
      continue;
    }
    if (IsDigit(c)) {
      size_t j = i;
      while (IsDigitAt(s, j)) ++j;
      size_t lead = j - i;
      TokenKind kind = TokenKind::kNumber;
      // ISO date 2016-12-07.
      if (lead == 4 && j + 5 < s.size() && s[j] == '-' && IsDigitAt(s, j + 1) && IsDigitAt(s, j + 2) &&
          s[j + 3] == '-' && IsDigitAt(s, j + 4) && IsDigitAt(s, j + 5) && !IsDigitAt(s, j + 6)) {
        j += 6;
        kind = TokenKind::kDate;
      } else if (lead <= 2 && j + 1 < s.size() && s[j] == '/' && IsDigitAt(s, j + 1)) {
        // 7/12/2016, 07/12/16, 7/12.
        size_t k = j + 1;
        while (IsDigitAt(s, k) && k - j <= 2) ++k;
        if (k - j - 1 <= 2 && !IsDigitAt(s, k)) {
          j = k;
          if (j + 1 < s.size() && s[j] == '/' && IsDigitAt(s, j + 1)) {
            size_t y = j + 1;
            while (IsDigitAt(s, y)) ++y;
            if (y - j - 1 == 2 || y - j - 1 == 4) j = y;
          }
          kind = TokenKind::kDate;
        }
      }
      if (kind == TokenKind::kNumber) {
        // Thousands groups: one separator kind throughout, each group exactly 3 digits.
        char sep = 0;
        while (j + 3 < s.size()) {
          char d = s[j];
          if (d != ' ' && d != ',' && d != '.') break;
          if (sep != 0 && d != sep) break;
          if (d == ' ' && lead > 3) break;
          if (!(IsDigitAt(s, j + 1) && IsDigitAt(s, j + 2) && IsDigitAt(s, j + 3)) || IsDigitAt(s, j + 4)) break;
          // "1,200" in English or "1.200" in French; "2,500" stays one token either way.
          sep = d;
          j += 4;
        }
        // Decimal part with the other separator (or the same if no grouping happened).
        if (j + 1 < s.size() && (s[j] == ',' || s[j] == '.') && s[j] != sep && IsDigitAt(s, j + 1)) {
          j += 1;
          while (IsDigitAt(s, j)) ++j;
        }
        // Attached letters: 2e, 1er, 3rd, 10K, 1990s, 24h.
        size_t k = j, n2 = 0;
        while (k < s.size() && IsLetter(At(s, k, &n2))) k = n2;
        if (k > j && k - j <= 4) j = k;
        // Percent: 70% or 70 %.
        if (j < s.size() && s[j] == '%') {
          ++j;
          kind = TokenKind::kPercent;
        } else if (j + 1 < s.size() && s[j] == ' ' && s[j + 1] == '%') {
          j += 2;
          kind = TokenKind::kPercent;
        }
      }
      push(i, j, kind);
      i = j;
      continue;
    }
    if (IsLetter(c)) {
      size_t start = i, j = next;
      bool single_upper = IsUpper(c);
      while (true) {
        // A run of ASCII letters and digits, the bulk of most words, in one tight loop.
        size_t run = j;
        while (run < s.size() && IsAsciiAlnum(static_cast<unsigned char>(s[run]))) ++run;
        if (run > j) {
          j = run;
          single_upper = false;
        }
        // A space or comma after the word, the common case, ends it at once.
        if (j < s.size() && (s[j] == ' ' || s[j] == ',')) break;
        size_t n2 = 0;
        UChar32 d = At(s, j, &n2);
        if (d < 0) break;
        if (IsAlnum(d)) {
          j = n2;
          single_upper = false;
          continue;
        }
        if (IsHyphen(d)) {
          size_t n3 = 0;
          if (IsAlnum(At(s, n2, &n3))) {
            j = n2;
            continue;
          }
          break;
        }
        if (IsApostrophe(d)) {
          size_t n3 = 0;
          UChar32 e = At(s, n2, &n3);
          if (IsLetter(e) && rules.elisions.count(fold_key(0, s.substr(start, j - start), '\'')) != 0) {
            push(start, n2, TokenKind::kElision);
            start = n2;
            j = n2;
            continue;
          }
          if (IsLetter(e)) {
            // Clitic suffix ('s): the word ends before the apostrophe.
            size_t k = n3;
            size_t n4 = 0;
            while (k < s.size() && IsLetter(At(s, k, &n4))) k = n4;
            if (rules.clitics.count(fold_key('\'', s.substr(n2, k - n2), 0)) != 0) break;
            j = n2;  // O'Brien, aujourd'hui
            continue;
          }
          break;
        }
        break;
      }
      // Initials and acronyms with dots: U.S., J.-C., G. W.
      if (j < s.size() && s[j] == '.') {
        size_t k = j + 1;
        bool acronym = false;
        if (j - start == 1 || single_upper) {
          // Letter '.' ( '-'? Letter '.' )+
          while (true) {
            size_t p = k;
            if (p < s.size() && s[p] == '-') ++p;
            size_t n2 = 0;
            UChar32 d = At(s, p, &n2);
            if (d > 0 && IsLetter(d) && n2 < s.size() && s[n2] == '.') {
              size_t n3 = 0;
              if (IsLetter(At(s, n2 + 1, &n3))) break;  // "A.Bcd": not an acronym
              k = n2 + 1;
              acronym = true;
              continue;
            }
            break;
          }
        }
        if (acronym) {
          // "U.S.-led": an acronym joined by a hyphen to a word is one word.
          size_t n2 = 0, n3 = 0;
          if (k < s.size() && IsHyphen(At(s, k, &n2)) && IsLetter(At(s, n2, &n3))) {
            size_t e = n2;
            while (e < s.size()) {
              size_t n4 = 0;
              UChar32 d = At(s, e, &n4);
              if (IsAlnum(d)) {
                e = n4;
              } else if (IsHyphen(d) && IsAlnum(At(s, n4, &n3))) {
                e = n4;
              } else {
                break;
              }
            }
            push(start, e, TokenKind::kWord);
            i = e;
            continue;
          }
          push(start, k, TokenKind::kAbbrev);
          i = k;
          continue;
        }
        if ((j - start == 1 && single_upper) ||
            rules.abbreviations.count(fold_key(0, s.substr(start, j - start), '.')) != 0) {
          push(start, j + 1, TokenKind::kAbbrev);
          i = j + 1;
          continue;
        }
      }
      push(start, j, TokenKind::kWord);
      i = j;
      if (i < s.size() && (s[i] == ' ' || s[i] == ',')) continue;
      // A clitic right after the word.
      size_t n2 = 0;
      if (IsApostrophe(At(s, i, &n2))) {
        size_t k = n2, n3 = 0;
        while (k < s.size() && IsLetter(At(s, k, &n3))) k = n3;
        if (k > n2 && rules.clitics.count(fold_key('\'', s.substr(n2, k - n2), 0)) != 0) {
          push(i, k, TokenKind::kClitic);
          i = k;
        }
      }
      continue;
    }
    // Punctuation and symbols: runs of dots and of ?! stay together.
    if (ch == '.' || ch == '?' || ch == '!') {
      size_t j = i;
      while (j < s.size() && (s[j] == '.' || s[j] == '?' || s[j] == '!')) ++j;
      push(i, j, TokenKind::kPunct);
      i = j;
      continue;
    }
    push(i, next, IsPunctuation(c) ? TokenKind::kPunct : TokenKind::kSymbol);
    i = next;
  }
}

void Segmenter::Split(std::string_view s, const Rules& rules, Segmentation* seg) const {
  const auto& toks = seg->tokens;
  if (toks.empty()) return;
  // Token offsets lie within s (Tokenize made them): a view without substr's check.
  auto text = [&](size_t t) { return std::string_view(s.data() + toks[t].start, toks[t].end - toks[t].start); };

  // Hard-wrapped text: most single line breaks fall inside sentences and lines are short.
  size_t single = 0, inside = 0, longest = 0;
  for (size_t line_start = 0; line_start <= s.size();) {
    size_t nl = s.find('\n', line_start);
    if (nl == std::string_view::npos) nl = s.size();
    longest = std::max(longest, nl - line_start);
    line_start = nl + 1;
  }
  for (size_t t = 1; t < toks.size(); ++t) {
    if (toks[t].breaks_before != 1) continue;
    ++single;
    std::string_view prev = text(t - 1);
    if (!IsSentenceEnd(prev) && !IsCloser(prev) && prev != ":") ++inside;
  }
  seg->hard_wrapped = single >= 3 && inside * 10 >= single * 6 && longest <= 100;

  auto starts_sentence = [&](size_t t) {
    std::string_view w = text(t);
    size_t n = 0;
    UChar32 c = At(w, 0, &n);
    return IsUpper(c) || IsDigit(c) || IsOpener(w) || toks[t].kind == TokenKind::kPunct ||
           (c >= 0x80 && !u_islower(c) && IsLetter(c));  // scripts without case
  };

  size_t first = 0;
  auto close = [&](size_t end_tok) {
    if (end_tok <= first) return;
    seg->sentences.push_back({toks[first].start, toks[end_tok - 1].end, static_cast<uint32_t>(first),
                              static_cast<uint32_t>(end_tok)});
    first = end_tok;
  };
  for (size_t t = 0; t < toks.size(); ++t) {
    // A break before this token?
    if (t > first) {
      uint8_t b = toks[t].breaks_before;
      if (b == 2 || (b == 1 && !seg->hard_wrapped)) {
        close(t);
      }
    }
    std::string_view w = text(t);
    bool end = false;
    if (toks[t].kind == TokenKind::kPunct && IsSentenceEnd(w)) {
      end = true;
    } else if (toks[t].kind == TokenKind::kAbbrev) {
      auto it = rules.abbreviations.find(seg->folded[t]);
      // An abbreviation that may end a sentence does so before a paragraph or a capital
      // that opens a new line; initials and titles never do.
      end = it != rules.abbreviations.end() && it->second && t + 1 < toks.size() &&
            toks[t + 1].breaks_before > 0;
    }
    if (!end) continue;
    // Absorb closing quotes and brackets glued to the end mark.
    size_t e = t + 1;
    while (e < toks.size() && toks[e].breaks_before == 0 && IsCloser(text(e)) &&
           (toks[e].start == toks[e - 1].end || text(e) == "»" || text(e) == "”")) {
      ++e;
    }
    if (e >= toks.size()) {
      t = e - 1;
      continue;
    }
    if (toks[e].breaks_before > 0 || starts_sentence(e)) {
      // "?" after a French space inside a quotation followed by lower case stays inside.
      close(e);
      t = e - 1;
    }
  }
  close(toks.size());
}

}  // namespace vigie::segment
