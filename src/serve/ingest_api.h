#pragma once
// POST /api/documents: new articles into the store, only when the server was started with
// --allow-ingest and a token. The body is JSON Lines (one article a line, the fields of
// docs/formats.md: id, url, outlet, published, title, text) or one JSON object or array of
// them. The articles go through the ingest stage (bad ones become rejects, stored and
// counted), are stored in one transaction, then analysed with the pipeline and the store's
// graph updated, so the API answers include them.
//
// Errors: a missing or wrong token is PERMISSION_DENIED; a body with no article is
// INVALID_ARGUMENT. Thread safety: Ingest may be called from any thread; calls run one at
// a time (the store has one writer).
#include <memory>
#include <mutex>
#include <string>

#include "hearsay/pipeline.h"
#include "serve/db.h"
#include "serve/serve.h"

namespace hearsay::serve {

class Ingester {
 public:
  static Result<std::unique_ptr<Ingester>> Create(const ServeOptions& options);
  // `authorization` is the Authorization header ("Bearer TOKEN").
  Result<Json> Ingest(const std::string& authorization, const std::string& body);

 private:
  explicit Ingester(const ServeOptions& options) : options_(options) {}
  ServeOptions options_;
  Models models_;
  std::mutex mu_;
};

// Equal strings, compared in time that does not depend on where they differ.
bool TokenMatches(const std::string& given, const std::string& expected);

// The body as JSON Lines: a JSON array or a single object becomes one line per article;
// JSON Lines pass through.
std::string BodyAsJsonLines(const std::string& body);

}  // namespace hearsay::serve
