// hearsay train ner [--shared DIR] [--data DIR] [--out FILE] [--epochs N] [--folds N] [--fold-epochs N] [--seed N]
#include <iostream>

#include "app.h"
#include "commands.h"
#include "entities/train/train.h"
#include "train_registry.h"

namespace hearsay::app {
namespace {

Runner AddTrainNer(CLI::App& train) {
  auto o = std::make_shared<entities::train::TrainOptions>();
  o->data_dir = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/../data";
  o->out_path = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/ner.hsm";
  o->shared_dir = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/../../shared";
  CLI::App* cmd = train.add_subcommand("ner", "Train the entity tagger from ../shared/data and write models/ner.hsm");
  cmd->add_option("--shared", o->shared_dir, "Folder holding data/conll2003, data/us_names, ...")->capture_default_str();
  cmd->add_option("--data", o->data_dir, "The project's data/ folder (phrase lists)")->capture_default_str();
  cmd->add_option("--out", o->out_path, "Model file to write")->capture_default_str();
  cmd->add_option("--epochs", o->epochs, "Perceptron epochs")->capture_default_str()->check(CLI::Range(1, 100));
  cmd->add_option("--folds", o->folds, "Stage-1 folds (by document) that give stage 2 its input")
      ->capture_default_str()->check(CLI::Range(2, 20));
  cmd->add_option("--fold-epochs", o->fold_epochs, "Perceptron epochs of each fold model")
      ->capture_default_str()->check(CLI::Range(1, 100));
  cmd->add_option("--seed", o->seed, "Shuffling and projection seed")->capture_default_str();
  cmd->add_option("--hash-bits", o->hash_bits, "Feature buckets = 2^bits")->capture_default_str()->check(CLI::Range(16, 24));
  cmd->add_flag("!--no-wnut", o->use_wnut, "Train on CoNLL-2003 only");
  cmd->add_flag("--quiet,-q", [o](int64_t) { o->verbose = false; }, "No progress on stderr");
  return [o] {
    auto report = entities::train::TrainNer(*o);
    if (!report.ok()) return Fail(report.status());
    std::cout << "testa (CoNLL types, exact spans):\n" << report->dev.ToString() << "model " << o->out_path << " "
              << report->model_bytes << " bytes sha256 " << report->sha256 << " in " << report->seconds << " s\n";
    return kExitOk;
  };
}

static TrainRegistrar kTrainNer("ner", AddTrainNer);

}  // namespace
}  // namespace hearsay::app
