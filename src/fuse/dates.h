#pragma once
// Calendar arithmetic for time reasoning: ISO dates as day numbers (days since
// 1970-01-01, proleptic Gregorian), years added the way ages count them.
//
//   int64_t d = *ParseIsoDay("2025-03-07");        // also "2025-03" and "2025" (first day)
//   FormatIsoDay(AddYears(d, -37) + 1);             // "1988-03-08"
//
// Thread safety: pure functions.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hearsay::fuse {

int64_t DaysFromCivil(int year, unsigned month, unsigned day);
void CivilFromDays(int64_t days, int* year, unsigned* month, unsigned* day);

// Day number of "YYYY-MM-DD", "YYYY-MM" or "YYYY" (anything after the date is ignored).
// A partial date means its first day, or its last day when `last_day` is set ("2025-08"
// -> 2025-08-31). Empty when the text is not such a date.
std::optional<int64_t> ParseIsoDay(std::string_view iso, bool last_day = false);
std::string FormatIsoDay(int64_t days);

// The same calendar day `years` later (earlier when negative); 29 February becomes
// 28 February in a common year (the convention used for birth windows).
int64_t AddYears(int64_t days, int years);

}  // namespace hearsay::fuse
