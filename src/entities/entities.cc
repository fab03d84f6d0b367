#include "entities/entities.h"

#include <algorithm>

namespace hearsay::entities {

void FindMentions(const Document& doc, const TextLayout& layout, const Tagger* tagger, std::vector<Mention>* out) {
  if (tagger) tagger->Tag(doc, layout, out);
  for (const Token& k : layout.tokens) {
    if (k.kind == TokenKind::kHandle) out->push_back(Mention{k.byte_begin, k.byte_end, EntityType::kHandle, 1.0f, -1, false});
  }
  std::stable_sort(out->begin(), out->end(), [](const Mention& a, const Mention& b) { return a.byte_begin < b.byte_begin; });
}

}  // namespace hearsay::entities
