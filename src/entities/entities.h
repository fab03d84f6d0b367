#pragma once
// The entities stage: finds mentions of people, organisations, places, works, outlets and
// other names (a statistical tagger), plus rule-based ages, dates, money and handles.
//
// Input: a Document and its TextLayout. Output: mentions sorted by byte_begin, each inside
// one sentence, types from EntityType. The tagger model is loaded once and shared.
//
//   auto tagger = hearsay::entities::Tagger::Load("models/ner.hsm");
//   std::vector<hearsay::Mention> mentions;
//   hearsay::entities::FindMentions(doc, layout, tagger->get(), &mentions);
//
// Thread safety: a loaded Tagger is immutable; FindMentions may run on many threads.
// Status of this stage: the interface is in place; the tagger is not trained yet, so
// FindMentions returns the rule-based mentions only (handles) until a model is given.

#include <memory>
#include <string>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/records.h"
#include "hearsay/status.h"

namespace hearsay::entities {

class Tagger {
 public:
  virtual ~Tagger() = default;
  // Appends the mentions the model finds in `layout` to *out.
  virtual void Tag(const Document& doc, const TextLayout& layout, std::vector<Mention>* out) const = 0;
};

// Loads the tagger model from `models_dir` (file name and format: docs/formats.md).
// Returns null (not an error) when the folder has no tagger model; an error when the file
// is there but unreadable, of the wrong magic or version, or built for other features.
Result<std::unique_ptr<Tagger>> LoadTagger(const std::string& models_dir);

// Finds mentions; `tagger` may be null (rules only).
void FindMentions(const Document& doc, const TextLayout& layout, const Tagger* tagger, std::vector<Mention>* out);

}  // namespace hearsay::entities
