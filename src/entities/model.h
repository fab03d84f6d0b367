#pragma once
// The tagger model: two linear-chain models over BIO labels of six entity types, scored
// by hashed features (features.h) and decoded with Viterbi. Stage 1 reads the token
// features; stage 2 reads the same features plus HistoryFeatures over stage 1's labels
// for the whole document. Produced by the averaged structured perceptron in
// entities/train/, shipped as models/ner.hsm.
//
//   auto model = NerModel::Load("models/ner.hsm");     // Result<std::unique_ptr<NerModel>>
//   if (!model.ok()) { report model.status(); }
//   std::vector<std::vector<int>> labels;
//   (*model)->TagDocument(sentences, &labels);        // one label id per token
//
// File format (all integers little-endian; see docs/entities.md):
//   offset  size  meaning
//   0       8     magic "HSNERMDL"
//   8       4     u32 format version (kNerFormatVersion)
//   12      4     u32 feature fingerprint (kFeatureFingerprint of the extractor it was trained with)
//   16      4     u32 label count (kNumLabels)
//   20      4     u32 hash bits B (feature buckets = 2^B)
//   24      4     u32 producer string length n, then n bytes ("hearsay <version>")
//   ...           gazetteer words: u32 count, then (u64 hash, u16 classes, u32 female, u32 male)
//   ...           gazetteer phrases: u32 count, then (u64 hash, u8 types)
//   ...           word clusters: u32 count, then (u64 hash, u16 coarse, u16 fine)
//   ...           per stage s = 1, 2: f32 start[L]; f32 transition[L*L] (from*L + to)
//   ...           u32 row count R, then R x (u32 bucket, per stage: f32 scale, i16 weight[L]);
//                 weight = i16 * scale
//   end-8   8     u64 checksum: HashBytes(all preceding bytes, kChecksumSeed)
// The loader checks magic, version, fingerprint, label count and checksum, and says what
// it expected and what it found.
//
// Thread safety: immutable after Load; TagDocument is const and thread-safe.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/huge_pages.h"
#include "entities/features.h"
#include "entities/gazetteer.h"
#include "hearsay/records.h"
#include "hearsay/status.h"

namespace hearsay::entities {

inline constexpr char kNerMagic[8] = {'H', 'S', 'N', 'E', 'R', 'M', 'D', 'L'};
inline constexpr uint32_t kNerFormatVersion = 2;  // 2: two stages per row
inline constexpr uint64_t kChecksumSeed = 0xC4EC;
inline constexpr const char* kNerModelFile = "ner.hsm";

// Entity types the tagger predicts, in label order.
inline constexpr int kNumTypes = 6;
inline constexpr EntityType kTaggerTypes[kNumTypes] = {EntityType::kPerson, EntityType::kOrg,  EntityType::kLoc,
                                                       EntityType::kMisc,   EntityType::kOutlet, EntityType::kWork};
// Labels: 0 = O, 1 + 2*t = B-type t, 2 + 2*t = I-type t.
inline constexpr int kNumLabels = 1 + 2 * kNumTypes;
static_assert(kNumLabels == kHistoryLabels);
inline constexpr int kOutside = 0;
inline int BeginLabel(int type_idx) { return 1 + 2 * type_idx; }
inline int InsideLabel(int type_idx) { return 2 + 2 * type_idx; }
inline int LabelType(int label) { return label == 0 ? -1 : (label - 1) / 2; }
inline bool IsBegin(int label) { return label > 0 && (label - 1) % 2 == 0; }
// "O", "B-PER", "I-ORG", ... with CoNLL type names (PER ORG LOC MISC OUTLET WORK).
std::string LabelName(int label);
// Inverse of LabelName; -1 if unknown.
int LabelFromName(const std::string& name);
// Whether `to` may follow `from` in BIO (I-X only after B-X or I-X).
inline bool AllowedTransition(int from, int to) {
  if (to == 0 || IsBegin(to)) return true;
  return from != 0 && LabelType(from) == LabelType(to);
}

// Dense weights of one stage as produced by training (float, 2^hash_bits rows of kNumLabels).
struct DenseWeights {
  uint32_t hash_bits = 20;
  std::vector<float> features;                   // bucket * kNumLabels + label
  std::array<float, kNumLabels> start{};         // score of starting in a label
  std::array<float, kNumLabels * kNumLabels> transition{};  // from * kNumLabels + to
};

// Viterbi over emission scores (n x kNumLabels, token-major) under BIO constraints:
//   best[0][y] = emit[0][y] + start[y]
//   best[t][y] = emit[t][y] + max_{y' allowed before y} (best[t-1][y'] + transition[y'][y])
// and the arg-max path read back from the last token.
void ViterbiDecode(const float* emissions, size_t n, const std::array<float, kNumLabels>& start,
                   const std::array<float, kNumLabels * kNumLabels>& transition, std::vector<int>* labels);

class NerModel {
 public:
  // Reads and checks a model file. Errors: NotFound (missing), DataLoss (empty,
  // truncated, wrong magic, bad checksum), FailedPrecondition (other format version,
  // other feature fingerprint or label count).
  static Result<std::unique_ptr<NerModel>> Load(const std::string& path);
  static Result<std::unique_ptr<NerModel>> FromBytes(const std::string& bytes, const std::string& where);

  // Quantises dense weights of both stages (same hash_bits); buckets whose rows are all
  // zero after quantisation in both stages are dropped.
  static std::unique_ptr<NerModel> FromDense(const DenseWeights& stage1, const DenseWeights& stage2, Gazetteer gazetteer,
                                             WordClusters clusters);
  std::string Serialize(const std::string& producer) const;

  // Best label sequence of every sentence of one document: document statistics, stage 1
  // (Viterbi under BIO constraints), history features, stage 2. With stages == 1 the
  // stage-1 labels are returned (diagnostics). (*labels)[s][t] is token t of sentence s.
  void TagDocument(const std::vector<SentenceInput>& sentences, std::vector<std::vector<int>>* labels,
                   int stages = 2) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  const WordClusters& clusters() const { return clusters_; }
  const FeatureExtractor& extractor() const { return extractor_; }
  size_t row_count() const { return rows_.size(); }

  NerModel(const NerModel&) = delete;  // large tables; share through a pointer
  NerModel& operator=(const NerModel&) = delete;

 private:
  // Both stages' weights of one bucket in one cache line: weight = w[stage][label] * scale[stage].
  struct alignas(64) Row {
    int16_t w[2][kNumLabels];
    float scale[2];
  };
  struct Stage {
    std::array<float, kNumLabels> start{};
    std::array<float, kNumLabels * kNumLabels> transition{};
  };

  NerModel() : extractor_(&gazetteer_, &clusters_) {}
  // Adds the rows of features[offsets[t]..offsets[t+1]) to token t's emission scores:
  // stage 1 into emit1 (if not null), stage 2 into emit2; both n x kNumLabels.
  void AddEmissions(const std::vector<uint64_t>& features, const std::vector<uint32_t>& offsets, float* emit1,
                    float* emit2) const;

  uint32_t hash_bits_ = 20;
  HugeVector<uint32_t> bucket_row_;  // 2^hash_bits entries: row index + 1, 0 = no weights
  HugeVector<Row> rows_;
  Stage stage_[2];
  Gazetteer gazetteer_;
  WordClusters clusters_;
  FeatureExtractor extractor_;
};

}  // namespace hearsay::entities
