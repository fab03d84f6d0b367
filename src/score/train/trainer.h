#pragma once
// Training and evaluation of the article credibility model (library hearsay_score_train,
// never linked into the runtime stages).
//
// Data: GossipCop JSON Lines (../shared/data/gossipcop/README.md), read through the same
// ingest::ParseJsonLine and text::AnalyzeText as `hearsay analyze`, so training sees
// exactly the features the runtime computes. The label comes from Document::metadata
// "label" and is used only as the target.
//
//   auto train = ReadLabeled(shared + "/data/gossipcop/gossipcop_train.jsonl", 0);
//   auto dev = ReadLabeled(shared + "/data/gossipcop/gossipcop_dev.jsonl", 0);
//   TrainOptions o;                                       // defaults = the shipped model
//   auto trained = TrainArticleModel(*train, *dev, lexicons, o);
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
  bool use_text = true;        // hashed title/body n-grams
  bool use_host = true;        // the outlet's host and the bylines
  bool use_dense = true;       // evidence/style features
  double dense_shrink = 1.0;   // evidence features enter as shrink * (x - mean) / std: smaller
                               // values take smaller AdaGrad steps in logit units (a prior)
  bool augment_restyled = true;  // also train on Restyle() copies of the training articles
  int stack_folds = 5;         // > 1 (with use_dense): the text model and the source model
                               // (host, bylines, URL) are fitted alone, then their
                               // out-of-fold logits and the evidence features are weighed
                               // by a dense logistic regression; <= 1: one sparse model
  double stack_l2 = 1.0;       // L2 penalty of the stacking regression
  int average_epochs = 3;      // return the mean of the iterates of the last N epochs (0: the last)
  bool tfidf = true;           // (1 + ln tf) * idf, L2-normalised; false: sums of 1/sqrt(n)
  int jobs = 2;                // threads for feature extraction
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

// A linear model and the featurisation it needs. For the full model `model` is set;
// for a baseline (tfidf or without some feature groups) Score() works in memory only.
struct Trained {
  std::unique_ptr<LinearArticleModel> model;
  TrainOptions options;
  std::vector<float> idf;           // tfidf only: per hashed index
  Metrics dev_uncalibrated;         // dev metrics of sigmoid(logit) at 0.5, before calibration
  Metrics dev_at_half;              // dev metrics at threshold 0.5 (calibrated)
  Metrics dev;                      // dev metrics at the tuned threshold
  double threshold = 0.5;
  // Calibrated P(real) of each document, in order; reasons unused.
  std::vector<double> Score(const std::vector<LabeledDoc>& docs) const;
};

// Trains on `train` (stacked, see TrainOptions::stack_folds), fits the Platt calibration and
// the threshold on `dev`, and stores the dev reliability table and metrics in the model.
Result<Trained> TrainArticleModel(const std::vector<LabeledDoc>& train, const std::vector<LabeledDoc>& dev,
                                  const Lexicons& lexicons, const TrainOptions& options);

// The restyling of the robustness check, by rules on the headline and text: the word
// "exclusive" (any case, with a following ':' '|' or '-') removed, the headline made
// neutral (all-caps words in title case, a leading "TAG:" removed, '!' and '?' removed),
// and every '!' in the text replaced by '.' (a run of them by one).
Document Restyle(const Document& doc);

}  // namespace hearsay::score::train
