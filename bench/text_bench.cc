// Text stage throughput in MB/s per core (one thread): the tokenizer alone, and the whole
// layout (tokens + paragraphs + sentence splitter + quotation spans), over the GossipCop
// train texts (../shared/data, read in place) and over synthetic text.
// Target (issue 2): tokenizer >= 200 MB/s per core.
//   build/bench/text_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench_corpus.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace {

// GossipCop articles as Documents (title + body, as the JSONL reader makes them).
const std::vector<hearsay::Document>& GossipCopDocs(std::string* error) {
  static const std::vector<hearsay::Document> docs = [] {
    std::vector<hearsay::Document> out;
    uint64_t line_no = 0;
    for (const std::string& line : hearsay::bench::GossipCopLines(nullptr)) {
      auto d = hearsay::ingest::ParseJsonLine("gossipcop_train.jsonl", ++line_no, line);
      if (d.ok()) out.push_back(std::move(d).value());
    }
    return out;
  }();
  hearsay::bench::GossipCopLines(error);
  return docs;
}

void BM_Tokenizer_GossipCop(benchmark::State& state) {
  std::string error;
  const auto& docs = GossipCopDocs(&error);
  if (docs.empty()) return state.SkipWithError(error.c_str());
  std::vector<hearsay::Token> tokens;
  uint64_t bytes = 0, count = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      tokens.clear();
      hearsay::text::Tokenize(d.text, 0, static_cast<uint32_t>(d.text.size()), &tokens);
      benchmark::DoNotOptimize(tokens.data());
      bytes += d.text.size();
      count += tokens.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_Tokenizer_GossipCop)->Unit(benchmark::kMillisecond);

void BM_TextLayout_GossipCop(benchmark::State& state) {
  std::string error;
  const auto& docs = GossipCopDocs(&error);
  if (docs.empty()) return state.SkipWithError(error.c_str());
  uint64_t bytes = 0, sentences = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      hearsay::TextLayout layout = hearsay::text::AnalyzeText(d);
      benchmark::DoNotOptimize(layout.sentences.data());
      bytes += d.text.size();
      sentences += layout.sentences.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TextLayout_GossipCop)->Unit(benchmark::kMillisecond);

void BM_Tokenizer_Synthetic(benchmark::State& state) {
  const std::string text = hearsay::bench::SyntheticText(static_cast<size_t>(state.range(0)));
  std::vector<hearsay::Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    hearsay::text::Tokenize(text, 0, static_cast<uint32_t>(text.size()), &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Tokenizer_Synthetic)->Arg(4 << 10)->Arg(1 << 20);

void BM_TextLayout_Synthetic(benchmark::State& state) {
  const std::string text = hearsay::bench::SyntheticText(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    hearsay::TextLayout layout = hearsay::text::AnalyzeTextSpan(text, 0, 0);
    benchmark::DoNotOptimize(layout.sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_TextLayout_Synthetic)->Arg(4 << 10)->Arg(1 << 20);

// Adversarial shapes: throughput must stay flat as the input grows (no quadratic rescans).
void BM_Tokenizer_DottedRun(benchmark::State& state) {
  std::string text;
  while (text.size() < static_cast<size_t>(state.range(0))) text += "ab.";
  std::vector<hearsay::Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    hearsay::text::Tokenize(text, 0, static_cast<uint32_t>(text.size()), &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Tokenizer_DottedRun)->Arg(4 << 10)->Arg(64 << 10);

}  // namespace

BENCHMARK_MAIN();
