#pragma once
// The entities stage: finds mentions of people, organisations, places, works, outlets and
// other names (a statistical tagger, model.h), plus rule-based ages, dates, money and
// handles (rules.h).
//
// Input: a Document and its TextLayout. Output: mentions sorted by byte_begin (ties: longer
// first), each a half-open byte range inside one sentence, types from EntityType. Name
// mentions (PERSON ... MISC) never overlap each other; rule mentions (AGE, DATE, MONEY,
// HANDLE) may lie inside or next to them. The tagger model is loaded once and shared.
//
//   auto tagger = hearsay::entities::LoadTagger("models");   // null if no ner.hsm there
//   if (!tagger.ok()) { report tagger.status(); }
//   std::vector<hearsay::Mention> mentions;
//   hearsay::entities::FindMentions(doc, layout, tagger->get(), &mentions);
//
// Thread safety: a loaded Tagger is immutable; FindMentions may run on many threads.

#include <memory>
#include <string>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/records.h"
#include "hearsay/status.h"

namespace hearsay::entities {

class Gazetteer;
class NerModel;

class Tagger {
 public:
  virtual ~Tagger() = default;
  // Appends the mentions the model finds in `layout` to *out (unsorted).
  virtual void Tag(const Document& doc, const TextLayout& layout, std::vector<Mention>* out) const = 0;
  // The model's gazetteer (first-name statistics for coreference, phrase lists); may be null.
  virtual const Gazetteer* gazetteer() const { return nullptr; }
  virtual const NerModel* model() const { return nullptr; }
};

// Loads models_dir/ner.hsm (format: model.h and docs/entities.md).
// Returns null (not an error) when the folder has no tagger model; an error when the file
// is there but unreadable, empty, of the wrong magic or version, or built for other features.
Result<std::unique_ptr<Tagger>> LoadTagger(const std::string& models_dir);
// Loads one model file; errors as NerModel::Load (a missing file is NotFound here).
Result<std::unique_ptr<Tagger>> LoadTaggerFile(const std::string& path);
std::unique_ptr<Tagger> MakeTagger(std::unique_ptr<NerModel> model);

// Finds mentions: tagger spans refined by context (OUTLET, WORK), then rule mentions.
// `tagger` may be null (rules only).
void FindMentions(const Document& doc, const TextLayout& layout, const Tagger* tagger, std::vector<Mention>* out);

}  // namespace hearsay::entities
