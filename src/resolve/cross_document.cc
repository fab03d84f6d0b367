// Cross-document entity resolution (corpus level). First implementation: entities merge
// across documents on identical (type, canonical name); the Fusion issue replaces it with
// blocking on normalised name keys and merge confidences.
#include <algorithm>
#include <map>
#include <string>

#include "resolve/resolve.h"

namespace hearsay::resolve {

void ResolveAcrossDocuments(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses,
                            CorpusAnalysis* corpus) {
  (void)docs;
  std::map<std::pair<int, std::string>, int32_t> by_key;
  corpus->local_to_global.assign(analyses.size(), {});
  for (size_t d = 0; d < analyses.size(); ++d) {
    const auto& a = analyses[d];
    auto& map = corpus->local_to_global[d];
    map.assign(a.local_entities.size(), -1);
    for (size_t e = 0; e < a.local_entities.size(); ++e) {
      const LocalEntity& le = a.local_entities[e];
      auto key = std::make_pair(static_cast<int>(le.type), le.name);
      auto it = by_key.find(key);
      if (it == by_key.end()) {
        it = by_key.emplace(key, static_cast<int32_t>(corpus->entities.size())).first;
        Entity ent;
        ent.id = "e" + std::to_string(corpus->entities.size() + 1);
        ent.name = le.name;
        ent.type = le.type;
        corpus->entities.push_back(std::move(ent));
      }
      map[e] = it->second;
      Entity& ent = corpus->entities[it->second];
      for (const auto& alias : le.aliases)
        if (std::find(ent.aliases.begin(), ent.aliases.end(), alias) == ent.aliases.end()) ent.aliases.push_back(alias);
    }
    for (size_t m = 0; m < a.mentions.size(); ++m) {
      int32_t local = a.mentions[m].entity_idx;
      if (local < 0) continue;
      int32_t global = map[local];
      if (global >= 0) corpus->entities[global].mentions.push_back(MentionRef{static_cast<uint32_t>(d), static_cast<uint32_t>(m)});
    }
  }
}

}  // namespace hearsay::resolve
