#pragma once
// Training of the attribution cue model (extract/attribution_model.h) on PolNeAR.
//
// Reads `polnear_dir`/train and /dev (text/*.txt and attributions/*.ann, brat standoff; the
// first annotator's file of each article, in name order). A token is a positive example when
// it lies inside a gold cue span. The vocabulary is the lower-cased words of at least
// `min_count` positive tokens in train that are cue tokens in at least `min_rate` of their
// occurrences; only its words are examples. Averaged perceptron over
// `epochs` passes, the order shuffled by a mt19937 seeded with `seed` (own Fisher-Yates, so
// the same on every standard library); the threshold is the score that maximises cue-token F1
// on dev. Single-threaded and deterministic: the same data and options give the same bytes.
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
};

struct Trained {
  std::unique_ptr<AttributionModel> model;
  size_t train_articles = 0, train_examples = 0, dev_articles = 0;
  double dev_precision = 0, dev_recall = 0, dev_f1 = 0;  // cue tokens among candidates, at the threshold
  size_t dev_gold_tokens = 0, dev_gold_outside_vocabulary = 0;  // recall is over all gold cue tokens
};

Result<Trained> Train(const Options& options);

// The byte offset of every character of UTF-8 `s`, and s.size() at the end: brat standoff
// counts characters, hearsay bytes.
std::vector<uint32_t> CharToByte(const std::string& s);

}  // namespace hearsay::extract::train
