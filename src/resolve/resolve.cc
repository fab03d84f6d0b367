#include "resolve/resolve.h"

#include <algorithm>
#include <map>
#include <string>

namespace hearsay::resolve {

void ResolveInDocument(const Document& doc, DocumentAnalysis* analysis) {
  std::map<std::pair<int, std::string>, int32_t> by_text;
  for (Mention& m : analysis->mentions) {
    if (m.type == EntityType::kAge || m.type == EntityType::kDate || m.type == EntityType::kMoney) continue;
    std::string text = doc.text.substr(m.byte_begin, m.byte_end - m.byte_begin);
    auto key = std::make_pair(static_cast<int>(m.type), text);
    auto it = by_text.find(key);
    if (it == by_text.end()) {
      it = by_text.emplace(key, static_cast<int32_t>(analysis->local_entities.size())).first;
      analysis->local_entities.push_back(LocalEntity{text, m.type, {text}, ""});
    }
    m.entity_idx = it->second;
  }
}

}  // namespace hearsay::resolve
