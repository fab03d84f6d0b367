#pragma once
// Training the parser model (`hearsay train parser`) from UD English EWT.
//
// Steps (docs/syntax.md): inventories of XPOS tags, labels and UPOS+XPOS classes from
// train; multi-word tokens and hyphen prefixes from train; a lemmatiser (exceptions and
// suffix rules per XPOS); the tagger (averaged perceptron, greedy); tags for the parser's
// and labeller's training data by k-fold jackknifing; the arc-hybrid parser with a dynamic
// oracle and exploration on projectivised trees; the arc labeller on gold trees. Dev
// figures are printed after training.
//
// Deterministic for the same data, options and seed (single-threaded).

#include <cstdint>
#include <memory>
#include <string>

#include "hearsay/status.h"
#include "syntax/conllu.h"
#include "syntax/internal/model.h"

namespace hearsay::syntax::train {

struct Options {
  std::string train_path;        // en_ewt-ud-train.conllu
  std::string dev_path;          // en_ewt-ud-dev.conllu ("" = no dev figures)
  std::string cluster_text_path; // optional JSON Lines with a "text" field (GossipCop) for word clusters
  int tagger_epochs = 8;
  int parser_epochs = 15;
  int labeller_epochs = 8;
  int folds = 5;                 // jackknifing folds for the parser's input tags
  double explore = 0.9;          // probability of following a wrong prediction (after epoch 1)
  float prune = 1.0f;            // weights with |average| <= prune are dropped (docs/syntax.md)
  uint32_t seed = 20261207;
  bool verbose = true;
};

Result<std::unique_ptr<ParserModel>> Train(const Options& options);

}  // namespace hearsay::syntax::train
