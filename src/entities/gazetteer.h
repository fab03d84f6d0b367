#pragma once
// Gazetteers and word clusters used as tagger features and by coreference.
//
//   * Gazetteer: single words (lower case) with name-class bits and first-name sex
//     statistics (from ../shared/data/us_names), and multi-word phrases (outlets, works,
//     other lists under data/) with type bits. Built by the trainer, stored inside the
//     model file, so the runtime needs nothing but the model.
//   * WordClusters: lower-case word -> cluster ids at two granularities, computed from
//     unlabelled text by the trainer (see docs/entities.md).
//
// Lookups take the hash of the lower-cased text (HashBytes(lower, kGazetteerSeed)), so
// callers hash once and reuse. Thread safety: immutable after construction.

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hearsay::entities {

inline constexpr uint64_t kGazetteerSeed = 0x6A5E77;

// Word-class bits.
enum WordClass : uint16_t {
  kFirstName = 1 << 0,       // a given name in the SSA list (>= 5 babies in a year)
  kFirstNameCommon = 1 << 1, // ... given to >= 1,000 babies in some year
  kFirstNameFemale = 1 << 2, // female share >= 0.9
  kFirstNameMale = 1 << 3,   // male share >= 0.9
  kSurname = 1 << 4,         // a Census 2010 surname (>= 100 people)
  kSurnameCommon = 1 << 5,   // ... >= 10,000 people
  kCommonWord = 1 << 6,      // frequent lower-case word in unlabelled text
  kTitleWord = 1 << 7,       // honorific or role before a name (mr, dr, president, ...)
};

// Phrase-type bits (multi-word lists; a single word may be a phrase of length 1).
enum PhraseType : uint8_t {
  kPhraseOutlet = 1 << 0,
  kPhraseWork = 1 << 1,
  kPhrasePerson = 1 << 2,
  kPhraseOrg = 1 << 3,
  kPhraseLoc = 1 << 4,
  kPhraseMisc = 1 << 5,       // demonyms and nationalities (data/demonyms)
  kPhraseNameMisc = 1 << 6,   // other names (events, works, products) from typed name lists
};

struct WordEntry {
  uint16_t classes = 0;   // WordClass bits
  uint32_t female = 0;    // SSA max yearly count as female (0 if never)
  uint32_t male = 0;      // ... as male
};

class Gazetteer {
 public:
  static constexpr int kMaxPhraseTokens = 8;

  const WordEntry* FindWord(uint64_t lower_hash) const {
    auto it = words_.find(lower_hash);
    return it == words_.end() ? nullptr : &it->second;
  }
  uint8_t FindPhrase(uint64_t phrase_hash) const {
    auto it = phrases_.find(phrase_hash);
    return it == phrases_.end() ? 0 : it->second;
  }
  // Hash of a phrase: lower-cased tokens joined by single spaces.
  static uint64_t PhraseHash(const std::vector<std::string_view>& lower_tokens);

  void AddWord(uint64_t lower_hash, const WordEntry& e);  // ORs classes, keeps max counts
  void AddPhrase(uint64_t phrase_hash, uint8_t types) { phrases_[phrase_hash] |= types; }
  // Room for this many words or phrases in all (a model file says how many it holds).
  void ReserveWords(size_t n) { words_.reserve(n); }
  void ReservePhrases(size_t n) { phrases_.reserve(n); }

  const std::unordered_map<uint64_t, WordEntry>& words() const { return words_; }
  const std::unordered_map<uint64_t, uint8_t>& phrases() const { return phrases_; }

 private:
  std::unordered_map<uint64_t, WordEntry> words_;
  std::unordered_map<uint64_t, uint8_t> phrases_;
};

class WordClusters {
 public:
  // Cluster ids: 0 = unknown word. `coarse` < 2^16, `fine` < 2^16.
  struct Ids {
    uint16_t coarse = 0;
    uint16_t fine = 0;
  };
  Ids Find(uint64_t lower_hash) const {
    auto it = ids_.find(lower_hash);
    return it == ids_.end() ? Ids{} : it->second;
  }
  void Add(uint64_t lower_hash, Ids ids) { ids_[lower_hash] = ids; }
  void Reserve(size_t words) { ids_.reserve(words); }
  const std::unordered_map<uint64_t, Ids>& all() const { return ids_; }
  bool empty() const { return ids_.empty(); }

 private:
  std::unordered_map<uint64_t, Ids> ids_;
};

}  // namespace hearsay::entities
