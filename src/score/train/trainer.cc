#include "score/train/trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "common/file_io.h"
#include "common/parallel.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace hearsay::score::train {
namespace {

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// Raw per-document features, before the options decide which groups to use.
struct Raw {
  std::vector<std::pair<uint32_t, float>> text;  // merged hashed n-grams: (index, count)
  std::vector<std::pair<uint32_t, float>> meta;  // host and authors: (index, value), never tf-idf'd
  std::array<float, kDenseCount> dense{};
};

// Featurises with ExtractFeatures (the runtime's function) and merges repeated indices.
// For the linear model the value of an index is the sum of its occurrences' values; for
// tf-idf the count is kept instead.
std::vector<Raw> Featurize(const std::vector<LabeledDoc>& docs, const CueTable& cues, const TrainOptions& o) {
  std::vector<Raw> out(docs.size());
  ParallelFor(docs.size(), o.jobs, [&](size_t i) {
    const Document& doc = docs[i].doc;
    TextLayout layout = text::AnalyzeText(doc);
    ArticleFeatures f;
    ExtractFeatures(doc, layout, cues, o.hash_bits, &f);
    Raw& r = out[i];
    r.dense = f.dense;
    std::vector<std::pair<uint32_t, float>> items;
    items.reserve(f.hashed.size());
    for (const HashedFeature& h : f.hashed) {
      if (IsMeta(h)) {
        r.meta.emplace_back(h.index, h.value);
        continue;
      }
      items.emplace_back(h.index, o.tfidf ? 1.0f : h.value);
    }
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& it : items) {
      if (!r.text.empty() && r.text.back().first == it.first)
        r.text.back().second += it.second;
      else
        r.text.push_back(it);
    }
  });
  return out;
}

struct Standardizer {
  std::array<float, kDenseCount> mean{}, scale{};
};

Standardizer FitStandardizer(const std::vector<Raw>& raws, double shrink) {
  Standardizer s;
  std::array<double, kDenseCount> sum{}, sum2{};
  for (const Raw& r : raws)
    for (size_t k = 0; k < kDenseCount; ++k) sum[k] += r.dense[k], sum2[k] += static_cast<double>(r.dense[k]) * r.dense[k];
  double n = std::max<size_t>(raws.size(), 1);
  for (size_t k = 0; k < kDenseCount; ++k) {
    double mean = sum[k] / n;
    double var = std::max(0.0, sum2[k] / n - mean * mean);
    s.mean[k] = static_cast<float>(mean);
    s.scale[k] = static_cast<float>((var > 1e-12 ? std::sqrt(var) : 1.0) / shrink);
  }
  return s;
}

// df counts over the training documents -> idf = log((1 + N) / (1 + df)) + 1 (sklearn's smooth idf).
std::vector<float> FitIdf(const std::vector<Raw>& raws, uint32_t hash_bits) {
  std::vector<uint32_t> df(size_t{1} << hash_bits, 0);
  for (const Raw& r : raws)
    for (const auto& [idx, count] : r.text) ++df[idx];
  std::vector<float> idf(df.size());
  double n = static_cast<double>(raws.size());
  for (size_t i = 0; i < df.size(); ++i) idf[i] = static_cast<float>(std::log((1.0 + n) / (1.0 + df[i])) + 1.0);
  return idf;
}

Example MakeExample(const Raw& r, float y, const TrainOptions& o, const Standardizer& st, const std::vector<float>& idf) {
  Example e;
  e.y = y;
  if (o.use_text) {
    if (o.tfidf) {
      double norm2 = 0;
      for (const auto& [idx, count] : r.text) {
        float v = (1.0f + std::log(count)) * idf[idx];
        e.x.emplace_back(idx, v);
        norm2 += static_cast<double>(v) * v;
      }
      float inv = norm2 > 0 ? static_cast<float>(1.0 / std::sqrt(norm2)) : 0.0f;
      for (auto& p : e.x) p.second *= inv;
    } else {
      e.x = r.text;
    }
  }
  if (o.use_host) {
    for (const auto& [idx, value] : r.meta) {
      auto it = std::lower_bound(e.x.begin(), e.x.end(), idx, [](const auto& p, uint32_t v) { return p.first < v; });
      if (it != e.x.end() && it->first == idx)
        it->second += value;
      else
        e.x.insert(it, {idx, value});
    }
  }
  if (o.use_dense) {
    uint32_t base = 1u << o.hash_bits;
    for (size_t k = 0; k < kDenseCount; ++k)
      e.x.emplace_back(base + static_cast<uint32_t>(k), (r.dense[k] - st.mean[k]) / st.scale[k]);
  }
  return e;
}

// Logistic regression by AdaGrad:
//   p = sigmoid(b + w.x);  g_j = (p - y) x_j + l2 w_j;  G_j += g_j^2;  w_j -= lr g_j / sqrt(G_j + 1e-8)
// over the examples in a seeded Fisher-Yates order per epoch.
// `use` lists the examples to train on (all when empty).
void TrainLogistic(const std::vector<Example>& ex, const std::vector<size_t>& use, const TrainOptions& o, std::vector<float>* w,
                   float* bias) {
  size_t dim = (size_t{1} << o.hash_bits) + kDenseCount;
  w->assign(dim, 0.0f);
  std::vector<float> g2(dim, 0.0f);
  // Averaging (Polyak-Ruppert) over the last `average_epochs` epochs by the lazy trick: u_j
  // accumulates t * delta_j over the averaged steps t = 1..T-1, and the mean of those
  // iterates is w_T - u / T.
  std::vector<double> u(o.average_epochs > 0 ? dim : 0, 0.0);
  double b = 0, gb2 = 0, ub = 0;
  double t = 1;
  std::mt19937_64 rng(o.seed);
  std::vector<size_t> order = use;
  if (order.empty())
    for (size_t i = 0; i < ex.size(); ++i) order.push_back(i);
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    bool averaging = o.average_epochs > 0 && epoch >= o.epochs - o.average_epochs;
    for (size_t idx : order) {
      const Example& e = ex[idx];
      double z = b;
      for (const auto& [j, v] : e.x) z += static_cast<double>((*w)[j]) * v;
      double g = Sigmoid(z) - e.y;
      for (const auto& [j, v] : e.x) {
        double gj = g * v + o.l2 * (*w)[j];
        g2[j] += static_cast<float>(gj * gj);
        float delta = static_cast<float>(-o.learning_rate * gj / std::sqrt(g2[j] + 1e-8));
        (*w)[j] += delta;
        if (averaging) u[j] += t * delta;
      }
      gb2 += g * g;
      double db = -o.learning_rate * g / std::sqrt(gb2 + 1e-8);
      b += db;
      if (averaging) ub += t * db, t += 1;
    }
  }
  if (o.average_epochs > 0) {
    for (size_t j = 0; j < dim; ++j) (*w)[j] -= static_cast<float>(u[j] / t);
    b -= ub / t;
  }
  *bias = static_cast<float>(b);
}

// Dense features the stacking step leaves at weight 0:
//  - those Restyle() changes by construction, so restyling cannot move the verdict
//    through them;
//  - the anonymous-source count: the anonymous share stands for it, and fitted together
//    the two took opposite signs, which a reason would phrase as "anonymous sources raise
//    credibility".
bool LeftOutOfStack(Dense d) {
  return d == Dense::kExclusive || d == Dense::kTitlePunct || d == Dense::kTitleCaps || d == Dense::kBodyExclaim ||
         d == Dense::kAnonymousSources;
}

double Dot(const Example& e, const std::vector<float>& w, double bias) {
  double z = bias;
  for (const auto& [j, v] : e.x) z += static_cast<double>(w[j]) * v;
  return z;
}

// A sparse model fitted on all examples, and with folds > 1 its out-of-fold logits (a
// restyled copy, at index i + n_originals, shares the fold of its original i).
struct SparseFit {
  std::vector<float> w;
  float bias = 0;
  std::vector<double> oof;
};
SparseFit FitSparse(const std::vector<Raw>& raws, const std::vector<int>& labels, size_t n_originals, const TrainOptions& o,
                    const Standardizer& st, const std::vector<float>& idf, int folds) {
  std::vector<Example> ex;
  ex.reserve(raws.size());
  for (size_t i = 0; i < raws.size(); ++i) ex.push_back(MakeExample(raws[i], static_cast<float>(labels[i]), o, st, idf));
  SparseFit fit;
  TrainLogistic(ex, {}, o, &fit.w, &fit.bias);
  if (folds > 1) {
    fit.oof.resize(ex.size());
    for (int f = 0; f < folds; ++f) {
      std::vector<size_t> in, out;
      for (size_t i = 0; i < ex.size(); ++i) ((i % n_originals) % folds == static_cast<size_t>(f) ? out : in).push_back(i);
      std::vector<float> wf;
      float bf = 0;
      TrainLogistic(ex, in, o, &wf, &bf);
      for (size_t i : out) fit.oof[i] = Dot(ex[i], wf, bf);
    }
  }
  return fit;
}

// Solves A x = b for a symmetric positive definite A (n x n, row-major) by Cholesky.
std::vector<double> SolveSpd(std::vector<double> a, std::vector<double> b, size_t n) {
  for (size_t j = 0; j < n; ++j) {
    for (size_t k = 0; k < j; ++k) a[j * n + j] -= a[j * n + k] * a[j * n + k];
    a[j * n + j] = std::sqrt(std::max(a[j * n + j], 1e-12));
    for (size_t i = j + 1; i < n; ++i) {
      for (size_t k = 0; k < j; ++k) a[i * n + j] -= a[i * n + k] * a[j * n + k];
      a[i * n + j] /= a[j * n + j];
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < i; ++k) b[i] -= a[i * n + k] * b[k];
    b[i] /= a[i * n + i];
  }
  for (size_t i = n; i-- > 0;) {
    for (size_t k = i + 1; k < n; ++k) b[i] -= a[k * n + i] * b[k];
    b[i] /= a[i * n + i];
  }
  return b;
}

// Dense logistic regression by Newton's method with an L2 penalty `l2` on every
// coefficient but the last (the intercept; rows end with a constant 1).
std::vector<double> FitDenseLogistic(const std::vector<std::vector<double>>& rows, const std::vector<int>& y, double l2) {
  size_t n = rows.empty() ? 0 : rows[0].size();
  std::vector<double> beta(n, 0.0);
  for (int it = 0; it < 30; ++it) {
    std::vector<double> grad(n, 0.0), hess(n * n, 0.0);
    for (size_t i = 0; i < rows.size(); ++i) {
      double z = 0;
      for (size_t k = 0; k < n; ++k) z += beta[k] * rows[i][k];
      double p = Sigmoid(z), s = std::max(p * (1 - p), 1e-9);
      for (size_t k = 0; k < n; ++k) {
        grad[k] += (p - y[i]) * rows[i][k];
        for (size_t m = 0; m <= k; ++m) hess[k * n + m] += s * rows[i][k] * rows[i][m];
      }
    }
    for (size_t k = 0; k < n; ++k)
      for (size_t m = 0; m < k; ++m) hess[m * n + k] = hess[k * n + m];
    for (size_t k = 0; k + 1 < n; ++k) grad[k] += l2 * beta[k], hess[k * n + k] += l2;
    hess[(n - 1) * n + (n - 1)] += 1e-9;
    std::vector<double> step = SolveSpd(hess, grad, n);
    double size = 0;
    for (size_t k = 0; k < n; ++k) beta[k] -= step[k], size = std::max(size, std::fabs(step[k]));
    if (size < 1e-8) break;
  }
  return beta;
}

// Platt scaling: (a, b) minimising the log loss of sigmoid(a z + b) on (logit, label) pairs,
// by Newton's method on the 2x2 system.
void FitPlatt(const std::vector<double>& z, const std::vector<int>& y, float* a_out, float* b_out) {
  double a = 1, b = 0;
  size_t positives = 0;
  for (int label : y) positives += label;
  auto loss = [&](double a_, double b_) {
    double l = 0;
    for (size_t i = 0; i < z.size(); ++i) {
      double p = std::clamp(Sigmoid(a_ * z[i] + b_), 1e-12, 1 - 1e-12);
      l -= y[i] ? std::log(p) : std::log(1 - p);
    }
    return l;
  };
  // One class only: nothing to calibrate against; keep the identity.
  if (positives > 0 && positives < y.size()) {
    double current = loss(a, b);
    for (int it = 0; it < 50; ++it) {
      double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
      for (size_t i = 0; i < z.size(); ++i) {
        double p = Sigmoid(a * z[i] + b), d = p - y[i], s = p * (1 - p);
        ga += d * z[i], gb += d;
        haa += s * z[i] * z[i], hab += s * z[i], hbb += s;
      }
      double det = haa * hbb - hab * hab;
      if (std::fabs(det) < 1e-12) break;
      double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
      // Damped Newton: halve the step until the loss does not grow.
      double step = 1;
      while (step > 1e-4 && loss(a - step * da, b - step * db) > current) step /= 2;
      if (step <= 1e-4) break;
      a -= step * da, b -= step * db;
      double next = loss(a, b);
      if (current - next < 1e-10) break;
      current = next;
    }
  }
  *a_out = static_cast<float>(a);
  *b_out = static_cast<float>(b);
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

// Removes the word "exclusive"/"exclusively" in any case with a following ':' '|' '-' and spaces.
std::string RemoveExclusive(const std::string& s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    bool at_word = i == 0 || !IsWordChar(s[i - 1]);
    size_t len = 0;
    for (const char* w : {"exclusively", "exclusive"}) {
      size_t n = std::strlen(w);
      if (len == 0 && at_word && i + n <= s.size() && (i + n == s.size() || !IsWordChar(s[i + n]))) {
        bool eq = true;
        for (size_t k = 0; k < n && eq; ++k) eq = (s[i + k] | 0x20) == w[k];
        if (eq) len = n;
      }
    }
    if (!len) {
      out += s[i++];
      continue;
    }
    i += len;
    while (i < s.size() && (s[i] == ':' || s[i] == '|' || s[i] == '-' || s[i] == ' ')) ++i;
  }
  return out;
}

std::string NeutralHeadline(std::string t) {
  t = RemoveExclusive(t);
  // A leading tag of all-caps words ending in ':' ("WATCH:", "US REPORT:").
  size_t colon = t.find(':');
  if (colon != std::string::npos && colon < 24) {
    bool caps = colon > 0;
    for (size_t i = 0; i < colon && caps; ++i) caps = (t[i] >= 'A' && t[i] <= 'Z') || t[i] == ' ';
    if (caps) t.erase(0, colon + 1);
  }
  std::string out;
  for (size_t i = 0; i < t.size();) {
    if (t[i] == '!' || t[i] == '?') {
      ++i;
      continue;
    }
    if (IsWordChar(t[i]) && (i == 0 || !IsWordChar(t[i - 1]))) {
      size_t j = i;
      bool all_caps = true;
      while (j < t.size() && IsWordChar(t[j])) all_caps = all_caps && !(t[j] >= 'a' && t[j] <= 'z'), ++j;
      std::string word = t.substr(i, j - i);
      if (all_caps && word.size() >= 2)
        for (size_t k = 1; k < word.size(); ++k)
          if (word[k] >= 'A' && word[k] <= 'Z') word[k] = static_cast<char>(word[k] | 0x20);
      out += word;
      i = j;
      continue;
    }
    out += t[i++];
  }
  size_t b = out.find_first_not_of(' '), e = out.find_last_not_of(' ');
  return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
}

std::string NoExclamations(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '!') {
      out += s[i];
      continue;
    }
    while (i + 1 < s.size() && s[i + 1] == '!') ++i;
    out += '.';
  }
  return out;
}

}  // namespace

Result<std::vector<LabeledDoc>> ReadLabeled(const std::string& path, size_t limit) {
  std::ifstream in(path);
  if (!in) return NotFoundError(path + ": cannot open the labelled data file");
  std::vector<LabeledDoc> out;
  std::string line;
  uint64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    auto doc = ingest::ParseJsonLine(path, line_no, line);
    if (!doc.ok()) return doc.status();
    LabeledDoc ld;
    std::string label;
    for (const auto& [k, v] : doc->metadata)
      if (k == "label") label = v;
    if (label != "real" && label != "fake")
      return DataLossError(path + ":" + std::to_string(line_no) + ": label: expected \"real\" or \"fake\", found \"" + label + "\"");
    ld.label = label == "real" ? 1 : 0;
    ld.doc = std::move(doc).value();
    ld.doc.raw.clear();  // not needed for training; halves the memory
    out.push_back(std::move(ld));
    if (limit && out.size() >= limit) break;
  }
  return out;
}

Result<Lexicons> ReadLexicons(const std::string& dir) {
  Lexicons lex;
  for (auto [file, list] : {std::pair{"hedge_words.txt", &lex.hedges}, std::pair{"booster_words.txt", &lex.boosters}}) {
    auto bytes = ReadWholeFile((std::filesystem::path(dir) / file).string(), 1 << 20);
    if (!bytes.ok()) return bytes.status().WithContext("hedge lexicon");
    *list = ParseLexicon(*bytes);
  }
  return lex;
}

Metrics ComputeMetrics(const std::vector<double>& scores, const std::vector<int>& labels, double threshold) {
  Metrics m;
  m.n = scores.size();
  size_t tp_real = 0, fp_real = 0, fn_real = 0, tp_fake = 0, fp_fake = 0, fn_fake = 0, correct = 0;
  m.reliability.resize(10);
  for (size_t b = 0; b < 10; ++b) m.reliability[b].lo = b / 10.0, m.reliability[b].hi = (b + 1) / 10.0;
  for (size_t i = 0; i < scores.size(); ++i) {
    double p = std::clamp(scores[i], 1e-7, 1 - 1e-7);
    int y = labels[i];
    bool real = scores[i] >= threshold;
    correct += real == (y == 1);
    if (real) (y == 1 ? ++tp_real : (++fp_real, ++fn_fake));
    else (y == 0 ? ++tp_fake : (++fp_fake, ++fn_real));
    m.brier += (p - y) * (p - y);
    m.log_loss -= y ? std::log(p) : std::log(1 - p);
    auto& bin = m.reliability[std::min<size_t>(static_cast<size_t>(scores[i] * 10), 9)];
    ++bin.n;
    bin.mean_score += scores[i];
    bin.real_rate += y;
  }
  auto f1 = [](size_t tp, size_t fp, size_t fn) { return tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0.0; };
  m.f1_real = f1(tp_real, fp_real, fn_real);
  m.f1_fake = f1(tp_fake, fp_fake, fn_fake);
  m.macro_f1 = (m.f1_real + m.f1_fake) / 2;
  double n = std::max<size_t>(m.n, 1);
  m.accuracy = correct / n;
  m.brier /= n;
  m.log_loss /= n;
  for (auto& bin : m.reliability) {
    if (!bin.n) continue;
    bin.mean_score /= bin.n;
    bin.real_rate /= bin.n;
    m.ece += bin.n / n * std::fabs(bin.mean_score - bin.real_rate);
  }
  return m;
}

std::string FormatMetrics(const Metrics& m) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "macro-F1 %.4f  acc %.4f  F1 real/fake %.4f/%.4f  Brier %.4f  logloss %.4f  ECE %.4f  (n=%zu)",
                m.macro_f1, m.accuracy, m.f1_real, m.f1_fake, m.brier, m.log_loss, m.ece, m.n);
  return buf;
}

std::string FormatReliability(const Metrics& m) {
  std::string out = "| P(real) bin | n | mean predicted | observed real |\n|---|---|---|---|\n";
  for (const auto& b : m.reliability) {
    char buf[128];
    if (b.n)
      std::snprintf(buf, sizeof buf, "| %.1f-%.1f | %zu | %.3f | %.3f |\n", b.lo, b.hi, b.n, b.mean_score, b.real_rate);
    else
      std::snprintf(buf, sizeof buf, "| %.1f-%.1f | 0 | - | - |\n", b.lo, b.hi);
    out += buf;
  }
  return out;
}

ModelCalibration ToCalibration(const Metrics& m, double threshold, const std::string& dataset) {
  ModelCalibration c;
  c.dataset = dataset;
  c.n = static_cast<uint32_t>(m.n);
  c.threshold = threshold;
  c.macro_f1 = m.macro_f1;
  c.accuracy = m.accuracy;
  c.brier = m.brier;
  c.log_loss = m.log_loss;
  c.ece = m.ece;
  for (const Metrics::Bin& b : m.reliability)
    c.bins.push_back({b.lo, b.hi, static_cast<uint32_t>(b.n), b.mean_score, b.real_rate});
  return c;
}

std::vector<double> Trained::Score(const std::vector<LabeledDoc>& docs) const {
  // The runtime path (text stage, ExtractFeatures, Logit), so what is measured is what ships.
  std::vector<double> out(docs.size());
  ParallelFor(docs.size(), options.jobs, [&](size_t i) {
    TextLayout layout = text::AnalyzeText(docs[i].doc);
    ArticleFeatures f;
    ExtractFeatures(docs[i].doc, layout, model->cues(), options.hash_bits, &f);
    out[i] = model->ScoreFeatures(docs[i].doc, layout, f, nullptr);
  });
  return out;
}

Result<Trained> TrainArticleModel(const std::vector<LabeledDoc>& train, const std::vector<LabeledDoc>& dev,
                                  const Lexicons& lexicons, const TrainOptions& o) {
  if (train.empty()) return InvalidArgumentError("no training documents");
  if (o.hash_bits < 10 || o.hash_bits > 26) return InvalidArgumentError("hash_bits must be in [10, 26]");
  CueTable cues(lexicons);
  std::vector<Raw> raws = Featurize(train, cues, o);
  std::vector<int> labels;
  for (const LabeledDoc& d : train) labels.push_back(d.label);
  if (o.augment_restyled) {
    // Restyled copies with the same label: headline punctuation, capitals and "exclusive"
    // then carry no label information of their own, so a rewrite cannot flip the verdict.
    std::vector<LabeledDoc> restyled;
    restyled.reserve(train.size());
    for (const LabeledDoc& d : train) restyled.push_back({Restyle(d.doc), d.label});
    std::vector<Raw> more = Featurize(restyled, cues, o);
    for (size_t i = 0; i < more.size(); ++i) raws.push_back(std::move(more[i])), labels.push_back(restyled[i].label);
  }
  Standardizer st = FitStandardizer(raws, o.dense_shrink);
  Trained t;
  t.options = o;
  if (o.tfidf) t.idf = FitIdf(raws, o.hash_bits);
  // Stacking: each sparse group (the words; the outlet, bylines and URL) is fitted alone,
  // then the groups' out-of-fold logits and the evidence features are weighed by a small
  // dense logistic regression: the evidence features get weights the sparse optimiser's
  // steps do not blur, and the groups' trust is fitted on logits they did not train on.
  std::vector<float> w;
  float bias = 0;
  uint32_t base = 1u << o.hash_bits;
  if (!(o.use_dense && o.stack_folds > 1)) {
    SparseFit fit = FitSparse(raws, labels, train.size(), o, st, t.idf, 0);
    w = std::move(fit.w);
    bias = fit.bias;
  } else {
    std::vector<SparseFit> fits;
    for (bool text_group : {true, false}) {
      TrainOptions g = o;
      g.use_dense = false;
      (text_group ? g.use_host : g.use_text) = false;
      if (g.use_text || g.use_host) fits.push_back(FitSparse(raws, labels, train.size(), g, st, t.idf, o.stack_folds));
    }
    std::vector<std::vector<double>> rows(raws.size());
    for (size_t i = 0; i < raws.size(); ++i) {
      for (const SparseFit& f : fits) rows[i].push_back(f.oof[i]);
      for (size_t k = 0; k < kDenseCount; ++k)
        rows[i].push_back(LeftOutOfStack(static_cast<Dense>(k)) ? 0.0 : (raws[i].dense[k] - st.mean[k]) / st.scale[k]);
      rows[i].push_back(1.0);
    }
    std::vector<double> beta = FitDenseLogistic(rows, labels, o.stack_l2);
    w.assign(base + kDenseCount, 0.0f);
    for (size_t g = 0; g < fits.size(); ++g) {
      for (uint32_t j = 0; j < base; ++j) w[j] += static_cast<float>(beta[g] * fits[g].w[j]);
      bias += static_cast<float>(beta[g] * fits[g].bias);
    }
    for (size_t k = 0; k < kDenseCount; ++k) w[base + k] = static_cast<float>(beta[fits.size() + k]);
    bias += static_cast<float>(beta.back());
  }
  raws.clear();
  raws.shrink_to_fit();

  ArticleModelParams p;
  p.hash_bits = o.hash_bits;
  p.weights.assign(w.begin(), w.begin() + base);
  for (size_t k = 0; k < kDenseCount; ++k) p.dense_weight[k] = o.use_dense ? w[base + k] : 0.0f;
  p.dense_mean = st.mean;
  p.dense_scale = st.scale;
  p.bias = bias;
  p.lexicons = lexicons;
  p.tfidf = o.tfidf;
  p.use_meta = o.use_host;
  p.idf = t.idf;
  char note[256];
  std::snprintf(note, sizeof note, "gossipcop train n=%zu; epochs=%d lr=%g l2=%g seed=%llu bits=%u text=%d host=%d dense=%d tfidf=%d shrink=%g augment=%d",
                train.size(), o.epochs, o.learning_rate, o.l2, static_cast<unsigned long long>(o.seed), o.hash_bits, o.use_text,
                o.use_host, o.use_dense, o.tfidf, o.dense_shrink, o.augment_restyled);
  p.training_note = note;
  t.model = std::make_unique<LinearArticleModel>(p);  // uncalibrated: scores dev for the calibration

  // Calibration and threshold on dev.
  if (!dev.empty()) {
    std::vector<double> raw_scores = t.Score(dev);  // calib (1, 0): sigmoid of the logit
    std::vector<double> z(raw_scores.size());
    std::vector<int> y(dev.size());
    for (size_t i = 0; i < z.size(); ++i) {
      double p_ = std::clamp(raw_scores[i], 1e-12, 1 - 1e-12);
      z[i] = std::log(p_ / (1 - p_));
      y[i] = dev[i].label;
    }
    t.dev_uncalibrated = ComputeMetrics(raw_scores, y, 0.5);
    ArticleModelParams& cp = p;
    FitPlatt(z, y, &cp.calib_a, &cp.calib_b);
    std::vector<double> scores(z.size());
    for (size_t i = 0; i < z.size(); ++i) scores[i] = Sigmoid(cp.calib_a * z[i] + cp.calib_b);
    double best_t = 0.5, best_f1 = -1;
    for (int k = 20; k <= 80; ++k) {
      double thr = k / 100.0;
      double f1 = ComputeMetrics(scores, y, thr).macro_f1;
      if (f1 > best_f1 + 1e-12) best_f1 = f1, best_t = thr;
    }
    cp.threshold = static_cast<float>(best_t);
    cp.calibration = ToCalibration(ComputeMetrics(scores, y, cp.threshold), cp.threshold, "gossipcop dev");
    t.model = std::make_unique<LinearArticleModel>(std::move(p));
    t.threshold = best_t;
    t.dev_at_half = ComputeMetrics(scores, y, 0.5);
    t.dev = ComputeMetrics(scores, y, best_t);
  }
  return t;
}

Document Restyle(const Document& doc) {
  Document d = doc;
  std::string body = doc.text.substr(std::min<size_t>(doc.body_byte_begin, doc.text.size()));
  d.title = NeutralHeadline(doc.title);
  body = NoExclamations(RemoveExclusive(body));
  d.text = d.title + "\n\n";
  d.title_byte_begin = 0;
  d.title_byte_end = static_cast<uint32_t>(d.title.size());
  d.body_byte_begin = static_cast<uint32_t>(d.text.size());
  d.text += body;
  return d;
}

}  // namespace hearsay::score::train
