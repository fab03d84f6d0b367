// Scale bench of the corpus stages (cross-document resolution + fusion) on GossipCop.
//
//   build-fuse/bench/fuse_scale_bench [--sizes 2500,5000,10000,20000,40000,80000,100000]
//                                     [--jobs N] [--repeat N] [--data DIR] [--models DIR]
//
// Reads ../shared/data/gossipcop/*.jsonl (train then dev), runs the per-document stages once
// on every article (timed separately), then for each size N times ResolveAcrossDocuments +
// Fuse on a corpus of N articles: the first N real ones while there are enough, beyond that
// synthetic articles recombined from the real ones (see Recombine). For each size it prints
// the time, the peak heap the corpus stages allocated on top of their input (counted by the
// replaced global operator new/delete below), the output counts, and the time ratio to the
// previous size (fastest of --repeat runs), and the CPU seconds of all threads (least of the
// runs; steadier than wall time when other jobs share the machine). A plain executable, not a Google Benchmark: each size runs once, because
// one fusion at 100,000 articles is the measurement.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <random>
#include <string>
#include <vector>

#include "common/parallel.h"
#include "common/step_timer.h"
#include "fuse/fuse.h"
#include "hearsay/pipeline.h"
#include "ingest/ingest.h"
#include "resolve/resolve.h"

// ---- heap accounting ------------------------------------------------------------------
namespace {
std::atomic<int64_t> g_heap_now{0}, g_heap_peak{0};
void Count(int64_t bytes) {
  int64_t now = g_heap_now.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  int64_t peak = g_heap_peak.load(std::memory_order_relaxed);
  while (now > peak && !g_heap_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
}
// Each block carries its size in a 16-byte header (keeps max_align_t alignment).
void* Allocate(size_t n) {
  void* p = std::malloc(n + 16);
  if (!p) throw std::bad_alloc();
  *static_cast<size_t*>(p) = n;
  Count(static_cast<int64_t>(n));
  return static_cast<char*>(p) + 16;
}
void Release(void* p) {
  if (!p) return;
  char* base = static_cast<char*>(p) - 16;
  Count(-static_cast<int64_t>(*reinterpret_cast<size_t*>(base)));
  std::free(base);
}
}  // namespace
void* operator new(size_t n) { return Allocate(n); }
void* operator new[](size_t n) { return Allocate(n); }
void operator delete(void* p) noexcept { Release(p); }
void operator delete[](void* p) noexcept { Release(p); }
void operator delete(void* p, size_t) noexcept { Release(p); }
void operator delete[](void* p, size_t) noexcept { Release(p); }

namespace hearsay {
namespace {

struct Collect : ingest::DocumentSink {
  void OnDocument(Document d) override { docs.push_back(std::move(d)); }
  void OnReject(Reject) override { ++rejects; }
  std::vector<Document> docs;
  size_t rejects = 0;
};

// Sentences (cut after ". ", "! ", "? " and newlines), for recombination.
std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool end = text[i] == '\n' || ((text[i] == '.' || text[i] == '!' || text[i] == '?') && i + 1 < text.size() && text[i + 1] == ' ');
    if (!end) continue;
    if (i + 1 > start) out.push_back(text.substr(start, i + 1 - start));
    start = i + 1;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

// Synthetic article k >= R from R real ones (deterministic): round r = k / R over base
// b = k mod R. Text: a random quarter of b's sentences and as many random sentences from
// each of three donor articles, shuffled, so it is not a near-duplicate of b, of a donor or
// of another round of b: two rounds of b share about 1/16 of b's sentences (word 3-shingle
// Jaccard near 0.03), b itself about 1/4 of its own (near 0.14). An earlier version used
// half of b and one donor: every round of b then shared about a quarter of its text with
// every other round, so the rounds of one base formed an ever larger block of candidate
// pairs (n/R rounds -> (n/R)^2 pairs per base), which real news growing in size does not.
// Analysis: b's, with half of its people renamed to their first name + a surname taken
// from another article (new people appear as the corpus grows, as they do in news), dated
// r x 37 days later.
void Recombine(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses, size_t k,
               Document* out_doc, DocumentAnalysis* out_analysis) {
  const size_t real = docs.size();
  const size_t base = k % real, round = k / real;
  std::mt19937_64 rng(k * 0x9E3779B97F4A7C15ull + 1);
  *out_doc = docs[base];
  *out_analysis = analyses[base];
  out_doc->id = docs[base].id + "-r" + std::to_string(round);
  out_doc->ingest_seq = k;
  std::vector<std::string> a = Sentences(docs[base].text);
  std::vector<std::string> picked;
  for (const std::string& s : a)
    if (rng() % 4 == 0) picked.push_back(s);
  for (int donors = 0; donors < 3; ++donors) {
    const size_t donor = (base + 1 + rng() % (real - 1)) % real;
    std::vector<std::string> b = Sentences(docs[donor].text);
    for (size_t i = 0; i < b.size() && i < a.size() / 4 + 1; ++i) picked.push_back(b[rng() % b.size()]);
  }
  std::shuffle(picked.begin(), picked.end(), rng);
  std::string text;
  for (const std::string& s : picked) text += s + " ";
  out_doc->text = std::move(text);
  if (docs[base].published) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(docs[base].published->c_str(), "%d-%d-%d", &y, &m, &d) == 3) {
      int days = static_cast<int>(round) * 37 + d - 1;  // shift inside a 28-day-month calendar
      m += days / 28, d = days % 28 + 1;
      y += (m - 1) / 12, m = (m - 1) % 12 + 1;
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      out_doc->published = buf;
    }
  }
  for (LocalEntity& e : out_analysis->local_entities) {
    if (e.type != EntityType::kPerson || rng() % 2) continue;
    const auto& other = analyses[rng() % real].local_entities;
    if (other.empty()) continue;
    const LocalEntity& o = other[rng() % other.size()];
    size_t sp = e.name.find(' '), osp = o.name.rfind(' ');
    if (sp == std::string::npos || osp == std::string::npos || o.type != EntityType::kPerson) continue;
    e.name = e.name.substr(0, sp) + o.name.substr(osp);
    e.aliases = {e.name};
  }
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// CPU seconds of the process (all threads): steadier than wall time on a shared machine.
double CpuSeconds() { return StepTimer::CpuSeconds(); }

struct BenchOptions {
  std::vector<size_t> sizes = {2500, 5000, 10000, 20000, 40000, 80000, 100000};
  int jobs = DefaultJobs();
  int repeat = 3;  // each size runs `repeat` times; the fastest run is reported (shared machines are noisy)
  std::string data = std::string(HEARSAY_SHARED_DIR) + "/data/gossipcop";
  std::string models_dir = "models";  // run from the project root
};

bool ParseFlags(int argc, char** argv, BenchOptions* o) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--sizes") {
      o->sizes.clear();
      for (size_t p = 0; p < value.size();) {
        size_t q = value.find(',', p);
        if (q == std::string::npos) q = value.size();
        o->sizes.push_back(std::stoul(value.substr(p, q - p)));
        p = q + 1;
      }
    } else if (flag == "--repeat") {
      o->repeat = std::max(1, std::stoi(value));
    } else if (flag == "--jobs") {
      o->jobs = std::stoi(value);
    } else if (flag == "--data") {
      o->data = value;
    } else if (flag == "--models") {
      o->models_dir = value;
    } else {
      std::fprintf(stderr, "unknown flag %s\nusage: fuse_scale_bench [--sizes N,N,...] [--jobs N] [--repeat N] [--data DIR] [--models DIR]\n", argv[i]);
      return false;
    }
  }
  return true;
}

// One size's timings: the fastest of `repeat` runs of resolve + fuse.
struct SizeRun {
  double resolve = 1e30, fuse = 1e30, total = 1e30, cpu = 1e30, peak_mb = 0;
  CorpusAnalysis corpus;
};

SizeRun MeasureSize(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& as, int repeat) {
  SizeRun out;
  for (int run = 0; run < repeat; ++run) {
    out.corpus = CorpusAnalysis{};
    const int64_t base_heap = g_heap_now.load();
    g_heap_peak.store(base_heap);
    auto ts = std::chrono::steady_clock::now();
    const double cpu0 = CpuSeconds();
    resolve::ResolveAcrossDocuments(docs, as, &out.corpus);
    double r = Seconds(ts);
    auto tf = std::chrono::steady_clock::now();
    fuse::Fuse(docs, as, &out.corpus);
    double f = Seconds(tf), all = Seconds(ts);
    out.cpu = std::min(out.cpu, CpuSeconds() - cpu0);
    if (all < out.total) out.resolve = r, out.fuse = f, out.total = all;
    out.peak_mb = std::max(out.peak_mb, static_cast<double>(g_heap_peak.load() - base_heap) / (1024.0 * 1024.0));
  }
  return out;
}

int Main(int argc, char** argv) {
  BenchOptions o;
  if (!ParseFlags(argc, argv, &o)) return 2;
  auto t0 = std::chrono::steady_clock::now();
  Collect sink;
  Status st = ingest::IngestPaths({o.data + "/gossipcop_train.jsonl", o.data + "/gossipcop_dev.jsonl"}, {}, sink);
  if (!st.ok() || sink.docs.empty()) {
    std::fprintf(stderr, "no GossipCop articles read from %s (%s): the bench needs ../shared/data\n", o.data.c_str(),
                 st.ToString().c_str());
    return 1;
  }
  const size_t max_real = std::min<size_t>(10000, sink.docs.size());
  sink.docs.resize(max_real);
  for (size_t i = 0; i < sink.docs.size(); ++i) sink.docs[i].ingest_seq = i;
  std::printf("read %zu GossipCop articles (%zu rejects) in %.1f s\n", sink.docs.size(), sink.rejects, Seconds(t0));

  auto models = LoadModels(o.models_dir);
  if (!models.ok()) {
    std::fprintf(stderr, "models: %s\n", models.status().ToString().c_str());
    return 1;
  }
  t0 = std::chrono::steady_clock::now();
  std::vector<DocumentAnalysis> analyses(sink.docs.size());
  ParallelFor(sink.docs.size(), o.jobs, [&](size_t i) { analyses[i] = AnalyzeDocument(sink.docs[i], *models); });
  size_t claims = 0, locals = 0;
  for (const DocumentAnalysis& a : analyses) claims += a.claims.size(), locals += a.local_entities.size();
  std::printf("per-document stages: %.1f s on %d threads (%zu local entities, %zu claims)\n\n", Seconds(t0), o.jobs, locals,
              claims);

  std::printf("| articles | kind | resolve s | fuse s | total s | x prev | cpu s | cpu x prev | peak heap MB | entities | "
              "clusters | contradictions | duplicate pairs |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  double prev = 0, prev_cpu = 0;
  size_t prev_n = 0;
  for (size_t n : o.sizes) {
    std::vector<Document> docs;
    std::vector<DocumentAnalysis> as;
    docs.reserve(n);
    as.reserve(n);
    for (size_t k = 0; k < n; ++k) {
      if (k < sink.docs.size()) {
        docs.push_back(sink.docs[k]);
        as.push_back(analyses[k]);
      } else {
        docs.emplace_back();
        as.emplace_back();
        Recombine(sink.docs, analyses, k, &docs.back(), &as.back());
      }
    }
    SizeRun m = MeasureSize(docs, as, o.repeat);
    char ratio[32] = "", cpu_ratio[32] = "";
    if (prev > 0) std::snprintf(ratio, sizeof ratio, "%.2f (n x%.2f)", m.total / prev, double(n) / double(prev_n));
    if (prev_cpu > 0) std::snprintf(cpu_ratio, sizeof cpu_ratio, "%.2f", m.cpu / prev_cpu);
    std::printf("| %zu | %s | %.2f | %.2f | %.2f | %s | %.2f | %s | %.0f | %zu | %zu | %zu | %zu |\n", n,
                n <= sink.docs.size() ? "real" : "synthetic", m.resolve, m.fuse, m.total, ratio, m.cpu, cpu_ratio, m.peak_mb,
                m.corpus.entities.size(), m.corpus.clusters.size(), m.corpus.contradictions.size(), m.corpus.duplicates.size());
    std::fflush(stdout);
    prev = m.total, prev_cpu = m.cpu, prev_n = n;
  }
  return 0;
}

}  // namespace
}  // namespace hearsay

int main(int argc, char** argv) { return hearsay::Main(argc, argv); }
