#pragma once
// TEST SUPPORT: runs text -> mentions -> resolve -> extract on one document. Mentions come
// from the shipped tagger (models/) when there is one, else from heuristic_mentions.h, so the
// extract expectations hold before and after the tagger lands.
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "entities/entities.h"
#include "extract/attribution_model.h"
#include "extract/extract.h"
#include "extract/own_outlet.h"
#include "heuristic_mentions.h"
#include "ingest/ingest.h"
#include "resolve/resolve.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace hearsay::testing {

inline const entities::Tagger* ShippedTagger() {
  static std::unique_ptr<entities::Tagger> tagger = [] {
    auto t = entities::LoadTagger(std::string(HEARSAY_SOURCE_DIR) + "/models");
    return t.ok() ? std::move(t).value() : nullptr;
  }();
  return tagger.get();
}

// The shipped parser (models/parser.hsp), as the pipeline loads it; null when absent or
// when HEARSAY_EXTRACT_NO_PARSE=1 (the evaluation programs compare both ways).
inline const syntax::Parser* ShippedParser() {
  static std::unique_ptr<syntax::Parser> parser = []() -> std::unique_ptr<syntax::Parser> {
    const char* off = std::getenv("HEARSAY_EXTRACT_NO_PARSE");
    if (off && std::string(off) == "1") return nullptr;
    auto p = syntax::Parser::Load(std::string(HEARSAY_SOURCE_DIR) + "/models/parser.hsp");
    return p.ok() ? std::move(p).value() : nullptr;
  }();
  return parser.get();
}

// The shipped attribution cue model (models/attribution.hsa), as the pipeline loads it; null
// when absent.
inline const extract::AttributionModel* ShippedAttributionModel() {
  static std::unique_ptr<extract::AttributionModel> model = []() -> std::unique_ptr<extract::AttributionModel> {
    auto m = extract::AttributionModel::Load(std::string(HEARSAY_SOURCE_DIR) + "/models/attribution.hsa");
    return m.ok() ? std::move(m).value() : nullptr;
  }();
  return model.get();
}

// The shipped pronoun ranker (models/coref.hsc), as the pipeline loads it; null when absent.
inline const resolve::CorefModel* ShippedCorefModel() {
  static std::unique_ptr<resolve::CorefModel> model = []() -> std::unique_ptr<resolve::CorefModel> {
    auto m = resolve::CorefModel::Load(std::string(HEARSAY_SOURCE_DIR) + "/models/coref.hsc");
    return m.ok() ? std::move(m).value() : nullptr;
  }();
  return model.get();
}

// The shipped own-outlet model (models/own_outlet.hso), as the pipeline loads it; null when absent.
inline const extract::OwnOutletModel* ShippedOwnOutletModel() {
  static std::unique_ptr<extract::OwnOutletModel> model = []() -> std::unique_ptr<extract::OwnOutletModel> {
    auto m = extract::OwnOutletModel::Load(std::string(HEARSAY_SOURCE_DIR) + "/models/own_outlet.hso");
    return m.ok() ? std::move(m).value() : nullptr;
  }();
  return model.get();
}

// What resolve reads, as the pipeline passes it: the tagger's first-name statistics and the ranker.
inline resolve::Knowledge ShippedKnowledge() {
  const entities::Tagger* t = ShippedTagger();
  return {t ? t->gazetteer() : nullptr, ShippedCorefModel()};
}

inline DocumentAnalysis AnalyzeForTest(const Document& doc) {
  DocumentAnalysis a;
  a.layout = text::AnalyzeText(doc);
  if (const syntax::Parser* p = ShippedParser()) a.syntax = p->ParseDocument(doc.text, a.layout);
  if (const entities::Tagger* t = ShippedTagger()) {
    entities::FindMentions(doc, a.layout, t, &a.mentions);
    resolve::ResolveInDocument(doc, &a, ShippedKnowledge());
  } else {
    HeuristicMentions(doc, HEARSAY_SHARED_DIR, &a);
  }
  extract::ExtractClaims(doc, &a, ShippedAttributionModel(), nullptr, ShippedOwnOutletModel());
  return a;
}

inline std::vector<Document> ReadDocs(const std::string& path) {
  struct Collect : ingest::DocumentSink {
    void OnDocument(Document d) override { docs.push_back(std::move(d)); }
    void OnReject(Reject) override {}
    std::vector<Document> docs;
  } sink;
  (void)ingest::IngestPaths({path}, {}, sink);
  return std::move(sink.docs);
}

inline std::string EntityName(const DocumentAnalysis& a, int32_t e) {
  return e >= 0 && e < static_cast<int32_t>(a.local_entities.size()) ? a.local_entities[e].name : "";
}

}  // namespace hearsay::testing
