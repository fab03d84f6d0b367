#pragma once
// The extract stage: quotes and their speakers, attribution of claims (named, anonymous,
// outlet, author, via_outlet), hedges and denials, ages and dates normalised against the
// publication date, and relations between people (DESIGN.md predicates).
//
// Input: a Document and its DocumentAnalysis with layout, mentions and local entities filled
// (text, entities, resolve). Output, replacing what was there:
//   * analysis->quotes     one per direct quote (scare quotes and titles are left out), with
//                          the speaker: a local entity (named), an anonymous source (one
//                          anonymous_id per source within the document), an outlet, or unknown;
//   * analysis->claims     relations and ages; every claim has a source, modality, polarity,
//                          optional time span and its evidence sentence;
//   * analysis->citations  outlets the article cites ("cites") or quotes ("quotes");
//   * analysis->detected_outlet  the article's own outlet read from its text ("X can reveal").
//
//   hearsay::DocumentAnalysis a;
//   a.layout = hearsay::text::AnalyzeText(doc);
//   hearsay::entities::FindMentions(doc, a.layout, tagger, &a.mentions);
//   hearsay::resolve::ResolveInDocument(doc, &a);
//   hearsay::extract::ExtractClaims(doc, &a);
//   for (const hearsay::Claim& c : a.claims) Use(c);
//
// Claims need person mentions: without a tagger (rules only) the stage still finds quotes,
// anonymous and outlet speakers, citations and the document's outlet, but no relations.
// How each part works and the predicate list: docs/extract.md.
//
// Thread safety: a pure function of its input; the lexicons are compiled in and immutable.

#include "hearsay/document.h"
#include "hearsay/records.h"

#include <vector>

namespace hearsay::extract {

void ExtractClaims(const Document& doc, DocumentAnalysis* analysis);

// Which sentences of a layout the extractors read trees of, for the parser's `select`: those
// with a quotation mark, or a word that starts a cue (said, told, according ...), a relation
// verb phrase, a role noun (wife, son ...) or an event noun (divorce, romance ...). The other
// sentences can carry no quote, attribution or relation. docs/syntax.md gives what this
// keeps of the PolNeAR dev attributions.
std::vector<bool> SentencesToParse(const Document& doc, const TextLayout& layout);

}  // namespace hearsay::extract
