// Seasons and quarters: "this summer", "last fall", "l'hiver dernier", "summer 2019", "the
// third quarter of 2018", "Q3 2019", "2018Q4", "le trimestre prochain". The words are pack
// entries (time_phrases.tsv kinds `season`, arg1 the TimeML code, and `quarter`, arg1 the
// quarter when the word names one: "q3", "t3"); the season boundaries below are calendar
// facts, the same in every language. Pure functions of the tokens; thread-safe.
#include <cstdlib>

#include "normalize/normalize_internal.h"

namespace vigie::normalize {

namespace {

using segment::TokenKind;

// First day (month, day) of each season in the northern hemisphere, as news and TimeML use
// them: spring from the March equinox, summer from the June solstice, and so on. A season
// ends the day before the next one begins; winter runs into the next year.
struct SeasonStart {
  const char* code;
  int month, day;
};
constexpr SeasonStart kSeasons[] = {{"SP", 3, 21}, {"SU", 6, 21}, {"FA", 9, 24}, {"WI", 12, 21}};

// The days of season `s` (index in kSeasons) beginning in year y.
void SeasonDays(int s, int y, Date* first, Date* last) {
  *first = Date{y, kSeasons[s].month, kSeasons[s].day};
  const SeasonStart& n = kSeasons[(s + 1) % 4];
  *last = AddDays(Date{s == 3 ? y + 1 : y, n.month, n.day}, -1);
}

int SeasonIndex(std::string_view code) {
  for (int s = 0; s < 4; ++s)
    if (code == kSeasons[s].code) return s;
  return -1;
}

class YearParts {
 public:
  YearParts(const Normalizer::Lexicon& lx, TokSpan t, RefReads ref, bool ahead, PhraseMemo* memo)
      : lx_(lx), t_(t), ref_(ref), ahead_(ahead), memo_(memo) {}

  size_t At(size_t i, TimeExpr* x) {
    if (!MayStartYearPart(t_, i)) return i;
    size_t j = i;
    int mode = 0;  // -1 last, 1 next, 2 this, 0 none
    int nth = 0;   // a quarter named by its rank
    const PhraseEntry* e = nullptr;
    // A season alone stands only after a preposition ("in summer", "en été") or as a pack
    // phrase with its article ("the summer", "l'été"): "the fall of Aleppo" is no season.
    bool lead = false;
    if (int n = P(j, PK::kTLast))
      j += n, mode = -1;
    else if (int n2 = P(j, PK::kTNext, &e); n2 && Plain(e))
      j += n2, mode = 1;
    else if (int n3 = P(j, PK::kTThis))
      j += n3, mode = 2;
    else
      for (int w = 0; w < 2 && !P(j, PK::kTSeason) && P(j, PK::kTIn, &e) == 1; ++w, ++j)
        lead = lead || e->arg1 != "weak";
    if (mode == 0) nth = Rank(&j);
    // The part itself.
    int season = -1, quarter = 0;
    bool need_year = false;  // "T3" (French): a flat too, a quarter only with its year
    int year = 0;
    size_t k = j;
    if (int n = P(j, PK::kTSeason, &e)) {
      season = SeasonIndex(e->arg1);
      lead = lead || e->arg2 == "lead";
      k = j + n;
      if (season < 0 || nth) return i;
    } else if (int n2 = P(j, PK::kTQuarter, &e)) {
      quarter = e->arg1.empty() ? nth : std::atoi(e->arg1.c_str());
      need_year = e->arg2 == "year";
      if (!e->arg1.empty() && nth) return i;
      k = j + n2;
    } else if (size_t g = Glued(j, &year, &quarter); g > j) {  // "2018Q4", "18q4"
      if (mode || nth) return i;
      return Emit(i, g, -1, quarter, year, 0, x);
    } else {
      return i;
    }
    if (quarter < 0 || quarter > 4) return i;
    // After it: "dernier", "prochain", a year, "of 2018", "of this year".
    if (mode == 0) {
      if (int n = P(k, PK::kTLast))
        k += n, mode = -1;
      else if (int n2 = P(k, PK::kTNext, &e); n2 && Plain(e))
        k += n2, mode = 1;
    }
    size_t ky = OfWord(k) || P(k, PK::kTIn) ? k + 1 : k;
    if (int y = Year(ky)) {
      year = y, k = ky + 1;
    } else if (const PhraseEntry* pe = nullptr; ky > k && P(ky, PK::kTPeriod, &pe) &&
                                                pe->arg1 == "year" && pe->arg3.empty() &&
                                                ref_->date) {
      year = ref_->date->year + std::atoi(pe->arg2.c_str());
      k = ky + P(ky, PK::kTPeriod);
    }
    if (season >= 0 && mode == 0 && !lead && !year) return i;  // "fall", "spring" alone: verbs too
    if (season < 0) {
      if (quarter == 0 && mode == 0) return i;  // "the quarter", "a quarter past"
      if (quarter == 0 && mode < 0 && year) quarter = 4, mode = 0;  // "the last quarter of 2018"
      if (quarter == 0 && (nth || year)) return i;
      if (need_year && !year) return i;
    }
    return Emit(i, k, season, quarter, year, mode, x);
  }

 private:
  int P(size_t i, PK kind, const PhraseEntry** e = nullptr) const {
    if (NoPhraseAt(t_, i, kind)) return 0;
    return memo_ ? memo_->Match(lx_, t_, i, kind, e) : MatchPhraseAt(lx_, t_, i, kind, e);
  }
  bool Has(size_t i) const { return i < t_.size(); }
  // Whether the part is looked for after the reference: the bias, or a future marker.
  bool Future() const { return ref_->future_bias || ahead_; }
  // "next", "prochain", "suivant": not "en huit" (a weekday's, a week on).
  static bool Plain(const PhraseEntry* e) { return e->arg1.empty() || e->arg1 == "week"; }
  bool OfWord(size_t i) const {
    const PhraseEntry* e = nullptr;
    return P(i, PK::kTIn, &e) == 1 && e->arg1 == "weak";
  }
  int Year(size_t i) const {
    if (!Has(i) || t_[i].kind != TokenKind::kNumber || t_[i].f.size() != 4) return 0;
    int y = 0;
    for (char c : t_[i].f) {
      if (c < '0' || c > '9') return 0;
      y = y * 10 + (c - '0');
    }
    return y >= 1000 && y <= 2999 ? y : 0;
  }
  // "third", "3rd", "3e" before a quarter word: 1..4, and *j after it.
  int Rank(size_t* j) const {
    const PhraseEntry* e = nullptr;
    if (int n = P(*j, PK::kOrdinal, &e);
        n && e->value >= 1 && e->value <= 4 && e->value == static_cast<int>(e->value)) {
      *j += n;
      return static_cast<int>(e->value);
    }
    if (Has(*j) && t_[*j].kind == TokenKind::kNumber && t_[*j].num_ok && t_[*j].num_ordinal &&
        t_[*j].num >= 1 && t_[*j].num <= 4) {
      return static_cast<int>(t_[(*j)++].num);
    }
    return 0;
  }
  // "2018Q" then "4" glued: the segmenter cuts the digit off.
  size_t Glued(size_t j, int* year, int* quarter) const {
    if (!Has(j + 1) || t_[j].kind != TokenKind::kNumber || t_[j + 1].start != t_[j].end) return j;
    std::string_view f = t_[j].f;
    if (f.size() != 3 && f.size() != 5) return j;
    if (f.back() != 'q') return j;
    int y = 0;
    for (size_t c = 0; c + 1 < f.size(); ++c) {
      if (f[c] < '0' || f[c] > '9') return j;
      y = y * 10 + (f[c] - '0');
    }
    std::string_view q = t_[j + 1].f;
    if (q.size() != 1 || q[0] < '1' || q[0] > '4') return j;
    if (Has(j + 2) && t_[j + 2].start == t_[j + 1].end && t_[j + 2].kind != TokenKind::kPunct)
      return j;
    *year = f.size() == 3 ? 2000 + y : y;
    *quarter = q[0] - '0';
    return j + 2;
  }

  // season: index in kSeasons, or -1 for a quarter (quarter 0 with a mode: the one before,
  // at or after the reference's).
  size_t Emit(size_t i, size_t k, int season, int quarter, int year, int mode, TimeExpr* x) const {
    Date first, last;
    Basis basis = year ? Basis::kExplicit : Basis::kRelative;
    if (!year && !ref_->date) return i;
    const Date r = ref_->date.value_or(Date{});
    if (season < 0) {  // a quarter
      int y = year, q = quarter;
      if (!y) {
        const int cur = (r.month - 1) / 3 + 1;
        y = r.year;
        if (mode == 0) {
          // "the third quarter" with no year: this year's, or last year's when it has not
          // begun yet and news looks back.
          if (!Future() && 3 * (q - 1) + 1 > r.month) --y;
        } else {
          q = mode == 2 ? cur : cur + (mode < 0 ? -1 : 1);
          if (q < 1) q = 4, --y;
          if (q > 4) q = 1, ++y;
        }
      }
      first = Date{y, 3 * (q - 1) + 1, 1};
      last = Date{y, 3 * q, DaysInMonth(y, 3 * q)};
      x->begin = Point{first, Grain::kMonth};
      x->finish = Point{Date{y, 3 * q, 1}, Grain::kMonth};
      x->precision = Precision::kInterval;
      x->kind = TimeKind::kInterval;
      x->year_part = "Q" + std::to_string(q);
    } else {
      int y = year;
      if (!y) {
        // The occurrences around the reference: the one holding it or the last before it,
        // and the next one.
        Date f0, l0;
        SeasonDays(season, r.year, &f0, &l0);
        int held = -1;  // the year the occurrence holding r began in
        for (int c : {r.year - 1, r.year}) {
          Date f, l;
          SeasonDays(season, c, &f, &l);
          if (f <= r && r <= l) held = c;
        }
        const int before = f0 <= r ? r.year : r.year - 1;  // latest that began by r
        const int after = f0 > r ? r.year : r.year + 1;    // first that begins after r
        if (mode < 0)
          y = held >= 0 ? held - 1 : before;  // the last one over
        else if (mode == 1)
          y = after;
        else if (held >= 0)
          y = held;  // "this winter", in February
        else if (mode == 2)
          y = Future() ? after : r.year;  // "this summer": this year's
        else
          y = Future() ? after : before;  // "in the summer"
      }
      SeasonDays(season, y, &first, &last);
      x->begin = x->finish = Point{Date{y, 1, 1}, Grain::kYear};
      x->precision = Precision::kYear;
      x->kind = TimeKind::kDate;
      x->year_part = kSeasons[season].code;
    }
    x->part_first = first;
    x->part_last = last;
    x->basis = basis;
    x->start = t_[i].start;
    x->end = t_[k - 1].end;
    return k;
  }

  const Normalizer::Lexicon& lx_;
  TokSpan t_;
  RefReads ref_;
  bool ahead_;  // a future marker shortly before the expression
  PhraseMemo* memo_;
};

}  // namespace

size_t ParseYearPartAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, RefReads ref, bool ahead,
                       PhraseMemo* memo, TimeExpr* x) {
  return YearParts(lx, t, ref, ahead, memo).At(i, x);
}

}  // namespace vigie::normalize
