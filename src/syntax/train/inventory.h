#pragma once
// Training-data preparation for the parser trainer: label inventories, multi-word tokens,
// the lemmatiser, distributional clusters, sentences as feature inputs, and the dynamic
// oracle's move costs. Internal to syntax/train.

#include <string>
#include <unordered_map>
#include <vector>

#include "hearsay/status.h"
#include "syntax/conllu.h"
#include "syntax/internal/model.h"

namespace hearsay::syntax::train {

struct TrainSentence {
  std::vector<WordInfo> info;
  std::vector<int> tag;        // gold tagger class
  std::vector<int> pred_tag;   // jackknifed tagger class
  std::vector<int> head;       // gold, 0-based; n = ROOT
  std::vector<int> proj_head;  // projectivised gold (non-projective arcs lifted)
  std::vector<int> label;      // gold label id
};

// XPOS names, labels ("root" first) and UPOS+XPOS classes, most frequent first.
Status BuildInventory(const std::vector<GoldSentence>& train, ParserModel* model);
// Multi-word tokens split in at least half their occurrences (and seen twice); hyphen
// prefixes kept joined more often than split.
void BuildMultiwords(const std::vector<GoldSentence>& train, MultiwordTable* table);
// Suffix rules per XPOS (most frequent edit for each suffix of 1..5 bytes) and exceptions
// for the (form, XPOS) pairs the rules get wrong.
void BuildLemmatizer(const std::vector<GoldSentence>& train, ParserModel* model);
// Coarse distributional classes of frequent words from unlabelled text (docs/syntax.md).
Status BuildClusters(const std::string& jsonl_path, const std::vector<GoldSentence>& train, uint32_t seed,
                     std::unordered_map<uint64_t, uint16_t>* clusters);

// Forms seen at least 20 times with one tagger class in at least 99.5% of them.
TagDictionary BuildTagDictionary(const std::vector<TrainSentence>& data);

// Each lower-cased form seen at least twice -> the hash of the set of classes it had.
std::unordered_map<uint64_t, uint64_t> BuildAmbiguityClasses(const std::vector<TrainSentence>& data);

std::vector<TrainSentence> MakeTrainSentences(const std::vector<GoldSentence>& gold, const ParserModel& model);
void ToParseWords(const TrainSentence& s, const std::vector<int>& tags, const ParserModel& model,
                  std::vector<ParseWord>* out);
// Lifts non-projective arcs (to the head's head) until the tree is projective.
std::vector<int> Projectivize(std::vector<int> head);
// Gold arcs a move makes unreachable (Goldberg and Nivre 2013, arc-hybrid).
int MoveCost(const ParseState& s, const std::vector<int>& gold, Move m);

}  // namespace hearsay::syntax::train
