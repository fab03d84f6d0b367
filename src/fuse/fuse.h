#pragma once
// The fuse stage (corpus level): claim clusters with independent sources and first
// report, provenance edges, near-duplicate articles, contradictions, birth-date windows
// from ages and publication windows for undated articles.
//
// Input: all documents, their analyses, and the corpus entities from resolve.
// Output: the remaining fields of CorpusAnalysis. Work grows near-linearly with the corpus
// (keyed by entity, claim key and shingle hash), never all pairs.
//
// Thread safety: one call per corpus.
// Status of this stage: the first implementation records provenance from the citations
// the extract stage found and leaves clusters, duplicates and contradictions empty.

#include <vector>

#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::fuse {

void Fuse(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses, CorpusAnalysis* corpus);

}  // namespace hearsay::fuse
