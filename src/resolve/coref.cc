#include "resolve/coref.h"

#include <algorithm>

#include "common/file_io.h"
#include "syntax/internal/linear.h"

namespace hearsay::resolve {
namespace {

constexpr char kMagic[8] = {'H', 'S', 'C', 'O', 'R', 'E', 'F', '\0'};
constexpr uint32_t kFormatVersion = 1;
constexpr syntax::ModelHeader kHeader{kMagic, kFormatVersion, kCorefFeatureVersion, "coref"};

}  // namespace

float CorefModel::Score(const std::vector<uint64_t>& features) const {
  float s = 0;
  for (uint64_t f : features) {
    auto it = weights_.find(f);
    if (it != weights_.end()) s += it->second;
  }
  return s;
}

int CorefModel::Choose(const PronounCase& c) const {
  if (c.forced >= 0) return c.forced;
  int best = -1;
  float best_score = Score(c.none_features);
  for (size_t i = 0; i < c.candidates.size(); ++i) {
    float s = Score(c.candidates[i].features);
    if (s > best_score) {
      best_score = s;
      best = static_cast<int>(i);
    }
  }
  return best;
}

void CorefModel::SetWeights(const std::vector<std::pair<uint64_t, float>>& weights) {
  weights_.clear();
  for (const auto& [k, w] : weights)
    if (w != 0) weights_[k] = w;
}

std::string CorefModel::Serialize() const {
  std::string out;
  syntax::PutHeader(&out, kHeader);
  syntax::PutStr(&out, provenance);
  std::vector<std::pair<uint64_t, float>> sorted(weights_.begin(), weights_.end());
  std::sort(sorted.begin(), sorted.end());
  syntax::PutU32(&out, static_cast<uint32_t>(sorted.size()));
  for (const auto& [k, w] : sorted) {
    syntax::PutU64(&out, k);
    syntax::PutF32(&out, w);
  }
  return out;
}

Result<std::unique_ptr<CorefModel>> CorefModel::FromBytes(std::string_view in, const std::string& name) {
  auto bad = [&](const std::string& what) { return DataLossError(name + ": not a coreference model: " + what); };
  if (std::string why = syntax::GetHeader(&in, kHeader); !why.empty()) return bad(why);
  uint32_t n = 0;
  auto m = std::make_unique<CorefModel>();
  if (!syntax::GetStr(&in, &m->provenance) || !syntax::GetU32(&in, &n) || n > in.size() / 12)
    return bad("truncated header");
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t k = 0;
    float w = 0;
    if (!syntax::GetU64(&in, &k) || !syntax::GetF32(&in, &w)) return bad("truncated weights");
    m->weights_[k] = w;
  }
  if (!in.empty()) return bad("trailing bytes");
  return m;
}

Result<std::unique_ptr<CorefModel>> CorefModel::Load(const std::string& path) {
  auto bytes = ReadWholeFile(path, 64ull << 20);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes, path);
}

}  // namespace hearsay::resolve
