// Duckling and TimeML scoring: our tags written in each suite's value syntax.
#include "normalize/time_eval.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "core/langpack.h"

namespace vigie::normalize {

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t p = 0;
  while (true) {
    size_t q = line.find('\t', p);
    out.push_back(line.substr(p, q == std::string::npos ? std::string::npos : q - p));
    if (q == std::string::npos) break;
    p = q + 1;
  }
  return out;
}

// The expression that covers most of the phrase.
const TimeExpr* Widest(const Tags& t) {
  const TimeExpr* best = nullptr;
  for (const auto& x : t.times)
    if (!best || x.end - x.start > best->end - best->start) best = &x;
  return best;
}

const char* UnitGrain(Unit u) {
  switch (u) {
    case Unit::kSecond: return "Second";
    case Unit::kMinute: return "Minute";
    default: return "Hour";
  }
}

const char* DucklingGrain(const TimeExpr& x) {
  if (x.clock.Set()) return UnitGrain(x.clock.grain);
  if (x.precision == Precision::kWeek) return "Week";
  switch (x.begin.grain) {
    case Grain::kYear: return "Year";
    case Grain::kMonth: return "Month";
    case Grain::kDay: return "Day";
  }
  return "Day";
}

// "2013-02-12T15:30:00" of a day and a time of day, `add` grains later (the end of an
// interval is exclusive in Duckling's terms).
std::string Stamp(const Date& day, const Clock& c, int add) {
  int64_t secs = c.Set() ? c.Seconds() : 0;
  if (c.Set()) secs += add * (c.grain == Unit::kSecond ? 1 : c.grain == Unit::kMinute ? 60 : 3600);
  Date d = AddDays(day, secs / 86400);
  secs %= 86400;
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return IsoDate(d) + buf;
}

std::string DucklingTime(const TimeExpr& x) {
  auto stamp = [](const Date& d) { return IsoDate(d) + "T00:00:00"; };
  if (x.kind == TimeKind::kDuration) return "duration " + x.DurationIso();
  if (!x.year_part.empty() && x.open == 0) {  // Duckling: a quarter at its grain, a season as days
    if (x.year_part[0] == 'Q') return "datetime " + stamp(x.part_first) + " Quarter";
    return "datetimeInterval (" + stamp(x.part_first) + ", " + stamp(AddDays(x.part_last, 1)) + ") Day";
  }
  std::string grain = DucklingGrain(x);
  if (x.open != 0) {
    const char* side = x.open > 0 ? "datetimeOpenInterval After " : "datetimeOpenInterval Before ";
    return side + (x.clock.Set() ? Stamp(x.begin.date, x.clock, 0) : stamp(x.begin.date)) + " " + grain;
  }
  if (x.clock.Set()) {
    if (!x.clock_end.Set()) return "datetime " + Stamp(x.begin.date, x.clock, 0) + " " + grain;
    return "datetimeInterval (" + Stamp(x.begin.date, x.clock, 0) + ", " + Stamp(x.finish.date, x.clock_end, 1) +
           ") " + grain;
  }
  // A week is one date at week grain; several weeks ("last 2 weeks") an interval of them.
  bool interval = x.kind == TimeKind::kInterval && !(x.begin == x.finish) &&
                  (x.precision != Precision::kWeek || DaysFromCivil(x.finish.date) - DaysFromCivil(x.begin.date) > 6);
  if (!interval) return "datetime " + stamp(x.begin.date) + " " + grain;
  Date end = x.finish.date;
  if (x.finish.grain == Grain::kDay) end = AddDays(end, 1);
  else if (x.finish.grain == Grain::kMonth) end = AddMonths(end, 1);
  else end = Date{end.year + 1, 1, 1};
  return "datetimeInterval (" + stamp(x.begin.date) + ", " + stamp(end) + ") " + grain;
}

// Compares at the grain: "2013-03-00T…" (Duckling's month form) equals "2013-03-01T…".
bool SameTime(std::string expected, const std::string& got) {
  // Holidays: `"datetimeHoliday 2013-12-25T00:00:00 Day ""Christmas"""`: the value is the
  // date's; the name is dropped.
  if (size_t q = expected.find("\"\""); q != std::string::npos && expected.front() == '"') {
    expected = expected.substr(1, q - 1);
    while (!expected.empty() && expected.back() == ' ') expected.pop_back();
    if (size_t h = expected.find("Holiday "); h != std::string::npos) expected.erase(h, 7);
  }
  if (expected == got) return true;
  std::istringstream a(expected), b(got);
  std::string ka, kb;
  a >> ka;
  b >> kb;
  if (ka != kb) return false;
  std::string grain_e = expected.substr(expected.rfind(' ') + 1), grain_g = got.substr(got.rfind(' ') + 1);
  if (grain_e != grain_g) return false;
  size_t n = grain_e == "Year" ? 4 : grain_e == "Month" ? 7 : 10;
  auto dates = [&](const std::string& s) {
    std::vector<std::string> out;
    for (size_t p = 0; (p = s.find_first_of("0123456789", p)) != std::string::npos;) {
      out.push_back(s.substr(p, n));
      p = s.find_first_not_of("0123456789-T:", p);
      if (p == std::string::npos) break;
    }
    return out;
  };
  return dates(expected) == dates(got);
}

std::string UnitWord(Unit u) {
  std::string s = UnitName(u);
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string FormatValue(double v) {
  char buf[64];
  if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

void Count(EvalReport* r, EvalCase c) {
  auto& g = r->groups[c.group];
  g.second++;
  if (c.ok) g.first++;
  else r->failures.push_back(std::move(c));
}

}  // namespace

double EvalReport::Accuracy(const std::string& group) const {
  auto it = groups.find(group);
  return it == groups.end() || it->second.second == 0 ? 0 : double(it->second.first) / it->second.second;
}

StatusOr<EvalReport> EvalDuckling(const Normalizer& norm, const segment::Segmenter& seg,
                                  const std::string& tsv_path) {
  auto text = core::ReadFile(tsv_path);
  if (!text.ok()) return text.status();
  EvalReport report;
  std::istringstream in(*text);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) { header = false; continue; }
    auto f = SplitTabs(line);
    if (f.size() < 7) continue;
    const std::string &locale = f[0], &dim = f[1], &expected = f[5];
    if (dim != "Time" && dim != "Numeral" && dim != "Ordinal" && dim != "Duration") continue;
    std::string phrase = f[2];
    if (phrase.size() >= 2 && phrase.front() == '"' && phrase.back() == '"')  // TSV quoting
      phrase = phrase.substr(1, phrase.size() - 2);
    std::string unquoted;
    for (size_t p = 0; p < phrase.size(); ++p) {
      unquoted.push_back(phrase[p]);
      if (phrase[p] == '"' && p + 1 < phrase.size() && phrase[p + 1] == '"') ++p;
    }
    phrase = std::move(unquoted);
    std::string lang = locale.substr(0, 2) == "FR" ? "fr" : "en";
    std::string note = f.size() > 8 ? f[8] : "";
    EvalCase c;
    c.group = locale.substr(0, 2) + " " + dim + (note.empty() ? "" : " (" + note + ")");
    c.phrase = phrase;
    c.expected = expected;
    Reference ref;
    ref.date = ParseIsoDate(f[3]);
    ref.time = ParseIsoClock(f[3]);
    ref.future_bias = true;
    ref.day_first = locale != "EN_US" && locale != "EN";
    segment::Segmentation s = seg.Segment(phrase, lang);
    if (dim == "Numeral" || dim == "Ordinal") {
      ref.numbers_only = true;
      Tags t = norm.Tag(phrase, s, lang, ref);
      std::string want = expected.substr(expected.find(' ') + 1);
      if (want.size() > 2 && want.front() == '(' && want.back() == ')') want = want.substr(1, want.size() - 2);  // "(-504)"
      c.got = "none";
      for (const Number& n : t.numbers) {
        if (n.ordinal != (dim == "Ordinal")) continue;
        c.got = (dim == "Ordinal" ? "OrdinalData " : "NumeralValue ") + FormatValue(n.value);
        c.ok = std::fabs(n.value - std::strtod(want.c_str(), nullptr)) < 1e-9;
        break;
      }
    } else {
      Tags t = norm.Tag(phrase, s, lang, ref);
      const TimeExpr* x = Widest(t);
      c.got = x ? DucklingTime(*x) : "none";
      if (dim == "Duration") {
        if (x && x->kind == TimeKind::kDuration) {
          c.got = "DurationData " + FormatValue(x->amount) + " " + UnitWord(x->unit);
          c.ok = c.got == expected;
        }
      } else if (x && x->kind != TimeKind::kDuration) {
        c.ok = SameTime(expected, c.got);
      }
    }
    Count(&report, std::move(c));
  }
  return report;
}

StatusOr<EvalReport> EvalTimex(const Normalizer& norm, const segment::Segmenter& seg,
                               const std::string& tsv_path) {
  auto text = core::ReadFile(tsv_path);
  if (!text.ok()) return text.status();
  EvalReport report;
  std::istringstream in(*text);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) { header = false; continue; }
    auto f = SplitTabs(line);
    if (f.size() < 8) continue;
    const std::string &dct = f[2], &type = f[4], &value = f[5], &phrase = f[7];
    if (type != "DATE" && type != "DURATION") continue;
    EvalCase c;
    c.group = "EN " + type;
    c.phrase = phrase;
    c.expected = value;
    Reference ref;
    ref.date = ParseIsoDate(dct);
    // Tag the phrase in its context when the context holds it, else alone.
    const std::string& context = f.size() > 8 ? f[8] : phrase;
    // The phrase as a whole word ("now" is not the start of "nowhere").
    size_t at = std::string::npos;
    auto word_char = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
    for (size_t p = context.find(phrase); p != std::string::npos; p = context.find(phrase, p + 1)) {
      size_t e = p + phrase.size();
      bool left = p == 0 || !word_char(context[p - 1]) || !word_char(phrase.front());
      bool right = e >= context.size() || !word_char(context[e]) || !word_char(phrase.back());
      if (left && right) {
        at = p;
        break;
      }
    }
    const std::string& text_in = at == std::string::npos ? phrase : context;
    if (at == std::string::npos) at = 0;
    segment::Segmentation s = seg.Segment(text_in, "en");
    Tags t = norm.Tag(text_in, s, "en", ref);
    const TimeExpr* x = nullptr;
    for (const auto& e : t.times)
      if (e.start < at + phrase.size() && e.end > at && (!x || e.end - e.start > x->end - x->start)) x = &e;
    c.got = "none";
    if (x) {
      if (x->kind == TimeKind::kDuration || (type == "DURATION" && x->amount != 0)) {
        c.got = x->DurationIso();
      } else if (!x->year_part.empty() && x->open == 0 && !x->open_end) {
        c.got = std::to_string(x->part_first.year) + "-" + x->year_part;  // "1998-FA", "1998-Q3"
      } else if (x->present) {
        c.got = "PRESENT_REF";
      } else if (x->precision == Precision::kWeek) {
        Date d = x->begin.date;
        // ISO week number of the Monday.
        Date thursday = AddDays(d, 3);
        int week = static_cast<int>((DaysFromCivil(thursday) - DaysFromCivil(Date{thursday.year, 1, 1})) / 7 + 1);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-W%d", thursday.year, week);  // TimeML writes W7
        c.got = buf;
      } else if (x->kind == TimeKind::kInterval && x->begin.grain == Grain::kYear &&
                 x->finish.date.year == x->begin.date.year + 9) {
        c.got = std::to_string(x->begin.date.year / 10) + "X";
      } else {
        // The phrase is one end of an interval ("1997" in "from 1994 to 1997"): that end.
        bool second = x->kind == TimeKind::kInterval && !x->open_end && x->start < at &&
                      x->end == at + phrase.size() && phrase.find(' ') == std::string::npos &&
                      !(x->begin == x->finish);
        c.got = second ? x->End() : x->Start();
        // Part-of-day suffixes (TNI, TEV…) are left out: the AQUAINT annotation uses them
        // inconsistently ("Tuesday morning" is mostly a plain date there).
      }
    }
    c.ok = c.got == value;
    if (!c.ok && value.size() == 9 && value[5] == 'W' && value[6] == '0')  // "1998-W05" style
      c.ok = c.got == value.substr(0, 6) + value.substr(7);
    Count(&report, std::move(c));
  }
  return report;
}

}  // namespace vigie::normalize
