#pragma once
// The serve stage: `hearsay serve`, an HTTP server over one hearsay store. It answers a
// JSON API (src/serve/api.h lists the routes) and serves the web UI, which is bundled from
// web/ at build time and embedded in the binary (nothing is read from disk or fetched at
// run time besides the store).
//
//   hearsay::serve::ServeOptions o;
//   o.db_path = "report/hearsay.db";
//   o.port = 0;                              // any free port; the bound one is printed
//   hearsay::Status s = hearsay::serve::Serve(o);  // blocks until SIGINT/SIGTERM
//
// Guarantees:
//   * Loopback by default (127.0.0.1). Another host must be asked for explicitly.
//   * Read-only: the store is opened read-only unless `allow_ingest`; then POST
//     /api/documents is the only route that writes, and it needs `token` as a bearer token.
//   * Limits (ServeLimits): request body size, requests per second per client address
//     (429 past it), socket read/write timeouts, a time budget per SQL query (503 past
//     it), and a maximum page size for every list.
//   * Static files are looked up by exact name in the embedded table: a path cannot reach
//     the file system, so "/../" and its encodings find nothing (404).
// Errors: a store that cannot be opened, or a port that cannot be bound, is returned
// before serving; errors while serving are per request (JSON {"error": ...}).
// Thread safety: Serve runs its own worker threads; the function itself is reentrant.

#include <cstdint>
#include <string>

#include "hearsay/status.h"

namespace hearsay::serve {

struct ServeLimits {
  uint64_t max_body_bytes = 8u << 20;     // POST body; larger is 413
  uint32_t requests_per_second = 400;     // per client address (token bucket, burst = 2 s)
  uint32_t socket_timeout_seconds = 10;   // read and write
  uint32_t query_millis = 2000;           // one SQL statement; longer is 503
  uint32_t max_page_size = 200;           // per_page above it is clamped
  // Worker threads. cpp-httplib gives each open connection a thread until it closes or
  // idles past the keep-alive timeout, so this bounds the concurrent connections.
  uint32_t threads = 32;
};

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;                 // 0: any free port
  bool allow_ingest = false;       // POST /api/documents enabled (needs token)
  std::string token;               // bearer token for ingest; required with allow_ingest
  std::string models_dir;          // models for ingest (the pipeline)
  int jobs = 1;                    // pipeline threads for ingest
  // The hearsay binary, whose `analyze --db` ingests posted articles (the CLI's incremental
  // analysis: cached per-document analyses reused, the corpus results of the whole store
  // updated). Required with allow_ingest.
  std::string executable;
  ServeLimits limits;
};

// Serves until SIGINT or SIGTERM. Prints "hearsay: serving http://HOST:PORT/" on stderr
// once listening (with the bound port when `port` is 0).
Status Serve(const ServeOptions& options);

}  // namespace hearsay::serve
