// normalize internals: the per-language lexicon read from the pack tables, the token view
// the grammars walk, and the grammar entry points. Only src/normalize uses this header.
// A Lexicon is immutable once loaded; a Cursor is per-call scratch owned by Tag().
#pragma once

#include <forward_list>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "normalize/normalize.h"
#include "normalize/word_index.h"

namespace vigie::normalize {

// One phrase table entry: kind plus up to three arguments (TSV columns after `kind`).
struct PhraseEntry {
  std::string kind;
  std::string arg1, arg2, arg3;
  double value = 0;  // arg1 as a number when it is one
  int from_hour = -1, to_hour = -1;  // a part of day's hours (arg2 "18-24"), read at load
};

// Phrases of one kind, keyed by their folded text ("l'annee derniere", "plus de"). One table
// holds the phrases and every word-boundary prefix of one (entry -1), so that matching
// looks up each growing key once and stops at the first key no phrase begins with.
struct PhraseSet {
  WordIndex keys;
  std::vector<PhraseEntry> entries;
  std::unordered_set<std::string> first_words;
  // The words of the phrases, cut at spaces, hyphens and both sides of apostrophes: a
  // token holding none of those continues a phrase only if it is one of them.
  std::unordered_set<std::string> words;
  std::vector<std::string> whole_keys;  // the phrases themselves (not prefixes)
  int max_words = 0;
};

struct PluralRule {
  std::string form, lemma;  // "-aux" / "-al" for a suffix rule
  bool suffix = false;
};

// Phrase kinds the grammars ask for (numbers: number tables; kT*: time_phrases.tsv).
enum class PK : uint8_t {
  kUnit, kScale, kOrdinal, kVague, kQualifier, kConnector, kArticle, kPercent, kRangeOpen, kRangeAnd, kRangeMid, kOf, kTDay, kTPeriod, kTUnit, kTSince, kTAgoPrefix, kTAgoSuffix, kTPast, kTDuring, kTFrom, kTTo, kTBetween, kTAnd, kTLast, kTNext, kTThis, kTEarly, kTMid, kTLate, kTDaypart, kTDecade, kTIn, kTAhead, kTHalf,
  kTClockWord, kTMeridiem, kTClockNamed, kTClockAdd, kTClockMinus, kTClockPast, kTClockTo, kTClockFrac, kTAt, kTMinuteWord, kTDaypartLead, kTHoliday, kNegative, kDecimal, kTFraction, kTExtra, kTOpen, kTWeekOf,
  kTSeason, kTQuarter, kTLater,
  kCount
};
// The Tok::kinds bit of a phrase kind, and of several.
constexpr uint64_t Bit(PK k) { return uint64_t{1} << static_cast<int>(k); }
template <typename... K>
constexpr uint64_t Bits(K... k) { return (Bit(k) | ...); }

// The pack kind string ("unit", "t:since") of each PK; -1 from PkFromName when unknown.
int PkFromName(std::string_view name);

// Lexicon::starters bit for month and weekday names (bit 62 is the temporal grammars').
constexpr uint64_t kCalendarBit = uint64_t{1} << 63;
static_assert(static_cast<int>(PK::kCount) <= 62, "phrase kinds and the two extra bits fit 64 bits");

// What the lexicon knows of one word, looked up once per token: the phrase kinds it may
// begin (bit k: kind k; kCalendarBit: a month or weekday), its month and weekday numbers,
// and whether it marks the future ("will", "doit").
struct WordInfo {
  uint64_t kinds = 0;
  uint64_t follows = 0;  // bit k: the word stands after the first word of a phrase of kind k
  uint64_t whole = 0;    // bit k: the word is a phrase of kind k by itself
  int8_t month = 0, weekday = 0;
  bool future = false;
};

struct Normalizer::Lexicon {
  std::string lang;
  PhraseSet phrases[static_cast<int>(PK::kCount)];  // by kind
  // Every word that can begin a phrase, a month or weekday name, or a future marker: other
  // words are skipped at once, so a token is looked up once.
  WordIndex starters;               // folded word -> index in `words`
  std::vector<WordInfo> words;
  WordInfo& Word(const std::string& w) {
    bool fresh = false;
    int32_t* at = starters.Insert(w, static_cast<int32_t>(words.size()), &fresh);
    if (fresh) words.emplace_back();
    return words[static_cast<size_t>(*at)];
  }
  std::unordered_map<std::string, int> months;          // folded word -> 1..12
  std::unordered_map<std::string, int> weekdays;        // folded word -> 1..7
  std::vector<PluralRule> plurals;
  std::unordered_set<std::string> future_markers;      // folded words ("will", "doivent")
  // Conventions of the language, from the pack's manifest:
  bool day_first = true;               // date_order dmy (7/12 is 7 December) or mdy
  char decimal_mark = 0;               // a lone ',' or '.' before three digits: decimal or grouping
  std::vector<std::string> ordinal_suffixes;  // "2e", "3rd": folded, longest first
  bool bare_capital_month = false;     // "April was calm": a capitalised month name alone
  std::unordered_set<std::string> common_months;  // months.tsv `common`: never alone ("march")
  bool decade_singular = false;        // "les années 1990": a decade without a plural mark
  bool clock_range_after_in = false;   // "de 15h à 17h": the t:in word opens a clock range
  bool head_last = false;              // np_head last: modifiers come before the counted noun

  const PhraseSet* Kind(PK kind) const { return &phrases[static_cast<int>(kind)]; }
  // Whether a token may begin a number or a temporal expression.
  bool MayStart(const struct Tok& t) const;
  bool MayStartNumber(const struct Tok& t) const;
};

// A token as the grammars see it: folded text, hyphenated words split into parts. `f`
// points into Segmentation::folded or into the TokenBuffer's store.
struct Tok {
  uint32_t start = 0, end = 0;
  segment::TokenKind kind = segment::TokenKind::kWord;
  mutable int8_t brk = -1;  // holds ' ', '-' or ' (1) or not (0); -1: not looked at yet
  std::string_view f;       // folded; a trailing '.' of an abbreviation removed
  char join = ' ';          // how it joins the previous token in a phrase key: ' ', '-' or 0
  bool cap = false;         // starts with an upper-case letter
  bool line_start = false;  // first token after a line break
  bool future = false;      // a future marker (Lexicon::starters)
  int8_t month = 0;         // 1..12 when a month name
  int8_t weekday = 0;       // 1..7 when a weekday name
  bool num_ok = false;      // kNumber / kPercent tokens: ParseNumericToken succeeded
  bool num_ordinal = false; // ... and read an ordinal ("2e", "3rd")
  uint64_t kinds = 0;       // phrase kinds this token may begin (Lexicon::starters)
  uint64_t follows = 0;     // phrase kinds it may continue (a token holding ' ', '-' or ' may continue any)
  uint64_t whole = 0;       // phrase kinds it is a phrase of by itself
  double num = 0;           // ... its value
  uint64_t hash = 0;        // WordHash(f): one-word phrase keys are looked up with it
};
// The tokens the grammars read: a sentence's run of a TokenBuffer, not copied.
using TokSpan = std::span<const Tok>;

// Whether a token is a number (digits) or a date token ("7/12/2016").
inline bool IsNumberTok(const Tok& t) {
  return t.kind == segment::TokenKind::kNumber || t.kind == segment::TokenKind::kDate;
}
// A fraction written as one token, "1/2", "3/4", "2/10": numerator below the denominator (a
// date token like "17/02" is not one); *v its value.
inline bool FractionTok(const Tok& t, double* v) {
  if (t.kind != segment::TokenKind::kDate || t.f.size() > 7) return false;
  int a = 0, b = 0;
  size_t p = 0;
  for (; p < t.f.size() && t.f[p] >= '0' && t.f[p] <= '9'; ++p) a = a * 10 + (t.f[p] - '0');
  if (p == 0 || p >= t.f.size() || t.f[p] != '/') return false;
  const size_t q0 = ++p;
  for (; p < t.f.size() && t.f[p] >= '0' && t.f[p] <= '9'; ++p) b = b * 10 + (t.f[p] - '0');
  if (p == q0 || p != t.f.size() || a < 1 || a >= b || b > 100) return false;
  *v = static_cast<double>(a) / b;
  return true;
}
// Whether a cardinal (ParseCardinalAt) may begin at the token: digits, or a number, scale,
// decimal word or article ("a hundred").
inline bool MayStartCardinal(const Tok& t) {
  return t.kind == segment::TokenKind::kNumber || (t.kinds & Bits(PK::kUnit, PK::kScale, PK::kDecimal, PK::kArticle));
}
// Whether a time of day (ParseClockAt) may begin at the token.
inline bool MayStartClock(const Tok& t) {
  return MayStartCardinal(t) || (t.kinds & Bits(PK::kTClockFrac, PK::kTClockNamed));
}

// Results of MatchPhraseAt at (token, kind) for the current tokens: the temporal grammars
// ask the same question at the same token many times. Direct-mapped; `gen` changes with
// every new token vector, so no clearing is needed.
int MatchPhraseAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, PK kind,
                  const PhraseEntry** entry);
class PhraseMemo {
 public:
  void Reset() { ++gen_; }
  int Match(const Normalizer::Lexicon& lx, TokSpan t, size_t i, PK kind,
            const PhraseEntry** entry) {
    const uint64_t key = gen_ << 32 | static_cast<uint64_t>(i) << 6 | static_cast<uint64_t>(kind);
    Slot& s = slots_[(i * 61 + static_cast<size_t>(kind)) & (kSlots - 1)];
    if (s.key != key) {
      s.key = key;
      s.entry = nullptr;
      s.n = MatchPhraseAt(lx, t, i, kind, &s.entry);
    }
    if (s.n && entry) *entry = s.entry;
    return s.n;
  }

 private:
  static constexpr size_t kSlots = 64;
  struct Slot {
    uint64_t key = ~uint64_t{0};
    const PhraseEntry* entry = nullptr;
    int n = 0;
  };
  uint64_t gen_ = 0;
  Slot slots_[kSlots];
};

inline bool Normalizer::Lexicon::MayStart(const Tok& t) const {
  if (t.kind == segment::TokenKind::kNumber || t.kind == segment::TokenKind::kPercent ||
      t.kind == segment::TokenKind::kDate)
    return true;
  // The kinds a temporal grammar may begin with (TimeParser::At and the grammars it
  // calls); words that only join or qualify ("and", "to", "more than") begin none.
  constexpr uint64_t kStarts =
      kCalendarBit | Bits(PK::kTSince, PK::kTFrom, PK::kTBetween, PK::kTThis, PK::kOrdinal, PK::kTAgoPrefix,
                          PK::kTPast, PK::kTAhead, PK::kUnit, PK::kScale, PK::kArticle, PK::kTUnit,
                          PK::kTFraction, PK::kTDuring, PK::kTEarly, PK::kTMid, PK::kTLate, PK::kTIn,
                          PK::kTLast, PK::kTNext, PK::kTHoliday, PK::kTAt, PK::kDecimal, PK::kTClockFrac,
                          PK::kTClockNamed, PK::kTDay, PK::kTDaypart, PK::kTDaypartLead, PK::kTDecade,
                          PK::kTPeriod, PK::kTOpen, PK::kTWeekOf, PK::kTSeason, PK::kTQuarter);
  return (t.kinds & kStarts) != 0;
}

inline bool Normalizer::Lexicon::MayStartNumber(const Tok& t) const {
  constexpr uint64_t kMask = (uint64_t{1} << static_cast<int>(PK::kUnit)) | (uint64_t{1} << static_cast<int>(PK::kScale)) |
                             (uint64_t{1} << static_cast<int>(PK::kOrdinal)) | (uint64_t{1} << static_cast<int>(PK::kVague)) |
                             (uint64_t{1} << static_cast<int>(PK::kQualifier)) | (uint64_t{1} << static_cast<int>(PK::kArticle)) |
                             (uint64_t{1} << static_cast<int>(PK::kRangeOpen)) | (uint64_t{1} << static_cast<int>(PK::kNegative)) |
                             (uint64_t{1} << static_cast<int>(PK::kDecimal));
  if (t.kind == segment::TokenKind::kNumber || t.kind == segment::TokenKind::kPercent) return true;
  if (t.kind == segment::TokenKind::kPunct && t.f == "-") return true;  // "-5"
  if (double v = 0; FractionTok(t, &v)) return true;                    // "1/5"
  return (t.kinds & kMask) != 0;
}

// Per-call scratch of Tag(): the tokens of one sentence, and folded text that is not in
// Segmentation::folded (parts of hyphenated non-ASCII words). Reused sentence to sentence.
struct TokenBuffer {
  std::vector<Tok> toks;
  std::forward_list<std::string> store;  // stable addresses; no allocation while empty
  PhraseMemo memo;  // reset by BuildTokens
};

// Fills buf->toks with tokens [tok_begin, tok_end) of `seg` (buf->store keeps their text).
void BuildTokens(const Normalizer::Lexicon& lx, std::string_view text, const segment::Segmentation& seg,
                 uint32_t tok_begin, uint32_t tok_end, TokenBuffer* buf);

// Longest phrase of `kind` starting at token i; returns its word count (0: none). Most
// calls end at the token's kind bits, inline; the table walk is out of line.
int MatchPhraseAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, PK kind,
                  const PhraseEntry** entry);
// Whether no phrase of `kind` can match at i, from the token bits alone: the token does
// not begin one, or it only begins longer ones and the next token goes on with none.
[[gnu::always_inline]] inline bool NoPhraseAt(TokSpan t, size_t i, PK kind) {
  const int k = static_cast<int>(kind);
  if (i >= t.size() || !(t[i].kinds >> k & 1)) return true;
  if (t[i].whole >> k & 1) return false;
  return i + 1 >= t.size() || (!(t[i + 1].follows >> k & 1) && t[i + 1].brk == 0);
}
inline int MatchPhrase(const Normalizer::Lexicon& lx, TokSpan t, size_t i, PK kind,
                       const PhraseEntry** entry) {
  if (NoPhraseAt(t, i, kind)) return 0;
  return MatchPhraseAt(lx, t, i, kind, entry);
}

// Numbers: a number (digits, words, vague amounts, qualifiers, ranges, percents) at token i.
// Returns the token after it, or i when none.
size_t ParseNumberAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i,
                     Number* out);
// A plain cardinal (digits or words, no qualifier) at token i.
size_t ParseCardinalAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i,
                       double* value);
// ParseCardinalAt's results for one token span, by token: the temporal grammars read the
// cardinal at a token several times (an amount, then a clock, at the same token).
// Direct-mapped on the token index; *value is 0 where none was read, as callers start it.
class CardinalMemo {
 public:
  size_t At(const Normalizer::Lexicon& lx, TokSpan t, size_t i, double* value) {
    Slot& s = slots_[i & (kSlots - 1)];
    if (s.i != i) {
      s.i = i;
      s.value = 0;
      s.end = ParseCardinalAt(lx, t, i, &s.value);
    }
    *value = s.value;
    return s.end;
  }

 private:
  static constexpr size_t kSlots = 16;
  struct Slot {
    size_t i = ~size_t{0}, end = 0;
    double value = 0;
  };
  Slot slots_[kSlots];
};
// Parses one numeric token ("1 200", "1.200", "2,5", "10K", "70%"); false if not numeric.
bool ParseNumericToken(std::string_view s, const Normalizer::Lexicon& lx, double* value, bool* ordinal);

std::string Lemma(const Normalizer::Lexicon& lx, std::string_view folded_noun);

// A time of day as read ("15h30", "3:15 p.m.", "quinze heures et quart", "half past noon").
struct ClockRead {
  Clock clock;
  bool marked = false;     // h, colon, am/pm, o'clock, a named hour: a time of day for sure
  bool ambiguous = false;  // 1..12 with no am/pm nor 24-hour form: morning or afternoon
  bool meridiem = false;   // am/pm given
  bool weak = false;       // marked only by a word that also counts hours ("heures")
};
// A time of day at token i (a bare number too when allow_bare); the token after it, or i.
// `cards`: the caller's memo of cardinals over the same tokens, if any.
size_t ParseClockAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, bool allow_bare,
                    ClockRead* out, CardinalMemo* cards = nullptr);
// A part of day ("in the morning", "du soir", "en début de matinée") at token i, with the
// hours of its daypart entry; the token after it, or i. `lead` allows "in the", "du".
size_t ParseDaypartAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, bool lead,
                      const PhraseEntry** part, int* from_hour, int* to_hour);
// Moves an hour of 1..11 into the part of day [from, to) when it belongs there after noon.
void FitHour(ClockRead* c, int from_hour, int to_hour);

// Partial dates seen while tagging without a reference (day and month, no year).
struct PartialDate {
  uint32_t start = 0, end = 0;
  int month = 0, day = 0, weekday = 0;
};

// The Reference as the temporal grammars read it: every read goes through `->` and is
// recorded in *read (when not null), so a reading of tokens that read nothing gives the same
// result against any reference (TagUndated reads each sentence once without a date, and
// again with the inferred one only where the first reading read the reference).
class RefReads {
 public:
  RefReads(const Reference& ref, bool* read) : ref_(&ref), read_(read) {}
  const Reference* operator->() const {
    Note();
    return ref_;
  }
  // Records a read of what the caller carries with the reference (the day anchor).
  void Note() const {
    if (read_) *read_ = true;
  }

 private:
  const Reference* ref_;
  bool* read_;
};

// What a reading of tokens did, for another reading of the same tokens against another
// reference (TagUndated). A TimesTrace collects it (appending: the caller keeps one per run of
// tokens); a TimesReplay hands it back. A reading that stands at a token where the traced one
// stood is in the same state (the parser's state is found again from the tokens), so until
// the traced reading next read the reference or the anchor it takes the same steps and
// reports the same times: those are copied, not read again.
struct TimesTrace {
  std::vector<char>* visited = nullptr;  // one per token: the reading stood there
  std::vector<uint32_t>* reads = nullptr;  // the tokens whose reading read the reference
  std::vector<uint32_t>* at = nullptr;     // one per time reported: the token it was read at
};
struct TimesReplay {
  const char* visited = nullptr;  // as TimesTrace, for these tokens
  const uint32_t* reads = nullptr;
  size_t n_reads = 0;
  const TimeExpr* times = nullptr;  // the times the traced reading reported, with their `at`
  const uint32_t* at = nullptr;
  size_t n_times = 0;
};

// Times: every temporal expression of the tokens, in text order.
// `memo` caches phrase matches over `t` (reset when `t` changes); may be null. `anchor`
// (may be null) is the last single day named before `t` in the text, updated here: day
// anaphora ("le lendemain", "the same day") count from it. `trace` (may be null) records
// the reading; `replay` (may be null) is a traced reading of the same tokens to take over.
void TagTimes(const Normalizer::Lexicon& lx, TokSpan t, const Reference& ref,
              std::vector<TimeExpr>* out, std::vector<PartialDate>* partials, PhraseMemo* memo = nullptr,
              std::optional<Date>* anchor = nullptr, const TimesTrace* trace = nullptr,
              const TimesReplay* replay = nullptr);
// The anchor update TagTimes makes after an expression it reports.
inline void NoteAnchor(const TimeExpr& x, std::optional<Date>* anchor) {
  if (anchor && x.kind == TimeKind::kDate && x.precision == Precision::kDay && x.begin == x.finish &&
      !x.clock_only)
    *anchor = x.begin.date;
}
// Seasons and quarters (year_parts.cc): "last summer", "l'hiver dernier", "the third quarter
// of 2018", "Q3 2019", "le trimestre prochain", at token i. `ahead`: a future marker before
// the expression (the reference's bias counts too). The token after it, or i.
size_t ParseYearPartAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, RefReads ref,
                       bool ahead, PhraseMemo* memo, TimeExpr* x);
// Whether ParseYearPartAt may match at i: the season or quarter word (or a glued "2018Q")
// is at i, or, when i may lead one ("last", "in", "third"), among the next 4 tokens.
inline bool MayStartYearPart(TokSpan t, size_t i) {
  constexpr uint64_t kPart = Bits(PK::kTSeason, PK::kTQuarter);
  const Tok& k = t[i];
  if (k.kinds & kPart) return true;
  if (k.kind == segment::TokenKind::kNumber && !k.f.empty() && k.f.back() == 'q') return true;
  const bool lead = (k.kinds & Bits(PK::kTLast, PK::kTNext, PK::kTThis, PK::kTIn, PK::kOrdinal)) ||
                    (k.kind == segment::TokenKind::kNumber && k.num_ok && k.num_ordinal);
  if (!lead) return false;
  for (size_t n = i + 1; n < t.size() && n < i + 4; ++n)
    if (t[n].kinds & kPart) return true;
  return false;
}

// Runs of whole units before or after the reference (unit_spans.cc): "last 2 days", "next
// three weeks", "les 3 prochains jours", "2 semaines passées". The token after it, or i.
size_t ParseUnitSpanAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, RefReads ref,
                       PhraseMemo* memo, TimeExpr* x);

}  // namespace vigie::normalize
