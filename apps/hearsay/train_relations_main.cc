// hearsay train relations [--shared DIR] [--out FILE] [--models DIR] [--seed N] [--epochs N]
//                         [--drop-threshold X] [--add-threshold X]
// The family-relation scorer (extract/relation_scorer.h) on KBP37 and DialogRE train.
#include <cstdio>
#include <iostream>

#include "app.h"
#include "commands.h"
#include "common/file_io.h"
#include "common/sha256.h"
#include "extract/train/relation_train.h"
#include "train_registry.h"

namespace hearsay::app {
namespace {

struct TrainRelationsOptions {
  extract::train::RelationOptions train;
  std::string shared = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/../../shared";
  std::string out = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/relations.hsr";
};

int RunTrainRelations(TrainRelationsOptions& o) {
  o.train.kbp37_dir = o.shared + "/data/kbp37";
  o.train.dialogre_dir = o.shared + "/data/dialogre";
  if (o.train.models_dir.empty()) o.train.models_dir = std::string(HEARSAY_DEFAULT_MODELS_DIR);
  auto r = extract::train::TrainRelations(o.train);
  if (!r.ok()) return Fail(r.status());
  char thresholds[96];
  std::snprintf(thresholds, sizeof thresholds, " --drop-threshold %.3f --add-threshold %.3f", o.train.drop_threshold,
                o.train.add_threshold);
  r->model->provenance = "KBP37 train (per:spouse; licence not stated), DialogRE v2 train (research only); hearsay train "
                         "relations --epochs " + std::to_string(o.train.epochs) + " --seed " + std::to_string(o.train.seed) +
                         thresholds + "; candidates over models/ner.hsm, parser.hsp, attribution.hsa";
  std::string bytes = r->model->Serialize();
  Status s = WriteWholeFile(o.out, bytes);
  if (!s.ok()) return Fail(s);
  auto back = extract::RelationScorer::FromBytes(bytes, o.out);
  if (!back.ok()) return Fail(back.status());
  std::printf("train: %zu KBP37 sentences, %zu DialogRE dialogues\n", r->kbp_sentences, r->dialogues);
  for (int f = 0; f < 3; ++f)
    std::printf("  %-13s %zu positive, %zu negative examples\n",
                std::string(extract::FamilyName(extract::Family(f))).c_str(), r->positives[f], r->negatives[f]);
  std::printf("the model on its own examples: %zu of %zu right\n", r->train_right, r->train_examples);
  std::cout << "model " << o.out << " " << bytes.size() << " bytes sha256 " << Sha256Hex(bytes) << "\n";
  return kExitOk;
}

Runner AddTrainRelations(CLI::App& train) {
  auto o = std::make_shared<TrainRelationsOptions>();
  CLI::App* cmd = train.add_subcommand("relations", "Train the family-relation scorer on KBP37 and DialogRE -> models/relations.hsr");
  cmd->add_option("--shared", o->shared, "Folder holding data/kbp37 and data/dialogre")->capture_default_str();
  cmd->add_option("--out", o->out, "Model file to write")->capture_default_str();
  cmd->add_option("--models", o->train.models_dir, "Folder holding ner.hsm, parser.hsp, attribution.hsa (default: the models folder)");
  cmd->add_option("--seed", o->train.seed, "Shuffling seed")->capture_default_str();
  cmd->add_option("--epochs", o->train.epochs, "Perceptron epochs")->capture_default_str();
  cmd->add_option("--drop-threshold", o->train.drop_threshold, "A rule claim scoring at or under it is dropped")
      ->capture_default_str();
  cmd->add_option("--add-threshold", o->train.add_threshold, "A new kin candidate scoring over it is added")
      ->capture_default_str();
  return [o] { return RunTrainRelations(*o); };
}

static TrainRegistrar kTrainRelations("relations", AddTrainRelations);

}  // namespace
}  // namespace hearsay::app
