#pragma once
// CoNLL-U reading and writing (https://universaldependencies.org/format.html), and the
// scores of the CoNLL 2018 shared task (UPOS, XPOS, lemma, UAS, LAS on the universal
// relation) for gold words and for hearsay's own words aligned by character offsets.
//
// Thread safety: pure functions.

#include <string>
#include <vector>

#include "hearsay/status.h"
#include "syntax/syntax.h"

namespace hearsay::syntax {

struct GoldWord {
  std::string form, lemma, upos, xpos, feats, deprel, misc;
  int head = 0;  // 0 = root, else 1-based
};
struct Multiword {
  int first = 0, last = 0;  // 1-based word ids
  std::string surface;
};
struct GoldSentence {
  std::vector<std::string> comments;  // "# ..." lines, in order
  std::string text;                   // from "# text = "
  std::vector<GoldWord> words;        // empty nodes (n.1) dropped
  std::vector<Multiword> multiwords;
  size_t line = 0;                    // line of the sentence's first row
};

// Reads a CoNLL-U file. A malformed row is an error naming the file, line and reason.
Result<std::vector<GoldSentence>> ReadConllu(const std::string& path);
Result<std::vector<GoldSentence>> ParseConllu(std::string_view bytes, const std::string& name);

// Gold words as one string with SpaceAfter honoured, and each word's byte range in it.
// Multi-word tokens are written by their surface; their words get ranges inside it where
// the word's form is found there (case-insensitive), else an empty range.
std::string WordsText(const GoldSentence& s, std::vector<std::pair<uint32_t, uint32_t>>* ranges);

struct Scores {
  size_t gold = 0, predicted = 0, aligned = 0;
  size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;  // correct counts among aligned
  double F(size_t correct) const {  // F1 as in the CoNLL 2018 scorer
    return gold + predicted == 0 ? 0.0 : 2.0 * double(correct) / double(gold + predicted);
  }
  void Add(const Scores& o);
};

// Parses each sentence's gold words; `out` (optional) receives the predicted sentences.
Scores EvaluateGoldWords(const Parser& parser, const std::vector<GoldSentence>& gold,
                         std::vector<GoldSentence>* out);
// Tokenises each sentence's text with hearsay's tokenizer, parses, aligns by offsets.
// `unaligned` (optional) receives "gold word <TAB> hearsay's words over it" for each gold
// word no hearsay word matches exactly.
Scores EvaluateOwnWords(const Parser& parser, const std::vector<GoldSentence>& gold,
                        std::vector<std::string>* unaligned = nullptr);

// One sentence as CoNLL-U rows (with its comments and multiword rows), ending in a blank line.
std::string WriteConllu(const GoldSentence& s);

}  // namespace hearsay::syntax
