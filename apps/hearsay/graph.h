#pragma once
// The graph of a whole store for the CLI: analysed incrementally (cached per-document
// analyses reused, the rest analysed), written to the store, read back and rendered.
#include <optional>
#include <string>
#include <vector>

#include "app.h"
#include "store/store.h"

namespace hearsay::app {

// Ids must be unique in hearsay.json; a repeated JSONL id gets "~2", "~3".
void MakeIdsUnique(std::vector<Document>& docs);

// The key cached analyses are made by: hearsay's version, the analysis codec version, the
// outlet-prior switch and a digest of the running binary and of the model files in
// `models_dir`. A change of any of them (a rebuilt hearsay with other code, a new model)
// makes every document be analysed again.
Result<std::string> PipelineKey(const std::string& models_dir, bool outlet_prior);

struct GraphBuild {
  store::Graph graph;
  std::vector<bool> fresh;  // parallel to graph.docs: analysed in this run (not cached)
  size_t analysed = 0;
};

// The graph of `docs` (every analysable document of the store, in seq order, ids unique):
// per-document analyses from the store's cache when made by `pipeline`, the others
// analysed on `jobs` threads; then the corpus stages over all of them; ids made stable
// (store::StabilizeIds). Bounded memory (docs/scale.md): documents lose their raw bytes,
// analyses are released (ReleaseForCorpus) as soon as each is made. With cache_run_id > 0
// the new analyses are cached in the store batch by batch as they are made (run
// cache_run_id; graph.analyses_cached is set); with 0 the store is not written.
// `groups`: the corpus stages' candidate groups found by the ClickHouse store
// (AnalyzeCorpusStages); its first error is the result.
Result<GraphBuild> BuildGraph(store::Store& store, std::vector<Document> docs, const Models& models,
                              const std::string& pipeline, int jobs, bool quiet, int64_t cache_run_id = 0,
                              CorpusKeyGroups* groups = nullptr);

// The calibration summary as stored in graph_meta, and back.
std::string CalibrationToJson(const std::optional<report::CalibrationSummary>& c);
std::optional<report::CalibrationSummary> CalibrationFromJson(const std::string& json);

// What a view of `graph` renders from; the pointers stay valid while the arguments live.
struct GraphViewParts {
  std::optional<report::CalibrationSummary> calibration;
};
report::ReportView ViewOf(const store::Graph& graph, const std::vector<Reject>& rejects, const std::vector<Warning>& warnings,
                          GraphViewParts& parts);

}  // namespace hearsay::app
