#include "ingest/internal/finish.h"

#include <cstring>

#include "common/sha256.h"
#include "common/utf8.h"

namespace hearsay::ingest::internal {

bool LooksBinary(std::string_view bytes, uint64_t* offset) {
  const void* nul = std::memchr(bytes.data(), 0, bytes.size());
  if (nul) {
    *offset = static_cast<const char*>(nul) - bytes.data();
    return true;
  }
  size_t n = std::min<size_t>(bytes.size(), 4096);
  size_t control = 0;
  uint64_t first = 0;
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
      if (control == 0) first = i;
      ++control;
    }
  }
  if (n > 0 && control * 10 > n) {
    *offset = first;
    return true;
  }
  return false;
}

Status FinishDocument(Document& doc) {
  uint64_t first_bad = 0;
  doc.replaced_bytes = utf8::RepairUtf8(doc.text, &first_bad);
  utf8::RepairUtf8(doc.title);
  if (doc.outlet) utf8::RepairUtf8(*doc.outlet);
  for (auto& a : doc.authors) utf8::RepairUtf8(a);
  for (auto& [k, v] : doc.metadata) utf8::RepairUtf8(v);
  bool has_content = false;
  for (char c : doc.text) {
    auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || u >= 0x80) {
      has_content = true;
      break;
    }
  }
  if (!has_content) return DataLossError("no text (only white space or punctuation)");
  doc.content_hash = Sha256Hex(doc.raw);
  if (doc.id.empty()) doc.id = "doc-" + doc.content_hash.substr(0, 16);
  return Status::Ok();
}

}  // namespace hearsay::ingest::internal
