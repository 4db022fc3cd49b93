#include "normalize/calendars.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <array>
#include <cmath>
#include <memory>

namespace vigie::normalize {
namespace {

constexpr double kMsPerDay = 86400000.0;

// Saudi Arabia's Umm al-Qura tables, ICU's "islamic-umalqura", are used from 1420 AH (1999)
// and the arithmetical calendar before. The cut-off is measured, not historical (the present
// Umm al-Qura rule dates from 1423 AH; 1420-1422 followed another): on the Duckling corpus's
// dated Islamic holidays the tables match all 16 days after 1999 and 3 of 8 before, the
// arithmetical calendar 5 of those 8. Past 1600 AH (2174) ICU's tables end and it falls back
// to the arithmetical calendar of the civil epoch.
constexpr int kUmmAlQuraFrom = 1420;

// The Hebrew calendar, by its arithmetic (as fixed since the 4th century) rather than ICU's:
// ICU 72, Debian 12's, puts 1 Tishri 5807 on 2 October 2046 instead of the 1st (ICU-23069),
// which moves every holiday from late 2045 to 2046 by a day. Months from Nisan (1) to
// Adar (12) and, in leap years, Adar II (13); the year begins on 1 Tishri (7). Days counted
// from the R.D. epoch (1 January of year 1, Gregorian) as in Dershowitz and Reingold,
// "Calendrical Calculations".
constexpr int64_t kHebrewEpoch = -1373427;  // 1 Tishri AM 1, R.D.
constexpr int64_t kRdOf1970 = 719163;       // 1970-01-01, R.D.
bool HebrewLeap(int64_t y) { return (7 * y + 1) % 19 < 7; }
int64_t HebrewElapsed(int64_t y) {
  const int64_t months = (235 * y - 234) / 19;
  const int64_t parts = 12084 + 13753 * months;
  const int64_t days = 29 * months + parts / 25920;
  return (3 * (days + 1)) % 7 < 3 ? days + 1 : days;
}
int64_t HebrewNewYear(int64_t y) {
  const int64_t a = HebrewElapsed(y - 1), b = HebrewElapsed(y), c = HebrewElapsed(y + 1);
  const int64_t correction = c - b == 356 ? 2 : b - a == 382 ? 1 : 0;
  return kHebrewEpoch + b + correction;
}
int HebrewMonthDays(int m, int64_t y) {
  const int64_t len = HebrewNewYear(y + 1) - HebrewNewYear(y);
  if (m == 2 || m == 4 || m == 6 || m == 10 || m == 13) return 29;
  if (m == 12 && !HebrewLeap(y)) return 29;
  if (m == 8 && len % 10 != 5) return 29;  // Marheshvan is long only in a complete year
  if (m == 9 && len % 10 == 3) return 29;  // Kislev is short in a deficient year
  return 30;
}
// Days from 1970-01-01 of day d of month m of Hebrew year y.
int64_t HebrewDays(int64_t y, int m, int d) {
  int64_t r = HebrewNewYear(y) + d - 1;
  if (m < 7) {
    const int last = HebrewLeap(y) ? 13 : 12;
    for (int k = 7; k <= last; ++k) r += HebrewMonthDays(k, y);
    for (int k = 1; k < m; ++k) r += HebrewMonthDays(k, y);
  } else {
    for (int k = 7; k < m; ++k) r += HebrewMonthDays(k, y);
  }
  return r - kRdOf1970;
}

// Days from 1970-01-01 of the day of Hebrew year y's month m (Nisan = 1) that Adar and Adar
// II fall in, as calendars.h says; none when the month is not in that year.
std::optional<int64_t> HebrewDay(int64_t y, int m, int d) {
  const int mm = m == 12 && HebrewLeap(y) ? 13 : m;
  if (mm == 13 && !HebrewLeap(y)) return std::nullopt;
  if (d > HebrewMonthDays(mm, y)) return std::nullopt;
  return HebrewDays(y, mm, d);
}

// ICU's calendars, by kind (none for the Hebrew one, above), then the arithmetical Islamic
// calendar (astronomical epoch).
constexpr std::array<const char*, 4> kLocales = {"en@calendar=islamic-umalqura", nullptr,
                                                 "en@calendar=chinese", "en@calendar=islamic-tbla"};
constexpr size_t kIslamicArithmetical = 3;

// One calendar per kind and thread, in UTC so that a day is a whole number of days from
// 1970-01-01. Null when ICU cannot make it (missing data): no day is found, and the pack
// whose rule needs it fails to load, naming the rule.
icu::Calendar* CalendarAt(size_t k) {
  thread_local std::array<std::unique_ptr<icu::Calendar>, kLocales.size()> cals;
  thread_local std::array<bool, kLocales.size()> tried{};
  if (!tried[k] && kLocales[k] != nullptr) {
    tried[k] = true;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> c(icu::Calendar::createInstance(
        icu::TimeZone::getGMT()->clone(), icu::Locale(kLocales[k]), status));
    if (U_SUCCESS(status) && c) {
      c->setLenient(false);
      cals[k] = std::move(c);
    }
  }
  return cals[k].get();
}

// ICU's month field (from 0) for a month counted from 1.
int IcuMonth(int month) { return month - 1; }

// The calendar's years that may overlap Gregorian year `year` (0: none); an Islamic year is
// eleven days shorter than a Gregorian one, so up to three of them do.
std::array<int, 4> YearsOverlapping(Calendar cal, int year) {
  switch (cal) {
    case Calendar::kIslamic: {
      // 365.2425 / 354.3671 Islamic years to a Gregorian one.
      const int approx = static_cast<int>((int64_t{year} - 622) * 1030689 / 1000000);
      return {approx - 1, approx, approx + 1, approx + 2};
    }
    case Calendar::kHebrew:
      return {year + 3760, year + 3761, 0, 0};
    case Calendar::kChinese:
      return {year + 2636, year + 2637, 0, 0};
  }
  return {0, 0, 0, 0};
}

}  // namespace

std::optional<Date> DayOfCalendarInYear(Calendar cal, int month, int day, int year) {
  if (month < 1 || month > 13 || day < 1 || day > 30 || year < 1000 || year > 9000)
    return std::nullopt;
  if (month == 13 && cal != Calendar::kHebrew) return std::nullopt;
  std::optional<Date> first;
  for (int y : YearsOverlapping(cal, year)) {
    if (y <= 0) continue;
    if (cal == Calendar::kHebrew) {
      if (std::optional<int64_t> days = HebrewDay(y, month, day)) {
        const Date g = CivilFromDays(*days);
        if (g.year == year && (!first || g < *first)) first = g;
      }
      continue;
    }
    icu::Calendar* c =
        CalendarAt(cal == Calendar::kIslamic && y < kUmmAlQuraFrom ? kIslamicArithmetical
                                                                   : static_cast<size_t>(cal));
    if (c == nullptr) return std::nullopt;
    const int m = IcuMonth(month);
    if (m < 0) continue;
    UErrorCode status = U_ZERO_ERROR;
    c->clear();
    c->set(UCAL_EXTENDED_YEAR, y);
    c->set(UCAL_MONTH, m);
    if (cal == Calendar::kChinese) c->set(UCAL_IS_LEAP_MONTH, 0);
    c->set(UCAL_DATE, day);
    const UDate ms = c->getTime(status);
    if (U_FAILURE(status)) continue;  // the day does not exist (a 30th in a 29-day month)
    const Date g = CivilFromDays(static_cast<int64_t>(std::floor(ms / kMsPerDay)));
    if (g.year == year && (!first || g < *first)) first = g;
  }
  return first;
}

std::optional<int> DaysLeftInMonth(Calendar cal, const Date& day) {
  if (cal == Calendar::kHebrew) {
    const int64_t z = DaysFromCivil(day);
    for (int64_t y = day.year + 3760; y <= day.year + 3761; ++y) {
      for (int m = 1; m <= 13; ++m) {
        if (m == 13 && !HebrewLeap(y)) continue;
        const int64_t start = HebrewDays(y, m, 1), len = HebrewMonthDays(m, y);
        if (z >= start && z < start + len) return static_cast<int>(start + len - 1 - z);
      }
    }
    return std::nullopt;
  }
  icu::Calendar* c = CalendarAt(static_cast<size_t>(cal));
  if (c == nullptr) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  c->clear();
  c->setTime(static_cast<UDate>(DaysFromCivil(day)) * kMsPerDay, status);
  if (cal == Calendar::kIslamic && c->get(UCAL_EXTENDED_YEAR, status) < kUmmAlQuraFrom) {
    c = CalendarAt(kIslamicArithmetical);
    if (c == nullptr) return std::nullopt;
    c->clear();
    c->setTime(static_cast<UDate>(DaysFromCivil(day)) * kMsPerDay, status);
  }
  const int32_t dom = c->get(UCAL_DATE, status);
  const int32_t last = c->getActualMaximum(UCAL_DATE, status);
  if (U_FAILURE(status) || last < dom) return std::nullopt;
  return last - dom;
}

}  // namespace vigie::normalize
