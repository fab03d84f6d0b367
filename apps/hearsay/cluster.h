#pragma once
// hearsay on several machines (docs/scale.md): workers analyse their shard of the inputs
// into a ClickHouse store (`hearsay analyze PATH... --store clickhouse://h:p/db --shard K/N`),
// then one `hearsay fuse --store clickhouse://h:p/db --out DIR` runs the corpus stages over
// the whole store and writes hearsay.json and index.html, equal to what the embedded SQLite
// path (`hearsay analyze PATH... --out DIR`) writes for the same inputs.
//
// Contract:
//   * A worker reads every input (so positions in the walk agree between workers) but
//     stores and analyses only its shard (scale/shard.h): documents, rejects and warnings
//     with their position, and the per-document analysis of each new document (a document
//     with an analysis of the same pipeline key is not analysed again). Memory is bounded
//     by one batch of documents.
//   * Fuse orders documents by position (the SQLite store's ingest order when all workers
//     read the same inputs), numbers them 1..n as the SQLite store does, and builds the
//     graph with the embedded store's own code in a temporary SQLite file (removed after):
//     the same ids, the same hearsay.json. Documents without a cached analysis of the
//     fusing binary's pipeline key are analysed there. The graph tables are then copied to
//     ClickHouse (scale/mirror.h), each replaced as a whole.
#include <string>
#include <vector>

#include "hearsay/status.h"

namespace hearsay::app {

struct ClusterOptions {
  std::vector<std::string> paths;  // worker: inputs
  std::string store;               // clickhouse://host:port/db
  std::string shard = "1/1";       // worker: K/N
  std::string out = "report";      // fuse: output folder
  std::string models;
  int jobs = 0;
  bool quiet = false;
  bool follow_symlinks = false;
  bool no_outlet_prior = false;
  bool no_report = false;
};

// `hearsay analyze ... --store clickhouse://...`: the worker run, then (no --shard given,
// i.e. shard_given false) the fuse. Returns the exit code.
int RunAnalyzeClickHouse(const ClusterOptions& o, bool shard_given);
// `hearsay fuse --store clickhouse://...`. Returns the exit code.
int RunFuseClickHouse(const ClusterOptions& o);

}  // namespace hearsay::app
