#pragma once
// Feature extraction for the entity tagger.
//
// A sentence is a sequence of token strings plus context (block kind, document-level
// statistics). Each token gets a fixed list of hashed features (uint64): the hash of a
// template id and the values it reads (word, lower case, shape, affixes, neighbours,
// gazetteer classes, word cluster, document evidence). The trainer and the runtime tagger
// share this code, so a model is valid only with the feature set it was trained with:
// kFeatureFingerprint changes whenever a template is added, removed or redefined, and
// model files record it (see model.h).
//
//   FeatureExtractor fx(&gazetteer, &clusters);
//   DocStats stats = fx.CollectDocStats(sentences);
//   std::vector<uint64_t> feats;  std::vector<uint32_t> offsets;
//   fx.Extract(sentence, stats, &feats, &offsets, &keys);  // token t: feats[offsets[t]..offsets[t+1])
//
// The model is two-stage: stage 1 scores the features above; stage 2 scores them plus
// HistoryFeatures, which read stage 1's labels for the whole document ("extended
// prediction history", Ratinov & Roth 2009): how the same name-like word was labelled
// elsewhere in the document, and stage 1's own label of the token and its neighbours.
//
// Thread safety: a FeatureExtractor is immutable after construction; Extract is const and
// may run on many threads with separate output buffers.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities/gazetteer.h"
#include "hearsay/records.h"

namespace hearsay::entities {

// Bump when any template changes meaning; old models then fail to load with a clear error.
inline constexpr uint32_t kFeatureFingerprint = 0x4E455208;  // "NER" + revision 8

// Label ids that HistoryFeatures reads (model.h: O, then B/I per type).
inline constexpr int kHistoryLabels = 13;

// One sentence to tag. `tokens` are views into text owned by the caller.
struct SentenceInput {
  std::vector<std::string_view> tokens;
  BlockKind block = BlockKind::kBody;
  bool first_in_doc = false;  // the document's first sentence (often the headline)
};

// Document-level evidence, keyed by the hash of a token's lower-case form.
struct DocStats {
  // bit 1: seen lower-case not at sentence start; bit 2: seen capitalised inside a
  // mixed-case sentence, not at its start.
  std::unordered_map<uint64_t, uint8_t> by_lower;
};

// 64-bit hash of bytes (FNV-1a core with a final avalanche). Stable across platforms:
// model files store features hashed with it.
uint64_t HashBytes(std::string_view bytes, uint64_t seed);
inline uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t h = a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2));
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 29;
  return h;
}

// Lower-cases ASCII letters and the common Latin-1 capitals (UTF-8); other bytes kept.
std::string LowerCase(std::string_view word);
// "Xxxx" style shape: X upper, x lower, d digit, other bytes kept; long runs capped.
std::string WordShape(std::string_view word, bool collapse);

class FeatureExtractor {
 public:
  FeatureExtractor(const Gazetteer* gazetteer, const WordClusters* clusters)
      : gazetteer_(gazetteer), clusters_(clusters) {}

  // Builds the lookup table (gazetteer classes and cluster ids of a word, phrase types of
  // a phrase hash; one open-addressing probe each) from the current gazetteer and clusters. Call after filling
  // them and before Extract; until then words have no classes and no clusters.
  void IndexWords();

  DocStats CollectDocStats(const std::vector<SentenceInput>& sentences) const;

  // Appends the features of every token of `sentence` to *features; *offsets gets
  // tokens+1 entries (offsets[t]..offsets[t+1] index token t's features in *features). If `history_keys` is not null, one key per token is
  // appended to it: the hash of the lower-cased token if it has a capital letter (a
  // name-like token whose labels HistoryFeatures compares across the document), else 0.
  void Extract(const SentenceInput& sentence, const DocStats& stats, std::vector<uint64_t>* features,
               std::vector<uint32_t>* offsets, std::vector<uint64_t>* history_keys = nullptr) const;

 private:
  // One word or phrase of the lookup table; key 0 = empty slot. Word keys and phrase keys
  // are hashes with different seeds (Gazetteer::PhraseHash), so they share the table.
  struct WordInfo {
    uint64_t key = 0;
    uint16_t classes = 0;
    WordClusters::Ids cluster;
    uint8_t phrase = 0;  // PhraseType bits
  };
  const WordInfo* FindWordInfo(uint64_t key) const;
  void PrefetchWordInfo(uint64_t key) const;
  struct Tok;  // per-token values of Extract (features.cc)
  void FindPhrases(const SentenceInput& s, Tok* toks) const;

  const Gazetteer* gazetteer_;     // may be null
  const WordClusters* clusters_;   // may be null
  std::vector<WordInfo> words_;    // power-of-two size, linear probing
};

// Stage-2 features of every token of a document. `keys` and `stage1` hold one entry per
// token of the whole document (history keys from Extract, stage-1 label ids);
// `sentence_begin` holds the index of each sentence's first token (neighbour labels do
// not cross sentences). For token i: its stage-1 label, with the previous and next
// labels; and, if keys[i] != 0, the labels stage 1 gave the other tokens with the same
// key (each label seen, with its share in quarters; the majority label with the token's
// own label), or a "no other occurrence" feature. Replaces *features; *offsets gets
// tokens+1 entries.
void HistoryFeatures(const std::vector<uint64_t>& keys, const std::vector<int>& stage1,
                     const std::vector<uint32_t>& sentence_begin, std::vector<uint64_t>* features,
                     std::vector<uint32_t>* offsets);

}  // namespace hearsay::entities
