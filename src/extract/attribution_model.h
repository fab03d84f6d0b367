#pragma once
// The learned attribution cue model (models/attribution.hsa): which words open an attribution
// relation ("said", "has learned", "according to", "believes", "statement"), trained on
// PolNeAR train by `hearsay train attribution` (src/extract/train/) and tuned on dev.
//
// A token is a candidate when its lower-cased word was part of a gold cue often enough in
// training (the model's cue vocabulary, learned, not listed); an averaged perceptron over
// token features (the word, its neighbours, the cue lexicon's class, punctuation and quotation
// marks around it, its place in the sentence) scores it; a score above the tuned threshold
// makes it a cue. extract's attribution pass then reads the cue's source and content from the
// sentence (attributions.cc).
//
//   auto model = hearsay::extract::AttributionModel::Load("models/attribution.hsa");
//   if (!model.ok()) Report(model.status());            // names the file and what is wrong
//   hearsay::extract::ExtractClaims(doc, &analysis, model->get());
//
// File format (little endian): magic "HSATTR\0\0", u32 format version, u32 feature version,
// provenance string, f32 threshold, u32 vocabulary size + strings (sorted), the LinearModel
// (syntax/internal/linear.h). A stale feature version is refused with the expected value.
// Thread safety: immutable after loading; Score() may be called from any thread.

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"
#include "syntax/internal/linear.h"

namespace hearsay::extract {

struct DocView;

// Bump when CueFeatures changes; models of another version are refused.
constexpr uint32_t kAttributionFeatureVersion = 1;

class AttributionModel {
 public:
  static Result<std::unique_ptr<AttributionModel>> Load(const std::string& path);
  static Result<std::unique_ptr<AttributionModel>> FromBytes(std::string_view bytes, const std::string& name);
  std::string Serialize() const;  // deterministic

  bool IsCandidate(std::string_view lower_word) const;
  void IndexVocabulary();  // after filling `vocabulary` (Load and the trainer call it)
  // Margin of "cue" over "no cue" for the features of one token.
  float Score(const std::vector<uint64_t>& features) const;

  std::string provenance;          // training data and command
  float threshold = 0.0f;          // a token is a cue when Score() > threshold
  std::set<std::string, std::less<>> vocabulary;  // lower-cased words seen in gold cues
  syntax::LinearModel linear{2};   // classes: 0 no cue, 1 cue

 private:
  std::vector<uint64_t> vocabulary_hashes_;  // sorted hashes of `vocabulary`, for IsCandidate
};

// The features of token `tok` for the cue classifier (runtime and training share them);
// `quote_in_sentence`: tok's sentence holds a quotation mark.
void CueFeatures(const DocView& v, uint32_t tok, bool quote_in_sentence, std::vector<uint64_t>* out);
// Does sentence [token_begin, token_end) hold a quotation mark?
bool HasQuoteMark(const DocView& v, uint32_t token_begin, uint32_t token_end);

}  // namespace hearsay::extract
