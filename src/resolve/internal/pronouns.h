#pragma once
// The candidates and features of one pronoun for the coreference ranker (coref.h). Built by
// the in-document resolver (resolve.cc), which owns the people and decides; this file only
// describes a pronoun and its candidates.
//
// Assumes the layout's tokens and sentences and the parse (when there is one) belong to the
// document; mentions passed in are in text order and end before the pronoun.

#include <cstdint>
#include <string_view>
#include <vector>

#include "hearsay/document.h"

#include "hearsay/records.h"
#include "resolve/coref.h"
#include "syntax/tree.h"

namespace hearsay::resolve {

// A mention a pronoun may refer back to: a person's name, or a pronoun already resolved.
struct SeenMention {
  uint32_t tok_begin = 0;  // token range
  uint32_t tok_end = 0;
  int person = -1;         // the resolver's person
  bool pronoun = false;
};

// A person as the features see it.
struct PersonFacts {
  int gender = 0;       // +1 female, -1 male, 0 unknown
  int32_t entity = -1;  // local entity, -1 when none (never a candidate)
};

// Per-document tables the features read; built once per document.
class PronounDoc {
 public:
  PronounDoc(const Document& doc, const DocumentAnalysis& a, const std::vector<uint32_t>& sentence_of_token);
  const Document& doc;
  const DocumentAnalysis& a;
  const std::vector<uint32_t>& sentence_of_token;  // token -> sentence, UINT32_MAX outside
  syntax::Tree tree;
  std::vector<int32_t> word_of_tok;   // first word of each token, -1 without a parse
  std::vector<int32_t> quote_of_tok;  // quote span holding each token, -1 outside
  std::vector<char> named_tok;        // token inside a person's name mention
  bool InCaption(uint32_t tok) const;
  std::string_view Text(uint32_t tok) const;
  // The head word of tokens [b, e) (the first whose head lies outside), -1 without a parse.
  int HeadWord(uint32_t b, uint32_t e) const;
  // The nearest common-noun subject before tok (no name; tok's sentence or the one before),
  // its word, else -1; *token gets its token. A noun a person's name possesses ("X's
  // marriage ended") speaks of that person and does not count.
  int NounSubjectBefore(uint32_t tok, uint32_t* token) const;
  bool PossessedByName(int word) const;  // a person's name is the word's nmod:poss
};

// The case of the pronoun at token `tok` (gender +1 female, -1 male): candidates are the
// people of `seen` (text order, all before tok) named in tok's sentence or up to
// kCorefWindow sentences back, nearest mention first; `count` holds each person's mentions
// so far.
PronounCase BuildPronounCase(const PronounDoc& d, uint32_t tok, int gender, const std::vector<SeenMention>& seen,
                             const std::vector<PersonFacts>& people, const std::vector<int>& count);

}  // namespace hearsay::resolve
