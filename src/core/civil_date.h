// Calendar arithmetic on ISO dates of any precision, as day numbers (days since
// 1970-01-01, proleptic Gregorian). Pure functions; thread-safe.
#pragma once

#include <string>

namespace vigie::core {

long DaysFromCivil(int year, unsigned month, unsigned day);
unsigned DaysInMonth(int year, unsigned month);
// Inclusive day range of "2016", "2016-12" or "2016-12-07"; false when not such a date.
bool DayRange(const std::string& iso, long* first, long* last);
// "YYYY-MM-DD" of a day number.
std::string IsoFromDays(long days);
// The civil date of a day number (the inverse of DaysFromCivil).
void CivilFromDays(long days, long* year, unsigned* month, unsigned* day);

}  // namespace vigie::core
