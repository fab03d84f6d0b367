#pragma once
// A compact, versioned binary form of one DocumentAnalysis: what the per-document stages
// found in one document, cached in the store (table `analyses`) so an incremental run does
// not analyse a document twice.
//
//   std::string body = hearsay::store::EncodeAnalysis(analysis);
//   Result<DocumentAnalysis> back = hearsay::store::DecodeAnalysis(body);
//
// Contract:
//   * Decode(Encode(a)) equals `a` in every field except `syntax` (the dependency trees are
//     not kept: no stage after extract and no view reads them).
//   * Encode needs the whole layout: an analysis whose tokens were released
//     (ReleaseForCorpus, hearsay/pipeline.h) must not be encoded (asserted).
//   * The body starts with kAnalysisCodecVersion; a body of another version, truncated or
//     malformed, is DATA_LOSS (never a crash, never a partial record).
//   * A new field of DocumentAnalysis (or of a record inside it) needs a new codec
//     version: bump kAnalysisCodecVersion, which is part of the pipeline key, so cached
//     analyses of the old version are recomputed instead of misread.
// Thread safety: pure functions.

#include <string>
#include <string_view>

#include "hearsay/records.h"
#include "hearsay/status.h"

namespace hearsay::store {

constexpr int kAnalysisCodecVersion = 3;  // 2: attributions, source word offsets; 3: claims' ended flag

std::string EncodeAnalysis(const DocumentAnalysis& analysis);
Result<DocumentAnalysis> DecodeAnalysis(std::string_view body);

}  // namespace hearsay::store
