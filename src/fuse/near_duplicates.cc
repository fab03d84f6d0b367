#include "fuse/near_duplicates.h"

#include <algorithm>
#include <limits>

#include "common/parallel.h"
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

std::vector<uint64_t> ShingleHashes(std::string_view text, int shingle_words) {
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
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
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

std::vector<DuplicatePair> FindNearDuplicates(const std::vector<Document>& docs, const NearDuplicateOptions& opt) {
  const size_t n = docs.size();
  const size_t hashes = static_cast<size_t>(opt.bands) * static_cast<size_t>(opt.rows);
  // MinHash family h_i(x) = a_i * x + b_i (mod 2^64), a_i odd, over already-mixed shingle
  // hashes; min_{x in S} h_i(x) agrees between two sets with probability ≈ J. Only the
  // high 32 bits are kept (collisions at 2^-32 do not move J measurably).
  std::vector<uint64_t> mul(hashes), add(hashes);
  for (size_t i = 0; i < hashes; ++i) {
    mul[i] = Mix(2 * i + 1) | 1;
    add[i] = Mix(2 * i + 2);
  }
  std::vector<uint32_t> signatures(n * hashes, std::numeric_limits<uint32_t>::max());
  std::vector<uint8_t> usable(n, 0);
  ParallelFor(n, opt.jobs > 0 ? opt.jobs : DefaultJobs(), [&](size_t d) {
    std::vector<uint64_t> shingles = ShingleHashes(docs[d].text, opt.shingle_words);
    if (shingles.size() < opt.min_shingles) return;
    usable[d] = 1;
    std::vector<uint64_t> sig(hashes, std::numeric_limits<uint64_t>::max());
    for (uint64_t x : shingles)
      for (size_t i = 0; i < hashes; ++i) sig[i] = std::min(sig[i], mul[i] * x + add[i]);
    for (size_t i = 0; i < hashes; ++i) signatures[d * hashes + i] = static_cast<uint32_t>(sig[i] >> 32);
  });

  // LSH: per band, sort (band hash, doc) and take runs of equal hashes as buckets.
  std::vector<uint64_t> candidates;  // (a << 32) | b, a < b
  std::vector<std::pair<uint64_t, uint32_t>> keys;
  keys.reserve(n);
  for (int band = 0; band < opt.bands; ++band) {
    keys.clear();
    for (size_t d = 0; d < n; ++d) {
      if (!usable[d]) continue;
      uint64_t h = static_cast<uint64_t>(band) * 0x9E3779B97F4A7C15ull;
      for (int r = 0; r < opt.rows; ++r) h = Mix(h ^ signatures[d * hashes + static_cast<size_t>(band * opt.rows + r)]);
      keys.emplace_back(h, static_cast<uint32_t>(d));
    }
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size();) {
      size_t j = i + 1;
      while (j < keys.size() && keys[j].first == keys[i].first) ++j;
      const size_t run = j - i;
      if (run > 1) {
        if (run <= opt.max_bucket) {
          for (size_t x = i; x < j; ++x)
            for (size_t y = x + 1; y < j; ++y) candidates.push_back((uint64_t{keys[x].second} << 32) | keys[y].second);
        } else {
          for (size_t y = i + 1; y < j; ++y) candidates.push_back((uint64_t{keys[i].second} << 32) | keys[y].second);
        }
      }
      i = j;
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  // Exact check; shingles of `a` are computed once per run of equal `a`.
  std::vector<DuplicatePair> pairs;
  uint32_t cached = std::numeric_limits<uint32_t>::max();
  std::vector<uint64_t> shingles_a;
  for (uint64_t c : candidates) {
    uint32_t a = static_cast<uint32_t>(c >> 32), b = static_cast<uint32_t>(c & 0xFFFFFFFFu);
    if (a != cached) shingles_a = ShingleHashes(docs[a].text, opt.shingle_words), cached = a;
    double j = Jaccard(shingles_a, ShingleHashes(docs[b].text, opt.shingle_words));
    if (j >= opt.min_jaccard) pairs.push_back(DuplicatePair{a, b, j});
  }
  return pairs;
}

}  // namespace hearsay::fuse
