#pragma once
// The fuse stage (corpus level): claim clusters with independent sources and first
// report, provenance edges, near-duplicate articles, contradictions, birth-date windows
// from ages and publication windows for undated articles.
//
// Input: all documents, their analyses, and the corpus entities from resolve.
// Output: the remaining fields of CorpusAnalysis. Work grows near-linearly with the corpus
// (keyed by entity, claim key and shingle hash), never all pairs.
//
// Steps, in order (each documented in its header):
//   near_duplicates.h  MinHash + LSH over word 3-shingles -> duplicates[]
//   time_reasoning.h   birth windows from ages, stale ages, windows of undated articles
//   clusters.h         claim clusters (first report, independent sources, re-report
//                      chains) and provenance edges
//   contradictions.h   polarity, exclusive states (rule table), ages
// Method and measured scale: docs/fusion.md.
//
// Thread safety: one call per corpus (signatures use all hardware threads inside).

#include <cstdint>
#include <vector>

#include "common/text_spill.h"
#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::fuse {

// `lsh_buckets`: the near-duplicate LSH buckets when found elsewhere (NearDuplicateOptions::buckets);
// `claim_groups`: the claims sharing a cluster key when found elsewhere (BuildClusters);
// `duplicates`: FindNearDuplicates(docs) with the default options, found before (e.g. while
// the per-document stages ran); then neither it nor `lsh_buckets` is used here;
// `texts`: the documents' texts where they were moved out of `docs` (null: all in docs).
void Fuse(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses, CorpusAnalysis* corpus,
          const std::vector<std::vector<uint32_t>>* lsh_buckets = nullptr,
          const std::vector<std::vector<ClaimRef>>* claim_groups = nullptr,
          const std::vector<DuplicatePair>* duplicates = nullptr, const TextSpill* texts = nullptr);

}  // namespace hearsay::fuse
