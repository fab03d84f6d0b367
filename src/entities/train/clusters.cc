#include "entities/train/clusters.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <random>
#include <unordered_map>

#include "entities/features.h"
#include "text/text.h"

namespace hearsay::entities::train {
namespace {

struct WordStats {
  uint64_t total = 0;
  uint64_t lower = 0;  // occurrences written all in lower case
};

bool IsAllLower(std::string_view w) {
  bool any = false;
  for (unsigned char c : w) {
    if (c >= 'A' && c <= 'Z') return false;
    if (c >= 'a' && c <= 'z') any = true;
  }
  return any;
}

}  // namespace

Result<WordClusters> BuildClusters(const std::vector<std::string>& texts,
                                   const std::vector<std::vector<std::string>>& sentences, const ClusterOptions& o,
                                   Gazetteer* gazetteer, bool verbose) {
  // 1. Token streams as word ids.
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> words;
  std::vector<WordStats> stats;
  std::vector<std::vector<uint32_t>> streams;
  auto id_of = [&](std::string_view w) {
    std::string lw = LowerCase(w);
    auto [it, fresh] = ids.emplace(lw, static_cast<uint32_t>(words.size()));
    if (fresh) {
      words.push_back(lw);
      stats.emplace_back();
    }
    WordStats& s = stats[it->second];
    ++s.total;
    s.lower += IsAllLower(w);
    return it->second;
  };
  std::vector<Token> toks;
  for (const std::string& t : texts) {
    toks.clear();
    text::Tokenize(t, 0, static_cast<uint32_t>(t.size()), &toks);
    std::vector<uint32_t> stream;
    stream.reserve(toks.size());
    for (const Token& k : toks) stream.push_back(id_of(std::string_view(t).substr(k.byte_begin, k.byte_end - k.byte_begin)));
    streams.push_back(std::move(stream));
  }
  for (const auto& s : sentences) {
    std::vector<uint32_t> stream;
    for (const std::string& w : s) stream.push_back(id_of(w));
    streams.push_back(std::move(stream));
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (stats[i].total >= 10 && stats[i].lower * 2 >= stats[i].total) {
      WordEntry e;
      e.classes = kCommonWord;
      gazetteer->AddWord(HashBytes(words[i], kGazetteerSeed), e);
    }
  }
  // 2. Vocabulary and contexts by frequency (ties by spelling, for determinism).
  std::vector<uint32_t> by_freq(words.size());
  for (uint32_t i = 0; i < by_freq.size(); ++i) by_freq[i] = i;
  std::sort(by_freq.begin(), by_freq.end(), [&](uint32_t a, uint32_t b) {
    return stats[a].total != stats[b].total ? stats[a].total > stats[b].total : words[a] < words[b];
  });
  size_t vocab = std::min(o.vocabulary, by_freq.size());
  while (vocab > 0 && stats[by_freq[vocab - 1]].total < 3) --vocab;
  size_t nctx = std::min(o.contexts, vocab);
  std::vector<int32_t> vocab_idx(words.size(), -1), ctx_idx(words.size(), -1);
  for (size_t i = 0; i < vocab; ++i) vocab_idx[by_freq[i]] = static_cast<int32_t>(i);
  for (size_t i = 0; i < nctx; ++i) ctx_idx[by_freq[i]] = static_cast<int32_t>(i);
  // 3. Co-occurrence counts: (word, left context) and (word, right context).
  const size_t ncols = 2 * nctx;
  std::vector<std::unordered_map<uint32_t, uint32_t>> cooc(vocab);
  std::vector<double> col_total(ncols, 0);
  double grand = 0;
  for (const auto& s : streams) {
    for (size_t i = 0; i < s.size(); ++i) {
      int32_t v = vocab_idx[s[i]];
      if (v < 0) continue;
      if (i > 0 && ctx_idx[s[i - 1]] >= 0) {
        uint32_t c = static_cast<uint32_t>(ctx_idx[s[i - 1]]);
        ++cooc[v][c];
        ++col_total[c];
        ++grand;
      }
      if (i + 1 < s.size() && ctx_idx[s[i + 1]] >= 0) {
        uint32_t c = static_cast<uint32_t>(nctx + ctx_idx[s[i + 1]]);
        ++cooc[v][c];
        ++col_total[c];
        ++grand;
      }
    }
  }
  // 4. PPMI(w, c) = max(0, log(n(w,c) * N / (n(w) * n(c)))), projected with a seeded
  //    Gaussian matrix R (ncols x dims): vec(w) = sum_c PPMI(w,c) * R[c], then unit length.
  std::mt19937 rng(o.seed);
  std::normal_distribution<float> gauss(0.0f, 1.0f);
  std::vector<float> proj(ncols * o.dims);
  for (float& x : proj) x = gauss(rng);
  std::vector<float> vec(vocab * o.dims, 0.0f);
  for (size_t v = 0; v < vocab; ++v) {
    double row = 0;
    for (const auto& [c, n] : cooc[v]) row += n;
    if (row == 0) continue;
    float* out = &vec[v * o.dims];
    std::vector<std::pair<uint32_t, uint32_t>> cells(cooc[v].begin(), cooc[v].end());
    std::sort(cells.begin(), cells.end());
    for (const auto& [c, n] : cells) {
      double pmi = std::log(double(n) * grand / (row * col_total[c]));
      if (pmi <= 0) continue;
      for (size_t d = 0; d < o.dims; ++d) out[d] += static_cast<float>(pmi) * proj[c * o.dims + d];
    }
    double norm = 0;
    for (size_t d = 0; d < o.dims; ++d) norm += double(out[d]) * out[d];
    if (norm > 0)
      for (size_t d = 0; d < o.dims; ++d) out[d] = static_cast<float>(out[d] / std::sqrt(norm));
  }
  cooc.clear();
  // 5. Spherical k-means: assign to the centroid of highest dot product, recompute, renormalise.
  auto kmeans = [&](size_t k) {
    k = std::min(k, vocab);
    std::vector<float> cent(k * o.dims);
    // Seeds: every (vocab/k)-th word by frequency, so frequent and rare words both start clusters.
    for (size_t j = 0; j < k; ++j) {
      size_t v = j * (vocab / k);
      std::copy(&vec[v * o.dims], &vec[v * o.dims] + o.dims, &cent[j * o.dims]);
    }
    std::vector<uint16_t> assign(vocab, 0);
    for (int it = 0; it < o.iterations; ++it) {
      for (size_t v = 0; v < vocab; ++v) {
        const float* x = &vec[v * o.dims];
        float best = -2;
        size_t arg = 0;
        for (size_t j = 0; j < k; ++j) {
          const float* c = &cent[j * o.dims];
          float dot = 0;
          for (size_t d = 0; d < o.dims; ++d) dot += x[d] * c[d];
          if (dot > best) {
            best = dot;
            arg = j;
          }
        }
        assign[v] = static_cast<uint16_t>(arg);
      }
      std::vector<double> sum(k * o.dims, 0.0);
      for (size_t v = 0; v < vocab; ++v)
        for (size_t d = 0; d < o.dims; ++d) sum[assign[v] * o.dims + d] += vec[v * o.dims + d];
      for (size_t j = 0; j < k; ++j) {
        double norm = 0;
        for (size_t d = 0; d < o.dims; ++d) norm += sum[j * o.dims + d] * sum[j * o.dims + d];
        if (norm == 0) continue;  // empty cluster keeps its old centroid
        for (size_t d = 0; d < o.dims; ++d) cent[j * o.dims + d] = static_cast<float>(sum[j * o.dims + d] / std::sqrt(norm));
      }
    }
    return assign;
  };
  auto coarse = kmeans(o.coarse_k);
  auto fine = kmeans(o.fine_k);
  WordClusters out;
  for (size_t v = 0; v < vocab; ++v)
    out.Add(HashBytes(words[by_freq[v]], kGazetteerSeed),
            WordClusters::Ids{static_cast<uint16_t>(coarse[v] + 1), static_cast<uint16_t>(fine[v] + 1)});
  if (verbose)
    std::cerr << "hearsay: word clusters: " << vocab << " words, " << o.coarse_k << " coarse / " << o.fine_k
              << " fine clusters from " << streams.size() << " texts\n";
  return out;
}

}  // namespace hearsay::entities::train
