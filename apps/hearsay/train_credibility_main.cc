// hearsay train credibility [--data DIR] [--out DIR] [--epochs N] [--seed S] ...:
// rebuilds models/credibility.hcm from GossipCop train (fit; calibration and threshold by
// cross-validation) with names masked by the shipped entity tagger (models/ner.hsm), and
// measures dev (held out), deterministically. Metrics go to stderr; stdout stays empty.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "app.h"
#include "common/file_io.h"
#include "common/sha256.h"
#include "entities/entities.h"
#include "score/train/trainer.h"
#include "train_registry.h"

namespace hearsay::app {
namespace {

struct TrainCredibilityOptions {
  std::string data;
  std::string out;
  size_t limit = 0;
  std::string tagger_models;
  score::train::TrainOptions train;
};

int RunTrainCredibility(const TrainCredibilityOptions& o) {
  namespace fs = std::filesystem;
  auto t0 = std::chrono::steady_clock::now();
  std::string data = o.data.empty() ? (fs::path(DefaultModelsDir()) / ".." / ".." / "shared" / "data").lexically_normal().string() : o.data;
  std::string out_dir = o.out.empty() ? DefaultModelsDir() : o.out;
  auto lexicons = score::train::ReadLexicons((fs::path(data) / "hedge_lexicon").string());
  if (!lexicons.ok()) return Fail(lexicons.status());
  auto train = score::train::ReadLabeled((fs::path(data) / "gossipcop" / "gossipcop_train.jsonl").string(), o.limit);
  if (!train.ok()) return Fail(train.status());
  auto dev = score::train::ReadLabeled((fs::path(data) / "gossipcop" / "gossipcop_dev.jsonl").string(), o.limit);
  if (!dev.ok()) return Fail(dev.status());
  auto tagger = entities::LoadTagger(o.tagger_models.empty() ? DefaultModelsDir() : o.tagger_models);
  if (!tagger.ok()) return Fail(tagger.status());
  if (!*tagger) return Fail(NotFoundError("no entity tagger (ner.hsm) to mask names with; train it first: hearsay train ner"));
  std::cerr << "hearsay: training the article credibility model on " << train->size() << " articles (names masked), measuring "
            << dev->size() << " held-out dev articles\n";
  score::train::TrainOptions options = o.train;
  auto trained = score::train::TrainArticleModel(*train, *dev, *lexicons, tagger->get(), options);
  if (!trained.ok()) return Fail(trained.status());
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  std::string path = (fs::path(out_dir) / score::kArticleModelFile).string();
  std::string bytes = trained->model->Serialize();
  if (Status s = WriteWholeFile(path, bytes); !s.ok()) return Fail(s);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const score::OutletPrior& prior = trained->model->params().prior;
  std::cerr << "outlet prior records (>= 3 training articles): " << prior.hosts.size() << " hosts, " << prior.cited.size()
            << " cited outlets, " << prior.bylines.size() << " bylines, " << prior.sections.size() << " URL sections; weights";
  for (float w : trained->model->params().heads[score::kWithPrior].prior_weight) std::cerr << " " << w;
  std::cerr << "\n";
  for (size_t head : {score::kWithPrior, score::kWithoutPrior}) {
    const char* name = head == score::kWithPrior ? "with outlet prior" : "without outlet prior";
    double thr = trained->model->params().heads[head].threshold;
    std::cerr << name << ", threshold " << thr << " (from cross-validation)\n  train 5-fold CV: " << score::train::FormatMetrics(trained->cv[head])
              << "\n  dev (held out): " << score::train::FormatMetrics(trained->dev[head]) << "\n";
  }
  std::cerr << "wrote " << path << " (" << bytes.size() << " bytes, sha256 " << Sha256Hex(bytes) << ") in " << secs << " s\n";
  return kExitOk;
}

Runner AddTrainCredibility(CLI::App& train) {
  auto o = std::make_shared<TrainCredibilityOptions>();
  CLI::App* cmd = train.add_subcommand("credibility", "Train the article credibility model on GossipCop (train: fit and cross-validated calibration; dev: held-out figures)");
  cmd->add_option("--data", o->data, "The shared data folder holding gossipcop/ and hedge_lexicon/ (default: ../shared/data of the source tree)");
  cmd->add_option("--out", o->out, "Folder to write credibility.hcm to (default: the project's models/)");
  cmd->add_option("--limit", o->limit, "Use only the first N articles of train and dev (smoke runs)");
  cmd->add_option("--tagger-models", o->tagger_models, "Folder holding ner.hsm, the tagger whose PERSON/OUTLET mentions are masked (default: the project's models/)");
  cmd->add_option("--folds", o->train.folds, "Cross-validation folds (stacking, calibration, threshold)")->check(CLI::Range(2, 20))->capture_default_str();
  cmd->add_option("--epochs", o->train.epochs, "Passes over the training data")->capture_default_str();
  cmd->add_option("--seed", o->train.seed, "Seed of the example order")->capture_default_str();
  cmd->add_option("--hash-bits", o->train.hash_bits, "log2 of the number of hashed weights")->check(CLI::Range(10, 26))->capture_default_str();
  cmd->add_option("--lr", o->train.learning_rate, "AdaGrad step size")->capture_default_str();
  cmd->add_option("--l2", o->train.l2, "Weight decay per update")->capture_default_str();
  cmd->add_option("--prior-pseudo", o->train.prior_pseudo, "Pseudo-articles at the base rate smoothing each outlet record")->capture_default_str();
  cmd->add_option("--jobs", o->train.jobs, "Threads for feature extraction (the result does not depend on it)")->capture_default_str();
  return [o] { return RunTrainCredibility(*o); };
}

static TrainRegistrar kTrainCredibility("credibility", AddTrainCredibility);

}  // namespace
}  // namespace hearsay::app
