// Calendar arithmetic for the normaliser: proleptic Gregorian dates, day counts, week and
// month arithmetic, and points of varying grain (YYYY, YYYY-MM, YYYY-MM-DD).
// Plain values; every function is pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::normalize {

enum class Unit : uint8_t { kSecond, kMinute, kHour, kDay, kWeek, kMonth, kYear };
const char* UnitName(Unit u);

struct Date {
  int year = 1970, month = 1, day = 1;
  bool operator==(const Date&) const = default;
  auto operator<=>(const Date&) const = default;
};

bool ValidDate(int y, int m, int d);
int DaysInMonth(int y, int m);
int64_t DaysFromCivil(const Date& d);
Date CivilFromDays(int64_t days);
Date AddDays(const Date& d, int64_t n);
Date AddMonths(const Date& d, int n);   // clamps the day
int Weekday(const Date& d);             // 1 = Monday … 7 = Sunday
Date StartOfWeek(const Date& d);        // the Monday
std::string IsoDate(const Date& d);     // YYYY-MM-DD
// "2016-12-07", "2016-12", "2016" (also with a time part, which is ignored).
std::optional<Date> ParseIsoDate(std::string_view s);

// Easter Sunday of a year: Gregorian (western) or, orthodox, the Julian computus given in the
// Gregorian calendar (valid 1900-2099).
Date Easter(int year, bool orthodox = false);
// The day a holiday rule gives in a year (holidays.tsv): "fixed:12-25", "nth:11:4:4" (4th
// Thursday of November; -1 the last), "nth:11:4:4:+1" (a day after that), "easter:-2",
// "oeaster:0", "islamic:10-01" (1 Shawwal in the Umm al-Qura Islamic calendar, its first
// occurrence in the year), "hebrew:07-10" (10 Tishri in the Hebrew calendar, months from
// Nisan = 1; the day itself, not the evening before, when it begins), "chinese:01-01" (the
// Chinese lunisolar calendar's new year); calendars.h says how. None when the rule is
// malformed.
// Modifiers after commas: "obs" (a Saturday observed on the Friday, a Sunday on the Monday),
// "sun-1" (a Sunday on the Saturday), "+N" (the holiday runs N more days: Lent is
// "easter:-46,+45"), "month" (it runs to the end of its month in the rule's calendar:
// Ramadan is "islamic:09-01,month"). None when the rule or a modifier is malformed.
std::optional<Date> HolidayDate(std::string_view rule, int year);
// How many days a holiday that began on `first` runs after it ("+N", "month"); 0 for one day.
int HolidaySpan(std::string_view rule, const Date& first);

enum class Grain : uint8_t { kDay, kMonth, kYear };

// A date known to a grain: for kMonth the day is 1, for kYear month and day are 1.
struct Point {
  Date date;
  Grain grain = Grain::kDay;
  std::string Iso() const;  // by grain
  bool operator==(const Point&) const = default;
};

}  // namespace vigie::normalize
