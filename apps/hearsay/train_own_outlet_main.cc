// hearsay train own-outlet [--shared DIR] [--models DIR] [--out FILE] [--seed N] [--epochs N] [--folds N] [--precision P]
#include <cstdio>
#include <iostream>

#include "app.h"
#include "commands.h"
#include "common/file_io.h"
#include "common/sha256.h"
#include "extract/train/own_outlet_train.h"
#include "train_registry.h"

namespace hearsay::app {
namespace {

struct TrainOwnOutletOptions {
  extract::train::OwnOutletOptions train;
  std::string shared = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/../../shared";
  std::string out = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/own_outlet.hso";
};

void PrintFigures(const char* what, const extract::train::OwnOutletFigures& f) {
  auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
  std::printf("%s: %zu articles with an outlet from the URL (%zu with a candidate naming it); named %zu, the URL's "
              "%zu (%.1f%%); text names its URL's outlet %zu, one named for %zu (%.1f%%)\n",
              what, f.articles, f.reachable, f.named, f.right, pct(f.right, f.named), f.names_own, f.found_own,
              pct(f.found_own, f.names_own));
}

int RunTrainOwnOutlet(TrainOwnOutletOptions& o) {
  o.train.gossipcop_dir = o.shared + "/data/gossipcop";
  if (o.train.models_dir.empty()) o.train.models_dir = std::string(HEARSAY_DEFAULT_MODELS_DIR);
  auto r = extract::train::TrainOwnOutlet(o.train);
  if (!r.ok()) return Fail(r.status());
  r->model->provenance = "GossipCop train (research use; the URL's outlet as label only); hearsay train own-outlet "
                         "--epochs " + std::to_string(o.train.epochs) + " --seed " + std::to_string(o.train.seed) +
                         " --folds " + std::to_string(o.train.folds) + " --pooling " + std::to_string(o.train.pooling) + " --precision " +
                         std::to_string(o.train.precision) + "; over models/ner.hsm and models/parser.hsp";
  std::string bytes = r->model->Serialize();
  Status s = WriteWholeFile(o.out, bytes);
  if (!s.ok()) return Fail(s);
  auto back = extract::OwnOutletModel::FromBytes(bytes, o.out);
  if (!back.ok()) return Fail(back.status());
  std::printf("train: %zu candidate mentions; threshold %.3f\n", r->train_candidates, r->model->threshold);
  PrintFigures("train, cross-validated (folds by article)", r->cv);
  PrintFigures("train, cross-validated, as the pipeline decides (with the hand rules)", r->cv_with_rules);
  PrintFigures("train, cross-validated with the outlets held out, same threshold", r->cv_outlets);
  std::printf("(with the outlets held out, %.0f%% precision needs threshold %.3f:)\n", 100 * o.train.precision,
              r->cv_outlets_threshold);
  PrintFigures("train, cross-validated with the outlets held out, its own threshold", r->cv_outlets_own);
  PrintFigures("dev, the model alone", r->dev);
  PrintFigures("dev, as the pipeline decides (with the hand rules)", r->dev_with_rules);
  std::cout << "model " << o.out << " " << bytes.size() << " bytes sha256 " << Sha256Hex(bytes) << "\n";
  return kExitOk;
}

Runner AddTrainOwnOutlet(CLI::App& train) {
  auto o = std::make_shared<TrainOwnOutletOptions>();
  CLI::App* cmd = train.add_subcommand("own-outlet", "Train the own-outlet model on GossipCop -> models/own_outlet.hso");
  cmd->add_option("--shared", o->shared, "Folder holding data/gossipcop")->capture_default_str();
  cmd->add_option("--out", o->out, "Model file to write")->capture_default_str();
  cmd->add_option("--models", o->train.models_dir, "Folder holding ner.hsm and parser.hsp (default: the models folder)");
  cmd->add_option("--seed", o->train.seed, "Shuffling seed")->capture_default_str();
  cmd->add_option("--epochs", o->train.epochs, "Perceptron epochs")->capture_default_str();
  cmd->add_option("--folds", o->train.folds, "Cross-validation folds (by outlet) for the threshold")->capture_default_str();
  cmd->add_option("--pooling", o->train.pooling, "A name's score: 0 its best mention's, 1 the sum of its mentions'")
      ->capture_default_str();
  cmd->add_option("--precision", o->train.precision, "Share of named outlets right on train's cross-validation")
      ->capture_default_str();
  return [o] { return RunTrainOwnOutlet(*o); };
}

static TrainRegistrar kTrainOwnOutlet("own-outlet", AddTrainOwnOutlet);

}  // namespace
}  // namespace hearsay::app
