#pragma once
// A sparse multi-class linear model over hashed features, as used by the tagger, the
// transition classifier and the arc labeller.
//
// A feature is a 64-bit key (see model.h, F()); its row holds weights for the few classes
// it was ever updated for, so a model over 100 classes and millions of features stays
// small. Training is the averaged perceptron with lazy averaging (each weight keeps the
// step of its last change and the running sum); Finalize() replaces weights by their
// averages, folds each key to a 32-bit fingerprint (rows whose fingerprints collide are
// summed), quantises weights to int16 with one scale per model, and builds the
// open-addressing table used for scoring.
//
//   LinearModel m(num_classes);
//   m.Score(features, scores);                 // scores[c] += sum of the features' weights
//   m.Update(features, truth, guess);          // training: +1 truth, -1 guess, one step
//   m.Finalize();                              // averaged weights; Score stays valid
//
// Thread safety: Score() is const and thread-safe once the model is finalized or loaded.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/huge_pages.h"
#include "hearsay/status.h"

namespace hearsay::syntax {

class LinearModel {
 public:
  explicit LinearModel(int num_classes = 0) : num_classes_(num_classes) {}

  int num_classes() const { return num_classes_; }
  size_t num_rows() const { return slots_.size() ? live_rows_ : rows_.size(); }

  // Adds each feature's weights to scores[0..num_classes).
  void Score(const uint64_t* features, size_t n, float* scores) const;

  // Models of at most kInline (3) classes after Finalize or Read (HasInlineRows()): the
  // quantised weights of each feature, rows[i] = its kInline int16 weights or null when the
  // model has none (n <= kMaxInlineBatch). Score() of the same features equals
  // float(sum over rows of w[c]) * scale() per class, whatever way the int32 sums are split.
  static constexpr int kInline = 3;
  static constexpr size_t kMaxInlineBatch = 128;
  bool HasInlineRows() const { return !inline_w_.empty(); }
  void FindInline(const uint64_t* features, size_t n, const int16_t** rows) const;
  float scale() const { return scale_; }

  // Training. One call is one perceptron step (the averaging clock advances).
  void Update(const uint64_t* features, size_t n, int truth, int guess);
  void Tick() { ++clock_; }  // a step with no update (keeps averages exact)
  void Finalize(float prune_below = 0.0f);
  // After Finalize or Read: drops weights with |w| <= threshold (and rows left empty).
  void Prune(float threshold);
  size_t num_cells() const { return cells_.size(); }

  // Serialisation (after Finalize). Deterministic: rows in key order.
  void Write(std::string* out) const;
  Status Read(std::string_view* in);

 private:
  struct Entry {
    uint32_t cls;
    float w;
    double total;
    uint64_t stamp;
  };
  struct Cell {
    uint16_t cls;
    int16_t w;  // weight = w * scale_
  };
  // Rows given as fingerprints (sorted, distinct) with [begin[i], begin[i+1]) ranges of `cells`.
  void BuildTable(const std::vector<uint32_t>& keys, const std::vector<uint32_t>& begin, const std::vector<Cell>& cells);
  const Cell* Find(uint32_t fingerprint, uint32_t* count) const;

  int num_classes_ = 0;
  uint64_t clock_ = 1;
  std::unordered_map<uint64_t, std::vector<Entry>> rows_;  // training only
  // Scoring table: open addressing over fingerprints (0 = empty); slot s holds the cells
  // [slots_[s].begin, slots_[s + 1].begin) (a last slot closes the table), so a probe reads
  // one array. Models of at most kInline classes also keep each row's weights in its slot
  // (the fingerprints in their own array, so an unseen feature's probes read 4 bytes a slot;
  // a hit reads its 6 bytes of weights); Score() prefetches all slots before reading them.
  struct InlineWeights {
    int16_t w[kInline];
  };
  void BuildInline();
  float scale_ = 1.0f;
  struct SlotHead {
    uint32_t fp;
    uint32_t begin;
  };
  HugeVector<SlotHead> slots_;  // mask_ + 2 entries
  HugeVector<Cell> cells_;
  HugeVector<uint32_t> inline_fp_;  // slot -> fingerprint (a copy of slots_[s].fp, 4 bytes a probe)
  HugeVector<InlineWeights> inline_w_;
  size_t live_rows_ = 0;
  uint32_t mask_ = 0;
};

// Little-endian binary helpers shared by the model file code.
// The 32-bit fingerprint a finalized model keys a feature by (never 0).
inline uint32_t Fingerprint(uint64_t key) {
  uint32_t f = uint32_t(key >> 32) ^ uint32_t(key) * 0x9E3779B1u;
  return f == 0 ? 1 : f;
}

void PutU32(std::string* out, uint32_t v);
void PutU64(std::string* out, uint64_t v);
void PutF32(std::string* out, float v);
void PutStr(std::string* out, std::string_view s);
bool GetU32(std::string_view* in, uint32_t* v);
bool GetU64(std::string_view* in, uint64_t* v);
bool GetF32(std::string_view* in, float* v);
bool GetStr(std::string_view* in, std::string* s);

// The opening of a model file: 8 magic bytes, the format version, the feature version (both
// u32). `train` names the subcommand that rebuilds the file ("coref").
struct ModelHeader {
  const char* magic;  // 8 bytes; trailing NULs are not part of its name in messages
  uint32_t format = 0;
  uint32_t features = 0;
  const char* train = "";
};
void PutHeader(std::string* out, const ModelHeader& h);
// Reads and checks the header, leaving *in after it; "" when it is h, else why not ("wrong
// magic (expected HSCOREF)", "format version 1, expected 2", "feature version 3, this build
// expects 4 (retrain: hearsay train coref)").
std::string GetHeader(std::string_view* in, const ModelHeader& h);

}  // namespace hearsay::syntax
