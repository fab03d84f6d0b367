// Entity tagger throughput on GossipCop train texts (../shared/data/gossipcop).
//   BM_Ner_TagDocuments/N   tokens/s of FindMentions (tagger + rules) over N articles
//   BM_Ner_TaggerOnly/N     tokens/s of the statistical tagger alone
//   BM_Ner_LoadModel        model load time
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <iostream>

#include <nlohmann/json.hpp>

#include "bench_docs.h"
#include "bench_models.h"
#include "entities/entities.h"
#include "entities/model.h"
#include "text/text.h"

namespace {

using Corpus = hearsay::bench::DocCorpus;
const Corpus& Load(size_t n) { return hearsay::bench::GossipCopDocs(n); }

using hearsay::bench::ModelsDir;  // HEARSAY_MODELS, else the source tree's models/

const hearsay::entities::Tagger* Model() {
  static auto t = hearsay::entities::LoadTaggerFile(ModelsDir() + "/ner.hsm");
  if (!t.ok()) {
    std::cerr << t.status().ToString() << "\n";
    return nullptr;
  }
  return t->get();
}

void BM_Ner_TagDocuments(benchmark::State& state) {
  const Corpus& c = Load(static_cast<size_t>(state.range(0)));
  const auto* tagger = Model();
  if (!tagger || c.docs.empty()) return state.SkipWithError("model or ../shared/data/gossipcop missing");
  size_t mentions = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < c.docs.size(); ++i) {
      std::vector<hearsay::Mention> out;
      hearsay::entities::FindMentions(c.docs[i], c.layouts[i], tagger, &out);
      mentions += out.size();
    }
  }
  benchmark::DoNotOptimize(mentions);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.tokens));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(state.iterations() * c.tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Ner_TagDocuments)->Arg(500)->Unit(benchmark::kMillisecond);

void BM_Ner_TaggerOnly(benchmark::State& state) {
  const Corpus& c = Load(static_cast<size_t>(state.range(0)));
  const auto* tagger = Model();
  if (!tagger || c.docs.empty()) return state.SkipWithError("model or ../shared/data/gossipcop missing");
  for (auto _ : state) {
    for (size_t i = 0; i < c.docs.size(); ++i) {
      std::vector<hearsay::Mention> out;
      tagger->Tag(c.docs[i], c.layouts[i], &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(state.iterations() * c.tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Ner_TaggerOnly)->Arg(500)->Unit(benchmark::kMillisecond);

void BM_Ner_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    auto m = hearsay::entities::NerModel::Load(ModelsDir() + "/ner.hsm");
    benchmark::DoNotOptimize(m.ok());
  }
}
BENCHMARK(BM_Ner_LoadModel)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
