#include "normalize/date.h"

#include <charconv>
#include <cstdio>

#include "core/civil_date.h"

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

std::string IsoDate(const Date& d) {
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
  char buf[16];
  switch (grain) {
    case Grain::kYear: std::snprintf(buf, sizeof buf, "%04d", date.year); break;
    case Grain::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month); break;
    case Grain::kDay: return IsoDate(date);
  }
  return buf;
}

}  // namespace vigie::normalize
