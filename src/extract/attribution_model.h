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
// Three further learned parts judge the attributions the passes built (RefineAttributions):
//   * `start` ranks where a reported content begins, the same way ("told [Y on Thursday] how
//     …" → "how …"), over ContentStartFeatures; the best one is kept;
//   * `end` ranks where a reported content stops: every token boundary between the content's
//     start and the end the passes chose is a candidate ("sent [a letter] Thursday", "attacked
//     [Machado] in tweets"), scored over ContentEndFeatures (the parse: what the next word hangs
//     on and by which relation; words and punctuation around the cut); the best one is kept;
//   * `keep` scores whether an indirect or mixed attribution is one at all ("made the comments
//     Friday" is an action, not speech) over KeepFeatures; at or below `keep_threshold` it is
//     dropped.
// Both are trained on PolNeAR train over the pipeline's own attributions (the cue model's,
// the lexicon frames', the colon lead-ins), the threshold tuned on dev.
//
//   auto model = hearsay::extract::AttributionModel::Load("models/attribution.hsa");
//   if (!model.ok()) Report(model.status());            // names the file and what is wrong
//   hearsay::extract::ExtractClaims(doc, &analysis, model->get());
//
// File format (little endian): magic "HSATTR\0\0", u32 format version, u32 feature version,
// provenance string, f32 threshold, u32 vocabulary size + strings (sorted), the cue LinearModel
// (syntax/internal/linear.h), then the `start` and `end` LinearModels, f32 keep_threshold, the `keep`
// LinearModel and f32 quote_threshold. A stale format or feature version is refused with the expected value.
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

// Bump when CueFeatures, ContentEndFeatures or KeepFeatures change; models of another version
// are refused.
constexpr uint32_t kAttributionFeatureVersion = 2;

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
  // A cue speaks a quote left without a speaker only over this score (cue-token F1 on dev:
  // `threshold` favours recall, the span parts judging attributions, but a quote's speaker
  // has no such judge).
  float quote_threshold = 0.0f;
  std::set<std::string, std::less<>> vocabulary;  // lower-cased words seen in gold cues
  syntax::LinearModel linear{2};   // classes: 0 no cue, 1 cue
  syntax::LinearModel start{2};    // content start ranking: margin of class 1 over 0 per candidate
  syntax::LinearModel end{2};      // content end ranking: margin of class 1 over 0 per candidate
  syntax::LinearModel keep{2};     // classes: 0 no attribution, 1 attribution
  float keep_threshold = 0.0f;     // an attribution is kept when its keep margin > keep_threshold

  bool HasStartModel() const { return start.num_rows() > 0; }
  bool HasEndModel() const { return end.num_rows() > 0; }
  bool HasKeepModel() const { return keep.num_rows() > 0; }
  static float Margin(const syntax::LinearModel& m, const std::vector<uint64_t>& features);

 private:
  std::vector<uint64_t> vocabulary_hashes_;  // sorted hashes of `vocabulary`, for IsCandidate
};

// The features of token `tok` for the cue classifier (runtime and training share them);
// `quote_in_sentence`: tok's sentence holds a quotation mark.
void CueFeatures(const DocView& v, uint32_t tok, bool quote_in_sentence, std::vector<uint64_t>* out);
// The features of ending a content that opens at token `cb` before token `e` (cb < e <= ce;
// `ce` the end the passes chose), for the cue at tokens [cue_b, cue_e).
void ContentEndFeatures(const DocView& v, uint32_t cue_b, uint32_t cue_e, uint32_t cb, uint32_t e, uint32_t ce,
                        std::vector<uint64_t>* out);
// The features of starting a content that ends before token `ce` at token `b` (cb <= b < ce;
// `cb` the start the passes chose), for the cue at tokens [cue_b, cue_e).
void ContentStartFeatures(const DocView& v, uint32_t cue_b, uint32_t cue_e, uint32_t cb, uint32_t b, uint32_t ce,
                          std::vector<uint64_t>* out);
// May a content start at token b? At a word or an opening quotation mark within 16 tokens of
// the passes' start cb, never inside a quotation span; always at cb.
bool IsContentStartCandidate(const DocView& v, uint32_t cb, uint32_t b, uint32_t ce);
// May a content end before token e? after a word or a closing quotation mark, never inside
// a quotation span, and always at the passes' end ce.
bool IsContentEndCandidate(const DocView& v, uint32_t cb, uint32_t e, uint32_t ce);
// The features of an attribution with cue [cue_b, cue_e) (cue_b == cue_e: none), content
// tokens [cb, ce), source kind `source_kind` (SourceKind as int) with or without words, and
// `mixed` (its content holds a quotation).
void KeepFeatures(const DocView& v, const AttributionModel& model, uint32_t cue_b, uint32_t cue_e, uint32_t cb,
                  uint32_t ce, int source_kind, bool source_words, bool mixed, std::vector<uint64_t>* out);
// Does sentence [token_begin, token_end) hold a quotation mark?
bool HasQuoteMark(const DocView& v, uint32_t token_begin, uint32_t token_end);

}  // namespace hearsay::extract
