#include "serve/serve.h"

namespace hearsay::serve {

Status Serve(const ServeOptions& options) {
  (void)options;
  return FailedPreconditionError("hearsay serve is not implemented in this build; use `hearsay analyze` and open index.html");
}

}  // namespace hearsay::serve
