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
//
// ResolveInDocument contract: every name mention (PERSON..MISC, WORK, OUTLET) gets
// entity_idx >= 0; rule mentions (AGE, DATE, MONEY, HANDLE) keep -1. It may append PERSON
// mentions with descriptor = true (pronouns, "the 62-year-old actor"), keeping the mentions
// sorted by byte_begin. LocalEntity::name is the longest full name ("[...]" brackets
// dropped), aliases are the distinct name spellings (never pronouns or descriptors),
// gender is "female", "male" or "". Uses the first-name statistics of the loaded tagger
// model (entities::SharedGazetteer) when there is one.

#include <vector>

#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::resolve {

void ResolveInDocument(const Document& doc, DocumentAnalysis* analysis);

void ResolveAcrossDocuments(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses,
                            CorpusAnalysis* corpus);

}  // namespace hearsay::resolve
