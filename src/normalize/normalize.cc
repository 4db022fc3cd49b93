// Tag(): times first, then numbers and quantities outside them; document date inference.
#include "normalize/normalize.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "normalize/normalize_internal.h"

namespace vigie::normalize {

const char* QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kLessThan: return "less_than";
    case Qualifier::kAbout: return "about";
    case Qualifier::kRange: return "range";
  }
  return "exact";
}

const char* PrecisionName(Precision p) {
  switch (p) {
    case Precision::kDay: return "day";
    case Precision::kWeek: return "week";
    case Precision::kMonth: return "month";
    case Precision::kYear: return "year";
    case Precision::kInterval: return "interval";
  }
  return "day";
}

const char* BasisName(Basis b) {
  switch (b) {
    case Basis::kExplicit: return "explicit";
    case Basis::kRelative: return "relative";
    case Basis::kDocument: return "document";
    case Basis::kInferred: return "inferred";
  }
  return "explicit";
}

const char* TimeKindName(TimeKind k) {
  switch (k) {
    case TimeKind::kDate: return "date";
    case TimeKind::kInterval: return "interval";
    case TimeKind::kDuration: return "duration";
  }
  return "date";
}

std::string TimeExpr::DurationIso() const {
  if (amount == 0) return {};
  char num[32];
  if (std::isnan(amount)) std::snprintf(num, sizeof num, "X");
  else if (amount == std::floor(amount)) std::snprintf(num, sizeof num, "%.0f", amount);
  else std::snprintf(num, sizeof num, "%g", amount);
  switch (unit) {
    case Unit::kSecond: return std::string("PT") + num + "S";
    case Unit::kMinute:
      // Whole hours and minutes as ISO 8601 writes them: 330 minutes is PT5H30M.
      if (amount >= 60 && amount == std::floor(amount) && amount < 1e9) {
        const long long m = static_cast<long long>(amount);
        return "PT" + std::to_string(m / 60) + "H" + (m % 60 ? std::to_string(m % 60) + "M" : std::string());
      }
      return std::string("PT") + num + "M";
    case Unit::kHour: return std::string("PT") + num + "H";
    case Unit::kDay: return std::string("P") + num + "D";
    case Unit::kWeek: return std::string("P") + num + "W";
    case Unit::kMonth: return std::string("P") + num + "M";
    case Unit::kYear: return std::string("P") + num + "Y";
  }
  return {};
}

namespace {

bool Alphabetic(std::string_view f) {
  if (f.empty()) return false;
  for (unsigned char c : f)
    if (!(c >= 'a' && c <= 'z') && c < 0x80 && c != '-') return false;
  return true;
}

// The noun a number counts: after "de"/"of" for vague and scaled amounts, skipping
// capitalised modifiers in English ("three United Nations peacekeepers").
bool FindNoun(const Normalizer::Lexicon& lx, TokSpan t, size_t k, size_t* noun) {
  if (int n = MatchPhrase(lx, t, k, PK::kOf, nullptr)) k += n;
  if (lx.head_last) {  // modifiers before the noun: "three United Nations peacekeepers"
    for (int skip = 0; skip < 3 && k < t.size() && t[k].cap && t[k].kind == segment::TokenKind::kWord; ++skip) ++k;
  }
  if (k >= t.size()) return false;
  const Tok& tk = t[k];
  if (tk.kind != segment::TokenKind::kWord || !Alphabetic(tk.f)) return false;
  if (MatchPhrase(lx, t, k, PK::kOf, nullptr) || MatchPhrase(lx, t, k, PK::kConnector, nullptr) ||
      MatchPhrase(lx, t, k, PK::kQualifier, nullptr) || MatchPhrase(lx, t, k, PK::kRangeMid, nullptr) ||
      MatchPhrase(lx, t, k, PK::kRangeAnd, nullptr) || MatchPhrase(lx, t, k, PK::kTIn, nullptr) ||
      MatchPhrase(lx, t, k, PK::kTThis, nullptr) || MatchPhrase(lx, t, k, PK::kArticle, nullptr))
    return false;
  if (tk.month) return false;
  *noun = k;
  return true;
}

// The tokens of segment tokens [a, b) within the tokens of the whole document (their
// text stays in whole.store), not copied: a segment token's tokens start inside it, so the
// run is found by start offset. They are those BuildTokens(a, b) makes but for the first
// token's `join` (BuildTokens starts with no elision before it), which no grammar reads:
// MatchPhraseAt reads the join of a phrase's later words only.
TokSpan SliceTokens(const TokenBuffer& whole, const segment::Segmentation& seg, uint32_t a, uint32_t b) {
  if (a >= b || a >= seg.tokens.size()) return {};
  auto at = [&](uint32_t k) {
    if (k >= seg.tokens.size()) return whole.toks.end();
    return std::lower_bound(whole.toks.begin(), whole.toks.end(), seg.tokens[k].start,
                            [](const Tok& t, uint32_t off) { return t.start < off; });
  };
  auto first = at(a), last = at(b);
  if (first >= last) return {};
  return TokSpan(&*first, static_cast<size_t>(last - first));
}

// The times of the first sentences read once with no reference date (a default Reference),
// in text order, with their trace (TimesTrace): sentence s holds times [first[s],
// first[s + 1]), tokens [token[s], token[s + 1]) of `visited` and reads [read[s], read[s + 1]).
// Partial dates (day and month, no year) are kept for the date inference.
struct UndatedTimes {
  std::vector<TimeExpr> times;
  std::vector<uint32_t> at;
  std::vector<char> visited;
  std::vector<uint32_t> reads;
  std::vector<size_t> first{0}, token{0}, read{0};  // one more than the sentences read
  std::vector<PartialDate> partials;
  std::vector<TokSpan> toks;  // each sentence's tokens (SliceTokens of the whole document's)
  size_t Sentences() const { return first.size() - 1; }
  // Room for a document of `sentences` sentences and `tokens` tokens (news text holds about
  // one time per 40 tokens), so that the vectors rarely grow.
  void Reserve(size_t sentences, size_t tokens) {
    times.reserve(tokens / 40 + 4);
    at.reserve(tokens / 40 + 4);
    visited.reserve(tokens);
    reads.reserve(tokens / 40 + 4);
    first.reserve(sentences + 2);
    token.reserve(sentences + 2);
    read.reserve(sentences + 2);
    toks.reserve(sentences + 1);
  }
  TimesReplay Replay(size_t s) const {
    return TimesReplay{visited.data() + token[s], reads.data() + read[s], read[s + 1] - read[s],
                       times.data() + first[s], at.data() + first[s], first[s + 1] - first[s]};
  }
};

// Whether a reference is the default one, the undated reading's: no date, time of day,
// bias nor date order, and times wanted.
bool IsNone(const Reference& r) {
  const Reference none;
  return !r.date && r.time.hour == none.time.hour && r.time.minute == none.time.minute &&
         r.time.second == none.time.second && r.time.grain == none.time.grain &&
         r.future_bias == none.future_bias && r.day_first == none.day_first && r.numbers_only == none.numbers_only;
}

// Calls run(a, b) for the token range of each sentence, in order (the whole text when the
// segmentation has no sentences).
template <typename Run>
void ForEachSentence(const segment::Segmentation& seg, Run run) {
  if (seg.sentences.empty()) {
    run(0, static_cast<uint32_t>(seg.tokens.size()));
  } else {
    for (const segment::Sentence& s : seg.sentences) run(s.first_token, s.end_token);
  }
}

// Sentence by sentence; `whole`, when given, holds the tokens of the whole document
// (BuildTokens over every token), and each sentence's are copied from it instead of being
// built again. `undated`, when given, holds the sentences' times read without a date: a
// sentence whose reading did not read the reference takes them as they are.
Tags TagWith(const Normalizer::Lexicon& lx, std::string_view text, const segment::Segmentation& seg,
             const Reference& ref, const TokenBuffer* whole, UndatedTimes* undated = nullptr) {
  Tags tags;
  // Room for the usual density of news text (about one time per 40 tokens, one number per
  // 25), so that the vectors rarely grow.
  tags.times.reserve(seg.tokens.size() / 40 + 4);
  tags.numbers.reserve(seg.tokens.size() / 25 + 4);
  TokenBuffer buf;
  std::vector<char> covered;
  std::optional<Date> anchor;  // the last day named so far (day anaphora count from it)
  size_t sentence = 0;
  // Against the very reference of the undated reading (no date was inferred, and nothing
  // else set), every sentence it read reads the same: the grammars read the day anchor only
  // once they have read a date (Anchor() is called after `ref_->date` is found set), so with
  // no date the anchor changes nothing, and its times are taken as they are.
  const bool same_as_undated = undated && IsNone(ref);
  auto run = [&](uint32_t a, uint32_t b) {
    const size_t s = sentence++;
    TokSpan t;
    if (undated && s < undated->Sentences()) {
      t = undated->toks[s];  // as SliceTokens made them
      buf.memo.Reset();
    } else if (whole) {
      t = SliceTokens(*whole, seg, a, b);
      buf.memo.Reset();
    } else {
      BuildTokens(lx, text, seg, a, b, &buf);
      t = buf.toks;
    }
    size_t first_time = tags.times.size();
    if (ref.numbers_only) {
      // no times
    } else if (same_as_undated && s < undated->Sentences()) {
      for (size_t k = undated->first[s]; k < undated->first[s + 1]; ++k) {
        NoteAnchor(undated->times[k], &anchor);
        tags.times.push_back(undated->times[k]);
      }
    } else if (undated && s < undated->Sentences()) {
      // Read again only where the reading without a date read the reference.
      const TimesReplay replay = undated->Replay(s);
      TagTimes(lx, t, ref, &tags.times, nullptr, &buf.memo, &anchor, nullptr, &replay);
    } else {
      TagTimes(lx, t, ref, &tags.times, nullptr, &buf.memo, &anchor);
    }
    // Token coverage by times, so numbers inside dates are not reported twice.
    covered.assign(t.size(), 0);
    for (size_t x = first_time, k = 0; x < tags.times.size(); ++x) {
      while (k < t.size() && t[k].end <= tags.times[x].start) ++k;
      for (size_t m = k; m < t.size() && t[m].start < tags.times[x].end; ++m) covered[m] = 1;
    }
    for (size_t i = 0; i < t.size();) {
      if (covered[i] || !lx.MayStartNumber(t[i])) { ++i; continue; }
      Number num;
      size_t e = ParseNumberAt(lx, t, i, &num);
      if (e == i) { ++i; continue; }
      bool overlap = false;
      for (size_t m = i; m < e; ++m) overlap = overlap || covered[m];
      if (overlap) { ++i; continue; }
      tags.numbers.push_back(num);
      size_t noun = 0;
      if (!num.percent && !num.ordinal && FindNoun(lx, t, e, &noun) && !covered[noun]) {
        Quantity q;
        q.number = num;
        q.start = num.start;
        q.noun_start = t[noun].start;
        q.noun_end = t[noun].end;
        q.end = q.noun_end;
        q.lemma = Lemma(lx, t[noun].f);
        tags.quantities.push_back(std::move(q));
      }
      i = e;
    }
  };
  ForEachSentence(seg, run);
  return tags;
}

// The sentences of `whole` (the tokens of the whole document) after those *u holds, read
// with no reference date as Tag() reads them, up to the first that begins at or after byte
// `stop`. No day anchor is given: a reading that asks for one is marked as reading the
// reference, and read again with the date and the anchor.
void ReadUndated(const Normalizer::Lexicon& lx, const segment::Segmentation& seg, const TokenBuffer& whole,
                 uint32_t stop, UndatedTimes* u) {
  const Reference none;
  PhraseMemo memo;
  auto read = [&](uint32_t a, uint32_t b) {
    const TokSpan t = SliceTokens(whole, seg, a, b);
    memo.Reset();
    const TimesTrace trace{&u->visited, &u->reads, &u->at};
    TagTimes(lx, t, none, &u->times, &u->partials, &memo, nullptr, &trace);
    u->first.push_back(u->times.size());
    u->token.push_back(u->visited.size());
    u->read.push_back(u->reads.size());
    u->toks.push_back(t);
  };
  if (seg.sentences.empty()) {
    if (u->Sentences() == 0 && (seg.tokens.empty() || seg.tokens[0].start < stop))
      read(0, static_cast<uint32_t>(seg.tokens.size()));
    return;
  }
  for (size_t s = u->Sentences(); s < seg.sentences.size(); ++s) {
    const segment::Sentence& st = seg.sentences[s];
    if (st.first_token < seg.tokens.size() && seg.tokens[st.first_token].start >= stop) return;
    read(st.first_token, st.end_token);
  }
}

// A dateline: a full date on the first line (it ends at byte `first_line_end`).
std::optional<DocumentDate> Dateline(const std::vector<TimeExpr>& times, size_t first_line_end) {
  for (const TimeExpr& x : times) {
    if (x.start >= first_line_end) break;
    if (x.kind == TimeKind::kDate && x.begin.grain == Grain::kDay)
      return DocumentDate{x.begin.date, Basis::kInferred, 0.95, x.start, x.end};
  }
  return std::nullopt;
}

// The document date, from the times of the sentences read without a date (ReadUndated, into
// *u): a dateline (a full date on the first line), else the latest full date, day-month
// mentions taking the year of their context. The sentences that begin on the first line are
// read first: a dateline there ends the search, and *u then holds only those.
std::optional<DocumentDate> InferFrom(const Normalizer::Lexicon& lx, std::string_view text,
                                      const segment::Segmentation& seg, const TokenBuffer& whole,
                                      UndatedTimes* u) {
  size_t first_line_end = text.find('\n');
  if (first_line_end == std::string_view::npos) first_line_end = text.size();
  // 1. A dateline: a full date on the first line.
  ReadUndated(lx, seg, whole, static_cast<uint32_t>(first_line_end), u);
  if (auto d = Dateline(u->times, first_line_end)) return d;
  ReadUndated(lx, seg, whole, ~uint32_t{0}, u);  // the rest begins after the first line
  const std::vector<TimeExpr>& times = u->times;
  // 2. The latest full date, day-month mentions taking the year of their context.
  std::optional<DocumentDate> best;
  auto offer = [&](const Date& d, uint32_t s, uint32_t e, double conf) {
    if (!best || d > best->date) best = DocumentDate{d, Basis::kInferred, conf, s, e};
  };
  for (const TimeExpr& x : times)
    if (x.kind != TimeKind::kDuration && x.begin.grain == Grain::kDay) offer(x.begin.date, x.start, x.end, 0.7);
  // Year context: the latest explicit year the text names.
  int year = 0;
  for (const TimeExpr& x : times)
    if (x.kind != TimeKind::kDuration) year = std::max(year, x.begin.date.year);
  // A bare year naming something of the time ("our 2021 appeal", "the 2019 budget") is year
  // context too: four digits, no separator, 1950 to 2100.
  for (const auto& tok : seg.tokens) {
    if (tok.kind != segment::TokenKind::kNumber || tok.end - tok.start != 4) continue;
    std::string_view w = text.substr(tok.start, 4);
    if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    int y = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
    if (y >= 1950 && y <= 2100) year = std::max(year, y);
  }
  for (const PartialDate& p : u->partials) {
    if (!year) break;
    int y = year;
    if (p.weekday) {
      // The first year at or after the context where the weekday fits.
      y = 0;
      for (int k = 0; k <= 11 && !y; ++k)
        if (ValidDate(year + k, p.month, p.day) && Weekday(Date{year + k, p.month, p.day}) == p.weekday) y = year + k;
      if (!y) y = year;
    }
    if (ValidDate(y, p.month, p.day)) offer(Date{y, p.month, p.day}, p.start, p.end, p.weekday ? 0.75 : 0.6);
  }
  return best;
}

}  // namespace

Tags Normalizer::Tag(std::string_view text, const segment::Segmentation& seg, std::string_view lang,
                     const Reference& ref) const {
  return TagWith(For(lang), text, seg, ref, nullptr);
}

std::optional<DocumentDate> Normalizer::InferDocumentDate(std::string_view text,
                                                          const segment::Segmentation& seg,
                                                          std::string_view lang) const {
  const Lexicon& lx = For(lang);
  TokenBuffer whole;
  BuildTokens(lx, text, seg, 0, static_cast<uint32_t>(seg.tokens.size()), &whole);
  UndatedTimes u;
  u.Reserve(seg.sentences.size(), whole.toks.size());
  return InferFrom(lx, text, seg, whole, &u);
}

Tags Normalizer::TagUndated(std::string_view text, const segment::Segmentation& seg, std::string_view lang,
                            Reference ref, std::optional<DocumentDate>* inferred) const {
  const Lexicon& lx = For(lang);
  TokenBuffer whole;
  BuildTokens(lx, text, seg, 0, static_cast<uint32_t>(seg.tokens.size()), &whole);
  UndatedTimes u;
  u.Reserve(seg.sentences.size(), whole.toks.size());
  *inferred = InferFrom(lx, text, seg, whole, &u);
  ref.date = *inferred ? std::optional<Date>((*inferred)->date) : std::nullopt;
  // The sentences read without a date are read again only where that reading read the
  // reference; the others are read with the date.
  return TagWith(lx, text, seg, ref, &whole, &u);
}

}  // namespace vigie::normalize
