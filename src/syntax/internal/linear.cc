#include "syntax/internal/linear.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

namespace hearsay::syntax {
namespace {

inline uint32_t Slot(uint32_t fp, uint32_t mask) { return (fp * 0x85EBCA6Bu ^ (fp >> 15)) & mask; }

}  // namespace

void LinearModel::FindInline(const uint64_t* features, size_t n, const int16_t** rows) const {
  // Probes read the fingerprint array only (4 bytes a slot: unseen features, most of them,
  // never touch the weights); a hit's weights are prefetched.
  uint32_t fps[kMaxInlineBatch], slots[kMaxInlineBatch];
  for (size_t i = 0; i < n; ++i) {
    fps[i] = Fingerprint(features[i]);
    slots[i] = Slot(fps[i], mask_);
    __builtin_prefetch(&inline_fp_[slots[i]]);
  }
  for (size_t i = 0; i < n; ++i) {
    rows[i] = nullptr;
    for (uint32_t s = slots[i];; s = (s + 1) & mask_) {
      const uint32_t fp = inline_fp_[s];
      if (fp == fps[i]) {
        __builtin_prefetch(&inline_w_[s]);
        rows[i] = inline_w_[s].w;
        break;
      }
      if (fp == 0) break;
    }
  }
}

void LinearModel::Score(const uint64_t* features, size_t n, float* scores) const {
  constexpr size_t kBatch = 128;
  uint32_t fps[kBatch], slots[kBatch];
  if (!inline_w_.empty() && n <= kMaxInlineBatch) {
    const int16_t* rows[kMaxInlineBatch];
    FindInline(features, n, rows);
    int32_t acc[kInline] = {0, 0, 0};
    for (size_t i = 0; i < n; ++i)
      if (rows[i])
        for (int c = 0; c < kInline; ++c) acc[c] += rows[i][c];
    for (int c = 0; c < num_classes_ && c < kInline; ++c) scores[c] += float(acc[c]) * scale_;
    return;
  }
  if (!slots_.empty()) {
    // Three passes per batch so the memory accesses overlap: slots, rows, weights.
    int32_t acc[256];
    std::fill(acc, acc + num_classes_, 0);  // cells hold classes < num_classes_ only
    const Cell* rows[kBatch];
    uint32_t counts[kBatch];
    for (size_t i0 = 0; i0 < n; i0 += kBatch) {
      const size_t m = std::min(kBatch, n - i0);
      for (size_t i = 0; i < m; ++i) {
        fps[i] = Fingerprint(features[i0 + i]);
        slots[i] = Slot(fps[i], mask_);
        __builtin_prefetch(&slots_[slots[i]]);
      }
      for (size_t i = 0; i < m; ++i) {
        rows[i] = Find(fps[i], &counts[i]);
        if (counts[i]) __builtin_prefetch(rows[i]);
      }
      for (size_t i = 0; i < m; ++i)
        for (uint32_t k = 0; k < counts[i]; ++k) acc[rows[i][k].cls] += rows[i][k].w;
    }
    for (int c = 0; c < num_classes_; ++c) scores[c] += float(acc[c]) * scale_;
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    auto it = rows_.find(features[i]);
    if (it == rows_.end()) continue;
    for (const Entry& e : it->second) scores[e.cls] += e.w;
  }
}

const LinearModel::Cell* LinearModel::Find(uint32_t fp, uint32_t* count) const {
  for (uint32_t s = Slot(fp, mask_);; s = (s + 1) & mask_) {
    uint32_t k = slots_[s].fp;
    if (k == fp) {
      *count = slots_[s + 1].begin - slots_[s].begin;
      return cells_.data() + slots_[s].begin;
    }
    if (k == 0) {
      *count = 0;
      return nullptr;
    }
  }
}

void LinearModel::Update(const uint64_t* features, size_t n, int truth, int guess) {
  ++clock_;
  if (truth == guess) return;
  for (size_t i = 0; i < n; ++i) {
    std::vector<Entry>& row = rows_[features[i]];
    for (int cls : {truth, guess}) {
      float delta = cls == truth ? 1.0f : -1.0f;
      auto it = std::find_if(row.begin(), row.end(), [&](const Entry& e) { return e.cls == uint32_t(cls); });
      if (it == row.end()) {
        row.push_back(Entry{uint32_t(cls), 0.0f, 0.0, clock_});
        it = row.end() - 1;
      }
      it->total += double(clock_ - it->stamp) * it->w;
      it->stamp = clock_;
      it->w += delta;
    }
  }
}

void LinearModel::Finalize(float prune_below) {
  // Averages per (fingerprint, class), colliding fingerprints summed; ordered for determinism.
  std::map<uint32_t, std::map<uint32_t, double>> avg;
  double max_abs = 0;
  for (const auto& [key, row] : rows_)
    for (const Entry& e : row) {
      double total = e.total + double(clock_ - e.stamp) * e.w;
      avg[Fingerprint(key)][e.cls] += total / double(clock_);
    }
  rows_.clear();
  for (const auto& [fp, row] : avg)
    for (const auto& [cls, w] : row) max_abs = std::max(max_abs, std::fabs(w));
  scale_ = max_abs > 0 ? float(max_abs / 32767.0) : 1.0f;
  std::vector<uint32_t> keys, begin;
  std::vector<Cell> cells;
  for (const auto& [fp, row] : avg) {
    size_t before = cells.size();
    for (const auto& [cls, w] : row) {
      long q = std::lround(w / double(scale_));
      if (std::fabs(w) > prune_below && q != 0) cells.push_back(Cell{uint16_t(cls), int16_t(q)});
    }
    if (cells.size() == before) continue;
    keys.push_back(fp);
    begin.push_back(uint32_t(before));
  }
  begin.push_back(uint32_t(cells.size()));
  BuildTable(keys, begin, cells);
}

void LinearModel::Prune(float threshold) {
  std::vector<std::pair<uint32_t, uint32_t>> live;
  for (uint32_t s = 0; s <= mask_ && !slots_.empty(); ++s)
    if (slots_[s].fp != 0) live.emplace_back(slots_[s].fp, s);
  std::sort(live.begin(), live.end());
  std::vector<uint32_t> keys, begin;
  std::vector<Cell> cells;
  for (auto [key, s] : live) {
    size_t before = cells.size();
    for (uint32_t k = slots_[s].begin; k < slots_[s + 1].begin; ++k)
      if (std::fabs(float(cells_[k].w) * scale_) > threshold) cells.push_back(cells_[k]);
    if (cells.size() == before) continue;
    keys.push_back(key);
    begin.push_back(uint32_t(before));
  }
  begin.push_back(uint32_t(cells.size()));
  BuildTable(keys, begin, cells);
}

void LinearModel::BuildTable(const std::vector<uint32_t>& keys, const std::vector<uint32_t>& begin,
                             const std::vector<Cell>& cells) {
  uint32_t cap = 16;
  while (cap < keys.size() + keys.size() / 2) cap <<= 1;
  mask_ = cap - 1;
  slots_.assign(size_t(cap) + 1, SlotHead{0, 0});
  std::vector<uint32_t> row_at(cap, UINT32_MAX);
  for (size_t r = 0; r < keys.size(); ++r) {
    uint32_t s = Slot(keys[r], mask_);
    while (slots_[s].fp != 0) s = (s + 1) & mask_;
    slots_[s].fp = keys[r];
    row_at[s] = uint32_t(r);
  }
  // Cells laid out in slot order; slots_[cap].begin closes the last slot.
  cells_.clear();
  cells_.reserve(cells.size());
  for (uint32_t s = 0; s < cap; ++s) {
    slots_[s].begin = uint32_t(cells_.size());
    if (row_at[s] != UINT32_MAX)
      cells_.insert(cells_.end(), cells.begin() + begin[row_at[s]], cells.begin() + begin[row_at[s] + 1]);
  }
  slots_[cap].begin = uint32_t(cells_.size());
  live_rows_ = keys.size();
  BuildInline();
}

void LinearModel::BuildInline() {
  inline_fp_.clear();
  inline_w_.clear();
  if (num_classes_ > kInline) return;
  inline_fp_.assign(size_t(mask_) + 1, 0);
  inline_w_.assign(size_t(mask_) + 1, InlineWeights{{0, 0, 0}});
  for (size_t s = 0; s <= mask_; ++s) {
    inline_fp_[s] = slots_[s].fp;
    for (uint32_t k = slots_[s].begin; k < slots_[s + 1].begin; ++k) inline_w_[s].w[cells_[k].cls] = cells_[k].w;
  }
}

void LinearModel::Write(std::string* out) const {
  PutU32(out, uint32_t(num_classes_));
  PutF32(out, scale_);
  std::vector<std::pair<uint32_t, uint32_t>> live;
  for (uint32_t s = 0; s <= mask_ && !slots_.empty(); ++s)
    if (slots_[s].fp != 0) live.emplace_back(slots_[s].fp, s);
  std::sort(live.begin(), live.end());
  PutU32(out, uint32_t(live.size()));
  for (auto [key, s] : live) {
    PutU32(out, key);
    uint32_t n = slots_[s + 1].begin - slots_[s].begin;
    out->push_back(char(n));
    for (uint32_t k = 0; k < n; ++k) {
      const Cell& c = cells_[slots_[s].begin + k];
      out->push_back(char(c.cls));
      out->push_back(char(uint16_t(c.w) & 0xff));
      out->push_back(char(uint16_t(c.w) >> 8));
    }
  }
}

Status LinearModel::Read(std::string_view* in) {
  uint32_t classes = 0, rows = 0;
  if (!GetU32(in, &classes) || !GetF32(in, &scale_) || !GetU32(in, &rows) || classes == 0 || classes > 255 ||
      rows > in->size() / 5 || !(scale_ > 0))
    return DataLossError("linear model header is truncated or has a bad class count, scale or row count");
  num_classes_ = int(classes);
  std::vector<uint32_t> keys(rows), begin(size_t(rows) + 1, 0);
  std::vector<Cell> cells;
  cells.reserve(in->size() / 3);
  const auto* p = reinterpret_cast<const uint8_t*>(in->data());
  const auto* end = p + in->size();
  for (uint32_t r = 0; r < rows; ++r) {
    if (end - p < 5) return DataLossError("linear model rows are truncated");
    keys[r] = uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
    uint32_t n = p[4];
    p += 5;
    if (keys[r] == 0 || (r > 0 && keys[r] <= keys[r - 1])) return DataLossError("linear model rows are out of order");
    if (end - p < 3 * long(n)) return DataLossError("linear model cells are truncated");
    begin[r] = uint32_t(cells.size());
    for (uint32_t k = 0; k < n; ++k, p += 3) {
      if (p[0] >= classes) return DataLossError("linear model cell class out of range");
      cells.push_back(Cell{p[0], int16_t(uint16_t(p[1] | p[2] << 8))});
    }
  }
  begin[rows] = uint32_t(cells.size());
  in->remove_prefix(size_t(p - reinterpret_cast<const uint8_t*>(in->data())));
  BuildTable(keys, begin, cells);
  return Status::Ok();
}

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(char((v >> (8 * i)) & 0xff));
}
void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(char((v >> (8 * i)) & 0xff));
}
void PutF32(std::string* out, float v) {
  uint32_t bits;
  std::memcpy(&bits, &v, 4);
  PutU32(out, bits);
}
void PutStr(std::string* out, std::string_view s) {
  PutU32(out, uint32_t(s.size()));
  out->append(s);
}
void PutHeader(std::string* out, const ModelHeader& h) {
  out->append(h.magic, 8);
  PutU32(out, h.format);
  PutU32(out, h.features);
}
std::string GetHeader(std::string_view* in, const ModelHeader& h) {
  const std::string_view magic(h.magic, 8);
  if (in->size() < 8 || in->substr(0, 8) != magic)
    return "wrong magic (expected " + std::string(magic.substr(0, magic.find('\0'))) + ")";
  in->remove_prefix(8);
  uint32_t format = 0, features = 0;
  if (!GetU32(in, &format) || format != h.format)
    return "format version " + std::to_string(format) + ", expected " + std::to_string(h.format);
  if (!GetU32(in, &features) || features != h.features)
    return "feature version " + std::to_string(features) + ", this build expects " + std::to_string(h.features) +
           " (retrain: hearsay train " + h.train + ")";
  return "";
}
bool GetU32(std::string_view* in, uint32_t* v) {
  if (in->size() < 4) return false;
  *v = 0;
  for (int i = 0; i < 4; ++i) *v |= uint32_t(uint8_t((*in)[i])) << (8 * i);
  in->remove_prefix(4);
  return true;
}
bool GetU64(std::string_view* in, uint64_t* v) {
  if (in->size() < 8) return false;
  *v = 0;
  for (int i = 0; i < 8; ++i) *v |= uint64_t(uint8_t((*in)[i])) << (8 * i);
  in->remove_prefix(8);
  return true;
}
bool GetF32(std::string_view* in, float* v) {
  uint32_t bits;
  if (!GetU32(in, &bits)) return false;
  std::memcpy(v, &bits, 4);
  return true;
}
bool GetStr(std::string_view* in, std::string* s) {
  uint32_t n;
  if (!GetU32(in, &n) || in->size() < n) return false;
  s->assign(in->data(), n);
  in->remove_prefix(n);
  return true;
}

}  // namespace hearsay::syntax
