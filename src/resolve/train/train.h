#pragma once
// Training and evaluation of the pronoun ranker (resolve/coref.h) on GUM's coreference
// (../shared/data/gum_coref, train 191 documents, dev 32; README there).
//
// Each GUM document's tokens are joined into text (spaces, no space before closing
// punctuation and clitics, quotation marks paired; the first sentence, usually the heading,
// is the headline block), then run through the pipeline's stages as `hearsay analyze` runs
// them: layout, entity tagger, parser over the sentences the pipeline selects, in-document
// resolution. Documents whose words are withheld (GUM_reddit_*, "_" tokens) are skipped.
//
// Gold: each resolved person (local entity) takes the GUM chain that most of its name
// mentions lie inside (the smallest GUM mention holding each); a pronoun's answer is the
// candidate whose entity has the pronoun's chain, else "none" (the chain's person is not
// among the candidates, or the pronoun is not about a named person).
//
// Training: each pronoun's gold answer (or "none") against the other options, a softmax over
// them, mean log loss plus L2, full-batch AdaGrad (the earlier pronouns of a document resolved
// to their gold answers while reading). Deterministic (documents in name order, features in
// key order, no shuffling): the same data and models give the same bytes. Thread safety: none needed (one thread).

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "hearsay/status.h"
#include "resolve/coref.h"

namespace hearsay::resolve::train {

struct Options {
  std::string gum_dir;     // ../shared/data/gum_coref
  std::string models_dir;  // ner.hsm and parser.hsp
  int iterations = 200;  // full-batch AdaGrad steps on the mean log loss
  double l2 = 1e-3;      // L2 weight on the mean loss
  double rate = 0.1;     // AdaGrad step
  // Weight of a pronoun whose answer is "none" in the loss. GUM's "none" also holds pronouns
  // whose person the tagger missed or names with a common noun ("the doctor"), rarer in news;
  // and an unresolved pronoun loses its claim downstream.
  double none_weight = 0.5;
};

// Pronoun accuracy on one split: `right` of `pronouns` (an entity with the pronoun's chain, or
// none when the gold answer is none); `resolvable` have a gold candidate, of which
// `resolvable_right` got it; `wrong_person` picked another person; `missed` picked none
// though a gold candidate existed.
struct Score {
  size_t documents = 0, pronouns = 0, right = 0, resolvable = 0, resolvable_right = 0, wrong_person = 0, missed = 0;
};

struct Result {
  std::unique_ptr<CorefModel> model;
  size_t train_documents = 0, train_pronouns = 0;
  Score dev_model, dev_rules;  // the ranker, and the nearest-person rule, on GUM dev
};

// Trains on train/, scores the ranker and the rule on dev/.
hearsay::Result<Result> Train(const Options& o);

// Scores `model` (null: the nearest-person rule) on the documents of `split_dir`.
hearsay::Result<Score> Evaluate(const std::string& split_dir, const std::string& models_dir, const CorefModel* model);

}  // namespace hearsay::resolve::train
