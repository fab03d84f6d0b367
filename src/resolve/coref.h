#pragma once
// Pronoun coreference by mention ranking (models/coref.hsc), trained on GUM by
// `hearsay train coref` (src/resolve/train/).
//
// For each third-person singular pronoun (he, him, his, himself, she, her, hers, herself) the
// resolver lists the candidates: the people named, or already referred to by a resolved
// pronoun, in the pronoun's sentence before it and up to kCorefWindow sentences back (never
// in photo captions), one candidate per person at its nearest mention. Two constraints of
// grammar hold before any score: a possessive in apposition to a name ("Finn X, 19, his son")
// never refers to that person, and a pronoun outside quotation marks skips the names quoted
// in its own sentence ("“X and Y have split,” he said"). Each candidate has
// features of the pair (PronounFeatures, resolve.cc: distance in sentences and mentions,
// gender agreement from the first-name statistics and the text, grammatical role of both from
// the parse, same clause, parallel role, subject-first, inside or outside a quotation,
// salience so far, apposition); the option "no earlier person" has features of its own. A
// linear score (a log-linear ranker: softmax over "none" and the candidates, trained with L2)
// rates each; the best wins, so a pronoun stays unresolved when no candidate beats "none".
//
//   auto model = hearsay::resolve::CorefModel::Load("models/coref.hsc");
//   hearsay::resolve::Knowledge k{tagger->gazetteer(), model->get()};
//   hearsay::resolve::ResolveInDocument(doc, &analysis, k);
//
// File format (little endian): magic "HSCOREF\0", u32 format version, u32 feature version
// (kCorefFeatureVersion), provenance string, u32 n, then n (u64 feature key, f32 weight)
// pairs in key order. A stale format or feature version is refused with the expected value.
// Thread safety: immutable after loading; Choose() may be called from any thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/records.h"
#include "hearsay/status.h"
#include <unordered_map>
#include <utility>

namespace hearsay::entities {
class Gazetteer;
}

namespace hearsay::resolve {

// Bump when PronounFeatures change; models of another version are refused.
constexpr uint32_t kCorefFeatureVersion = 4;
// Sentences before the pronoun's that may hold a candidate.
constexpr uint32_t kCorefWindow = 6;
inline constexpr const char* kCorefModelFile = "coref.hsc";

struct PronounCandidate {
  int32_t entity = -1;             // local entity (index into DocumentAnalysis::local_entities)
  uint32_t mention_begin = 0;      // byte span of its nearest mention before the pronoun
  uint32_t mention_end = 0;
  std::vector<uint64_t> features;
};

struct PronounCase {
  uint32_t byte_begin = 0;  // the pronoun
  uint32_t byte_end = 0;
  std::vector<uint64_t> none_features;  // the option "refers to no earlier person"
  std::vector<PronounCandidate> candidates;  // nearest first
  // A candidate the grammar decides, -1 when none: a possessive after "X and" is X ("X and
  // his wife"); a possessive repeating one of its gender across a preposition in its phrase
  // is that one's person ("his son from his first marriage").
  int forced = -1;
};

class CorefModel {
 public:
  static Result<std::unique_ptr<CorefModel>> Load(const std::string& path);
  static Result<std::unique_ptr<CorefModel>> FromBytes(std::string_view bytes, const std::string& name);
  std::string Serialize() const;  // deterministic; after Finalize or load

  // c.forced when set; else the index into c.candidates of the best-scoring candidate, or -1
  // when "none" scores highest (ties go to "none", then to the nearer candidate).
  int Choose(const PronounCase& c) const;
  float Score(const std::vector<uint64_t>& features) const;

  // Training (src/resolve/train): the weights as (key, weight), any order; zeros dropped.
  void SetWeights(const std::vector<std::pair<uint64_t, float>>& weights);
  size_t size() const { return weights_.size(); }

  std::string provenance;

 private:
  std::unordered_map<uint64_t, float> weights_;
};

// What in-document resolution reads besides the document: passed in, never process-wide.
struct Knowledge {
  const entities::Gazetteer* names = nullptr;  // first-name statistics (gender); null: none
  const CorefModel* coref = nullptr;           // null: pronouns by the nearest-person rule
};

// Decides one pronoun (an index into c.candidates, -1 for none); `a` is the analysis being
// resolved (name mentions carry their entity_idx). The trainer passes the gold answer.
using PronounChooser = std::function<int(const PronounCase& c, const DocumentAnalysis& a)>;

}  // namespace hearsay::resolve
