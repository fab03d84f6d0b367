// Training of the attribution model's span parts (`end`, `keep`; train.h describes the
// method) over the pipeline's own attributions on PolNeAR.
#include <algorithm>
#include <limits>
#include <memory>
#include <tuple>
#include <random>

#include "entities/entities.h"
#include "extract/extract.h"
#include "extract/internal/doc_view.h"
#include "extract/internal/passes.h"
#include "extract/lexicon.h"
#include "extract/train/train.h"
#include "resolve/resolve.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace hearsay::extract::train {
namespace {

using Span = std::pair<uint32_t, uint32_t>;

uint32_t Shared(Span a, Span b) {
  uint32_t lo = std::max(a.first, b.first), hi = std::min(a.second, b.second);
  return hi > lo ? hi - lo : 0;
}

// An article analysed as the pipeline does (pipeline.cc AnalyzeDocument), the whole text as
// body so that gold offsets count from the first byte; the passes not yet run.
DocumentAnalysis Analyze(const Document& doc, const entities::Tagger* tagger, const syntax::Parser* parser) {
  DocumentAnalysis a;
  a.layout = text::AnalyzeTextSpan(doc.text, 0, 0);
  entities::FindMentions(doc, a.layout, tagger, &a.mentions);
  std::vector<bool> select = SentencesToParse(doc, a.layout, a.mentions);
  a.syntax = parser->ParseDocument(doc.text, a.layout, &select);
  resolve::ResolveInDocument(doc, &a, {tagger ? tagger->gazetteer() : nullptr, nullptr});
  return a;
}

struct Analysed {
  Document doc;
  DocumentAnalysis base;  // before the passes
};

std::vector<Analysed> AnalyzeAll(const std::vector<Article>& arts, const entities::Tagger* tagger,
                                 const syntax::Parser* parser) {
  std::vector<Analysed> out(arts.size());
  for (size_t i = 0; i < arts.size(); ++i) {
    out[i].doc.text = arts[i].text;
    out[i].base = Analyze(out[i].doc, tagger, parser);
  }
  return out;
}

// Runs the passes with model_of[i] on a copy of each analysed article i and calls
// fn(article, view, record, cue_b, cue_e, cb, ce) for each indirect or mixed attribution.
template <typename Fn>
void ForEachAttribution(const std::vector<Article>& arts, const std::vector<Analysed>& analysed,
                        const std::vector<const AttributionModel*>& model_of, Fn fn) {
  for (size_t i = 0; i < arts.size(); ++i) {
    if (analysed[i].base.layout.tokens.empty()) continue;
    DocumentAnalysis a = analysed[i].base;
    DocView v(analysed[i].doc, &a, DefaultLexicon());
    PassState st;
    RunPasses(v, &st, model_of[i]);
    for (const AttributionRecord& r : a.attributions) {
      uint32_t cue_b, cue_e, cb, ce;
      if (r.kind == AttributionKind::kDirect || !AttributionTokens(v, r, &cue_b, &cue_e, &cb, &ce)) continue;
      fn(arts[i], v, r, cue_b, cue_e, cb, ce);
    }
  }
}

// A ranking example: the features of each candidate end, and the right one.
struct Ranked {
  std::vector<std::vector<uint64_t>> candidates;
  size_t truth = 0, passes = 0;  // passes: the candidate at the passes' own end
};

// The gold content sharing most bytes with tokens [cb, ce) ({0, 0} when none shares any).
Span GoldOf(const Article& art, const DocView& v, uint32_t cb, uint32_t ce) {
  const Span ours{v.toks[cb].byte_begin, v.toks[ce - 1].byte_end};
  Span gold{0, 0};
  for (const Span& g : art.contents)
    if (Shared(ours, g) > Shared(ours, gold)) gold = g;
  return gold;
}

// The start example of an attribution: its candidate starts, the right one the candidate whose
// first byte is nearest the start of the gold content sharing most bytes with it. False when
// it shares none.
bool StartExample(const Article& art, const DocView& v, uint32_t cue_b, uint32_t cue_e, uint32_t cb, uint32_t ce,
                  Ranked* ex) {
  const Span gold = GoldOf(art, v, cb, ce);
  if (gold.second == 0) return false;
  uint32_t best = UINT32_MAX;
  for (uint32_t b = cb; b < ce; ++b) {
    if (!IsContentStartCandidate(v, cb, b, ce)) continue;
    const uint32_t begin = v.toks[b].byte_begin;  // a start after the gold one costs more (it may lose all of it)
    const uint32_t dist = begin > gold.first ? 4 * (begin - gold.first) : gold.first - begin;
    if (dist < best) best = dist, ex->truth = ex->candidates.size();
    if (b == cb) ex->passes = ex->candidates.size();
    ex->candidates.emplace_back();
    ContentStartFeatures(v, cue_b, cue_e, cb, b, ce, &ex->candidates.back());
  }
  return !ex->candidates.empty();
}

// The end example of an attribution: its candidates, the right one the candidate whose end is
// nearest the end of the gold content sharing most bytes with it. False when it shares none.
bool EndExample(const Article& art, const DocView& v, uint32_t cue_b, uint32_t cue_e, uint32_t cb, uint32_t ce,
                Ranked* ex) {
  const Span gold = GoldOf(art, v, cb, ce);
  if (gold.second == 0) return false;
  uint32_t best = UINT32_MAX;
  for (uint32_t e = cb + 1; e <= ce; ++e) {
    if (!IsContentEndCandidate(v, cb, e, ce)) continue;
    const uint32_t end = v.toks[e - 1].byte_end;
    const uint32_t dist = end > gold.second ? end - gold.second : 4 * (gold.second - end);
    if (dist < best) best = dist, ex->truth = ex->candidates.size();
    if (e == ce) ex->passes = ex->candidates.size();
    ex->candidates.emplace_back();
    ContentEndFeatures(v, cue_b, cue_e, cb, e, ce, &ex->candidates.back());
  }
  return !ex->candidates.empty();
}

size_t Best(const syntax::LinearModel& m, const Ranked& ex) {
  size_t best = 0;
  float best_score = -1e30f;
  for (size_t c = 0; c < ex.candidates.size(); ++c) {
    float s = AttributionModel::Margin(m, ex.candidates[c]);
    if (s > best_score) best = c, best_score = s;
  }
  return best;
}

void TrainRanker(const Options& o, uint32_t seed, const std::vector<Ranked>& examples, syntax::LinearModel* m) {
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(seed);
  for (int epoch = 0; epoch < o.span_epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t i : order) {
      const Ranked& ex = examples[i];
      size_t guess = Best(*m, ex);
      if (guess == ex.truth) {
        m->Tick();
        continue;
      }
      const auto& t = ex.candidates[ex.truth];
      const auto& g = ex.candidates[guess];
      m->Update(t.data(), t.size(), 1, 0);
      m->Update(g.data(), g.size(), 0, 1);
    }
  }
  m->Finalize();
}

struct Binary {
  std::vector<uint64_t> features;
  bool positive = false;
};

// The keep examples of a split with the model's end part in place: positive when the
// (ranked) content shares a byte with a gold content.
std::vector<Binary> KeepExamples(const std::vector<Article>& arts, const std::vector<Analysed>& analysed,
                                 const std::vector<const AttributionModel*>& model_of) {
  std::vector<Binary> out;
  size_t i = 0;  // the article's index, for its model (ForEachAttribution goes in order)
  ForEachAttribution(arts, analysed, model_of, [&](const Article& art, const DocView& v, const AttributionRecord& r,
                                                uint32_t cue_b, uint32_t cue_e, uint32_t cb, uint32_t ce) {
    Binary ex;
    while (&arts[i] != &art) ++i;
    const AttributionModel& model = *model_of[i];
    const Span ours{v.toks[cb].byte_begin, v.toks[ce - 1].byte_end};
    ex.positive = std::any_of(art.contents.begin(), art.contents.end(), [&](const Span& g) { return Shared(ours, g) > 0; });
    KeepFeatures(v, model, cue_b, cue_e, cb, ce, static_cast<int>(r.source.kind), r.source.byte_end > r.source.byte_begin,
                 r.kind == AttributionKind::kMixed, &ex.features);
    out.push_back(std::move(ex));
  });
  return out;
}

void TrainKeep(const Options& o, const std::vector<Binary>& examples, syntax::LinearModel* m) {
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(o.seed + 2);
  for (int epoch = 0; epoch < o.span_epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t i : order) {
      const Binary& ex = examples[i];
      int guess = AttributionModel::Margin(*m, ex.features) > 0 ? 1 : 0, truth = ex.positive ? 1 : 0;
      if (guess != truth) m->Update(ex.features.data(), ex.features.size(), truth, guess);
      else m->Tick();
    }
  }
  m->Finalize();
}

// The keep threshold on dev: the margin below which dropping maximises dropped negatives minus
// keep_cost times dropped positives (nothing dropped when no margin gains).
void TuneKeep(const Options& o, const std::vector<Binary>& dev, AttributionModel* model, Trained* out) {
  std::vector<std::pair<float, bool>> scored;
  for (const Binary& ex : dev) scored.push_back({AttributionModel::Margin(model->keep, ex.features), ex.positive});
  std::sort(scored.begin(), scored.end());
  double gain = 0, best = 0;
  float threshold = scored.empty() ? 0.0f : scored.front().first - 1.0f;
  size_t pos = 0, neg = 0;
  for (size_t i = 0; i < scored.size(); ++i) {
    (scored[i].second ? pos : neg) += 1;
    gain += scored[i].second ? -o.keep_cost : 1.0;
    if (i + 1 < scored.size() && scored[i + 1].first == scored[i].first) continue;
    if (gain > best) {
      best = gain;
      threshold = scored[i].first;
      out->keep_dev_pos_dropped = pos, out->keep_dev_neg_dropped = neg;
    }
  }
  model->keep_threshold = threshold;
  for (const auto& [s, p] : scored) (p ? out->keep_dev_pos : out->keep_dev_neg) += 1;
}

// Cue models for cross-fitting: fold k trained on the train articles outside it (i % folds != k);
// model_of[i] is article i's fold model.
std::vector<std::unique_ptr<AttributionModel>> FoldModels(const Options& o, const std::vector<Article>& train,
                                                          const std::vector<Article>& dev,
                                                          std::vector<const AttributionModel*>* model_of) {
  const size_t folds = static_cast<size_t>(std::max(o.folds, 2));
  std::vector<std::unique_ptr<AttributionModel>> out;
  for (size_t k = 0; k < folds; ++k) {
    std::vector<Article> rest;
    for (size_t i = 0; i < train.size(); ++i)
      if (i % folds != k) rest.push_back(train[i]);
    out.push_back(std::make_unique<AttributionModel>());
    Trained stats;
    TrainCueModel(o, rest, dev, out.back().get(), &stats);
  }
  model_of->clear();
  for (size_t i = 0; i < train.size(); ++i) model_of->push_back(out[i % folds].get());
  return out;
}

// A copy of `from` into `to` through its serialised bytes.
void CopyLinear(const syntax::LinearModel& from, syntax::LinearModel* to) {
  std::string bytes;
  from.Write(&bytes);
  std::string_view in(bytes);
  (void)to->Read(&in);
}

// Right answers of ranker m on dev, and of the passes' own candidate: {ranked, passes}.
std::pair<size_t, size_t> RankStats(const std::vector<Ranked>& dev, const syntax::LinearModel& m) {
  size_t right = 0, right_passes = 0;
  for (const Ranked& ex : dev) {
    right += Best(m, ex) == ex.truth;
    right_passes += ex.passes == ex.truth;
  }
  return {right, right_passes};
}

// Ranking examples (StartExample or EndExample) of train and dev with each article's model.
template <typename MakeExample>
void RankedExamples(const std::vector<Article>* const arts[2], const std::vector<Analysed>* const analysed[2],
                    const std::vector<const AttributionModel*>* const models[2], MakeExample make,
                    std::vector<Ranked> into[2]) {
  for (int split = 0; split < 2; ++split)
    ForEachAttribution(*arts[split], *analysed[split], *models[split],
                       [&](const Article& art, const DocView& v, const AttributionRecord&, uint32_t cue_b, uint32_t cue_e,
                           uint32_t cb, uint32_t ce) {
                         Ranked ex;
                         if (make(art, v, cue_b, cue_e, cb, ce, &ex)) into[split].push_back(std::move(ex));
                       });
}

}  // namespace

Status TrainSpanParts(const Options& o, const std::vector<Article>& train, const std::vector<Article>& dev,
                      AttributionModel* model, Trained* out) {
  auto tagger = entities::LoadTagger(o.models_dir);
  if (!tagger.ok()) return tagger.status();
  if (!*tagger) return NotFoundError(o.models_dir + ": no ner.hsm (the span parts are trained over the pipeline's mentions)");
  auto parser = syntax::Parser::Load(o.models_dir + "/parser.hsp");
  if (!parser.ok()) return parser.status();
  const std::vector<Analysed> train_a = AnalyzeAll(train, tagger->get(), parser->get());
  const std::vector<Analysed> dev_a = AnalyzeAll(dev, tagger->get(), parser->get());
  std::vector<const AttributionModel*> train_models, dev_models(dev.size(), model);
  std::vector<std::unique_ptr<AttributionModel>> folds = FoldModels(o, train, dev, &train_models);
  const std::vector<Article>* const arts[2] = {&train, &dev};
  const std::vector<Analysed>* const analysed[2] = {&train_a, &dev_a};
  const std::vector<const AttributionModel*>* const models[2] = {&train_models, &dev_models};
  std::vector<Ranked> starts[2], ends[2];
  RankedExamples(arts, analysed, models, StartExample, starts);
  TrainRanker(o, o.seed + 3, starts[0], &model->start);
  std::tie(out->start_dev_right, out->start_dev_right_passes) = RankStats(starts[1], model->start);
  out->start_train_examples = starts[0].size(), out->start_dev_examples = starts[1].size();
  for (auto& f : folds) CopyLinear(model->start, &f->start);
  RankedExamples(arts, analysed, models, EndExample, ends);
  TrainRanker(o, o.seed + 1, ends[0], &model->end);
  std::tie(out->end_dev_right, out->end_dev_right_passes) = RankStats(ends[1], model->end);
  out->end_train_examples = ends[0].size(), out->end_dev_examples = ends[1].size();
  for (auto& f : folds) CopyLinear(model->end, &f->end);
  const std::vector<Binary> keep_train = KeepExamples(train, train_a, train_models);
  TrainKeep(o, keep_train, &model->keep);
  out->keep_train_examples = keep_train.size();
  model->keep_threshold = -std::numeric_limits<float>::infinity();  // the passes keep every example
  const std::vector<Binary> keep_dev = KeepExamples(dev, dev_a, dev_models);
  TuneKeep(o, keep_dev, model, out);
  return Status();
}

}  // namespace hearsay::extract::train
