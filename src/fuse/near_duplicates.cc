#include "fuse/near_duplicates.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <limits>

#include "common/parallel.h"
#include "common/step_timer.h"
#include "common/union_find.h"
#include "common/utf8.h"

namespace hearsay::fuse {
namespace {

// splitmix64 finaliser: a bijective mix, so distinct inputs stay distinct.
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '\'';
}

}  // namespace

namespace {
std::vector<uint64_t> Shingles(std::string_view text, int shingle_words, bool distinct);
}  // namespace

std::vector<uint64_t> ShingleHashes(std::string_view text, int shingle_words) { return Shingles(text, shingle_words, true); }

namespace {
std::vector<uint64_t> Shingles(std::string_view text, int shingle_words, bool distinct) {
  // FNV-1a of each lower-cased word; a shingle hashes its k word hashes in order.
  std::vector<uint64_t> words;
  uint64_t h = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = 1;
    bool word = IsWordByte(c);
    if (c >= 0x80) {
      int n = utf8::SequenceLength(text, i);
      len = n > 0 ? static_cast<size_t>(n) : 1;
      int decoded = 0;
      word = n > 0 && utf8::IsLetter(utf8::Decode(text, i, &decoded));
    }
    if (word) {
      if (!in_word) h = 0xCBF29CE484222325ull, in_word = true;
      for (size_t j = i; j < i + len; ++j) {
        unsigned char b = static_cast<unsigned char>(text[j]);
        if (b >= 'A' && b <= 'Z') b = static_cast<unsigned char>(b - 'A' + 'a');
        h = (h ^ b) * 0x100000001B3ull;
      }
    } else if (in_word) {
      words.push_back(h);
      in_word = false;
    }
    i += len;
  }
  if (in_word) words.push_back(h);

  std::vector<uint64_t> shingles;
  const size_t k = static_cast<size_t>(std::max(1, shingle_words));
  if (words.size() < k) return shingles;
  shingles.reserve(words.size() - k + 1);
  for (size_t i = 0; i + k <= words.size(); ++i) {
    uint64_t s = 0;
    for (size_t j = 0; j < k; ++j) s = Mix(s ^ words[i + j]);
    shingles.push_back(s);
  }
  if (distinct) {
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  }
  return shingles;
}

// One-permutation MinHash with densification (Shrivastava & Li 2014): one hash per
// shingle, h = Mix(x); its top bits pick one of `hashes` bins, the low 32 bits are the
// value, and each bin keeps its minimum. Two sets agree on a bin with probability ≈ J,
// as with `hashes` independent permutations, at the cost of one hash per shingle. An
// empty bin borrows the value of the next non-empty bin to its right (circularly), plus
// a constant per distance, so empty bins still agree exactly when the borrowed ones do.
// Writes bands x rows values to `sig`; false (nothing written) when too short.
bool MinHashSignature(std::string_view text, const NearDuplicateOptions& opt, uint32_t* sig) {
  const size_t hashes = static_cast<size_t>(opt.bands) * static_cast<size_t>(opt.rows);
  std::vector<uint64_t> shingles = Shingles(text, opt.shingle_words, /*distinct=*/false);
  if (shingles.size() < opt.min_shingles) return false;
  std::vector<uint64_t> bins(hashes, std::numeric_limits<uint64_t>::max());
  for (uint64_t x : shingles) {
    uint64_t h = Mix(x ^ 0x5851F42D4C957F2Dull);
    size_t bin = static_cast<size_t>((h >> 32) % hashes);
    bins[bin] = std::min<uint64_t>(bins[bin], h & 0xFFFFFFFFull);
  }
  for (size_t i = 0; i < hashes; ++i) {
    size_t j = i, distance = 0;
    while (bins[j] == std::numeric_limits<uint64_t>::max()) j = (j + 1) % hashes, ++distance;
    sig[i] = static_cast<uint32_t>(bins[j] + distance * 0x9E3779B9ull);
  }
  return true;
}

uint64_t BandKey(const uint32_t* sig, int band, int rows) {
  uint64_t h = static_cast<uint64_t>(band) * 0x9E3779B97F4A7C15ull;
  for (int r = 0; r < rows; ++r) h = Mix(h ^ sig[band * rows + r]);
  return h;
}

// The candidate pairs of one bucket (documents ascending): all pairs, or for a bucket over
// max_bucket a star from its first document.
void AddBucketPairs(const uint32_t* docs, size_t run, size_t max_bucket, std::vector<uint64_t>* candidates) {
  if (run < 2) return;
  if (run <= max_bucket) {
    for (size_t x = 0; x < run; ++x)
      for (size_t y = x + 1; y < run; ++y) candidates->push_back((uint64_t{docs[x]} << 32) | docs[y]);
  } else {
    for (size_t y = 1; y < run; ++y) candidates->push_back((uint64_t{docs[0]} << 32) | docs[y]);
  }
}

}  // namespace

std::vector<uint64_t> BandKeys(std::string_view text, const NearDuplicateOptions& opt) {
  std::vector<uint32_t> sig(static_cast<size_t>(opt.bands) * static_cast<size_t>(opt.rows));
  std::vector<uint64_t> keys;
  if (!MinHashSignature(text, opt, sig.data())) return keys;
  for (int band = 0; band < opt.bands; ++band) keys.push_back(BandKey(sig.data(), band, opt.rows));
  return keys;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else ++common, ++i, ++j;
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

namespace {

constexpr double kLow = -1.0, kHigh = -2.0;  // similarity slots: dropped / clear duplicate

// MinHash signatures of every document (`hashes` bins each); usable[d] is 0 when a document
// is too short to have one.
struct Signatures {
  size_t hashes;
  std::vector<uint32_t> bins;
  std::vector<uint8_t> usable;
  const uint32_t* Of(size_t d) const { return &bins[d * hashes]; }
};

Signatures ComputeSignatures(const std::vector<Document>& docs, const NearDuplicateOptions& opt) {
  const size_t n = docs.size();
  Signatures sig{static_cast<size_t>(opt.bands) * static_cast<size_t>(opt.rows), {}, std::vector<uint8_t>(n, 0)};
  sig.bins.assign(n * sig.hashes, std::numeric_limits<uint32_t>::max());
  ParallelFor(n, opt.jobs > 0 ? opt.jobs : DefaultJobs(), [&](size_t d) {
    DocumentTexts texts(docs, opt.texts);
    sig.usable[d] = MinHashSignature(texts.Of(d), opt, &sig.bins[d * sig.hashes]) ? 1 : 0;
  });
  return sig;
}

// LSH: per band, sort (band hash, doc) and take runs of equal hashes as buckets; or the
// buckets given (a GROUP BY over stored band keys), which are the same runs. Returns the
// candidate pairs (a << 32) | b, a < b, sorted and unique.
std::vector<uint64_t> CandidatePairs(const Signatures& sig, const NearDuplicateOptions& opt) {
  const size_t n = sig.usable.size();
  std::vector<uint64_t> candidates;
  std::vector<uint32_t> members;
  if (opt.buckets) {
    for (const std::vector<uint32_t>& bucket : *opt.buckets) {
      members.clear();
      for (uint32_t d : bucket)
        if (d < n && sig.usable[d]) members.push_back(d);
      std::sort(members.begin(), members.end());
      members.erase(std::unique(members.begin(), members.end()), members.end());
      AddBucketPairs(members.data(), members.size(), opt.max_bucket, &candidates);
    }
  } else {
    std::vector<std::pair<uint64_t, uint32_t>> keys;
    keys.reserve(n);
    for (int band = 0; band < opt.bands; ++band) {
      keys.clear();
      for (size_t d = 0; d < n; ++d)
        if (sig.usable[d]) keys.emplace_back(BandKey(sig.Of(d), band, opt.rows), static_cast<uint32_t>(d));
      std::sort(keys.begin(), keys.end());
      for (size_t i = 0; i < keys.size();) {
        size_t j = i + 1;
        while (j < keys.size() && keys[j].first == keys[i].first) ++j;
        members.clear();
        for (size_t x = i; x < j; ++x) members.push_back(keys[x].second);
        AddBucketPairs(members.data(), members.size(), opt.max_bucket, &candidates);
        i = j;
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

// Exact shingle Jaccard of a pair, keeping the first document's shingles while it repeats.
class ExactJaccard {
 public:
  ExactJaccard(const std::vector<Document>& docs, const NearDuplicateOptions& opt) : texts_(docs, opt.texts), opt_(opt) {}
  double operator()(uint32_t a, uint32_t b) {
    if (a != cached_) shingles_a_ = ShingleHashes(texts_.Of(a), opt_.shingle_words), cached_ = a;
    return Jaccard(shingles_a_, ShingleHashes(texts_.Of(b), opt_.shingle_words));
  }

 private:
  DocumentTexts texts_;
  const NearDuplicateOptions& opt_;
  uint32_t cached_ = std::numeric_limits<uint32_t>::max();
  std::vector<uint64_t> shingles_a_;
};

// Signature estimate Ĵ = (equal bins) / hashes; standard error sqrt(J(1−J)/hashes) ≈ 0.044
// at J = 0.5 with 128 bins. Candidates with Ĵ < min_jaccard − 0.15 (3.4 standard errors
// below) are dropped (kLow); those within ±0.15 of the threshold get the exact check here,
// on all threads in chunks of consecutive candidates (results in per-candidate slots, so the
// output does not depend on scheduling); those above are clear duplicates (kHigh).
std::vector<double> ScreenCandidates(const std::vector<Document>& docs, const Signatures& sig,
                                     const std::vector<uint64_t>& candidates, const NearDuplicateOptions& opt,
                                     std::atomic<size_t>* exact_checks) {
  constexpr size_t kChunk = 512;
  std::vector<double> similarity(candidates.size(), kLow);
  ParallelFor((candidates.size() + kChunk - 1) / kChunk, opt.jobs > 0 ? opt.jobs : DefaultJobs(), [&](size_t chunk) {
    ExactJaccard exact(docs, opt);
    for (size_t idx = chunk * kChunk; idx < std::min(candidates.size(), (chunk + 1) * kChunk); ++idx) {
      uint32_t a = static_cast<uint32_t>(candidates[idx] >> 32), b = static_cast<uint32_t>(candidates[idx] & 0xFFFFFFFFu);
      size_t equal = 0;
      for (size_t i = 0; i < sig.hashes; ++i) equal += sig.Of(a)[i] == sig.Of(b)[i];
      const double estimate = static_cast<double>(equal) / static_cast<double>(sig.hashes);
      if (estimate < opt.min_jaccard - 0.15) continue;
      if (estimate >= opt.min_jaccard + 0.15) {
        similarity[idx] = kHigh;
        continue;
      }
      ++*exact_checks;
      similarity[idx] = exact(a, b);
    }
  });
  return similarity;
}

}  // namespace

std::vector<DuplicatePair> FindNearDuplicates(const std::vector<Document>& docs, const NearDuplicateOptions& opt) {
  StepTimer timer("  near-duplicates");
  Signatures sig = ComputeSignatures(docs, opt);
  timer.Step("signatures", docs.size());
  std::vector<uint64_t> candidates = CandidatePairs(sig, opt);
  timer.Step("candidates", candidates.size());
  std::atomic<size_t> exact_checks{0};
  std::vector<double> similarity = ScreenCandidates(docs, sig, candidates, opt, &exact_checks);
  // Duplicate groups grow with the corpus (syndicated copies, boilerplate), and all pairs of
  // a group of m would be m(m−1)/2. So the output is a spanning forest of the duplicate
  // graph: in candidate order, a pair is kept only when it joins two groups not yet joined
  // (union-find); a clear duplicate's exact similarity is computed only then.
  UnionFind groups(static_cast<uint32_t>(docs.size()));
  std::vector<DuplicatePair> pairs;
  ExactJaccard exact(docs, opt);
  for (size_t idx = 0; idx < candidates.size(); ++idx) {
    if (similarity[idx] == kLow) continue;
    uint32_t a = static_cast<uint32_t>(candidates[idx] >> 32), b = static_cast<uint32_t>(candidates[idx] & 0xFFFFFFFFu);
    if (groups.Find(a) == groups.Find(b)) continue;
    double j = similarity[idx];
    if (j == kHigh) {
      ++exact_checks;
      j = exact(a, b);
    }
    if (j < opt.min_jaccard) continue;
    groups.Union(a, b);
    pairs.push_back(DuplicatePair{a, b, j});
  }
  timer.Step("verified", exact_checks.load());
  return pairs;
}

}  // namespace hearsay::fuse
