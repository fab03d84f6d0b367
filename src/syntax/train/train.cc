#include "syntax/train/train.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>

#include "syntax/train/inventory.h"

namespace hearsay::syntax::train {
namespace {

// Seeded generator with its own shuffle (std::shuffle's algorithm is not specified).
class Rng {
 public:
  explicit Rng(uint64_t seed) : gen_(seed) {}
  double Uniform() { return double(gen_() >> 11) * (1.0 / 9007199254740992.0); }
  void Shuffle(std::vector<size_t>* v) {
    for (size_t i = v->size(); i > 1; --i) std::swap((*v)[i - 1], (*v)[gen_() % i]);
  }

 private:
  std::mt19937_64 gen_;
};

std::vector<size_t> Range(size_t n) {
  std::vector<size_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = i;
  return v;
}

void Log(const Options& o, const char* fmt, double a = 0, double b = 0, double c = 0) {
  if (!o.verbose) return;
  std::fprintf(stderr, fmt, a, b, c);
  std::fflush(stderr);
}

LinearModel TrainTagger(const std::vector<TrainSentence>& data, const std::vector<size_t>& ids, int classes,
                        int epochs, float prune, Rng* rng) {
  LinearModel m(classes);
  std::vector<size_t> order = ids;
  uint64_t feats[kMaxTagFeatures];
  std::vector<float> scores(static_cast<size_t>(classes));
  std::vector<int> tags;
  for (int e = 0; e < epochs; ++e) {
    rng->Shuffle(&order);
    for (size_t id : order) {
      const TrainSentence& s = data[id];
      tags.assign(s.info.size(), 0);
      for (size_t i = 0; i < s.info.size(); ++i) {
        int n = TagFeatures(s.info, i, tags.data(), feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        m.Score(feats, size_t(n), scores.data());
        int guess = int(std::max_element(scores.begin(), scores.end()) - scores.begin());
        m.Update(feats, size_t(n), s.tag[i], guess);
        tags[i] = guess;
      }
    }
  }
  m.Finalize(prune);
  return m;
}

// Tags for every training sentence from models that did not see it (k folds).
void Jackknife(std::vector<TrainSentence>* data, int classes, const Options& o, Rng* rng) {
  const size_t folds = size_t(std::max(2, o.folds));
  for (size_t f = 0; f < folds; ++f) {
    std::vector<size_t> in, out;
    for (size_t i = 0; i < data->size(); ++i) (i % folds == f ? out : in).push_back(i);
    LinearModel m = TrainTagger(*data, in, classes, o.tagger_epochs, o.prune, rng);
    for (size_t i : out) TagSentence(m, classes, nullptr, (*data)[i].info, &(*data)[i].pred_tag);
    Log(o, "  jackknife fold %.0f of %.0f done\n", double(f + 1), double(folds));
  }
}

int MinCostMove(const ParseState& s, const std::vector<int>& gold, const float* scores, int* pred) {
  int cost[kNumMoves];
  int best_cost = 1 << 30;
  for (int m = 0; m < kNumMoves; ++m) {
    cost[m] = s.Legal(Move(m)) ? MoveCost(s, gold, Move(m)) : -1;
    if (cost[m] >= 0) best_cost = std::min(best_cost, cost[m]);
  }
  int gold_move = -1;
  *pred = -1;
  for (int m = 0; m < kNumMoves; ++m) {
    if (cost[m] < 0) continue;
    if (*pred < 0 || scores[m] > scores[*pred]) *pred = m;
    if (cost[m] == best_cost && (gold_move < 0 || scores[m] > scores[gold_move])) gold_move = m;
  }
  return cost[*pred] > best_cost ? gold_move : *pred;
}

void TrainParserEpoch(const std::vector<TrainSentence>& data, const ParserModel& inv, int epoch, const Options& o,
                      LinearModel* m, Rng* rng) {
  std::vector<size_t> order = Range(data.size());
  rng->Shuffle(&order);
  uint64_t feats[kMaxParseFeatures];
  std::vector<ParseWord> pw;
  for (size_t id : order) {
    const TrainSentence& ts = data[id];
    ToParseWords(ts, ts.pred_tag, inv, &pw);
    ParseState s(int(pw.size()));
    while (!s.Terminal()) {
      float scores[kNumMoves] = {0, 0, 0};
      int n = ParseFeatures(pw, s, feats);
      m->Score(feats, size_t(n), scores);
      int pred;
      int gold = MinCostMove(s, ts.proj_head, scores, &pred);
      m->Update(feats, size_t(n), gold, pred);
      bool follow = epoch > 0 && rng->Uniform() < o.explore;
      s.Apply(Move(follow ? pred : gold));
    }
  }
}

LinearModel TrainLabeller(const std::vector<TrainSentence>& data, const ParserModel& inv, const Options& o, Rng* rng) {
  LinearModel m(int(inv.label_names.size()));
  std::vector<size_t> order = Range(data.size());
  uint64_t feats[kMaxLabelFeatures];
  std::vector<float> scores(inv.label_names.size());
  std::vector<ParseWord> pw;
  std::vector<int> labels;
  for (int e = 0; e < o.labeller_epochs; ++e) {
    rng->Shuffle(&order);
    for (size_t id : order) {
      const TrainSentence& ts = data[id];
      ToParseWords(ts, ts.pred_tag, inv, &pw);
      auto children = ChildrenOf(ts.head);
      labels.assign(pw.size(), -1);
      for (size_t d = 0; d < pw.size(); ++d) {
        if (ts.head[d] >= int(pw.size())) { labels[d] = 0; continue; }
        int k = LabelFeatures(ts.info, pw, ts.head, labels, children, int(d), feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        m.Score(feats, size_t(k), scores.data());
        scores[0] = -1e30f;
        int guess = int(std::max_element(scores.begin(), scores.end()) - scores.begin());
        m.Update(feats, size_t(k), ts.label[d], guess);
        labels[d] = guess;
      }
    }
    Log(o, "  labeller epoch %.0f\n", double(e + 1));
  }
  m.Finalize(o.prune);
  return m;
}

double DevUas(const std::vector<TrainSentence>& dev, const ParserModel& inv, const LinearModel& m) {
  size_t ok = 0, all = 0;
  std::vector<ParseWord> pw;
  std::vector<int> head;
  for (const TrainSentence& ts : dev) {
    ToParseWords(ts, ts.pred_tag, inv, &pw);
    ParseSentence(m, pw, &head);
    for (size_t i = 0; i < head.size(); ++i, ++all) ok += head[i] == ts.head[i];
  }
  return all ? double(ok) / double(all) : 0.0;
}

}  // namespace

Result<std::unique_ptr<ParserModel>> Train(const Options& o) {
  auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  auto train = ReadConllu(o.train_path);
  if (!train.ok()) return train.status();
  std::vector<GoldSentence> dev_gold;
  if (!o.dev_path.empty()) {
    auto dev = ReadConllu(o.dev_path);
    if (!dev.ok()) return dev.status();
    dev_gold = std::move(dev).value();
  }
  auto model = std::make_unique<ParserModel>();
  Status st = BuildInventory(*train, model.get());
  if (!st.ok()) return st;
  BuildMultiwords(*train, &model->multiword);
  BuildLemmatizer(*train, model.get());
  if (!o.cluster_text_path.empty()) {
    st = BuildClusters(o.cluster_text_path, *train, o.seed, &model->clusters);
    if (!st.ok()) return st;
  }
  std::vector<TrainSentence> data = MakeTrainSentences(*train, *model);
  model->tag_dictionary = BuildTagDictionary(data);
  model->ambiguity = BuildAmbiguityClasses(data);
  for (auto& ts : data) model->FillClusters(&ts.info);  // now with ambiguity classes
  std::vector<TrainSentence> dev = MakeTrainSentences(dev_gold, *model);
  Log(o, "inventory: %.0f XPOS, %.0f labels, %.0f tag classes\n", double(model->xpos_names.size()),
      double(model->label_names.size()), double(model->tag_classes.size()));
  Rng rng(o.seed);
  const int classes = int(model->tag_classes.size());
  Jackknife(&data, classes, o, &rng);
  model->tagger = TrainTagger(data, Range(data.size()), classes, o.tagger_epochs, o.prune, &rng);
  for (auto& ts : dev) TagSentence(model->tagger, classes, &model->tag_dictionary, ts.info, &ts.pred_tag);
  Log(o, "tagger done (%.1f s)\n", elapsed());
  LinearModel parser(kNumMoves);
  for (int e = 0; e < o.parser_epochs; ++e) {
    TrainParserEpoch(data, *model, e, o, &parser, &rng);
    Log(o, "  parser epoch %.0f: dev UAS (current weights) %.4f (%.1f s)\n", double(e + 1),
        dev.empty() ? 0.0 : DevUas(dev, *model, parser), elapsed());
  }
  parser.Finalize(o.prune);
  model->transitions = std::move(parser);
  model->labeller = TrainLabeller(data, *model, o, &rng);
  Log(o, "trained in %.1f s\n", elapsed());
  if (o.verbose) std::fprintf(stderr, "%s\n", model->SizeReport().c_str());
  return model;
}

}  // namespace hearsay::syntax::train
