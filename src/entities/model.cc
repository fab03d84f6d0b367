#include "entities/model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "common/file_io.h"

namespace hearsay::entities {
namespace {

const char* kTypeNames[kNumTypes] = {"PER", "ORG", "LOC", "MISC", "OUTLET", "WORK"};
constexpr uint64_t kMaxModelBytes = 256ull << 20;

class Writer {
 public:
  template <typename T>
  void Put(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));  // little-endian hosts only (x86-64, aarch64)
    out_.append(b, sizeof(T));
  }
  void Bytes(const std::string& s) { out_ += s; }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  Reader(const std::string& bytes, size_t end) : bytes_(bytes), end_(end) {}
  template <typename T>
  bool Get(T* v) {
    if (pos_ + sizeof(T) > end_) return false;
    std::memcpy(v, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool Bytes(size_t n, std::string* s) {
    if (pos_ + n > end_) return false;
    s->assign(bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  size_t byte_offset() const { return pos_; }

 private:
  const std::string& bytes_;
  size_t end_;
  size_t pos_ = 0;
};

}  // namespace

std::string LabelName(int label) {
  if (label <= 0 || label >= kNumLabels) return "O";
  return std::string(IsBegin(label) ? "B-" : "I-") + kTypeNames[LabelType(label)];
}

int LabelFromName(const std::string& name) {
  if (name == "O") return 0;
  if (name.size() < 3 || name[1] != '-') return -1;
  for (int t = 0; t < kNumTypes; ++t) {
    if (name.compare(2, std::string::npos, kTypeNames[t]) != 0) continue;
    if (name[0] == 'B') return BeginLabel(t);
    if (name[0] == 'I') return InsideLabel(t);
  }
  return -1;
}

Result<std::unique_ptr<NerModel>> NerModel::Load(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return NotFoundError(path + ": tagger model not found (build it with `hearsay train ner`)");
  auto bytes = ReadWholeFile(path, kMaxModelBytes);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes, path);
}

Result<std::unique_ptr<NerModel>> NerModel::FromBytes(const std::string& bytes, const std::string& where) {
  auto bad = [&](const std::string& what) { return DataLossError(where + ": " + what); };
  if (bytes.empty()) return bad("empty file, expected a tagger model (magic HSNERMDL)");
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kNerMagic, 8) != 0) {
    std::string found = bytes.substr(0, std::min<size_t>(8, bytes.size()));
    for (char& c : found)
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) c = '?';
    return bad("wrong magic: expected \"HSNERMDL\", found \"" + found + "\" (not a hearsay tagger model)");
  }
  Reader r(bytes, bytes.size() >= 8 ? bytes.size() - 8 : 0);
  std::string magic;
  r.Bytes(8, &magic);
  uint32_t version = 0, fingerprint = 0, labels = 0, hash_bits = 0, producer_len = 0;
  if (!r.Get(&version)) return bad("truncated header");
  if (version > kNerFormatVersion)
    return FailedPreconditionError(where + ": model format version " + std::to_string(version) +
                                   " is newer than this hearsay supports (expected <= " +
                                   std::to_string(kNerFormatVersion) + "); upgrade hearsay or retrain");
  if (version != kNerFormatVersion)
    return FailedPreconditionError(where + ": model format version " + std::to_string(version) + ", expected " +
                                   std::to_string(kNerFormatVersion) + "; retrain with `hearsay train ner`");
  if (!r.Get(&fingerprint) || !r.Get(&labels) || !r.Get(&hash_bits) || !r.Get(&producer_len))
    return bad("truncated header");
  char hex[2][16];
  std::snprintf(hex[0], sizeof hex[0], "%08x", kFeatureFingerprint);
  std::snprintf(hex[1], sizeof hex[1], "%08x", fingerprint);
  if (fingerprint != kFeatureFingerprint)
    return FailedPreconditionError(where + ": feature fingerprint " + hex[1] + " does not match this build's features (expected " +
                                   hex[0] + "); retrain with `hearsay train ner`");
  if (labels != kNumLabels)
    return FailedPreconditionError(where + ": model has " + std::to_string(labels) + " labels, expected " +
                                   std::to_string(kNumLabels));
  if (hash_bits < 8 || hash_bits > 26) return bad("hash bits " + std::to_string(hash_bits) + " out of range 8..26");
  uint64_t stored_sum = 0;
  std::memcpy(&stored_sum, bytes.data() + bytes.size() - 8, 8);
  uint64_t sum = HashBytes(std::string_view(bytes.data(), bytes.size() - 8), kChecksumSeed);
  if (sum != stored_sum) return bad("checksum mismatch (file corrupt or truncated)");

  std::unique_ptr<NerModel> m(new NerModel());
  m->hash_bits_ = hash_bits;
  std::string producer;
  if (!r.Bytes(producer_len, &producer)) return bad("truncated producer string");
  uint32_t count = 0;
  if (!r.Get(&count)) return bad("truncated gazetteer");
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t h;
    WordEntry e;
    if (!r.Get(&h) || !r.Get(&e.classes) || !r.Get(&e.female) || !r.Get(&e.male)) return bad("truncated gazetteer");
    m->gazetteer_.AddWord(h, e);
  }
  if (!r.Get(&count)) return bad("truncated phrase list");
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t h;
    uint8_t t;
    if (!r.Get(&h) || !r.Get(&t)) return bad("truncated phrase list");
    m->gazetteer_.AddPhrase(h, t);
  }
  if (!r.Get(&count)) return bad("truncated cluster table");
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t h;
    WordClusters::Ids ids;
    if (!r.Get(&h) || !r.Get(&ids.coarse) || !r.Get(&ids.fine)) return bad("truncated cluster table");
    m->clusters_.Add(h, ids);
  }
  for (float& f : m->start_)
    if (!r.Get(&f)) return bad("truncated weights");
  for (float& f : m->transition_)
    if (!r.Get(&f)) return bad("truncated weights");
  uint32_t rows = 0;
  if (!r.Get(&rows)) return bad("truncated weights");
  m->bucket_row_.assign(size_t{1} << hash_bits, 0);
  m->rows_.resize(size_t{rows} * kNumLabels);
  m->row_scale_.resize(rows);
  for (uint32_t i = 0; i < rows; ++i) {
    uint32_t bucket;
    if (!r.Get(&bucket) || bucket >= m->bucket_row_.size()) return bad("bad weight row " + std::to_string(i));
    if (!r.Get(&m->row_scale_[i])) return bad("truncated weights");
    m->bucket_row_[bucket] = i + 1;
    for (int l = 0; l < kNumLabels; ++l)
      if (!r.Get(&m->rows_[size_t{i} * kNumLabels + l])) return bad("truncated weights");
  }
  if (r.byte_offset() != bytes.size() - 8)
    return bad(std::to_string(bytes.size() - 8 - r.byte_offset()) + " unexpected bytes after the weights");
  return m;
}

std::unique_ptr<NerModel> NerModel::FromDense(const DenseWeights& d, Gazetteer gazetteer, WordClusters clusters) {
  std::unique_ptr<NerModel> m(new NerModel());
  m->gazetteer_ = std::move(gazetteer);
  m->clusters_ = std::move(clusters);
  m->hash_bits_ = d.hash_bits;
  m->start_ = d.start;
  m->transition_ = d.transition;
  size_t buckets = size_t{1} << d.hash_bits;
  m->bucket_row_.assign(buckets, 0);
  for (size_t b = 0; b < buckets; ++b) {
    float max_abs = 0;
    for (int l = 0; l < kNumLabels; ++l) max_abs = std::max(max_abs, std::fabs(d.features[b * kNumLabels + l]));
    if (max_abs < 1e-4f) continue;
    float scale = max_abs / 32767.0f;
    int16_t q[kNumLabels];
    for (int l = 0; l < kNumLabels; ++l) q[l] = static_cast<int16_t>(std::lround(d.features[b * kNumLabels + l] / scale));
    m->rows_.insert(m->rows_.end(), q, q + kNumLabels);
    m->row_scale_.push_back(scale);
    m->bucket_row_[b] = static_cast<uint32_t>(m->rows_.size() / kNumLabels);
  }
  return m;
}

std::string NerModel::Serialize(const std::string& producer) const {
  Writer w;
  w.Bytes(std::string(kNerMagic, 8));
  w.Put<uint32_t>(kNerFormatVersion);
  w.Put<uint32_t>(kFeatureFingerprint);
  w.Put<uint32_t>(kNumLabels);
  w.Put<uint32_t>(hash_bits_);
  w.Put<uint32_t>(static_cast<uint32_t>(producer.size()));
  w.Bytes(producer);
  // Sorted by hash so the file is byte-identical for the same training run.
  std::vector<std::pair<uint64_t, WordEntry>> words(gazetteer_.words().begin(), gazetteer_.words().end());
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.Put<uint32_t>(static_cast<uint32_t>(words.size()));
  for (const auto& [h, e] : words) {
    w.Put(h);
    w.Put(e.classes);
    w.Put(e.female);
    w.Put(e.male);
  }
  std::vector<std::pair<uint64_t, uint8_t>> phrases(gazetteer_.phrases().begin(), gazetteer_.phrases().end());
  std::sort(phrases.begin(), phrases.end());
  w.Put<uint32_t>(static_cast<uint32_t>(phrases.size()));
  for (const auto& [h, t] : phrases) {
    w.Put(h);
    w.Put(t);
  }
  std::vector<std::pair<uint64_t, WordClusters::Ids>> cl(clusters_.all().begin(), clusters_.all().end());
  std::sort(cl.begin(), cl.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.Put<uint32_t>(static_cast<uint32_t>(cl.size()));
  for (const auto& [h, ids] : cl) {
    w.Put(h);
    w.Put(ids.coarse);
    w.Put(ids.fine);
  }
  for (float f : start_) w.Put(f);
  for (float f : transition_) w.Put(f);
  w.Put<uint32_t>(static_cast<uint32_t>(row_count()));
  for (size_t b = 0; b < bucket_row_.size(); ++b) {
    if (!bucket_row_[b]) continue;
    w.Put<uint32_t>(static_cast<uint32_t>(b));
    w.Put(row_scale_[bucket_row_[b] - 1]);
    const int16_t* row = &rows_[size_t{bucket_row_[b] - 1} * kNumLabels];
    for (int l = 0; l < kNumLabels; ++l) w.Put(row[l]);
  }
  w.Put<uint64_t>(HashBytes(w.str(), kChecksumSeed));
  return std::move(w.str());
}

void NerModel::TagSentence(const SentenceInput& sentence, const DocStats& stats, std::vector<int>* labels) const {
  thread_local std::vector<uint64_t> features;
  thread_local std::vector<uint32_t> offsets;
  features.clear();
  extractor_.Extract(sentence, stats, &features, &offsets);
  Decode(features, offsets, labels);
}

void NerModel::Decode(const std::vector<uint64_t>& features, const std::vector<uint32_t>& offsets,
                      std::vector<int>* labels) const {
  const size_t n = offsets.empty() ? 0 : offsets.size() - 1;
  labels->assign(n, 0);
  if (n == 0) return;
  thread_local std::vector<float> score;  // emission scores, token * L + label
  score.assign(n * kNumLabels, 0.0f);
  const uint64_t mask = (uint64_t{1} << hash_bits_) - 1;
  for (size_t t = 0; t < n; ++t) {
    float* acc = &score[t * kNumLabels];
    for (uint32_t f = offsets[t]; f < offsets[t + 1]; ++f) {
      uint32_t row = bucket_row_[features[f] & mask];
      if (!row) continue;
      const int16_t* w = &rows_[size_t{row - 1} * kNumLabels];
      const float scale = row_scale_[row - 1];
      for (int l = 0; l < kNumLabels; ++l) acc[l] += static_cast<float>(w[l]) * scale;
    }
  }
  ViterbiDecode(score.data(), n, start_, transition_, labels);
}

void ViterbiDecode(const float* score, size_t n, const std::array<float, kNumLabels>& start,
                   const std::array<float, kNumLabels * kNumLabels>& transition, std::vector<int>* labels) {
  labels->assign(n, 0);
  if (n == 0) return;
  thread_local std::vector<float> best;
  thread_local std::vector<uint8_t> back;
  best.assign(n * kNumLabels, 0.0f);
  back.assign(n * kNumLabels, 0);
  constexpr float kNegInf = -1e30f;
  for (int y = 0; y < kNumLabels; ++y) best[y] = (y == 0 || IsBegin(y)) ? score[y] + start[y] : kNegInf;
  for (size_t t = 1; t < n; ++t) {
    for (int y = 0; y < kNumLabels; ++y) {
      float top = kNegInf;
      int arg = 0;
      for (int p = 0; p < kNumLabels; ++p) {
        if (!AllowedTransition(p, y)) continue;
        float v = best[(t - 1) * kNumLabels + p] + transition[p * kNumLabels + y];
        if (v > top) {
          top = v;
          arg = p;
        }
      }
      best[t * kNumLabels + y] = top + score[t * kNumLabels + y];
      back[t * kNumLabels + y] = static_cast<uint8_t>(arg);
    }
  }
  int y = 0;
  float top = kNegInf;
  for (int l = 0; l < kNumLabels; ++l)
    if (best[(n - 1) * kNumLabels + l] > top) {
      top = best[(n - 1) * kNumLabels + l];
      y = l;
    }
  for (size_t t = n; t-- > 0;) {
    (*labels)[t] = y;
    y = back[t * kNumLabels + y];
  }
}

}  // namespace hearsay::entities
