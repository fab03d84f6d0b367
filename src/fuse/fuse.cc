#include "fuse/fuse.h"

#include "common/step_timer.h"
#include "fuse/clusters.h"
#include "fuse/contradictions.h"
#include "fuse/internal/context.h"
#include "fuse/near_duplicates.h"
#include "fuse/time_reasoning.h"

namespace hearsay::fuse {

void Fuse(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses, CorpusAnalysis* corpus,
          const std::vector<std::vector<uint32_t>>* lsh_buckets, const std::vector<std::vector<ClaimRef>>* claim_groups,
          const std::vector<DuplicatePair>* duplicates, const TextSpill* texts) {
  corpus->estimated_published.assign(docs.size(), std::nullopt);
  corpus->clusters.clear();
  corpus->contradictions.clear();
  corpus->provenance.clear();
  if (corpus->local_to_global.size() < analyses.size()) corpus->local_to_global.resize(analyses.size());
  StepTimer timer("fuse");  // HEARSAY_FUSE_TIMING=1 prints the time of each step to stderr
  auto step = [&](const char* name) { timer.Step(name); };
  FuseContext ctx(docs, analyses, *corpus, texts);

  if (duplicates) {
    corpus->duplicates = *duplicates;
  } else {
    NearDuplicateOptions near;
    near.buckets = lsh_buckets;
    near.texts = texts;
    corpus->duplicates = FindNearDuplicates(docs, near);
  }
  step("near-duplicates");
  // Dates first: report order (first_reported, re-report chains) uses estimated windows.
  std::vector<StaleAge> stale = ApplyTimeReasoning(ctx);
  step("time");
  BuildClusters(ctx, DuplicateNeighbours(docs.size(), corpus->duplicates), claim_groups);
  step("clusters");
  BuildProvenance(ctx, corpus->duplicates);
  step("provenance");
  FindContradictions(ctx, stale);
  step("contradictions");
}

}  // namespace hearsay::fuse
