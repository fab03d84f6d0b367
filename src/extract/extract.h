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
//   hearsay::resolve::ResolveInDocument(doc, &a, knowledge);
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
// The same, with the learned attribution model (attribution_model.h) adding the attributions
// whose cue no quote or frame found (analysis->attributions); null = the call above. With the
// own-outlet model (own_outlet.h) it decides detected_outlet; null: the hand rules of sources.cc.
class AttributionModel;
void ExtractClaims(const Document& doc, DocumentAnalysis* analysis, const AttributionModel* model);
// The same, with the learned family-relation scorer (relation_scorer.h) keeping or dropping
// the rules' spouse, parent/child and sibling claims and adding kin candidates; null = the
// call above.
class RelationScorer;
void ExtractClaims(const Document& doc, DocumentAnalysis* analysis, const AttributionModel* model,
                   const RelationScorer* relations);
// ExtractClaims without a relation scorer, returning every family candidate with its
// features (training of the scorer: src/extract/train/relation_train.cc; evaluation);
// `all_pairs`: also every pair of people of a parsed sentence (relation_scorer.h).
struct FamilyCandidate;
std::vector<FamilyCandidate> ExtractFamilyCandidates(const Document& doc, DocumentAnalysis* analysis,
                                                     const AttributionModel* model, bool all_pairs = false);
// The same, with the own-outlet model (own_outlet.h) deciding detected_outlet; null: the hand
// rules of sources.cc.
class OwnOutletModel;
void ExtractClaims(const Document& doc, DocumentAnalysis* analysis, const AttributionModel* model,
                   const RelationScorer* relations, const OwnOutletModel* own_outlet);

// Which sentences of a layout the extractors read trees of, for the parser's `select`. Today
// the parse serves quote speakers (quotes.cc), which look for a cue verb linked to the quote
// inside the sentences the quote touches: so the sentences with a quotation mark and a cue
// word (said, told, insists ...). Widen this as more passes read the parse; docs/syntax.md
// gives the share of sentences selected and what it changes on PolNeAR dev.
std::vector<bool> SentencesToParse(const Document& doc, const TextLayout& layout);

// Which sentences the relation patterns read trees of (negation and modality scope, the
// subject of a relation verb): those with a trigger word of data/relations (a kin, partner or
// other role noun, an event noun, a relation verb, a state word) and two people, or one
// person and a possessive ("his", "her", "their", "'s"). Needs the entity stage's mentions,
// so the pipeline parses after it. docs/extract.md gives the share selected and the speed.
std::vector<bool> RelationSentencesToParse(const Document& doc, const TextLayout& layout,
                                           const std::vector<Mention>& mentions);

// Both selections, or-ed: what the pipeline parses.
std::vector<bool> SentencesToParse(const Document& doc, const TextLayout& layout,
                                   const std::vector<Mention>& mentions);

}  // namespace hearsay::extract
