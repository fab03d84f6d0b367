// ParserModel: the decoders of the tagger, parser and labeller, lemmas, and the file format.
//
// File (little-endian; docs/syntax.md):
//   magic "HSPARSER", u32 format version, u32 feature version, provenance string,
//   XPOS names, labels, tag classes (u8 UPOS, u8 XPOS), multi-word table, clusters,
//   lemma exceptions and rules, then the tagger, transition and labeller weights
//   (LinearModel::Write), and a final u64 checksum of all preceding bytes.
#include <algorithm>
#include <limits>

#include "syntax/internal/model.h"

namespace hearsay::syntax {
namespace {

template <typename Map>
std::vector<typename Map::const_iterator> Sorted(const Map& m) {
  std::vector<typename Map::const_iterator> v;
  for (auto it = m.begin(); it != m.end(); ++it) v.push_back(it);
  std::sort(v.begin(), v.end(), [](auto a, auto b) { return a->first < b->first; });
  return v;
}

int Argmax(const float* scores, int n) {
  int best = 0;
  for (int c = 1; c < n; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

}  // namespace

int ParserModel::LabelId(std::string_view label) const {
  for (size_t i = 0; i < label_names.size(); ++i)
    if (label_names[i] == label) return int(i);
  return -1;
}
int ParserModel::XposId(std::string_view xpos) const {
  for (size_t i = 0; i < xpos_names.size(); ++i)
    if (xpos_names[i] == xpos) return int(i);
  return -1;
}

void ParserModel::FillClusters(std::vector<WordInfo>* info) const {
  for (WordInfo& w : *info) {
    auto it = clusters.find(w.low);
    w.cluster = it == clusters.end() ? 0 : F(18, it->second);
    auto amb = ambiguity.find(w.low);
    w.amb = amb == ambiguity.end() ? 0 : amb->second;
  }
}

void TagSentence(const LinearModel& tagger, int num_classes, const TagDictionary* dict,
                 const std::vector<WordInfo>& info, std::vector<int>* tags) {
  tags->assign(info.size(), 0);
  uint64_t feats[kMaxTagFeatures];
  std::vector<float> scores(static_cast<size_t>(num_classes));
  for (size_t i = 0; i < info.size(); ++i) {
    if (dict) {
      auto it = dict->find(info[i].form);
      if (it != dict->end()) {
        (*tags)[i] = it->second;
        continue;
      }
    }
    int n = TagFeatures(info, i, tags->data(), feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    tagger.Score(feats, size_t(n), scores.data());
    (*tags)[i] = Argmax(scores.data(), num_classes);
  }
}

namespace {

// Greedy decoding with a finalized (inline) transition model: the weight sums of each
// (role, word) pair are kept once computed (int32 sums are exact in any order, so the
// scores are those of Score() over ParseFeatures), and one batch of probes per step holds
// the context features and the role features not yet kept.
void ParseSentenceKept(const LinearModel& transitions, const std::vector<ParseWord>& w, std::vector<int>* head) {
  static_assert(kNumMoves == LinearModel::kInline);
  static_assert(kMaxParseFeatures <= int(LinearModel::kMaxInlineBatch));  // context + every role
  const int n = int(w.size());
  ParseState s(n);
  struct Kept {
    int32_t sum[kNumMoves];
    bool have;
  };
  std::vector<Kept> kept(size_t(kNumRoles) * size_t(n + 2), Kept{{0, 0, 0}, false});  // role * (n + 2) + word + 1
  uint64_t feats[LinearModel::kMaxInlineBatch];
  const int16_t* rows[LinearModel::kMaxInlineBatch];
  int roles[kNumRoles], begin[kNumRoles + 1], fresh[kNumRoles];
  while (!s.Terminal()) {
    RoleWords(s, roles);
    const int context = ContextFeatures(w, s, roles, feats);
    int k = context, nf = 0;
    for (int r = 0; r < kNumRoles; ++r) {
      if (kept[size_t(r) * size_t(n + 2) + size_t(roles[r] + 1)].have) continue;
      fresh[nf] = r;
      begin[nf++] = k;
      k += RoleFeatures(w, r, roles[r], feats + k);
    }
    begin[nf] = k;
    transitions.FindInline(feats, size_t(k), rows);
    int32_t acc[kNumMoves] = {0, 0, 0};
    for (int i = 0; i < context; ++i)
      if (rows[i])
        for (int c = 0; c < kNumMoves; ++c) acc[c] += rows[i][c];
    for (int f = 0; f < nf; ++f) {
      Kept& e = kept[size_t(fresh[f]) * size_t(n + 2) + size_t(roles[fresh[f]] + 1)];
      for (int i = begin[f]; i < begin[f + 1]; ++i)
        if (rows[i])
          for (int c = 0; c < kNumMoves; ++c) e.sum[c] += rows[i][c];
      e.have = true;
    }
    for (int r = 0; r < kNumRoles; ++r) {
      const Kept& e = kept[size_t(r) * size_t(n + 2) + size_t(roles[r] + 1)];
      for (int c = 0; c < kNumMoves; ++c) acc[c] += e.sum[c];
    }
    int best = -1;
    float scores[kNumMoves];
    for (int m = 0; m < kNumMoves; ++m) {
      scores[m] = float(acc[m]) * transitions.scale();
      if (s.Legal(Move(m)) && (best < 0 || scores[m] > scores[best])) best = m;
    }
    s.Apply(Move(best));
  }
  *head = s.head;
}

}  // namespace

void ParseSentence(const LinearModel& transitions, const std::vector<ParseWord>& w, std::vector<int>* head) {
  if (transitions.HasInlineRows()) return ParseSentenceKept(transitions, w, head);
  ParseState s(int(w.size()));
  uint64_t feats[kMaxParseFeatures];
  while (!s.Terminal()) {
    float scores[kNumMoves] = {0, 0, 0};
    int n = ParseFeatures(w, s, feats);
    transitions.Score(feats, size_t(n), scores);
    int best = -1;
    for (int m = 0; m < kNumMoves; ++m)
      if (s.Legal(Move(m)) && (best < 0 || scores[m] > scores[best])) best = m;
    s.Apply(Move(best));
  }
  *head = s.head;
}

void ParserModel::Tag(const std::vector<WordInfo>& info, std::vector<int>* tags) const {
  TagSentence(tagger, int(tag_classes.size()), &tag_dictionary, info, tags);
}

void ParserModel::ParseHeads(const std::vector<ParseWord>& w, std::vector<int>* head) const {
  ParseSentence(transitions, w, head);
}

void ParserModel::Label(const std::vector<WordInfo>& info, const std::vector<ParseWord>& w,
                        const std::vector<int>& head, std::vector<int>* labels) const {
  const int n = int(w.size());
  labels->assign(n, -1);
  auto children = ChildrenOf(head);
  uint64_t feats[kMaxLabelFeatures];
  std::vector<float> scores(label_names.size());
  for (int d = 0; d < n; ++d) {
    if (head[d] >= n || head[d] < 0) {
      (*labels)[d] = 0;  // "root"
      continue;
    }
    int k = LabelFeatures(info, w, head, *labels, children, d, feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    labeller.Score(feats, size_t(k), scores.data());
    scores[0] = -std::numeric_limits<float>::infinity();  // only the root word is "root"
    (*labels)[d] = Argmax(scores.data(), int(scores.size()));
  }
}

std::string Lemmatizer::Lemma(const WordInfo& w, Upos upos, uint8_t xpos_id) const {
  auto it = exceptions.find(Mix(w.low, uint64_t(xpos_id) + 1));  // = Key(w.lower, xpos_id): w.low hashes w.lower
  if (it != exceptions.end()) return it->second;
  if (upos == Upos::kPROPN) return w.norm;
  if (xpos_id < rules.size()) {
    const auto& r = rules[xpos_id];
    const std::string_view l = w.lower;
    for (size_t len = std::min<size_t>(5, l.size()); len >= 1; --len) {
      auto rule = r.find(HashStr(l.substr(l.size() - len)));
      if (rule == r.end()) continue;
      if (rule->second.strip >= l.size()) break;
      return std::string(l.substr(0, l.size() - rule->second.strip)) + rule->second.append;
    }
  }
  return w.lower;
}

void ParserModel::Prune(float threshold) {
  for (LinearModel* m : {&tagger, &transitions, &labeller}) m->Prune(threshold);
}

std::string ParserModel::SizeReport() const {
  std::string out;
  const char* names[] = {"tagger", "transitions", "labeller"};
  int i = 0;
  for (const LinearModel* m : {&tagger, &transitions, &labeller})
    out += std::string(names[i++]) + " " + std::to_string(m->num_rows()) + " rows " + std::to_string(m->num_cells()) +
           " weights; ";
  return out + std::to_string(lemmatizer.exceptions.size()) + " lemma exceptions, " +
         std::to_string(clusters.size()) + " clustered words";
}

std::string ParserModel::Serialize() const {
  std::string out(kParserMagic, 8);
  PutU32(&out, kParserFormatVersion);
  PutU32(&out, kSyntaxFeatureVersion);
  PutStr(&out, provenance);
  PutU32(&out, uint32_t(xpos_names.size()));
  for (const auto& x : xpos_names) PutStr(&out, x);
  PutU32(&out, uint32_t(label_names.size()));
  for (const auto& l : label_names) PutStr(&out, l);
  PutU32(&out, uint32_t(tag_classes.size()));
  for (const auto& t : tag_classes) {
    out.push_back(char(t.upos));
    out.push_back(char(t.xpos));
  }
  PutU32(&out, uint32_t(multiword.splits.size()));
  for (auto it : Sorted(multiword.splits)) {
    PutStr(&out, it->first);
    PutStr(&out, std::string(it->second.begin(), it->second.end()));
  }
  PutU32(&out, uint32_t(multiword.hyphen_prefixes.size()));
  for (auto it : Sorted(multiword.hyphen_prefixes)) PutStr(&out, it->first);
  PutU32(&out, uint32_t(tag_dictionary.size()));
  for (auto it : Sorted(tag_dictionary)) {
    PutU64(&out, it->first);
    out.push_back(char(it->second));
  }
  PutU32(&out, uint32_t(ambiguity.size()));
  for (auto it : Sorted(ambiguity)) {
    PutU64(&out, it->first);
    PutU64(&out, it->second);
  }
  PutU32(&out, uint32_t(clusters.size()));
  for (auto it : Sorted(clusters)) {
    PutU64(&out, it->first);
    PutU32(&out, it->second);
  }
  PutU32(&out, uint32_t(lemmatizer.exceptions.size()));
  for (auto it : Sorted(lemmatizer.exceptions)) {
    PutU64(&out, it->first);
    PutStr(&out, it->second);
  }
  PutU32(&out, uint32_t(lemmatizer.rules.size()));
  for (const auto& per_tag : lemmatizer.rules) {
    PutU32(&out, uint32_t(per_tag.size()));
    for (auto it : Sorted(per_tag)) {
      PutU64(&out, it->first);
      out.push_back(char(it->second.strip));
      PutStr(&out, it->second.append);
    }
  }
  tagger.Write(&out);
  transitions.Write(&out);
  labeller.Write(&out);
  PutU64(&out, HashStr(out));
  return out;
}

}  // namespace hearsay::syntax
