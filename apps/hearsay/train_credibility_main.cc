// hearsay train credibility [--data DIR] [--out DIR] [--epochs N] [--seed S] ...:
// rebuilds models/credibility.hcm from GossipCop train (fit) and dev (calibration,
// threshold), deterministically. Metrics go to stderr; stdout stays empty.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "app.h"
#include "common/file_io.h"
#include "common/sha256.h"
#include "score/train/trainer.h"
#include "train_registry.h"

namespace hearsay::app {
namespace {

struct TrainCredibilityOptions {
  std::string data;
  std::string out;
  size_t limit = 0;
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
  std::cerr << "hearsay: training the article credibility model on " << train->size() << " articles, calibrating on " << dev->size()
            << "\n";
  score::train::TrainOptions options = o.train;
  auto trained = score::train::TrainArticleModel(*train, *dev, *lexicons, options);
  if (!trained.ok()) return Fail(trained.status());
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  std::string path = (fs::path(out_dir) / score::kArticleModelFile).string();
  std::string bytes = trained->model->Serialize();
  if (Status s = WriteWholeFile(path, bytes); !s.ok()) return Fail(s);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cerr << "dev uncalibrated at 0.50: " << score::train::FormatMetrics(trained->dev_uncalibrated) << "\n"
            << "dev at threshold 0.50: " << score::train::FormatMetrics(trained->dev_at_half) << "\n"
            << "dev at threshold " << trained->threshold << ": " << score::train::FormatMetrics(trained->dev) << "\n"
            << "wrote " << path << " (" << bytes.size() << " bytes, sha256 " << Sha256Hex(bytes) << ") in " << secs << " s\n";
  return kExitOk;
}

Runner AddTrainCredibility(CLI::App& train) {
  auto o = std::make_shared<TrainCredibilityOptions>();
  CLI::App* cmd = train.add_subcommand("credibility", "Train the article credibility model on GossipCop (train: fit; dev: calibrate)");
  cmd->add_option("--data", o->data, "The shared data folder holding gossipcop/ and hedge_lexicon/ (default: ../shared/data of the source tree)");
  cmd->add_option("--out", o->out, "Folder to write credibility.hcm to (default: the project's models/)");
  cmd->add_option("--limit", o->limit, "Use only the first N articles of train and dev (smoke runs)");
  cmd->add_option("--epochs", o->train.epochs, "Passes over the training data")->capture_default_str();
  cmd->add_option("--seed", o->train.seed, "Seed of the example order")->capture_default_str();
  cmd->add_option("--hash-bits", o->train.hash_bits, "log2 of the number of hashed weights")->check(CLI::Range(10, 26))->capture_default_str();
  cmd->add_option("--lr", o->train.learning_rate, "AdaGrad step size")->capture_default_str();
  cmd->add_option("--l2", o->train.l2, "Weight decay per update")->capture_default_str();
  cmd->add_option("--jobs", o->train.jobs, "Threads for feature extraction (the result does not depend on it)")->capture_default_str();
  return [o] { return RunTrainCredibility(*o); };
}

static TrainRegistrar kTrainCredibility("credibility", AddTrainCredibility);

}  // namespace
}  // namespace hearsay::app
