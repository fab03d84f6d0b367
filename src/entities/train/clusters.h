#pragma once
// Distributional word clusters from unlabelled text (trainer only).
//
// Each frequent word (lower case) is described by the words seen right before and right
// after it (positive PMI weights over the most frequent context words), projected to a
// small dense vector with a seeded random matrix and normalised; spherical k-means then
// groups the vectors twice, into `coarse_k` and `fine_k` clusters. The tagger uses the ids
// as features, so rare names that behave like frequent ones ("Cuesta" next to "Díaz")
// share statistics.
//
// Also marks kCommonWord in the gazetteer: words written in lower case in at least half of
// their (>= 10) occurrences.
//
// Deterministic for the same input and seed; single-threaded.

#include <cstdint>
#include <string>
#include <vector>

#include "entities/gazetteer.h"
#include "hearsay/status.h"

namespace hearsay::entities::train {

struct ClusterOptions {
  uint32_t seed = 1;
  size_t vocabulary = 60000;  // most frequent words that get a cluster
  size_t contexts = 600;      // most frequent words used as contexts
  size_t dims = 64;           // projected vector size
  size_t coarse_k = 48;
  size_t fine_k = 384;
  int iterations = 12;
};

// `texts`: raw article texts (tokenized with the text stage); `sentences`: already
// tokenized sentences (e.g. the tagger's training tokens).
Result<WordClusters> BuildClusters(const std::vector<std::string>& texts,
                                   const std::vector<std::vector<std::string>>& sentences, const ClusterOptions& options,
                                   Gazetteer* gazetteer, bool verbose);

}  // namespace hearsay::entities::train
