// Runs of whole units before or after the reference: "last 2 days", "next three weeks",
// "2 upcoming months", "les 3 prochains jours", "2 semaines passées". Read at the unit's grain:
// the N whole units before the current one, or after it ("next 3 days" is tomorrow and the two
// days after; "last 2 months" said in February is December and January). Phrases with their
// own reading ("the past 48 hours", "ces dernières 24 heures": up to the reference) are
// read before this one. Pure functions of the tokens; thread-safe.
#include <cmath>

#include "normalize/normalize_internal.h"

namespace vigie::normalize {

namespace {

using segment::TokenKind;

class UnitSpans {
 public:
  UnitSpans(const Normalizer::Lexicon& lx, TokSpan t, RefReads ref, PhraseMemo* memo)
      : lx_(lx), t_(t), ref_(ref), memo_(memo) {}

  size_t At(size_t i, TimeExpr* x) const {
    // A unit word must come within a few tokens. The reference is read only once the words
    // make a run (Emit): TagUndated reads again only what read it, and "the past 48 hours",
    // "ces derniers jours" are not runs.
    bool unit = false;
    for (size_t k = i + 1; k < t_.size() && k < i + 5 && !unit; ++k)
      unit = (t_[k].kinds & Bit(PK::kTUnit)) != 0;
    if (!unit) return i;
    int dir = 0;
    double n = 0;
    size_t k = i;
    if ((dir = Dir(k, &k))) {  // "last 2 days", "next three weeks"
      const size_t c = Count(k, &n);
      if (c == k) return i;
      k = c;
    } else if (size_t c = Count(i, &n); c > i) {  // "3 prochains jours", "2 semaines passées"
      k = c;
      if (!(dir = Dir(k, &k))) {
        const PhraseEntry* e = nullptr;
        int m = P(k, PK::kTUnit, &e);
        if (!m) return i;
        size_t after = k + m;
        size_t after_dir = after;
        if (!(dir = Dir(after, &after_dir))) return i;
        // "15 minutes past 3pm", "ten minutes past noon": a time of day, not a run.
        if (after_dir < t_.size() && (IsNumberTok(t_[after_dir]) ||
                                      (t_[after_dir].kinds & Bits(PK::kUnit, PK::kTClockNamed))))
          return i;
        return Emit(i, after_dir, n, e, dir, x);
      }
    } else {
      return i;
    }
    const PhraseEntry* e = nullptr;
    const int m = P(k, PK::kTUnit, &e);
    if (!m) return i;
    return Emit(i, k + m, n, e, dir, x);
  }

 private:
  int P(size_t i, PK kind, const PhraseEntry** e = nullptr) const {
    if (NoPhraseAt(t_, i, kind)) return 0;
    return memo_ ? memo_->Match(lx_, t_, i, kind, e) : MatchPhraseAt(lx_, t_, i, kind, e);
  }
  // "last", "dernières" (-1) or "next", "prochains", "upcoming" (+1) at k; *after past it.
  // Not "en huit", "en quinze" (a weekday's, a week or two on: pack arg1 "+7").
  int Dir(size_t k, size_t* after) const {
    const PhraseEntry* e = nullptr;
    if (int m = P(k, PK::kTLast)) return *after = k + m, -1;
    if (int m = P(k, PK::kTNext, &e); m && (e->arg1.empty() || e->arg1 == "week"))
      return *after = k + m, 1;
    return 0;
  }
  // A whole count, 1..1000, at k: the token after it, or k.
  size_t Count(size_t k, double* n) const {
    if (k >= t_.size() || !MayStartCardinal(t_[k]) || t_[k].kind == TokenKind::kDate) return k;
    double v = 0;
    size_t e = ParseCardinalAt(lx_, t_, k, &v);
    if (e == k || v < 1 || v > 1000 || v != std::floor(v)) return k;
    *n = v;
    return e;
  }

  size_t Emit(size_t i, size_t end, double n, const PhraseEntry* unit_entry, int dir,
              TimeExpr* x) const {
    if (!unit_entry->arg2.empty()) return i;  // "decade", "fortnight": not a grain
    if (!ref_->date) return i;
    const Date r = *ref_->date;
    const int c = static_cast<int>(n);
    const std::string& u = unit_entry->arg1;
    x->start = t_[i].start;
    x->end = t_[end - 1].end;
    x->kind = TimeKind::kInterval;
    x->basis = Basis::kRelative;
    x->precision = Precision::kInterval;
    x->amount = n;
    if (u == "day") {
      const Date a = dir < 0 ? AddDays(r, -c) : AddDays(r, 1),
                 b = dir < 0 ? AddDays(r, -1) : AddDays(r, c);
      x->begin = Point{a, Grain::kDay};
      x->finish = Point{b, Grain::kDay};
      x->unit = Unit::kDay;
    } else if (u == "week") {
      const Date w = StartOfWeek(r);
      const Date a = dir < 0 ? AddDays(w, -7 * c) : AddDays(w, 7);
      x->begin = Point{a, Grain::kDay};
      x->finish = Point{AddDays(a, 7 * c - 1), Grain::kDay};
      x->precision = Precision::kWeek;
      x->unit = Unit::kWeek;
    } else if (u == "month") {
      const Date m0{r.year, r.month, 1};
      const Date a = dir < 0 ? AddMonths(m0, -c) : AddMonths(m0, 1);
      x->begin = Point{a, Grain::kMonth};
      x->finish = Point{AddMonths(a, c - 1), Grain::kMonth};
      x->unit = Unit::kMonth;
    } else if (u == "year") {
      const int a = dir < 0 ? r.year - c : r.year + 1;
      x->begin = Point{Date{a, 1, 1}, Grain::kYear};
      x->finish = Point{Date{a + c - 1, 1, 1}, Grain::kYear};
      x->unit = Unit::kYear;
    } else {  // hours, minutes, seconds: from the reference's time of day
      if (!ref_->time.Set()) return i;
      const int step = u == "hour" ? 3600 : u == "minute" ? 60 : 1;
      const int64_t now = ref_->time.Seconds() / step * step;
      const int64_t a = dir < 0 ? now - int64_t{c} * step : now + step;
      const int64_t b = a + int64_t{c - 1} * step;
      auto day_of = [&](int64_t s) { return s >= 0 ? s / 86400 : -((-s + 86399) / 86400); };
      auto clock_of = [&](int64_t s, Clock* k) {
        const int64_t rest = s - day_of(s) * 86400;
        k->hour = static_cast<int>(rest / 3600);
        k->minute = static_cast<int>(rest / 60 % 60);
        k->second = static_cast<int>(rest % 60);
        k->grain = step == 3600 ? Unit::kHour : step == 60 ? Unit::kMinute : Unit::kSecond;
      };
      x->begin = Point{AddDays(r, day_of(a)), Grain::kDay};
      x->finish = Point{AddDays(r, day_of(b)), Grain::kDay};
      clock_of(a, &x->clock);
      clock_of(b, &x->clock_end);
      x->unit = step == 3600 ? Unit::kHour : step == 60 ? Unit::kMinute : Unit::kSecond;
    }
    return end;
  }

  const Normalizer::Lexicon& lx_;
  TokSpan t_;
  RefReads ref_;
  PhraseMemo* memo_;
};

}  // namespace

size_t ParseUnitSpanAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, RefReads ref,
                       PhraseMemo* memo, TimeExpr* x) {
  return UnitSpans(lx, t, ref, memo).At(i, x);
}

}  // namespace vigie::normalize
