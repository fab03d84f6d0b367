#pragma once
// Training of the own-outlet model (extract/own_outlet.h) on GossipCop.
//
// Reads `gossipcop_dir`/gossipcop_train.jsonl and gossipcop_dev.jsonl. Each article is read
// as `hearsay analyze` reads it with its url and authors hidden (ingest, text, the tagger and
// parser of `models_dir`, resolve); the outlet its URL's host names (data/outlets/hosts.tsv)
// is the label and nothing else: a candidate name (OutletCandidates) is positive when its
// OutletKey and the URL outlet's are equal or one is a prefix of the other (as
// bench/own_outlet_eval.py compares them). The model ranks the article's names and "none"
// (score 0): a latent averaged perceptron, over `epochs` passes in an order shuffled by a
// mt19937 seeded with `seed` (own Fisher-Yates), updating the best mention of the right name
// against the best mention of the guessed one.
//
// The threshold comes from `folds`-fold cross-validation on train (article k in fold k %
// folds: dev and test are drawn from the same outlets): over the out-of-fold scores of the best
// name of every article the hand rules name none of (OwnOutletByRules: the pipeline asks the
// model only then), it is the lowest at which the named outlet is the URL's in at least
// `precision` of the articles named. The figures are reported for the model alone and as the
// pipeline decides (the rules' name, else the model's). A second cross-validation holds the outlets out (an
// article goes to the fold of its URL outlet's key, FNV hash, so no fold's model saw the
// outlets it is scored on): how far the model carries to outlets it never saw, reported at the
// chosen threshold and at the one it would choose itself. The final model is trained on all of
// train; dev is scored once with it.
// Single-threaded and deterministic: the same data and options give the same bytes.
//
//   hearsay::extract::train::OwnOutletOptions o;
//   o.gossipcop_dir = "../shared/data/gossipcop";
//   o.models_dir = "models";
//   auto r = hearsay::extract::train::TrainOwnOutlet(o);   // r->model, r->cv, r->dev

#include <cstdint>
#include <memory>
#include <string>

#include "extract/own_outlet.h"
#include "hearsay/status.h"

namespace hearsay::extract::train {

struct OwnOutletOptions {
  std::string gossipcop_dir;
  std::string models_dir;  // ner.hsm and parser.hsp, as the pipeline loads them
  int epochs = 20;
  uint32_t seed = 20261208;
  int folds = 5;
  double precision = 0.95;  // the threshold's target on train's cross-validation
  uint32_t pooling = OwnOutletModel::kMaxPooling;  // how a name's mentions make its score
};

// What the evaluation script reports, over articles whose URL names an outlet.
struct OwnOutletFigures {
  size_t articles = 0;   // with an outlet from the URL
  size_t named = 0;      // the text alone names one (score over the threshold)
  size_t right = 0;      // of those, the URL's
  size_t names_own = 0;  // the text holds the URL outlet's name as a whole word
  size_t found_own = 0;  // of those, one is named
  size_t reachable = 0;  // a candidate of the article is the URL's outlet
};

struct OwnOutletTrained {
  std::unique_ptr<OwnOutletModel> model;
  size_t train_candidates = 0;
  OwnOutletFigures cv, dev;  // cv: out-of-fold on train (folds by article) at the chosen threshold
  // As the pipeline decides: the hand rules' name (OwnOutletByRules), else the model's.
  OwnOutletFigures cv_with_rules, dev_with_rules;
  // Out-of-fold with the outlets held out (folds by URL outlet): at the chosen threshold, and
  // at the threshold this cross-validation alone would choose.
  OwnOutletFigures cv_outlets, cv_outlets_own;
  float cv_outlets_threshold = 0.0f;
};

Result<OwnOutletTrained> TrainOwnOutlet(const OwnOutletOptions& options);

}  // namespace hearsay::extract::train
