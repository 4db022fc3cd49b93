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

bool DayRange(const std::string& iso, long* first, long* last) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) == 3 && iso.size() == 10) {
    if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return false;
    *first = *last = DaysFromCivil(y, m, d);
    return true;
  }
  if (std::sscanf(iso.c_str(), "%4d-%2u%c", &y, &m, &tail) == 2 && iso.size() == 7) {
    if (m < 1 || m > 12) return false;
    *first = DaysFromCivil(y, m, 1);
    *last = DaysFromCivil(y, m, DaysInMonth(y, m));
    return true;
  }
  if (std::sscanf(iso.c_str(), "%4d%c", &y, &tail) == 1 && iso.size() == 4) {
    *first = DaysFromCivil(y, 1, 1);
    *last = DaysFromCivil(y, 12, 31);
    return true;
  }
  return false;
}

}  // namespace vigie::core
