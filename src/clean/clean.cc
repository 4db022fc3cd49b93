#include "clean/clean.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cctype>
#include <cstring>
#include <vector>

#include "core/text.h"
#include "core/utf8.h"

namespace vigie::clean {

namespace {

const icu::Normalizer2* Nfc() {
  UErrorCode err = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  return n;
}

// Characters removed outright: C0/C1 controls (but tab and newline), zero-width space,
// word joiner, BOM, soft hyphen, bidi marks and embeddings. ZWJ and ZWNJ are kept: they
// carry meaning in Persian, Indic scripts and emoji.
bool IsDropped(UChar32 c) {
  if (c < 0x20) return c != '\t' && c != '\n';
  if (c == 0x7F || (c >= 0x80 && c <= 0x9F)) return true;
  switch (c) {
    case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF: case 0x200E: case 0x200F:
    case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:
      return true;
    default:
      return false;
  }
}

bool IsBlank(UChar32 c) {
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2007 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x3000 || c == 0x205F || c == 0x1680;
}

bool IsTagChar(UChar32 c) { return u_isalnum(c) || c == '_' || u_charType(c) == U_NON_SPACING_MARK; }

UChar32 CodePointAt(std::string_view s, size_t i, size_t* next) {
  *next = i;
  return static_cast<UChar32>(core::NextCodePoint(s, next));
}

// Code points of the BMP that need no attention: NFC as they stand, never combined with
// what precedes them, not blank, not dropped, not '#'. Read from ICU a block of 64 code
// points at a time, when a text first holds one (a document uses a few blocks; reading
// all 1,024 cost more than cleaning a megabyte). Thread-safe: a block computed twice at
// once gets the same bits; its flag is set after them (release) and read before (acquire).
class PlainTable {
 public:
  bool plain(UChar32 c) const {
    if (c < 0 || c >= 0x10000) return false;
    const size_t block = size_t(c) >> 6;
    if (!(done_[block >> 6].load(std::memory_order_acquire) >> (block & 63) & 1)) Fill(block);
    return (bits_[block].load(std::memory_order_relaxed) >> (c & 63)) & 1;
  }

 private:
  void Fill(size_t block) const {
    uint64_t bits = 0;
    for (UChar32 c = UChar32(block << 6); c < UChar32((block + 1) << 6); ++c) {
      if (c < 0x21 || c == '#' || (c >= 0xD800 && c <= 0xDFFF)) continue;
      if (IsBlank(c) || IsDropped(c)) continue;
      if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) continue;
      if (!Nfc()->hasBoundaryBefore(c)) continue;
      bits |= uint64_t{1} << (c & 63);
    }
    bits_[block].store(bits, std::memory_order_relaxed);
    done_[block >> 6].fetch_or(uint64_t{1} << (block & 63), std::memory_order_release);
  }
  mutable std::atomic<uint64_t> bits_[0x10000 / 64] = {};
  mutable std::atomic<uint64_t> done_[0x10000 / 64 / 64] = {};
};

const PlainTable& Plain() {
  static const PlainTable t;
  return t;
}

// Printable ASCII but '#': copied as it is (blanks, controls and hashtags need a look).
constexpr bool IsPlainAscii(unsigned char b) { return b > 0x20 && b < 0x7F && b != '#'; }

// Whether 8 bytes are all plain ASCII or single spaces, each space followed by a plain byte
// inside the 8 (so neither two spaces in a row nor a space last): the fast path of
// Builder::Line takes such a block whole. A space first is allowed; the caller checks that
// it follows a plain byte.
inline bool PlainBlock(const char* p) {
  static_assert(std::endian::native == std::endian::little, "byte order of the 8-byte blocks");
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  constexpr uint64_t kLows = 0x7F7F7F7F7F7F7F7Full;
  // High bit of each byte equal to `c` (exact, no borrow between bytes).
  auto equal = [](uint64_t x, unsigned char c) {
    uint64_t z = x ^ (kOnes * c);
    return ~(((z & kLows) + kLows) | z | kLows);
  };
  if (w & kHighs) return false;                                   // non-ASCII
  if ((w - kOnes * 0x20) & ~w & kHighs) return false;             // a control byte
  if (equal(w, 0x7F) | equal(w, '#')) return false;               // DEL, '#'
  uint64_t spaces = equal(w, ' ');
  if (spaces & (spaces >> 8)) return false;                       // two spaces in a row
  return (spaces >> 56) == 0;                                     // a space last
}

bool EndsSentence(std::string_view text) {
  size_t i = text.find_last_not_of(' ');
  if (i == std::string_view::npos) return true;
  char c = text[i];
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c == '\n') return true;
  return text.substr(0, i + 1).ends_with("»") || text.substr(0, i + 1).ends_with("…") ||
         text.substr(0, i + 1).ends_with("”");
}

// Builds the clean text of one document.
class Builder {
 public:
  Builder(std::string_view raw, CleanText* out) : raw_(raw), out_(out) {
    out_->text.reserve(raw.size());
    out_->map.set_raw_size(static_cast<uint32_t>(raw.size()));
  }

  void Copy(size_t raw_start, size_t len) {
    out_->text.append(raw_.data() + raw_start, len);
    out_->map.AddCopy(static_cast<uint32_t>(raw_start), static_cast<uint32_t>(len));
  }
  void Replace(size_t raw_start, size_t raw_len, std::string_view clean) {
    if (clean == raw_.substr(raw_start, raw_len)) return Copy(raw_start, raw_len);
    out_->text.append(clean);
    out_->map.AddReplace(static_cast<uint32_t>(raw_start), static_cast<uint32_t>(raw_len),
                         static_cast<uint32_t>(clean.size()));
  }
  void TrimTrailingSpace() {
    size_t n = out_->text.size();
    while (n > 0 && out_->text[n - 1] == ' ') --n;
    if (n != out_->text.size()) {
      out_->text.resize(n);
      out_->map.Truncate(static_cast<uint32_t>(n));
    }
  }
  std::string_view text() const { return out_->text; }

  // Cleans the content of one line (no '\n' inside): [begin, end) in raw.
  void Line(size_t begin, size_t end);

 private:
  // Handles a hashtag at raw[i] == '#'; returns the raw offset after it, or i if it is not
  // a hashtag. May consume the rest of the line when the line ends in a run of tags.
  size_t Hashtag(size_t i, size_t end);
  // Emits raw [i, j) which is not NFC, normalised.
  void Normalize(size_t i, size_t j);

  std::string_view raw_;
  CleanText* out_;
  bool pending_space_ = false;
  size_t space_start_ = 0, space_end_ = 0;

  friend class Cleaner;
  void FlushSpace() {
    if (!pending_space_) return;
    pending_space_ = false;
    if (!out_->text.empty() && out_->text.back() != '\n') Replace(space_start_, space_end_ - space_start_, " ");
  }
};

size_t Builder::Hashtag(size_t i, size_t end) {
  // A hashtag starts a word: '#' not glued to a letter or digit before it ("C#" is not).
  if (!out_->text.empty() && !pending_space_) {
    const std::string& t = out_->text;
    size_t k = t.size() - 1;
    while (k > 0 && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
    size_t unused = 0;
    if (IsTagChar(CodePointAt(t, k, &unused))) return i;
  }
  size_t j = i + 1, next = 0;
  if (j >= end || !IsTagChar(CodePointAt(raw_, j, &next))) return i;
  // Tag body: tag chars, with single inner hyphens ("Alep-Est").
  while (j < end) {
    UChar32 c = CodePointAt(raw_, j, &next);
    if (IsTagChar(c)) {
      j = next;
      continue;
    }
    if (c == '-' && next < end) {
      size_t after = 0;
      if (IsTagChar(CodePointAt(raw_, next, &after))) {
        j = next;
        continue;
      }
    }
    break;
  }
  bool has_letter = false;
  for (size_t k = i + 1; k < j;) {
    if (u_isalpha(CodePointAt(raw_, k, &next))) has_letter = true;
    k = next;
  }
  if (!has_letter) return i;  // "#5" is a number sign
  // Does the line end with tags only, after the end of a sentence? Then drop them all.
  bool trailing = EndsSentence(text());
  if (trailing) {
    // Only "#tag #tag, #tag" may follow.
    size_t k = j;
    while (k < end && trailing) {
      UChar32 c = CodePointAt(raw_, k, &next);
      if (IsBlank(c) || c == ',') {
        k = next;
      } else if (c == '#') {
        size_t t = next;
        while (t < end) {
          size_t n2 = 0;
          UChar32 d = CodePointAt(raw_, t, &n2);
          if (!(IsTagChar(d) || d == '-')) break;
          t = n2;
        }
        if (t == next) trailing = false;
        k = t;
      } else {
        trailing = false;
      }
    }
  }
  if (!trailing) {
    FlushSpace();
    out_->hashtags.push_back({std::string(raw_.substr(i + 1, j - i - 1)), uint32_t(i), uint32_t(j), false});
    Normalize(i + 1, j);
    return j;
  }
  // Record each trailing tag and drop the rest of the line.
  size_t k = i;
  while (k < end) {
    if (raw_[k] == '#') {
      size_t t = k + 1;
      while (t < end) {
        UChar32 c = CodePointAt(raw_, t, &next);
        if (!(IsTagChar(c) || (c == '-' && next < end))) break;
        t = next;
      }
      if (t > k + 1)
        out_->hashtags.push_back({std::string(raw_.substr(k + 1, t - k - 1)), uint32_t(k), uint32_t(t), true});
      k = std::max(t, k + 1);
    } else {
      ++k;
    }
  }
  pending_space_ = false;
  return end;
}

void Builder::Normalize(size_t i, size_t j) {
  std::string_view piece = raw_.substr(i, j - i);
  UErrorCode err = U_ZERO_ERROR;
  if (Nfc()->isNormalizedUTF8(icu::StringPiece(piece.data(), int32_t(piece.size())), err)) {
    Copy(i, j - i);
    return;
  }
  std::string n = core::ToNfc(piece);
  ++out_->normalized_runs;
  Replace(i, j - i, n);
}

void Builder::Line(size_t begin, size_t end) {
  size_t i = begin;
  while (i < end) {
    // Fast path: a run of plain code points (ASCII, Latin, punctuation...). If the run is
    // followed by a combining mark, its last code point is left to the slow path.
    const PlainTable& plain = Plain();
    size_t j = i, last = i;
    while (j < end) {
      // Eight plain bytes at a time (a space first only after a plain byte).
      while (j + 8 <= end && PlainBlock(raw_.data() + j) && (j > i || raw_[j] != ' ')) {
        j += 8;
        last = j - 1;
      }
      if (j >= end) break;
      auto b = static_cast<unsigned char>(raw_[j]);
      if (b < 0x80) {
        if (IsPlainAscii(b)) {
          last = j++;
          continue;
        }
        // A single space between two plain characters is kept as it is.
        if (b == ' ' && j > i && j + 1 < end &&
            IsPlainAscii(static_cast<unsigned char>(raw_[j + 1]))) {
          last = j++;
          continue;
        }
        break;
      }
      size_t n2 = 0;
      UChar32 d = CodePointAt(raw_, j, &n2);
      if (!plain.plain(d) || n2 > end) break;
      last = j;
      j = n2;
    }
    if (j > i && j < end) {
      size_t n2 = 0;
      if (!Nfc()->hasBoundaryBefore(CodePointAt(raw_, j, &n2))) j = last;
    }
    if (j > i) {
      FlushSpace();
      Copy(i, j - i);
      i = j;
      continue;
    }
    size_t next = 0;
    UChar32 c = CodePointAt(raw_, i, &next);
    if (IsBlank(c)) {
      if (!pending_space_) space_start_ = i;
      pending_space_ = true;
      space_end_ = next;
      i = next;
      continue;
    }
    if (IsDropped(c)) {
      ++out_->dropped_chars;
      i = next;
      continue;
    }
    if (c == '#') {
      size_t after = Hashtag(i, end);
      if (after != i) {
        i = after;
        continue;
      }
    }
    // A normalisation unit: this code point and any that follow without a boundary.
    size_t k = next;
    while (k < end) {
      size_t n2 = 0;
      UChar32 d = CodePointAt(raw_, k, &n2);
      if (Nfc()->hasBoundaryBefore(d) || IsDropped(d) || IsBlank(d)) break;
      k = n2;
    }
    FlushSpace();
    if (!Nfc()->hasBoundaryBefore(c) && !out_->text.empty() && out_->text.back() != '\n') {
      // A combining mark separated from its base by a dropped character: recompose it with
      // the last code point already emitted.
      const std::string& t = out_->text;
      size_t last = t.size() - 1;
      while (last > 0 && (static_cast<unsigned char>(t[last]) & 0xC0) == 0x80) --last;
      uint32_t raw_a = out_->map.ToRaw(uint32_t(last));
      std::string combined = t.substr(last);
      combined.append(raw_.substr(i, k - i));
      out_->text.resize(last);
      out_->map.Truncate(uint32_t(last));
      Replace(raw_a, k - raw_a, core::ToNfc(combined));
      i = k;
      continue;
    }
    if (k == next && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
      Normalize(i, k);  // a lone code point that NFC changes (U+2126 OHM SIGN -> Ω)
      i = k;
      continue;
    }
    if (c == 0xFFFD || k == next) {
      Copy(i, next - i);
      i = next;
      if (k > next) {
        Normalize(i, k);
        i = k;
      }
      continue;
    }
    Normalize(i, k);
    i = k;
  }
  pending_space_ = false;  // trailing blanks are trimmed
}

}  // namespace

StatusOr<Cleaner> Cleaner::Create(const core::PackSet& packs) {
  Cleaner c;
  for (const std::string& lang : packs.Languages()) {
    const core::TsvTable* t = packs.Get(lang)->Table("boilerplate");
    if (t == nullptr) continue;
    int text = t->Column("text"), match = t->Column("match"), kind = t->Column("kind");
    if (text < 0 || match < 0 || kind < 0)
      return Status::Corruption(t->path + ": needs columns text, match, kind");
    for (size_t r = 0; r < t->rows.size(); ++r) {
      const auto& row = t->rows[r];
      std::string folded = core::FoldForMatch(row[size_t(text)]);
      const std::string& m = row[size_t(match)];
      if (m != "line" && m != "prefix")
        return Status::Corruption(t->path + ":" + std::to_string(t->lines[r]) +
                                  ": match must be 'line' or 'prefix'");
      Pattern p{row[size_t(kind)], lang, m == "prefix"};
      c.NoteFirstByte(row[size_t(text)]);
      if (p.prefix) {
        c.prefixes_.emplace_back(folded, p);
      } else {
        c.whole_lines_.emplace(folded, p);
        c.max_line_ = std::max(c.max_line_, row[size_t(text)].size() + 8);
      }
    }
  }
  // Longest prefix first, so "lire aussi sur" wins over "lire aussi".
  std::stable_sort(c.prefixes_.begin(), c.prefixes_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [p, pat] : c.prefixes_) c.max_line_ = std::max(c.max_line_, p.size());
  for (uint32_t k = 0; k < c.prefixes_.size(); ++k) {
    const std::string& p = c.prefixes_[k].first;
    if (p.empty()) {
      for (auto& v : c.prefixes_by_byte_) v.push_back(k);
    } else {
      c.prefixes_by_byte_[static_cast<unsigned char>(p[0])].push_back(k);
    }
  }
  return c;
}

const Cleaner::Pattern* Cleaner::MatchLine(std::string_view line) const {
  // Whole-line patterns apply to short lines only; prefix patterns to lines of any length
  // (a "Lire aussi : …" link line). Both compare folded text, so only the first
  // max_line_ bytes are ever folded, and only when the first letter can start a pattern.
  if (line.empty() || !first_bytes_[static_cast<unsigned char>(line[0])]) return nullptr;
  size_t take = std::min(line.size(), max_line_);
  while (take < line.size() && (static_cast<unsigned char>(line[take]) & 0xC0) == 0x80) ++take;
  static thread_local std::string folded;  // reused line to line
  core::FoldForMatchInto(line.substr(0, take), &folded);
  // Strip trailing punctuation and blanks so "Publicité." and "Advertisement:" still match.
  std::string_view f = folded;
  while (!f.empty() && (f.back() == ' ' || f.back() == '.' || f.back() == ':' || f.back() == '-'))
    f.remove_suffix(1);
  if (take == line.size()) {
    auto it = whole_lines_.find(f);
    if (it != whole_lines_.end()) return &it->second;
  }
  // Only the prefixes starting with the line's first byte can match (all of them, in order,
  // for an empty line).
  if (f.empty()) {
    for (const auto& [prefix, pat] : prefixes_)
      if (prefix.empty()) return &pat;
    return nullptr;
  }
  for (const uint32_t k : prefixes_by_byte_[static_cast<unsigned char>(f[0])]) {
    const auto& [prefix, pat] = prefixes_[k];
    if (f.size() >= prefix.size() && f.substr(0, prefix.size()) == prefix) {
      // The prefix must end at a word boundary.
      if (f.size() == prefix.size()) return &pat;
      char nx = f[prefix.size()];
      if (!(std::isalnum(static_cast<unsigned char>(nx)))) return &pat;
    }
  }
  return nullptr;
}

void Cleaner::NoteFirstByte(std::string_view text) {
  if (text.empty()) return;
  auto b = static_cast<unsigned char>(text[0]);
  if (b >= 0x80) {
    for (int i = 0x80; i < 0x100; ++i) first_bytes_[i] = true;
    return;
  }
  first_bytes_[std::tolower(b)] = first_bytes_[std::toupper(b)] = true;
  // Accented capitals ("À lire aussi", "É") start with a non-ASCII byte.
  for (int i = 0xC0; i < 0x100; ++i) first_bytes_[i] = true;
}

CleanText Cleaner::Clean(std::string_view raw) const {
  CleanText out;
  Builder b(raw, &out);
  size_t pos = 0;
  int newlines = 0;          // line breaks seen since the last content
  size_t gap_start = 0;      // raw offset where the current gap began
  while (pos < raw.size()) {
    size_t nl = raw.find('\n', pos);
    size_t line_end = nl == std::string_view::npos ? raw.size() : nl;
    // Trim the raw line for matching (ASCII blanks and \r; Unicode blanks fold later).
    size_t a = pos, z = line_end;
    while (a < z && (raw[a] == ' ' || raw[a] == '\t' || raw[a] == '\r')) ++a;
    while (z > a && (raw[z - 1] == ' ' || raw[z - 1] == '\t' || raw[z - 1] == '\r')) --z;
    if (a < z) {
      std::string_view line = raw.substr(a, z - a);
      const Pattern* p = MatchLine(line);
      if (p != nullptr) {
        out.removed.push_back({uint32_t(a), uint32_t(z), std::string(line), p->kind, p->lang});
      } else {
        size_t before = out.text.size();
        if (before > 0 && newlines > 0) {
          // Paragraph break if a blank or removed line intervened, else a line break.
          b.Replace(gap_start, a - gap_start, newlines > 1 ? "\n\n" : "\n");
        }
        size_t with_sep = out.text.size();
        b.Line(a, z);
        b.TrimTrailingSpace();
        if (out.text.size() > with_sep) {
          newlines = 0;
          gap_start = z;
        } else if (with_sep > before) {  // the line was all dropped: retract the break
          out.text.resize(before);
          out.map.Truncate(uint32_t(before));
        }
      }
    }
    if (nl == std::string_view::npos) break;
    ++newlines;
    pos = nl + 1;
  }
  return out;
}

}  // namespace vigie::clean
