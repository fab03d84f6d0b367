// Syntax stage throughput on GossipCop train texts, side by side with Debian's
// link-grammar on the same sentences (issue 12).
//   BM_Syntax_TagParse/N      hearsay tokens/s: words, tags, lemmas, trees and labels
//   BM_Syntax_TagParse_Peer   the first kPeerSentences sentences, hearsay
//   BM_LinkGrammar_Peer       the same sentences, link-grammar 5 (English dictionary,
//                             one linkage, 10 s limit per sentence)
//   BM_Syntax_LoadModel       models/parser.hsp load time; counter rss_mb after load
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "bench_docs.h"
#include "bench_models.h"
#include "syntax/syntax.h"
#include "text/text.h"

#ifdef HEARSAY_HAVE_LINK_GRAMMAR
#include <link-grammar/link-includes.h>
#endif

namespace {

constexpr size_t kPeerSentences = 300;

using Corpus = hearsay::bench::DocCorpus;
const Corpus& Load(size_t n) { return hearsay::bench::GossipCopDocs(n); }

// The first kPeerSentences body sentences of 5..60 tokens, as text and as one-sentence documents.
struct PeerSet {
  std::vector<std::string> sentences;
  std::vector<hearsay::Document> docs;
  std::vector<hearsay::TextLayout> layouts;
  size_t tokens = 0;
};

const PeerSet& Peer() {
  static PeerSet p = [] {
    PeerSet out;
    const Corpus& c = Load(200);
    for (size_t d = 0; d < c.docs.size() && out.sentences.size() < kPeerSentences; ++d)
      for (const auto& s : c.layouts[d].sentences) {
        size_t n = s.token_end - s.token_begin;
        if (n < 5 || n > 60 || out.sentences.size() >= kPeerSentences) continue;
        out.sentences.push_back(c.docs[d].text.substr(s.byte_begin, s.byte_end - s.byte_begin));
      }
    for (const auto& s : out.sentences) {
      hearsay::Document doc;
      doc.text = s;
      out.layouts.push_back(hearsay::text::AnalyzeText(doc));
      out.tokens += out.layouts.back().tokens.size();
      out.docs.push_back(std::move(doc));
    }
    return out;
  }();
  return p;
}

std::string ModelPath() { return hearsay::bench::ModelsDir() + "/parser.hsp"; }

// HEARSAY_BENCH_PRUNE=X drops weights with |w| <= X after loading (the size/speed/accuracy
// trade-off of `hearsay parse --prune X`).
const hearsay::syntax::Parser* Model() {
  static auto p = hearsay::syntax::Parser::Load(ModelPath());
  if (!p.ok()) {
    std::cerr << p.status().ToString() << "\n";
    return nullptr;
  }
  static const bool pruned = [] {
    if (const char* x = std::getenv("HEARSAY_BENCH_PRUNE")) std::cerr << (*p)->Prune(std::strtof(x, nullptr)) << "\n";
    return true;
  }();
  (void)pruned;
  return p->get();
}

void Run(benchmark::State& state, const std::vector<hearsay::Document>& docs,
         const std::vector<hearsay::TextLayout>& layouts, size_t tokens) {
  const auto* parser = Model();
  if (!parser || docs.empty()) return state.SkipWithError("models/parser.hsp or ../shared/data/gossipcop missing");
  size_t words = 0;
  for (auto _ : state)
    for (size_t i = 0; i < docs.size(); ++i) {
      auto s = parser->ParseDocument(docs[i].text, layouts[i]);
      words += s.words.size();
    }
  benchmark::DoNotOptimize(words);
  state.counters["tokens/s"] = benchmark::Counter(double(state.iterations() * tokens), benchmark::Counter::kIsRate);
}

void BM_Syntax_TagParse(benchmark::State& state) {
  const Corpus& c = Load(size_t(state.range(0)));
  Run(state, c.docs, c.layouts, c.tokens);
}
BENCHMARK(BM_Syntax_TagParse)->Arg(300)->Unit(benchmark::kMillisecond);

void BM_Syntax_TagParse_Peer(benchmark::State& state) {
  const PeerSet& p = Peer();
  Run(state, p.docs, p.layouts, p.tokens);
  state.counters["sentences"] = double(p.sentences.size());
}
BENCHMARK(BM_Syntax_TagParse_Peer)->Unit(benchmark::kMillisecond);

#ifdef HEARSAY_HAVE_LINK_GRAMMAR
void BM_LinkGrammar_Peer(benchmark::State& state) {
  const PeerSet& p = Peer();
  static Dictionary dict = dictionary_create_lang("en");
  if (!dict || p.sentences.empty()) return state.SkipWithError("link-grammar English dictionary or corpus missing");
  Parse_Options opts = parse_options_create();
  parse_options_set_verbosity(opts, 0);
  parse_options_set_linkage_limit(opts, 1);
  parse_options_set_max_parse_time(opts, 10);
  size_t parsed = 0;
  for (auto _ : state)
    for (const std::string& s : p.sentences) {
      Sentence sent = sentence_create(s.c_str(), dict);
      if (!sent) continue;
      if (sentence_split(sent, opts) == 0 && sentence_parse(sent, opts) > 0) {
        Linkage l = linkage_create(0, sent, opts);
        parsed += l != nullptr;
        if (l) linkage_delete(l);
      }
      sentence_delete(sent);
    }
  parse_options_delete(opts);
  state.counters["tokens/s"] = benchmark::Counter(double(state.iterations() * p.tokens), benchmark::Counter::kIsRate);
  state.counters["with_linkage"] = double(parsed) / double(state.iterations() * p.sentences.size());
}
BENCHMARK(BM_LinkGrammar_Peer)->Unit(benchmark::kMillisecond)->Iterations(1);
#endif

void BM_Syntax_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    auto p = hearsay::syntax::Parser::Load(ModelPath());
    if (!p.ok()) return state.SkipWithError(p.status().ToString().c_str());
    benchmark::DoNotOptimize(p->get());
  }
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  state.counters["peak_rss_mb"] = double(u.ru_maxrss) / 1024.0;
}
BENCHMARK(BM_Syntax_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
