#pragma once
// Training of the family-relation scorer (extract/relation_scorer.h) on KBP37 and DialogRE.
//
// Every text is analysed as the pipeline does (the tagger, parser and attribution model of
// `models_dir`; in-document coreference; every sentence parsed), then
// extract::ExtractFamilyCandidates gives the family candidates with their features, with every
// pair of people of a sentence as a candidate of each family (`all_pairs`). Labels:
//   * KBP37 train (`kbp37_dir`/train.txt; one sentence per example, <e1>/<e2> marked): a
//     spouse candidate whose two people are the marked ones (a mention of each overlapping the
//     marks) is positive when the label is per:spouse, else negative; KBP37 labels no other
//     kin, so its other candidates are not examples.
//   * DialogRE train (`dialogre_dir`/train.json; a dialogue is a document, a turn a
//     paragraph): a candidate's people are matched to the argument names by name (the
//     entity's name or a name it is written with, case folded); positive when the dialogue's
//     labels say it (per:spouse; per:siblings; per:parents(x, y) = y parent of x;
//     per:children(x, y) = x parent of y), negative when both names are arguments of the
//     dialogue and no label says it.
// An averaged perceptron (syntax/internal/linear.h) over `epochs` passes, the order shuffled
// by a mt19937 seeded with `seed` (own Fisher-Yates). Single-threaded and deterministic: the
// same data and options give the same bytes. The thresholds are options (tuned on Re-DocRED
// dev with bench/extract_eval_redocred.cc, REDOCRED_SWEEP=1; no Re-DocRED file is read here).
//
//   hearsay::extract::train::RelationOptions o;
//   o.kbp37_dir = "../shared/data/kbp37"; o.dialogre_dir = "../shared/data/dialogre";
//   auto r = hearsay::extract::train::TrainRelations(o);   // r->model, r->examples ...

#include <cstdint>
#include <memory>
#include <string>

#include "extract/relation_scorer.h"
#include "hearsay/status.h"

namespace hearsay::extract::train {

struct RelationOptions {
  std::string kbp37_dir, dialogre_dir, models_dir;
  int epochs = 10;
  uint32_t seed = 20261208;
  float drop_threshold = -1e30f;
  float add_threshold = 1e30f;
};

struct RelationTrained {
  std::unique_ptr<RelationScorer> model;
  size_t kbp_sentences = 0, dialogues = 0;
  size_t positives[3] = {0, 0, 0}, negatives[3] = {0, 0, 0};  // per Family
  size_t train_right = 0, train_examples = 0;  // the final model on its own examples
};

Result<RelationTrained> TrainRelations(const RelationOptions& options);

}  // namespace hearsay::extract::train
