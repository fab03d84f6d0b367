#pragma once
// Claim clusters and provenance (corpus level).
//
// Claim clusters. Two claims are equal when they have the same global subject, the same
// predicate, the same object (global entity, else the folded object text) and value, and
// compatible time: their [time_from, time_to] ranges overlap (a missing end is open; a
// claim without time fits any). Both polarities of a proposition share its cluster, so the
// scorer weighs denials against support. For symmetric predicates (spouse_of, dating,
// split_from, ...) subject and object are ordered, so "A dating B" equals "B dating A".
//
// Per cluster:
//   documents     sorted by report order: publication date (an undated article by the end
//                 of its estimated window), then ingest order;
//   first_reported the first of them;
//   independent_sources  the number of origin groups among the documents that affirm the
//                 claim (all documents when none affirms). Documents fall in one group when
//                 they (a) are near-duplicates, (b) come from the same outlet, or (c) one
//                 relays an outlet of the other: the claim's source passed through that
//                 outlet (via_outlet, an outlet source) or a citation of the document
//                 overlaps the claim's evidence or names the outlet of an earlier member;
//   rereport_of   for each document, the earlier document of its group it re-reports
//                 (the first of the group), -1 for an origin.
// Cost: one hash-map insertion per claim; per cluster, work linear in its claims plus
// their documents' citations and near-duplicate neighbours.
//
// Provenance edges: every citation the extract stage found (cites/quotes), resolved to the
// corpus document it points at when the cited outlet has one (the earliest one sharing a
// cluster with the citing document, else the latest one published before it); and for
// each near-duplicate pair an edge from the later copy to the earlier one.
//
// Thread safety: one call per corpus.
#include <cstdint>
#include <string>
#include <vector>

#include "fuse/internal/context.h"

namespace hearsay::fuse {

// Near-duplicate neighbours of each document (both directions), from FindNearDuplicates.
std::vector<std::vector<uint32_t>> DuplicateNeighbours(size_t n_docs, const std::vector<DuplicatePair>& pairs);

// The cluster key of a claim, defined once for the grouping in memory and for stores that
// group with GROUP BY (docs/scale.md). What the claim's document gives (a row per claim with
// a predicate and a subject entity, claims without are in no cluster):
struct ClaimKeyRow {
  uint32_t claim = 0;       // index in DocumentAnalysis::claims
  Predicate predicate = Predicate::kNone;
  int32_t subject = -1;     // local entity
  int32_t object = -1;      // local entity, -1: none
  std::string object_text;  // folded (spaces collapsed, ASCII lower case); "" when none
  std::string value;        // folded; "" when none
  bool symmetric = false;   // IsSymmetric(predicate)
};
std::vector<ClaimKeyRow> ClaimKeysOf(const DocumentAnalysis& analysis);
// ...and the key once resolution gave the global entities of subject and object (-1: no
// object entity): subject and object ordered for a symmetric predicate, the object text
// only when there is no object entity. Claims with equal keys are one candidate group,
// split into time-compatible clusters.
struct ClaimKey {
  Predicate predicate = Predicate::kNone;
  int32_t subject = -1, object = -1;
  std::string object_text, value;
};
ClaimKey ClaimKeyOf(const ClaimKeyRow& row, int32_t subject, int32_t object);

// Fills corpus.clusters and corpus.claim_cluster. assumes: estimated_published is set.
// `key_groups`: the claims sharing a ClaimKey, two or more each, when a store found them
// (any order); the result is the same as without.
void BuildClusters(FuseContext& ctx, const std::vector<std::vector<uint32_t>>& duplicate_neighbours,
                   const std::vector<std::vector<ClaimRef>>* key_groups = nullptr);

// Appends provenance edges. assumes: clusters are built.
void BuildProvenance(FuseContext& ctx, const std::vector<DuplicatePair>& pairs);

}  // namespace hearsay::fuse
