#include "app.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <future>
#include <mutex>
#include <unordered_set>

#include "ingest/ingest.h"
#include "score/score.h"

namespace hearsay::app {
namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Batches documents, rejects and warnings into the store. With `overlap` each batch is
// written by another thread while the reader parses the next one (the batches are still
// written one at a time, in the order read, so the store's numbering is the same).
class StoreSink : public ingest::DocumentSink {
 public:
  StoreSink(store::Store& store, int64_t run_id, IngestSummary& summary, Progress& progress, bool overlap)
      : store_(store), run_id_(run_id), summary_(summary), progress_(progress), overlap_(overlap) {}
  ~StoreSink() override { Collect(); }

  void OnDocument(Document doc) override {
    if (doc.replaced_bytes > 0) next_.warnings.push_back(ReplacedBytesWarning(doc));
    batch_bytes_ += doc.raw.size() + doc.text.size();
    next_.docs.push_back(std::move(doc));
    if (next_.docs.size() >= 512 || batch_bytes_ >= (64u << 20)) Flush();
  }
  void OnReject(Reject r) override {
    std::cerr << "hearsay: rejected " << r.path << (r.where ? ":" + *r.where : "") << ": " << r.reason << "\n";
    next_.rejects.push_back(std::move(r));
    if (next_.rejects.size() >= 512) Flush();
  }
  void OnSkipped(const std::string& path) override {
    (void)path;
    ++summary_.skipped;
  }
  void OnExcluded(const std::string& path, const std::string& reason) override {
    std::cerr << "hearsay: skipped " << path << ": " << reason << "\n";
    ++summary_.excluded;
  }

  // Hands the batch read so far to the store (and, overlapped, waits for the batch before).
  void Flush() {
    if (next_.docs.empty() && next_.rejects.empty() && next_.warnings.empty()) return;
    Collect();
    if (!status_.ok()) return;
    writing_ = std::async(overlap_ ? std::launch::async : std::launch::deferred, [this, b = std::move(next_)]() mutable {
      b.result = store_.AddBatch(b.docs, b.rejects, b.warnings, run_id_);
      return std::move(b);
    });
    next_ = Batch{};
    batch_bytes_ = 0;
    if (!overlap_) Collect();
  }
  // Waits for the batch being written and counts it in the summary.
  void Collect() {
    if (!writing_.valid()) return;
    Batch b = writing_.get();
    if (!b.result.ok()) {
      if (status_.ok()) status_ = b.result.status();
      return;
    }
    summary_.added += b.result->added;
    for (Document& d : b.docs) {
      ++summary_.seen;
      if (seen_.insert(d.content_hash).second) summary_.content_hashes.push_back(d.content_hash);
    }
    for (Reject& x : b.rejects) summary_.rejects.push_back(std::move(x));
    for (Warning& w : b.warnings) summary_.warnings.push_back(std::move(w));
    progress_.Update(summary_.seen, 0);
  }
  const Status& status() const { return status_; }

 private:
  struct Batch {
    std::vector<Document> docs;
    std::vector<Reject> rejects;
    std::vector<Warning> warnings;
    Result<store::BatchResult> result = store::BatchResult{};
  };
  store::Store& store_;
  int64_t run_id_;
  IngestSummary& summary_;
  Progress& progress_;
  bool overlap_;
  Batch next_;
  std::future<Batch> writing_;
  size_t batch_bytes_ = 0;
  std::unordered_set<std::string> seen_;
  Status status_;
};

}  // namespace

Progress::Progress(std::string label, bool quiet)
    : label_(std::move(label)), enabled_(!quiet && ::isatty(STDERR_FILENO)), start_ms_(NowMs()) {}

Progress::~Progress() { Finish(); }

void Progress::Update(uint64_t done, uint64_t total) {
  if (!enabled_) return;
  int64_t now = NowMs();
  if (now - start_ms_ < 500 || now - last_ms_ < 100) return;
  last_ms_ = now;
  drawn_ = true;
  if (total > 0) {
    int width = 30;
    int fill = static_cast<int>(width * done / total);
    std::fprintf(stderr, "\r%s [%.*s%*s] %llu/%llu", label_.c_str(), fill, "##############################", width - fill, "",
                 static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
  } else {
    std::fprintf(stderr, "\r%s %llu", label_.c_str(), static_cast<unsigned long long>(done));
  }
  std::fflush(stderr);
}

void Progress::Finish() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

Result<IngestSummary> IngestToStore(const std::vector<std::string>& paths, store::Store& store, int64_t run_id, bool quiet,
                                    bool follow_symlinks, const std::vector<std::string>& also_exclude, int jobs) {
  IngestSummary summary;
  Progress progress("ingesting", quiet);
  StoreSink sink(store, run_id, summary, progress, jobs >= 2);
  ingest::IngestOptions options;
  options.follow_symlinks = follow_symlinks;
  options.exclude = also_exclude;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) options.exclude.push_back(store.path() + suffix);
  HEARSAY_RETURN_IF_ERROR(ingest::IngestPaths(paths, options, sink));
  sink.Flush();
  sink.Collect();
  progress.Finish();
  HEARSAY_RETURN_IF_ERROR(sink.status());
  HEARSAY_RETURN_IF_ERROR(store.FinishRun(run_id, summary.seen, summary.added, summary.rejects.size()));
  return summary;
}

Warning ReplacedBytesWarning(const Document& doc) {
  return Warning{doc.content_hash, doc.path, "", "ingest",
                 "invalid UTF-8: " + std::to_string(doc.replaced_bytes) + " byte(s) replaced by '?' (offsets unchanged); document kept"};
}

std::vector<Reject> HoldBackOversized(std::vector<Document>& docs, std::vector<Reject>* rejects) {
  std::vector<Reject> added;
  std::vector<Document> kept;
  kept.reserve(docs.size());
  for (Document& d : docs) {
    if (d.text.size() <= kMaxAnalysisBytes) {
      kept.push_back(std::move(d));
      continue;
    }
    Reject r{d.path, std::nullopt, "text",
             "text of " + std::to_string(d.text.size()) + " bytes is over the analysis limit of " +
                 std::to_string(kMaxAnalysisBytes) + " bytes; stored (raw bytes kept) but not analysed"};
    bool known = false;
    for (const Reject& x : *rejects) known = known || (x.path == r.path && x.stage == r.stage && x.reason == r.reason);
    if (!known) {
      std::cerr << "hearsay: not analysed " << r.path << ": " << r.reason << "\n";
      rejects->push_back(r);
      added.push_back(r);
    }
  }
  docs = std::move(kept);
  return added;
}

std::optional<report::CalibrationSummary> CalibrationOf(const Models& models, bool outlet_prior) {
  const score::ModelCalibration* c = models.article_model ? models.article_model->calibration() : nullptr;
  if (!c) return std::nullopt;
  report::CalibrationSummary s;
  s.dataset = c->dataset;
  s.brier = c->brier;
  s.ece = c->ece;
  s.macro_f1 = c->macro_f1;
  s.threshold = c->threshold;
  s.method = "The score is the probability that a fact-checker would rate the article credible (GossipCop \"real\"), from a "
             "logistic model of its wording and sourcing evidence" +
             std::string(outlet_prior ? " and the records of its outlet and of the outlets it cites" : " (outlet prior off)") +
             "; calibration and threshold were chosen by cross-validation on the training articles.";
  for (const score::ModelCalibration::Bin& b : c->bins) s.bins.push_back({b.lo, b.hi, b.n, b.mean_predicted, b.observed_real});
  return s;
}

std::string DefaultModelsDir() {
  if (const char* env = std::getenv("HEARSAY_MODELS")) return env;
  return HEARSAY_DEFAULT_MODELS_DIR;
}

std::string Version() { return std::string("hearsay ") + HEARSAY_VERSION; }

int Fail(const Status& s) {
  std::cerr << "hearsay: " << s.ToString() << "\n";
  return s.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitRuntimeError;
}

}  // namespace hearsay::app
