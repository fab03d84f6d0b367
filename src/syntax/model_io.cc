// ParserModel::Deserialize: checks and reads the file written by ParserModel::Serialize.
#include <cstring>

#include "syntax/internal/model.h"

namespace hearsay::syntax {
namespace {

bool ReadStrings(std::string_view* in, std::vector<std::string>* out) {
  uint32_t n;
  if (!GetU32(in, &n) || n > 100000) return false;
  out->resize(n);
  for (auto& s : *out)
    if (!GetStr(in, &s)) return false;
  return true;
}

bool ReadTagClasses(std::string_view* in, size_t num_xpos, std::vector<TagClass>* out) {
  uint32_t n;
  if (!GetU32(in, &n) || n > 255 || in->size() < 2 * size_t(n)) return false;
  out->resize(n);
  for (auto& t : *out) {
    auto u = uint8_t((*in)[0]), x = uint8_t((*in)[1]);
    in->remove_prefix(2);
    if (u >= kNumUpos || x >= num_xpos) return false;
    t = TagClass{Upos(u), x};
  }
  return true;
}

bool ReadTables(std::string_view* in, ParserModel* m) {
  uint32_t n;
  if (!GetU32(in, &n)) return false;
  for (uint32_t i = 0; i < n; ++i) {
    std::string key, splits;
    if (!GetStr(in, &key) || !GetStr(in, &splits)) return false;
    m->multiword.splits[key] = std::vector<uint8_t>(splits.begin(), splits.end());
  }
  if (!GetU32(in, &n)) return false;
  for (uint32_t i = 0; i < n; ++i) {
    std::string prefix;
    if (!GetStr(in, &prefix)) return false;
    m->multiword.hyphen_prefixes[prefix] = 1;
  }
  if (!GetU32(in, &n)) return false;
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t key;
    if (!GetU64(in, &key) || in->empty()) return false;
    m->tag_dictionary[key] = uint8_t((*in)[0]);
    in->remove_prefix(1);
  }
  if (!GetU32(in, &n) || n > in->size() / 16) return false;
  m->ambiguity.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t key, amb;
    if (!GetU64(in, &key) || !GetU64(in, &amb)) return false;
    m->ambiguity[key] = amb;
  }
  if (!GetU32(in, &n) || n > in->size() / 12) return false;
  m->clusters.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t key;
    uint32_t id;
    if (!GetU64(in, &key) || !GetU32(in, &id)) return false;
    m->clusters[key] = uint16_t(id);
  }
  if (!GetU32(in, &n)) return false;
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t key;
    std::string lemma;
    if (!GetU64(in, &key) || !GetStr(in, &lemma)) return false;
    m->lemmatizer.exceptions[key] = lemma;
  }
  if (!GetU32(in, &n) || n > 255) return false;
  m->lemmatizer.rules.resize(n);
  for (auto& per_tag : m->lemmatizer.rules) {
    uint32_t k;
    if (!GetU32(in, &k)) return false;
    for (uint32_t i = 0; i < k; ++i) {
      uint64_t suffix;
      LemmaRule r;
      if (!GetU64(in, &suffix) || in->empty()) return false;
      r.strip = uint8_t((*in)[0]);
      in->remove_prefix(1);
      if (!GetStr(in, &r.append)) return false;
      per_tag[suffix] = r;
    }
  }
  return true;
}

}  // namespace

Status ParserModel::Deserialize(std::string_view bytes, const std::string& name) {
  if (bytes.size() < 24 || std::memcmp(bytes.data(), kParserMagic, 8) != 0)
    return DataLossError(name + ": not a hearsay parser model (expected magic HSPARSER)");
  std::string_view body = bytes.substr(0, bytes.size() - 8), tail = bytes.substr(bytes.size() - 8);
  uint64_t sum;
  GetU64(&tail, &sum);
  if (sum != HashStr(body)) return DataLossError(name + ": checksum mismatch (file damaged or truncated)");
  std::string_view in = body.substr(8);
  uint32_t version, features;
  GetU32(&in, &version);
  GetU32(&in, &features);
  if (version != kParserFormatVersion)
    return DataLossError(name + ": format version " + std::to_string(version) + ", this build reads " +
                         std::to_string(kParserFormatVersion));
  if (features != kSyntaxFeatureVersion)
    return DataLossError(name + ": trained with feature templates v" + std::to_string(features) +
                         ", this build has v" + std::to_string(kSyntaxFeatureVersion) + " (run `hearsay train parser`)");
  if (!GetStr(&in, &provenance) || !ReadStrings(&in, &xpos_names) || !ReadStrings(&in, &label_names) ||
      xpos_names.size() > 250 || label_names.empty() || label_names[0] != "root" ||
      !ReadTagClasses(&in, xpos_names.size(), &tag_classes) || !ReadTables(&in, this))
    return DataLossError(name + ": header tables are malformed");
  for (const auto& [form, cls] : tag_dictionary)
    if (cls >= tag_classes.size()) return DataLossError(name + ": tag dictionary class out of range");
  label_rels.clear();
  for (const auto& l : label_names) {
    Rel r;
    if (!RelFromLabel(l, &r)) return DataLossError(name + ": unknown dependency relation '" + l + "'");
    label_rels.push_back(r);
  }
  xpos_closed.clear();
  for (const auto& x : xpos_names) xpos_closed.push_back(IsClosedXpos(x));
  for (LinearModel* m : {&tagger, &transitions, &labeller}) {
    Status s = m->Read(&in);
    if (!s.ok()) return DataLossError(name + ": " + s.message());
  }
  if (!in.empty()) return DataLossError(name + ": trailing bytes after the weights");
  return Status::Ok();
}

}  // namespace hearsay::syntax
