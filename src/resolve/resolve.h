#pragma once
// The resolve stage.
//   * ResolveInDocument: in-document coreference. Groups the mentions of one document into
//     LocalEntity records (full name, surname, first name, nickname, descriptors, pronouns)
//     and sets Mention::entity_idx. Never merges two people on a shared surname alone.
//   * ResolveAcrossDocuments: one Entity per real-world entity over the corpus, keyed by
//     normalised name (blocking), with a merge confidence.
//
// Thread safety: ResolveInDocument is a pure function of one document (parallel);
// ResolveAcrossDocuments is a corpus-level aggregation (one call).
// Status of this stage: the first implementation makes one entity per distinct mention
// text and merges across documents on identical normalised names only.

#include <vector>

#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::resolve {

void ResolveInDocument(const Document& doc, DocumentAnalysis* analysis);

void ResolveAcrossDocuments(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses,
                            CorpusAnalysis* corpus);

}  // namespace hearsay::resolve
