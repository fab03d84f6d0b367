#include "extract/extract.h"

namespace hearsay::extract {

void ExtractClaims(const Document& doc, DocumentAnalysis* analysis) {
  (void)doc;
  (void)analysis;
}

}  // namespace hearsay::extract
