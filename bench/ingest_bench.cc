// Ingest + text + store throughput in articles/s on the GossipCop train file (read in
// place from ../shared/data): the JSONL reader alone, and reader + text layout + SQLite
// store (batches of 256 in transactions, a fresh database file per iteration).
// Target (issue 2): ingest + text + store >= 5,000 articles/s.
//   build/bench/ingest_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "ingest/ingest.h"
#include "store/store.h"
#include "text/text.h"

namespace {

void BM_Ingest_JsonLines(benchmark::State& state) {
  std::string error;
  const auto& lines = hearsay::bench::GossipCopLines(&error);
  if (lines.empty()) return state.SkipWithError(error.c_str());
  uint64_t articles = 0, bytes = 0;
  for (auto _ : state) {
    uint64_t line_no = 0;
    for (const std::string& line : lines) {
      auto d = hearsay::ingest::ParseJsonLine("gossipcop_train.jsonl", ++line_no, line);
      benchmark::DoNotOptimize(d.ok());
      bytes += line.size();
    }
    articles += lines.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(articles));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Ingest_JsonLines)->Unit(benchmark::kMillisecond);

// range(0): articles per run (the first N lines of the file).
void BM_IngestTextStore_GossipCop(benchmark::State& state) {
  std::string error;
  const auto& all = hearsay::bench::GossipCopLines(&error);
  if (all.empty()) return state.SkipWithError(error.c_str());
  const size_t n = std::min<size_t>(all.size(), static_cast<size_t>(state.range(0)));
  const std::string db = (std::filesystem::temp_directory_path() / ("hearsay_ingest_bench_" + std::to_string(getpid()) + ".db")).string();
  uint64_t articles = 0, stored = 0;
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
    state.ResumeTiming();
    auto store = hearsay::store::Store::Open(db);
    if (!store.ok()) return state.SkipWithError(store.status().ToString().c_str());
    auto run = (*store)->BeginRun("bench");
    if (!run.ok()) return state.SkipWithError(run.status().ToString().c_str());
    std::vector<hearsay::Document> batch;
    std::vector<hearsay::Reject> rejects;
    auto flush = [&] {
      auto r = (*store)->AddBatch(batch, rejects, {}, *run);
      if (r.ok()) stored += r->added;
      batch.clear();
      rejects.clear();
    };
    for (size_t i = 0; i < n; ++i) {
      auto d = hearsay::ingest::ParseJsonLine("gossipcop_train.jsonl", i + 1, all[i]);
      if (!d.ok()) {
        rejects.push_back(hearsay::Reject{"gossipcop_train.jsonl", "line " + std::to_string(i + 1), "ingest", d.status().message()});
        continue;
      }
      hearsay::TextLayout layout = hearsay::text::AnalyzeText(*d);
      benchmark::DoNotOptimize(layout.tokens.data());
      batch.push_back(std::move(d).value());
      if (batch.size() == 256) flush();
    }
    flush();
    articles += n;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
  state.SetItemsProcessed(static_cast<int64_t>(articles));
  state.counters["stored_per_run"] = static_cast<double>(stored) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_IngestTextStore_GossipCop)->Arg(1000)->Arg(10000)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
