// Temporal grammar: absolute dates, dates relative to the reference date, periods, parts of
// periods, "since" and "from…to" intervals, "ago" and "the past N hours", durations.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "normalize/normalize_internal.h"

namespace vigie::normalize {

namespace {

using segment::TokenKind;

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

Unit UnitFrom(std::string_view s) {
  if (s == "second") return Unit::kSecond;
  if (s == "minute") return Unit::kMinute;
  if (s == "hour") return Unit::kHour;
  if (s == "week") return Unit::kWeek;
  if (s == "month") return Unit::kMonth;
  if (s == "year") return Unit::kYear;
  return Unit::kDay;
}

Point DayPoint(const Date& d) { return Point{d, Grain::kDay}; }
Point MonthPoint(int y, int m) { return Point{Date{y, m, 1}, Grain::kMonth}; }
Point YearPoint(int y) { return Point{Date{y, 1, 1}, Grain::kYear}; }

constexpr int kAheadDays = 31;        // a holiday up to a month ahead is the coming one
constexpr int kAheadDayMonth = 120;   // a day and month up to four months ahead: announced
constexpr uint64_t kDigits = uint64_t{1} << 62;  // TimeParser::At: a number or date token
constexpr size_t kFutureWindow = 6;  // tokens before an expression searched for "will", "doit"

// How many `small` units make one `big` unit (month = 30 days, year = 12 months or 365 days).
double UnitRatio(Unit big, Unit small) {
  auto secs = [](Unit u) -> double {
    switch (u) {
      case Unit::kSecond: return 1;
      case Unit::kMinute: return 60;
      case Unit::kHour: return 3600;
      case Unit::kDay: return 86400;
      case Unit::kWeek: return 7 * 86400;
      case Unit::kMonth: return 30 * 86400;
      case Unit::kYear: return 365 * 86400;
    }
    return 1;
  };
  if (big == Unit::kYear && small == Unit::kMonth) return 12;
  return secs(big) / secs(small);
}

class TimeParser {
 public:
  TimeParser(const Normalizer::Lexicon& lx, TokSpan t, RefReads ref,
             std::vector<PartialDate>* partials, PhraseMemo* memo, const std::optional<Date>* anchor)
      : lx_(lx), t_(t), ref_(ref), partials_(partials), memo_(memo), anchor_(anchor) {}

  // One expression at token i: the token after it, or i. `*emit` false when the tokens
  // form a date that cannot be resolved (no reference): consumed, not reported.
  size_t At(size_t i, TimeExpr* x, bool* emit) {
    *emit = true;
    // A future marker among the kFutureWindow tokens before i (At is asked in text order).
    for (; scanned_ < i; ++scanned_)
      if (t_[scanned_].future) last_marker_ = scanned_;
    ahead_ = last_marker_ != ~size_t{0} && last_marker_ < i && last_marker_ + kFutureWindow >= i;
    // Each grammar is tried only at a token that may begin it (the kinds its first test
    // asks for; kDigits: a number or date token).
    const uint64_t b = t_[i].kinds | (IsNumberTok(t_[i]) ? kDigits : 0);
    constexpr uint64_t kAbsolute = kDigits | kCalendarBit | Bits(PK::kTThis, PK::kOrdinal);
    constexpr uint64_t kAmount = kDigits | Bits(PK::kUnit, PK::kScale, PK::kArticle, PK::kTUnit, PK::kTFraction);
    size_t e;
    if ((b & Bit(PK::kTSince)) && (e = Since(i, x, emit)) > i) return e;
    if ((b & Bit(PK::kTOpen)) && (e = Open(i, x, emit)) > i) return e;
    if ((b & Bit(PK::kTWeekOf)) && (e = WeekOf(i, x, emit)) > i) return e;
    if ((b & (kAbsolute | Bits(PK::kTFrom, PK::kTBetween))) && (e = FromTo(i, x, emit)) > i) return e;
    if ((b & (kAmount | Bits(PK::kTAgoPrefix, PK::kTPast, PK::kTAhead))) && (e = PastOrAgo(i, x)) > i) return e;
    constexpr uint64_t kSpan = kDigits | Bits(PK::kUnit, PK::kScale, PK::kTLast, PK::kTNext);
    if ((b & kSpan) && (e = ParseUnitSpanAt(lx_, t_, i, ref_, memo_, x)) > i) return e;  // unit_spans.cc
    if ((b & Bit(PK::kTDuring)) && (e = During(i, x)) > i) return e;
    constexpr uint64_t kYearPart = kDigits | Bits(PK::kTSeason, PK::kTQuarter, PK::kTLast, PK::kTNext, PK::kTThis,
                                                  PK::kTIn, PK::kOrdinal);
    if ((b & kYearPart) && MayStartYearPart(t_, i) && (e = ParseYearPartAt(lx_, t_, i, ref_, ahead_, memo_, x)) > i) return e;  // year_parts.cc
    if ((b & Bits(PK::kTEarly, PK::kTMid, PK::kTLate)) && (e = Part(i, x, emit)) > i) return e;
    if ((b & Bit(PK::kTIn)) && (e = Marked(i, x, emit)) > i) return *emit ? AttachTime(e, x) : e;
    if ((b & Bits(PK::kTLast, PK::kTNext, PK::kTThis, PK::kTHoliday)) && (e = Holiday(i, x, emit)) > i)
      return *emit ? AttachTime(e, x) : e;
    if ((b & (kDigits | Bits(PK::kTIn, PK::kOrdinal, PK::kTLast))) && (e = NthOfMonth(i, x, emit)) > i)
      return *emit ? AttachTime(e, x) : e;
    const bool day_next = Has(i + 1) && (IsNumberTok(t_[i + 1]) || (t_[i + 1].kinds & Bit(PK::kOrdinal)));
    if (((b & (kDigits | Bit(PK::kOrdinal))) || ((b & Bit(PK::kTIn)) && day_next)) &&
        (e = DayOfRelativeMonth(i, x)) > i)
      return AttachTime(e, x);
    if ((b & (kCalendarBit | Bits(PK::kTThis, PK::kTIn))) && (e = BareDay(i, x)) > i) return AttachTime(e, x);
    // ClockAt begins with a clock (MayStartClock), "at", "from"/"between", or a part of day
    // or its lead; an article or a French "de" only where a clock follows (ClockLead).
    constexpr uint64_t kClock = kDigits | Bits(PK::kTAt, PK::kTBetween, PK::kTFrom, PK::kUnit, PK::kScale,
                                               PK::kDecimal, PK::kTClockFrac, PK::kTClockNamed, PK::kTDaypart,
                                               PK::kTDaypartLead);
    if (((b & kClock) || ClockLead(i, b)) && (e = ClockAt(i, x, emit)) > i) return e;
    if ((b & kDigits) && (e = SpacedDate(i, x, emit)) > i) return e;
    if ((b & kAbsolute) && (e = Absolute(i, false, x, emit)) > i) return *emit ? AttachTime(e, x) : e;
    constexpr uint64_t kRelative = kDigits | kCalendarBit | Bits(PK::kTDecade, PK::kTDay, PK::kTPeriod, PK::kTLast,
                                                                 PK::kTNext, PK::kTThis);
    if ((b & kRelative) && (e = Relative(i, x)) > i) return AttachTime(e, x);
    if (!(b & kAmount)) return i;
    if ((e = Duration(i, x)) > i) return e;
    return i;
  }

 private:
  [[gnu::always_inline]] int P(size_t i, PK kind, const PhraseEntry** e = nullptr) const {
    if (NoPhraseAt(t_, i, kind)) return 0;
    return memo_ ? memo_->Match(lx_, t_, i, kind, e) : MatchPhraseAt(lx_, t_, i, kind, e);
  }
  bool Has(size_t i) const { return i < t_.size(); }
  // Where ClockAt may begin at a token that is only an article or a "de": a cardinal made
  // of the article and a scale ("a dozen", ParseCardinalAt), or in French a clock after
  // "de" ("de 15h à 17h", ClockRange).
  bool ClockLead(size_t i, uint64_t b) const {
    if (b & Bit(PK::kArticle))
      if (int n = P(i, PK::kArticle); n && P(i + n, PK::kScale)) return true;
    if ((b & Bit(PK::kTIn)) && lx_.clock_range_after_in)
      if (int n = P(i, PK::kTIn); n && Has(i + n) && MayStartClock(t_[i + n])) return true;
    return false;
  }
  int Month(size_t i) const {
    if (!Has(i) || t_[i].kind == TokenKind::kNumber) return 0;
    return t_[i].month;
  }
  int Wd(size_t i) const {
    if (!Has(i) || !t_[i].weekday) return 0;
    // Short forms ("mar", "sun") only capitalised or followed by a dot-less day number.
    if (t_[i].f.size() <= 4 && !t_[i].cap && t_[i].kind != TokenKind::kAbbrev) return 0;
    return t_[i].weekday;
  }
  int DayNum(size_t i) const {
    if (!Has(i)) return 0;
    const Tok& k = t_[i];
    if (k.kind == TokenKind::kNumber) {
      std::string_view s = k.f;
      if (s.size() > 5) return 0;
      if (!k.num_ok) return 0;
      const double v = k.num;
      if (!k.num_ordinal && !AllDigits(s)) return 0;
      int d = static_cast<int>(v);
      return v == d && d >= 1 && d <= 31 ? d : 0;
    }
    const PhraseEntry* e = nullptr;
    if (P(i, PK::kOrdinal, &e) == 1 && e->value >= 1 && e->value <= 31) return static_cast<int>(e->value);
    return 0;
  }
  // A day of the month in words ("treize", "dix-huit"): 1..31, *end after it; 0 when not.
  int WordDay(size_t i, size_t* end) const {
    if (!Has(i) || IsNumberTok(t_[i]) || !(t_[i].kinds & Bit(PK::kUnit))) return 0;
    double v = 0;
    size_t k = cards_.At(lx_, t_, i, &v);
    const int d = static_cast<int>(v);
    if (k == i || v != d || d < 1 || d > 31) return 0;
    *end = k;
    return d;
  }
  int Year(size_t i) const {
    if (!Has(i) || t_[i].kind != TokenKind::kNumber || t_[i].f.size() != 4 || !AllDigits(t_[i].f))
      return 0;
    const std::string_view f = t_[i].f;
    int y = (f[0] - '0') * 1000 + (f[1] - '0') * 100 + (f[2] - '0') * 10 + (f[3] - '0');
    return y >= 1000 && y <= 2999 ? y : 0;
  }
  bool Punct(size_t i, const char* p) const {
    return Has(i) && t_[i].kind == TokenKind::kPunct && t_[i].f == p;
  }
  // "of" / "de" between a day and its month ("the 15th of February", "3 de mars").
  bool OfWord(size_t i) const {
    const PhraseEntry* e = nullptr;
    return P(i, PK::kTIn, &e) == 1 && e->arg1 == "weak";
  }
  size_t SkipComma(size_t i) const { return Punct(i, ",") ? i + 1 : i; }
  // The dot of an abbreviation ("Dec. 7", "7 déc. 2016"), not a sentence end.
  size_t SkipDot(size_t i) const {
    if (!Punct(i, ".") || i == 0 || t_[i].start != t_[i - 1].end) return i;
    if (!Has(i + 1) || t_[i + 1].cap || t_[i + 1].line_start) return i;
    return i + 1;
  }

  void Set(TimeExpr* x, size_t a, size_t b, Point p, Point q, Precision pr, Basis basis) const {
    x->start = t_[a].start;
    x->end = t_[b - 1].end;
    x->begin = p;
    x->finish = q;
    x->precision = pr;
    x->basis = basis;
    x->kind = pr == Precision::kInterval ? TimeKind::kInterval : TimeKind::kDate;
  }

  // Day and month with no year: the year the bias picks (matching the weekday if given).
  std::optional<Date> ResolveDayMonth(int m, int d, int wd, size_t a, size_t b) const {
    if (!ref_->date) {
      if (partials_) partials_->push_back({t_[a].start, t_[b - 1].end, m, d, wd});
      return std::nullopt;
    }
    const Date r = *ref_->date;
    int y = r.year;
    if (!ValidDate(y, m, d) && !ValidDate(y - 1, m, d)) return std::nullopt;
    Date c{y, m, d};
    if (!ValidDate(y, m, d)) c.year = y - 1;
    // News looks back, but a date up to four months ahead in the same year is an announced
    // one, not last year's (TempEval-3: "Feb. 10" written on 7 January).
    if (!Future() && c > r && DaysFromCivil(c) - DaysFromCivil(r) > kAheadDayMonth) c.year -= 1;
    if (Future() && c < r) c.year += 1;
    if (wd && ValidDate(c.year, m, d) && Weekday(c) != wd) {
      for (int k = 1; k <= 11; ++k) {
        for (int s : {-1, 1}) {
          Date o{c.year + s * k, m, d};
          if (ValidDate(o.year, m, d) && Weekday(o) == wd) return o;
        }
      }
    }
    if (!ValidDate(c.year, m, d)) return std::nullopt;
    return c;
  }

  // mode: 0 plain, -1 last, 1 that day of next week, 2 next occurrence.
  Date ResolveWeekday(int wd, int mode) const {
    const Date r = *ref_->date;
    int cur = Weekday(r);
    if (mode < 0 || (mode == 0 && !Future())) {
      int back = (cur - wd + 7) % 7;
      if (back == 0 && mode < 0) back = 7;
      return AddDays(r, -back);
    }
    if (mode == 1) return AddDays(StartOfWeek(r), 7 + wd - 1);  // that day of next week
    int fwd = (wd - cur + 7) % 7;
    if (fwd == 0 && (ref_->future_bias || mode != 0)) fwd = 7;  // "will meet Tuesday" said on a Tuesday: today
    return AddDays(r, fwd);
  }

  // A numeric date written `f` over tokens [j, end) (i: where the expression began): the
  // token after it, or i.
  // `glued`: made of several tokens, where "2/3" is more likely two thirds than a day.
  size_t NumericDate(size_t i, const std::string& f, size_t end, bool glued, TimeExpr* x, bool* emit) {
    const size_t last = end - 1;
      int a = 0, b = 0, c = 0;
      char s1 = 0, s2 = 0;
            int got = std::sscanf(f.c_str(), "%d%c%d%c%d", &a, &s1, &b, &s2, &c);
      if (got == 3 && (s1 == '/' || s1 == '-') && f.find_first_not_of("0123456789/-") == std::string::npos) {
        if (a > 999 && b >= 1 && b <= 12) {  // 2014-10
          Set(x, i, end, MonthPoint(a, b), MonthPoint(a, b), Precision::kMonth, Basis::kExplicit);
          return end;
        }
        if (b > 999 && a >= 1 && a <= 12) {  // 2/2013
          Set(x, i, end, MonthPoint(b, a), MonthPoint(b, a), Precision::kMonth, Basis::kExplicit);
          return end;
        }
        if (s1 == '/' && a <= 31 && b <= 31 && !glued && DayMonthContext(i, end)) {  // 17/02 or 2/15
          bool dayfirst = ref_->day_first.value_or(lx_.day_first);
          int dd = dayfirst ? a : b, mm = dayfirst ? b : a;
          if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) {
            std::optional<Date> dt = ResolveDayMonth(mm, dd, 0, i, end);
            if (!dt) {
              *emit = false;
              x->start = t_[i].start;
              x->end = t_[last].end;
              return end;
            }
            Set(x, i, end, DayPoint(*dt), DayPoint(*dt), Precision::kDay, Basis::kExplicit);
            return end;
          }
        }
        return i;
      }
      if (got == 5 && s1 == s2 &&
          (s1 == '/' || s1 == '-' || s1 == '.')) {
        Date d;
        if (a > 31) d = Date{a, b, c};
        else if (ref_->day_first.value_or(lx_.day_first)) d = Date{c, b, a};
        else d = Date{c, a, b};
        if (d.year < 100) d.year += d.year < 50 ? 2000 : 1900;
        if (ValidDate(d.year, d.month, d.day)) {
          Set(x, i, end, DayPoint(d), DayPoint(d), Precision::kDay, Basis::kExplicit);
          return end;
        }
      }
      return i;
  }

  // Whether a bare d/m token over [i, end) reads as a date: "2/3" is two thirds or a score
  // unless a date word is before it ("le 17/02", "on 2/15", "since 3/4", "mardi 17/02") and
  // no plain word follows ("the 2/3 majority"), a time of day follows ("4/25 at 4pm", "17/02
  // à 16h"), or it stands alone (a dateline, a caption: "17/02.").
  bool DayMonthContext(size_t i, size_t end) const {
    if (Has(end) && P(end, PK::kTAt)) return true;
    if (Has(end) && P(end, PK::kTUnit)) return false;  // "1/2 hour"
    size_t last = end;
    while (last < t_.size() && t_[last].kind == TokenKind::kPunct) ++last;
    if (i == 0 && last == t_.size()) return true;
    if (i == 0) return false;
    const Tok& p = t_[i - 1];
    const bool before = p.weekday || P(i - 1, PK::kTIn) || P(i - 1, PK::kTThis) || P(i - 1, PK::kTSince) ||
                        P(i - 1, PK::kTFrom) || P(i - 1, PK::kTTo) || P(i - 1, PK::kTOpen) || P(i - 1, PK::kTBetween);
    if (!before) return false;
    if (!Has(end)) return true;
    const Tok& n = t_[end];
    return !(n.kind == TokenKind::kWord && !n.cap && n.kinds == 0 && !n.weekday && !n.month);
  }

  // Digits, '-', '/' or '.', digits or a month name[, the same mark, digits], glued together
  // ("2014-10", "31/Oct/1974"): the text with a month name as its number, and *end after it;
  // empty when the tokens are not so.
  std::string GluedDate(size_t j, size_t* end) const {
    auto glued = [&](size_t k) { return Has(k) && t_[k].start == t_[k - 1].end; };
    auto mark = [&](size_t k) { return glued(k) && (Punct(k, "-") || Punct(k, "/") || Punct(k, ".")); };
    auto part = [&](size_t k, std::string* out) {
      if (!glued(k)) return false;
      if (t_[k].kind == TokenKind::kNumber && AllDigits(t_[k].f) && t_[k].f.size() <= 4) {
        out->append(t_[k].f);
        return true;
      }
      if (int m = Month(k)) {
        out->append(std::to_string(m));
        return true;
      }
      return false;
    };
    std::string s(t_[j].f);
    if (s.size() > 4 || !mark(j + 1)) return {};
    const std::string_view sep = t_[j + 1].f;
    s.append(sep);
    const bool named = Month(j + 2) != 0;
    if (!part(j + 2, &s)) return {};
    *end = j + 3;
    if (mark(j + 3) && t_[j + 3].f == sep) {
      std::string third;
      if (part(j + 4, &third)) {
        *end = j + 5;
        // A month name in the middle: day, month, year; written year first for the reader.
        if (named) return third + "-" + std::to_string(Month(j + 2)) + "-" + std::string(t_[j].f);
        return s + std::string(sep) + third;
      }
    }
    return named ? std::string() : s;
  }

  // Day, month and year in digits cut by spaces ("le 17 02", "20 2 2014", "24 12 14"): only
  // as a whole clause, alone or after an article, so that no count or score is read as one.
  size_t SpacedDate(size_t i, TimeExpr* x, bool* emit) {
    auto num = [&](size_t k, size_t max_len) {
      if (!Has(k) || t_[k].kind != TokenKind::kNumber || t_[k].f.size() > max_len || !AllDigits(t_[k].f)) return -1;
      return std::atoi(std::string(t_[k].f).c_str());
    };
    const int d = num(i, 2), m = num(i + 1, 2);
    if (d < 1 || d > 31 || m < 1 || m > 12) return i;
    size_t end = i + 2;
    int y = 0;
    if (Has(end) && t_[end].kind == TokenKind::kNumber) {
      const std::string_view f = t_[end].f;
      if ((f.size() != 2 && f.size() != 4) || !AllDigits(f)) return i;
      y = std::atoi(std::string(f).c_str());
      if (f.size() == 2) y += y < 50 ? 2000 : 1900;
      ++end;
    }
    const bool before = i == 0 || (i == 1 && OfWord(0));
    const bool after = !Has(end) || (t_[end].kind == TokenKind::kPunct && t_[end].f != "/" && t_[end].f != "-");
    if (!before || !after) return i;
    const size_t a = i == 1 ? 0 : i;
    if (y) {
      if (!ValidDate(y, m, d)) return i;
      Set(x, a, end, DayPoint(Date{y, m, d}), DayPoint(Date{y, m, d}), Precision::kDay, Basis::kExplicit);
      return end;
    }
    std::optional<Date> dt = ResolveDayMonth(m, d, 0, a, end);
    if (!dt) {
      *emit = false;
      x->start = t_[a].start;
      x->end = t_[end - 1].end;
      return end;
    }
    Set(x, a, end, DayPoint(*dt), DayPoint(*dt), Precision::kDay, Basis::kExplicit);
    return end;
  }

  // Optional weekday (with "ce"/"on"), then day month [year] | month day [, year].
  size_t Absolute(size_t i, bool allow_bare, TimeExpr* x, bool* emit) {
    // A date begins with digits, a month or weekday name, a day in words, or "ce"/"on".
    if (!Has(i) || !(IsNumberTok(t_[i]) || (t_[i].kinds & (kCalendarBit | Bits(PK::kTThis, PK::kOrdinal)))))
      return i;
    size_t j = i;
    int wd = 0;
    if (int n = P(j, PK::kTThis); n && Wd(j + n)) j += n;
    if (int w = Wd(j)) {
      size_t k = SkipComma(SkipDot(j + 1));
      if ((DayNum(k) && Month(k + 1)) || (Month(k) && DayNum(SkipDot(k + 1)))) {
        wd = w;
        j = k;
      } else {
        j = i;
      }
    } else {
      j = i;
    }
    const Tok& tk = t_[j];
    // Numeric dates: 7/12/2016, 2016-12-07 (one token), or glued tokens: 2014-10, 2/2013,
    // 2015-3-3, 10-31-74, 31/Oct/1974.
    if (tk.kind == TokenKind::kDate || (tk.kind == TokenKind::kNumber && tk.f.find_first_of("/-") != std::string::npos))
      return NumericDate(i, std::string(tk.f), j + 1, false, x, emit);
    if (size_t end = 0; tk.kind == TokenKind::kNumber && AllDigits(tk.f)) {
      std::string glued = GluedDate(j, &end);
      if (!glued.empty()) {
        size_t e = NumericDate(i, glued, end, true, x, emit);
        if (e > i) return e;
      }
    }
    int d = 0, m = 0;
    size_t k = j;
    if ((d = DayNum(j)) && (m = Month(j + 1))) {
      k = SkipDot(j + 2);
    } else if ((d = DayNum(j)) && OfWord(j + 1) && (m = Month(j + 2))) {
      k = SkipDot(j + 3);
    } else if ((m = Month(j)) && (d = DayNum(SkipDot(j + 1)))) {
      k = SkipDot(j + 1) + 1;
    } else {
      d = 0;
    }
    if (d && m) {
      size_t ky = SkipComma(k);
      if (int y = Year(ky); y && ValidDate(y, m, d)) {
        Date dt{y, m, d};
        Set(x, i, ky + 1, DayPoint(dt), DayPoint(dt), Precision::kDay, Basis::kExplicit);
        return ky + 1;
      }
      size_t end = k;
      std::optional<Date> dt = ResolveDayMonth(m, d, wd, i, end);
      if (!dt) {
        *emit = false;
        x->start = t_[i].start;
        x->end = t_[end - 1].end;
        return end;
      }
      Set(x, i, end, DayPoint(*dt), DayPoint(*dt), Precision::kDay, Basis::kExplicit);
      return end;
    }
    if ((m = Month(j)) && j == i) {
      size_t k2 = SkipDot(j + 1);
      if (int y = Year(k2)) {
        Set(x, i, k2 + 1, MonthPoint(y, m), MonthPoint(y, m), Precision::kMonth, Basis::kExplicit);
        return k2 + 1;
      }
      // A capitalised month name stands alone where the pack says so ("April was calm"),
      // except short names (abbreviations) and names that are common words (months.tsv).
      bool bare_ok = allow_bare || (lx_.bare_capital_month && t_[j].cap && t_[j].f.size() > 4 &&
                                    !lx_.common_months.count(std::string(t_[j].f)) && t_[j].kind == TokenKind::kWord);
      if (bare_ok) {
        if (!ref_->date) {
          *emit = false;
          x->start = t_[i].start;
          x->end = t_[j].end;
          return j + 1;
        }
        Date r = *ref_->date;
        int y = r.year;
        // Past bias, but the next two months are upcoming ones ("talks in March", said in February).
        if (!Future() && m > r.month + 2) --y;
        if (Future() && m < r.month) ++y;
        Set(x, i, j + 1, MonthPoint(y, m), MonthPoint(y, m), Precision::kMonth, Basis::kExplicit);
        return j + 1;
      }
    }
    // A year with no preposition: "the 1996 election", "(1996)", "… in Bosnia, 1995."
    bool bare_year_ok = allow_bare;
    if (!bare_year_ok && j == i && Year(j) >= 1900 && Year(j) <= 2099) {
      bool article_before = i > 0 && ((P(i - 1, PK::kTIn) && t_[i - 1].f.size() <= 3) ||
                                      P(i - 1, PK::kArticle));  // "a 1996 law"
      bool word_after = Has(j + 1) && t_[j + 1].kind == TokenKind::kWord && !t_[j + 1].cap;
      bool num_after = Has(j + 1) && t_[j + 1].kind == TokenKind::kNumber;
      bare_year_ok = (article_before && !num_after) || (!word_after && !num_after);
    }
    if (bare_year_ok && j == i) {
      if (int y = Year(j)) {
        Set(x, i, j + 1, YearPoint(y), YearPoint(y), Precision::kYear, Basis::kExplicit);
        return j + 1;
      }
    }
    return i;
  }

  // "the 1990s", "les années 1990", "les années 90".
  size_t Decade(size_t i, TimeExpr* x) {
    size_t j = i;
    if (int n = P(j, PK::kTDecade)) j += n;
    if (!Has(j) || t_[j].kind != TokenKind::kNumber) return i;
    std::string_view f = t_[j].f;
    size_t end = j + 1;
    bool plural = false;
    if (f.size() == 5 && f.back() == 's') f.remove_suffix(1), plural = true;
    if (Has(j + 1) && t_[j + 1].f == "s" && t_[j + 1].start == t_[j].end) plural = true, end = j + 2;
    if (!AllDigits(f) || f.back() != '0') return i;
    int y = std::atoi(std::string(f).c_str());
    if (f.size() == 2 && j > i) y += 1900;
    else if (f.size() != 4) return i;
    if (!plural && j == i) return i;
    if (!plural && !lx_.decade_singular) return i;
    if (y < 1000 || y > 2990) return i;
    Set(x, i, end, YearPoint(y), YearPoint(y + 9), Precision::kInterval, Basis::kExplicit);
    return end;
  }

  // A weekday with its modifiers: "mardi (dernier|prochain)", "last Tuesday", "dimanche soir".
  size_t Weekday_(size_t i, TimeExpr* x) {
    size_t j = i;
    int mode = 0;
    const PhraseEntry* next = nullptr;
    if (int n = P(j, PK::kTLast); n && Wd(j + n)) j += n, mode = -1;
    else if (int n2 = P(j, PK::kTNext, &next); n2 && Wd(j + n2)) j += n2, mode = 1;
    else if (int n3 = P(j, PK::kTThis); n3 && Wd(j + n3)) j += n3;
    int wd = Wd(j);
    if (!wd) return i;
    if (!ref_->date) return i;
    size_t k = j + 1;
    if (mode == 0) {
      if (int n = P(k, PK::kTLast)) k += n, mode = -1;
      else if (int n2 = P(k, PK::kTNext, &next)) k += n2, mode = 1;
    }
    // "next Wednesday" is that day of next week; "mercredi prochain" the next occurrence
    // (the pack says which: arg1 "week").
    // "lundi en huit", "mardi en quinze": the next occurrence, one or two weeks on (arg1 "+7").
    int later = next && !next->arg1.empty() && next->arg1[0] == '+' ? std::atoi(next->arg1.c_str() + 1) : 0;
    if (mode > 0 && next && next->arg1 != "week") mode = 2;
    Date d = AddDays(ResolveWeekday(wd, mode), later);
    // "Tuesday of last week", "mercredi de la semaine prochaine", "lundi cette semaine".
    {
      size_t kw = k;
      if (OfWord(kw)) ++kw;
      const PhraseEntry* pe = nullptr;
      if (int n = P(kw, PK::kTPeriod, &pe); n && pe->arg1 == "week" && pe->arg3.empty()) {
        Date s = AddDays(StartOfWeek(*ref_->date), 7 * std::atoi(pe->arg2.c_str()));
        d = AddDays(s, wd - 1);
        Set(x, i, kw + n, DayPoint(d), DayPoint(d), Precision::kDay, Basis::kRelative);
        return kw + n;
      }
    }
    // "mardi et mercredi": an interval of two weekdays.
    if (int n = P(k, PK::kTAnd); n && Wd(k + n)) {
      int wd2 = Wd(k + n);
      Date d2 = AddDays(d, (wd2 - wd + 7) % 7);
      if (!ref_->future_bias && d2 > *ref_->date) {
        d2 = ResolveWeekday(wd2, 0);
        d = AddDays(d2, -((wd2 - wd + 7) % 7));
      }
      Set(x, i, k + n + 1, DayPoint(d), DayPoint(d2), Precision::kInterval, Basis::kRelative);
      return k + n + 1;
    }
    Set(x, i, k, DayPoint(d), DayPoint(d), Precision::kDay, Basis::kRelative);
    return k;
  }

  size_t Relative(size_t i, TimeExpr* x) {
    constexpr uint64_t kStarts = kCalendarBit | Bits(PK::kTDecade, PK::kTDay, PK::kTPeriod, PK::kTLast,
                                                     PK::kTNext, PK::kTThis);
    if (!Has(i) || !(t_[i].kind == TokenKind::kNumber || (t_[i].kinds & kStarts))) return i;
    if (size_t e = Decade(i, x); e > i) return e;
    // The reference is read once a phrase is found (TagUndated reads again only the
    // sentences whose reading read it).
    const PhraseEntry* e = nullptr;
    if (int n = P(i, PK::kTDay, &e)) {
      if (!ref_->date) return i;
      const Date r = *ref_->date;
      int a = std::atoi(e->arg1.c_str());
      size_t k = i + n;
      if (!e->arg2.empty()) {
        // "dans la nuit de samedi à dimanche"
        int m = P(k, PK::kTIn);
        if (m && Wd(k + m)) {
          int w1 = Wd(k + m);
          int m2 = P(k + m + 1, PK::kTTo);
          if (m2 && Wd(k + m + 1 + m2)) {
            int w2 = Wd(k + m + 1 + m2);
            Date d2 = ResolveWeekday(w2, 0);
            Date d1 = AddDays(d2, -((w2 - w1 + 7) % 7));
            Set(x, i, k + m + 2 + m2, DayPoint(d1), DayPoint(d2), Precision::kInterval, Basis::kRelative);
            return k + m + 2 + m2;
          }
        }
        int b = std::atoi(e->arg2.c_str());
        Set(x, i, k, DayPoint(AddDays(r, a)), DayPoint(AddDays(r, b)), Precision::kInterval, Basis::kRelative);
        return k;
      }
      if (e->arg3 == "anaphor") {
        // "le lendemain du 13 février", "the day before Christmas": from the day named.
        const size_t j2 = k + (P(k, PK::kTFrom) == 1 || OfWord(k) ? 1 : 0);
        TimeExpr y;
        bool em = true;
        size_t ye = Has(j2) ? Holiday(j2, &y, &em) : j2;
        if (ye == j2 && Has(j2)) ye = Absolute(j2, true, &y, &em);
        if (ye > j2 && em && y.kind == TimeKind::kDate && y.precision == Precision::kDay && !y.clock.Set()) {
          const Date d = AddDays(y.begin.date, a);
          Set(x, i, ye, DayPoint(d), DayPoint(d), Precision::kDay, y.basis);
          return ye;
        }
      }
      Date d = AddDays(e->arg3 == "anaphor" ? Anchor() : r, a);
      Set(x, i, k, DayPoint(d), DayPoint(d), Precision::kDay, Basis::kRelative);
      x->present = e->arg3 == "present";
      if (x->present && ref_->time.Set()) {
        x->clock = ref_->time;
        x->clock.grain = Unit::kSecond;
      }
      const PhraseEntry* part = nullptr;
      int h0 = -1, h1 = -1;
      // The phrase's last words name a part of day ("ce soir", "cet après-midi", "tonight").
      for (size_t back = 1; back <= 3 && back <= static_cast<size_t>(n) && !part; ++back)
        if (ParseDaypartAt(lx_, t_, k - back, false, &part, &h0, &h1) != k) part = nullptr;
      if (part) SetDaypart(x, part, h0, h1);
      return k;
    }
    if (int n = P(i, PK::kTPeriod, &e)) {
      if (!ref_->date) return i;
      const Date r = *ref_->date;
      int off = std::atoi(e->arg2.c_str());
      bool to_date = e->arg3 == "to_date";
      size_t k = i + n;
      if (e->arg1 == "week") {
        Date s = AddDays(StartOfWeek(r), 7 * off);
        Date f = AddDays(s, 6);
        if (to_date) f = AddDays(r, -1) < s ? s : AddDays(r, -1);
        Set(x, i, k, DayPoint(s), DayPoint(f), Precision::kWeek, Basis::kRelative);
      } else if (e->arg1 == "month") {
        Date s = AddMonths(Date{r.year, r.month, 1}, off);
        Set(x, i, k, MonthPoint(s.year, s.month), MonthPoint(s.year, s.month), Precision::kMonth,
            Basis::kRelative);
      } else if (e->arg1 == "year") {
        Set(x, i, k, YearPoint(r.year + off), YearPoint(r.year + off), Precision::kYear, Basis::kRelative);
      } else {  // weekend
        int cur = Weekday(r);
        Date sat = ref_->future_bias ? AddDays(r, (6 - cur + 7) % 7) : AddDays(r, -((cur - 6 + 7) % 7));
        sat = AddDays(sat, 7 * off);
        Set(x, i, k, DayPoint(sat), DayPoint(AddDays(sat, 1)), Precision::kInterval, Basis::kRelative);
        x->amount = 2;  // also a length of time: two days
        x->unit = Unit::kDay;
      }
      return k;
    }
    // "last November", "novembre dernier", "next March": the month's previous/next occurrence.
    {
      size_t j = i;
      int mode = 0;
      if (int n = P(j, PK::kTLast); n && Month(j + n)) j += n, mode = -1;
      else if (int n2 = P(j, PK::kTNext); n2 && Month(j + n2)) j += n2, mode = 1;
      int m = Month(j);
      if (m && !Year(j + 1) && !(mode != 0 && DayNum(SkipDot(j + 1)))) {  // "last Oct. 23": a date
        size_t k = j + 1;
        if (mode == 0) {
          if (int n = P(k, PK::kTLast)) k += n, mode = -1;
          else if (int n2 = P(k, PK::kTNext, &e)) k += n2, mode = e->arg1[0] == '+' ? 2 : 1;  // "March after next"
        }
        if (mode != 0) {
          if (!ref_->date) return i;
          const Date r = *ref_->date;
          int y = r.year;
          if (mode < 0 && m >= r.month) --y;
          if (mode > 0 && m <= r.month) ++y;
          if (mode == 2) ++y;
          Set(x, i, k, MonthPoint(y, m), MonthPoint(y, m), Precision::kMonth, Basis::kRelative);
          return k;
        }
      }
    }
    return Weekday_(i, x);
  }

  // N unit: a count of time units at i. Returns the token after it.
  // Amount, remembering its last answer: At asks it at the same token twice (PastOrAgo,
  // Duration). allow_vague changes nothing at a token that begins no time unit word.
  size_t Amount(size_t i, double* n, Unit* unit, bool allow_vague = false) const {
    const bool vague = allow_vague && Has(i) && (t_[i].kinds & Bit(PK::kTUnit));
    if (i != amount_.i || vague != amount_.vague) {
      amount_.i = i;
      amount_.vague = vague;
      amount_.k = AmountAt(i, &amount_.n, &amount_.unit, vague);
    }
    if (amount_.k > i) *n = amount_.n, *unit = amount_.unit;
    return amount_.k;
  }
  size_t AmountAt(size_t i, double* n, Unit* unit, bool allow_vague) const {
    if (!Has(i)) return i;
    if (double f = 0; FractionTok(t_[i], &f) && P(i + 1, PK::kTUnit)) {  // "1/2 hour", "3/4 hour"
      const PhraseEntry* ue = nullptr;
      const int m = P(i + 1, PK::kTUnit, &ue);
      *n = f;
      *unit = UnitFrom(ue->arg1);
      return i + 1 + m;
    }
    constexpr uint64_t kCounts = (uint64_t{1} << static_cast<int>(PK::kUnit)) | (uint64_t{1} << static_cast<int>(PK::kScale)) |
                                 (uint64_t{1} << static_cast<int>(PK::kArticle)) | (uint64_t{1} << static_cast<int>(PK::kTUnit)) |
                                 (uint64_t{1} << static_cast<int>(PK::kTFraction));
    if (t_[i].kind != TokenKind::kNumber && !(t_[i].kinds & kCounts)) return i;
    double v = 0;
    size_t k = cards_.At(lx_, t_, i, &v);
    // "half an hour", "a quarter of an hour", "trois quarts d'heure": a fraction of one unit.
    const PhraseEntry* fr = nullptr;
    if (k == i && P(i, PK::kTFraction, &fr)) {
      const PhraseEntry* ue = nullptr;
      size_t kf = i + P(i, PK::kTFraction);
      int m = P(kf, PK::kTUnit, &ue);
      if (!m) return i;
      *n = fr->value;
      *unit = UnitFrom(ue->arg1);
      return kf + m;
    }
    if (k > i) {
      // "5 and a half minutes", "one and three quarters of an hour": a fraction before the unit.
      const PhraseEntry* he = nullptr;
      if (int h = P(k, PK::kTHalf, &he)) {
        size_t ku = k + h;
        if (int o = P(ku, PK::kOf)) ku += o;
        if (int a = P(ku, PK::kArticle); a && P(ku + a, PK::kTUnit)) ku += a;
        if (P(ku, PK::kTUnit)) v += he->value > 0 ? he->value : 0.5, k = ku;
      }
      if (double f = 0; Has(k) && FractionTok(t_[k], &f) && P(k + 1, PK::kTUnit)) v += f, ++k;  // "5 1/2 hours"
      if (int x = P(k, PK::kTExtra); x && P(k + x, PK::kTUnit)) k += x;            // "2 more minutes"
    }
    if (k == i) {
      // "a day", "une semaine": the article alone counts one.
      const PhraseEntry* e = nullptr;
      if (P(i, PK::kArticle) || (P(i, PK::kUnit, &e) && e->value == 1)) {
        k = i + 1, v = 1;
      } else if (allow_vague && P(i, PK::kTUnit) == 1 && t_[i].f.size() > 3 && t_[i].f.back() == 's' &&
                 (i == 0 || !P(i - 1, PK::kTPast))) {
        v = std::nan("");  // "years", "weeks": an unknown number of units
      } else {
        return i;
      }
    }
    // "16-hour": a hyphen glued to both sides.
    if (k > i && Punct(k, "-") && t_[k].start == t_[k - 1].end && Has(k + 1) && t_[k + 1].start == t_[k].end) ++k;
    const PhraseEntry* e = nullptr;
    int m = P(k, PK::kTUnit, &e);
    if (!m) return i;
    *n = v;
    *unit = UnitFrom(e->arg1);
    if (double f = std::atof(e->arg2.c_str()); f > 0 && !std::isnan(v)) v *= f;  // "decade": 10 years
    *n = v;
    return k + m;
  }

  Date Shift(const Date& r, double n, Unit u, int sign) const {
    int64_t k = static_cast<int64_t>(std::ceil(n));
    switch (u) {
      case Unit::kYear: return AddMonths(r, sign * 12 * static_cast<int>(k));
      case Unit::kMonth: return AddMonths(r, sign * static_cast<int>(k));
      case Unit::kWeek: return AddDays(r, sign * 7 * k);
      case Unit::kHour: return AddDays(r, sign * static_cast<int64_t>(std::ceil(n / 24.0)));
      case Unit::kDay: return AddDays(r, sign * k);
      default: return r;
    }
  }

  // "il y a deux jours", "two days ago", "ces dernières 48 heures", "in the past 24 hours".
  // The reference is read once an expression is found (TagUndated reads again only the
  // sentences whose reading read it): with none, i.
  size_t PastOrAgo(size_t i, TimeExpr* x) {
    constexpr uint64_t kStarts = Bits(PK::kTAgoPrefix, PK::kTPast, PK::kTAhead, PK::kUnit, PK::kScale,
                                      PK::kArticle, PK::kTUnit, PK::kTFraction);
    if (!Has(i) || !(t_[i].kind == TokenKind::kNumber || (t_[i].kinds & kStarts))) return i;
    double n = 0;
    Unit u = Unit::kDay;
    if (int m = P(i, PK::kTAgoPrefix)) {
      size_t k = Amount(i + m, &n, &u);
      if (k > i + m) return ref_->date ? Ago(i, k, n, u, x) : i;
    }
    if (int m = P(i, PK::kTPast)) {
      size_t k = Amount(i + m, &n, &u);
      if (k > i + m && u >= Unit::kHour) {
        if (!ref_->date) return i;
        const Date r = *ref_->date;
        Set(x, i, k, DayPoint(Shift(r, n, u, -1)), DayPoint(r), Precision::kInterval, Basis::kRelative);
        x->amount = n;
        x->unit = u;
        return k;
      }
    }
    if (int m = P(i, PK::kTAhead)) {
      size_t k = Amount(i + m, &n, &u);
      if (k > i + m && !ref_->date) return i;
      if (size_t e = k > i + m ? Ahead(i, k, n, u, x) : i; e > i) return e;
    }
    size_t k = Amount(i, &n, &u);
    // "two days ago"; "two weeks from now", "a week hence" (pack arg1 "+": ahead).
    if (const PhraseEntry* se = nullptr; int sm = k > i ? P(k, PK::kTAgoSuffix, &se) : 0) {
      if (!ref_->date) return i;
      return se->arg1 == "+" ? Ahead(i, k + sm, n, u, x) : Ago(i, k + sm, n, u, x);
    }
    // Later() reads nothing but its word before it reads the anchor.
    if (k > i && P(k, PK::kTLater) && ref_->date) return Later(i, k, n, u, x);
    return i;
  }
  // "two days later", "deux jours plus tard", "trois jours avant,": counted from the last day
  // the text named (the document date when none). A word that also introduces a date
  // ("after", "après"; pack arg2 "closing") counts closing its clause, or before a day.
  size_t Later(size_t i, size_t k, double n, Unit u, TimeExpr* x) {
    const PhraseEntry* e = nullptr;
    int m = P(k, PK::kTLater, &e);
    if (!m || std::isnan(n) || u < Unit::kDay) return i;
    const int sign = e->arg1 == "-" ? -1 : 1;
    size_t end = k + m;
    Date from = Anchor();
    if (e->arg2 == "closing" && Has(end) && t_[end].kind != TokenKind::kPunct) {
      // "three days after Easter", "deux semaines avant le 15 mars": from the day named.
      TimeExpr y;
      bool em = true;
      size_t ye = Holiday(end, &y, &em);
      const size_t d0 = OfWord(end) && !Month(end) ? end + 1 : end;  // "après le 15 mars"
      if (ye == end && (ye = Absolute(d0, true, &y, &em)) == d0) ye = end;
      if (ye == end || !em || y.kind != TimeKind::kDate || y.precision != Precision::kDay) return i;
      from = y.begin.date;
      end = ye;
    }
    const Date d = Shift(from, n, u, sign);
    Set(x, i, end, DayPoint(d), DayPoint(d), Precision::kDay, Basis::kRelative);
    x->amount = n;
    x->unit = u;
    return end;
  }
  // "in two weeks", "two weeks from now": the day that many units on (the month for years; a
  // time of day for hours and minutes when the reference has one), or i.
  size_t Ahead(size_t i, size_t k, double n, Unit u, TimeExpr* x) {
    if (u < Unit::kDay && ref_->time.Set()) return ClockShift(i, k, n, u, +1, x);
    if (u < Unit::kDay) return i;
    const Date d = Shift(*ref_->date, n, u, +1);
    if (u == Unit::kYear) Set(x, i, k, MonthPoint(d.year, d.month), MonthPoint(d.year, d.month), Precision::kMonth, Basis::kRelative);
    else Set(x, i, k, DayPoint(d), DayPoint(d), Precision::kDay, Basis::kRelative);
    x->amount = n;  // "in two weeks" is also a length of time
    x->unit = u;
    return k;
  }
  size_t Ago(size_t i, size_t end, double n, Unit u, TimeExpr* x) {
    if (u < Unit::kDay && ref_->time.Set()) return ClockShift(i, end, n, u, -1, x);
    Date d = Shift(*ref_->date, n, u, -1);
    x->amount = n;
    x->unit = u;
    if (u == Unit::kMonth) {
      Set(x, i, end, MonthPoint(d.year, d.month), MonthPoint(d.year, d.month), Precision::kMonth, Basis::kRelative);
    } else if (u == Unit::kYear) {
      Set(x, i, end, YearPoint(d.year), YearPoint(d.year), Precision::kYear, Basis::kRelative);
    } else {
      Set(x, i, end, DayPoint(d), DayPoint(d), Precision::kDay, Basis::kRelative);
    }
    return end;
  }

  size_t Duration(size_t i, TimeExpr* x) {
    double n = 0;
    Unit u = Unit::kDay;
    size_t k = Amount(i, &n, &u, true);
    if (k == i) return i;
    // Bare "a day"/"un jour" is too weak on its own in running text.
    if (t_[i].kind != TokenKind::kNumber && n == 1 && P(i, PK::kArticle) == 0 && P(i, PK::kUnit) == 0) return i;
    // "and a half", then further parts: "2 years and 3 months", "an hour and 45 minutes".
    if (!std::isnan(n)) {
      if (const PhraseEntry* he = nullptr; int h = P(k, PK::kTHalf, &he)) n += he->value > 0 ? he->value : 0.5, k += h;
      while (true) {
        size_t j = k;
        if (Punct(j, ",")) ++j;
        if (int a = P(j, PK::kTAnd)) j += a;
        double n2 = 0;
        Unit u2 = Unit::kDay;
        size_t k2 = Amount(j, &n2, &u2);
        if (k2 == j && u == Unit::kHour && t_[j].kind != TokenKind::kPunct) {
          // "1 hour thirty", "2 hours and 10": minutes without their unit, at the end.
          double mins = 0;
          size_t km = cards_.At(lx_, t_, j, &mins);
          if (km > j && mins > 0 && mins < 60 && (!Has(km) || t_[km].kind == TokenKind::kPunct)) {
            n = n * 60 + mins;
            u = Unit::kMinute;
            k = km;
          }
          break;
        }
        if (k2 == j || u2 >= u || std::isnan(n2)) break;
        if (const PhraseEntry* he = nullptr; int h = P(k2, PK::kTHalf, &he)) n2 += he->value > 0 ? he->value : 0.5, k2 += h;
        n = n * UnitRatio(u, u2) + n2;
        u = u2;
        k = k2;
      }
      // Whole numbers of the next smaller unit: 1.5 hours = 90 minutes.
      while (n != std::floor(n) && u > Unit::kSecond && u != Unit::kWeek) {
        Unit smaller = u == Unit::kMonth ? Unit::kDay : static_cast<Unit>(static_cast<int>(u) - 1);
        n *= UnitRatio(u, smaller);
        u = smaller;
      }
    }
    x->start = t_[i].start;
    x->end = t_[k - 1].end;
    x->kind = TimeKind::kDuration;
    x->amount = n;
    x->unit = u;
    x->precision = Precision::kInterval;
    x->basis = Basis::kExplicit;
    return k;
  }

  size_t During(size_t i, TimeExpr* x) {
    int m = P(i, PK::kTDuring);
    if (!m) return i;
    size_t k = Duration(i + m, x);
    if (k == i + m) return i;
    x->start = t_[i].start;
    return k;
  }

  // A date introduced by a preposition, which lets a bare month or year count.
  size_t Marked(size_t i, TimeExpr* x, bool* emit) {
    const PhraseEntry* e = nullptr;
    int m = P(i, PK::kTIn, &e);
    if (!m) return i;
    bool weak = e->arg1 == "weak";
    size_t k = Absolute(i + m, true, x, emit);
    if (k == i + m) return i;
    if (weak && x->precision == Precision::kYear && x->kind == TimeKind::kDate) return i;
    return k;
  }

  // Début/mi/fin, early/mid/late + month or year: kept at the period's grain.
  size_t Part(size_t i, TimeExpr* x, bool* emit) {
    int m = P(i, PK::kTEarly);
    if (!m) m = P(i, PK::kTMid);
    if (!m) m = P(i, PK::kTLate);
    if (!m) return i;
    size_t j = i + m;
    if (int n = P(j, PK::kTIn); n && !Month(j) && !Year(j)) j += n;
    size_t k = Absolute(j, true, x, emit);
    if (k == j) k = PartOfPeriod(j, x);
    if (k == j) return i;
    x->start = t_[i].start;
    return k;
  }
  // After "end of", "début de": "next year", "l'année dernière", or the month or year itself
  // ("fin du mois", "the end of the year"): kept at the period's grain.
  // The reference is read once the words are found (TagUndated reads again only what read
  // it): "the start of the offensive" reads none.
  size_t PartOfPeriod(size_t j, TimeExpr* x) {
    const PhraseEntry* pe = nullptr;
    if (int n = P(j, PK::kTPeriod, &pe); n && (pe->arg1 == "month" || pe->arg1 == "year") && pe->arg3.empty()) {
      if (!ref_->date) return j;
      const size_t k = Relative(j, x);
      return k > j && x->kind == TimeKind::kDate ? k : j;
    }
    const size_t ju = OfWord(j) ? j + 1 : j;  // "the year", "le mois"
    const PhraseEntry* ue = nullptr;
    const int n = P(ju, PK::kTUnit, &ue);
    if (!n || !ue->arg2.empty() || (ue->arg1 != "month" && ue->arg1 != "year")) return j;
    size_t k = ju + n;
    if (Has(k) && t_[k].join == '-') return j;  // "the end of the months-long siege"
    if (!ref_->date) return j;
    const Date r = *ref_->date;
    int off = 0;
    if (int l = P(k, PK::kTLast)) off = -1, k += l;                                  // "l'année dernière"
    else if (int nx = P(k, PK::kTNext, &pe); nx && pe->arg1.empty()) off = 1, k += nx;  // "le mois prochain"
    if (ue->arg1 == "month") {
      const Date d = AddMonths(Date{r.year, r.month, 1}, off);
      Set(x, j, k, MonthPoint(d.year, d.month), MonthPoint(d.year, d.month), Precision::kMonth, Basis::kRelative);
    } else {
      Set(x, j, k, YearPoint(r.year + off), YearPoint(r.year + off), Precision::kYear, Basis::kRelative);
    }
    return k;
  }

  // depuis / since + date: an interval running to the reference date.
  size_t Since(size_t i, TimeExpr* x, bool* emit) {
    const PhraseEntry* se = nullptr;
    int m = P(i, PK::kTSince, &se);
    if (!m) return i;
    size_t j = i + m;
    // "since then", "depuis lors" (arg1 "anaphor"), or "since" closing a clause ("Depuis,
    // aucun convoi…"): from the last day the text named to the reference date.
    if ((se->arg1 == "anaphor" || (Has(j) && (Punct(j, ",") || Punct(j, "."))) || !Has(j)) && ref_->date) {
      const Date a = Anchor();
      if (a > *ref_->date) return i;
      Set(x, i, j, DayPoint(a), DayPoint(*ref_->date), Precision::kInterval, Basis::kRelative);
      x->open_end = true;
      x->open = 1;
      return j;
    }
    size_t k = Part(j, x, emit);
    if (k == j) k = ParseYearPartAt(lx_, t_, j, ref_, ahead_, memo_, x);
    if (k == j) k = Holiday(j, x, emit);
    if (k == j) k = Marked(j, x, emit);
    if (k == j) k = Absolute(j, true, x, emit);
    if (k == j) k = Relative(j, x);
    if (k == j || x->kind == TimeKind::kDuration) return i;
    x->start = t_[i].start;
    if (!x->clock_end.Set()) x->open = 1;  // "since 2pm"; "dès le matin" is the morning
    if (ref_->date && x->begin.date <= *ref_->date) {
      x->finish = DayPoint(*ref_->date);
      x->open_end = true;
    }
    x->precision = Precision::kInterval;
    x->kind = TimeKind::kInterval;
    return k;
  }

  // "after 5 pm", "à partir du 8 mars", "avant 16h", "until Friday", "à partir du 8": an
  // open interval bounded by the time that follows (a time of day, a date, a holiday, a
  // relative day, or a bare day of the month after "à partir du").
  size_t Open(size_t i, TimeExpr* x, bool* emit) {
    const PhraseEntry* e = nullptr;
    int m = P(i, PK::kTOpen, &e);
    if (!m || !Has(i + m) || t_[i + m].join == '-') return i;  // "avant-hier", "après-midi"
    size_t j = i + m;
    size_t k = ClockAt(j, x, emit);
    if (k == j) k = Holiday(j, x, emit);
    if (k == j) k = Absolute(j, true, x, emit);
    if (k == j) k = Relative(j, x);
    if (k == j) k = BareDay(j, x, /*lead_done=*/true);
    if (k == j) return i;
    if (!*emit) return k;
    if (x->kind == TimeKind::kDuration || x->clock_end.Set()) return i;
    x->start = t_[i].start;
    x->open = e->arg1 == "before" ? -1 : 1;
    return k;
  }

  // "the week of March 6", "la semaine du 6 octobre": the week (Monday to Sunday) holding
  // the day.
  size_t WeekOf(size_t i, TimeExpr* x, bool* emit) {
    int m = P(i, PK::kTWeekOf);
    if (!m) return i;
    size_t j = i + m;
    size_t k = Absolute(j, true, x, emit);
    if (k == j) k = BareDay(j, x, /*lead_done=*/true);
    if (k == j) return i;
    if (!*emit) return k;
    if (x->kind != TimeKind::kDate || x->precision != Precision::kDay) return i;
    const Date s = StartOfWeek(x->begin.date);
    Set(x, i, k, DayPoint(s), DayPoint(AddDays(s, 6)), Precision::kWeek, x->basis);
    return k;
  }

  // du 3 au 5 décembre / from 3 to 5 December / between 3 and 5 December, and full dates.
  size_t FromTo(size_t i, TimeExpr* x, bool* emit) {
    const PhraseEntry* me = nullptr;
    int m = P(i, PK::kTFrom, &me);
    bool between = false;
    if (!m) m = P(i, PK::kTBetween, &me), between = true;
    // A marker that announces days ("du", "entre le", "from the": pack arg1 "day") lets bare
    // days and days in words be read: "du 13 au 18", "du treize au 15 juillet".
    const bool days = m && me && me->arg1 == "day";
    if (!m) between = false;  // "13 au 15 juillet", "13-15 July": no marker
    size_t j = i + m;
    if (Wd(j) && DayNum(j + 1)) ++j;  // "du samedi 13 au …"
    TimeExpr a;
    bool emit_a = true;
    size_t ja = Absolute(j, true, &a, &emit_a);
    int d1 = 0;
    size_t after = ja;
    if (ja == j) {
      d1 = DayNum(j);
      after = j + 1;
      if (!d1 && days) d1 = WordDay(j, &after);
      if (!d1) return i;
    }
    int mt = between ? P(after, PK::kTAnd) : P(after, PK::kTTo);
    if (!mt && Punct(after, "-")) mt = 1;
    if (!mt) return i;
    size_t jb = after + mt;
    if (OfWord(jb) && !Month(jb)) ++jb;  // "entre le 13 et le 15 juillet"
    if (Wd(jb) && DayNum(jb + 1)) ++jb;
    TimeExpr b;
    size_t kb = Absolute(jb, true, &b, emit);
    if (kb == jb && ja == j) {
      // Both days bare: the second in words before its month ("du 1er au dix juillet"), or
      // both in digits after a day marker, in the reference's month ("du 13 au 18").
      size_t e2 = jb + 1;
      int d2 = DayNum(jb);
      if (!d2) d2 = WordDay(jb, &e2);
      if (!d2 || d2 <= d1) return i;
      int mo = Month(e2);
      size_t end = e2;
      int y = 0;
      if (mo) {
        end = SkipDot(e2 + 1);
        if ((y = Year(SkipComma(end)))) end = SkipComma(end) + 1;
      } else if (!days || !IsNumberTok(t_[j]) || (Has(e2) && t_[e2].kind != TokenKind::kPunct) || !ref_->date) {
        return i;
      }
      if (!y && !ref_->date) {
        *emit = false;
        x->start = t_[i].start;
        x->end = t_[end - 1].end;
        return end;
      }
      Date first, last;
      if (mo) {
        std::optional<Date> dt = y ? std::optional<Date>(Date{y, mo, d2}) : ResolveDayMonth(mo, d2, 0, i, end);
        if (!dt || !ValidDate(dt->year, mo, d2)) return i;
        last = *dt;
      } else {
        const Date r = *ref_->date;
        Date base{r.year, r.month, 1};
        if (!Future() && d1 > r.day) base = AddMonths(base, -1);
        if (Future() && d2 < r.day) base = AddMonths(base, 1);
        if (!ValidDate(base.year, base.month, d2)) return i;
        last = Date{base.year, base.month, d2};
      }
      first = Date{last.year, last.month, d1};
      Set(x, i, end, DayPoint(first), DayPoint(last), Precision::kInterval, y ? Basis::kExplicit : Basis::kRelative);
      return end;
    }
    if (kb == jb) {
      // "July 13-15", "August 27th - 29th", "13 to 15 December 2016" read above; here the
      // month came first: the second day shares it (and takes a year that follows).
      int d2 = DayNum(jb);
      if (!d2 || ja == j || !emit_a || a.precision != Precision::kDay || d2 <= a.begin.date.day || Month(jb + 1))
        return i;
      Date s0 = a.begin.date;
      size_t end = jb + 1;
      if (int y = Year(SkipComma(end))) s0.year = y, end = SkipComma(end) + 1;
      if (!ValidDate(s0.year, s0.month, d2) || !ValidDate(s0.year, s0.month, s0.day)) return i;
      Set(x, i, end, DayPoint(s0), DayPoint(Date{s0.year, s0.month, d2}), Precision::kInterval, Basis::kExplicit);
      return end;
    }
    if (!*emit) return kb;
    if (b.kind != TimeKind::kDate) return i;
    if (d1) {
      if (b.precision != Precision::kDay || d1 > b.begin.date.day) return i;
      a.begin = DayPoint(Date{b.begin.date.year, b.begin.date.month, d1});
    } else if (!emit_a) {
      return i;
    }
    Set(x, i, kb, a.begin, b.finish, Precision::kInterval, Basis::kExplicit);
    return kb;
  }

  // A holiday from the pack ("Noël", "Thanksgiving", "lundi de Pâques"), with "last",
  // "next", "this" or a year: the occurrence the bias picks otherwise.
  size_t Holiday(size_t i, TimeExpr* x, bool* emit) {
    size_t j = i;
    int mode = 0;
    if (int n = P(j, PK::kTLast); n && P(j + n, PK::kTHoliday)) j += n, mode = -1;
    else if (int n2 = P(j, PK::kTNext); n2 && P(j + n2, PK::kTHoliday)) j += n2, mode = 1;
    else if (int n3 = P(j, PK::kTThis); n3 && P(j + n3, PK::kTHoliday)) j += n3, mode = 2;
    const PhraseEntry* e = nullptr;
    int n = P(j, PK::kTHoliday, &e);
    if (!n) return i;
    size_t k = j + n;
    std::optional<Date> d;
    Basis basis = Basis::kRelative;
    int year_shift = 0;
    bool shifted = false;
    if (ref_->date && !Year(k)) {
      // "Thanksgiving of next year", "tax day last year", "Christmas 1 year ago", "… in 3 years".
      size_t j2 = OfWord(k) ? k + 1 : k;
      const PhraseEntry* pe = nullptr;
      double n = 0;
      Unit u = Unit::kDay;
      if (int m = P(j2, PK::kTPeriod, &pe); m && pe->arg1 == "year" && pe->arg3.empty()) {
        year_shift = std::atoi(pe->arg2.c_str()), shifted = true, k = j2 + m;
      } else if (int a = P(k, PK::kTAhead); a && Amount(k + a, &n, &u) > k + a && u == Unit::kYear && !std::isnan(n)) {
        year_shift = static_cast<int>(n), shifted = true, k = Amount(k + a, &n, &u);
      } else if (size_t ka = Amount(k, &n, &u); ka > k && (u == Unit::kYear || u == Unit::kMonth) && !std::isnan(n) &&
                                                 P(ka, PK::kTAgoSuffix, &pe)) {
        // "Christmas 1 year ago", "thanksgiving 3 months ago", "… 9 months from now": the
        // occurrence in the year of the moment named.
        const Date moved = Shift(*ref_->date, n, u, pe->arg1 == "+" ? 1 : -1);
        year_shift = moved.year - ref_->date->year, shifted = true, k = ka + P(ka, PK::kTAgoSuffix);
      }
    }
    if (int y = Year(k)) {
      d = HolidayDate(e->arg1, y);
      ++k;
      basis = Basis::kExplicit;
    } else if (shifted) {
      d = HolidayDate(e->arg1, ref_->date->year + year_shift);
    } else if (!ref_->date) {
      *emit = false;
      x->start = t_[i].start;
      x->end = t_[k - 1].end;
      return k;
    } else {
      const Date r = *ref_->date;
      std::optional<Date> cur = HolidayDate(e->arg1, r.year), prev = HolidayDate(e->arg1, r.year - 1),
                          next = HolidayDate(e->arg1, r.year + 1);
      if (!cur || !prev || !next) return i;
      if (mode == 2 && !Future()) d = cur;
      else if (mode == 2) d = *cur >= r ? cur : next;  // "this Christmas", looking ahead
      else if (mode < 0) d = *cur < r ? cur : prev;
      else if (mode > 0 || Future()) d = *cur > r || (mode == 0 && *cur == r) ? cur : next;
      else d = DaysFromCivil(*cur) - DaysFromCivil(r) > kAheadDays ? prev : cur;
    }
    if (!d) return i;
    Set(x, i, k, DayPoint(*d), DayPoint(*d), Precision::kDay, basis);
    if (int span = HolidaySpan(e->arg1, *d); span > 0)  // "Lent": the days it runs
      Set(x, i, k, DayPoint(*d), DayPoint(AddDays(*d, span)), Precision::kInterval, basis);
    return k;
  }

  // "the first Monday of March", "le dernier jour d'octobre 2015", "la première semaine
  // d'octobre", "third Tuesday of next month": an ordinal (or last) day, weekday or week of
  // a month.
  size_t NthOfMonth(size_t i, TimeExpr* x, bool* emit) {
    size_t j = i;
    if (OfWord(j) && !Month(j)) ++j;  // "the", "le", "la"
    int nth = 0;
    const PhraseEntry* e = nullptr;
    bool big = false;  // beyond 5: only a day of the month ("le 3eme jour", "the 20th day")
    if (int n = P(j, PK::kOrdinal, &e); n && e->value >= 1 && e->value <= 5) {
      nth = static_cast<int>(e->value);
      j += n;
    } else if (Has(j) && t_[j].kind == TokenKind::kNumber && t_[j].num_ok && t_[j].num_ordinal && t_[j].num >= 1 &&
               t_[j].num <= 31) {  // "3eme", "3rd"
      nth = static_cast<int>(t_[j].num);
      big = nth > 5;
      ++j;
    } else if (int m = P(j, PK::kTLast)) {
      nth = -1;
      j += m;
    } else {
      return i;
    }
    int wd = Wd(j);
    const PhraseEntry* u = nullptr;
    bool week = false, day = false;
    if (wd && !big) {
      ++j;
    } else if (int m = P(j, PK::kTUnit, &u); m == 1 && (u->arg1 == "day" || (u->arg1 == "week" && !big))) {
      wd = 0;
      week = u->arg1 == "week";
      day = !week;
      ++j;
    } else {
      return i;
    }
    // "of", "in", "de", "d'", "du", then a month: "March", "octobre 2015", "next month".
    size_t k = j;
    if (int m = P(k, PK::kTIn)) k += m;
    else if (int l = P(k, PK::kTDaypartLead)) k += l;
    if (k == j) return i;
    TimeExpr mo;
    bool mo_emit = true;
    size_t km = Absolute(k, true, &mo, &mo_emit);
    if (km == k) km = Relative(k, &mo);
    if (km == k) km = PartOfPeriod(k, &mo);  // "of the month", "du mois prochain"
    if (km == k) return i;
    if (!mo_emit) {
      *emit = false;
      x->start = t_[i].start;
      x->end = t_[km - 1].end;
      return km;
    }
    if (mo.precision != Precision::kMonth || mo.kind != TimeKind::kDate) return i;
    const int y = mo.begin.date.year, mth = mo.begin.date.month, last = DaysInMonth(y, mth);
    Date d;
    Precision pr = Precision::kDay;
    if (wd) {
      char rule[32];
      std::snprintf(rule, sizeof rule, "nth:%d:%d:%d", mth, wd, nth);
      std::optional<Date> h = HolidayDate(rule, y);
      if (!h) return i;
      d = *h;
    } else if (day) {
      int dd = nth < 0 ? last : nth;
      if (dd > last) return i;
      d = Date{y, mth, dd};
    } else {
      // The first week starts on the month's first Monday; the last is the last whole week.
      Date first = AddDays(Date{y, mth, 1}, (1 - Weekday(Date{y, mth, 1}) + 7) % 7);
      d = nth > 0 ? AddDays(first, 7 * (nth - 1)) : AddDays(Date{y, mth, last}, -((Weekday(Date{y, mth, last}) % 7)) - 6);
      if (d.month != mth) return i;
      pr = Precision::kWeek;
    }
    Set(x, i, km, DayPoint(d), DayPoint(pr == Precision::kWeek ? AddDays(d, 6) : d), pr, mo.basis);
    return km;
  }

  // "the 20th of next month", "20 of this month", "le 5 du mois prochain": a day of a month
  // named relative to the reference.
  size_t DayOfRelativeMonth(size_t i, TimeExpr* x) {
    size_t j = i;
    if (OfWord(j) && !Month(j)) ++j;  // "the", "le"
    const int d = DayNum(j);
    if (!d) return i;
    size_t k = j + 1;
    const PhraseEntry* u = nullptr;
    if (P(k, PK::kTUnit, &u) == 1 && u->arg1 == "day") ++k;  // "20th day of"
    size_t km = k;
    if (int m = P(k, PK::kTIn)) km += m;
    if (!Has(km) || !(t_[km].kinds & Bit(PK::kTPeriod))) return i;
    if (!ref_->date) return i;
    TimeExpr mo;
    const size_t ke = Relative(km, &mo);
    if (ke == km || mo.kind != TimeKind::kDate || mo.precision != Precision::kMonth) return i;
    const Date md = mo.begin.date;
    if (!ValidDate(md.year, md.month, d)) return i;
    Set(x, i, ke, DayPoint(Date{md.year, md.month, d}), DayPoint(Date{md.year, md.month, d}), Precision::kDay,
        Basis::kRelative);
    return ke;
  }

  // "le 16", "on the 24th": a day of the month with no month, at the end of a clause or
  // before a time ("le 16 à 18h"); the month the bias picks.
  // `lead_done`: the article came before i ("à partir du 8").
  size_t BareDay(size_t i, TimeExpr* x, bool lead_done = false) {
    size_t j = i;
    if (int n = P(j, PK::kTThis)) j += n;  // "on"
    int wd = Wd(j);  // "vendredi 15 à 16h": the month where the 15th is a Friday
    if (wd) ++j;
    else if (OfWord(j)) ++j;
    else if (!lead_done) return i;
    int d = DayNum(j);
    if (!d) return i;
    size_t k = j + 1;
    bool end = !Has(k) || (t_[k].kind == TokenKind::kPunct && t_[k].start > t_[j].end) ||
               (t_[k].kind == TokenKind::kPunct && (t_[k].f == "," || t_[k].f == "." || t_[k].f == ";"));
    if (Has(k) && t_[k].f == ":") return i;  // "Thursday 8:00"
    if (!end && !P(k, PK::kTAt)) return i;
    if (!end && Has(k + 1) && t_[k + 1].kind == TokenKind::kWord && !P(k + 1, PK::kTClockNamed)) return i;
    if (!ref_->date) return i;  // read only now (TagUndated reads again the sentences that read it)
    const Date r = *ref_->date;
    Date c{r.year, r.month, std::min(d, DaysInMonth(r.year, r.month))};
    if (c.day != d) return i;
    if (Future() && c < r) c = AddMonths(Date{r.year, r.month, 1}, 1), c.day = d;
    if (!Future() && c > r) c = AddMonths(Date{r.year, r.month, 1}, -1), c.day = d;
    for (int step = 0; wd && step < 14; ++step) {  // the nearest month, in the bias' direction
      if (ValidDate(c.year, c.month, d) && Weekday(Date{c.year, c.month, d}) == wd) break;
      c = AddMonths(Date{c.year, c.month, 1}, Future() ? 1 : -1);
      c.day = d;
      if (step == 13) return i;
    }
    if (!ValidDate(c.year, c.month, c.day)) return i;
    Set(x, i, k, DayPoint(c), DayPoint(c), Precision::kDay, Basis::kRelative);
    return k;
  }

  // The reference moment moved by n hours, minutes or seconds, at the next finer grain.
  size_t ClockShift(size_t i, size_t end, double n, Unit u, int sign, TimeExpr* x) {
    double secs = n * (u == Unit::kHour ? 3600 : u == Unit::kMinute ? 60 : 1);
    int64_t total = static_cast<int64_t>(ref_->time.Seconds()) + sign * static_cast<int64_t>(std::llround(secs));
    int64_t days = total >= 0 ? total / 86400 : -((-total + 86399) / 86400);
    int64_t rest = total - days * 86400;
    Date d = AddDays(*ref_->date, days);
    Set(x, i, end, DayPoint(d), DayPoint(d), Precision::kDay, Basis::kRelative);
    x->clock.hour = static_cast<int>(rest / 3600);
    x->clock.minute = static_cast<int>(rest / 60 % 60);
    x->clock.second = static_cast<int>(rest % 60);
    // One grain below the unit counted in: "in 2 hours" to the minute, "in half an hour" (30
    // minutes) to the second.
    x->clock.grain = u == Unit::kHour && n == std::floor(n) ? Unit::kMinute : Unit::kSecond;
    x->amount = n;
    x->unit = u;
    return end;
  }

  // The hours of a part of day on x's day: 18 to 24 is 18:00 through 23:00 at hour grain.
  void SetDaypart(TimeExpr* x, const PhraseEntry* part, int h0, int h1) const {
    x->daypart = part->arg1;
    if (h0 < 0) return;
    x->clock = Clock{h0, 0, 0, Unit::kHour};
    x->clock_end = Clock{h1 - 1, 0, 0, Unit::kHour};
    x->finish = x->begin;
  }

  // A clock, or a clock range, at i: "15h30", "from 3 to 5 pm", "de 15h à 17h", "9:30-11:00".
  // `lead` lets a bare number count ("at 5" after a day). The token after it, or i.
  size_t ClockRange(size_t i, bool lead, ClockRead* a, ClockRead* b, bool* range) const {
    *range = false;
    size_t j = i;
    bool between = false;
    if (int n = P(j, PK::kTBetween)) j += n, between = true;
    else if (int m = P(j, PK::kTFrom)) j += m;
    else if (int w = P(j, PK::kTIn); w && lx_.clock_range_after_in) j += w;  // "de 15h à 17h"
    size_t k = ParseClockAt(lx_, t_, j, true, a, &cards_);
    if (k == j) {
      if (j != i) return i;
      return i;
    }
    int mt = between ? P(k, PK::kTAnd) : P(k, PK::kTTo);
    if (!mt && Punct(k, "-")) mt = 1;
    if (mt) {
      size_t kb = ParseClockAt(lx_, t_, k + mt, true, b, &cards_);
      // "15 à 16h" is a day then an hour ("vendredi 15 à 16h"): a bare first number needs
      // "from"/"de"/"between" before it.
      // "3-4pm": the hyphen glued to both hours, am/pm on the second.
      bool glued = Punct(k, "-") && t_[k].start == t_[k - 1].end && Has(k + 1) && t_[k + 1].start == t_[k].end;
      if (kb > k + mt && ((a->marked && b->marked) || (j > i && (a->marked || b->marked)) || (glued && b->meridiem))) {
        if (b->ambiguous && b->clock.hour < a->clock.hour && b->clock.hour < 12) b->clock.hour += 12;
        if (!a->meridiem && b->meridiem && a->clock.hour < 12) {
          int mer_shift = b->clock.hour >= 12 ? 12 : 0;
          if (a->clock.hour + mer_shift <= b->clock.hour || b->clock.hour == 0) a->clock.hour += mer_shift;
          a->ambiguous = false;
        }
        Unit g = std::min(a->clock.grain, b->clock.grain);
        a->clock.grain = b->clock.grain = g;
        a->marked = b->marked = true;
        *range = true;
        return kb;
      }
    }
    if (j > i && !between) return i;  // "from 3" alone: not a time here
    if (!a->marked && !lead) return i;
    return k;
  }

  // A time of day, with what day it falls on: "à 8h", "at 3 pm tomorrow", "9 tomorrow
  // morning", "from 9:30 to 11:00 on Thursday". Alone, its day is the reference's.
  size_t ClockAt(size_t i, TimeExpr* x, bool* emit) {
    size_t j = i;
    int at = P(j, PK::kTAt);
    if (at && !P(j, PK::kTBetween)) j += at;
    ClockRead a, b;
    bool range = false;
    // A bare number is kept only when a part of day or a day follows (checked below).
    size_t k = ClockRange(j, true, &a, &b, &range);
    if (k == j) {
      if (at) return i;
      // A part of day alone: "in the afternoon", "en début de matinée" (a day word such as
      // "tonight" or "ce soir" is read by Relative, as a day).
      if (P(i, PK::kTDay)) return i;
      const PhraseEntry* part = nullptr;
      int h0 = -1, h1 = -1;
      size_t kp = ParseDaypartAt(lx_, t_, i, true, &part, &h0, &h1);
      if (kp == i || h0 < 0) return i;
      // "matinée du 15 février", "the morning of Christmas": the part of a named day.
      size_t kd = kp;
      if (int l = P(kd, PK::kTIn)) kd += l;
      else if (int l2 = P(kd, PK::kTDaypartLead)) kd += l2;
      if (kd > kp) {
        if (OfWord(kd) && !Month(kd)) ++kd;  // "of the 15th"
        TimeExpr day;
        bool day_emit = true;
        size_t ke = Holiday(kd, &day, &day_emit);
        if (ke == kd) ke = Absolute(kd, false, &day, &day_emit);
        if (ke > kd && day_emit && day.kind == TimeKind::kDate && day.precision == Precision::kDay) {
          Set(x, i, ke, day.begin, day.begin, Precision::kDay, day.basis);
          SetDaypart(x, part, h0, h1);
          return ke;
        }
      }
      if (!ref_->date) return i;
      // A part of day alone ("By the afternoon"): of the day the text is telling.
      Set(x, i, kp, DayPoint(Anchor()), DayPoint(Anchor()), Precision::kDay, Basis::kRelative);
      SetDaypart(x, part, h0, h1);
      x->clock_only = true;
      return AttachTime(kp, x);  // "in the evening at eight"
    }
    // What follows: a part of day, a day, or both ("at 5 tomorrow afternoon").
    const PhraseEntry* part = nullptr;
    int h0 = -1, h1 = -1;
    size_t kd = ParseDaypartAt(lx_, t_, k, true, &part, &h0, &h1);
    if (kd > k) k = kd;
    TimeExpr day;
    bool day_emit = true;
    size_t ks = k;
    if (Punct(ks, ",")) ++ks;
    if (int on = P(ks, PK::kTThis)) ks += on;
    else if (int in = P(ks, PK::kTIn); in && !Year(ks + in)) ks += in;
    size_t ke = Absolute(ks, false, &day, &day_emit);
    if (ke == ks) ke = Relative(ks, &day);
    bool have_day = ke > ks && day_emit && day.kind == TimeKind::kDate && day.precision == Precision::kDay;
    if (have_day) {
      k = ke;
      if (!part) {
        size_t kd2 = ParseDaypartAt(lx_, t_, k, true, &part, &h0, &h1);
        if (kd2 > k) k = kd2;
      }
      if (!part && day.clock.Set() && !day.clock_end.Set()) part = nullptr;
      if (!part && day.clock_end.Set()) {  // "tomorrow evening" read by Relative
        h0 = day.clock.hour;
        h1 = day.clock_end.hour + 1;
      }
    }
    if (!a.marked && !range && h0 < 0 && !have_day) return i;
    if (a.weak && !at && !range && h0 < 0 && !have_day) return i;  // "cinq heures de combats"
    FitHour(&a, h0, h1);
    if (range) FitHour(&b, h0, h1);
    if (!have_day && !ref_->date) {
      *emit = false;
      x->start = t_[i].start;
      x->end = t_[k - 1].end;
      return k;
    }
    Date d = have_day ? day.begin.date : *ref_->date;
    if (!have_day && ref_->time.Set()) {
      // The next (or, looking back, the last) time the clock shows this hour.
      int now = ref_->time.Seconds();
      if (Future() && a.clock.Seconds() < now) {
        if (a.ambiguous && a.clock.hour < 12 && (a.clock.hour + 12) * 3600 + a.clock.minute * 60 >= now)
          a.clock.hour += 12, b.clock.hour += (range && b.clock.hour < 12 ? 12 : 0);
        else
          d = AddDays(d, 1);
      } else if (!Future() && a.clock.Seconds() > now) {
        d = AddDays(d, -1);
      }
    }
    Set(x, i, k, DayPoint(d), DayPoint(d), Precision::kDay, have_day ? day.basis : Basis::kRelative);
    x->clock = a.clock;
    if (range) {
      x->clock_end = b.clock;
      if (b.clock.Seconds() < a.clock.Seconds()) x->finish = DayPoint(AddDays(d, 1));
    }
    if (part) x->daypart = part->arg1;
    x->clock_only = !have_day;
    return k;
  }

  // After a single day: its part of day and time ("demain à 8h", "Saturday morning at 9",
  // "le 2 mars à 5h du matin", "Thursday from 9:30 to 11:00").
  size_t AttachTime(size_t k, TimeExpr* x) {
    if (x->kind != TimeKind::kDate || x->precision != Precision::kDay || !(x->begin == x->finish)) return k;
    if (x->clock.Set() && x->daypart.empty()) return k;
    size_t j = Punct(k, ",") ? k + 1 : k;
    const PhraseEntry* part = nullptr;
    int h0 = -1, h1 = -1;
    size_t kd = ParseDaypartAt(lx_, t_, j, true, &part, &h0, &h1);
    if (kd > j) j = kd;
    size_t jc = j;
    int at = P(jc, PK::kTAt);
    if (at && !P(jc, PK::kTBetween)) jc += at;
    ClockRead a, b;
    bool range = false;
    size_t kc = ClockRange(jc, at > 0 || part != nullptr || x->clock.Set(), &a, &b, &range);
    if (kc == jc) {
      if (!part) {
        // "jeudi après 9h30", "vendredi à partir de midi": an open interval on that day.
        TimeExpr y;
        bool em = true;
        const size_t ko = P(j, PK::kTOpen) ? Open(j, &y, &em) : j;
        if (ko > j && em && y.clock.Set() && y.clock_only && !y.clock_end.Set()) {
          x->clock = y.clock;
          x->open = y.open;
          x->end = y.end;
          return ko;
        }
        return k;
      }
      if (h0 < 0) {
        x->daypart = part->arg1;
        x->end = t_[kd - 1].end;
        return kd;
      }
      SetDaypart(x, part, h0, h1);
      x->end = t_[kd - 1].end;
      return kd;
    }
    // A part of day after the clock: "à 5h du matin", "at 3 in the afternoon".
    if (!part) {
      size_t kd2 = ParseDaypartAt(lx_, t_, kc, true, &part, &h0, &h1);
      if (kd2 > kc) kc = kd2;
    }
    if (h0 < 0 && x->clock_end.Set()) h0 = x->clock.hour, h1 = x->clock_end.hour + 1;
    FitHour(&a, h0, h1);
    if (range) FitHour(&b, h0, h1);
    x->clock = a.clock;
    x->clock_end = Clock();
    x->finish = x->begin;
    if (range) {
      x->clock_end = b.clock;
      if (b.clock.Seconds() < a.clock.Seconds()) x->finish = DayPoint(AddDays(x->begin.date, 1));
    }
    if (part) x->daypart = part->arg1;
    x->end = t_[kc - 1].end;
    return kc;
  }

  bool Future() const { return ref_->future_bias || ahead_; }
  // The day anaphora ("le même jour", "the next day", "Depuis,") count from: the last day
  // the text named before them, else the reference date.
  Date Anchor() const {
    ref_.Note();
    return anchor_ && *anchor_ ? **anchor_ : *ref_->date;
  }

  const Normalizer::Lexicon& lx_;
  TokSpan t_;
  bool ahead_ = false;  // a future marker shortly before the expression
  RefReads ref_;  // every read recorded (TagTimes' read_ref)
  std::vector<PartialDate>* partials_;
  PhraseMemo* memo_;
  const std::optional<Date>* anchor_;  // the last day the text named before here, if any
  struct AmountMemo {
    size_t i = ~size_t{0}, k = 0;
    bool vague = false;
    double n = 0;
    Unit unit = Unit::kDay;
  };
  mutable AmountMemo amount_;
  mutable CardinalMemo cards_;       // ParseCardinalAt over t_, by token
  size_t scanned_ = 0;               // tokens looked at for future markers
  size_t last_marker_ = ~size_t{0};  // the last future marker among them
};

}  // namespace

void TagTimes(const Normalizer::Lexicon& lx, TokSpan t, const Reference& ref,
              std::vector<TimeExpr>* out, std::vector<PartialDate>* partials, PhraseMemo* memo,
              std::optional<Date>* anchor, const TimesTrace* trace, const TimesReplay* replay) {
  bool read = false;
  TimeParser p(lx, t, RefReads(ref, trace ? &read : nullptr), partials, memo, anchor);
  const size_t v0 = trace ? trace->visited->size() : 0;
  if (trace) trace->visited->resize(v0 + t.size(), 0);
  char* const visited = trace ? trace->visited->data() + v0 : nullptr;  // this run's flags
  size_t r = 0, k = 0;  // the replay's next read and next time
  for (size_t i = 0; i < t.size();) {
    if (replay) {
      while (r < replay->n_reads && replay->reads[r] < i) ++r;
      const bool reads_here = r < replay->n_reads && replay->reads[r] == i;
      if (replay->visited[i] && !reads_here) {
        // The traced reading stood here: its steps up to its next read are taken as they are.
        const size_t to = r < replay->n_reads ? replay->reads[r] : t.size();
        while (k < replay->n_times && replay->at[k] < i) ++k;
        for (; k < replay->n_times && replay->at[k] < to; ++k) {
          NoteAnchor(replay->times[k], anchor);
          out->push_back(replay->times[k]);
        }
        i = to;
        continue;
      }
    }
    if (visited) visited[i] = 1;
    if (!lx.MayStart(t[i])) { ++i; continue; }
    TimeExpr x;
    bool emit = true;
    read = false;
    size_t e = p.At(i, &x, &emit);
    if (trace && read) trace->reads->push_back(static_cast<uint32_t>(i));
    if (e > i) {
      if (emit) {
        NoteAnchor(x, anchor);
        out->push_back(std::move(x));
        if (trace) trace->at->push_back(static_cast<uint32_t>(i));
      }
      i = e;
    } else {
      ++i;
    }
  }
}

}  // namespace vigie::normalize
