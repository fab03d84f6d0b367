#include "resolve/coref.h"

#include "common/file_io.h"

namespace hearsay::resolve {
namespace {

constexpr char kMagic[8] = {'H', 'S', 'C', 'O', 'R', 'E', 'F', '\0'};
constexpr uint32_t kFormatVersion = 1;

}  // namespace

float CorefModel::Score(const std::vector<uint64_t>& features) const {
  float s[2] = {0, 0};
  linear_.Score(features.data(), features.size(), s);
  return s[1] - s[0];
}

int CorefModel::Choose(const PronounCase& c) const {
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

void CorefModel::Update(const PronounCase& c, int truth, int guess) {
  if (truth == guess) {
    linear_.Tick();
    return;
  }
  const auto& t = truth < 0 ? c.none_features : c.candidates[truth].features;
  const auto& g = guess < 0 ? c.none_features : c.candidates[guess].features;
  linear_.Update(t.data(), t.size(), 1, 0);
  linear_.Update(g.data(), g.size(), 0, 1);
}

std::string CorefModel::Serialize() const {
  std::string out(kMagic, sizeof kMagic);
  syntax::PutU32(&out, kFormatVersion);
  syntax::PutU32(&out, kCorefFeatureVersion);
  syntax::PutStr(&out, provenance);
  linear_.Write(&out);
  return out;
}

Result<std::unique_ptr<CorefModel>> CorefModel::FromBytes(std::string_view in, const std::string& name) {
  auto bad = [&](const std::string& what) { return DataLossError(name + ": not a coreference model: " + what); };
  if (in.size() < sizeof kMagic || in.substr(0, sizeof kMagic) != std::string_view(kMagic, sizeof kMagic))
    return bad("wrong magic (expected HSCOREF)");
  in.remove_prefix(sizeof kMagic);
  uint32_t format = 0, features = 0;
  if (!syntax::GetU32(&in, &format) || format != kFormatVersion)
    return bad("format version " + std::to_string(format) + ", expected " + std::to_string(kFormatVersion));
  if (!syntax::GetU32(&in, &features) || features != kCorefFeatureVersion)
    return bad("feature version " + std::to_string(features) + ", this build expects " +
               std::to_string(kCorefFeatureVersion) + " (retrain: hearsay train coref)");
  auto m = std::make_unique<CorefModel>();
  if (!syntax::GetStr(&in, &m->provenance)) return bad("truncated header");
  Status s = m->linear_.Read(&in);
  if (!s.ok()) return bad(s.message());
  if (m->linear_.num_classes() != 2) return bad("expected two classes");
  return m;
}

Result<std::unique_ptr<CorefModel>> CorefModel::Load(const std::string& path) {
  auto bytes = ReadWholeFile(path, 64ull << 20);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes, path);
}

}  // namespace hearsay::resolve
