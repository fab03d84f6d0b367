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
// gender is "female", "male" or "". Reads the first-name statistics and the pronoun ranker
// of `knowledge` (coref.h) when given: with a ranker, he/him/his/himself/she/her/hers/herself
// each become a descriptor mention of the person the ranker picks, or stay unresolved;
// without one, of the most recent person of that gender within three sentences.
// `chooser` (training and evaluation) decides each pronoun in the ranker's place.

#include <string>
#include <unordered_set>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/records.h"
#include "resolve/coref.h"

namespace hearsay::resolve {

void ResolveInDocument(const Document& doc, DocumentAnalysis* analysis, const Knowledge& knowledge = {});
void ResolveInDocument(const Document& doc, DocumentAnalysis* analysis, const Knowledge& knowledge,
                       const PronounChooser& chooser);

// `key_groups`: the local entities sharing a BlockingKey, two or more each, when a store
// found them (a GROUP BY over EntityKeysOf rows, docs/scale.md) instead of grouping here;
// any order within and between groups. The result is the same as without.
void ResolveAcrossDocuments(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses,
                            CorpusAnalysis* corpus, const std::vector<std::vector<LocalEntityRef>>* key_groups = nullptr);

// Blocking keys of cross-document resolution, defined once for the grouping in memory and
// for stores that group with GROUP BY. A local entity has one row per key it blocks on (its
// name's, then its full-name aliases'); AGE, DATE and MONEY entities and one-word person
// names have none. Local entities of any documents whose rows give the same BlockingKey
// belong to one candidate group (joined transitively through aliases).
struct EntityKeyRow {
  uint32_t local = 0;       // index in DocumentAnalysis::local_entities
  std::string key;          // "P" + canonical first name|surname[|suffix]; type letter + folded name
  std::string written_key;  // the key with the written first name, used when `key` is split
};
std::vector<EntityKeyRow> EntityKeysOf(const DocumentAnalysis& analysis);
// Keys that two people of the document written with different first names share; the
// corpus's split keys are the union over its documents.
std::vector<std::string> SplitKeysOf(const DocumentAnalysis& analysis);
// What `row` blocks on in a corpus whose split keys are `split_keys`.
const std::string& BlockingKey(const EntityKeyRow& row, const std::unordered_set<std::string>& split_keys);

}  // namespace hearsay::resolve
