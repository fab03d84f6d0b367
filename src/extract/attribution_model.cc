#include "extract/attribution_model.h"

#include <algorithm>

#include "common/file_io.h"
#include "extract/internal/doc_view.h"

namespace hearsay::extract {
namespace {

constexpr char kMagic[8] = {'H', 'S', 'A', 'T', 'T', 'R', 0, 0};
constexpr uint32_t kFormatVersion = 1;

// FNV-1a over the bytes, then a template id mixed in (splitmix64 finaliser): stable across
// platforms, so a model file means the same on every machine.
uint64_t Hash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}
uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t x = a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2));
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// The word of a token as the features see it: quotation marks as one symbol.
std::string_view Word(const DocView& v, uint32_t tok, uint32_t sb, uint32_t se, int offset) {
  int64_t k = int64_t(tok) + offset;
  if (k < int64_t(sb)) return "<s>";
  if (k >= int64_t(se)) return "</s>";
  if (v.toks[k].kind == TokenKind::kQuote) return "<q>";
  return v.lower[k];
}

std::string_view CueClassName(const CueVerb* c) {
  if (!c) return "none";
  switch (c->cls) {
    case CueClass::kSpeech: return "speech";
    case CueClass::kWriting: return "writing";
    case CueClass::kBelief: return "belief";
    case CueClass::kDenial: return "denial";
  }
  return "none";
}

}  // namespace

bool HasQuoteMark(const DocView& v, uint32_t token_begin, uint32_t token_end) {
  for (uint32_t k = token_begin; k < token_end; ++k)
    if (v.toks[k].kind == TokenKind::kQuote) return true;
  return false;
}

bool AttributionModel::IsCandidate(std::string_view lower_word) const {
  return std::binary_search(vocabulary_hashes_.begin(), vocabulary_hashes_.end(), Hash(lower_word));
}

void AttributionModel::IndexVocabulary() {
  vocabulary_hashes_.clear();
  for (const std::string& w : vocabulary) vocabulary_hashes_.push_back(Hash(w));
  std::sort(vocabulary_hashes_.begin(), vocabulary_hashes_.end());
}

void CueFeatures(const DocView& v, uint32_t tok, bool quote_in_sentence, std::vector<uint64_t>* out) {
  out->clear();
  const Sentence& sn = v.SentenceOf(tok);
  const uint32_t sb = sn.token_begin, se = sn.token_end;
  std::string_view w = Word(v, tok, sb, se, 0), p1 = Word(v, tok, sb, se, -1), p2 = Word(v, tok, sb, se, -2);
  std::string_view n1 = Word(v, tok, sb, se, 1), n2 = Word(v, tok, sb, se, 2);
  uint64_t hw = Hash(w), hp1 = Hash(p1), hn1 = Hash(n1);
  auto add = [&](uint64_t tmpl, uint64_t a) { out->push_back(Mix(tmpl, a)); };
  add(1, 0);
  add(2, hw);
  add(3, Hash(w.substr(w.size() > 3 ? w.size() - 3 : 0)));
  add(4, hp1);
  add(5, Hash(p2));
  add(6, hn1);
  add(7, Hash(n2));
  add(8, Mix(hp1, hw));
  add(9, Mix(hw, hn1));
  add(10, Mix(hw, Hash(CueClassName(v.lex.Cue(v.lower[tok])))));
  add(11, Hash(CueClassName(v.lex.Cue(v.lower[tok]))));
  bool that_after = false;
  for (uint32_t k = tok + 1; k < se && k < tok + 5; ++k) that_after = that_after || v.lower[k] == "that";
  add(12, Mix(hw, quote_in_sentence));
  add(13, Mix(hw, that_after));
  add(14, Mix(hw, std::min<uint32_t>(se - 1 - tok, 6)));
  add(15, std::min<uint32_t>(tok - sb, 6));
  add(16, Mix(hw, v.quote_at[tok] >= 0));
  add(17, Mix(hw, v.IsCap(tok) * 2 + (tok == sb)));
  add(18, Mix(hp1, v.IsCap(tok - (tok > sb)) && tok > sb));
}

float AttributionModel::Score(const std::vector<uint64_t>& features) const {
  float s[2] = {0, 0};
  linear.Score(features.data(), features.size(), s);
  return s[1] - s[0];
}

std::string AttributionModel::Serialize() const {
  std::string out(kMagic, sizeof kMagic);
  syntax::PutU32(&out, kFormatVersion);
  syntax::PutU32(&out, kAttributionFeatureVersion);
  syntax::PutStr(&out, provenance);
  syntax::PutF32(&out, threshold);
  syntax::PutU32(&out, static_cast<uint32_t>(vocabulary.size()));
  for (const std::string& w : vocabulary) syntax::PutStr(&out, w);
  linear.Write(&out);
  return out;
}

Result<std::unique_ptr<AttributionModel>> AttributionModel::FromBytes(std::string_view in, const std::string& name) {
  auto bad = [&](const std::string& what) { return DataLossError(name + ": not an attribution model: " + what); };
  if (in.size() < sizeof kMagic || in.substr(0, sizeof kMagic) != std::string_view(kMagic, sizeof kMagic))
    return bad("wrong magic (expected HSATTR)");
  in.remove_prefix(sizeof kMagic);
  uint32_t format = 0, features = 0, n = 0;
  if (!syntax::GetU32(&in, &format) || format != kFormatVersion)
    return bad("format version " + std::to_string(format) + ", expected " + std::to_string(kFormatVersion));
  if (!syntax::GetU32(&in, &features) || features != kAttributionFeatureVersion)
    return bad("feature version " + std::to_string(features) + ", this build expects " +
               std::to_string(kAttributionFeatureVersion) + " (retrain: hearsay train attribution)");
  auto m = std::make_unique<AttributionModel>();
  if (!syntax::GetStr(&in, &m->provenance) || !syntax::GetF32(&in, &m->threshold) || !syntax::GetU32(&in, &n))
    return bad("truncated header");
  for (uint32_t i = 0; i < n; ++i) {
    std::string w;
    if (!syntax::GetStr(&in, &w)) return bad("truncated vocabulary");
    m->vocabulary.insert(std::move(w));
  }
  m->IndexVocabulary();
  Status s = m->linear.Read(&in);
  if (!s.ok()) return bad(s.message());
  return m;
}

Result<std::unique_ptr<AttributionModel>> AttributionModel::Load(const std::string& path) {
  auto bytes = ReadWholeFile(path, 64ull << 20);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes, path);
}

}  // namespace hearsay::extract
