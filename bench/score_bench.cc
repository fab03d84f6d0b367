// Cost of article scoring inside the per-document pipeline, on GossipCop dev articles:
//   BM_Pipeline_WithoutScore  AnalyzeDocument with the project's models but no article model
//   BM_Pipeline_WithScore     AnalyzeDocument with the project's models (models/ner.hsm and
//                             models/credibility.hcm: score + reasons), as `hearsay analyze`
//   BM_Score_Only             ArticleModel::Score on a ready layout (features, logit, reasons)
// Run with --benchmark_repetitions=15 --benchmark_enable_random_interleaving=true on a
// shared machine (one run varies by ~5%): the means of the two pipelines are then comparable.
// Acceptance (issue 6): WithScore adds < 10% to WithoutScore. Documents/s in items_per_second.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iostream>

#include "bench_models.h"
#include "hearsay/pipeline.h"
#include "ingest/ingest.h"
#include "score/score.h"
#include "text/text.h"

namespace {

constexpr size_t kDocs = 300;

const std::vector<hearsay::Document>& Docs() {
  static std::vector<hearsay::Document> docs = [] {
    std::vector<hearsay::Document> out;
    std::string path = std::string(HEARSAY_SHARED_DIR) + "/data/gossipcop/gossipcop_dev.jsonl";
    std::ifstream in(path);
    std::string line;
    for (uint64_t n = 1; out.size() < kDocs && std::getline(in, line); ++n) {
      auto d = hearsay::ingest::ParseJsonLine(path, n, line);
      if (d.ok()) out.push_back(std::move(d).value());
    }
    if (out.empty()) std::cerr << "score_bench: no documents read from " << path << "\n";
    return out;
  }();
  return docs;
}

using hearsay::bench::ModelsDir;  // HEARSAY_MODELS, else the source tree's models/

// The project's models as `hearsay analyze` loads them (entity tagger, article model), with
// or without the article model.
hearsay::Models LoadProjectModels(bool with_article_model) {
  auto m = hearsay::LoadModels(ModelsDir());
  if (!m.ok()) {
    std::cerr << "score_bench: " << m.status().ToString() << "\n";
    return {};
  }
  if (!m->article_model) std::cerr << "score_bench: no article model in " << ModelsDir() << "\n";
  if (!m->tagger) std::cerr << "score_bench: no entity tagger in " << ModelsDir() << " (rules only)\n";
  if (!with_article_model) m->article_model.reset();
  return std::move(m).value();
}

const hearsay::Models& ModelsWith() {
  static hearsay::Models models = LoadProjectModels(true);
  return models;
}

const hearsay::Models& ModelsWithout() {
  static hearsay::Models models = LoadProjectModels(false);
  return models;
}

void RunPipeline(benchmark::State& state, const hearsay::Models& models) {
  const auto& docs = Docs();
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.text.size();
  for (auto _ : state) {
    for (const auto& d : docs) {
      hearsay::DocumentAnalysis a = hearsay::AnalyzeDocument(d, models);
      benchmark::DoNotOptimize(a.credibility);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void BM_Pipeline_WithoutScore(benchmark::State& state) { RunPipeline(state, ModelsWithout()); }
BENCHMARK(BM_Pipeline_WithoutScore)->Unit(benchmark::kMillisecond);

void BM_Pipeline_WithScore(benchmark::State& state) { RunPipeline(state, ModelsWith()); }
BENCHMARK(BM_Pipeline_WithScore)->Unit(benchmark::kMillisecond);

void BM_Score_Only(benchmark::State& state) {
  const auto& docs = Docs();
  std::vector<hearsay::DocumentAnalysis> analyses(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) analyses[i].layout = hearsay::text::AnalyzeText(docs[i]);
  const auto* model = ModelsWith().article_model.get();
  if (!model) return state.SkipWithError("no article model");
  for (auto _ : state)
    for (size_t i = 0; i < docs.size(); ++i) hearsay::score::ScoreDocument(docs[i], model, &analyses[i]);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
}
BENCHMARK(BM_Score_Only)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
