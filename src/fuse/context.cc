#include "fuse/internal/context.h"

#include <algorithm>

#include "fuse/dates.h"

namespace hearsay::fuse {

FuseContext::FuseContext(const std::vector<Document>& docs_in, const std::vector<DocumentAnalysis>& analyses_in,
                         CorpusAnalysis& corpus_in, const TextSpill* texts_in)
    : docs(docs_in), analyses(analyses_in), corpus(corpus_in), texts(texts_in) {
  const size_t n = docs.size();
  published_day.resize(n);
  outlet.resize(n);
  outlet_key.resize(n);
  claim_base.assign(n, 0);
  for (size_t d = 0; d < n; ++d) {
    if (docs[d].published) published_day[d] = ParseIsoDay(*docs[d].published);
    if (docs[d].outlet) outlet[d] = *docs[d].outlet;
    else if (d < analyses.size() && analyses[d].detected_outlet) outlet[d] = *analyses[d].detected_outlet;
    outlet_key[d] = OutletKey(outlet[d]);
    if (d > 0) claim_base[d] = claim_base[d - 1] + analyses[d - 1].claims.size();
  }
}

int32_t FuseContext::Global(uint32_t doc_idx, int32_t local_idx) const {
  if (local_idx < 0 || doc_idx >= corpus.local_to_global.size()) return -1;
  const auto& row = corpus.local_to_global[doc_idx];
  return static_cast<size_t>(local_idx) < row.size() ? row[local_idx] : -1;
}

std::string FuseContext::EntityName(int32_t global_idx) const {
  if (global_idx < 0 || static_cast<size_t>(global_idx) >= corpus.entities.size()) return "someone";
  return corpus.entities[global_idx].name;
}

std::string FuseContext::DocLabel(uint32_t doc_idx) const {
  // "“Title” (Outlet, 2025-03-07)": a reader finds the article by its title, not its id.
  std::string title = docs[doc_idx].title;
  if (title.size() > 90) {
    size_t n = 90;
    while (n > 0 && (static_cast<unsigned char>(title[n]) & 0xC0) == 0x80) --n;  // not inside a UTF-8 sequence
    title = title.substr(0, n) + "…";
  }
  std::string who = outlet[doc_idx].empty() ? "outlet unknown" : outlet[doc_idx];
  std::string when = docs[doc_idx].published ? *docs[doc_idx].published : "undated";
  if (title.empty()) return docs[doc_idx].id + " (" + who + ", " + when + ")";
  return "\u201c" + title + "\u201d (" + who + ", " + when + ")";
}

std::optional<int64_t> FuseContext::EffectiveDay(uint32_t doc_idx) const {
  if (published_day[doc_idx]) return published_day[doc_idx];
  if (doc_idx < corpus.estimated_published.size() && corpus.estimated_published[doc_idx])
    return ParseIsoDay(corpus.estimated_published[doc_idx]->latest);
  return std::nullopt;
}

std::string FuseContext::Slice(uint32_t doc_idx, uint32_t byte_begin, uint32_t byte_end) const {
  const bool spilled = texts && texts->Holds(doc_idx);
  const size_t size = spilled ? texts->Size(doc_idx) : docs[doc_idx].text.size();
  byte_end = std::min<uint32_t>(byte_end, static_cast<uint32_t>(size));
  byte_begin = std::min(byte_begin, byte_end);
  if (!spilled) return docs[doc_idx].text.substr(byte_begin, byte_end - byte_begin);
  std::string out;
  texts->Read(doc_idx, byte_begin, byte_end - byte_begin, &out);
  return out;
}

std::string OutletKey(const std::string& outlet) {
  std::string key;
  for (unsigned char c : outlet) {
    if (c >= 'A' && c <= 'Z') key.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) key.push_back(static_cast<char>(c));
  }
  if (key.rfind("www", 0) == 0 && outlet.rfind("www.", 0) == 0) key.erase(0, 3);
  if (key.size() > 3 && key.rfind("the", 0) == 0 && (outlet.rfind("The ", 0) == 0 || outlet.rfind("the ", 0) == 0))
    key.erase(0, 3);
  for (const char* tail : {"com", "couk", "net", "org"}) {
    std::string t = tail;
    if (key.size() > t.size() + 2 && key.compare(key.size() - t.size(), t.size(), t) == 0 &&
        outlet.find('.') != std::string::npos) {
      key.erase(key.size() - t.size());
      break;
    }
  }
  // "In Touch Weekly" = "In Touch", "RadarOnline" = "Radar", "Us Weekly" = "Us".
  for (const char* tail : {"weekly", "magazine", "online"}) {
    std::string t = tail;
    if (key.size() >= t.size() + 2 && key.compare(key.size() - t.size(), t.size(), t) == 0) {
      key.erase(key.size() - t.size());
      break;
    }
  }
  return key;
}

}  // namespace hearsay::fuse
