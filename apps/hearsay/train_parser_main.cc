// hearsay train parser [--shared DIR] [--out FILE] [--seed N] [--*-epochs N]
#include <iostream>

#include "app.h"
#include "commands.h"
#include "common/file_io.h"
#include "common/sha256.h"
#include "syntax/conllu.h"
#include "syntax/train/train.h"
#include "train_registry.h"

namespace hearsay::app {
namespace {

struct TrainParserOptions {
  syntax::train::Options train;
  std::string shared = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/../../shared";
  std::string out = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/parser.hsp";
  bool no_clusters = false;
};

void PrintScores(const char* what, const syntax::Scores& s) {
  std::printf("%s: UPOS %.4f  XPOS %.4f  Lemmas %.4f  UAS %.4f  LAS %.4f (%zu words)\n", what, s.F(s.upos),
              s.F(s.xpos), s.F(s.lemma), s.F(s.uas), s.F(s.las), s.gold);
}

int RunTrainParser(TrainParserOptions& o) {
  const std::string ewt = o.shared + "/data/ud_english_ewt/";
  o.train.train_path = ewt + "en_ewt-ud-train.conllu";
  o.train.dev_path = ewt + "en_ewt-ud-dev.conllu";
  if (!o.no_clusters) o.train.cluster_text_path = o.shared + "/data/gossipcop/gossipcop_train.jsonl";
  auto model = syntax::train::Train(o.train);
  if (!model.ok()) return Fail(model.status());
  (*model)->provenance = "UD English EWT v2.15 train (CC BY-SA 4.0; this model is a derived work)" +
                         std::string(o.no_clusters ? "" : " + word classes from GossipCop train texts") +
                         "; hearsay train parser --seed " + std::to_string(o.train.seed);
  std::string bytes = (*model)->Serialize();
  Status s = WriteWholeFile(o.out, bytes);
  if (!s.ok()) return Fail(s);
  auto parser = syntax::Parser::FromBytes(bytes, o.out);
  if (!parser.ok()) return Fail(parser.status());
  auto dev = syntax::ReadConllu(o.train.dev_path);
  if (!dev.ok()) return Fail(dev.status());
  PrintScores("dev, gold words", syntax::EvaluateGoldWords(**parser, *dev, nullptr));
  PrintScores("dev, own words ", syntax::EvaluateOwnWords(**parser, *dev));
  std::cout << "model " << o.out << " " << bytes.size() << " bytes sha256 " << Sha256Hex(bytes) << "\n";
  return kExitOk;
}

Runner AddTrainParser(CLI::App& train) {
  auto o = std::make_shared<TrainParserOptions>();
  CLI::App* cmd = train.add_subcommand("parser", "Train the tagger, parser and labeller on UD English EWT -> models/parser.hsp");
  cmd->add_option("--shared", o->shared, "Folder holding data/ud_english_ewt and data/gossipcop")->capture_default_str();
  cmd->add_option("--out", o->out, "Model file to write")->capture_default_str();
  cmd->add_option("--seed", o->train.seed, "Shuffling and exploration seed")->capture_default_str();
  cmd->add_option("--tagger-epochs", o->train.tagger_epochs, "Tagger epochs")->capture_default_str();
  cmd->add_option("--parser-epochs", o->train.parser_epochs, "Parser epochs")->capture_default_str();
  cmd->add_option("--labeller-epochs", o->train.labeller_epochs, "Labeller epochs")->capture_default_str();
  cmd->add_option("--folds", o->train.folds, "Jackknifing folds for the parser's input tags")->capture_default_str();
  cmd->add_option("--explore", o->train.explore, "Probability of following a wrong prediction")->capture_default_str();
  cmd->add_option("--prune", o->train.prune, "Drop averaged weights with |w| at most this")->capture_default_str();
  cmd->add_flag("--no-clusters", o->no_clusters, "No word classes from GossipCop text");
  cmd->add_flag("--quiet,-q", [o](int64_t) { o->train.verbose = false; }, "No progress on stderr");
  return [o] { return RunTrainParser(*o); };
}

static TrainRegistrar kTrainParser("parser", AddTrainParser);

}  // namespace
}  // namespace hearsay::app
