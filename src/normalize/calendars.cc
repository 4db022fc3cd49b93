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

// Saudi Arabia's Umm al-Qura calendar took its present rule in 1420 AH (1999); its tables for
// the years before follow older rules that miss the days observed then by one or two days
// more often than the arithmetical calendar does, which dates those years instead.
constexpr int kUmmAlQuraFrom = 1420;

// ICU's calendars, by kind, then the arithmetical Islamic calendar (astronomical epoch).
constexpr std::array<const char*, 4> kLocales = {"en@calendar=islamic-umalqura",
                                                 "en@calendar=hebrew", "en@calendar=chinese",
                                                 "en@calendar=islamic-tbla"};
constexpr size_t kIslamicArithmetical = 3;

// One calendar per kind and thread, in UTC so that a day is a whole number of days from
// 1970-01-01. Null when ICU cannot make it (missing data): the holiday is then not dated.
icu::Calendar* CalendarAt(size_t k) {
  thread_local std::array<std::unique_ptr<icu::Calendar>, kLocales.size()> cals;
  thread_local std::array<bool, kLocales.size()> tried{};
  if (!tried[k]) {
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

// ICU's month field for a month counted as calendars.h says; -1 when there is none.
int IcuMonth(Calendar cal, int month, bool hebrew_leap) {
  switch (cal) {
    case Calendar::kIslamic:
    case Calendar::kChinese:
      return month - 1;
    case Calendar::kHebrew:
      // ICU counts from Tishri (0) and always has 13 slots: Adar I is 5, Adar (Adar II in a
      // leap year) 6, Nisan 7 … Elul 12.
      if (month == 13) return hebrew_leap ? 6 : -1;
      if (month == 12) return 6;
      return month >= 7 ? month - 7 : month + 6;
  }
  return -1;
}

bool HebrewLeap(int hebrew_year) { return (7 * hebrew_year + 1) % 19 < 7; }

// The calendar's years that may overlap Gregorian year `year` (0: none); an Islamic year is
// eleven days shorter than a Gregorian one, so up to three of them do.
std::array<int, 4> YearsOverlapping(Calendar cal, int year) {
  switch (cal) {
    case Calendar::kIslamic: {
      const int approx = (year - 622) * 33 / 32;
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
    icu::Calendar* c =
        CalendarAt(cal == Calendar::kIslamic && y < kUmmAlQuraFrom ? kIslamicArithmetical
                                                                   : static_cast<size_t>(cal));
    if (c == nullptr) return std::nullopt;
    const int m = IcuMonth(cal, month, cal == Calendar::kHebrew && HebrewLeap(y));
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
