#pragma once
// The first N GossipCop train articles (text only) with their text layouts, cached per N,
// for the stage benchmarks that need documents (entities, syntax). Empty when ../shared is
// absent (the benchmark then reports the error).
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_corpus.h"
#include "hearsay/document.h"
#include "hearsay/records.h"
#include "text/text.h"

namespace hearsay::bench {

struct DocCorpus {
  std::vector<Document> docs;
  std::vector<TextLayout> layouts;
  size_t tokens = 0;
};

inline const DocCorpus& GossipCopDocs(size_t n) {
  static std::map<size_t, DocCorpus> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return it->second;
  DocCorpus& c = cache[n];
  for (const std::string& line : GossipCopLines(nullptr)) {
    if (c.docs.size() >= n) break;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
    Document d;
    d.text = j["text"].get<std::string>();
    c.docs.push_back(std::move(d));
  }
  for (auto& d : c.docs) {
    c.layouts.push_back(text::AnalyzeText(d));
    c.tokens += c.layouts.back().tokens.size();
  }
  return c;
}

}  // namespace hearsay::bench
