#pragma once
// Training of the attribution cue model (extract/attribution_model.h) on PolNeAR.
//
// Reads `polnear_dir`/train and /dev (text/*.txt and attributions/*.ann, brat standoff; the
// first annotator's file of each article, in name order). A token is a positive example when
// it lies inside a gold cue span. The vocabulary is the lower-cased words of at least
// `min_count` positive tokens in train that are cue tokens in at least `min_rate` of their
// occurrences; only its words are examples. Averaged perceptron over
// `epochs` passes, the order shuffled by a mt19937 seeded with `seed` (own Fisher-Yates, so
// the same on every standard library); the threshold is the score that maximises cue-token
// F-beta (`cue_beta`; above 1 it favours recall, the span parts judging precision) on dev. Single-threaded and deterministic: the same data and options give the same bytes.
//
// Then the span parts (attribution_model.h `end`, `keep`; span_train.cc): every article of
// train is analysed as the pipeline does (the tagger and parser of `models_dir`, the parse of
// the sentences extract::SentencesToParse selects), the passes run with a cue model that did
// not see it (cross-fitting: `folds` cue models, each trained on the other folds' articles,
// article i in fold i % folds; dev with the final cue model), and
// each indirect or mixed attribution sharing bytes with a gold content gives a start example:
// its candidate starts, the right one nearest the gold content's start (a ranking perceptron,
// `span_epochs`). With the start model in place the passes run again for the end examples
// (the same way, nearest the gold content's end); with both, again; each indirect or mixed
// attribution is a keep example, positive when its content shares a byte with a gold content
// (a binary perceptron). The keep threshold is the margin on dev that maximises dropped
// negatives minus `keep_cost` times dropped positives. These parts depend on the tagger,
// parser and cue model: retrain when one changes.
//
//   hearsay::extract::train::Options o;
//   o.polnear_dir = "../shared/data/polnear";
//   auto r = hearsay::extract::train::Train(o);   // r->model, r->dev_precision, ...

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "extract/attribution_model.h"
#include "hearsay/status.h"

namespace hearsay::extract::train {

struct Options {
  std::string polnear_dir;
  int epochs = 8;
  uint32_t seed = 20261207;
  int min_count = 3;
  double min_rate = 0.1;  // share of a word's occurrences inside gold cues
  std::string models_dir;  // ner.hsm and parser.hsp for the span parts; empty: cue model only
  int span_epochs = 8;
  int folds = 4;
  double cue_beta = 1.6;  // the cue threshold maximises F-beta of cue tokens on dev (> 1: recall)
  double keep_cost = 0.9;  // weight of a dropped positive against a dropped negative on dev (0.8 put found under 75% in session 11)
};

struct Trained {
  std::unique_ptr<AttributionModel> model;
  size_t train_articles = 0, train_examples = 0, dev_articles = 0;
  double dev_precision = 0, dev_recall = 0, dev_f1 = 0;  // cue tokens among candidates, at the threshold
  size_t dev_gold_tokens = 0, dev_gold_outside_vocabulary = 0;  // recall is over all gold cue tokens
  // Span parts: examples on train; on dev the share of end examples whose ranked end is the
  // target (and with the passes' own end), and keep examples dropped at the threshold.
  size_t start_train_examples = 0, start_dev_examples = 0, start_dev_right = 0, start_dev_right_passes = 0;
  size_t end_train_examples = 0, end_dev_examples = 0, end_dev_right = 0, end_dev_right_passes = 0;
  size_t keep_train_examples = 0, keep_dev_pos = 0, keep_dev_neg = 0, keep_dev_pos_dropped = 0, keep_dev_neg_dropped = 0;
};

Result<Trained> Train(const Options& options);

// One PolNeAR article: its text, gold cue spans and gold content spans (bytes; a
// discontinuous content from its first to its last character).
struct Article {
  std::string text;
  std::vector<std::pair<uint32_t, uint32_t>> cues, contents;
};
// The articles of a split folder (text/ and attributions/; the first annotator's file of each).
Result<std::vector<Article>> ReadSplit(const std::string& dir);
// Trains the cue part of *model (vocabulary, weights, dev threshold) on `train`; fills the
// cue fields of *out.
void TrainCueModel(const Options& o, const std::vector<Article>& train, const std::vector<Article>& dev,
                   AttributionModel* model, Trained* out);
// Trains the model's `end` and `keep` parts and its keep threshold (see above) with the
// tagger and parser of o.models_dir; fills the span fields of *out.
Status TrainSpanParts(const Options& o, const std::vector<Article>& train, const std::vector<Article>& dev,
                      AttributionModel* model, Trained* out);

// The byte offset of every character of UTF-8 `s`, and s.size() at the end: brat standoff
// counts characters, hearsay bytes.
std::vector<uint32_t> CharToByte(const std::string& s);

}  // namespace hearsay::extract::train
