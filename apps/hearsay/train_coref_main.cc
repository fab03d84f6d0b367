// hearsay train coref [--shared DIR] [--out FILE] [--iterations N] [--l2 X] [--rate X] [--models DIR]
#include <cstdio>
#include <iostream>

#include "app.h"
#include "commands.h"
#include "common/file_io.h"
#include "common/sha256.h"
#include "resolve/train/train.h"
#include "train_registry.h"

namespace hearsay::app {
namespace {

struct TrainCorefOptions {
  resolve::train::Options train;
  std::string shared = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/../../shared";
  std::string out = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/coref.hsc";
};

void PrintScore(const char* what, const resolve::train::Score& s) {
  auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
  std::printf("dev %s: %zu documents, %zu pronouns, right %zu (%.1f%%); with a gold candidate %zu, right %zu (%.1f%%), "
              "missed %zu; wrong person %zu\n",
              what, s.documents, s.pronouns, s.right, pct(s.right, s.pronouns), s.resolvable, s.resolvable_right,
              pct(s.resolvable_right, s.resolvable), s.missed, s.wrong_person);
}

int RunTrainCoref(TrainCorefOptions& o) {
  o.train.gum_dir = o.shared + "/data/gum_coref";
  if (o.train.models_dir.empty()) o.train.models_dir = std::string(HEARSAY_DEFAULT_MODELS_DIR);
  auto r = resolve::train::Train(o.train);
  if (!r.ok()) return Fail(r.status());
  r->model->provenance = "GUM coreference (amir-zeldes/gum @ 72ce5ac), train split, CC BY 4.0 annotations; "
                         "hearsay train coref --iterations " + std::to_string(o.train.iterations) +
                         " --l2 " + std::to_string(o.train.l2) + " --rate " + std::to_string(o.train.rate) +
                         " --none-weight " + std::to_string(o.train.none_weight) +
                         "; candidates over models/ner.hsm and models/parser.hsp";
  std::string bytes = r->model->Serialize();
  Status s = WriteWholeFile(o.out, bytes);
  if (!s.ok()) return Fail(s);
  auto back = resolve::CorefModel::FromBytes(bytes, o.out);
  if (!back.ok()) return Fail(back.status());
  std::printf("train: %zu documents, %zu pronouns\n", r->train_documents, r->train_pronouns);
  PrintScore("ranker", r->dev_model);
  PrintScore("nearest-person rule", r->dev_rules);
  std::cout << "model " << o.out << " " << bytes.size() << " bytes sha256 " << Sha256Hex(bytes) << "\n";
  return kExitOk;
}

Runner AddTrainCoref(CLI::App& train) {
  auto o = std::make_shared<TrainCorefOptions>();
  CLI::App* cmd = train.add_subcommand("coref", "Train the pronoun ranker on GUM -> models/coref.hsc");
  cmd->add_option("--shared", o->shared, "Folder holding data/gum_coref")->capture_default_str();
  cmd->add_option("--out", o->out, "Model file to write")->capture_default_str();
  cmd->add_option("--iterations", o->train.iterations, "Full-batch AdaGrad steps")->capture_default_str();
  cmd->add_option("--l2", o->train.l2, "L2 weight on the mean log loss")->capture_default_str();
  cmd->add_option("--rate", o->train.rate, "AdaGrad step")->capture_default_str();
  cmd->add_option("--none-weight", o->train.none_weight, "Loss weight of pronouns whose answer is none")->capture_default_str();
  cmd->add_option("--models", o->train.models_dir, "Folder holding ner.hsm and parser.hsp (default: the models folder)");
  return [o] { return RunTrainCoref(*o); };
}

static TrainRegistrar kTrainCoref("coref", AddTrainCoref);

}  // namespace
}  // namespace hearsay::app
