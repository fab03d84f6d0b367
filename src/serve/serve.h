#pragma once
// The serve stage: an HTTP API over the store and the pipeline (same operations as the
// CLI). Status: interface only; the web UI and server are a later issue.

#include <string>

#include "hearsay/status.h"

namespace hearsay::serve {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;
};

// Not implemented yet: returns FAILED_PRECONDITION saying so.
Status Serve(const ServeOptions& options);

}  // namespace hearsay::serve
