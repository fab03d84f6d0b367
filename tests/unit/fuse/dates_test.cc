// Calendar arithmetic and age windows (fuse/dates.h, fuse/time_reasoning.h).
#include <gtest/gtest.h>

#include "fuse/dates.h"
#include "fuse/time_reasoning.h"

namespace hearsay::fuse {
namespace {

int64_t Day(const char* iso) { return *ParseIsoDay(iso); }

TEST(Dates, ParsesFullAndPartialDates) {
  EXPECT_EQ(FormatIsoDay(Day("2025-03-07")), "2025-03-07");
  EXPECT_EQ(Day("1970-01-01"), 0);
  EXPECT_EQ(FormatIsoDay(*ParseIsoDay("2025-08")), "2025-08-01");
  EXPECT_EQ(FormatIsoDay(*ParseIsoDay("2025-08", true)), "2025-08-31");
  EXPECT_EQ(FormatIsoDay(*ParseIsoDay("2024-02", true)), "2024-02-29");
  EXPECT_EQ(FormatIsoDay(*ParseIsoDay("2012", true)), "2012-12-31");
  EXPECT_EQ(FormatIsoDay(*ParseIsoDay("2025-05-27T10:00:00Z")), "2025-05-27");
  for (const char* bad : {"", "20", "2025-13-01", "2025-02-30", "May 2025", "20250"})
    EXPECT_FALSE(ParseIsoDay(bad)) << bad;
}

TEST(Dates, AddYearsKeepsTheCalendarDay) {
  EXPECT_EQ(FormatIsoDay(AddYears(Day("2025-03-07"), -37)), "1988-03-07");
  EXPECT_EQ(FormatIsoDay(AddYears(Day("2024-02-29"), -1)), "2023-02-28");
  EXPECT_EQ(FormatIsoDay(AddYears(Day("2024-02-29"), 4)), "2028-02-29");
}

TEST(AgeWindows, BirthWindowFollowsTheAgeConvention) {
  // Aged 36 on 2025-03-07: born 1988-03-08 .. 1989-03-07.
  DayRange w = BirthWindowFromAge(Day("2025-03-07"), 36, 36);
  EXPECT_EQ(FormatIsoDay(w.first), "1988-03-08");
  EXPECT_EQ(FormatIsoDay(w.last), "1989-03-07");
  // "in her 30s" on 2025-07-14: born 1985-07-15 .. 1995-07-14.
  DayRange r = BirthWindowFromAge(Day("2025-07-14"), 30, 39);
  EXPECT_EQ(FormatIsoDay(r.first), "1985-07-15");
  EXPECT_EQ(FormatIsoDay(r.last), "1995-07-14");
  // Someone born 1962-05-28..1962-07-29 is 62 from 2024-05-28 to 2025-07-28.
  DayRange at = DaysAtAge(DayRange{Day("1962-05-28"), Day("1962-07-29")}, 62, 62);
  EXPECT_EQ(FormatIsoDay(at.first), "2024-05-28");
  EXPECT_EQ(FormatIsoDay(at.last), "2025-07-28");
}

TEST(AgeWindows, DeepestOverlapLeavesTheOddOneOut) {
  std::vector<DayRange> ranges = {{10, 20}, {15, 30}, {40, 50}, {18, 19}};
  Consensus c = DeepestOverlap(ranges);
  EXPECT_EQ(c.members, (std::vector<size_t>{0, 1, 3}));
  EXPECT_EQ(c.range.first, 18);
  EXPECT_EQ(c.range.last, 19);
  // Touching ranges overlap on their shared day.
  Consensus t = DeepestOverlap({{1, 5}, {5, 9}});
  EXPECT_EQ(t.members.size(), 2u);
  EXPECT_EQ(t.range.first, 5);
  EXPECT_TRUE(DeepestOverlap({}).members.empty());
}

TEST(AgeWindows, ParsesAgeValues) {
  EXPECT_EQ(ParseAgeValue("62"), std::make_pair(62, 62));
  EXPECT_EQ(ParseAgeValue("30-39"), std::make_pair(30, 39));
  EXPECT_EQ(ParseAgeValue(" 30 - 39 "), std::make_pair(30, 39));
  for (const char* bad : {"", "sixty", "62a", "39-30", "1000", "-5"}) EXPECT_FALSE(ParseAgeValue(bad)) << bad;
}

}  // namespace
}  // namespace hearsay::fuse
