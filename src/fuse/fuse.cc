#include "fuse/fuse.h"

namespace hearsay::fuse {

void Fuse(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses, CorpusAnalysis* corpus) {
  corpus->estimated_published.assign(docs.size(), std::nullopt);
  corpus->claim_cluster.assign(docs.size(), {});
  for (size_t d = 0; d < analyses.size(); ++d) {
    corpus->claim_cluster[d].assign(analyses[d].claims.size(), -1);
    for (const CitedOutlet& c : analyses[d].citations) {
      corpus->provenance.push_back(ProvenanceEdge{static_cast<uint32_t>(d), c.outlet, c.kind,
                                                  docs[d].text.substr(c.byte_begin, c.byte_end - c.byte_begin)});
    }
  }
}

}  // namespace hearsay::fuse
