#include "fuse/fuse.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "fuse/clusters.h"
#include "fuse/contradictions.h"
#include "fuse/internal/context.h"
#include "fuse/near_duplicates.h"
#include "fuse/time_reasoning.h"

namespace hearsay::fuse {

void Fuse(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses, CorpusAnalysis* corpus) {
  corpus->estimated_published.assign(docs.size(), std::nullopt);
  corpus->clusters.clear();
  corpus->contradictions.clear();
  corpus->provenance.clear();
  if (corpus->local_to_global.size() < analyses.size()) corpus->local_to_global.resize(analyses.size());
  // HEARSAY_FUSE_TIMING=1 prints the time of each step to stderr.
  const char* timing_env = std::getenv("HEARSAY_FUSE_TIMING");
  const bool timing = timing_env && timing_env[0] == '1';
  auto t = std::chrono::steady_clock::now();
  auto step = [&](const char* name) {
    if (!timing) return;
    auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "fuse: %-15s %8.3f s\n", name, std::chrono::duration<double>(now - t).count());
    t = now;
  };
  FuseContext ctx(docs, analyses, *corpus);

  corpus->duplicates = FindNearDuplicates(docs);
  step("near-duplicates");
  // Dates first: report order (first_reported, re-report chains) uses estimated windows.
  std::vector<StaleAge> stale = ApplyTimeReasoning(ctx);
  step("time");
  BuildClusters(ctx, DuplicateNeighbours(docs.size(), corpus->duplicates));
  step("clusters");
  BuildProvenance(ctx, corpus->duplicates);
  step("provenance");
  FindContradictions(ctx, stale);
  step("contradictions");
}

}  // namespace hearsay::fuse
