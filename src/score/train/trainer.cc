#include "score/train/trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "common/file_io.h"
#include "common/parallel.h"
#include "entities/entities.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace hearsay::score::train {
namespace {

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// Raw per-document features.
struct Raw {
  std::vector<std::pair<uint32_t, float>> text;  // merged hashed n-grams: (index, count or summed value)
  std::array<float, kDenseCount> dense{};
  std::string host;                              // OutletKey of the host
  std::vector<std::string> cited, cited_names;   // cited outlets: keys and names
  std::vector<std::string> authors;              // bylines (lower-cased)
  std::string section;                           // the URL's section word
};

// The runtime's featurisation: text stage, entity mentions (with a tagger), ExtractFeatures.
void FeaturizeOne(const Document& doc, const CueTable& cues, const entities::Tagger* tagger, const TrainOptions& o,
                  TextLayout* layout, std::vector<Mention>* mentions, ArticleFeatures* f) {
  *layout = text::AnalyzeText(doc);
  mentions->clear();
  if (tagger && o.mask) entities::FindMentions(doc, *layout, tagger, mentions);
  ExtractFeatures(doc, *layout, *mentions, cues, o.hash_bits, f, o.mask);
}

// Featurises every document and merges repeated indices: for tf-idf the count is kept,
// otherwise the sum of the occurrences' values.
std::vector<Raw> Featurize(const std::vector<LabeledDoc>& docs, const CueTable& cues, const entities::Tagger* tagger,
                           const TrainOptions& o) {
  std::vector<Raw> out(docs.size());
  ParallelFor(docs.size(), o.jobs, [&](size_t i) {
    TextLayout layout;
    std::vector<Mention> mentions;
    ArticleFeatures f;
    FeaturizeOne(docs[i].doc, cues, tagger, o, &layout, &mentions, &f);
    Raw& r = out[i];
    r.dense = f.dense;
    r.host = f.host.empty() ? std::string() : OutletKey(f.host);
    r.cited = std::move(f.cited_outlets);
    r.cited_names = std::move(f.cited_names);
    r.authors = std::move(f.authors);
    r.section = std::move(f.url_section);
    std::vector<std::pair<uint32_t, float>> items;
    items.reserve(f.hashed.size());
    for (const HashedFeature& h : f.hashed) items.emplace_back(h.index, o.tfidf ? 1.0f : h.value);
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

Standardizer FitStandardizer(const std::vector<Raw>& raws) {
  Standardizer s;
  std::array<double, kDenseCount> sum{}, sum2{};
  for (const Raw& r : raws)
    for (size_t k = 0; k < kDenseCount; ++k) sum[k] += r.dense[k], sum2[k] += static_cast<double>(r.dense[k]) * r.dense[k];
  double n = std::max<size_t>(raws.size(), 1);
  for (size_t k = 0; k < kDenseCount; ++k) {
    double mean = sum[k] / n;
    double var = std::max(0.0, sum2[k] / n - mean * mean);
    s.mean[k] = static_cast<float>(mean);
    s.scale[k] = static_cast<float>(var > 1e-12 ? std::sqrt(var) : 1.0);
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

// The text vector of a document, as LinearArticleModel::TextVector computes it.
Example TextExample(const Raw& r, float y, const TrainOptions& o, const std::vector<float>& idf) {
  Example e;
  e.y = y;
  if (!o.tfidf) {
    e.x = r.text;
    return e;
  }
  double norm2 = 0;
  for (const auto& [idx, count] : r.text) {
    float v = (1.0f + std::log(count)) * idf[idx];
    e.x.emplace_back(idx, v);
    norm2 += static_cast<double>(v) * v;
  }
  float inv = norm2 > 0 ? static_cast<float>(1.0 / std::sqrt(norm2)) : 0.0f;
  for (auto& p : e.x) p.second *= inv;
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


// The direction each evidence feature may push the logit in the stacking step (+1 raises,
// -1 lowers, 0 either; a fitted weight of the other sign is set to 0 and the rest refitted),
// so a reason never reads "anonymous sources raise credibility"; kLeftOut features get 0:
//  - those Restyle() changes by construction, so restyling cannot move the verdict
//    through them;
//  - the anonymous-source count: the anonymous share stands for it.
constexpr int kLeftOut = 2;
int Direction(Dense d) {
  switch (d) {
    case Dense::kExclusive: case Dense::kTitlePunct: case Dense::kTitleCaps: case Dense::kBodyExclaim:
    case Dense::kAnonymousSources: return kLeftOut;
    case Dense::kAnonymousShare: case Dense::kHedgeRate: case Dense::kBoosterRate: case Dense::kHearsayWords:
    case Dense::kTitleTeaser: return -1;
    case Dense::kNamedQuotes: return +1;
    default: return 0;
  }
}

double Dot(const Example& e, const std::vector<float>& w, double bias) {
  double z = bias;
  for (const auto& [j, v] : e.x) z += static_cast<double>(w[j]) * v;
  return z;
}

// Fold of row i (a restyled copy, at index i + n_originals, shares the fold of its original).
inline size_t FoldOf(size_t i, size_t n_originals, int folds) { return (i % n_originals) % static_cast<size_t>(folds); }

// The text model fitted on all examples, and its out-of-fold logits.
struct SparseFit {
  std::vector<float> w;
  float bias = 0;
  std::vector<double> oof;
};
SparseFit FitSparse(const std::vector<Raw>& raws, const std::vector<int>& labels, size_t n_originals, const TrainOptions& o,
                    const std::vector<float>& idf, int folds) {
  std::vector<Example> ex;
  ex.reserve(raws.size());
  for (size_t i = 0; i < raws.size(); ++i) ex.push_back(TextExample(raws[i], static_cast<float>(labels[i]), o, idf));
  SparseFit fit;
  TrainLogistic(ex, {}, o, &fit.w, &fit.bias);
  fit.oof.resize(ex.size());
  for (int f = 0; f < folds; ++f) {
    std::vector<size_t> in, out;
    for (size_t i = 0; i < ex.size(); ++i) (FoldOf(i, n_originals, folds) == static_cast<size_t>(f) ? out : in).push_back(i);
    std::vector<float> wf;
    float bf = 0;
    TrainLogistic(ex, in, o, &wf, &bf);
    for (size_t i : out) fit.oof[i] = Dot(ex[i], wf, bf);
  }
  return fit;
}

// Outlet records from the original training rows accepted by `use` (a row's cited outlets
// count once each). Records of fewer than kMinRecord articles are left out.
constexpr uint32_t kMinRecord = 3;
template <typename Use>
OutletPrior CountOutlets(const std::vector<Raw>& raws, const std::vector<int>& labels, size_t n_originals, double pseudo, Use use) {
  std::map<std::string, OutletRecord> hosts, cited, bylines, sections;
  size_t n = 0, real = 0;
  for (size_t i = 0; i < n_originals; ++i) {
    if (!use(i)) continue;
    ++n, real += labels[i];
    auto add = [&](std::map<std::string, OutletRecord>* m, const std::string& key, const std::string& name) {
      OutletRecord& r = (*m)[key];
      if (r.n == 0) r.key = key, r.name = name;
      ++r.n;
      r.unreliable += labels[i] == 0;
    };
    const Raw& raw = raws[i];
    if (!raw.host.empty()) add(&hosts, raw.host, raw.host);
    for (size_t c = 0; c < raw.cited.size(); ++c) add(&cited, raw.cited[c], raw.cited_names[c]);
    for (const std::string& author : raw.authors) add(&bylines, author, "");
    if (!raw.section.empty()) add(&sections, raw.section, raw.section);
  }
  OutletPrior p;
  p.base_real = n ? static_cast<double>(real) / n : 0.5;
  p.pseudo = pseudo;
  for (auto [from, to] : {std::pair{&hosts, &p.hosts}, std::pair{&cited, &p.cited}, std::pair{&bylines, &p.bylines}, std::pair{&sections, &p.sections}})
    for (auto& [key, r] : *from)
      if (r.n >= kMinRecord) to->push_back(std::move(r));
  return p;
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


// Stacking columns: the text model's out-of-fold logit, the outlet-prior terms (PriorTerm),
// the standardised evidence features, the intercept.
constexpr size_t kColText = 0, kColPrior = 1, kColDense = kColPrior + kPriorCount, kCols = kColDense + kDenseCount + 1;

// Records push in their own direction (+); an unknown host and the intercept either way.
int ColumnDirection(size_t col) {
  if (col == kColPrior + static_cast<size_t>(PriorTerm::kHostUnknown) || col + 1 == kCols) return 0;
  return col < kColDense ? +1 : Direction(static_cast<Dense>(col - kColDense));
}

std::vector<std::vector<double>> StackRows(const std::vector<Raw>& raws, const std::vector<int>& labels, size_t n_originals, int folds, double pseudo,
                                           const SparseFit& text, const Standardizer& st) {
  std::vector<std::vector<double>> rows(raws.size(), std::vector<double>(kCols, 0.0));
  for (int f = 0; f < folds; ++f) {
    OutletPrior prior = CountOutlets(raws, labels, n_originals, pseudo, [&](size_t i) { return FoldOf(i, n_originals, folds) != static_cast<size_t>(f); });
    for (size_t i = 0; i < raws.size(); ++i) {
      if (FoldOf(i, n_originals, folds) != static_cast<size_t>(f)) continue;
      std::array<double, kPriorCount> v = prior.Values(raws[i].host, raws[i].cited, raws[i].authors, raws[i].section);
      for (size_t t = 0; t < kPriorCount; ++t) rows[i][kColPrior + t] = v[t];
    }
  }
  for (size_t i = 0; i < raws.size(); ++i) {
    rows[i][kColText] = text.oof[i];
    for (size_t k = 0; k < kDenseCount; ++k) rows[i][kColDense + k] = (raws[i].dense[k] - st.mean[k]) / st.scale[k];
    rows[i][kCols - 1] = 1.0;
  }
  return rows;
}

// The dense logistic regression over the rows in `use` and the `active` columns (others 0).
std::vector<double> FitColumns(const std::vector<std::vector<double>>& rows, const std::vector<int>& labels,
                               const std::vector<size_t>& use, const std::vector<bool>& active, double l2) {
  std::vector<std::vector<double>> sub;
  std::vector<int> y;
  sub.reserve(use.size());
  for (size_t i : use) {
    sub.push_back(rows[i]);
    for (size_t c = 0; c < kCols; ++c)
      if (!active[c]) sub.back()[c] = 0;
    y.push_back(labels[i]);
  }
  std::vector<double> beta = FitDenseLogistic(sub, y, l2);
  for (size_t c = 0; c < kCols; ++c)
    if (!active[c]) beta[c] = 0;
  return beta;
}

// Fits with the sign constraints of ColumnDirection: while a weight has the wrong sign,
// the worst column is switched off and the rest refitted.
std::vector<double> FitConstrained(const std::vector<std::vector<double>>& rows, const std::vector<int>& labels,
                                   std::vector<bool>* active, double l2) {
  std::vector<size_t> all(rows.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  for (;;) {
    std::vector<double> beta = FitColumns(rows, labels, all, *active, l2);
    size_t worst = kCols;
    for (size_t c = 0; c < kCols; ++c) {
      int dir = ColumnDirection(c);
      if ((*active)[c] && dir != 0 && beta[c] * dir < 0 && (worst == kCols || std::fabs(beta[c]) > std::fabs(beta[worst]))) worst = c;
    }
    if (worst == kCols) return beta;
    (*active)[worst] = false;
  }
}

// One head: its weights (the evidence measured from `ref`, see article_model.h), and the
// calibration and threshold fitted on out-of-fold logits of the original training rows.
ArticleHead FitHead(const std::vector<std::vector<double>>& rows, const std::vector<int>& labels, size_t n_originals, int folds,
                    bool with_prior, const TrainOptions& o, const Standardizer& st, const std::array<float, kDenseCount>& ref,
                    float text_bias, Metrics* cv) {
  std::vector<bool> active(kCols, true);
  for (size_t t = 0; t < kPriorCount; ++t) active[kColPrior + t] = with_prior;
  for (size_t k = 0; k < kDenseCount; ++k)
    active[kColDense + k] = o.use_dense && Direction(static_cast<Dense>(k)) != kLeftOut;
  std::vector<double> beta = FitConstrained(rows, labels, &active, o.stack_l2);
  // Out-of-fold logits: the stack refitted without each fold, on the same columns.
  std::vector<double> z;
  std::vector<int> y;
  std::vector<double> oof(n_originals, 0.0);
  for (int f = 0; f < folds; ++f) {
    std::vector<size_t> in;
    for (size_t i = 0; i < rows.size(); ++i)
      if (FoldOf(i, n_originals, folds) != static_cast<size_t>(f)) in.push_back(i);
    std::vector<double> bf = FitColumns(rows, labels, in, active, o.stack_l2);
    for (size_t i = 0; i < n_originals; ++i)
      if (FoldOf(i, n_originals, folds) == static_cast<size_t>(f))
        for (size_t c = 0; c < kCols; ++c) oof[i] += bf[c] * rows[i][c];
  }
  z.assign(oof.begin(), oof.end());
  y.assign(labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(n_originals));
  ArticleHead h;
  FitPlatt(z, y, &h.calib_a, &h.calib_b);
  std::vector<double> scores(z.size());
  for (size_t i = 0; i < z.size(); ++i) scores[i] = Sigmoid(h.calib_a * z[i] + h.calib_b);
  double best_t = 0.5, best_f1 = -1;
  for (int k = 20; k <= 80; ++k) {
    double f1 = ComputeMetrics(scores, y, k / 100.0).macro_f1;
    if (f1 > best_f1 + 1e-12) best_f1 = f1, best_t = k / 100.0;
  }
  h.threshold = static_cast<float>(best_t);
  *cv = ComputeMetrics(scores, y, best_t);
  h.cv = ToCalibration(*cv, best_t, "gossipcop train, " + std::to_string(folds) + "-fold cross-validation");
  h.text_scale = static_cast<float>(beta[kColText]);
  for (size_t t = 0; t < kPriorCount; ++t) h.prior_weight[t] = static_cast<float>(beta[kColPrior + t]);
  double bias = beta[kCols - 1] + beta[kColText] * text_bias;
  for (size_t k = 0; k < kDenseCount; ++k) {
    h.dense_weight[k] = static_cast<float>(beta[kColDense + k]);
    bias += beta[kColDense + k] * (ref[k] - st.mean[k]) / st.scale[k];
  }
  h.bias = static_cast<float>(bias);
  return h;
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
  // The runtime path (text stage, mentions, ExtractFeatures, Logit), so what is measured is what ships.
  std::vector<double> out(docs.size());
  ParallelFor(docs.size(), options.jobs, [&](size_t i) {
    TextLayout layout;
    std::vector<Mention> mentions;
    ArticleFeatures f;
    FeaturizeOne(docs[i].doc, model->cues(), tagger, options, &layout, &mentions, &f);
    out[i] = model->ScoreFeatures(docs[i].doc, layout, f, nullptr);
  });
  return out;
}

std::vector<double> Trained::ScoreHead(const std::vector<LabeledDoc>& docs, bool outlet_prior) {
  bool was = model->outlet_prior();
  model->UseOutletPrior(outlet_prior);
  std::vector<double> s = Score(docs);
  model->UseOutletPrior(was);
  return s;
}

Result<Trained> TrainArticleModel(const std::vector<LabeledDoc>& train, const std::vector<LabeledDoc>& dev, const Lexicons& lexicons,
                                  const entities::Tagger* tagger, const TrainOptions& o) {
  if (train.empty()) return InvalidArgumentError("no training documents");
  if (o.hash_bits < 10 || o.hash_bits > 26) return InvalidArgumentError("hash_bits must be in [10, 26]");
  if (o.folds < 2 || static_cast<size_t>(o.folds) > train.size()) return InvalidArgumentError("folds must be in [2, training articles]");
  CueTable cues(lexicons);
  std::vector<Raw> raws = Featurize(train, cues, tagger, o);
  std::vector<int> labels;
  for (const LabeledDoc& d : train) labels.push_back(d.label);
  if (o.augment_restyled) {
    // Restyled copies with the same label: headline punctuation, capitals and "exclusive"
    // then carry no label information of their own, so a rewrite cannot flip the verdict.
    std::vector<LabeledDoc> restyled;
    restyled.reserve(train.size());
    for (const LabeledDoc& d : train) restyled.push_back({Restyle(d.doc), d.label});
    std::vector<Raw> more = Featurize(restyled, cues, tagger, o);
    for (size_t i = 0; i < more.size(); ++i) raws.push_back(std::move(more[i])), labels.push_back(restyled[i].label);
  }
  Standardizer st = FitStandardizer(raws);
  Trained t;
  t.options = o;
  t.tagger = tagger;
  std::vector<float> idf = o.tfidf ? FitIdf(raws, o.hash_bits) : std::vector<float>();
  SparseFit text = FitSparse(raws, labels, train.size(), o, idf, o.folds);
  std::vector<std::vector<double>> rows = StackRows(raws, labels, train.size(), o.folds, o.prior_pseudo, text, st);

  ArticleModelParams p;
  p.hash_bits = o.hash_bits;
  p.weights.assign(text.w.begin(), text.w.begin() + (std::ptrdiff_t{1} << o.hash_bits));
  p.dense_scale = st.scale;
  p.dense_ref[static_cast<size_t>(Dense::kLogLength)] = st.mean[static_cast<size_t>(Dense::kLogLength)];
  p.prior = CountOutlets(raws, labels, train.size(), o.prior_pseudo, [](size_t) { return true; });
  p.lexicons = lexicons;
  p.tfidf = o.tfidf;
  p.idf = std::move(idf);
  for (size_t head : {kWithPrior, kWithoutPrior})
    p.heads[head] = FitHead(rows, labels, train.size(), o.folds, o.use_prior && head == kWithPrior, o, st, p.dense_ref, text.bias,
                            &t.cv[head]);
  char note[320];
  std::snprintf(note, sizeof note,
                "gossipcop train n=%zu; epochs=%d lr=%g l2=%g seed=%llu bits=%u dense=%d prior=%d tfidf=%d augment=%d folds=%d masked=%d",
                train.size(), o.epochs, o.learning_rate, o.l2, static_cast<unsigned long long>(o.seed), o.hash_bits, o.use_dense,
                o.use_prior, o.tfidf, o.augment_restyled, o.folds, tagger != nullptr);
  p.training_note = note;
  raws.clear();
  rows.clear();
  t.model = std::make_unique<LinearArticleModel>(std::move(p));
  // Dev is scored only now, after everything was fitted: a held-out estimate.
  if (!dev.empty()) {
    std::vector<int> y;
    for (const LabeledDoc& d : dev) y.push_back(d.label);
    for (size_t head : {kWithPrior, kWithoutPrior}) {
      double thr = t.model->params().heads[head].threshold;
      t.dev[head] = ComputeMetrics(t.ScoreHead(dev, head == kWithPrior), y, thr);
      t.model->SetHeldOut(head, ToCalibration(t.dev[head], thr, "gossipcop dev (held out)"));
    }
  }
  t.threshold = t.model->head().threshold;
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
