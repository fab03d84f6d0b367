#pragma once
// Time reasoning: birth-date windows from ages, stale ages, publication windows of
// undated articles.
//
// Age convention: X aged A on day P was born in
//     [P − (A+1) years + 1 day,  P − A years]
// (an age range "30-39" widens it to [P − (hi+1) years + 1 day, P − lo years]).
// Per person the windows of all dated age claims are intersected. When they do not all
// overlap, the largest set that does (the deepest point of a sweep over the interval
// ends) gives the window and the others are stale: an age that cannot be right together
// with the rest. Ages stated next to the name decide; ages whose subject was inferred
// (Claim::subject_inferred) narrow the window when they agree and are otherwise left out,
// never stale.
// An undated article that says X is A, with X's window [b0, b1] from dated articles,
// was published in
//     [b0 + A years,  b1 + (A+1) years − 1 day]
// and the article's window is the intersection over its age claims (again the deepest
// overlapping set when they disagree).
//
// Thread safety: pure functions.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuse/internal/context.h"

namespace hearsay::fuse {

struct DayRange {
  int64_t first = 0;  // day numbers (fuse/dates.h), inclusive
  int64_t last = 0;
  bool empty() const { return last < first; }
};

// Birth window of someone aged [age_lo, age_hi] on day `as_of`.
DayRange BirthWindowFromAge(int64_t as_of, int age_lo, int age_hi);
// Days on which someone born in `birth` is aged [age_lo, age_hi].
DayRange DaysAtAge(const DayRange& birth, int age_lo, int age_hi);

// The largest subset of `ranges` with a common day, as indices (ascending), and that
// common intersection. Ties go to the earliest deepest point. Empty input: empty output.
struct Consensus {
  std::vector<size_t> members;
  DayRange range;
};
Consensus DeepestOverlap(const std::vector<DayRange>& ranges);

// "62" -> {62, 62}; "30-39" -> {30, 39}; empty when the value is not an age (0..130).
std::optional<std::pair<int, int>> ParseAgeValue(const std::string& value);

// An age claim that cannot be right together with the person's other ages.
struct StaleAge {
  int32_t entity = -1;       // global entity
  ClaimRef claim;            // the stale age claim
  ClaimRef nearest_support;  // a consensus age claim, nearest in publication date
  DayRange stale_window;     // the birth window the stale claim alone implies
  DayRange consensus;        // the person's birth window
  size_t support = 0;        // age claims in the consensus
};

// The corpus step: sets Entity::birth_window (from age claims of dated documents) and
// corpus.estimated_published for undated documents with age claims about people who have
// a window; returns the stale ages. Age claims: predicate "age", affirmed, a subject that
// resolved to a global entity, a value ParseAgeValue accepts.
std::vector<StaleAge> ApplyTimeReasoning(FuseContext& ctx);

}  // namespace hearsay::fuse
