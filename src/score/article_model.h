#pragma once
// LinearArticleModel: the shipped article credibility model, a logistic regression over the
// features of score/features.h (hashed n-grams with names masked, standardised evidence
// features) and an explicit, switchable outlet prior, with a Platt calibration and a
// decision threshold. It holds two heads fitted on the same text model: with the outlet
// prior (default) and without it (UseOutletPrior(false), `--no-outlet-prior`).
//
//   score(doc) = sigmoid(calib_a * logit + calib_b)                   (of the active head)
//   logit      = bias + text_scale * sum_j w[j] v_j + sum_dense w_d * (x_d - ref_d) / scale_d
//              + sum_t prior_weight[t] * prior term t (PriorTerm: the host's record, an unknown
//                host, the cited outlets', the bylines' and the URL section's records)
//   v_j        = tf-idf: (1 + ln tf_j) idf_j / ||v||_2 over the word and headline-character n-grams
//   ref_d      = 0 for counts and rates (no evidence contributes nothing), the training mean
//                for log length
//   prior(k)   = ln((real_k + m p) / (fake_k + m (1 - p))) - ln(p / (1 - p)): the smoothed
//                log-odds of the outlet's training record against the base rate p (m = 10
//                pseudo-articles); 0 for an outlet without a record
//   label      = score >= threshold ? "real" : "fake"
//
// Calibration and threshold are fitted on 5-fold cross-validation over train; the stored
// dev figures (calibration()) were measured after training and are a held-out estimate.
//
// Reasons: the terms ranked by |contribution| to the logit, each phrased from the
// article's own words and counts ("2 hearsay words ("reportedly", "rumored") (lowers
// credibility)", "outlet people.com: 412 labelled articles in training, 4% unreliable
// (raises credibility)"). Word examples are lower-case words of the article, never a
// masked name.
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
//                per dense feature: string name, f32 ref, f32 scale
//                u32 flags (bit 0: tf-idf text vector)
//                outlet prior: f64 base_real, f64 pseudo, then 4 times (hosts, cited, bylines, sections):
//                u32 n + n records (string key, string name, u32 n, u32 unreliable)
//                two heads (with, without the prior), each: f32 text_scale, bias,
//                prior weights (kPriorCount), dense weights, calib_a, calib_b, threshold,
//                then two calibrations (held-out dev, cross-validation on train):
//                string dataset, u32 n, f64 threshold, f64 macro_f1, accuracy, brier,
//                log_loss, ece, u32 bin count (<= 100), per bin: f64 lo, f64 hi, u32 n,
//                f64 mean_predicted, f64 observed_real
//                f32 weights[2^hash_bits]; with tf-idf also f32 idf[2^hash_bits]
//   end-8  8     u64 FNV-1a 64 of every byte before it
// The loader checks magic, version, fingerprint, hash_bits, dense names and checksum, and
// says expected vs found for each.
//
//   auto model = hearsay::score::LoadArticleModelFile("models/credibility.hcm");
//   if (!model.ok()) { std::cerr << model.status().ToString(); return; }
//   (*model)->UseOutletPrior(false);     // optional, before sharing the model
//   std::vector<std::string> reasons;
//   double p_real = (*model)->Score(doc, analysis, &reasons);   // analysis: layout + mentions
//
// Thread safety: immutable after loading (and UseOutletPrior); Score may run on many
// threads at once.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "hearsay/status.h"
#include "score/features.h"
#include "score/score.h"

namespace hearsay::score {

constexpr uint32_t kArticleModelFormatVersion = 3;  // 3: two heads, outlet prior, cross-validated calibration
constexpr char kArticleModelMagic[8] = {'H', 'S', 'C', 'R', 'E', 'D', 'M', '\0'};
constexpr const char* kArticleModelFile = "credibility.hcm";

// One outlet's record in the training data.
struct OutletRecord {
  std::string key;         // OutletKey()
  std::string name;        // as shown in reasons: the host, or the name as first cited
  uint32_t n = 0;          // labelled training articles (published by it, or citing it)
  uint32_t unreliable = 0; // of them labelled fake
};

// The terms of the outlet prior, in head order.
enum class PriorTerm : uint8_t {
  kHost,         // prior(the article's host)
  kHostUnknown,  // 1 when the host is known but has no record
  kCited,        // mean prior of the cited outlets with a record
  kByline,       // mean prior of the bylines with a record
  kSection,      // prior(the URL's section word)
  kCount
};
constexpr size_t kPriorCount = static_cast<size_t>(PriorTerm::kCount);

// The outlet prior: training records of article hosts, of outlets cited in the text, of
// bylines and of URL section words.
struct OutletPrior {
  std::vector<OutletRecord> hosts;     // sorted by key
  std::vector<OutletRecord> cited;     // sorted by key
  std::vector<OutletRecord> bylines;   // sorted by key (lower-cased byline)
  std::vector<OutletRecord> sections;  // sorted by key
  double base_real = 0.5;           // share of real training articles
  double pseudo = 10;               // m: pseudo-articles at the base rate
  // Smoothed log-odds of real against the base rate (formula above).
  double LogOdds(const OutletRecord& r) const;
  // The record of a key; null when there is none.
  static const OutletRecord* Find(const std::vector<OutletRecord>& records, const std::string& key);
  // The PriorTerm values of an article's keys (features.h: OutletKey(host), cited_outlets,
  // authors, url_section); all 0 when nothing has a record.
  std::array<double, kPriorCount> Values(const std::string& host_key, const std::vector<std::string>& cited,
                                         const std::vector<std::string>& bylines, const std::string& section) const;
};

// The weights, calibration and measured quality of one head.
struct ArticleHead {
  float text_scale = 1, bias = 0;
  std::array<float, kPriorCount> prior_weight{};  // by PriorTerm; all 0 without the prior
  std::array<float, kDenseCount> dense_weight{};
  float calib_a = 1, calib_b = 0;  // Platt scaling of the logit
  float threshold = 0.5f;          // on the calibrated score
  ModelCalibration heldout;        // dev, measured after training (n = 0: none)
  ModelCalibration cv;             // out-of-fold on train (calibration and threshold chosen here)
};

struct ArticleModelParams {
  uint32_t hash_bits = kDefaultHashBits;
  std::vector<float> weights;  // 2^hash_bits: the text model
  std::array<float, kDenseCount> dense_ref{};
  std::array<float, kDenseCount> dense_scale{};  // > 0
  bool tfidf = false;              // text vector: tf-idf (idf below) or 1/sqrt(n) sums
  std::vector<float> idf;          // 2^hash_bits when tfidf, else empty
  OutletPrior prior;
  std::array<ArticleHead, 2> heads;  // kWithPrior, kWithoutPrior
  Lexicons lexicons;
  std::string engine_version;
  std::string training_note;
};
constexpr size_t kWithPrior = 0, kWithoutPrior = 1;

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

  // Uses analysis.layout when it has tokens, else runs the text stage on `doc`; names in
  // analysis.mentions are masked (without mentions the score can depend on names).
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
  const ModelCalibration* calibration() const override { return head().heldout.n ? &head().heldout : nullptr; }
  // Selects the head with (default) or without the outlet prior. Not thread-safe: call
  // before the model is shared.
  void UseOutletPrior(bool on) override { head_ = on ? kWithPrior : kWithoutPrior; }
  bool outlet_prior() const { return head_ == kWithPrior; }
  const ArticleHead& head() const { return params_.heads[head_]; }

  // Everything but the weights and idf, which live in the slot table (weight(), Serialize()).
  const ArticleModelParams& params() const { return params_; }
  // Weight of hashed bucket j < 2^hash_bits.
  float weight(uint32_t j) const;
  const CueTable& cues() const { return cues_; }
  bool IsReal(double score) const { return score >= head().threshold; }

  // Stores the held-out figures of head `head` (the trainer, after scoring dev). Not
  // thread-safe.
  void SetHeldOut(size_t head, ModelCalibration c) { params_.heads[head].heldout = std::move(c); }

  // The file bytes (format above).
  std::string Serialize() const;

 private:
  double LogitOf(const ArticleFeatures& f, const std::vector<std::pair<uint32_t, float>>& text) const;
  // One term of the logit, phrased only when it is reported.
  struct Term {
    double logit;
    enum Kind : uint8_t { kPrior, kText, kDense } kind;
    uint32_t arg;  // kDense: Dense; kPrior: PriorTerm
  };
  // All terms, sorted by |logit| descending (stable).
  void Terms(const ArticleFeatures& f, const std::vector<std::pair<uint32_t, float>>& text, std::vector<Term>* out) const;
  std::string Phrase(const Term& t, const Document& doc, const TextLayout& layout, const ArticleFeatures& f) const;

  struct Slot {
    float weight;
    float idf;  // 1 without tf-idf
  };
  // The outlet prior's values of an article (0 without a record).
  std::array<double, kPriorCount> PriorValues(const ArticleFeatures& f) const;
  std::string PhraseText(const Term& t, const Document& doc, const TextLayout& layout, const ArticleFeatures& f) const;
  std::string PhraseCited(const ArticleFeatures& f, double sign) const;
  std::string PhrasePrior(PriorTerm term, const ArticleFeatures& f, double sign) const;

  ArticleModelParams params_;  // weights and idf moved into slots_
  size_t head_ = kWithPrior;
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
