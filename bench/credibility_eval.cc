// credibility_eval: the article credibility model (with and without the outlet prior)
// against a plain TF-IDF + logistic regression text-only baseline on GossipCop dev, side
// by side: macro-F1, accuracy, Brier score, reliability table, and label flips under
// rule-based restyling (train/trainer.h Restyle: "exclusive" removed, neutral headline,
// '!' removed). Every threshold and calibration was chosen by cross-validation on train,
// so the dev figures are held-out figures.
//
//   build/bench/credibility_eval [--data ../shared/data] [--model models/credibility.hcm] [--test FILE]
//
// The shipped model is loaded from --model and scored through the runtime path (text stage,
// the shipped tagger's mentions, ExtractFeatures); the baseline is trained here on train
// (nothing masked, furniture kept, no evidence features, no outlet prior, no restyled copies) with the
// same optimiser and cross-validated calibration. Output: Markdown on stdout.
//
//   --retrain   train the model here (with the ablation flags) instead of loading it
//   --test FILE also score a labelled JSON Lines file (e.g. the held-out GossipCop test split)
//   --cv-only   train here (with the ablation flags) and print only both heads' out-of-fold
//               figures on train: dev is not read (for choosing options without it)
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "entities/entities.h"
#include "score/article_model.h"
#include "score/train/trainer.h"
#include "text/text.h"

namespace {

using hearsay::score::train::LabeledDoc;
using hearsay::score::train::Metrics;
namespace train = hearsay::score::train;

struct Scored {
  std::string name;
  std::vector<double> scores, restyled, test;
  double threshold = 0.5;
  double cv_macro_f1 = 0;
  Metrics m;
};

void PrintComparison(const std::vector<Scored>& rows, size_t flips_n) {
  std::printf("| model | dev macro-F1 | accuracy | F1 real | F1 fake | Brier | log loss | ECE | threshold (CV) | train CV macro-F1 | label flips after restyling |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const Scored& r : rows) {
    size_t flips = 0;
    for (size_t i = 0; i < r.scores.size(); ++i) flips += (r.scores[i] >= r.threshold) != (r.restyled[i] >= r.threshold);
    std::printf("| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.2f | %.4f | %zu of %zu |\n", r.name.c_str(), r.m.macro_f1,
                r.m.accuracy, r.m.f1_real, r.m.f1_fake, r.m.brier, r.m.log_loss, r.m.ece, r.threshold, r.cv_macro_f1, flips, flips_n);
  }
}

// Scores through the runtime path: text stage, the tagger's mentions, LinearArticleModel::Score.
std::vector<double> ScoreDocs(const hearsay::score::LinearArticleModel& model, const hearsay::entities::Tagger* tagger,
                              const std::vector<LabeledDoc>& docs) {
  std::vector<double> out;
  for (const LabeledDoc& d : docs) {
    hearsay::DocumentAnalysis a;
    a.layout = hearsay::text::AnalyzeText(d.doc);
    hearsay::entities::FindMentions(d.doc, a.layout, tagger, &a.mentions);
    out.push_back(model.Score(d.doc, a, nullptr));
  }
  return out;
}

bool ParseFlags(int argc, char** argv, std::string* data, std::string* model_path, std::string* test, bool* retrain,
                bool* cv_only, train::TrainOptions* full) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--data") *data = next();
    else if (a == "--model") *model_path = next();
    else if (a == "--test") *test = next();
    else if (a == "--retrain") *retrain = true;
    else if (a == "--cv-only") *cv_only = true;
    else if (a == "--epochs") full->epochs = std::stoi(next());
    else if (a == "--lr") full->learning_rate = std::stod(next());
    else if (a == "--no-dense") full->use_dense = false;
    else if (a == "--no-augment") full->augment_restyled = false;
    else if (a == "--no-tfidf") full->tfidf = false;
    else if (a == "--average-epochs") full->average_epochs = std::stoi(next());
    else if (a == "--folds") full->folds = std::stoi(next());
    else if (a == "--stack-l2") full->stack_l2 = std::stod(next());
    else if (a == "--prior-pseudo") full->prior_pseudo = std::stod(next());
    else if (a == "--hash-bits") full->hash_bits = static_cast<uint32_t>(std::stoul(next()));
    else if (a == "--l2") full->l2 = std::stod(next());
    else {
      std::fprintf(stderr, "usage: credibility_eval [--data DIR] [--model FILE] [--test FILE] [--retrain|--cv-only [--epochs N] [--lr X] [--l2 X] [--hash-bits B] [--no-dense] [--no-augment] [--no-tfidf] [--folds N] [--stack-l2 X] [--prior-pseudo M] [--average-epochs N]]\n");
      return false;
    }
  }
  return true;
}

// --cv-only: trains on train alone and prints both heads' out-of-fold figures.
int CrossValidateOnly(const std::string& data, const train::TrainOptions& o) {
  auto lex = train::ReadLexicons(data + "/hedge_lexicon");
  auto trn = train::ReadLabeled(data + "/gossipcop/gossipcop_train.jsonl", 0);
  auto tagger = hearsay::entities::LoadTagger(HEARSAY_SOURCE_DIR "/models");
  for (const hearsay::Status* s : {&lex.status(), &trn.status(), &tagger.status()})
    if (!s->ok()) return std::fprintf(stderr, "credibility_eval: %s\n", s->ToString().c_str()), 1;
  auto t = train::TrainArticleModel(*trn, {}, *lex, tagger->get(), o);
  if (!t.ok()) return std::fprintf(stderr, "credibility_eval: %s\n", t.status().ToString().c_str()), 1;
  for (size_t head : {hearsay::score::kWithPrior, hearsay::score::kWithoutPrior})
    std::printf("train %d-fold CV, %s outlet prior: threshold %.2f  %s\n", o.folds, head == hearsay::score::kWithPrior ? "with" : "without",
                t->model->params().heads[head].threshold, train::FormatMetrics(t->cv[head]).c_str());
  return 0;
}

// The dev articles, their restyled copies, an optional test file, and their labels.
struct EvalSets {
  std::vector<LabeledDoc> dev, restyled, test;
  std::vector<int> labels, test_labels;
  size_t real = 0;
};

// The baseline: TF-IDF (1 + log tf) * idf over title/body word uni+bigrams and headline
// characters, L2-normalised, logistic regression; names not masked, nothing else.
hearsay::Result<Scored> ScoreBaseline(const std::vector<LabeledDoc>& trn, const hearsay::score::Lexicons& lex, const EvalSets& e) {
  train::TrainOptions o;
  o.use_dense = false;
  o.use_prior = false;
  o.augment_restyled = false;
  o.mask = false;
  auto t = train::TrainArticleModel(trn, {}, lex, nullptr, o);
  if (!t.ok()) return t.status();
  Scored s;
  s.name = "baseline TF-IDF + LR (text only, names not masked)";
  s.scores = t->Score(e.dev);
  s.restyled = t->Score(e.restyled);
  s.test = t->Score(e.test);
  s.threshold = t->threshold;
  s.cv_macro_f1 = t->cv[hearsay::score::kWithPrior].macro_f1;
  s.m = train::ComputeMetrics(s.scores, e.labels, s.threshold);
  return s;
}

// Both heads of the article model (with and without the outlet prior).
std::vector<Scored> ScoreHeads(hearsay::score::LinearArticleModel& model, const hearsay::entities::Tagger* tagger,
                               const EvalSets& e, bool retrained) {
  std::vector<Scored> rows;
  for (bool prior : {true, false}) {
    model.UseOutletPrior(prior);
    Scored s;
    s.name = std::string("hearsay, names masked, ") + (prior ? "with" : "without") + " outlet prior" + (retrained ? " (retrained)" : "");
    s.scores = ScoreDocs(model, tagger, e.dev);
    s.restyled = ScoreDocs(model, tagger, e.restyled);
    s.test = ScoreDocs(model, tagger, e.test);
    s.threshold = model.head().threshold;
    s.cv_macro_f1 = model.head().cv.macro_f1;
    s.m = train::ComputeMetrics(s.scores, e.labels, s.threshold);
    rows.push_back(std::move(s));
  }
  return rows;
}

void PrintReport(const std::vector<Scored>& rows, const EvalSets& e, const std::string& test_path) {
  std::printf("# GossipCop dev (held out): %zu articles (%zu real, %zu fake)\n\n", e.dev.size(), e.real, e.dev.size() - e.real);
  PrintComparison(rows, e.dev.size());
  for (const Scored& r : rows) {
    std::printf("\n## Reliability on dev: %s\n\n%s", r.name.c_str(), train::FormatReliability(r.m).c_str());
    std::printf("\nAt threshold 0.50: %s\n", train::FormatMetrics(train::ComputeMetrics(r.scores, e.labels, 0.5)).c_str());
  }
  if (!e.test.empty()) {
    std::printf("\n## %s (%zu articles)\n\n", test_path.c_str(), e.test.size());
    for (const Scored& r : rows)
      std::printf("- %s: %s\n", r.name.c_str(), train::FormatMetrics(train::ComputeMetrics(r.test, e.test_labels, r.threshold)).c_str());
  }
}

int Fail(const hearsay::Status& s) { return std::fprintf(stderr, "credibility_eval: %s\n", s.ToString().c_str()), 1; }

}  // namespace

int main(int argc, char** argv) {
  std::string data = HEARSAY_SHARED_DIR "/data";
  std::string model_path = HEARSAY_SOURCE_DIR "/models/credibility.hcm";
  std::string test_path;
  bool retrain = false, cv_only = false;
  train::TrainOptions full;
  if (!ParseFlags(argc, argv, &data, &model_path, &test_path, &retrain, &cv_only, &full)) return 2;
  if (cv_only) return CrossValidateOnly(data, full);
  auto t0 = std::chrono::steady_clock::now();
  auto lex = train::ReadLexicons(data + "/hedge_lexicon");
  auto trn = train::ReadLabeled(data + "/gossipcop/gossipcop_train.jsonl", 0);
  auto dev = train::ReadLabeled(data + "/gossipcop/gossipcop_dev.jsonl", 0);
  auto test = train::ReadLabeled(test_path.empty() ? data + "/gossipcop/gossipcop_dev.jsonl" : test_path, test_path.empty() ? 1 : 0);
  auto tagger = hearsay::entities::LoadTagger(HEARSAY_SOURCE_DIR "/models");
  for (const hearsay::Status* s : {&lex.status(), &trn.status(), &dev.status(), &test.status(), &tagger.status()})
    if (!s->ok()) return Fail(*s);
  EvalSets e;
  e.dev = std::move(*dev);
  if (!test_path.empty()) e.test = std::move(*test);
  for (const LabeledDoc& d : e.dev) {
    e.labels.push_back(d.label);
    e.real += d.label;
    e.restyled.push_back({train::Restyle(d.doc), d.label});
  }
  for (const LabeledDoc& d : e.test) e.test_labels.push_back(d.label);

  // The article model: the shipped file, or retrained here.
  std::unique_ptr<hearsay::score::LinearArticleModel> model;
  if (retrain) {
    auto t = train::TrainArticleModel(*trn, e.dev, *lex, tagger->get(), full);
    if (!t.ok()) return Fail(t.status());
    model = std::move(t->model);
  } else {
    auto m = hearsay::score::LoadArticleModelFile(model_path);
    if (!m.ok()) return Fail(m.status());
    model = std::move(m).value();
  }
  std::vector<Scored> rows = ScoreHeads(*model, tagger->get(), e, retrain);
  auto baseline = ScoreBaseline(*trn, *lex, e);
  if (!baseline.ok()) return Fail(baseline.status());
  rows.push_back(std::move(baseline).value());
  PrintReport(rows, e, test_path);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "credibility_eval: %.1f s\n", secs);
  return 0;
}
