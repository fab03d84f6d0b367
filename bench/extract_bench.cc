// The per-document pipeline up to claims (text, entities, resolve, extract) in words per
// second on GossipCop train texts (../shared/data/gossipcop). Uses the shipped tagger in
// models/ when there is one (entities by rules only otherwise; the run says which).
//   build/bench/extract_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "bench_models.h"
#include "entities/entities.h"
#include "extract/attribution_model.h"
#include "extract/own_outlet.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "resolve/resolve.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace {

struct Corpus {
  std::vector<hearsay::Document> docs;
  uint64_t words = 0;
  std::unique_ptr<hearsay::entities::Tagger> tagger;
  std::unique_ptr<hearsay::syntax::Parser> parser;
  std::unique_ptr<hearsay::extract::AttributionModel> attribution;  // models/attribution.hsa, as the pipeline loads it
  std::unique_ptr<hearsay::resolve::CorefModel> coref;              // models/coref.hsc
  hearsay::resolve::Knowledge Knowledge() const { return {tagger ? tagger->gazetteer() : nullptr, coref.get()}; }
  std::unique_ptr<hearsay::extract::OwnOutletModel> own_outlet;     // models/own_outlet.hso, likewise
};

const Corpus& Load() {
  static Corpus* c = [] {
    auto* corpus = new Corpus();
    std::ifstream in(std::string(HEARSAY_SHARED_DIR) + "/data/gossipcop/gossipcop_train.jsonl");
    std::string line;
    uint64_t line_no = 0;
    while (std::getline(in, line) && corpus->docs.size() < 3000) {
      auto d = hearsay::ingest::ParseJsonLine("gossipcop_train.jsonl", ++line_no, line);
      if (!d.ok() || d->text.size() > 30000) continue;  // skip page dumps (1% of the crawl)
      bool in_word = false;
      for (char ch : d->text) {
        bool w = ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r';
        if (w && !in_word) ++corpus->words;
        in_word = w;
      }
      corpus->docs.push_back(std::move(d).value());
    }
    // models/ (or HEARSAY_MODELS) holds the tagger, the parser and the attribution model.
    const std::string models = hearsay::bench::ModelsDir();
    auto t = hearsay::entities::LoadTagger(models);
    if (t.ok()) corpus->tagger = std::move(t).value();
    auto parser = hearsay::syntax::Parser::Load(models + "/parser.hsp");
    if (parser.ok()) corpus->parser = std::move(parser).value();
    auto attribution = hearsay::extract::AttributionModel::Load(models + "/attribution.hsa");
    if (attribution.ok()) corpus->attribution = std::move(attribution).value();
    auto coref = hearsay::resolve::CorefModel::Load(models + "/coref.hsc");
    if (coref.ok()) corpus->coref = std::move(coref).value();
    auto own_outlet = hearsay::extract::OwnOutletModel::Load(models + "/own_outlet.hso");
    if (own_outlet.ok()) corpus->own_outlet = std::move(own_outlet).value();
    std::cerr << "extract_bench: " << corpus->docs.size() << " GossipCop train documents, " << corpus->words
              << " words; tagger: " << (corpus->tagger ? "models/" : "none (rules only)") << "\n";
    return corpus;
  }();
  return *c;
}

void BM_Pipeline_TextEntitiesClaims(benchmark::State& state) {
  const Corpus& c = Load();
  if (c.docs.empty()) {
    state.SkipWithError("no GossipCop train texts under ../shared/data/gossipcop");
    return;
  }
  size_t claims = 0, quotes = 0;
  for (auto _ : state) {
    for (const hearsay::Document& doc : c.docs) {
      hearsay::DocumentAnalysis a;
      a.layout = hearsay::text::AnalyzeText(doc);
      hearsay::entities::FindMentions(doc, a.layout, c.tagger.get(), &a.mentions);
      hearsay::resolve::ResolveInDocument(doc, &a, c.Knowledge());
      hearsay::extract::ExtractClaims(doc, &a, c.attribution.get(), nullptr, c.own_outlet.get());
      claims += a.claims.size();
      quotes += a.quotes.size();
      benchmark::DoNotOptimize(a);
    }
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(c.words) * state.iterations(),
                                                 benchmark::Counter::kIsRate);
  state.counters["quotes/doc"] = static_cast<double>(quotes) / (c.docs.size() * state.iterations());
  state.counters["claims/doc"] = static_cast<double>(claims) / (c.docs.size() * state.iterations());
}
BENCHMARK(BM_Pipeline_TextEntitiesClaims)->Unit(benchmark::kMillisecond);

// The same per-document pipeline with the parser (issue 12): arg 0 parses the sentences
// extract reads (extract::SentencesToParse with the mentions: quote frames and relations, as
// the pipeline does), arg 1 every sentence.
void BM_Pipeline_WithParser(benchmark::State& state) {
  const Corpus& c = Load();
  if (c.docs.empty() || !c.parser) return state.SkipWithError("no GossipCop texts or no models/parser.hsp");
  const bool all = state.range(0) == 1;
  size_t parsed = 0, sentences = 0, quotes = 0, attributions = 0, parsed_tokens = 0, tokens = 0;
  for (auto _ : state) {
    for (const hearsay::Document& doc : c.docs) {
      hearsay::DocumentAnalysis a;
      a.layout = hearsay::text::AnalyzeText(doc);
      hearsay::entities::FindMentions(doc, a.layout, c.tagger.get(), &a.mentions);
      std::vector<bool> select = hearsay::extract::SentencesToParse(doc, a.layout, a.mentions);
      a.syntax = c.parser->ParseDocument(doc.text, a.layout, all ? nullptr : &select);
      for (const auto& sp : a.syntax.sentences) {
        parsed += sp.parsed;
        const hearsay::Sentence& s = a.layout.sentences[sp.sentence];
        if (sp.parsed) parsed_tokens += s.token_end - s.token_begin;
      }
      sentences += a.layout.sentences.size();
      tokens += a.layout.tokens.size();
      hearsay::resolve::ResolveInDocument(doc, &a, c.Knowledge());
      hearsay::extract::ExtractClaims(doc, &a, c.attribution.get(), nullptr, c.own_outlet.get());
      quotes += a.quotes.size();
      attributions += a.attributions.size();
      benchmark::DoNotOptimize(a);
    }
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(c.words) * state.iterations(),
                                                 benchmark::Counter::kIsRate);
  state.counters["attributions/doc"] = static_cast<double>(attributions) / (c.docs.size() * state.iterations());
  state.counters["parsed_share"] = static_cast<double>(parsed) / static_cast<double>(sentences);
  // Selected sentences are long: the tokens' share is what the parse costs.
  state.counters["parsed_token_share"] = static_cast<double>(parsed_tokens) / static_cast<double>(tokens);
  state.counters["quotes/doc"] = static_cast<double>(quotes) / (c.docs.size() * state.iterations());
}
BENCHMARK(BM_Pipeline_WithParser)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_Extract_Only(benchmark::State& state) {
  const Corpus& c = Load();
  std::vector<hearsay::DocumentAnalysis> prepared;
  for (const hearsay::Document& doc : c.docs) {
    hearsay::DocumentAnalysis a;
    a.layout = hearsay::text::AnalyzeText(doc);
    hearsay::entities::FindMentions(doc, a.layout, c.tagger.get(), &a.mentions);
    hearsay::resolve::ResolveInDocument(doc, &a, c.Knowledge());
    prepared.push_back(std::move(a));
  }
  for (auto _ : state) {
    for (size_t i = 0; i < c.docs.size(); ++i) {
      hearsay::extract::ExtractClaims(c.docs[i], &prepared[i]);
      benchmark::DoNotOptimize(prepared[i]);
    }
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(c.words) * state.iterations(),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Extract_Only)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
