#pragma once
// The hearsay pipeline as one call: documents in, analyses out.
//
//   ingest ─► text ─► entities ─► extract ─► resolve ─► fuse ─► score ─► report
//   (per document, parallel, stateless)                 (corpus level)
//
//   hearsay::Models models;                                  // or LoadModels(dir)
//   hearsay::CorpusResult r = hearsay::AnalyzeCorpus(docs, models, /*jobs=*/2);
//   // r.analyses[i] belongs to docs[i]; r.corpus holds entities, clusters, ...
//
// Determinism: the result does not depend on `jobs` or on scheduling.
// Thread safety: Models is immutable once loaded and may be shared.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/records.h"
#include "hearsay/status.h"

namespace hearsay {

namespace entities { class Tagger; }
namespace extract { class AttributionModel; class RelationScorer; class OwnOutletModel; }
namespace resolve { class CorefModel; }
namespace score { class ArticleModel; }
namespace syntax { class Parser; }

struct Models {
  Models();
  ~Models();
  Models(Models&&) noexcept;
  Models& operator=(Models&&) noexcept;
  std::unique_ptr<entities::Tagger> tagger;          // null: rules only
  std::unique_ptr<syntax::Parser> parser;            // null: no trees (extract falls back to token patterns)
  std::unique_ptr<score::ArticleModel> article_model; // null: articles are not scored
  std::unique_ptr<extract::AttributionModel> attribution;  // null: attributions from quotes and cue-verb frames only
  std::unique_ptr<extract::RelationScorer> relations;     // null: family relations as the rules read them
  std::unique_ptr<resolve::CorefModel> coref;        // null: pronouns by the nearest-person rule
  std::unique_ptr<extract::OwnOutletModel> own_outlet;     // null: the article's own outlet by hand rules
  std::vector<std::string> notes;                    // what was loaded, or why not
};

// Loads the models found in `dir` (models/ of the project by default). A missing model is
// not an error (the stage runs without it and a note says so); a corrupt one is.
Result<Models> LoadModels(const std::string& dir);

// The per-document stages for one document.
DocumentAnalysis AnalyzeDocument(const Document& doc, const Models& models);

// Frees what only the per-document stages read, keeping what the corpus stages, the store's
// graph tables and the views read: the dependency trees go, tokens and sentences go with
// their counts kept (TextLayout::token_count, sentence_count), and the vectors kept (and
// local entities' names and aliases) are cut to their size, no spare capacity. A corpus of
// 100,000 articles holds about a tenth of the memory then (docs/scale.md). Encode an
// analysis for the store's cache (store/analysis_codec.h) before releasing it. Idempotent;
// no value changes.
void ReleaseForCorpus(DocumentAnalysis* analysis);

struct CorpusResult {
  std::vector<DocumentAnalysis> analyses;  // one per document, same order
  CorpusAnalysis corpus;
};

class TextSpill;  // common/text_spill.h

// The corpus stages (cross-document resolution, fusion, cluster scores) over documents
// whose per-document analyses are done (fresh or read back from the store). `duplicates`:
// FindNearDuplicateDocuments(docs) found before (nullptr: found here); the result is the same.
// `texts`: the documents' texts where they were moved out of `docs` (null: all in docs).
CorpusAnalysis AnalyzeCorpusStages(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses,
                                   const std::vector<DuplicatePair>* duplicates = nullptr, const TextSpill* texts = nullptr);

// The near-duplicate pairs of the corpus stages (fuse/near_duplicates.h), on `jobs` threads
// (0: all). They read only the documents' text, so a caller can find them while the
// per-document stages run (on a thread of its own) and hand them to AnalyzeCorpusStages.
std::vector<DuplicatePair> FindNearDuplicateDocuments(const std::vector<Document>& docs, int jobs,
                                                      const TextSpill* texts = nullptr);

// Candidate groups of the corpus stages that a store finds with GROUP BY queries over
// per-document keys (docs/scale.md) instead of the stages grouping in memory. Each is asked
// for once, when its stage starts; groups hold two or more members, in any order.
class CorpusKeyGroups {
 public:
  virtual ~CorpusKeyGroups() = default;
  // Documents sharing the key of an LSH band (fuse::BandKeys), as document indices.
  virtual Result<std::vector<std::vector<uint32_t>>> LshBuckets() = 0;
  // Local entities sharing a blocking key (resolve::EntityKeysOf, resolve::BlockingKey).
  virtual Result<std::vector<std::vector<LocalEntityRef>>> EntityGroups(const std::vector<DocumentAnalysis>& analyses) = 0;
  // Claims sharing a cluster key (fuse::ClaimKeysOf, fuse::ClaimKeyOf) once `resolved`
  // holds the entities and local_to_global of cross-document resolution.
  virtual Result<std::vector<std::vector<ClaimRef>>> ClaimGroups(const std::vector<DocumentAnalysis>& analyses,
                                                                 const CorpusAnalysis& resolved) = 0;
};

// The corpus stages with the groups of `groups`: the same result as without, or the first
// error of `groups`.
Result<CorpusAnalysis> AnalyzeCorpusStages(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses,
                                           CorpusKeyGroups& groups, const TextSpill* texts = nullptr);

// Per-document stages on `jobs` threads, then the corpus stages. `progress(done, total)`
// is called from worker threads as documents finish (may be empty).
CorpusResult AnalyzeCorpus(const std::vector<Document>& docs, const Models& models, int jobs,
                           const std::function<void(size_t, size_t)>& progress = {});

}  // namespace hearsay
