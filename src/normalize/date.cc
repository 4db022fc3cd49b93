#include "normalize/date.h"

#include <charconv>
#include <cstdio>

#include "core/civil_date.h"
#include "normalize/calendars.h"

namespace vigie::normalize {

const char* UnitName(Unit u) {
  switch (u) {
    case Unit::kSecond: return "second";
    case Unit::kMinute: return "minute";
    case Unit::kHour: return "hour";
    case Unit::kDay: return "day";
    case Unit::kWeek: return "week";
    case Unit::kMonth: return "month";
    case Unit::kYear: return "year";
  }
  return "day";
}

int DaysInMonth(int y, int m) {
  if (m < 1 || m > 12) return 0;
  return static_cast<int>(core::DaysInMonth(y, static_cast<unsigned>(m)));
}

bool ValidDate(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// Days since 1970-01-01: the calendar arithmetic lives in core/civil_date.
int64_t DaysFromCivil(const Date& dt) {
  return core::DaysFromCivil(dt.year, static_cast<unsigned>(dt.month), static_cast<unsigned>(dt.day));
}

Date CivilFromDays(int64_t z) {
  long y = 0;
  unsigned m = 0, d = 0;
  core::CivilFromDays(static_cast<long>(z), &y, &m, &d);
  return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

Date AddDays(const Date& d, int64_t n) { return CivilFromDays(DaysFromCivil(d) + n); }

Date AddMonths(const Date& d, int n) {
  int total = d.year * 12 + (d.month - 1) + n;
  int y = total / 12, m = total % 12 + 1;
  int day = d.day;
  if (day > DaysInMonth(y, m)) day = DaysInMonth(y, m);
  return Date{y, m, day};
}

int Weekday(const Date& d) {
  int64_t z = DaysFromCivil(d);  // 1970-01-01 was a Thursday (4)
  int64_t w = ((z % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

Date StartOfWeek(const Date& d) { return AddDays(d, 1 - Weekday(d)); }

Date Easter(int y, bool orthodox) {
  if (orthodox) {  // Meeus' Julian algorithm, then 13 days to the Gregorian calendar
    int a = y % 4, b = y % 7, c = y % 19;
    int d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
    int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
    return AddDays(Date{y, month, day}, 13);
  }
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{y, month, day};
}

namespace {

// The day a rule's modifiers move it to: "obs" moves a Saturday to the Friday and a Sunday to
// the Monday (a day observed on a weekday), "sun-1" a Sunday to the Saturday.
std::optional<Date> Observed(std::string_view mods, std::optional<Date> d) {
  if (!d) return d;
  while (!mods.empty()) {
    size_t c = mods.find(',');
    std::string_view m = mods.substr(0, c);
    mods = c == std::string_view::npos ? std::string_view() : mods.substr(c + 1);
    const int wd = Weekday(*d);
    if (m == "obs") {
      if (wd == 6) d = AddDays(*d, -1);
      else if (wd == 7) d = AddDays(*d, 1);
    } else if (m == "sun-1") {
      if (wd == 7) d = AddDays(*d, -1);
    } else if (m != "month" && (m.empty() || m[0] != '+')) {
      return std::nullopt;  // unknown modifier
    }
  }
  return d;
}

std::optional<Date> BaseHolidayDate(std::string_view rule, int year);

}  // namespace

std::optional<Date> HolidayDate(std::string_view rule, int year) {
  const size_t c = rule.find(',');
  if (c == std::string_view::npos) return BaseHolidayDate(rule, year);
  return Observed(rule.substr(c + 1), BaseHolidayDate(rule.substr(0, c), year));
}

int HolidaySpan(std::string_view rule, const Date& first) {
  for (size_t p = rule.find(','); p != std::string_view::npos; p = rule.find(',', p + 1)) {
    const std::string_view mod = rule.substr(p + 1, rule.find(',', p + 1) - p - 1);
    if (mod == "month") {  // to the end of the month of the rule's own calendar
      const std::optional<Calendar> cal = rule.starts_with("islamic:")  ? std::optional(Calendar::kIslamic)
                                          : rule.starts_with("hebrew:")  ? std::optional(Calendar::kHebrew)
                                          : rule.starts_with("chinese:") ? std::optional(Calendar::kChinese)
                                                                         : std::nullopt;
      if (cal) return DaysLeftInMonth(*cal, first).value_or(0);
      return DaysInMonth(first.year, first.month) - first.day;
    }
    if (mod.starts_with('+')) {
      int n = 0;
      auto r = std::from_chars(mod.data() + 1, mod.data() + mod.size(), n);
      if (r.ec == std::errc() && n > 0 && n <= 366) return n;
    }
  }
  return 0;
}

namespace {

std::optional<Date> BaseHolidayDate(std::string_view rule, int year) {
  std::string r(rule);
  int a = 0, b = 0, c = 0, off = 0;
  if (std::sscanf(r.c_str(), "fixed:%d-%d", &a, &b) == 2) {
    if (!ValidDate(year, a, b)) return std::nullopt;
    return Date{year, a, b};
  }
  if (int got = std::sscanf(r.c_str(), "nth:%d:%d:%d:%d", &a, &b, &c, &off); got >= 3) {
    if (a < 1 || a > 12 || b < 1 || b > 7 || c == 0 || c < -1 || c > 5) return std::nullopt;
    Date d;
    if (c > 0) {
      Date first{year, a, 1};
      d = AddDays(first, (b - Weekday(first) + 7) % 7 + 7 * (c - 1));
      if (d.month != a) return std::nullopt;
    } else {
      Date last{year, a, DaysInMonth(year, a)};
      d = AddDays(last, -((Weekday(last) - b + 7) % 7));
    }
    return got == 4 ? AddDays(d, off) : d;
  }
  if (std::sscanf(r.c_str(), "easter:%d", &off) == 1) return AddDays(Easter(year), off);
  if (std::sscanf(r.c_str(), "oeaster:%d", &off) == 1) return AddDays(Easter(year, true), off);
  if (std::sscanf(r.c_str(), "islamic:%d-%d", &a, &b) == 2) return DayOfCalendarInYear(Calendar::kIslamic, a, b, year);
  if (std::sscanf(r.c_str(), "hebrew:%d-%d", &a, &b) == 2) return DayOfCalendarInYear(Calendar::kHebrew, a, b, year);
  if (std::sscanf(r.c_str(), "chinese:%d-%d", &a, &b) == 2) return DayOfCalendarInYear(Calendar::kChinese, a, b, year);
  return std::nullopt;
}

}  // namespace

namespace {

// "%04d", "%02d" for the common ranges without snprintf (dates are printed per record).
void Put(char* p, int v, int width) {
  for (int k = width - 1; k >= 0; --k, v /= 10) p[k] = static_cast<char>('0' + v % 10);
}
bool Plain(const Date& d) { return d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 && d.day >= 0 && d.day <= 99; }

}  // namespace

std::string IsoDate(const Date& d) {
  if (Plain(d)) {
    std::string out(10, '-');
    Put(&out[0], d.year, 4);
    Put(&out[5], d.month, 2);
    Put(&out[8], d.day, 2);
    return out;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<Date> ParseIsoDate(std::string_view s) {
  auto num = [&](size_t pos, size_t len, int* out) {
    if (s.size() < pos + len) return false;
    auto r = std::from_chars(s.data() + pos, s.data() + pos + len, *out);
    return r.ec == std::errc() && r.ptr == s.data() + pos + len;
  };
  Date d;
  if (!num(0, 4, &d.year)) return std::nullopt;
  d.month = d.day = 1;
  if (s.size() >= 7 && s[4] == '-') {
    if (!num(5, 2, &d.month)) return std::nullopt;
    if (s.size() >= 10 && s[7] == '-' && !num(8, 2, &d.day)) return std::nullopt;
  }
  if (!ValidDate(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::string Point::Iso() const {
  if (grain == Grain::kDay) return IsoDate(date);
  if (Plain(date)) return IsoDate(date).substr(0, grain == Grain::kYear ? 4 : 7);
  char buf[16];
  switch (grain) {
    case Grain::kYear: std::snprintf(buf, sizeof buf, "%04d", date.year); break;
    case Grain::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month); break;
    case Grain::kDay: return IsoDate(date);
  }
  return buf;
}

}  // namespace vigie::normalize
