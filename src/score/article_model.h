#pragma once
// LinearArticleModel: the shipped article credibility model, a logistic regression over the
// features of score/features.h (hashed n-grams, outlet host, standardised evidence
// features), with a Platt calibration of its output and a decision threshold.
//
//   score(doc) = sigmoid(calib_a * logit + calib_b)
//   logit      = bias + sum_text w[j] v_j + sum_meta w[j] + sum_dense w_d * (x_d - mean_d) / scale_d
//   v_j        = tf-idf: (1 + ln tf_j) idf_j / ||v||_2 over the word and headline-character
//                n-grams; otherwise the sum of their 1/sqrt(n) occurrence values
//   meta       = the outlet's host and the bylines (value 1)
//   label      = score >= threshold ? "real" : "fake"
//
// Reasons: the evidence features, the outlet and the wording, ranked by |contribution| to
// the logit, phrased in words from the article's own counts ("3 anonymous-source
// attributions (lowers credibility)").
//
// File format (models/credibility.hcm), little-endian; strings are u32 length + bytes:
//   offset size  meaning
//   0      8     magic "HSCREDM\0"
//   8      4     u32 format version (kArticleModelFormatVersion)
//   12     8     u64 feature fingerprint (FeatureFingerprint() of the producing engine)
//   20     4     u32 hash_bits (10..26)
//   24     4     u32 dense feature count (kDenseCount)
//   28     ...   string engine version; string training note (data, seed, options)
//                u32 n + n strings: hedge lexicon; u32 n + n strings: booster lexicon
//                per dense feature: string name, f32 mean, f32 scale, f32 weight
//                f32 bias, f32 calib_a, f32 calib_b, f32 threshold
//                u32 flags (bit 0: tf-idf text vector; bit 1: host and bylines unused)
//                calibration (ModelCalibration): string dataset, u32 n, f64 threshold,
//                f64 macro_f1, accuracy, brier, log_loss, ece, u32 bin count (<= 100),
//                per bin: f64 lo, f64 hi, u32 n, f64 mean_predicted, f64 observed_real
//                f32 weights[2^hash_bits]; with tf-idf also f32 idf[2^hash_bits]
//   end-8  8     u64 FNV-1a 64 of every byte before it
// The loader checks magic, version, fingerprint, hash_bits, dense names and checksum, and
// says expected vs found for each.
//
//   auto model = hearsay::score::LoadArticleModelFile("models/credibility.hcm");
//   if (!model.ok()) { std::cerr << model.status().ToString(); return; }
//   std::vector<std::string> reasons;
//   double p_real = (*model)->Score(doc, analysis, &reasons);
//
// Thread safety: immutable after loading; Score may run on many threads at once.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "hearsay/status.h"
#include "score/features.h"
#include "score/score.h"

namespace hearsay::score {

constexpr uint32_t kArticleModelFormatVersion = 2;  // 2: calibration summary
constexpr char kArticleModelMagic[8] = {'H', 'S', 'C', 'R', 'E', 'D', 'M', '\0'};
constexpr const char* kArticleModelFile = "credibility.hcm";

struct ArticleModelParams {
  uint32_t hash_bits = kDefaultHashBits;
  std::vector<float> weights;  // 2^hash_bits
  std::array<float, kDenseCount> dense_mean{};
  std::array<float, kDenseCount> dense_scale{};  // > 0
  std::array<float, kDenseCount> dense_weight{};
  float bias = 0;
  float calib_a = 1, calib_b = 0;  // Platt scaling of the logit
  float threshold = 0.5f;          // on the calibrated score
  bool tfidf = false;              // text vector: tf-idf (idf below) or 1/sqrt(n) sums
  std::vector<float> idf;          // 2^hash_bits when tfidf, else empty
  bool use_meta = true;            // host and byline weights enter the logit
  Lexicons lexicons;
  std::string engine_version;
  std::string training_note;
  ModelCalibration calibration;  // dev quality at training time (n = 0: none)
};

// One term's share of the logit, for reasons and for tests.
struct Contribution {
  std::string reason;  // words, e.g. "3 anonymous-source attributions"
  double logit = 0;    // > 0 raises credibility
};

class LinearArticleModel : public ArticleModel {
 public:
  explicit LinearArticleModel(ArticleModelParams params);
  LinearArticleModel(const LinearArticleModel&) = delete;  // 4 MiB of weights: share, do not copy
  LinearArticleModel& operator=(const LinearArticleModel&) = delete;

  // Uses analysis.layout when it has tokens, else runs the text stage on `doc`.
  double Score(const Document& doc, const DocumentAnalysis& analysis, std::vector<std::string>* reasons) const override;

  // Calibrated score of extracted features; `reasons` (may be null) gets up to
  // `max_reasons` phrases, each ending in "(raises credibility)" or "(lowers credibility)".
  double ScoreFeatures(const Document& doc, const TextLayout& layout, const ArticleFeatures& f,
                       std::vector<std::string>* reasons, size_t max_reasons = 4) const;
  // Uncalibrated logit.
  double Logit(const ArticleFeatures& f) const;
  // The (index, value) text vector of the word and headline-character n-grams.
  void TextVector(const ArticleFeatures& f, std::vector<std::pair<uint32_t, float>>* out) const;
  // All contributions, sorted by |logit| descending.
  std::vector<Contribution> Explain(const Document& doc, const TextLayout& layout, const ArticleFeatures& f) const;

  // The dev-set reliability table, Brier score and macro-F1 stored at training time; null
  // when the file holds none (n = 0).
  const ModelCalibration* calibration() const override { return params_.calibration.n ? &params_.calibration : nullptr; }

  // Everything but the weights and idf, which live in the slot table (weight(), Serialize()).
  const ArticleModelParams& params() const { return params_; }
  // Weight of hashed bucket j < 2^hash_bits.
  float weight(uint32_t j) const;
  const CueTable& cues() const { return cues_; }
  bool IsReal(double score) const { return score >= params_.threshold; }

  // The file bytes (format above).
  std::string Serialize() const;

 private:
  double LogitOf(const ArticleFeatures& f, const std::vector<std::pair<uint32_t, float>>& text) const;
  // One term of the logit, phrased only when it is reported.
  struct Term {
    double logit;
    enum Kind : uint8_t { kMeta, kUrl, kText, kDense } kind;
    uint32_t arg;  // kMeta: index into f.hashed; kText: the bucket of the example n-gram; kDense: Dense
  };
  // All terms, sorted by |logit| descending (stable).
  void Terms(const ArticleFeatures& f, const std::vector<std::pair<uint32_t, float>>& text, std::vector<Term>* out) const;
  std::string Phrase(const Term& t, const Document& doc, const TextLayout& layout, const ArticleFeatures& f) const;

  struct Slot {
    float weight;
    float idf;  // 1 without tf-idf
  };
  ArticleModelParams params_;  // weights and idf moved into slots_
  std::vector<Slot> slots_;    // 2^hash_bits
  CueTable cues_;
};

// Parses model bytes; `where` names the source in errors. DATA_LOSS for an empty,
// truncated or corrupt file or a wrong magic; FAILED_PRECONDITION for a newer format
// version or another feature fingerprint.
Result<std::unique_ptr<LinearArticleModel>> ParseArticleModel(const std::string& bytes, const std::string& where);
// Reads and parses a model file; NOT_FOUND when it does not exist.
Result<std::unique_ptr<LinearArticleModel>> LoadArticleModelFile(const std::string& path);

}  // namespace hearsay::score
