// Days of the calendars that holidays are fixed in besides the Gregorian one: the Islamic
// calendar after the Umm al-Qura tables (ICU's "islamic-umalqura") from 1420 AH (1999) and
// the arithmetical one (ICU's "islamic-tbla") before, the Chinese lunisolar calendar (ICU's),
// and the Hebrew calendar by its own arithmetic (ICU 72's errs in 5806-5807; calendars.cc).
// Thread-safe (one ICU calendar per thread and kind).
#pragma once

#include <optional>

#include "normalize/date.h"

namespace vigie::normalize {

enum class Calendar : uint8_t { kIslamic, kHebrew, kChinese };

// The first day of Gregorian year `year` that is day `day` of month `month` in `cal`. Months
// count from 1: Muharram for the Islamic calendar; Nisan for the Hebrew one, as the Bible
// counts them (Tishri = 7, Adar = 12, which is Adar II in a leap year, Adar II = 13 only in a
// leap year); the first month of the year for the Chinese one (never a leap month). None
// when the day does not exist, or not in that year.
std::optional<Date> DayOfCalendarInYear(Calendar cal, int month, int day, int year);

// How many days follow Gregorian day `day` in its month of `cal` (0 on the month's last
// day): Ramadan runs 29 or 30 days. None when ICU cannot say.
std::optional<int> DaysLeftInMonth(Calendar cal, const Date& day);

}  // namespace vigie::normalize
