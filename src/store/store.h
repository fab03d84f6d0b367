#pragma once
// The embedded store: one SQLite file holding documents (keyed by content hash, raw bytes
// kept), rejects, warnings and runs, the per-document analyses (cached by content hash and
// pipeline key) and the graph of the last analysis (entities, quotes, claims, clusters,
// contradictions, provenance, ...; the tables of docs/store.md). Schema versioned by PRAGMA user_version with ordered
// migrations (src/store/migrations/*.sql, embedded at build time); docs/store.md.
//
//   auto store = hearsay::store::Store::Open("hearsay.db");
//   if (!store.ok()) return store.status();
//   auto added = (*store)->AddBatch(docs, rejects, warnings, run_id);
//
// Guarantees:
//   * AddBatch is one transaction: all rows of the batch or none. A process killed in the
//     middle loses at most the batch in flight; what was committed stays (WAL journal).
//   * Re-adding a document with the same content hash adds nothing; it keeps its first
//     seq, id and path. Re-adding the same reject or warning adds nothing.
//   * Opening a file with a newer schema than this build knows is FAILED_PRECONDITION
//     (expected vs found version in the message).
//   * A file that is not a hearsay store (another application id, or foreign tables) is
//     FAILED_PRECONDITION and is not written to at all; a non-database file is DATA_LOSS.
//   * Several processes may create the same new store at once; all succeed.
//   * WriteGraph is one transaction: the graph tables are replaced as a whole or not at all.
//     LoadGraph gives back what WriteGraph was given (analyses without their syntax trees),
//     so hearsay.json rendered from either is byte-identical.
//   * LoadDocuments checks every document's raw bytes against its content hash
//     (DATA_LOSS naming the document on a mismatch).
// Thread safety: one Store per thread; SQLite serialises writers across processes.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/text_spill.h"
#include "hearsay/document.h"
#include "hearsay/records.h"
#include "hearsay/status.h"

struct sqlite3;

namespace hearsay::store {

constexpr int kSchemaVersion = 3;
// PRAGMA application_id of every hearsay store: "HSAY" in ASCII.
constexpr int64_t kApplicationId = 0x48534159;

enum class OpenMode { kReadWrite, kReadOnly };

// Whether LoadDocuments hands back each document's raw bytes (Document::raw) once it has
// checked them against the content hash, or frees them at once (a run that only analyses
// and renders never reads them: 4 KB an article it need not hold).
enum class RawBytes { kKeep, kDrop };

// A graph of documents in report order (ids as in hearsay.json, ingest_seq set), their
// per-document analyses and the corpus analysis over them.
struct Graph {
  std::vector<Document> docs;
  std::vector<DocumentAnalysis> analyses;
  CorpusAnalysis corpus;
  std::string pipeline;     // the pipeline key the analyses were made by
  std::string calibration;  // the article model's calibration as JSON, "" when none
  int64_t run_id = 0;       // the run that wrote it
  bool analyses_cached = false;  // the fresh analyses were cached already (CacheAnalyses): WriteGraph counts them only
  // The texts moved out of docs (common/text_spill.h): read back one document at a time by
  // the graph write and the renders; null when every text is in docs.
  std::shared_ptr<const TextSpill> texts;
};

// An encoded per-document analysis (store/analysis_codec.h) for the store's cache.
struct CachedAnalysis {
  std::string content_hash;  // of its document
  std::string body;          // EncodeAnalysis
};

// What a WriteGraph changed against the graph before it (table run_changes).
struct GraphChanges {
  uint64_t documents = 0;       // documents new in the graph
  uint64_t claims = 0;          // their claims
  uint64_t contradictions = 0;  // contradictions not in the previous graph
  uint64_t first_reports = 0;   // propositions whose first report is new or moved
};

// Renames the graph's entities and clusters after their first appearance, so an id does not
// change when documents are added after it: entity "e<seq>.<n>" (the n-th local entity of
// document seq, the first that belongs to it), cluster "k<seq>.<n>" (its first claim, the
// n-th claim of document seq). Every reference (cluster subjects and objects,
// contradiction sides) is renamed with them. Needs each document's ingest_seq.
void StabilizeIds(Graph& graph);

struct BatchResult {
  uint64_t added = 0;     // new documents
  uint64_t existing = 0;  // already stored (same content hash)
};

class Store {
 public:
  // kReadWrite creates the file when missing and migrates it to kSchemaVersion; kReadOnly
  // never writes (the file may be read-only) and needs the current schema.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, OpenMode mode = OpenMode::kReadWrite);
  ~Store();
  Store(const Store&) = delete;             // owns a database connection
  Store& operator=(const Store&) = delete;

  int schema_version() const { return schema_version_; }
  const std::string& path() const { return path_; }

  Result<int64_t> BeginRun(const std::string& command);
  Status FinishRun(int64_t run_id, uint64_t seen, uint64_t added, uint64_t rejects);

  // Stores a batch in one transaction. For each document, sets ingest_seq to its stored
  // seq (new or existing) and, for an existing one, its stored id.
  Result<BatchResult> AddBatch(std::vector<Document>& docs, const std::vector<Reject>& rejects,
                               const std::vector<Warning>& warnings, int64_t run_id);

  // All documents in seq order (or those whose content hash is in `only`, in seq order).
  // Raw bytes are checked either way; with RawBytes::kDrop Document::raw is left empty.
  Result<std::vector<Document>> LoadDocuments(const std::vector<std::string>* only = nullptr,
                                              RawBytes raw = RawBytes::kKeep);
  Result<std::vector<Reject>> LoadRejects(std::optional<int64_t> run_id = std::nullopt);
  Result<std::vector<Warning>> LoadWarnings(std::optional<int64_t> run_id = std::nullopt);
  Result<int64_t> CountDocuments();

  // The cached per-document analyses of `docs` made by `pipeline`; nullopt where none.
  // A cached analysis that does not decode is DATA_LOSS naming the document.
  Result<std::vector<std::optional<DocumentAnalysis>>> LoadAnalyses(const std::vector<Document>& docs,
                                                                    const std::string& pipeline);
  // Caches a batch of analyses made by `pipeline` in one transaction, so a run streams its
  // per-document results to the store as they are made (a run killed later keeps them).
  Status CacheAnalyses(const std::vector<CachedAnalysis>& batch, const std::string& pipeline, int64_t run_id);
  // In one transaction: caches graph.analyses[i] where fresh[i] (unless graph.analyses_cached) (dropping the cached
  // analyses of other pipelines, which no later run reads), replaces the graph tables
  // with `graph`, records in run_changes what changed, and counts the run's analysed and
  // reused documents in runs. `fresh` is parallel to graph.docs. The graph's ids are
  // those of StabilizeIds: rows are kept between runs by id, ordered by keys made of them.
  Result<GraphChanges> WriteGraph(const Graph& graph, const std::vector<bool>& fresh);
  // The graph of the last WriteGraph; NOT_FOUND when none was written.
  Result<Graph> LoadGraph();

 private:
  // What a database file holds, read before anything is written to it.
  struct Identity {
    int64_t application_id = 0;
    int version = 0;                  // PRAGMA user_version
    std::vector<std::string> tables;  // sorted, without SQLite's own
  };
  explicit Store(sqlite3* db) : db_(db) {}
  Status Exec(const std::string& sql);
  Status ExecRetryingBusy(const std::string& sql);  // retries SQLITE_BUSY for up to 10 s
  Status Migrate();
  Result<Identity> ReadIdentity();
  // OK for a hearsay store (application id, or a store from before the id: exactly the
  // tables of its version) and, unless read-only, for an empty file.
  static Status CheckIdentity(const Identity& id, bool read_only);

  sqlite3* db_ = nullptr;
  int schema_version_ = 0;
  std::string path_;
};

}  // namespace hearsay::store
