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
#include <vector>

#include "fuse/internal/context.h"

namespace hearsay::fuse {

bool IsSymmetricPredicate(const std::string& predicate);

// Near-duplicate neighbours of each document (both directions), from FindNearDuplicates.
std::vector<std::vector<uint32_t>> DuplicateNeighbours(size_t n_docs, const std::vector<DuplicatePair>& pairs);

// Fills corpus.clusters and corpus.claim_cluster. assumes: estimated_published is set.
void BuildClusters(FuseContext& ctx, const std::vector<std::vector<uint32_t>>& duplicate_neighbours);

// Appends provenance edges. assumes: clusters are built.
void BuildProvenance(FuseContext& ctx, const std::vector<DuplicatePair>& pairs);

}  // namespace hearsay::fuse
