#include "graph.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <future>
#include <map>
#include <nlohmann/json.hpp>

#include "common/file_io.h"
#include "common/memory.h"
#include "common/parallel.h"
#include "common/sha256.h"
#include "common/step_timer.h"
#include "common/text_spill.h"
#include "score/score.h"
#include "store/analysis_codec.h"

namespace hearsay::app {

void MakeIdsUnique(std::vector<Document>& docs) {
  std::map<std::string, int> count;
  for (Document& d : docs) {
    int n = ++count[d.id];
    if (n > 1) d.id += "~" + std::to_string(n);
  }
}

Result<std::string> PipelineKey(const std::string& models_dir, bool outlet_prior) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_directory(models_dir, ec))
    for (const auto& e : fs::directory_iterator(models_dir, ec))
      if (e.is_regular_file() && e.path().extension() != ".md") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  // The running binary itself: a cached analysis is reused only by the build that made it.
  files.insert(files.begin(), "/proc/self/exe");
  std::string digests;
  for (const std::string& f : files) {
    auto bytes = ReadWholeFile(f, uint64_t{1} << 32);
    if (!bytes.ok()) return bytes.status();
    digests += fs::path(f).filename().string() + ":" + Sha256Hex(*bytes) + "\n";
  }
  return Version() + "/codec" + std::to_string(store::kAnalysisCodecVersion) + "/prior-" + (outlet_prior ? "on" : "off") +
         "/models-" + Sha256Hex(digests).substr(0, 16);
}

namespace {

// The positions 0..n-1 of todo[from..from+n) in the order the workers take them: longest text
// first (stable), so each batch ends on short documents and no thread waits long at its end
// for the other's last document (in index order a long one came last: 0.56 s of one core
// idle at the last batch of the 10,200 GossipCop articles). Results go to their own slots.
std::vector<size_t> LongestFirst(const std::vector<Document>& docs, const std::vector<size_t>& todo, size_t from, size_t n) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return docs[todo[from + a]].text.size() > docs[todo[from + b]].text.size(); });
  return order;
}

// Analyses docs[todo[i]] into analyses on `jobs` threads, batch by batch; with `cache`
// each batch is encoded by the workers and written to the store's cache by another
// thread while the next batch is analysed; then released (ReleaseForCorpus), so the
// per-document results are never all held in full; with a `spill` each batch's texts are
// read back from it for the batch and freed after. The last batch's write is still running
// when this returns: *last_write (invalid when there is none) gives its status.
Status AnalyzeFresh(store::Store& store, std::vector<Document>& docs, const std::vector<size_t>& todo, const Models& models,
                    const std::string& pipeline, int64_t run_id, int jobs, bool cache, bool quiet,
                    std::vector<DocumentAnalysis>& analyses, TextSpill* spill, std::future<Status>* last_write) {
  constexpr size_t kBatch = 1024;
  Progress progress("analyzing", quiet);
  std::future<Status> writing;
  for (size_t from = 0; from < todo.size(); from += kBatch) {
    size_t n = std::min(kBatch, todo.size() - from);
    std::vector<store::CachedAnalysis> bodies(cache ? n : 0);
    if (spill)  // the batch's texts, read back (freed below)
      for (size_t i = 0; i < n; ++i)
        if (size_t d = todo[from + i]; spill->Holds(d)) spill->Read(d, 0, spill->Size(d), &docs[d].text);
    const std::vector<size_t> order = LongestFirst(docs, todo, from, n);
    ParallelFor(n, jobs, [&](size_t k) {
      const size_t i = order[k], d = todo[from + i];
      analyses[d] = AnalyzeDocument(docs[d], models);
      if (cache) bodies[i] = {docs[d].content_hash, store::EncodeAnalysis(analyses[d])};
      ReleaseForCorpus(&analyses[d]);
    });
    progress.Update(from + n, todo.size());
    if (spill)
      for (size_t i = 0; i < n; ++i)
        if (size_t d = todo[from + i]; spill->Holds(d)) std::string().swap(docs[d].text);
    ReturnFreedMemory();  // the batch's trees and tokens, freed in the workers' arenas
    if (writing.valid()) HEARSAY_RETURN_IF_ERROR(writing.get());
    if (cache)
      writing = std::async(std::launch::async, [&store, &pipeline, run_id, b = std::move(bodies)] {
        return store.CacheAnalyses(b, pipeline, run_id);
      });
  }
  *last_write = std::move(writing);
  return Status::Ok();
}

// Every text moved to a file beside the store (TextSpill; null when it cannot be made: the
// texts stay in memory), then each document's other fields copied afresh: the texts had been
// read between them, so their freed space is reused by the copies and what is left lies in
// whole pages that go back to the system, not in holes between the records the run keeps.
std::shared_ptr<TextSpill> SpillTexts(const store::Store& store, std::vector<Document>& docs) {
  std::shared_ptr<TextSpill> spill = TextSpill::Create(std::filesystem::path(store.path()).parent_path().string(), docs.size());
  if (!spill) return nullptr;
  for (size_t d = 0; d < docs.size(); ++d) spill->Move(docs, d);  // on failure the text stays in memory
  for (Document& d : docs) {
    Document fresh = d;
    d = std::move(fresh);
  }
  ReturnFreedMemory();
  return spill;
}

}  // namespace

Result<GraphBuild> BuildGraph(store::Store& store, std::vector<Document> docs, const Models& models,
                              const std::string& pipeline, int jobs, bool quiet, int64_t cache_run_id,
                              CorpusKeyGroups* groups) {
  for (Document& d : docs) std::string().swap(d.raw);  // checked against its hash on loading; not read after
  auto cached = store.LoadAnalyses(docs, pipeline);
  if (!cached.ok()) return cached.status();
  std::shared_ptr<TextSpill> spill = SpillTexts(store, docs);
  GraphBuild b;
  b.graph.analyses.resize(docs.size());
  b.fresh.assign(docs.size(), false);
  std::vector<size_t> todo;
  for (size_t d = 0; d < docs.size(); ++d) {
    if ((*cached)[d]) {
      b.graph.analyses[d] = std::move(*(*cached)[d]);
      ReleaseForCorpus(&b.graph.analyses[d]);
    } else {
      b.fresh[d] = true;
      todo.push_back(d);
    }
  }
  std::vector<std::optional<DocumentAnalysis>>().swap(*cached);  // clear() would keep its n slots
  const bool cache = cache_run_id > 0;
  StepTimer timer("build");  // HEARSAY_FUSE_TIMING=1 prints the time of each step
  // The near-duplicates read only the text: with two jobs or more they are found on a thread
  // of their own while the analyses are made, not with the other core idle in the corpus
  // stages (the ClickHouse store's buckets, `groups`, are asked for there).
  std::future<std::vector<DuplicatePair>> duplicates;
  if (!groups && jobs >= 2)
    duplicates = std::async(std::launch::async, [&docs, texts = spill.get()] {
      return FindNearDuplicateDocuments(docs, 1, texts);  // spilled texts from the file: the batches read and free their copies
    });
  std::future<Status> last_write;  // the last batch's cache write, beside the corpus stages
  Status fresh = AnalyzeFresh(store, docs, todo, models, pipeline, cache_run_id, jobs, cache, quiet, b.graph.analyses,
                              spill.get(), &last_write);
  std::optional<std::vector<DuplicatePair>> found;
  if (duplicates.valid()) found = duplicates.get();  // also when AnalyzeFresh failed: `docs` is read there
  HEARSAY_RETURN_IF_ERROR(fresh);
  timer.Step("per-document analyses", todo.size());
  b.graph.analyses_cached = cache;
  b.analysed = todo.size();
  Status stages = Status::Ok();
  if (groups) {
    auto corpus = AnalyzeCorpusStages(docs, b.graph.analyses, *groups, spill.get());
    if (corpus.ok()) b.graph.corpus = std::move(*corpus);
    else stages = corpus.status();
  } else {
    b.graph.corpus = AnalyzeCorpusStages(docs, b.graph.analyses, found ? &*found : nullptr, spill.get());
  }
  if (last_write.valid()) HEARSAY_RETURN_IF_ERROR(last_write.get());
  HEARSAY_RETURN_IF_ERROR(stages);
  ReturnFreedMemory();  // the corpus stages' signatures, candidate pairs and indexes
  timer.Step("corpus stages");
  b.graph.docs = std::move(docs);
  b.graph.texts = std::move(spill);
  b.graph.pipeline = pipeline;
  store::StabilizeIds(b.graph);
  timer.Step("stable ids");
  return b;
}

std::string CalibrationToJson(const std::optional<report::CalibrationSummary>& c) {
  if (!c) return "";
  nlohmann::json bins = nlohmann::json::array();
  for (const report::ReliabilityBin& b : c->bins)
    bins.push_back({{"lo", b.lo}, {"hi", b.hi}, {"count", b.count}, {"mean_predicted", b.mean_predicted}, {"observed", b.observed}});
  nlohmann::json j = {{"dataset", c->dataset}, {"brier", c->brier},         {"ece", c->ece},      {"macro_f1", c->macro_f1},
                      {"bins", bins},          {"threshold", c->threshold}, {"method", c->method}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<report::CalibrationSummary> CalibrationFromJson(const std::string& json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  report::CalibrationSummary c;
  c.dataset = j.value("dataset", "");
  c.brier = j.value("brier", 0.0);
  c.ece = j.value("ece", 0.0);
  c.macro_f1 = j.value("macro_f1", 0.0);
  c.threshold = j.value("threshold", 0.5);
  c.method = j.value("method", "");
  for (const auto& b : j.value("bins", nlohmann::json::array()))
    c.bins.push_back({b.value("lo", 0.0), b.value("hi", 0.0), b.value("count", uint64_t{0}), b.value("mean_predicted", 0.0),
                      b.value("observed", 0.0)});
  return c;
}

report::ReportView ViewOf(const store::Graph& graph, const std::vector<Reject>& rejects, const std::vector<Warning>& warnings,
                          GraphViewParts& parts) {
  report::ReportView view{&graph.docs, &graph.analyses, &graph.corpus, &rejects, &warnings, Version()};
  view.texts = graph.texts.get();
  parts.calibration = CalibrationFromJson(graph.calibration);
  if (parts.calibration) view.calibration = &*parts.calibration;
  view.cluster_grade_rules = score::ClusterGradeRules();
  return view;
}

}  // namespace hearsay::app
