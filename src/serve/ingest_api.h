#pragma once
// POST /api/documents: new articles into the store, only when the server was started with
// --allow-ingest and a token. The body is JSON Lines (one article a line, the fields of
// docs/formats.md: id, url, outlet, published, title, text) or one JSON object or an array
// of them. The articles are written to a private temporary .jsonl file and analysed into
// the store by `hearsay analyze FILE --db STORE` (the CLI's incremental analysis: bad
// records become rejects, stored and counted; the corpus results of the whole store are
// updated and the run's changes recorded), so the API answers include them at once.
//
// Errors: a missing or wrong token is PERMISSION_DENIED; a body with no article is
// INVALID_ARGUMENT; an analysis that fails is INTERNAL with its message. Thread safety:
// Ingest may be called from any thread; calls run one at a time (one writer).
#include <memory>
#include <mutex>
#include <string>

#include "serve/db.h"
#include "serve/serve.h"

namespace hearsay::serve {

class Ingester {
 public:
  // INVALID_ARGUMENT without options.executable or a token.
  static Result<std::unique_ptr<Ingester>> Create(const ServeOptions& options, Db& db);
  // `authorization` is the Authorization header ("Bearer TOKEN"). Returns the run: its id,
  // documents seen and added, rejects, and the changes it made (run_changes counts).
  Result<Json> Ingest(const std::string& authorization, const std::string& body);

 private:
  Ingester(const ServeOptions& options, Db& db) : options_(options), db_(db) {}
  ServeOptions options_;
  Db& db_;
  std::mutex mu_;
};

// Equal strings, compared in time that does not depend on where they differ.
bool TokenMatches(const std::string& given, const std::string& expected);

// The body as JSON Lines: a JSON array or a single object becomes one line per article;
// anything else passes through (and the ingest stage rejects what is not JSON, by line).
std::string BodyAsJsonLines(const std::string& body);

}  // namespace hearsay::serve
