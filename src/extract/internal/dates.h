#pragma once
// Calendar arithmetic and the normalisation of date expressions against a publication date.
//
//   Ymd pub = *ParseIsoDate("2025-03-07");
//   DateSpan s;  // "since February" in a document of 2025-03-07 -> from 2025-02-01, to 2025-03-07
//   uint32_t end = MatchDate(view, tok, &s);
//
// Vague expressions become ranges ("in 2012" -> 2012-01-01..2012-12-31, "in her 30s" is an age
// range, not a date). Relative expressions ("last month", "since February", "on Saturday") need
// the publication date; without it they are recognised but left unresolved (both ends empty).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hearsay::extract {

struct Ymd {
  int y = 0, m = 0, d = 0;
  friend bool operator<(const Ymd& a, const Ymd& b) {
    return a.y != b.y ? a.y < b.y : a.m != b.m ? a.m < b.m : a.d < b.d;
  }
  friend bool operator==(const Ymd& a, const Ymd& b) { return a.y == b.y && a.m == b.m && a.d == b.d; }
};

std::optional<Ymd> ParseIsoDate(std::string_view iso);
std::string FormatIso(const Ymd& d);
int DaysInMonth(int y, int m);
int64_t ToDays(const Ymd& d);   // days since 1970-01-01 (proleptic Gregorian)
Ymd FromDays(int64_t days);
Ymd AddDays(const Ymd& d, int64_t n);
Ymd AddYears(const Ymd& d, int n);  // Feb 29 -> Feb 28 when needed
int Weekday(const Ymd& d);          // 0 = Monday .. 6 = Sunday
int MonthFromName(std::string_view lower_word);    // 1..12 or 0 ("jan", "january", "sept")
int WeekdayFromName(std::string_view lower_word);  // 0..6 or -1

// A normalised time span; both ends empty = recognised but unresolved.
struct DateSpan {
  std::optional<Ymd> from, to;
  bool open_start = false;  // "since X": the relation holds from X to the publication date
};

}  // namespace hearsay::extract
