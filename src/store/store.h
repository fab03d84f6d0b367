#pragma once
// The embedded store: one SQLite file holding documents (keyed by content hash, raw bytes
// kept), rejects, warnings and runs. Schema versioned by PRAGMA user_version with ordered
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
// Thread safety: one Store per thread; SQLite serialises writers across processes.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/status.h"

struct sqlite3;

namespace hearsay::store {

constexpr int kSchemaVersion = 2;

struct BatchResult {
  uint64_t added = 0;     // new documents
  uint64_t existing = 0;  // already stored (same content hash)
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;             // owns a database connection
  Store& operator=(const Store&) = delete;

  int schema_version() const { return schema_version_; }

  Result<int64_t> BeginRun(const std::string& command);
  Status FinishRun(int64_t run_id, uint64_t seen, uint64_t added, uint64_t rejects);

  // Stores a batch in one transaction. For each document, sets ingest_seq to its stored
  // seq (new or existing) and, for an existing one, its stored id.
  Result<BatchResult> AddBatch(std::vector<Document>& docs, const std::vector<Reject>& rejects,
                               const std::vector<Warning>& warnings, int64_t run_id);

  // All documents in seq order (or those whose content hash is in `only`, in seq order).
  Result<std::vector<Document>> LoadDocuments(const std::vector<std::string>* only = nullptr);
  Result<std::vector<Reject>> LoadRejects(std::optional<int64_t> run_id = std::nullopt);
  Result<std::vector<Warning>> LoadWarnings(std::optional<int64_t> run_id = std::nullopt);
  Result<int64_t> CountDocuments();

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  Status Exec(const std::string& sql);
  Status Migrate();

  sqlite3* db_ = nullptr;
  int schema_version_ = 0;
  std::string path_;
};

}  // namespace hearsay::store
