#pragma once
// Contradictions between claims, each with an explanation in words.
//
// Only firm claims take part: asserted or reported, not ended (Claim::ended); rumours only
// inside one article against its own denial (intra_article). Each contradiction carries a
// confidence in 0..1 (docs/fusion.md, section 6) and the list is sorted by it, highest first.
// Kinds and rules:
//   polarity         one proposition (one claim cluster) affirmed in one article and denied in
//                    another at overlapping times (a reported state lasts 180 days after its
//                    report): a = the first firm affirming claim, b = the denying claim (claim
//                    ids); one contradiction per denying document.
//   intra_article    the same inside the denying article: a = its firmest affirming claim.
//   exclusive_state  states that cannot hold together over overlapping time, from the rule
//                    table kExclusionRules (contradictions.cc):
//                    * a denial with no object ("has not dated anyone since 2012", "never
//                      married", "has no children") against an affirmed claim of a covered
//                      predicate about the same person (dating, engaged_to, spouse_of; a
//                      split_from/divorced_from with a known time means they were together
//                      until then) whose time overlaps the denial's;
//                    * one partner at a time: dating / engaged_to / spouse_of with two
//                      different partners over overlapping time, compared claim by claim:
//                      two claims from different documents (one article naming two
//                      partners tells a history), each asserted or reported (rumours do
//                      not count), whose times overlap; a
//                      relation ends at the couple's earliest affirmed split or divorce
//                      (its time, else its report day); a name whose words, titles aside,
//                      are all in the other partner's name ("Liam" / "Liam Hemsworth",
//                      "Mr Trump" / "Donald Trump", "Beyoncé" / "Beyonce") is the same partner.
//                    a, b = cluster ids.
//   age              an age that cannot be right together with the person's other ages
//                    (StaleAge from time reasoning): a = the stale age's cluster, b = a
//                    consensus age's cluster.
// Time of a state claim: [time_from, time_to]; a missing time_from is the publication
// day (the state holds when reported), a missing time_to the publication day as well (a
// denial "since 2021" covers up to its publication). A document with neither a date nor an
// estimated window gives no time, so it only takes part in polarity conflicts.
//
// Cost: polarity is linear in claims; denials are grouped by (person, rule) and compared
// with that person's excluded claims, both in report order and at most kMaxPartnerStates
// of each (so a person's work is bounded), one contradiction per (affirmed cluster, denial
// cluster), at most kMaxPerPerson per person; partner conflicts sweep each person's
// partner clusters sorted by start, at most kMaxPerPerson reported per person.
//
// Thread safety: one call per corpus.
#include <vector>

#include "fuse/internal/context.h"
#include "fuse/time_reasoning.h"

namespace hearsay::fuse {

// Appends to corpus.contradictions. assumes: clusters built, stale ages computed.
void FindContradictions(FuseContext& ctx, const std::vector<StaleAge>& stale);

}  // namespace hearsay::fuse
