#pragma once
// Training and evaluation of the article credibility model (library hearsay_score_train,
// never linked into the runtime stages).
//
// Data: GossipCop JSON Lines (../shared/data/gossipcop/README.md), read through the same
// ingest::ParseJsonLine, text::AnalyzeText and entities::FindMentions (with the shipped
// tagger, for the name masking) as `hearsay analyze`, so training sees exactly the
// features the runtime computes. The label comes from Document::metadata "label" and is
// used only as the target. Dev is never used for fitting, calibration or the threshold
// (all from cross-validation on train); it is scored once at the end (held-out figures).
//
//   auto train = ReadLabeled(shared + "/data/gossipcop/gossipcop_train.jsonl", 0);
//   auto dev = ReadLabeled(shared + "/data/gossipcop/gossipcop_dev.jsonl", 0);
//   auto tagger = entities::LoadTagger("models");          // masks names; null: unmasked
//   TrainOptions o;                                        // defaults = the shipped model
//   auto trained = TrainArticleModel(*train, *dev, lexicons, tagger->get(), o);
//   WriteWholeFile("models/credibility.hcm", trained->model->Serialize());
//
// Determinism: the same data, options and seed give a byte-identical model file, whatever
// `jobs` is (features are computed in parallel into per-document slots; the optimiser is
// sequential; the shuffle is Fisher-Yates over std::mt19937_64, whose output the standard
// fixes).
//
// Thread safety: functions are reentrant; they use `jobs` threads internally.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/status.h"
#include "score/article_model.h"
#include "score/features.h"

namespace hearsay::entities {
class Tagger;
}

namespace hearsay::score::train {

struct LabeledDoc {
  Document doc;
  int label = 0;  // 1 = real (credible), 0 = fake
};

// Reads a labelled JSON Lines file (label "real" or "fake"); `limit` > 0 keeps the first
// `limit` records. Errors: NOT_FOUND / unreadable file; DATA_LOSS when a line is not a
// document or has no valid label (file:line in the message).
Result<std::vector<LabeledDoc>> ReadLabeled(const std::string& path, size_t limit);

// Hedge and booster lists from a folder holding hedge_words.txt and booster_words.txt.
Result<Lexicons> ReadLexicons(const std::string& hedge_lexicon_dir);

struct TrainOptions {
  uint32_t hash_bits = kDefaultHashBits;
  int epochs = 5;
  double learning_rate = 0.1;  // AdaGrad step size
  double l2 = 1e-6;            // per-update weight decay on touched weights
  uint64_t seed = 20240601;
  bool use_dense = true;       // evidence/style features in the stack
  bool use_prior = true;       // the outlet prior in the first head (the second never has it)
  bool augment_restyled = true;  // also train on Restyle() copies of the training articles
  int folds = 5;               // cross-validation folds: the text model's out-of-fold logits
                               // and outlet priors feed the stacking regression (with the
                               // evidence features); its own out-of-fold logits fit the
                               // calibration and the threshold
  double stack_l2 = 1.0;       // L2 penalty of the stacking regression
  double prior_pseudo = 1;     // m: pseudo-articles at the base rate smoothing each outlet record
                               // (chosen by 5-fold CV on train over 1, 3, 10: session 9)
  int average_epochs = 3;      // return the mean of the iterates of the last N epochs (0: the last)
  bool tfidf = true;           // (1 + ln tf) * idf, L2-normalised; false: sums of 1/sqrt(n)
  int jobs = 2;                // threads for feature extraction
  bool mask = true;            // false: nothing masked, furniture kept (the plain baseline only;
                               // a model file cannot say so, do not ship one)
};

// Sparse example: sorted unique indices. Dense features, when used, sit at indices
// 2^hash_bits + k and are already standardised.
struct Example {
  std::vector<std::pair<uint32_t, float>> x;
  float y = 0;
};

// Quality of scores against labels at a threshold on the score (P(real)).
struct Metrics {
  size_t n = 0;
  double accuracy = 0, macro_f1 = 0, f1_real = 0, f1_fake = 0;
  double brier = 0, log_loss = 0;
  struct Bin {
    double lo = 0, hi = 0;   // score range [lo, hi)
    size_t n = 0;
    double mean_score = 0;   // mean predicted P(real)
    double real_rate = 0;    // observed share of real
  };
  std::vector<Bin> reliability;  // 10 equal-width bins
  double ece = 0;                // expected calibration error over the bins
};
Metrics ComputeMetrics(const std::vector<double>& scores, const std::vector<int>& labels, double threshold);
// "macro-F1 0.861  acc 0.866  F1 real/fake 0.88/0.84  Brier 0.102  logloss 0.33  ECE 0.03"
std::string FormatMetrics(const Metrics& m);
// The summary stored in the model file (ArticleModel::calibration()).
ModelCalibration ToCalibration(const Metrics& m, double threshold, const std::string& dataset);
// The reliability table, one row per bin, as Markdown.
std::string FormatReliability(const Metrics& m);

// The trained model with its measured quality, per head (kWithPrior, kWithoutPrior).
struct Trained {
  std::unique_ptr<LinearArticleModel> model;
  TrainOptions options;
  const entities::Tagger* tagger = nullptr;  // the mentions' tagger (not owned); null: unmasked
  std::array<Metrics, 2> cv;   // out-of-fold on train, at the head's threshold
  std::array<Metrics, 2> dev;  // dev (held out), at the head's threshold
  double threshold = 0.5;      // of the default head
  // Calibrated P(real) of each document by the model's active head; reasons unused.
  std::vector<double> Score(const std::vector<LabeledDoc>& docs) const;
  // The same by the head with or without the outlet prior.
  std::vector<double> ScoreHead(const std::vector<LabeledDoc>& docs, bool outlet_prior);
};

// Trains on `train` (see TrainOptions::folds), fits both heads' calibration and threshold
// by cross-validation on train, then measures dev and stores those held-out figures in the
// model. `tagger` (may be null: names are not masked) must outlive the result.
Result<Trained> TrainArticleModel(const std::vector<LabeledDoc>& train, const std::vector<LabeledDoc>& dev, const Lexicons& lexicons,
                                  const entities::Tagger* tagger, const TrainOptions& options);

// The restyling of the robustness check, by rules on the headline and text: the word
// "exclusive" (any case, with a following ':' '|' or '-') removed, the headline made
// neutral (all-caps words in title case, a leading "TAG:" removed, '!' and '?' removed),
// and every '!' in the text replaced by '.' (a run of them by one).
Document Restyle(const Document& doc);

}  // namespace hearsay::score::train
