#include "entities/entities.h"

#include <algorithm>

#include "entities/rules.h"

namespace hearsay::entities {

void FindMentions(const Document& doc, const TextLayout& layout, const Tagger* tagger, std::vector<Mention>* out) {
  std::vector<Mention> found;
  if (tagger) tagger->Tag(doc, layout, &found);
  TrimSentenceOpeners(doc, layout, tagger ? tagger->gazetteer() : nullptr, &found);
  RefineTypes(doc, layout, tagger ? tagger->gazetteer() : nullptr, &found);
  FindRuleMentions(doc, layout, &found);
  std::sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) {
    if (a.byte_begin != b.byte_begin) return a.byte_begin < b.byte_begin;
    if (a.byte_end != b.byte_end) return a.byte_end > b.byte_end;
    return a.type < b.type;
  });
  out->insert(out->end(), found.begin(), found.end());
}

}  // namespace hearsay::entities
