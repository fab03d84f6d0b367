#include "entities/model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "common/file_io.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

namespace {

// Magic, version, feature fingerprint, labels and table size, then the checksum (before any
// length field is trusted). Sets *hash_bits and *producer_len.
Status ReadNerHeader(Reader& r, const std::string& bytes, const std::string& where, uint32_t* hash_bits,
                     uint32_t* producer_len) {
  auto bad = [&](const std::string& what) { return DataLossError(where + ": " + what); };
  if (bytes.empty()) return bad("empty file, expected a tagger model (magic HSNERMDL)");
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kNerMagic, 8) != 0) {
    std::string found = bytes.substr(0, std::min<size_t>(8, bytes.size()));
    for (char& c : found)
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) c = '?';
    return bad("wrong magic: expected \"HSNERMDL\", found \"" + found + "\" (not a hearsay tagger model)");
  }
  std::string magic;
  r.Bytes(8, &magic);
  uint32_t version = 0, fingerprint = 0, labels = 0;
  if (!r.Get(&version)) return bad("truncated header");
  if (version > kNerFormatVersion)
    return FailedPreconditionError(where + ": model format version " + std::to_string(version) +
                                   " is newer than this hearsay supports (expected <= " +
                                   std::to_string(kNerFormatVersion) + "); upgrade hearsay or retrain");
  if (version != kNerFormatVersion)
    return FailedPreconditionError(where + ": model format version " + std::to_string(version) + ", expected " +
                                   std::to_string(kNerFormatVersion) + "; retrain with `hearsay train ner`");
  if (!r.Get(&fingerprint) || !r.Get(&labels) || !r.Get(hash_bits) || !r.Get(producer_len)) return bad("truncated header");
  char hex[2][16];
  std::snprintf(hex[0], sizeof hex[0], "%08x", kFeatureFingerprint);
  std::snprintf(hex[1], sizeof hex[1], "%08x", fingerprint);
  if (fingerprint != kFeatureFingerprint)
    return FailedPreconditionError(where + ": feature fingerprint " + hex[1] + " does not match this build's features (expected " +
                                   hex[0] + "); retrain with `hearsay train ner`");
  if (labels != kNumLabels)
    return FailedPreconditionError(where + ": model has " + std::to_string(labels) + " labels, expected " +
                                   std::to_string(kNumLabels));
  if (*hash_bits < 8 || *hash_bits > 26) return bad("hash bits " + std::to_string(*hash_bits) + " out of range 8..26");
  uint64_t stored_sum = 0;
  std::memcpy(&stored_sum, bytes.data() + bytes.size() - 8, 8);
  uint64_t sum = HashBytes(std::string_view(bytes.data(), bytes.size() - 8), kChecksumSeed);
  if (sum != stored_sum) return bad("checksum mismatch (file corrupt or truncated)");
  return Status::Ok();
}

// The word gazetteer, the phrase list and the word clusters.
Status ReadNerLexicons(Reader& r, size_t file_size, const std::string& where, Gazetteer* gaz, WordClusters* clusters) {
  auto bad = [&](const std::string& what) { return DataLossError(where + ": " + what); };
  uint32_t count = 0;
  if (!r.Get(&count)) return bad("truncated gazetteer");
  if (count > file_size / 18) return bad("gazetteer count larger than the file");
  gaz->ReserveWords(count);
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t h;
    WordEntry e;
    if (!r.Get(&h) || !r.Get(&e.classes) || !r.Get(&e.female) || !r.Get(&e.male)) return bad("truncated gazetteer");
    gaz->AddWord(h, e);
  }
  if (!r.Get(&count)) return bad("truncated phrase list");
  if (count > file_size / 9) return bad("phrase count larger than the file");
  gaz->ReservePhrases(count);
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t h;
    uint8_t t;
    if (!r.Get(&h) || !r.Get(&t)) return bad("truncated phrase list");
    gaz->AddPhrase(h, t);
  }
  if (!r.Get(&count)) return bad("truncated cluster table");
  if (count > file_size / 12) return bad("cluster count larger than the file");
  clusters->Reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t h;
    WordClusters::Ids ids;
    if (!r.Get(&h) || !r.Get(&ids.coarse) || !r.Get(&ids.fine)) return bad("truncated cluster table");
    clusters->Add(h, ids);
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<NerModel>> NerModel::FromBytes(const std::string& bytes, const std::string& where) {
  auto bad = [&](const std::string& what) { return DataLossError(where + ": " + what); };
  Reader r(bytes, bytes.size() >= 8 ? bytes.size() - 8 : 0);
  uint32_t hash_bits = 0, producer_len = 0;
  if (Status s = ReadNerHeader(r, bytes, where, &hash_bits, &producer_len); !s.ok()) return s;
  std::unique_ptr<NerModel> m(new NerModel());
  m->hash_bits_ = hash_bits;
  std::string producer;
  if (!r.Bytes(producer_len, &producer)) return bad("truncated producer string");
  if (Status s = ReadNerLexicons(r, bytes.size(), where, &m->gazetteer_, &m->clusters_); !s.ok()) return s;
  for (Stage& st : m->stage_) {
    for (float& f : st.start)
      if (!r.Get(&f)) return bad("truncated weights");
    for (float& f : st.transition)
      if (!r.Get(&f)) return bad("truncated weights");
  }
  uint32_t rows = 0;
  if (!r.Get(&rows)) return bad("truncated weights");
  m->bucket_row_.assign(size_t{1} << hash_bits, 0);
  m->rows_.resize(rows);
  for (uint32_t i = 0; i < rows; ++i) {
    uint32_t bucket;
    if (!r.Get(&bucket) || bucket >= m->bucket_row_.size()) return bad("bad weight row " + std::to_string(i));
    m->bucket_row_[bucket] = i + 1;
    Row& row = m->rows_[i];
    for (int s = 0; s < 2; ++s) {
      if (!r.Get(&row.scale[s])) return bad("truncated weights");
      for (int l = 0; l < kNumLabels; ++l)
        if (!r.Get(&row.w[s][l])) return bad("truncated weights");
    }
  }
  m->extractor_.IndexWords();
  if (r.byte_offset() != bytes.size() - 8)
    return bad(std::to_string(bytes.size() - 8 - r.byte_offset()) + " unexpected bytes after the weights");
  return m;
}

namespace {

// Per-row int16 quantisation of one bucket's weights; returns the scale (0 if all ~zero).
float Quantise(const float* w, int16_t* q) {
  float max_abs = 0;
  for (int l = 0; l < kNumLabels; ++l) max_abs = std::max(max_abs, std::fabs(w[l]));
  if (max_abs < 1e-4f) {
    std::fill(q, q + kNumLabels, int16_t{0});
    return 0;
  }
  float scale = max_abs / 32767.0f;
  for (int l = 0; l < kNumLabels; ++l) q[l] = static_cast<int16_t>(std::lround(w[l] / scale));
  return scale;
}

}  // namespace

std::unique_ptr<NerModel> NerModel::FromDense(const DenseWeights& d1, const DenseWeights& d2, Gazetteer gazetteer,
                                              WordClusters clusters) {
  std::unique_ptr<NerModel> m(new NerModel());
  m->gazetteer_ = std::move(gazetteer);
  m->clusters_ = std::move(clusters);
  m->extractor_.IndexWords();
  m->hash_bits_ = d1.hash_bits;
  const DenseWeights* dense[2] = {&d1, &d2};
  for (int s = 0; s < 2; ++s) {
    m->stage_[s].start = dense[s]->start;
    m->stage_[s].transition = dense[s]->transition;
  }
  size_t buckets = size_t{1} << d1.hash_bits;
  m->bucket_row_.assign(buckets, 0);
  for (size_t b = 0; b < buckets; ++b) {
    Row row{};
    bool any = false;
    for (int s = 0; s < 2; ++s) {
      const std::vector<float>& f = dense[s]->features;
      row.scale[s] = f.size() >= (b + 1) * kNumLabels ? Quantise(&f[b * kNumLabels], row.w[s]) : 0;
      any |= row.scale[s] > 0;
    }
    if (!any) continue;
    m->rows_.push_back(row);
    m->bucket_row_[b] = static_cast<uint32_t>(m->rows_.size());
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
  for (const Stage& st : stage_) {
    for (float f : st.start) w.Put(f);
    for (float f : st.transition) w.Put(f);
  }
  w.Put<uint32_t>(static_cast<uint32_t>(row_count()));
  for (size_t b = 0; b < bucket_row_.size(); ++b) {
    if (!bucket_row_[b]) continue;
    w.Put<uint32_t>(static_cast<uint32_t>(b));
    const Row& row = rows_[bucket_row_[b] - 1];
    for (int s = 0; s < 2; ++s) {
      w.Put(row.scale[s]);
      for (int l = 0; l < kNumLabels; ++l) w.Put(row.w[s][l]);
    }
  }
  w.Put<uint64_t>(HashBytes(w.str(), kChecksumSeed));
  return std::move(w.str());
}

namespace {

// Adds float(w[l]) * scale to acc[l] for l < kNumLabels. The SSE2 path does per lane the same
// float multiply and add as the scalar loop (no fused multiply-add), so the sums are identical.
#if defined(__SSE2__)
static_assert(kNumLabels == 13, "AddRow's lane layout assumes 13 labels");
struct LabelAcc {
  __m128 v[4] = {_mm_setzero_ps(), _mm_setzero_ps(), _mm_setzero_ps(), _mm_setzero_ps()};
  // v[0]: labels 0-3, v[1]: 4-7, v[2]: 8-11, v[3]: lane 3 is label 12 (lanes 0-2 unused).
  void AddRow(const int16_t* w, float scale) {
    const __m128 s = _mm_set1_ps(scale);
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w));      // labels 0-7
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 4));  // labels 4-11
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 5));  // labels 5-12
    v[0] = _mm_add_ps(v[0], _mm_mul_ps(Low(a), s));
    v[1] = _mm_add_ps(v[1], _mm_mul_ps(High(a), s));
    v[2] = _mm_add_ps(v[2], _mm_mul_ps(High(b), s));
    v[3] = _mm_add_ps(v[3], _mm_mul_ps(High(c), s));
  }
  void AddTo(float* out) const {
    alignas(16) float a[16];
    for (int k = 0; k < 4; ++k) _mm_store_ps(a + 4 * k, v[k]);
    a[12] = a[15];
    for (int l = 0; l < kNumLabels; ++l) out[l] += a[l];
  }
  // Sign-extended int16 lanes 0-3 (Low) or 4-7 (High) as floats.
  static __m128 Low(__m128i x) { return _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16)); }
  static __m128 High(__m128i x) { return _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16)); }
};
#else
struct LabelAcc {
  float a[kNumLabels] = {};
  void AddRow(const int16_t* w, float scale) {
    for (int l = 0; l < kNumLabels; ++l) a[l] += static_cast<float>(w[l]) * scale;
  }
  void AddTo(float* out) const {
    for (int l = 0; l < kNumLabels; ++l) out[l] += a[l];
  }
};
#endif

}  // namespace

void NerModel::AddEmissions(const std::vector<uint64_t>& features, const std::vector<uint32_t>& offsets, float* emit1,
                            float* emit2) const {
  // Memory-bound: two dependent random reads per feature (bucket -> row). Resolve all
  // buckets first with prefetches ahead, then read the rows with prefetches ahead.
  constexpr size_t kAhead = 24;
  const size_t nf = features.size();
  const uint64_t mask = (uint64_t{1} << hash_bits_) - 1;
  thread_local std::vector<uint32_t> row_of;
  row_of.resize(nf);
  for (size_t f = 0; f < nf; ++f) {
    if (f + kAhead < nf) __builtin_prefetch(&bucket_row_[features[f + kAhead] & mask]);
    row_of[f] = bucket_row_[features[f] & mask];
  }
  const size_t n = offsets.empty() ? 0 : offsets.size() - 1;
  for (size_t t = 0; t < n; ++t) {
    LabelAcc acc1, acc2;
    for (uint32_t f = offsets[t]; f < offsets[t + 1]; ++f) {
      if (f + kAhead < nf && row_of[f + kAhead]) __builtin_prefetch(&rows_[row_of[f + kAhead] - 1]);
      if (!row_of[f]) continue;
      const Row& row = rows_[row_of[f] - 1];
      if (emit1) acc1.AddRow(row.w[0], row.scale[0]);
      acc2.AddRow(row.w[1], row.scale[1]);
    }
    if (emit1) acc1.AddTo(emit1 + t * kNumLabels);
    acc2.AddTo(emit2 + t * kNumLabels);
  }
}

void NerModel::TagDocument(const std::vector<SentenceInput>& sentences, std::vector<std::vector<int>>* labels,
                           int stages) const {
  labels->resize(sentences.size());
  thread_local std::vector<uint64_t> features, keys;
  thread_local std::vector<uint32_t> offsets, sentence_offsets, sentence_begin;
  thread_local std::vector<float> emit1, emit2;
  thread_local std::vector<int> stage1, path;
  features.clear();
  keys.clear();
  offsets.clear();
  sentence_begin.clear();
  const DocStats stats = extractor_.CollectDocStats(sentences);
  for (const SentenceInput& s : sentences) {
    sentence_begin.push_back(static_cast<uint32_t>(keys.size()));
    extractor_.Extract(s, stats, &features, &sentence_offsets, &keys);
    offsets.insert(offsets.end(), sentence_offsets.begin(), sentence_offsets.end() - 1);
  }
  offsets.push_back(static_cast<uint32_t>(features.size()));
  const size_t n = keys.size();
  emit1.assign(n * kNumLabels, 0.0f);
  emit2.assign(n * kNumLabels, 0.0f);
  AddEmissions(features, offsets, emit1.data(), emit2.data());
  auto decode = [&](const Stage& st, const std::vector<float>& emit, std::vector<int>* out) {
    out->resize(n);
    for (size_t s = 0; s < sentences.size(); ++s) {
      const size_t begin = sentence_begin[s], len = sentences[s].tokens.size();
      ViterbiDecode(emit.data() + begin * kNumLabels, len, st.start, st.transition, &path);
      std::copy(path.begin(), path.end(), out->begin() + static_cast<long>(begin));
    }
  };
  decode(stage_[0], emit1, &stage1);
  if (stages >= 2) {
    HistoryFeatures(keys, stage1, sentence_begin, &features, &offsets);
    AddEmissions(features, offsets, nullptr, emit2.data());
    decode(stage_[1], emit2, &stage1);
  }
  for (size_t s = 0; s < sentences.size(); ++s) {
    auto first = stage1.begin() + static_cast<long>(sentence_begin[s]);
    (*labels)[s].assign(first, first + static_cast<long>(sentences[s].tokens.size()));
  }
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
  // Disallowed transitions folded into the scores, so the inner loop has no branch.
  float trans[kNumLabels * kNumLabels];
  for (int p = 0; p < kNumLabels; ++p)
    for (int y = 0; y < kNumLabels; ++y)
      trans[p * kNumLabels + y] = AllowedTransition(p, y) ? transition[p * kNumLabels + y] : kNegInf;
  for (int y = 0; y < kNumLabels; ++y) best[y] = (y == 0 || IsBegin(y)) ? score[y] + start[y] : kNegInf;
#if defined(__SSE2__)
  // The recursion four labels y at a time: per lane the same additions and the same strict
  // comparisons in the same order of p as the scalar loop below (first best p kept).
  float trans_pad[kNumLabels][16];  // trans_pad[p][y], 16 lanes (the last 3 unused)
  for (int p = 0; p < kNumLabels; ++p)
    for (int y = 0; y < 16; ++y) trans_pad[p][y] = y < kNumLabels ? trans[p * kNumLabels + y] : kNegInf;
  for (size_t t = 1; t < n; ++t) {
    const float* prev = &best[(t - 1) * kNumLabels];
    alignas(16) float top_out[16];
    alignas(16) int32_t arg_out[16];
    for (int q = 0; q < 4; ++q) {
      __m128 top = _mm_add_ps(_mm_set1_ps(prev[0]), _mm_loadu_ps(&trans_pad[0][4 * q]));
      __m128i arg = _mm_setzero_si128();
      for (int p = 1; p < kNumLabels; ++p) {
        const __m128 v = _mm_add_ps(_mm_set1_ps(prev[p]), _mm_loadu_ps(&trans_pad[p][4 * q]));
        const __m128 gt = _mm_cmpgt_ps(v, top);
        top = _mm_or_ps(_mm_and_ps(gt, v), _mm_andnot_ps(gt, top));
        const __m128i g = _mm_castps_si128(gt);
        arg = _mm_or_si128(_mm_and_si128(g, _mm_set1_epi32(p)), _mm_andnot_si128(g, arg));
      }
      _mm_store_ps(top_out + 4 * q, top);
      _mm_store_si128(reinterpret_cast<__m128i*>(arg_out + 4 * q), arg);
    }
    for (int y = 0; y < kNumLabels; ++y) {
      best[t * kNumLabels + y] = top_out[y] + score[t * kNumLabels + y];
      back[t * kNumLabels + y] = static_cast<uint8_t>(arg_out[y]);
    }
  }
#else
  for (size_t t = 1; t < n; ++t) {
    const float* prev = &best[(t - 1) * kNumLabels];
    for (int y = 0; y < kNumLabels; ++y) {
      float top = prev[0] + trans[y];
      int arg = 0;
      for (int p = 1; p < kNumLabels; ++p) {
        float v = prev[p] + trans[p * kNumLabels + y];
        if (v > top) {
          top = v;
          arg = p;
        }
      }
      best[t * kNumLabels + y] = top + score[t * kNumLabels + y];
      back[t * kNumLabels + y] = static_cast<uint8_t>(arg);
    }
  }
#endif
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
