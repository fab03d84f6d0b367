#pragma once
// Training and evaluation of the entity tagger (library hearsay_entities_train; the
// runtime stage does not link it).
//
//   TrainOptions o;
//   o.shared_dir = "../shared";  o.out_path = "models/ner.hsm";
//   auto report = TrainNer(o);          // reads ../shared/data, writes the model
//   if (!report.ok()) ...;
//   std::cout << report->dev.ToString();
//
// Determinism: the same options and data give a byte-identical model (fixed seed, sorted
// tables, no threads).
//
// Data read (see models/README.md): conll2003/eng.train (training, IOB1 -> IOB2),
// conll2003/eng.testa (evaluation only), wnut17/wnut17train.conll (optional extra
// training, creative-work -> WORK), us_names (first names and surnames), the phrase lists
// under data/ (outlets, works) and gossipcop/gossipcop_train.jsonl (common-word statistics).

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "entities/gazetteer.h"
#include "entities/model.h"
#include "hearsay/status.h"

namespace hearsay::entities::train {

struct LabeledSentence {
  std::vector<std::string> tokens;
  std::vector<int> labels;  // label ids (model.h), IOB2
  BlockKind block = BlockKind::kBody;
};
using LabeledDocument = std::vector<LabeledSentence>;

// CoNLL-2003 (space-separated, token first, IOB1 tag last, -DOCSTART- separates
// documents). The first sentence of each document is marked as a title block.
Result<std::vector<LabeledDocument>> ReadConll2003(const std::string& path);
// WNUT-17 (token<TAB>BIO tag); each sentence is its own document. Types map to ours:
// person PER, location LOC, corporation ORG, group ORG, creative-work WORK, product MISC.
Result<std::vector<LabeledDocument>> ReadWnut17(const std::string& path);

// Exact-span scores, conlleval style.
struct SpanCounts {
  uint64_t gold = 0, predicted = 0, correct = 0;
  double Precision() const { return predicted ? double(correct) / predicted : 0; }
  double Recall() const { return gold ? double(correct) / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};
struct Evaluation {
  SpanCounts overall;
  std::array<SpanCounts, kNumTypes> by_type;
  uint64_t tokens = 0;
  std::string ToString() const;  // one line per type present, conlleval-like
};
// Adds the spans of one sentence. With `conll_types`, OUTLET counts as ORG and WORK as MISC.
void ScoreSentence(const std::vector<int>& gold, const std::vector<int>& predicted, bool conll_types, Evaluation* eval);

// Tags every document with `model` (NerModel::TagDocument with `stages`) and scores.
Evaluation Evaluate(const NerModel& model, const std::vector<LabeledDocument>& docs, bool conll_types, int stages = 2);

struct TrainOptions {
  std::string shared_dir = "../shared";  // holds data/conll2003 etc.
  std::string data_dir = "data";         // the project's data/ (phrase lists)
  std::string out_path = "models/ner.hsm";
  int epochs = 10;        // passes of the final stage-1 and stage-2 training
  int folds = 5;          // stage-1 k-fold (by document) for stage 2's training input
  int fold_epochs = 10;   // passes of each fold's stage-1 model
  uint32_t seed = 20250601;
  uint32_t hash_bits = 20;
  bool use_wnut = true;
  bool verbose = true;                   // progress on stderr
};

struct TrainReport {
  Evaluation dev;          // CoNLL-2003 testa, four CoNLL types
  Evaluation dev_stage1;   // the same with stage 1 only
  uint64_t train_sentences = 0;
  uint64_t model_bytes = 0;
  std::string sha256;      // of the model file
  double seconds = 0;
};

// Builds the gazetteer (us_names, data/ lists, common words from gossipcop).
Result<Gazetteer> BuildGazetteer(const TrainOptions& options);

// Trains, evaluates on testa and writes the model to options.out_path.
Result<TrainReport> TrainNer(const TrainOptions& options);

}  // namespace hearsay::entities::train
