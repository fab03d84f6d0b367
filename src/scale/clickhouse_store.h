#pragma once
// The ClickHouse store (`--store clickhouse://host:port/db`): what sharded workers write
// and what `hearsay fuse` reads back. docs/scale.md has the tables and the cluster layout.
//
// Per-document tables (MergeTree; workers append, never update):
//   documents  one row per document a worker stored: `pos` (its position in the input walk
//              of the run, the order hearsay.json follows), the columns of the SQLite
//              `documents` table (content hash, id, path, format, title, ..., raw) and `shard`
//   analyses   cached per-document analysis: content_hash, pipeline key, body (the
//              versioned binary of src/store/analysis_codec.h)
//   rejects, warnings   as in SQLite, with `pos` and `shard`
//   runs       one row per worker run (command, shard, counts, times)
//   doc_bands  the near-duplicate LSH key of each band of a document's MinHash signature
//              (fuse::BandKeys): content_hash, pipeline, band, key; a document too short
//              to compare has one row with band 255. Fuse finds the LSH buckets with a
//              GROUP BY (band, key) over it (LshBucketsSql) instead of in memory.
// Graph tables (fuse): the SQLite store's graph tables with the same names and columns,
// each replaced as a whole by ReplaceGraphTables (see scale/mirror.h), plus
// `graph_documents` (seq, content_hash, doc_id) tying the graph's doc_seq to documents.
//
// Contract:
//   * Open creates the database and the per-document tables when missing (idempotent;
//     workers may open the same store at once).
//   * Adding a document, reject or warning twice (two runs, two workers) keeps the rows;
//     the Load* functions read each once: the document of the smallest pos per content
//     hash, the first reject per (path, location, stage, reason) and warning per (content
//     hash, stage, message), as the SQLite store's unique keys keep them.
//   * LoadDocuments gives documents ordered by (pos, content_hash) with ingest_seq = pos,
//     and checks every document's raw bytes against its content hash (DATA_LOSS naming it).
//   * Errors carry the server's message (scale/clickhouse_client.h).
// Thread safety: one store per thread.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/status.h"
#include "scale/clickhouse_client.h"

namespace hearsay::scale {

// An input in the order of the walk: pos counts documents and rejects of the run from 1.
struct PositionedReject {
  uint64_t pos = 0;
  Reject reject;
};
struct PositionedWarning {
  uint64_t pos = 0;
  Warning warning;
};

struct WorkerRun {
  std::string command;     // "analyze"
  std::string shard;       // "K/N"
  uint64_t documents_seen = 0;      // documents read (every shard)
  uint64_t documents_in_shard = 0;  // of them this worker's
  uint64_t documents_added = 0;     // new in the store
  uint64_t documents_analysed = 0;  // analysed (no cached analysis of the pipeline)
  uint64_t rejects = 0;             // this worker's rejects
  int64_t started_at = 0;           // Unix seconds
};

class ClickHouseStore {
 public:
  static Result<std::unique_ptr<ClickHouseStore>> Open(const ClickHouseUrl& url);
  ClickHouseClient& client() { return client_; }

  // Of `hashes`, those stored already (documents) / with an analysis made by `pipeline`.
  Result<std::unordered_set<std::string>> StoredDocuments(const std::vector<std::string>& hashes);
  Result<std::unordered_set<std::string>> AnalysedDocuments(const std::vector<std::string>& hashes, const std::string& pipeline);

  // pos = doc.ingest_seq.
  Status AddDocuments(const std::vector<const Document*>& docs, const std::string& shard);
  // (content hash, encoded analysis) pairs made by `pipeline`.
  Status AddAnalyses(const std::vector<std::pair<std::string, std::string>>& bodies, const std::string& pipeline);
  Status AddRejects(const std::vector<PositionedReject>& rejects, const std::string& shard);
  Status AddWarnings(const std::vector<PositionedWarning>& warnings, const std::string& shard);
  Status AddRun(const WorkerRun& run);

  Result<std::vector<Document>> LoadDocuments();
  Result<std::vector<Reject>> LoadRejects();
  Result<std::vector<Warning>> LoadWarnings();
  // (content hash, band keys; empty: too short to compare) of documents, by `pipeline`.
  Status AddBandKeys(const std::vector<std::pair<std::string, std::vector<uint64_t>>>& keys, const std::string& pipeline);
  // The content hashes with band keys of `pipeline`.
  Result<std::unordered_set<std::string>> BandedDocuments(const std::string& pipeline);
  // The LSH buckets of `pipeline`: content hashes sharing the key of one band, at least two
  // each, in (band, key, content hash) order.
  Result<std::vector<std::vector<std::string>>> LshBuckets(const std::string& pipeline);

  // content hash -> body of every analysis made by `pipeline`.
  Result<std::unordered_map<std::string, std::string>> LoadAnalyses(const std::string& pipeline);

 private:
  explicit ClickHouseStore(ClickHouseClient client) : client_(std::move(client)) {}
  Result<std::unordered_set<std::string>> HashesIn(const std::string& sql_prefix, const std::vector<std::string>& hashes);
  ClickHouseClient client_;
};

// The content hashes in `table` (a per-document table with a pipeline column) for `pipeline`.
Result<std::unordered_set<std::string>> DocumentsIn(ClickHouseClient& ch, const std::string& table, const std::string& pipeline);

// The CREATE TABLE statements of the per-document tables (for docs and tests).
std::vector<std::string> PerDocumentTableDdl();
// The GROUP BY that finds the LSH buckets of `pipeline` in doc_bands: rows (band, key,
// content_hash) of every bucket with two or more documents, ordered.
std::string LshBucketsSql(const std::string& pipeline);

}  // namespace hearsay::scale
