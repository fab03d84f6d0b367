#pragma once
// The extract stage: quotes and their speakers, attribution of claims (named, anonymous,
// outlet, author, via_outlet), hedges and denials, ages and dates normalised against the
// publication date, and relations between people (DESIGN.md predicates).
//
// Input: a Document and its DocumentAnalysis with layout, mentions and local entities
// filled. Output: analysis->quotes, ->claims, ->citations, ->detected_outlet.
// Every claim keeps its evidence span (the sentence or clause it came from).
//
// Thread safety: a pure function of its input.
// Status of this stage: interface only; the first implementation extracts nothing.

#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::extract {

void ExtractClaims(const Document& doc, DocumentAnalysis* analysis);

}  // namespace hearsay::extract
