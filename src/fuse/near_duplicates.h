#pragma once
// Near-duplicate articles by MinHash over word shingles with LSH banding.
//
// A document is the set S of its word k-shingles (k consecutive lower-cased words,
// words = runs of letters, digits, '_' and '\''). Two documents are near-duplicates when
// the Jaccard similarity J = |S_a ∩ S_b| / |S_a ∪ S_b| is at least min_jaccard, computed
// exactly for every candidate pair. Candidates come from LSH: a signature of
// bands x rows MinHash values (one-permutation MinHash: one hash per shingle spread over
// bands x rows bins, each keeping its minimum; empty bins densified) is cut into `bands`
// bands of `rows` values; two documents are candidates when any band is equal. A bin
// agrees between two documents with probability ≈ J. For one band
//     P(band equal) = J^rows,   P(candidate) = 1 - (1 - J^rows)^bands.
// With k = 3, rows = 4, bands = 32 (128 hashes) the S-curve's midpoint is
// (1/bands)^(1/rows) ≈ 0.42, and
//     J = 0.68 (the examples' 03/04 rewrite)  P ≈ 0.9995
//     J = 0.50 (the threshold)                P ≈ 0.87
//     J = 0.20                                P ≈ 0.05   (verified and dropped)
// so rewrites like 03/04 are found with near certainty while unrelated articles rarely
// reach the exact check. k = 3 because light rewording (one changed word touches k
// shingles) keeps 03/04 at 0.68 with k = 3 but 0.57 with k = 5.
//
// Cost: O(total shingles) for signatures, O(bands x n log n) to sort band keys, per
// candidate pair a signature comparison; the exact check only for pairs whose estimate is
// within 0.15 of the threshold, and for the clear duplicates that join two groups. A bucket of more than max_bucket documents
// (boilerplate pages, syndicated copies) is checked as a star against its first member
// rather than all pairs, so the pair count stays linear.
//
// Changing k, the word definition, the hash or the seeds changes every signature: stored
// signatures (if any) must then be recomputed.
//
// Thread safety: pure; signatures are computed on `jobs` threads.
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/text_spill.h"
#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::fuse {

struct NearDuplicateOptions {
  int shingle_words = 3;      // k
  int bands = 32;
  int rows = 4;
  double min_jaccard = 0.5;   // exact Jaccard of a reported pair
  size_t min_shingles = 25;   // shorter documents are not compared (too little text)
  size_t max_bucket = 50;     // larger LSH buckets are checked as a star
  int jobs = 0;               // 0: all hardware threads
  // LSH buckets found elsewhere (a GROUP BY over stored BandKeys, docs/scale.md): each the
  // indices of documents sharing the key of one band. When set, candidates come from them
  // instead of banding in memory; given the buckets of BandKeys, the result is the same.
  const std::vector<std::vector<uint32_t>>* buckets = nullptr;
  // The documents' texts where they were moved out of the documents (null: all in them).
  const TextSpill* texts = nullptr;
};

// The LSH key of each band of the MinHash signature of `text` (options.bands values), as
// FindNearDuplicates bands them; empty when `text` has fewer than min_shingles shingles.
std::vector<uint64_t> BandKeys(std::string_view text, const NearDuplicateOptions& options = {});

// Sorted, distinct 64-bit hashes of the word k-shingles of `text`.
std::vector<uint64_t> ShingleHashes(std::string_view text, int shingle_words);

// Exact Jaccard of two sorted, distinct hash sets.
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// Pairs (a < b, document indices) with exact Jaccard >= min_jaccard, sorted by (a, b):
// a spanning forest of the near-duplicate graph. Every two documents of one duplicate
// group are connected through listed pairs, but a pair already connected through others
// is neither checked nor listed (m copies give m − 1 pairs, not m(m − 1)/2).
std::vector<DuplicatePair> FindNearDuplicates(const std::vector<Document>& docs, const NearDuplicateOptions& options = {});

}  // namespace hearsay::fuse
