#include "core/civil_date.h"

#include <cstdio>

namespace vigie::core {

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
long DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

unsigned DaysInMonth(int y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

namespace {

// The value of `n` decimal digits at s, or -1 when one of them is not a digit.
int Digits(const char* s, int n) {
  int v = 0;
  for (int i = 0; i < n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

// Read by hand: the extractor asks this of every date it meets, and sscanf cost ~2,000
// instructions a call.
bool DayRange(const std::string& iso, long* first, long* last) {
  const char* s = iso.data();
  const size_t n = iso.size();
  if (n != 4 && n != 7 && n != 10) return false;
  const int y = Digits(s, 4);
  if (y < 0) return false;
  if (n == 4) {
    *first = DaysFromCivil(y, 1, 1);
    *last = DaysFromCivil(y, 12, 31);
    return true;
  }
  const int m = s[4] == '-' ? Digits(s + 5, 2) : -1;
  if (m < 1 || m > 12) return false;
  if (n == 7) {
    *first = DaysFromCivil(y, unsigned(m), 1);
    *last = DaysFromCivil(y, unsigned(m), DaysInMonth(y, unsigned(m)));
    return true;
  }
  const int d = s[7] == '-' ? Digits(s + 8, 2) : -1;
  if (d < 1 || unsigned(d) > DaysInMonth(y, unsigned(m))) return false;
  *first = *last = DaysFromCivil(y, unsigned(m), unsigned(d));
  return true;
}

void CivilFromDays(long z, long* year, unsigned* month, unsigned* day) {
  // The inverse of DaysFromCivil: eras of 400 years, then the year, day and month in it.
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = static_cast<long>(yoe) + era * 400 + (*month <= 2);
}

std::string IsoFromDays(long z) {
  long y = 0;
  unsigned m = 0, d = 0;
  CivilFromDays(z, &y, &m, &d);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
  return buf;
}

}  // namespace vigie::core
