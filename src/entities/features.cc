#include "entities/features.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace hearsay::entities {
namespace {

constexpr uint64_t kFnvOffset = 0xCBF29CE484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001B3ull;
constexpr size_t kMaxHashedBytes = 48;  // longer tokens: first bytes + length (collisions are harmless)

inline uint64_t Avalanche(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

// Template ids. Never renumber: they are part of kFeatureFingerprint.
enum Template : uint64_t {
  kBias = 1, kWord, kLower, kShape, kShortShape, kPrefix, kSuffix, kPrevLower, kNextLower, kPrev2Lower,
  kNext2Lower, kPrevShape, kNextShape, kShapeTri, kPrevCur, kCurNext, kFirstShape, kBlockShape, kCapsShape,
  kWordClass, kPrevClass, kNextClass, kDocEvidence, kClusterCoarse, kClusterFine, kPrevCluster, kNextCluster,
  kPhrase, kPrevWord, kNextWord, kLowerShapePrev, kTitleCaseForm, kLength, kPrevPrevCur,
  // Stage 2 (HistoryFeatures).
  kS1Label, kS1Prev, kS1Next, kHistNone, kHistLabel, kHistMajority,
};

inline uint64_t F(uint64_t tmpl, uint64_t value) { return Mix(tmpl * 0x9E3779B97F4A7C15ull, value); }

// Byte-level case and class tests; UTF-8 Latin-1 capitals (C3 80..9E, not D7) count as upper.
inline bool IsUpperAt(std::string_view w, size_t i) {
  unsigned char c = w[i];
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && i + 1 < w.size()) {
    unsigned char d = w[i + 1];
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

}  // namespace

struct FeatureExtractor::Tok {
  uint64_t word, lower, shape, sshape, title_form;
  uint64_t pre[4], suf[4];
  uint16_t wclass = 0;
  WordClusters::Ids cluster;
  uint8_t doc = 0;
  bool cap_initial = false, all_caps = false, has_lower = false, has_alpha = false;
  uint8_t phrase_b = 0, phrase_i = 0;
  uint32_t length = 0;
};

namespace {

// Lower-cased copy into buf (at most kMaxHashedBytes bytes); returns its length.
size_t LowerInto(std::string_view w, char* buf) {
  size_t n = std::min(w.size(), kMaxHashedBytes);
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = w[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    else if (c == 0xC3 && i + 1 < n) {
      unsigned char d = w[i + 1];
      buf[i] = static_cast<char>(c);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      buf[++i] = static_cast<char>(d);
      continue;
    }
    buf[i] = static_cast<char>(c);
  }
  return n;
}

// Digits collapse to 0 in the word used for lexical features, so years and scores share
// statistics ("1996" and "1997" are the same word).
size_t NormalizeDigits(char* buf, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (buf[i] >= '1' && buf[i] <= '9') buf[i] = '0';
  return n;
}

size_t ShapeInto(std::string_view w, bool collapse, char* buf) {
  size_t n = 0;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < w.size() && n < 16; ++i) {
    unsigned char c = w[i];
    char s;
    if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (c >= 0xC0) {
      s = IsUpperAt(w, i) ? 'X' : 'x';
      while (i + 1 < w.size() && (static_cast<unsigned char>(w[i + 1]) & 0xC0) == 0x80) ++i;
    } else if (c >= 0x80) continue;
    else s = static_cast<char>(c);
    if (s == last) {
      ++run;
      if (collapse || run >= 4) continue;
    } else {
      run = 0;
    }
    last = s;
    buf[n++] = s;
  }
  return n;
}

}  // namespace

uint64_t HashBytes(std::string_view bytes, uint64_t seed) {
  uint64_t h = kFnvOffset ^ (seed * kFnvPrime);
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kFnvPrime;
  }
  return Avalanche(h ^ bytes.size());
}

std::string LowerCase(std::string_view word) {
  std::string out(word);
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = out[i];
    if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
    else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = out[i + 1];
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

std::string WordShape(std::string_view word, bool collapse) {
  char buf[32];
  return std::string(buf, ShapeInto(word, collapse, buf));
}

uint64_t Gazetteer::PhraseHash(const std::vector<std::string_view>& lower_tokens) {
  std::string joined;
  for (size_t i = 0; i < lower_tokens.size(); ++i) {
    if (i) joined += ' ';
    joined += lower_tokens[i];
  }
  return HashBytes(joined, kGazetteerSeed + 1);
}

void Gazetteer::AddWord(uint64_t lower_hash, const WordEntry& e) {
  WordEntry& w = words_[lower_hash];
  w.classes |= e.classes;
  w.female = std::max(w.female, e.female);
  w.male = std::max(w.male, e.male);
}

namespace {

bool CapInitial(std::string_view w) { return !w.empty() && IsUpperAt(w, 0); }
bool AllLower(std::string_view w) {
  bool any = false;
  for (unsigned char c : w) {
    if (c >= 'A' && c <= 'Z') return false;
    if (c >= 'a' && c <= 'z') any = true;
  }
  return any;
}
bool HasUpper(std::string_view w) {
  for (size_t i = 0; i < w.size(); ++i)
    if (IsUpperAt(w, i)) return true;
  return false;
}
bool HasLower(std::string_view w) {
  for (unsigned char c : w)
    if (c >= 'a' && c <= 'z') return true;
  return false;
}

// A sentence written in capitals (a wire headline): case carries no evidence there.
bool IsAllCapsSentence(const std::vector<std::string_view>& tokens) {
  int alpha = 0;
  for (auto t : tokens) {
    bool has_alpha = false;
    for (unsigned char c : t) {
      if (c >= 'a' && c <= 'z') return false;
      if (c >= 'A' && c <= 'Z') has_alpha = true;
    }
    alpha += has_alpha;
  }
  return alpha >= 2;
}

}  // namespace

void FeatureExtractor::IndexWords() {
  words_.clear();
  size_t count = (gazetteer_ ? gazetteer_->words().size() + gazetteer_->phrases().size() : 0) +
                 (clusters_ ? clusters_->all().size() : 0);
  if (count == 0) return;
  size_t cap = 16;
  while (cap < 2 * count) cap <<= 1;
  words_.assign(cap, WordInfo{});
  auto slot = [&](uint64_t key) -> WordInfo& {
    if (key == 0) key = 1;  // 0 marks an empty slot
    for (size_t i = key & (cap - 1);; i = (i + 1) & (cap - 1))
      if (words_[i].key == key || words_[i].key == 0) {
        words_[i].key = key;
        return words_[i];
      }
  };
  if (gazetteer_) {
    for (const auto& [key, e] : gazetteer_->words()) slot(key).classes = e.classes;
    for (const auto& [key, types] : gazetteer_->phrases()) slot(key).phrase = types;
  }
  if (clusters_)
    for (const auto& [key, ids] : clusters_->all()) slot(key).cluster = ids;
}

void FeatureExtractor::PrefetchWordInfo(uint64_t key) const {
  if (words_.empty()) return;
  __builtin_prefetch(&words_[(key == 0 ? 1 : key) & (words_.size() - 1)]);
}

// Phrase gazetteer: longest match starting at each capitalised or numeric token. The hashes
// of all candidate phrases (up to kMaxPhraseTokens tokens from each start) are computed and
// their slots prefetched before any is looked up.
void FeatureExtractor::FindPhrases(const SentenceInput& s, Tok* toks) const {
  constexpr size_t kMax = Gazetteer::kMaxPhraseTokens;
  const size_t n = s.tokens.size();
  thread_local std::vector<uint64_t> keys;  // kMax per token: key of the phrase tokens [i, i + k], 0 = none
  keys.assign(n * kMax, 0);
  char lower[kMaxHashedBytes + 2];
  for (size_t i = 0; i < n; ++i) {
    unsigned char c0 = s.tokens[i].empty() ? 0 : s.tokens[i][0];
    if (!(toks[i].cap_initial || (c0 >= '0' && c0 <= '9'))) continue;
    uint64_t h = kFnvOffset ^ ((kGazetteerSeed + 1) * kFnvPrime);
    size_t bytes = 0;
    for (size_t j = i; j < n && j - i < kMax; ++j) {
      if (j > i) {
        h ^= ' ';
        h *= kFnvPrime;
        ++bytes;
      }
      size_t ln = LowerInto(s.tokens[j], lower);
      for (size_t b = 0; b < ln; ++b) {
        h ^= static_cast<unsigned char>(lower[b]);
        h *= kFnvPrime;
      }
      bytes += ln;
      const uint64_t key = Avalanche(h ^ bytes);
      keys[i * kMax + (j - i)] = key == 0 ? 1 : key;  // FindWordInfo reads key 0 as 1 too
      PrefetchWordInfo(key);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    size_t best_len = 0;
    uint8_t best_types = 0;
    for (size_t k = 0; k < kMax && keys[i * kMax + k] != 0; ++k) {
      const WordInfo* info = FindWordInfo(keys[i * kMax + k]);
      const uint8_t types = info ? info->phrase : 0;
      if (types) {
        best_len = k + 1;
        best_types = types;
      }
    }
    if (best_len) {
      toks[i].phrase_b |= best_types;
      for (size_t j = i + 1; j < i + best_len; ++j) toks[j].phrase_i |= best_types;
    }
  }
}

const FeatureExtractor::WordInfo* FeatureExtractor::FindWordInfo(uint64_t key) const {
  if (words_.empty()) return nullptr;
  if (key == 0) key = 1;
  const size_t mask = words_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (words_[i].key == key) return &words_[i];
    if (words_[i].key == 0) return nullptr;
  }
}

DocStats FeatureExtractor::CollectDocStats(const std::vector<SentenceInput>& sentences) const {
  DocStats stats;
  char buf[kMaxHashedBytes];
  for (const SentenceInput& s : sentences) {
    bool caps = IsAllCapsSentence(s.tokens);
    for (size_t i = 1; i < s.tokens.size(); ++i) {
      std::string_view w = s.tokens[i];
      uint8_t bit = 0;
      if (AllLower(w)) bit = 1;
      else if (!caps && CapInitial(w) && HasLower(w) && s.tokens[i - 1] != "\"" && s.tokens[i - 1] != ":") bit = 2;
      if (!bit) continue;
      size_t n = LowerInto(w, buf);
      stats.by_lower[HashBytes(std::string_view(buf, n), kGazetteerSeed)] |= bit;
    }
  }
  return stats;
}

void FeatureExtractor::Extract(const SentenceInput& s, const DocStats& stats, std::vector<uint64_t>* out,
                               std::vector<uint32_t>* offsets, std::vector<uint64_t>* history_keys) const {
  const size_t n = s.tokens.size();
  const bool caps_sentence = IsAllCapsSentence(s.tokens);
  thread_local std::vector<Tok> toks;  // reused: no allocation per sentence
  toks.assign(n, Tok{});
  char lower[kMaxHashedBytes + 2], shape[32];
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = s.tokens[i];
    Tok& t = toks[i];
    t.length = static_cast<uint32_t>(w.size());
    size_t ln = LowerInto(w, lower);
    std::string_view lw(lower, ln);
    uint64_t gaz_key = HashBytes(lw, kGazetteerSeed);
    char norm[kMaxHashedBytes + 2];
    std::memcpy(norm, lower, ln);
    NormalizeDigits(norm, ln);
    t.lower = HashBytes(std::string_view(norm, ln), 11);
    char word[kMaxHashedBytes];
    const size_t wn = std::min(w.size(), kMaxHashedBytes);
    std::memcpy(word, w.data(), wn);
    t.word = HashBytes(std::string_view(word, NormalizeDigits(word, wn)), 12);
    t.shape = HashBytes(std::string_view(shape, ShapeInto(w, false, shape)), 13);
    t.sshape = HashBytes(std::string_view(shape, ShapeInto(w, true, shape)), 14);
    for (int k = 0; k < 4; ++k) {
      size_t len = static_cast<size_t>(k + 1);
      t.pre[k] = len <= ln ? HashBytes(std::string_view(norm, len), 20 + k) : 0;
      t.suf[k] = len <= ln ? HashBytes(std::string_view(norm + ln - len, len), 30 + k) : 0;
    }
    t.cap_initial = CapInitial(w);
    t.has_lower = HasLower(w);
    t.title_form = gaz_key;
    PrefetchWordInfo(gaz_key);
    if (history_keys) history_keys->push_back(HasUpper(w) ? gaz_key : 0);
  }
  // The lookups after all tokens' hashes, so their cache misses overlap.
  for (size_t i = 0; i < n; ++i) {
    Tok& t = toks[i];
    if (const WordInfo* info = FindWordInfo(t.title_form)) {
      t.wclass = info->classes;
      t.cluster = info->cluster;
    }
    auto it = stats.by_lower.find(t.title_form);
    if (it != stats.by_lower.end()) t.doc = it->second;
  }
  if (gazetteer_ && !gazetteer_->phrases().empty()) FindPhrases(s, toks.data());

  offsets->clear();
  offsets->reserve(n + 1);
  static const Tok kPad = [] {
    Tok t{};
    t.word = t.lower = t.shape = t.sshape = 0x5EA1;
    return t;
  }();
  static const Tok kPad2 = [] {
    Tok t{};
    t.word = t.lower = t.shape = t.sshape = 0x5EA2;
    return t;
  }();
  const uint64_t block = static_cast<uint64_t>(s.block) + 1;
  for (size_t i = 0; i < n; ++i) {
    offsets->push_back(static_cast<uint32_t>(out->size()));
    const Tok& t = toks[i];
    const Tok& p = i > 0 ? toks[i - 1] : kPad;
    const Tok& pp = i > 1 ? toks[i - 2] : (i > 0 ? kPad : kPad2);
    const Tok& nx = i + 1 < n ? toks[i + 1] : kPad;
    const Tok& nn = i + 2 < n ? toks[i + 2] : (i + 1 < n ? kPad : kPad2);
    auto add = [out](uint64_t f) { out->push_back(f); };
    add(F(kBias, 0));
    add(F(kWord, t.word));
    add(F(kLower, t.lower));
    add(F(kShape, t.shape));
    add(F(kShortShape, t.sshape));
    for (int k = 0; k < 4; ++k) {
      if (t.pre[k]) add(F(kPrefix, t.pre[k]));
      if (t.suf[k]) add(F(kSuffix, t.suf[k]));
    }
    add(F(kPrevLower, p.lower));
    add(F(kNextLower, nx.lower));
    add(F(kPrev2Lower, pp.lower));
    add(F(kNext2Lower, nn.lower));
    add(F(kPrevWord, p.word));
    add(F(kNextWord, nx.word));
    add(F(kPrevShape, p.sshape));
    add(F(kNextShape, nx.sshape));
    add(F(kShapeTri, Mix(Mix(p.sshape, t.sshape), nx.sshape)));
    add(F(kPrevCur, Mix(p.lower, t.lower)));
    add(F(kCurNext, Mix(t.lower, nx.lower)));
    add(F(kPrevPrevCur, Mix(Mix(pp.lower, p.lower), t.sshape)));
    add(F(kLowerShapePrev, Mix(p.lower, t.sshape)));
    add(F(kFirstShape, Mix(i == 0, t.sshape)));
    add(F(kBlockShape, Mix(block * 2 + caps_sentence, t.sshape)));
    if (caps_sentence) add(F(kCapsShape, t.lower));
    add(F(kLength, std::min<uint32_t>(t.length, 12)));
    if (t.wclass) {
      for (int b = 0; b < 8; ++b)
        if (t.wclass & (1u << b)) add(F(kWordClass, Mix(b, t.cap_initial)));
    }
    add(F(kPrevClass, Mix(p.wclass & 0x3F, t.cap_initial)));
    add(F(kNextClass, Mix(nx.wclass & 0x3F, t.cap_initial)));
    if (t.cap_initial || caps_sentence) add(F(kDocEvidence, Mix(t.doc, Mix(i == 0, caps_sentence))));
    if (clusters_ && !clusters_->empty()) {
      add(F(kClusterCoarse, t.cluster.coarse));
      add(F(kClusterFine, t.cluster.fine));
      add(F(kPrevCluster, p.cluster.fine + (i == 0 ? 0x10000u : 0u)));
      add(F(kNextCluster, nx.cluster.fine + (i + 1 == n ? 0x10000u : 0u)));
      add(F(kTitleCaseForm, Mix(t.cluster.coarse, t.sshape)));
    }
    for (uint64_t bit = 0; bit < 8; ++bit) {
      if (t.phrase_b & (1u << bit)) add(F(kPhrase, Mix(1, bit)));
      if (t.phrase_i & (1u << bit)) add(F(kPhrase, Mix(2, bit)));
    }
  }
  offsets->push_back(static_cast<uint32_t>(out->size()));
}

void HistoryFeatures(const std::vector<uint64_t>& keys, const std::vector<int>& stage1,
                     const std::vector<uint32_t>& sentence_begin, std::vector<uint64_t>* out,
                     std::vector<uint32_t>* offsets) {
  const size_t n = keys.size();
  out->clear();
  offsets->assign(n + 1, 0);
  // Tokens grouped by key; counts of stage-1 labels per group.
  thread_local std::vector<std::pair<uint64_t, uint32_t>> by_key;
  by_key.clear();
  for (size_t i = 0; i < n; ++i)
    if (keys[i]) by_key.emplace_back(keys[i], static_cast<uint32_t>(i));
  std::sort(by_key.begin(), by_key.end());
  thread_local std::vector<uint32_t> group_of;  // token -> index into group counts, or UINT32_MAX
  thread_local std::vector<std::array<uint16_t, kHistoryLabels>> counts;
  group_of.assign(n, UINT32_MAX);
  counts.clear();
  for (size_t g = 0; g < by_key.size(); ++g) {
    if (g == 0 || by_key[g].first != by_key[g - 1].first) counts.emplace_back().fill(0);
    uint32_t tok = by_key[g].second;
    group_of[tok] = static_cast<uint32_t>(counts.size() - 1);
    ++counts.back()[static_cast<size_t>(stage1[tok])];
  }
  size_t sent = 0;
  for (size_t i = 0; i < n; ++i) {
    while (sent + 1 < sentence_begin.size() && sentence_begin[sent + 1] <= i) ++sent;
    const size_t begin = sentence_begin.empty() ? 0 : sentence_begin[sent];
    const size_t end = sent + 1 < sentence_begin.size() ? sentence_begin[sent + 1] : n;
    (*offsets)[i] = static_cast<uint32_t>(out->size());
    const uint64_t own = static_cast<uint64_t>(stage1[i]);
    const uint64_t prev = i > begin ? static_cast<uint64_t>(stage1[i - 1]) : 99;
    const uint64_t next = i + 1 < end ? static_cast<uint64_t>(stage1[i + 1]) : 99;
    out->push_back(F(kS1Label, own));
    out->push_back(F(kS1Prev, Mix(prev, own)));
    out->push_back(F(kS1Next, Mix(own, next)));
    if (group_of[i] == UINT32_MAX) continue;
    std::array<uint16_t, kHistoryLabels> other = counts[group_of[i]];
    --other[own];
    uint32_t total = 0, top = 0;
    int majority = 0;
    for (int y = 0; y < kHistoryLabels; ++y) {
      total += other[y];
      if (other[y] > top) {
        top = other[y];
        majority = y;
      }
    }
    if (total == 0) {
      out->push_back(F(kHistNone, own));
      continue;
    }
    for (int y = 0; y < kHistoryLabels; ++y)
      if (other[y]) out->push_back(F(kHistLabel, Mix(static_cast<uint64_t>(y), std::min<uint32_t>(3, other[y] * 4 / total))));
    out->push_back(F(kHistMajority, Mix(static_cast<uint64_t>(majority), own)));
  }
  (*offsets)[n] = static_cast<uint32_t>(out->size());
}

}  // namespace hearsay::entities
