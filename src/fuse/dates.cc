#include "fuse/dates.h"

#include <cstdio>

namespace hearsay::fuse {

// Howard Hinnant's days_from_civil: shifts the year to start in March so the leap day
// is the last day of the shifted year, then counts 400-year eras of 146097 days.
int64_t DaysFromCivil(int year, unsigned month, unsigned day) {
  int y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);                      // [0, 399]
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                     // [0, 146096]
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t days, int* year, unsigned* month, unsigned* day) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = static_cast<int>(yoe + era * 400) + (*month <= 2 ? 1 : 0);
}

namespace {
bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
unsigned DaysInMonth(int y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}
bool Digits(std::string_view s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  for (size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
int Number(std::string_view s, size_t from, size_t n) {
  int v = 0;
  for (size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}
}  // namespace

std::optional<int64_t> ParseIsoDay(std::string_view iso, bool last_day) {
  if (!Digits(iso, 0, 4)) return std::nullopt;
  int y = Number(iso, 0, 4);
  if (iso.size() == 4 || iso[4] != '-') {
    if (iso.size() > 4 && iso[4] >= '0' && iso[4] <= '9') return std::nullopt;
    return last_day ? DaysFromCivil(y, 12, 31) : DaysFromCivil(y, 1, 1);
  }
  if (!Digits(iso, 5, 2)) return std::nullopt;
  unsigned m = static_cast<unsigned>(Number(iso, 5, 2));
  if (m < 1 || m > 12) return std::nullopt;
  if (iso.size() < 8 || iso[7] != '-' || !Digits(iso, 8, 2))
    return last_day ? DaysFromCivil(y, m, DaysInMonth(y, m)) : DaysFromCivil(y, m, 1);
  unsigned d = static_cast<unsigned>(Number(iso, 8, 2));
  if (d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return DaysFromCivil(y, m, d);
}

std::string FormatIsoDay(int64_t days) {
  int y = 0;
  unsigned m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

int64_t AddYears(int64_t days, int years) {
  int y = 0;
  unsigned m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  y += years;
  if (m == 2 && d == 29 && !IsLeap(y)) d = 28;
  return DaysFromCivil(y, m, d);
}

}  // namespace hearsay::fuse
