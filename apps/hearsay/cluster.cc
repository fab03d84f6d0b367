#include "cluster.h"

#include <unistd.h>

#include <atomic>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <unordered_map>
#include <unordered_set>

#include "app.h"
#include "common/file_io.h"
#include "common/parallel.h"
#include "common/step_timer.h"
#include "fuse/near_duplicates.h"
#include "graph.h"
#include "ingest/ingest.h"
#include "scale/clickhouse_store.h"
#include "scale/corpus_keys.h"
#include "scale/mirror.h"
#include "scale/shard.h"
#include "score/score.h"
#include "store/analysis_codec.h"

namespace hearsay::app {
namespace {

namespace fs = std::filesystem;
using scale::ClickHouseStore;

// The graph tables copied to ClickHouse after a fuse (docs/store.md), and graph_documents.
const std::vector<std::string> kGraphTables = {
    "graph_documents", "document_results", "blocks", "entities", "entity_aliases", "local_entities", "mentions",
    "quotes", "attributions", "claims", "citations", "clusters", "cluster_claims", "cluster_documents",
    "cluster_outlets", "credibility_reasons", "contradictions", "provenance", "duplicates", "graph_meta"};

struct WorkerContext {
  ClickHouseStore& store;
  const scale::ShardSpec& shard;
  const Models& models;
  const std::string& pipeline;
  int jobs;
};

// Reads the whole walk, keeps this worker's shard, and stores and analyses it in batches.
class ShardSink : public ingest::DocumentSink {
 public:
  ShardSink(WorkerContext ctx, scale::WorkerRun& run) : ctx_(ctx), run_(run) {}

  void OnDocument(Document doc) override {
    doc.ingest_seq = ++pos_;
    ++run_.documents_seen;
    if (!scale::InShard(doc.content_hash, ctx_.shard)) return;
    ++run_.documents_in_shard;
    if (doc.replaced_bytes > 0) warnings_.push_back({pos_, ReplacedBytesWarning(doc)});
    batch_bytes_ += doc.raw.size() + doc.text.size();
    batch_.push_back(std::move(doc));
    if (batch_.size() >= 256 || batch_bytes_ >= (64u << 20)) Flush();
  }
  void OnReject(Reject r) override {
    ++pos_;
    if (!scale::InShard(scale::ShardKey(r.path), ctx_.shard)) return;
    std::cerr << "hearsay: rejected " << r.path << (r.where ? ":" + *r.where : "") << ": " << r.reason << "\n";
    ++run_.rejects;
    rejects_.push_back({pos_, std::move(r)});
  }
  void OnExcluded(const std::string& path, const std::string& reason) override {
    std::cerr << "hearsay: skipped " << path << ": " << reason << "\n";
  }

  void Flush() {
    if (status_.ok()) status_ = FlushBatch();
    batch_.clear();
    rejects_.clear();
    warnings_.clear();
    batch_bytes_ = 0;
  }
  const Status& status() const { return status_; }

 private:
  Status FlushBatch();
  WorkerContext ctx_;
  scale::WorkerRun& run_;
  uint64_t pos_ = 0;
  std::vector<Document> batch_;
  std::vector<scale::PositionedReject> rejects_;
  std::vector<scale::PositionedWarning> warnings_;
  size_t batch_bytes_ = 0;
  Status status_;
};

// New documents of the batch stored; those without an analysis of the pipeline analysed
// on `jobs` threads and their analyses, near-duplicate band keys and corpus keys
// (scale/corpus_keys.h) stored; then the batch's rejects and warnings.
Status ShardSink::FlushBatch() {
  std::vector<std::string> hashes;
  for (const Document& d : batch_) hashes.push_back(d.content_hash);
  auto stored = ctx_.store.StoredDocuments(hashes);
  if (!stored.ok()) return stored.status();
  auto analysed = ctx_.store.AnalysedDocuments(hashes, ctx_.pipeline);
  if (!analysed.ok()) return analysed.status();
  std::vector<const Document*> fresh, todo;
  std::unordered_set<std::string> met;
  for (const Document& d : batch_) {
    if (!met.insert(d.content_hash).second) continue;
    if (!stored->count(d.content_hash)) fresh.push_back(&d);
    if (!analysed->count(d.content_hash) && d.text.size() <= kMaxAnalysisBytes) todo.push_back(&d);
  }
  HEARSAY_RETURN_IF_ERROR(ctx_.store.AddDocuments(fresh, ctx_.shard.ToString()));
  run_.documents_added += fresh.size();
  std::vector<std::pair<std::string, std::string>> bodies(todo.size());
  std::vector<std::pair<std::string, std::vector<uint64_t>>> bands(todo.size());
  std::vector<scale::DocumentKeys> keys(todo.size());
  ParallelFor(todo.size(), ctx_.jobs, [&](size_t i) {
    DocumentAnalysis analysis = AnalyzeDocument(*todo[i], ctx_.models);
    bodies[i] = {todo[i]->content_hash, store::EncodeAnalysis(analysis)};
    keys[i] = scale::DocumentKeysOf(todo[i]->content_hash, analysis);
    bands[i] = {todo[i]->content_hash, fuse::BandKeys(todo[i]->text)};
  });
  HEARSAY_RETURN_IF_ERROR(ctx_.store.AddAnalyses(bodies, ctx_.pipeline));
  HEARSAY_RETURN_IF_ERROR(ctx_.store.AddBandKeys(bands, ctx_.pipeline));
  HEARSAY_RETURN_IF_ERROR(scale::AddDocumentKeys(ctx_.store.client(), keys, ctx_.pipeline));
  run_.documents_analysed += todo.size();
  HEARSAY_RETURN_IF_ERROR(ctx_.store.AddRejects(rejects_, ctx_.shard.ToString()));
  return ctx_.store.AddWarnings(warnings_, ctx_.shard.ToString());
}

// A folder of its own under the system's temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "hearsay-fuse-XXXXXX").string();
    if (::mkdtemp(tmpl.data())) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string ModelsDir(const ClusterOptions& o) { return o.models.empty() ? DefaultModelsDir() : o.models; }

Result<scale::WorkerRun> RunWorker(const ClusterOptions& o, ClickHouseStore& store, const scale::ShardSpec& shard) {
  auto models = LoadModels(ModelsDir(o));
  if (!models.ok()) return models.status();
  if (models->article_model) models->article_model->UseOutletPrior(!o.no_outlet_prior);
  auto pipeline = PipelineKey(ModelsDir(o), !o.no_outlet_prior);
  if (!pipeline.ok()) return pipeline.status();
  scale::WorkerRun run;
  run.command = "analyze";
  run.shard = shard.ToString();
  run.started_at = static_cast<int64_t>(std::time(nullptr));
  ShardSink sink({store, shard, *models, *pipeline, o.jobs > 0 ? o.jobs : DefaultJobs()}, run);
  ingest::IngestOptions options;
  options.follow_symlinks = o.follow_symlinks;
  HEARSAY_RETURN_IF_ERROR(ingest::IngestPaths(o.paths, options, sink));
  sink.Flush();
  HEARSAY_RETURN_IF_ERROR(sink.status());
  HEARSAY_RETURN_IF_ERROR(store.AddRun(run));
  return run;
}

// The local SQLite store of a fuse: the ClickHouse store's documents (numbered 1..n in
// position order), rejects, warnings and the cached analyses of `pipeline`.
Status FillLocalStore(ClickHouseStore& ch, store::Store& local, const std::string& pipeline) {
  auto docs = ch.LoadDocuments();
  if (!docs.ok()) return docs.status();
  auto rejects = ch.LoadRejects();
  if (!rejects.ok()) return rejects.status();
  auto warnings = ch.LoadWarnings();
  if (!warnings.ok()) return warnings.status();
  auto run_id = local.BeginRun("fuse");
  if (!run_id.ok()) return run_id.status();
  auto added = local.AddBatch(*docs, *rejects, *warnings, *run_id);
  if (!added.ok()) return added.status();
  HEARSAY_RETURN_IF_ERROR(local.FinishRun(*run_id, docs->size(), added->added, rejects->size()));
  auto analyses = ch.LoadAnalyses(pipeline);
  if (!analyses.ok()) return analyses.status();
  std::vector<std::pair<std::string, std::string>> bodies;
  for (const Document& d : *docs) {
    auto it = analyses->find(d.content_hash);
    if (it != analyses->end()) bodies.emplace_back(d.content_hash, std::move(it->second));
  }
  return scale::PutAnalysesIntoSqlite(local.path(), pipeline, bodies);
}

// The near-duplicate LSH buckets of `docs` from a GROUP BY in ClickHouse, as document
// indices; band keys of documents that have none (analysed by no worker) added first.
Result<std::vector<std::vector<uint32_t>>> BucketsInClickHouse(ClickHouseStore& ch, const std::vector<Document>& docs,
                                                               const std::string& pipeline) {
  auto banded = ch.BandedDocuments(pipeline);
  if (!banded.ok()) return banded.status();
  std::vector<const Document*> unbanded;
  for (const Document& d : docs)
    if (!banded->count(d.content_hash)) unbanded.push_back(&d);
  std::vector<std::pair<std::string, std::vector<uint64_t>>> missing(unbanded.size());
  ParallelFor(unbanded.size(), DefaultJobs(), [&](size_t i) {
    missing[i] = {unbanded[i]->content_hash, fuse::BandKeys(unbanded[i]->text)};
  });
  HEARSAY_RETURN_IF_ERROR(ch.AddBandKeys(missing, pipeline));
  auto buckets = ch.LshBuckets(pipeline);
  if (!buckets.ok()) return buckets.status();
  std::unordered_map<std::string, uint32_t> index;
  for (size_t d = 0; d < docs.size(); ++d) index.emplace(docs[d].content_hash, static_cast<uint32_t>(d));
  std::vector<std::vector<uint32_t>> out;
  for (const std::vector<std::string>& bucket : *buckets) {
    std::vector<uint32_t> members;
    for (const std::string& h : bucket)
      if (auto it = index.find(h); it != index.end()) members.push_back(it->second);
    if (members.size() > 1) out.push_back(std::move(members));
  }
  return out;
}

// The candidate groups of the corpus stages from GROUP BY queries in ClickHouse: the LSH
// buckets found before; entity and claim groups over the key rows workers wrote
// (scale/corpus_keys.h), the rows of documents analysed here added first.
class ClickHouseKeyGroups : public CorpusKeyGroups {
 public:
  ClickHouseKeyGroups(ClickHouseStore& ch, std::vector<std::string> hashes, std::string pipeline,
                      std::vector<std::vector<uint32_t>> buckets)
      : ch_(ch), hashes_(std::move(hashes)), pipeline_(std::move(pipeline)), buckets_(std::move(buckets)) {}

  Result<std::vector<std::vector<uint32_t>>> LshBuckets() override { return std::move(buckets_); }

  Result<std::vector<std::vector<LocalEntityRef>>> EntityGroups(const std::vector<DocumentAnalysis>& analyses) override {
    auto keyed = scale::KeyedDocuments(ch_.client(), pipeline_);
    if (!keyed.ok()) return keyed.status();
    std::vector<scale::DocumentKeys> missing;
    for (size_t d = 0; d < hashes_.size() && d < analyses.size(); ++d)
      if (!keyed->count(hashes_[d])) missing.push_back(scale::DocumentKeysOf(hashes_[d], analyses[d]));
    HEARSAY_RETURN_IF_ERROR(scale::AddDocumentKeys(ch_.client(), missing, pipeline_));
    HEARSAY_RETURN_IF_ERROR(scale::PutFuseDocuments(ch_.client(), hashes_));
    return scale::EntityGroups(ch_.client(), pipeline_);
  }

  Result<std::vector<std::vector<ClaimRef>>> ClaimGroups(const std::vector<DocumentAnalysis>&,
                                                         const CorpusAnalysis& resolved) override {
    HEARSAY_RETURN_IF_ERROR(scale::PutEntityMap(ch_.client(), resolved.local_to_global));
    auto groups = scale::ClaimGroups(ch_.client(), pipeline_);
    HEARSAY_RETURN_IF_ERROR(scale::DropFuseTables(ch_.client()));
    return groups;
  }

 private:
  ClickHouseStore& ch_;
  std::vector<std::string> hashes_;  // content hash of each document of the fuse, in order
  std::string pipeline_;
  std::vector<std::vector<uint32_t>> buckets_;
};

// The graph of the local store built and written as `hearsay analyze --db` does, with the
// candidate groups of the corpus stages found in ClickHouse.
Status BuildLocalGraph(const ClusterOptions& o, ClickHouseStore& ch, store::Store& local, size_t* analysed) {
  auto docs = local.LoadDocuments();
  if (!docs.ok()) return docs.status();
  std::vector<Reject> known;
  auto stored_rejects = local.LoadRejects();
  if (!stored_rejects.ok()) return stored_rejects.status();
  known = std::move(*stored_rejects);
  std::vector<Reject> held = HoldBackOversized(*docs, &known);
  auto run_id = local.BeginRun("fuse");
  if (!run_id.ok()) return run_id.status();
  if (!held.empty()) {
    std::vector<Document> none;
    auto stored = local.AddBatch(none, held, {}, *run_id);
    if (!stored.ok()) return stored.status();
  }
  MakeIdsUnique(*docs);
  auto models = LoadModels(ModelsDir(o));
  if (!models.ok()) return models.status();
  if (models->article_model) models->article_model->UseOutletPrior(!o.no_outlet_prior);
  auto pipeline = PipelineKey(ModelsDir(o), !o.no_outlet_prior);
  if (!pipeline.ok()) return pipeline.status();
  auto buckets = BucketsInClickHouse(ch, *docs, *pipeline);
  if (!buckets.ok()) return buckets.status();
  std::vector<std::string> hashes;
  for (const Document& d : *docs) hashes.push_back(d.content_hash);
  ClickHouseKeyGroups groups(ch, std::move(hashes), *pipeline, std::move(*buckets));
  auto built = BuildGraph(local, std::move(*docs), *models, *pipeline, o.jobs > 0 ? o.jobs : DefaultJobs(), o.quiet, *run_id,
                          &groups);
  if (!built.ok()) return built.status();
  built->graph.run_id = *run_id;
  built->graph.calibration = CalibrationToJson(CalibrationOf(*models, !o.no_outlet_prior));
  *analysed = built->analysed;
  auto changes = local.WriteGraph(built->graph, built->fresh);
  return changes.ok() ? Status::Ok() : changes.status();
}

Status RenderOutputs(store::Store& local, const std::string& out) {
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) return UnavailableError(out + ": cannot create output folder (" + ec.message() + ")");
  auto graph = local.LoadGraph();
  if (!graph.ok()) return graph.status();
  auto rejects = local.LoadRejects();
  if (!rejects.ok()) return rejects.status();
  auto warnings = local.LoadWarnings();
  if (!warnings.ok()) return warnings.status();
  GraphViewParts parts;
  report::ReportView view = ViewOf(*graph, *rejects, *warnings, parts);
  HEARSAY_RETURN_IF_ERROR(
      WriteFileStreamed((fs::path(out) / "hearsay.json").string(), [&](std::ostream& s) { report::WriteJson(view, s); }));
  return WriteFileStreamed((fs::path(out) / "index.html").string(), [&](std::ostream& s) { report::WriteHtml(view, s); });
}

Status Fuse(const ClusterOptions& o, ClickHouseStore& ch, size_t* analysed, size_t* documents) {
  StepTimer timer("fuse");  // HEARSAY_FUSE_TIMING=1 prints the time of each step
  TempDir tmp;
  if (tmp.path().empty()) return UnavailableError("cannot create a temporary folder for the fuse");
  const std::string db_path = (fs::path(tmp.path()) / "hearsay.db").string();
  auto local = store::Store::Open(db_path);
  if (!local.ok()) return local.status();
  auto pipeline = PipelineKey(ModelsDir(o), !o.no_outlet_prior);
  if (!pipeline.ok()) return pipeline.status();
  HEARSAY_RETURN_IF_ERROR(FillLocalStore(ch, **local, *pipeline));
  timer.Step("read the ClickHouse store");
  HEARSAY_RETURN_IF_ERROR(BuildLocalGraph(o, ch, **local, analysed));
  timer.Step("corpus stages, graph written locally");
  if (!o.no_report) HEARSAY_RETURN_IF_ERROR(RenderOutputs(**local, o.out));
  timer.Step("render");
  auto count = (*local)->CountDocuments();
  *documents = count.ok() ? static_cast<size_t>(*count) : 0;
  HEARSAY_RETURN_IF_ERROR(scale::ExecSqlite(db_path, "CREATE TABLE graph_documents (seq INTEGER PRIMARY KEY, content_hash TEXT NOT NULL, "
                                                     "doc_id TEXT NOT NULL); INSERT INTO graph_documents SELECT seq, content_hash, id "
                                                     "FROM documents"));
  local->reset();
  HEARSAY_RETURN_IF_ERROR(scale::CopyTablesToClickHouse(db_path, kGraphTables, ch.client()));
  timer.Step("graph tables copied to ClickHouse");
  return Status::Ok();
}

Result<std::unique_ptr<ClickHouseStore>> OpenStore(const std::string& store) {
  auto url = scale::ParseClickHouseUrl(store);
  if (!url.ok()) return url.status();
  return ClickHouseStore::Open(*url);
}

}  // namespace

int RunAnalyzeClickHouse(const ClusterOptions& o, bool shard_given) {
  auto shard = scale::ParseShard(o.shard);
  if (!shard.ok()) return Fail(shard.status());
  auto ch = OpenStore(o.store);
  if (!ch.ok()) return Fail(ch.status());
  auto run = RunWorker(o, **ch, *shard);
  if (!run.ok()) return Fail(run.status());
  if (!o.quiet)
    std::cerr << "hearsay: shard " << run->shard << ": " << run->documents_in_shard << " of " << run->documents_seen
              << " documents read (" << run->documents_added << " new, " << run->documents_analysed << " analysed), "
              << run->rejects << " rejected; stored in " << o.store << "\n";
  if (!shard_given) {
    if (int rc = RunFuseClickHouse(o); rc != kExitOk) return rc;
  }
  return run->rejects == 0 ? kExitOk : kExitWithRejects;
}

int RunFuseClickHouse(const ClusterOptions& o) {
  auto ch = OpenStore(o.store);
  if (!ch.ok()) return Fail(ch.status());
  size_t analysed = 0, documents = 0;
  if (Status s = Fuse(o, **ch, &analysed, &documents); !s.ok()) return Fail(s);
  if (!o.quiet)
    std::cerr << "hearsay: fused " << documents << " documents of " << o.store << " (" << analysed
              << " analysed here, the rest by workers); graph tables written there"
              << (o.no_report ? "" : "; wrote " + o.out + "/hearsay.json, " + o.out + "/index.html") << "\n";
  return kExitOk;
}

}  // namespace hearsay::app
