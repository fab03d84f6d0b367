#pragma once
// What every fuse step reads: the corpus, per-document dates and outlets, and the
// numbering of claims the report uses ("c1", "c2", ... in corpus order), so that
// contradictions can name claims.
//
// assumes: corpus.local_to_global has one row per analysis (ResolveAcrossDocuments ran).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/text_spill.h"
#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::fuse {

struct FuseContext {
  // texts: the documents' texts where they were moved out of `docs` (null: in docs).
  FuseContext(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses, CorpusAnalysis& corpus,
              const TextSpill* texts = nullptr);

  const std::vector<Document>& docs;
  const std::vector<DocumentAnalysis>& analyses;
  CorpusAnalysis& corpus;
  const TextSpill* texts;
  std::vector<std::optional<int64_t>> published_day;  // Document::published as a day number
  std::vector<std::string> outlet;                    // metadata outlet, else detected; "" if none
  std::vector<std::string> outlet_key;                // OutletKey(outlet)
  std::vector<uint64_t> claim_base;                   // claims before this document

  // Global entity of a document's local entity, -1 when there is none.
  int32_t Global(uint32_t doc_idx, int32_t local_idx) const;
  const Claim& ClaimAt(const ClaimRef& ref) const { return analyses[ref.doc_idx].claims[ref.claim_idx]; }
  std::string ClaimId(const ClaimRef& ref) const { return "c" + std::to_string(claim_base[ref.doc_idx] + ref.claim_idx + 1); }
  std::string EntityName(int32_t global_idx) const;
  // "StarWire, 2025-09-20" / "doc-1234, undated": how explanations name a document.
  std::string DocLabel(uint32_t doc_idx) const;
  // The document's date for ordering: published, else the latest day of its estimated
  // window, else empty (unknown).
  std::optional<int64_t> EffectiveDay(uint32_t doc_idx) const;
  // The document's evidence text for a byte span, clamped to the text.
  std::string Slice(uint32_t doc_idx, uint32_t byte_begin, uint32_t byte_end) const;
};

// Outlet names compared across documents: accents and case folded, spaces and
// punctuation removed, a leading "the", a trailing ".com" and then a trailing "weekly",
// "magazine" or "online" dropped: "RadarOnline.com", "Radar Online" and "radar" give
// "radar"; "In Touch Weekly" and "In Touch" give "intouch".
std::string OutletKey(const std::string& outlet);

}  // namespace hearsay::fuse
