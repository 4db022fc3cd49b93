// Times of day: "15h30", "15:30", "3 p.m.", "quinze heures et quart", "midi moins cinq",
// "a quarter past noon", and parts of day ("in the morning", "en fin de matinée") with the
// hours their pack entries give. The words are pack data (time_phrases.tsv); this is grammar.
#include <cstdio>
#include <cstdlib>

#include "normalize/normalize_internal.h"

namespace vigie::normalize {

std::string Clock::Iso() const {
  if (!Set()) return {};
  char buf[32];
  if (grain == Unit::kSecond)
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", hour, minute, second);
  else
    std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
  return buf;
}

Clock ParseIsoClock(std::string_view s) {
  size_t t = s.find('T');
  if (t == std::string_view::npos) t = s.find(' ');
  if (t == std::string_view::npos || t != 10) return Clock();
  std::string rest(s.substr(t + 1));
  int h = 0, m = 0, sec = 0, n = 0;
  int got = std::sscanf(rest.c_str(), "%2d:%2d%n:%2d", &h, &m, &n, &sec);
  if (got < 2 || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) return Clock();
  return Clock{h, m, got == 3 ? sec : 0, got == 3 ? Unit::kSecond : Unit::kMinute};
}

namespace {

using segment::TokenKind;

int P(const Normalizer::Lexicon& lx, TokSpan t, size_t i, PK kind,
      const PhraseEntry** e = nullptr) {
  return MatchPhrase(lx, t, i, kind, e);
}

bool Glued(TokSpan t, size_t i) { return i < t.size() && i > 0 && t[i].start == t[i - 1].end; }

// A number token read as a clock part: digits, then "h", "am"/"pm"/"a"/"p" or nothing.
struct NumTok {
  int value = -1;
  size_t digits = 0;
  bool h = false;
  int meridiem = 0;  // 1 am, 2 pm
};

NumTok ReadNum(const Tok& k) {
  NumTok n;
  if (k.kind != TokenKind::kNumber) return n;
  const std::string_view f = k.f;
  size_t d = 0;
  while (d < f.size() && f[d] >= '0' && f[d] <= '9') ++d;
  if (d == 0 || d > 2) return n;
  std::string_view rest(f.data() + d, f.size() - d);
  if (rest == "h")
    n.h = true;
  else if (rest == "am" || rest == "a")
    n.meridiem = 1;
  else if (rest == "pm" || rest == "p")
    n.meridiem = 2;
  else if (!rest.empty())
    return n;
  n.value = d == 1 ? f[0] - '0' : (f[0] - '0') * 10 + (f[1] - '0');
  n.digits = d;
  return n;
}

// Two-digit minutes (or seconds) glued to the previous token: "5h" "30", ":" "15pm".
bool ReadMinutes(TokSpan t, size_t i, int* value, int* meridiem) {
  if (i >= t.size() || !Glued(t, i)) return false;
  NumTok n = ReadNum(t[i]);
  if (n.value < 0 || n.value > 59 || n.digits != 2 || n.h) return false;
  *value = n.value;
  if (n.meridiem) *meridiem = n.meridiem;
  return true;
}

// A cardinal at token i, read once: ParseClockAt asks for the one at its first token both
// as minutes and as the hour (CardinalMemo).
size_t CardinalAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, double* v,
                  CardinalMemo* memo) {
  return memo ? memo->At(lx, t, i, v) : ParseCardinalAt(lx, t, i, v);
}

// A cardinal of minutes (0..59) in digits or words: "trente", "15", "twenty".
size_t ReadCardinalMinutes(const Normalizer::Lexicon& lx, TokSpan t, size_t i, int* value,
                           CardinalMemo* memo = nullptr) {
  if (i >= t.size()) return i;
  if (t[i].kind == TokenKind::kNumber) {
    NumTok n = ReadNum(t[i]);
    if (n.value < 0 || n.value > 59 || n.h || n.meridiem) return i;
    *value = n.value;
    return i + 1;
  }
  double v = 0;
  size_t k = CardinalAt(lx, t, i, &v, memo);
  if (k == i || v < 0 || v > 59 || v != static_cast<int>(v)) return i;
  *value = static_cast<int>(v);
  return k;
}

void Apply(ClockRead* c, int meridiem) {
  if (!meridiem) return;
  c->meridiem = true;
  c->marked = true;
  c->ambiguous = false;
  if (meridiem == 2 && c->clock.hour < 12) c->clock.hour += 12;
  if (meridiem == 1 && c->clock.hour == 12) c->clock.hour = 0;
}

// Minutes after an hour given in words or with "heures": "trente", "et quart", "moins cinq".
size_t Minutes(const Normalizer::Lexicon& lx, TokSpan t, size_t k, ClockRead* c) {
  const PhraseEntry* e = nullptr;
  int delta = 0;
  size_t j = k;
  if (int n = P(lx, t, j, PK::kTClockAdd, &e)) {
    delta = static_cast<int>(e->value);
    j += n;
  } else if (int m = P(lx, t, j, PK::kTClockMinus)) {
    int v = 0;
    size_t q = ReadCardinalMinutes(lx, t, j + m, &v);
    if (q == j + m || v == 0) return k;
    delta = -v;
    j = q;
  } else {
    int v = 0;
    size_t q = ReadCardinalMinutes(lx, t, j, &v);
    if (q == j) {
      // "quinze heures et quinze minutes": "and" then minutes with their word.
      int a = P(lx, t, j, PK::kTAnd);
      q = a ? ReadCardinalMinutes(lx, t, j + a, &v) : j;
      if (q == j + a || !P(lx, t, q, PK::kTMinuteWord)) return k;
    }
    delta = v;
    j = q;
  }
  if (int w = P(lx, t, j, PK::kTMinuteWord)) j += w;
  int total = c->clock.hour * 60 + delta;
  if (total < 0) total += 24 * 60;
  c->clock.hour = total / 60 % 24;
  c->clock.minute = total % 60;
  c->clock.grain = Unit::kMinute;
  return j;
}

// The hour itself with what is glued to it.
size_t Hour(const Normalizer::Lexicon& lx, TokSpan t, size_t i, bool allow_bare, ClockRead* c,
            CardinalMemo* memo = nullptr) {
  const PhraseEntry* e = nullptr;
  if (int n = P(lx, t, i, PK::kTClockNamed, &e)) {
    c->clock.hour = static_cast<int>(e->value);
    c->marked = true;
    return Minutes(lx, t, i + n, c);
  }
  size_t j = i;
  int meridiem = 0;
  bool words = false;
  if (t[i].kind == TokenKind::kNumber) {
    NumTok n = ReadNum(t[i]);
    if (n.value < 0 || n.value > 24) return i;
    c->clock.hour = n.value;
    meridiem = n.meridiem;
    j = i + 1;
    if (n.h) {  // "15h", "5h" "30"
      c->marked = true;
      int mm = 0;
      if (ReadMinutes(t, j, &mm, &meridiem)) {
        c->clock.minute = mm;
        c->clock.grain = Unit::kMinute;
        ++j;
      }
    } else if (j + 1 < t.size() && t[j].kind == TokenKind::kPunct && t[j].f == ":" && Glued(t, j)) {
      int mm = 0;
      if (!ReadMinutes(t, j + 1, &mm, &meridiem)) return i;
      c->marked = true;
      c->ambiguous = c->clock.hour >= 1 && c->clock.hour <= 12;  // "3:30": morning or afternoon
      c->clock.minute = mm;
      c->clock.grain = Unit::kMinute;
      j += 2;
      int ss = 0;
      if (j + 1 < t.size() && t[j].f == ":" && Glued(t, j) &&
          ReadMinutes(t, j + 1, &ss, &meridiem)) {
        c->clock.second = ss;
        c->clock.grain = Unit::kSecond;
        j += 2;
      }
    } else if (meridiem == 0) {
      c->ambiguous = c->clock.hour >= 1 && c->clock.hour <= 12;
    }
  } else {
    double v = 0;
    size_t k = CardinalAt(lx, t, i, &v, memo);
    if (k == i || v < 0 || v > 24 || v != static_cast<int>(v)) return i;
    c->clock.hour = static_cast<int>(v);
    c->ambiguous = v >= 1 && v <= 12;
    words = true;
    j = k;
  }
  if (c->clock.hour == 24) c->clock.hour = 0;
  if (!c->marked || words) {
    // "15 heures", "three o'clock", then minutes in words or digits.
    const PhraseEntry* cw = nullptr;
    if (int w = P(lx, t, j, PK::kTClockWord, &cw)) {
      c->marked = true;
      c->weak = cw->arg1 == "weak";  // "cinq heures" is also a duration
      // A bare "h" only glued to its number ("15 h" is a unit elsewhere).
      if (!(t[j].f == "h" && !Glued(t, j))) {
        j += w;
        j = Minutes(lx, t, j, c);
      }
    }
  }
  if (meridiem) {
    Apply(c, meridiem);
  } else if (const PhraseEntry* m = nullptr; P(lx, t, j, PK::kTMeridiem, &m)) {
    Apply(c, m->arg1 == "pm" ? 2 : 1);
    j += P(lx, t, j, PK::kTMeridiem);
  }
  if (!c->marked && !allow_bare) return i;
  if (!c->marked && t[i].kind == TokenKind::kNumber && t[i].f.size() > 2) return i;
  return j;
}

}  // namespace

size_t ParseClockAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, bool allow_bare,
                    ClockRead* out, CardinalMemo* cards) {
  if (i >= t.size() || !MayStartClock(t[i])) return i;
  ClockRead c;
  std::optional<CardinalMemo> own;  // without the caller's memo, one for this call
  // The cardinal at i, read as minutes and as the hour.
  CardinalMemo* at_i = cards ? cards : &own.emplace();
  // "a quarter past 3", "twenty minutes to noon", "half past ten".
  {
    const PhraseEntry* e = nullptr;
    int minutes = -1;
    size_t j = i;
    if (int n = P(lx, t, j, PK::kTClockFrac, &e)) {
      minutes = static_cast<int>(e->value);
      j += n;
    } else {
      int v = 0;
      size_t q = ReadCardinalMinutes(lx, t, j, &v, at_i);
      if (q > j) minutes = v, j = q;
    }
    if (minutes >= 0) {
      if (int w = P(lx, t, j, PK::kTMinuteWord)) j += w;
      // Bare minutes ("5 to 10") need "minutes" or a marked hour: ranges read the same.
      bool sure = e != nullptr || (j > i && P(lx, t, j - 1, PK::kTMinuteWord));
      int sign = 0;
      if (int n = P(lx, t, j, PK::kTClockPast))
        sign = 1, j += n;
      else if (int m = P(lx, t, j, PK::kTClockTo))
        sign = -1, j += m;
      if (sign != 0) {
        // "15 past 3pm", "20 to noon": bare minutes before a marked hour (not "7 to 9 pm":
        // that is a range, and "to" then needs "minutes" or a named hour).
        bool named = P(lx, t, j, PK::kTClockNamed) > 0;
        size_t k = Hour(lx, t, j, true, &c);
        if (k > j && (sure || named || (sign > 0 && c.marked))) {
          int total = c.clock.hour * 60 + c.clock.minute + sign * minutes;
          if (total < 0) total += 24 * 60;
          c.clock.hour = total / 60 % 24;
          c.clock.minute = total % 60;
          c.clock.grain = Unit::kMinute;
          c.marked = true;
          *out = c;
          return k;
        }
        c = ClockRead();
      }
    }
  }
  size_t k = Hour(lx, t, i, allow_bare, &c, at_i);
  if (k == i) return i;
  *out = c;
  return k;
}

size_t ParseDaypartAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, bool lead,
                      const PhraseEntry** part, int* from_hour, int* to_hour) {
  if (i >= t.size() || !(t[i].kinds & Bits(PK::kTDaypart, PK::kTDaypartLead))) return i;
  // A part of day begins at i or after at most two lead phrases: none there, nothing to read.
  {
    const size_t reach = lead ? 2 * static_cast<size_t>(lx.Kind(PK::kTDaypartLead)->max_words) : 0;
    bool any = false;
    for (size_t q = i; q <= i + reach && q < t.size() && !any; ++q) any = t[q].kinds & Bit(PK::kTDaypart);
    if (!any) return i;
  }
  size_t j = i;
  const PhraseEntry* e = nullptr;
  int n = P(lx, t, j, PK::kTDaypart, &e);
  if (!n && lead) {
    // Up to two lead words: "in the", "dans la", "du".
    for (int skip = 0; skip < 2 && !n; ++skip) {
      int l = P(lx, t, j, PK::kTDaypartLead);
      if (!l) break;
      j += l;
      n = P(lx, t, j, PK::kTDaypart, &e);
    }
  }
  if (!n) return i;
  *part = e;
  *from_hour = e->from_hour;  // -1 when the entry names no hours
  *to_hour = e->to_hour;
  return j + n;
}

void FitHour(ClockRead* c, int from_hour, int to_hour) {
  if (from_hour < 0 || c->meridiem) return;
  c->ambiguous = false;
  int h = c->clock.hour;
  if (h >= 12 || (h >= from_hour && h < to_hour)) return;
  if (h + 12 >= from_hour && h + 12 < to_hour + (to_hour == 24 ? 1 : 0))
    c->clock.hour = (h + 12) % 24;
  else if (h == 12 && to_hour == 24)
    c->clock.hour = 0;
  c->ambiguous = false;
}

}  // namespace vigie::normalize
