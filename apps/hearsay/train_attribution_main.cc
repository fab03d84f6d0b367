// hearsay train attribution [--shared DIR] [--out FILE] [--seed N] [--epochs N] [--min-count N]
#include <cstdio>
#include <iostream>

#include "app.h"
#include "commands.h"
#include "common/file_io.h"
#include "common/sha256.h"
#include "extract/train/train.h"
#include "train_registry.h"

namespace hearsay::app {
namespace {

struct TrainAttributionOptions {
  extract::train::Options train;
  std::string shared = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/../../shared";
  std::string out = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/attribution.hsa";
};

int RunTrainAttribution(TrainAttributionOptions& o) {
  o.train.polnear_dir = o.shared + "/data/polnear";
  if (o.train.models_dir.empty()) o.train.models_dir = std::string(HEARSAY_DEFAULT_MODELS_DIR);
  auto r = extract::train::Train(o.train);
  if (!r.ok()) return Fail(r.status());
  r->model->provenance = "PolNeAR v1.0.0 train (first annotator per article; research use); hearsay train attribution "
                         "--epochs " + std::to_string(o.train.epochs) + " --seed " + std::to_string(o.train.seed) +
                         " --min-count " + std::to_string(o.train.min_count) + " --min-rate " + std::to_string(o.train.min_rate) +
                         " --span-epochs " + std::to_string(o.train.span_epochs) + " --cue-beta " + std::to_string(o.train.cue_beta) + " --keep-cost " +
                         std::to_string(o.train.keep_cost) + "; span parts over models/ner.hsm and models/parser.hsp";
  std::string bytes = r->model->Serialize();
  Status s = WriteWholeFile(o.out, bytes);
  if (!s.ok()) return Fail(s);
  auto back = extract::AttributionModel::FromBytes(bytes, o.out);
  if (!back.ok()) return Fail(back.status());
  std::printf("train: %zu articles, %zu candidate tokens, vocabulary %zu words\n", r->train_articles,
              r->train_examples, r->model->vocabulary.size());
  std::printf("dev: %zu articles, cue tokens P %.3f R %.3f F1 %.3f at threshold %.3f (%zu gold cue tokens, %zu outside "
              "the vocabulary)\n",
              r->dev_articles, r->dev_precision, r->dev_recall, r->dev_f1, r->model->threshold, r->dev_gold_tokens,
              r->dev_gold_outside_vocabulary);
  std::printf("quote speakers: cues over %.3f (best cue-token F1 on dev)\n", r->model->quote_threshold);
  std::printf("span parts: start examples train %zu, dev %zu: ranked start right %zu (the passes' own start %zu)\n",
              r->start_train_examples, r->start_dev_examples, r->start_dev_right, r->start_dev_right_passes);
  std::printf("span parts: end examples train %zu, dev %zu: ranked end right %zu (%.1f%%; the passes' own end %zu, "
              "%.1f%%)\n",
              r->end_train_examples, r->end_dev_examples, r->end_dev_right,
              r->end_dev_examples ? 100.0 * double(r->end_dev_right) / double(r->end_dev_examples) : 0.0,
              r->end_dev_right_passes,
              r->end_dev_examples ? 100.0 * double(r->end_dev_right_passes) / double(r->end_dev_examples) : 0.0);
  std::printf("keep: train %zu examples; dev %zu sharing a gold content, %zu not: threshold %.3f drops %zu and %zu\n",
              r->keep_train_examples, r->keep_dev_pos, r->keep_dev_neg, r->model->keep_threshold, r->keep_dev_pos_dropped,
              r->keep_dev_neg_dropped);
  std::cout << "model " << o.out << " " << bytes.size() << " bytes sha256 " << Sha256Hex(bytes) << "\n";
  return kExitOk;
}

Runner AddTrainAttribution(CLI::App& train) {
  auto o = std::make_shared<TrainAttributionOptions>();
  CLI::App* cmd = train.add_subcommand("attribution", "Train the attribution cue model on PolNeAR -> models/attribution.hsa");
  cmd->add_option("--shared", o->shared, "Folder holding data/polnear")->capture_default_str();
  cmd->add_option("--out", o->out, "Model file to write")->capture_default_str();
  cmd->add_option("--seed", o->train.seed, "Shuffling seed")->capture_default_str();
  cmd->add_option("--epochs", o->train.epochs, "Perceptron epochs")->capture_default_str();
  cmd->add_option("--min-count", o->train.min_count, "Gold cue tokens a word needs to be a candidate")->capture_default_str();
  cmd->add_option("--min-rate", o->train.min_rate, "Share of a word's tokens inside gold cues it needs")->capture_default_str();
  cmd->add_option("--models", o->train.models_dir, "Folder holding ner.hsm and parser.hsp (default: the models folder)");
  cmd->add_option("--span-epochs", o->train.span_epochs, "Perceptron epochs of the end and keep parts")->capture_default_str();
  cmd->add_option("--cue-beta", o->train.cue_beta, "The cue threshold maximises F-beta of cue tokens on dev")
      ->capture_default_str();
  cmd->add_option("--keep-cost", o->train.keep_cost, "Cost of dropping a true attribution on dev against a false one")
      ->capture_default_str();
  return [o] { return RunTrainAttribution(*o); };
}

static TrainRegistrar kTrainAttribution("attribution", AddTrainAttribution);

}  // namespace
}  // namespace hearsay::app
